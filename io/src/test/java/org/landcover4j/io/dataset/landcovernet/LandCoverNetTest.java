package org.landcover4j.io.dataset.landcovernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.testing.SharedData;
import org.landcover4j.io.dataset.DatasetChecklist;
import org.landcover4j.io.dataset.DatasetTesting;
import org.landcover4j.io.samples.SampleGenerator;

class LandCoverNetTest extends DatasetChecklist<LandCoverNetSample> {

    @TempDir
    static Path generated;

    @BeforeAll
    static void generateOnce() throws IOException {
        SampleGenerator.writeLandCoverNet(generated.resolve("landcovernet"));
        SampleGenerator.defaults().landCoverNetTileTree(generated.resolve("tree"));
    }

    @Override
    protected Path shared() {
        return generated.resolve("landcovernet");
    }

    @Override
    protected Dataset<LandCoverNetSample> open(Path root, DatasetOptions options) throws IOException {
        return LandCoverNet.open(root, options);
    }

    @Override
    protected String id() {
        return "landcovernet";
    }

    @Override
    protected String taxonomyId() {
        return "landcovernet";
    }

    @Override
    protected List<String> expectedIds() {
        return List.of("28QDE_00", "28QDE_01", "31NFH_17");
    }

    @Override
    protected Map<Split, Integer> expectedSplits() {
        return Map.of();
    }

    @Override
    protected long[] expectedSkips() {
        return new long[] {1, 2};   // 28QDE_02 and 30PTV_28 are linked but not on disk
    }

    @Override
    protected void checkSample(LandCoverNetSample s) {
        assertEquals(DataType.UINT16, s.label().dataType());
        assertEquals(List.of("class"), s.label().metadata().bandNames());
        assertEquals(List.of("consensus"), s.consensus().metadata().bandNames());
        assertEquals(256, s.label().width());
        assertEquals(10.0, s.label().geoReference().orElseThrow().transform().pixelWidth());
        int epsg = s.label().geoReference().orElseThrow().crs().orElseThrow().epsgCode();
        assertEquals(32600 + Integer.parseInt(s.tile().substring(0, 2)), epsg);
        assertEquals(LandCoverNet.DEFAULT_CLASS_NAMES, s.classNames());
        assertEquals(s.tile() + "_" + s.chip(), s.id());
        assertEquals(histogram(s.label()).entrySet().stream().filter(e -> e.getKey() != 0)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                s.classCountsByValue().orElseThrow());
    }

    static Map<Integer, Long> histogram(Raster r) {
        long[] h = new long[65536];
        Kernels.histogram(((ShortRaster) r).unsafeBandArray(0), null, h);
        Map<Integer, Long> out = new TreeMap<>();
        for (int v = 0; v < h.length; v++) {
            if (h[v] > 0) {
                out.put(v, h[v]);
            }
        }
        return out;
    }

    @Override
    protected String removeRequiredPart(Path root) throws IOException {
        Files.delete(root.resolve("ref_landcovernet_af_v1_labels").resolve("collection.json"));
        return "has no collection.json";
    }

    @Override
    protected Path corruptOneFile(Path root, SampleRef ref) throws IOException {
        Path f = ref.files().get("label");
        DatasetTesting.truncate(f);
        return f;
    }

    @Test
    void partialDownloadWarnsOnceAndListsTheMissingItems() throws IOException {
        var w = new DatasetTesting.Warnings();
        var ds = LandCoverNet.open(shared(), w.options());
        assertEquals(LandCoverNet.Layout.STAC_ARCHIVE, ds.layout());
        assertEquals(1, w.lines.size(), w.toString());
        assertTrue(w.lines.get(0).contains("2 items linked from collection.json that are not on disk"), w.toString());
        assertTrue(w.lines.get(0).contains("ref_landcovernet_af_v1_labels_28QDE_02"), w.toString());
    }

