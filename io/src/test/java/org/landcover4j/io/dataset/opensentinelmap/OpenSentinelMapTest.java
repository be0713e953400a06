package org.landcover4j.io.dataset.opensentinelmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.io.dataset.DatasetChecklist;
import org.landcover4j.io.dataset.DatasetTesting;
import org.landcover4j.io.samples.SampleGenerator;

class OpenSentinelMapTest extends DatasetChecklist<OpenSentinelMapSample> {

    @TempDir
    static Path generated;

    /** Upper-left corners the generator laid the cells on (UTM metres). */
    static final Map<String, double[]> CORNERS = Map.of(
            "82543044", new double[] {600000, 2101920}, "82543045", new double[] {601920, 2101920},
            "82543046", new double[] {603840, 2101920}, "119316571", new double[] {400000, 5401920},
            "119316572", new double[] {401920, 5401920}, "5012345", new double[] {300000, 6301920});

    @BeforeAll
    static void generateOnce() throws IOException {
        SampleGenerator.writeOpenSentinelMap(generated.resolve("opensentinelmap"));
    }

    @Override
    protected Path shared() {
        return generated.resolve("opensentinelmap");
    }

    @Override
    protected Dataset<OpenSentinelMapSample> open(Path root, DatasetOptions options) throws IOException {
        return OpenSentinelMap.open(root, options);
    }

    @Override
    protected String id() {
        return "opensentinelmap";
    }

    @Override
    protected String taxonomyId() {
        return "osm-landuse";
    }

    @Override
    protected List<String> expectedIds() {
        return List.of("5012345", "119316571", "119316572", "82543044", "82543045", "82543046");
    }

    @Override
    protected Map<Split, Integer> expectedSplits() {
        var m = new LinkedHashMap<Split, Integer>();
        m.put(Split.TRAIN, 3);
        m.put(Split.VAL, 1);
        m.put(Split.TEST, 2);
        return m;
    }

    @Override
    protected long[] expectedSkips() {
        return new long[] {1, 3};   // CSV rows 82543047, 119316573, 7000001 have no files
    }

    @Override
    protected void checkSample(OpenSentinelMapSample s) {
        double[] corner = CORNERS.get(s.id());
        int zone = Integer.parseInt(s.mgrsTile().substring(0, 2));
        boolean north = s.mgrsTile().charAt(2) >= 'N';
        assertEquals(Crs.utm(zone, north), s.geoReference().crs().orElseThrow());
        assertEquals(GeoTransform.northUp(corner[0], corner[1], 10), s.geoReference().transform(),
                "georeferencing rebuilt from MGRS tile and WGS84 bounds");
        s.label().ifPresent(l -> {
            assertEquals(List.of("OSM_land_use", "OSM_water_and_roads", "buildings"), l.metadata().bandNames());
            assertEquals(192, l.width());
            assertEquals(DataType.UINT8, l.dataType());
            assertEquals(s.geoReference(), l.geoReference().orElseThrow());
        });
        assertEquals(4, s.bounds().size());
        for (int i = 1; i < s.scenes().size(); i++) {
            assertTrue(!s.scenes().get(i).date().isBefore(s.scenes().get(i - 1).date()));
        }
    }

    @Override
    protected String removeRequiredPart(Path root) throws IOException {
        Files.delete(root.resolve("spatial_cell_info.csv"));
        return "has no spatial_cell_info.csv";
    }

    @Override
    protected Path corruptOneFile(Path root, SampleRef ref) throws IOException {
        Path f = ref.file("label").orElseGet(() -> ref.files().get("imagery"));
        DatasetTesting.truncate(f);
        return f;
    }

    @Test
    void csvIsReadByColumnNameAndCategoriesNameTheSpecials() throws IOException {
        var ds = OpenSentinelMap.open(shared(), new DatasetTesting.Warnings().options());
        assertEquals(Map.of(254, "none", 255, "unlabeled"), ds.categories().specials());
        assertEquals(10, ds.categories().version());
        assertEquals("building", ds.categories().className(14).orElseThrow());
        assertEquals(97.0, ds.categories().precedence(13));
        assertEquals(Split.VAL, ds.find("5012345").orElseThrow().split().orElseThrow());
        assertTrue(ds.find("119316572").orElseThrow().file("label").isEmpty(), "imagery-only cell");
        assertTrue(!ds.find("119316572").orElseThrow().labelled());
        assertEquals(Crs.epsg(32719), ds.sample("5012345").geoReference().crs().orElseThrow(), "southern zone");
    }

