package org.landcover4j.io.dataset.sen12ms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.testing.SharedData;
import org.landcover4j.io.dataset.DatasetChecklist;
import org.landcover4j.io.dataset.DatasetTesting;
import org.landcover4j.io.samples.SampleGenerator;

class Sen12msTest extends DatasetChecklist<Sen12msSample> {

    @TempDir
    static Path generated;

    @BeforeAll
    static void generateOnce() throws IOException {
        SampleGenerator.writeSen12ms(generated.resolve("sen12ms"));
    }

    @Override
    protected Path shared() {
        return generated.resolve("sen12ms");
    }

    @Override
    protected Dataset<Sen12msSample> open(Path root, DatasetOptions options) throws IOException {
        return Sen12ms.open(root, options);
    }

    @Override
    protected String id() {
        return "sen12ms";
    }

    @Override
    protected String taxonomyId() {
        return "igbp";
    }

    @Override
    protected List<String> expectedIds() {
        return List.of("ROIs1158_spring_1_p1", "ROIs1158_spring_1_p2", "ROIs1158_spring_4_p1",
                "ROIs1868_summer_146_p201", "ROIs1868_summer_146_p202", "ROIs1970_fall_3_p1", "ROIs1970_fall_3_p2",
                "ROIs2017_winter_5_p1");
    }

    @Override
    protected Map<Split, Integer> expectedSplits() {
        var m = new LinkedHashMap<Split, Integer>();
        m.put(Split.TRAIN, 4);
        m.put(Split.TEST, 3);
        return m;
    }

    @Override
    protected long[] expectedSkips() {
        return new long[] {1, 1};   // the incomplete patch ROIs1158_spring_1_p3 (no lc)
    }