    @Test
    void timeSeriesIsSortedByDateAndDecodedLazily() throws IOException {
        var ds = LandCoverNet.open(shared(), new DatasetTesting.Warnings().options());
        LandCoverNetSample s = ds.sample("28QDE_00");
        assertEquals(List.of(LocalDate.of(2018, 1, 5), LocalDate.of(2018, 1, 10), LocalDate.of(2018, 1, 18),
                LocalDate.of(2018, 1, 25)), s.scenes().stream().map(SourceScene::date).toList());
        assertEquals(List.of(Sensor.SENTINEL_1, Sensor.SENTINEL_2, Sensor.LANDSAT_8, Sensor.SENTINEL_2),
                s.scenes().stream().map(SourceScene::sensor).toList());
        assertEquals(3, s.presentScenes().size());
        assertEquals(4, s.sourceDates().size());
        SourceScene s2 = s.scenes(Sensor.SENTINEL_2).get(0);
        Raster all = s2.read();
        assertEquals(14, all.bands());
        assertEquals(Sensor.SENTINEL_2.bands(), all.metadata().bandNames());
        assertEquals(DataType.UINT16, all.dataType(), "uint16 reflectance and uint8 CLD/SCL stack as uint16");
        assertEquals(255.0, all.metadata().nodata().get(12).getAsDouble(), "CLD nodata");
        assertEquals(s.label().geoReference(), all.geoReference());
        Raster rgb = s2.read("B04", "B03", "B02");
        assertEquals(List.of("B04", "B03", "B02"), rgb.metadata().bandNames());
        assertEquals(all.getDouble(3, 10, 20), rgb.getDouble(0, 10, 20));
        Raster s1 = s.scenes(Sensor.SENTINEL_1).get(0).read();
        assertEquals(List.of("VV", "VH"), s1.metadata().bandNames());
        assertEquals(DataType.FLOAT32, s1.dataType());
        assertEquals(7, s.scenes(Sensor.LANDSAT_8).get(0).read().bands());
        SourceScene absent = s.scenes(Sensor.SENTINEL_2).get(1);
        assertFalse(absent.present());
        var e = assertThrows(InvalidDataException.class, absent::read);
        assertTrue(e.getMessage().contains("partial download"), e.getMessage());
        var e2 = assertThrows(InvalidDataException.class, () -> s2.read("B10"));
        assertTrue(e2.getMessage().contains("has no band B10"), e2.getMessage());
    }