    @Test
    void flatteningFollowsThePrecedenceOfTheCategoriesFile() throws IOException {
        var ds = OpenSentinelMap.open(shared(), new DatasetTesting.Warnings().options());
        // an independent oracle from the JSON itself
        JsonNode json = new ObjectMapper().readTree(shared().resolve("osm_categories.json").toFile());
        Map<Integer, Double> prec = new HashMap<>();
        for (JsonNode ch : json.path("channels")) {
            for (var e : ch.path("labels").properties()) {
                int v = e.getValue().path("value").asInt();
                if (v < 254) {
                    prec.put(v, e.getValue().path("precedence").asDouble());
                }
            }
        }
        int changed = 0;
        for (String id : List.of("82543044", "5012345")) {
            OpenSentinelMapSample s = ds.sample(id);
            ByteRaster label = (ByteRaster) s.label().orElseThrow();
            ByteRaster flat = s.flattened().orElseThrow();
            for (int y = 0; y < 192; y++) {
                for (int x = 0; x < 192; x++) {
                    int best = label.get(0, y, x);
                    for (int c = 1; c < 3; c++) {
                        int v = label.get(c, y, x);
                        if (prec.containsKey(v) && (!prec.containsKey(best) || prec.get(v) >= prec.get(best))) {
                            best = v;
                        }
                    }
                    assertEquals(best, flat.get(0, y, x), id + " at " + x + "," + y);
                    changed += best != label.get(0, y, x) ? 1 : 0;
                }
            }
        }
        assertTrue(changed > 0, "roads, water and buildings override land use somewhere");
        assertEquals(255, ds.sample("5012345").flattened().orElseThrow().get(0, 0, 0), "unlabeled corner");
    }

    @Test
    void imageryIsSortedByDateAndDecodedOnRequest() throws IOException {
        var ds = OpenSentinelMap.open(shared(), new DatasetTesting.Warnings().options());
        OpenSentinelMapSample s = ds.sample("82543044");
        assertEquals(List.of("S2B_43QEU_20181120_0_L2A.npz", "S2A_43QEU_20190305_0_L2A.npz"),
                s.scenes().stream().map(OsmScene::name).toList(), "by date, not by name");
        assertEquals(LocalDate.of(2018, 11, 20), s.scenes().get(0).date());
        OsmImagery im = s.scenes().get(0).read();
        assertEquals(OsmImagery.GSD10_BANDS, im.gsd10().metadata().bandNames());
        assertEquals(192, im.gsd10().width());
        assertEquals(96, im.gsd20().width());
        assertEquals(6, im.gsd20().bands());
        assertEquals(32, im.gsd60().width());
        assertEquals(96, im.scl().orElseThrow().width());
        assertTrue(im.badPercent().getAsDouble() >= 0 && im.badPercent().getAsDouble() <= 0.24);
        assertEquals(10.0, im.gsd10().geoReference().orElseThrow().transform().pixelWidth());
        assertEquals(20.0, im.gsd20().geoReference().orElseThrow().transform().pixelWidth());
        assertEquals(60.0, im.gsd60().geoReference().orElseThrow().transform().pixelWidth());
        assertEquals(s.geoReference().transform().originX(), im.gsd60().geoReference().orElseThrow().transform()
                .originX());
        FloatRaster all = im.allBandsOn10m(Resampling.BILINEAR);
        assertEquals(OsmImagery.ALL_BANDS, all.metadata().bandNames());
        assertEquals(192, all.width());
        assertEquals(im.gsd10().get(2, 7, 9), all.get(3, 7, 9), "B04 passes through");
        FloatRaster near = im.gsd20On10m(Resampling.NEAREST);
        for (int y = 0; y < 192; y += 7) {
            for (int x = 0; x < 192; x += 5) {
                assertEquals(im.gsd20().get(3, y / 2, x / 2), near.get(3, y, x));
            }
        }
        var none = ds.sample("82543045");
        assertTrue(none.scenes().isEmpty());
    }

