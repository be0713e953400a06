package org.landcover4j.io.dataset.openearthmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.io.dataset.DatasetChecklist;
import org.landcover4j.io.dataset.DatasetTesting;
import org.landcover4j.io.samples.SampleGenerator;

class OpenEarthMapTest extends DatasetChecklist<OpenEarthMapSample> {

    @TempDir
    static Path generated;

    @BeforeAll
    static void generateOnce() throws IOException {
        SampleGenerator.writeOpenEarthMap(generated.resolve("openearthmap"));
    }

    @Override
    protected Path shared() {
        return generated.resolve("openearthmap");
    }

    @Override
    protected Dataset<OpenEarthMapSample> open(Path root, DatasetOptions options) throws IOException {
        return OpenEarthMap.open(root, options);
    }

    @Override
    protected String id() {
        return "openearthmap";
    }

    @Override
    protected String taxonomyId() {
        return "openearthmap";
    }

    @Override
    protected List<String> expectedIds() {
        return List.of("aachen_1", "aachen_2", "aachen_10", "buenos_aires_3", "buenos_aires_4",
                "kujawsko-pomorskie_7", "kujawsko-pomorskie_8", "les_cayes_1", "les_cayes_2");
    }

    @Override
    protected Map<Split, Integer> expectedSplits() {
        var m = new LinkedHashMap<Split, Integer>();
        m.put(Split.TRAIN, 5);
        m.put(Split.VAL, 2);
        m.put(Split.TEST, 2);
        return m;
    }

    @Override
    protected long[] expectedSkips() {
        return new long[] {2, 2};   // les_cayes_9: a label without image, and its train.txt line
    }

    @Override
    protected void checkSample(OpenEarthMapSample s) {
        assertEquals(List.of("red", "green", "blue"), s.image().metadata().bandNames());
        assertEquals(DataType.UINT8, s.image().dataType());
        assertEquals(OpenEarthMap.regionOf(s.id()), s.region());
        assertTrue(s.image().geoReference().isPresent());
        s.label().ifPresent(l -> {
            assertEquals(DataType.UINT8, l.dataType());
            assertEquals(s.image().geoReference(), l.geoReference());
            for (double v : l.bandAsDouble(0)) {
                assertTrue(v >= 0 && v <= 8, "class " + v);
            }
        });
        assertEquals(s.split().equals(Optional.of(Split.TEST)), s.label().isEmpty(),
                "test tiles have no labels in the public release");
    }

    @Override
    protected String removeRequiredPart(Path root) throws IOException {
        try (Stream<Path> regions = Files.list(root)) {
            for (Path r : regions.filter(Files::isDirectory).toList()) {
                DatasetTesting.deleteTree(r.resolve("labels"));
            }
        }
        return "has no <region>/labels/ folder";
    }

    @Override
    protected Path corruptOneFile(Path root, SampleRef ref) throws IOException {
        Path f = ref.files().get("image");
        DatasetTesting.truncate(f);
        return f;
    }

    @Test
    void regionIsTheStemUpToTheLastUnderscore() {
        assertEquals("buenos_aires", OpenEarthMap.regionOf("buenos_aires_3"));
        assertEquals("kujawsko-pomorskie", OpenEarthMap.regionOf("kujawsko-pomorskie_7"));
        assertEquals("les_cayes", OpenEarthMap.regionOf("les_cayes_12"));
        assertEquals("aachen", OpenEarthMap.regionOf("aachen"));
    }

    @Test
    void crsAndSizeComeFromEachFile() throws IOException {
        var ds = OpenEarthMap.open(shared(), new DatasetTesting.Warnings().options());
        Set<String> crs = new TreeSet<>();
        for (SampleRef r : ds.refs()) {
            crs.add(ds.read(r).image().geoReference().orElseThrow().crs().orElseThrow().id().substring(0, 6));
        }
        assertEquals(Set.of("EPSG:3", "EPSG:4", "PROJCS"), crs, "UTM, 4326, 3857 and a WKT-only grid");
        var odd = ds.sample("kujawsko-pomorskie_8");
        assertEquals(250, odd.image().width());
        assertEquals(200, odd.image().height());
        assertTrue(odd.label().isEmpty());
        assertEquals(4326, ds.sample("buenos_aires_3").image().geoReference().orElseThrow().crs().orElseThrow()
                .epsgCode());
        assertEquals("aachen", ds.sample("aachen_10").ref().group());
    }

    @Test
    void splitFilesNamesWithAndWithoutExtensionAreAccepted() throws IOException {
        Path root = scratch.resolve("noext");
        SampleGenerator.writeOpenEarthMap(root);
        Files.writeString(root.resolve("val.txt"), "aachen_10\nbuenos_aires_4.tif\n");
        var ds = OpenEarthMap.open(root, new DatasetTesting.Warnings().options());
        assertEquals(2, ds.splitCounts().get(Split.VAL));
    }

    @Test
    void withoutSplitFilesThereAreNoSplits() throws IOException {
        Path root = scratch.resolve("nosplits");
        SampleGenerator.writeOpenEarthMap(root);
        for (String f : List.of("train.txt", "val.txt", "test.txt")) {
            Files.delete(root.resolve(f));
        }
        var w = new DatasetTesting.Warnings();
        var ds = OpenEarthMap.open(root, w.options());
        assertEquals(Map.of(), ds.splitCounts());
        assertEquals(9, ds.size());
        assertEquals(1, w.lines.size(), "only the label without image is reported: " + w);
    }
}