    @Test
    void consensusMaskAndMinimumConsensusLabel() throws IOException {
        var ds = LandCoverNet.open(shared(), new DatasetTesting.Warnings().options());
        LandCoverNetSample s = ds.sample("31NFH_17");
        ByteRaster mask = s.consensusMask(70);
        Raster strict = s.labelWithMinConsensus(70);
        int kept = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                double score = s.consensus().getDouble(0, y, x);
                assertEquals(score >= 70 ? 1 : 0, mask.get(0, y, x));
                assertEquals(score >= 70 ? s.label().getDouble(0, y, x) : 0, strict.getDouble(0, y, x));
                kept += score >= 70 ? 1 : 0;
            }
        }
        assertTrue(kept > 0 && kept < 256 * 256, "the sample's scores straddle 70");
        assertEquals(s.label().geoReference(), mask.geoReference());
        assertThrows(IllegalArgumentException.class, () -> s.consensusMask(101));
        // class 0 with a non-zero score: the two bands' nodata are independent
        boolean zeroWithScore = false;
        for (int y = 224; y < 256 && !zeroWithScore; y++) {
            zeroWithScore = s.label().getDouble(0, y, 0) == 0 && s.consensus().getDouble(0, y, 0) > 0;
        }
        assertTrue(zeroWithScore);
    }

    @Test
    void corruptStacItemFailsOnlyThatChip() throws IOException {
        Path root = scratch.resolve("badstac");
        SampleGenerator.writeLandCoverNet(root);
        Path stac = root.resolve("ref_landcovernet_af_v1_labels/ref_landcovernet_af_v1_labels_28QDE_01/stac.json");
        Files.writeString(stac, "{\"type\": \"Feature\", \"assets\": ");
        var ds = LandCoverNet.open(root, new DatasetTesting.Warnings().options());
        assertEquals(3, ds.size());
        var e = assertThrows(InvalidDataException.class, () -> ds.sample("28QDE_01"));
        assertTrue(e.getMessage().contains("stac.json") && e.getMessage().contains("not valid JSON"), e.getMessage());
        ds.sample("28QDE_00");
        ds.sample("31NFH_17");
    }

    @Test
    void tileChipTreeLayout() throws IOException {
        var w = new DatasetTesting.Warnings();
        Dataset<?> any = Datasets.open(generated.resolve("tree"), w.options());
        LandCoverNet ds = (LandCoverNet) any;
        assertEquals(LandCoverNet.Layout.TILE_CHIP_TREE, ds.layout());
        assertEquals(List.of("36SWF_00", "36SWF_01"), ds.refs().stream().map(SampleRef::id).toList());
        assertEquals(1, ds.skipped().size());
        assertTrue(ds.skipped().get(0).examples().contains("36SWF/02"), ds.skipped().toString());
        LandCoverNetSample s = ds.sample("36SWF_00");
        assertTrue(s.classCounts().isEmpty(), "no STAC item, no counts");
        assertEquals(List.of(LocalDate.of(2018, 3, 1), LocalDate.of(2018, 4, 11)), s.sourceDates());
        assertEquals(List.of(Sensor.SENTINEL_1, Sensor.SENTINEL_2), s.scenes().stream().map(SourceScene::sensor).toList());
        assertEquals(Sensor.SENTINEL_2.bands(), s.scenes().get(1).bandNames());
        assertEquals(Crs.epsg(32636), s.scenes().get(1).read("B02").geoReference().orElseThrow().crs().orElseThrow());
        LandCoverNetSample s1 = ds.sample("36SWF_01");   // documentation naming without _2018
        assertTrue(s1.ref().files().get("label").getFileName().toString().equals("36SWF_01_LC_10m.tif"));
        assertTrue(s1.scenes().isEmpty());
        // the data/v1.0/2018 folder itself is also a valid root
        assertEquals(2, LandCoverNet.open(generated.resolve("tree/data/v1.0/2018"),
                new DatasetTesting.Warnings().options()).size());
    }

    @Test
    void labelsCollectionFolderIsAlsoARoot() throws IOException {
        var ds = LandCoverNet.open(shared().resolve("ref_landcovernet_af_v1_labels"),
                new DatasetTesting.Warnings().options());
        assertEquals(expectedIds(), ds.refs().stream().map(SampleRef::id).toList());
    }

    @Test
    void datesFileRowsWithoutADateAreNamed() throws IOException {
        Path f = scratch.resolve("dates.csv");
        Files.writeString(f, ",28QDE\n0,20180108\n1,x\n");
        var e = assertThrows(InvalidDataException.class, () -> LandCoverNet.readDates(f));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    // ------------------------------------------------------------------------------------ the real files

    @Test
    void realChipsBand1HistogramEqualsTheirStacCounts() throws IOException {
        Path root = SharedData.require("datasets/fixtures/landcovernet/ref_landcovernet_af_v1");
        var w = new DatasetTesting.Warnings();
        var ds = (LandCoverNet) Datasets.open(root, w.options());
        assertEquals(List.of("28QDE_00", "30PTV_28", "31NFH_17"), ds.refs().stream().map(SampleRef::id).toList());
        assertEquals(1977, ds.skipped().get(0).count(), "1,980 linked, 3 on disk");
        assertEquals(1, w.lines.size(), w.toString());
        ObjectMapper json = new ObjectMapper();
        for (SampleRef r : ds.refs()) {
            LandCoverNetSample s = ds.read(r);
            // the oracle, read independently of the reader: names -> values via file:values, counts from overviews
            JsonNode item = json.readTree(r.files().get("stac").toFile());
            Map<String, Integer> valueOf = new HashMap<>();
            for (JsonNode v : item.path("assets").path("labels").path("file:values")) {
                valueOf.put(v.path("summary").asText(), v.path("value").get(0).asInt());
            }
            Map<Integer, Long> expected = new TreeMap<>();
            for (JsonNode c : item.path("properties").path("label:overviews").get(0).path("counts")) {
                expected.put(valueOf.get(c.path("name").asText()), c.path("count").asLong());
            }
            Map<Integer, Long> actual = histogram(s.label());
            actual.remove(0);   // "No Data" is not counted in label:overviews
            assertEquals(expected, actual, r.id());
            assertEquals(24, s.sourceDates().size());
            assertTrue(s.scenes().size() > 100, "every S1, S2 and L8 source link is listed");
            assertTrue(s.presentScenes().isEmpty(), "the fixture holds labels only");
            assertEquals(Crs.epsg(32600 + Integer.parseInt(s.tile().substring(0, 2))),
                    s.label().geoReference().orElseThrow().crs().orElseThrow());
            double max = 0;
            for (double v : s.consensus().bandAsDouble(0)) {
                max = Math.max(max, v);
            }
            assertEquals(100.0, max, "band 2 is the consensus score 0-100");
        }
        LandCoverNetSample first = ds.sample("28QDE_00");
        assertEquals(73, first.scenes(Sensor.SENTINEL_2).size());
        assertEquals(30, first.scenes(Sensor.SENTINEL_1).size());
        assertEquals(22, first.scenes(Sensor.LANDSAT_8).size());
    }

    @Test
    void legacyApiSentinel2ChipReadsAsOneSceneWith14NamedBands() throws IOException {
        Path folder = SharedData.require("datasets/fixtures/landcovernet/legacy_api_source/52UEA_08_20180720");
        SourceScene scene = SourceScene.open(folder);
        assertEquals(Sensor.SENTINEL_2, scene.sensor());
        assertEquals(LocalDate.of(2018, 7, 20), scene.date());
        assertEquals(List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B11", "B12",
                "CLD", "SCL"), scene.bandNames());
        Raster r = scene.read();
        assertEquals(14, r.bands());
        assertEquals(256, r.width());
        assertEquals(DataType.UINT16, r.dataType());
        assertEquals(Crs.epsg(32652), r.geoReference().orElseThrow().crs().orElseThrow());
        assertEquals(255.0, r.metadata().nodata().get(12).getAsDouble());
        assertEquals(0.0, r.metadata().nodata().get(0).getAsDouble());
        // value ranges listed in FORMATS.md section 8 (rasterio): B02 1364..9816, B09 6392..15668, SCL 8..10
        assertRange(r, 1, 1364, 9816);
        assertRange(r, 9, 6392, 15668);
        assertRange(r, 13, 8, 10);
    }

    private static void assertRange(Raster r, int band, double min, double max) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double v : r.bandAsDouble(band)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertEquals(min, lo, "min of " + r.metadata().bandNames().get(band));
        assertEquals(max, hi, "max of " + r.metadata().bandNames().get(band));
    }
}