    @Test
    void bilinearMatchesTheHalfPixelFormula() {
        float[] src = new float[5 * 4];
        for (int i = 0; i < src.length; i++) {
            src[i] = (float) ((i * 37) % 11) - 3.5f;
        }
        int sw = 5;
        int sh = 4;
        int dw = 15;
        int dh = 8;
        float[] got = Resampling.bilinear(src, sw, sh, dw, dh);
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                // PyTorch align_corners=False: source coordinate (d + 0.5) * in/out - 0.5, clamped at 0
                double sx = Math.max(0, (x + 0.5) * sw / dw - 0.5);
                double sy = Math.max(0, (y + 0.5) * sh / dh - 0.5);
                int x0 = (int) sx;
                int y0 = (int) sy;
                int x1 = Math.min(x0 + 1, sw - 1);
                int y1 = Math.min(y0 + 1, sh - 1);
                double fx = sx - x0;
                double fy = sy - y0;
                double want = (1 - fy) * ((1 - fx) * src[y0 * sw + x0] + fx * src[y0 * sw + x1])
                        + fy * ((1 - fx) * src[y1 * sw + x0] + fx * src[y1 * sw + x1]);
                assertEquals(want, got[y * dw + x], 1e-5, x + "," + y);
            }
        }
        float[] src6 = new float[7 * 3];
        for (int i = 0; i < src6.length; i++) {
            src6[i] = i * 0.5f - 2;
        }
        assertArrayEquals(Resampling.nearest(src6, 7, 3, 42, 18), Resampling.NEAREST.resample(
                org.landcover4j.core.raster.FloatRaster.wrap(org.landcover4j.core.raster.RasterMetadata.of(
                        DataType.FLOAT32, 1, 3, 7), src6), 42, 18, null).unsafeBandArray(0),
                "the kernel path and the general loop agree");
        float[] flat = new float[16];
        java.util.Arrays.fill(flat, 0.25f);
        for (float v : Resampling.bilinear(flat, 4, 4, 24, 24)) {
            assertEquals(0.25f, v);
        }
    }

    @Test
    void corruptImageryFailsTheSceneNotTheSample() throws IOException {
        Path root = scratch.resolve("npz");
        SampleGenerator.writeOpenSentinelMap(root);
        Path npz = root.resolve("osm_sentinel_imagery/43QEU/82543044/S2A_43QEU_20190305_0_L2A.npz");
        DatasetTesting.truncate(npz);
        var ds = OpenSentinelMap.open(root, new DatasetTesting.Warnings().options());
        OpenSentinelMapSample s = ds.sample("82543044");
        assertTrue(s.label().isPresent());
        s.scenes().get(0).read();
        var e = assertThrows(InvalidDataException.class, () -> s.scenes().get(1).read());
        assertTrue(e.getMessage().contains("S2A_43QEU_20190305_0_L2A.npz"), e.getMessage());
    }

    @Test
    void missingColumnIsNamedAndMissingCategoriesFallBackWithAWarning() throws IOException {
        Path root = scratch.resolve("csv");
        SampleGenerator.writeOpenSentinelMap(root);
        Files.delete(root.resolve("osm_categories.json"));
        var w = new DatasetTesting.Warnings();
        var ds = OpenSentinelMap.open(root, w.options());
        assertEquals(OsmCategories.defaults(), ds.categories());
        assertTrue(w.toString().contains("no osm_categories.json; using the built-in"), w.toString());
        String csv = Files.readString(root.resolve("spatial_cell_info.csv")).replace("MGRS_tile", "tile");
        Files.writeString(root.resolve("spatial_cell_info.csv"), csv);
        var e = assertThrows(InvalidDataException.class, () -> OpenSentinelMap.open(root,
                new DatasetTesting.Warnings().options()));
        assertTrue(e.getMessage().contains("has no column 'MGRS_tile'"), e.getMessage());
        Files.writeString(root.resolve("spatial_cell_info.csv"), "cell_id,MGRS_tile\n\"1,43QEU\n");
        var e2 = assertThrows(InvalidDataException.class, () -> OpenSentinelMap.open(root,
                new DatasetTesting.Warnings().options()));
        assertTrue(e2.getMessage().contains("spatial_cell_info.csv"), e2.getMessage());
    }

    @Test
    void utmAgreesWithProj() {
        // reference values: PROJ 9 (cs2cs EPSG:4326 EPSG:326zz / 327zz), to the millimetre
        double[][] cases = {
            {18, 1, -74.0445, 40.6892, 580735.870703, 4504695.165219},
            {31, 1, 0, 3, 166476.932992, 332050.474748},
            {28, 1, -15.858, 17.946, 409139.495383, 1984420.838477},
            {60, 0, 177.1, -45.2, 507854.061999, 4994826.880766},
            {35, 1, 26.9, 60.1, 494439.075088, 6662552.254401}};
        for (double[] c : cases) {
            Utm.Zone z = new Utm.Zone((int) c[0], c[1] == 1);
            double[] en = Utm.forward(z, c[2], c[3]);
            assertEquals(c[4], en[0], 1e-3, "easting " + java.util.Arrays.toString(c));
            assertEquals(c[5], en[1], 1e-3, "northing " + java.util.Arrays.toString(c));
            double[] ll = Utm.inverse(z, en[0], en[1]);
            assertEquals(c[2], ll[0], 1e-8, "round trip within a millimetre");
            assertEquals(c[3], ll[1], 1e-8, "round trip within a millimetre");
        }
        assertEquals(new Utm.Zone(43, true), Utm.zoneOf("43QEU"));
        assertEquals(new Utm.Zone(19, false), Utm.zoneOf("19HCS"));
        assertEquals(new Utm.Zone(4, true), Utm.zoneOf("4QFJ"));
        assertThrows(IllegalArgumentException.class, () -> Utm.zoneOf("61QEU"));
        assertThrows(IllegalArgumentException.class, () -> Utm.zoneOf("43IEU"));
    }

    @Test
    void reconstructionInvertsTheBoundsOfEveryCell() {
        for (String tile : List.of("43QEU", "19HCS", "01CDK", "60XWK")) {
            for (double x = 166_000; x < 834_000; x += 97_910) {
                double y = tile.charAt(2) >= 'N' ? 1_234_560 : 9_876_540;
                double[] b = OpenSentinelMap.wgs84Bounds(tile, x, y);
                var g = OpenSentinelMap.reconstruct(tile, b[0], b[2], b[1], b[3]);
                assertEquals(GeoTransform.northUp(x, y, 10), g.transform(), tile + " " + x);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> OpenSentinelMap.reconstruct("43QEU", 2, 1, 0, 1));
    }
}