    @Override
    protected void checkSample(Sen12msSample s) {
        assertEquals(List.of("VV", "VH"), s.s1().metadata().bandNames());
        assertEquals(List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B10", "B11",
                "B12"), s.s2().metadata().bandNames());
        assertEquals(List.of("IGBP", "LCCS_LC", "LCCS_LU", "LCCS_SH"), s.lc().metadata().bandNames());
        assertEquals(DataType.FLOAT32, s.s1().dataType());
        assertEquals(DataType.UINT16, s.s2().dataType());
        assertEquals(DataType.UINT8, s.lc().dataType());
        assertEquals(64, s.s2().width());
        var geo = s.s2().geoReference().orElseThrow();
        assertTrue(geo.crs().orElseThrow().epsgCode() / 100 == 326 || geo.crs().orElseThrow().epsgCode() / 100 == 327);
        assertEquals(10.0, geo.transform().pixelWidth());
        assertEquals(geo, s.lc().geoReference().orElseThrow());
        assertTrue(s.id().startsWith("ROIs" + s.seed() + "_" + s.season().id() + "_" + s.scene() + "_p" + s.patch()));
        for (int i = 0; i < 64 * 64; i++) {
            int igbp = (int) s.igbp().getDouble(0, i / 64, i % 64);
            assertTrue(igbp >= 1 && igbp <= 17, "IGBP " + igbp);
        }
    }

    @Override
    protected String removeRequiredPart(Path root) throws IOException {
        try (Stream<Path> seasons = Files.list(root)) {
            for (Path season : seasons.filter(Files::isDirectory).toList()) {
                try (Stream<Path> dirs = Files.list(season)) {
                    for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith("lc_")).toList()) {
                        DatasetTesting.deleteTree(d);
                    }
                }
            }
        }
        return "has no lc_<scene> folder";
    }

    @Override
    protected Path corruptOneFile(Path root, SampleRef ref) throws IOException {
        Path f = ref.files().get("s2");
        DatasetTesting.truncate(f);
        return f;
    }

    @Test
    void knownBrokenPatchIsFlaggedKeepsNanAndIsInNoSplit() throws IOException {
        var ds = Sen12ms.open(shared(), new DatasetTesting.Warnings().options());
        Sen12msSample broken = ds.sample(Sen12ms.KNOWN_BROKEN_ID);
        assertTrue(broken.knownIssue().orElseThrow().contains(Sen12ms.KNOWN_BROKEN));
        assertEquals(Optional.empty(), broken.split());
        FloatRaster s1 = (FloatRaster) broken.s1();
        assertTrue(Float.isNaN(s1.get(0, 0, 0)), "NaN must be kept as stored");
        assertTrue(ds.sample("ROIs1158_spring_1_p1").knownIssue().isEmpty());
        assertEquals(Season.SUMMER, broken.season());
        assertEquals(1868, broken.seed());
        assertEquals(146, broken.scene());
        assertEquals(202, broken.patch());
    }

    @Test
    void incompleteTripletIsSkippedWithOneWarningNamingIt() throws IOException {
        var w = new DatasetTesting.Warnings();
        var ds = Sen12ms.open(shared(), w.options());
        assertEquals(1, w.lines.size(), w.toString());
        assertTrue(w.lines.get(0).contains("ROIs1158_spring_1_p3 (no lc)"), w.toString());
        assertTrue(ds.find("ROIs1158_spring_1_p3").isEmpty());
    }

    @Test
    void holdOutScenesDefineSplitsWhenTheListsAreAbsent() throws IOException {
        Path root = scratch.resolve("holdout");
        SampleGenerator.writeSen12ms(root);
        Files.delete(root.resolve("train_list.txt"));
        Files.delete(root.resolve("test_list.txt"));
        var ds = Sen12ms.open(root, new DatasetTesting.Warnings().options());
        assertEquals(Map.of(Split.TRAIN, 4, Split.TEST, 3), ds.splitCounts());
        assertEquals(Optional.empty(), ds.find(Sen12ms.KNOWN_BROKEN_ID).orElseThrow().split(),
                "the hold-out rule never puts the broken patch in train");
        for (SampleRef r : ds.refs(Split.TEST)) {
            assertTrue(r.group().equals("ROIs1970_fall/3") || r.group().equals("ROIs2017_winter/5"), r.toString());
        }
        Files.delete(root.resolve("SEN12MS_holdOutScenes.txt"));
        var none = Sen12ms.open(root, new DatasetTesting.Warnings().options());
        assertEquals(Map.of(), none.splitCounts());
        assertTrue(none.toString().endsWith("splits={}]"), none.toString());
    }

    @Test
    void validationSplitIsSceneGroupedAndReproducible() throws IOException {
        var ds = Sen12ms.open(shared(), new DatasetTesting.Warnings().options());
        var v = ds.withValidationSplit(0.4, 7);
        assertEquals(List.of(Split.TRAIN, Split.VAL, Split.TEST), v.info().splits());
        int train = v.splitCounts().get(Split.TRAIN);
        int val = v.splitCounts().get(Split.VAL);
        assertEquals(4, train + val);
        assertTrue(val >= 1 && train >= 1, v.toString());
        assertEquals(ds.splitCounts().get(Split.TEST), v.splitCounts().get(Split.TEST));
        Set<String> trainGroups = new HashSet<>();
        v.refs(Split.TRAIN).forEach(r -> trainGroups.add(r.group()));
        for (SampleRef r : v.refs(Split.VAL)) {
            assertFalse(trainGroups.contains(r.group()), "scene " + r.group() + " is in train and val");
        }
        assertEquals(v.refs(), ds.withValidationSplit(0.4, 7).refs(), "same seed, same split");
        assertEquals(ds.refs().stream().map(SampleRef::id).toList(), v.refs().stream().map(SampleRef::id).toList());
        assertThrows(IllegalArgumentException.class, () -> ds.withValidationSplit(1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> ds.withValidationSplit(-0.1, 1));
        boolean differs = false;
        for (long seed = 0; seed < 20 && !differs; seed++) {
            differs = !ds.withValidationSplit(0.4, seed).refs().equals(v.refs());
        }
        assertTrue(differs, "the seed must matter");
    }

    @Test
    void splitListNamesWithoutFilesAreCounted() throws IOException {
        Path root = scratch.resolve("official");
        SampleGenerator.writeSen12ms(root);
        Path official = SharedData.require("datasets/fixtures/sen12ms/official_splits/test_list.txt");
        String ours = Files.readString(root.resolve("test_list.txt"));
        Files.writeString(root.resolve("test_list.txt"), ours + Files.readString(official));
        var w = new DatasetTesting.Warnings();
        var ds = Sen12ms.open(root, w.options());
        assertEquals(3, ds.splitCounts().get(Split.TEST));
        long missing = ds.skipped().stream().filter(s -> s.reason().contains("test_list.txt")).mapToLong(s -> s.count())
                .sum();
        assertEquals(18_106, missing, ds.skipped().toString());
        assertEquals(1, w.lines.stream().filter(l -> l.contains("test_list.txt")).count(), w.toString());
    }

    @Test
    void officialSplitListsLoad() throws IOException {
        Path dir = SharedData.require("datasets/fixtures/sen12ms/official_splits");
        List<String> test = Sen12ms.readSplitList(dir.resolve("test_list.txt"));
        assertEquals(18_106, test.size());
        assertEquals("ROIs1158_spring_124_p100", test.get(0));
        assertEquals(18_106, new HashSet<>(test).size());
        Set<String> holdOut = Sen12ms.readHoldOutScenes(dir.resolve("SEN12MS_holdOutScenes.txt"));
        assertEquals(26, holdOut.size());
        for (String id : test) {
            String scene = id.substring(0, id.lastIndexOf("_p"));
            String group = scene.substring(0, scene.lastIndexOf('_')) + "/" + scene.substring(scene.lastIndexOf('_') + 1);
            assertTrue(holdOut.contains(group), id + " is not in a hold-out scene");
        }
    }

    @Test
    void torchgeoFixturesOpenWithUint16LandCover() throws IOException {
        Path root = SharedData.require("datasets/fixtures/sen12ms/torchgeo_synthetic");
        var w = new DatasetTesting.Warnings();
        var ds = Sen12ms.open(root, w.options());
        assertEquals(8, ds.size());
        assertEquals(Map.of(Split.TRAIN, 0, Split.TEST, 8), ds.splitCounts(), "both lists name every patch");
        assertTrue(w.toString().contains("listed in both train_list.txt and test_list.txt"), w.toString());
        for (SampleRef r : ds.refs()) {
            Sen12msSample s = ds.read(r);
            assertEquals(DataType.UINT16, s.lc().dataType());
            assertEquals(64, s.s2().width());
            assertEquals(Crs.epsg(32737), s.s1().geoReference().orElseThrow().crs().orElseThrow());
        }
        assertNotEquals(ds.sample(0).s2().getDouble(3, 5, 5), Double.NaN);
    }

    @Test
    void badSplitListLineIsNamed() throws IOException {
        Path root = scratch.resolve("badlist");
        SampleGenerator.writeSen12ms(root);
        Files.writeString(root.resolve("test_list.txt"), "ROIs1970_fall_s2_3_p1.tif\nnot a patch name\n");
        var e = assertThrows(org.landcover4j.core.InvalidDataException.class,
                () -> Sen12ms.open(root, new DatasetTesting.Warnings().options()));
        assertTrue(e.getMessage().contains("test_list.txt") && e.getMessage().contains("line 2"), e.getMessage());
    }
}
