package org.landcover4j.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landcover4j.io.tiff.TiffTestSupport.golden;
import static org.landcover4j.io.tiff.TiffTestSupport.sameSamples;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.Window;
import org.landcover4j.core.testing.Gen;

/**
 * The small committed GeoTIFFs written by GDAL ({@code src/test/resources/tiff/make_golden.py}) decode to exactly
 * the values, georeferencing, nodata, descriptions, colour tables and overviews GDAL reports in expected.json.
 */
class GeoTiffGoldenTest {

    static final JsonNode EXPECTED = TiffTestSupport.readJson(golden("expected.json"));

    static Stream<String> files() {
        List<String> names = new ArrayList<>();
        EXPECTED.fieldNames().forEachRemaining(names::add);
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void decodesExactlyAsGdal(String name) throws Exception {
        JsonNode e = EXPECTED.get(name);
        Path p = golden(name);
        Raster r = GeoTiff.read(p);
        assertEquals(e.get("dtype").asText(), r.dataType().id(), name);
        assertEquals(e.get("bands").asInt(), r.bands(), name);
        assertEquals(e.get("width").asInt(), r.width(), name);
        assertEquals(e.get("height").asInt(), r.height(), name);
        double tolerance = e.path("tolerance").asDouble(0);
        assertValues(name + " full", e.get("values"), r, tolerance);

        GeoTiffInfo info = GeoTiff.probe(p);
        JsonNode nd = e.get("nodata");
        for (int b = 0; b < r.bands(); b++) {
            var got = r.metadata().nodata().get(b);
            if (nd.isNull()) {
                assertFalse(got.isPresent(), name + " nodata");
            } else {
                assertTrue(got.isPresent(), name + " nodata");
                assertEquals(0, Double.compare(nd.asDouble(), got.getAsDouble()), name + " nodata " + got);
            }
        }
        JsonNode t = e.get("transform");
        double[] gt = info.transform().orElseThrow().toArray();
        for (int i = 0; i < 6; i++) {
            assertEquals(t.get(i).asDouble(), gt[i], 1e-9, name + " transform " + java.util.Arrays.toString(gt));
        }
        assertArrayEquals(gt, r.geoReference().orElseThrow().transform().toArray(), name);
        if (e.get("epsg").isNull()) {
            assertTrue(info.crs().isEmpty(), name + " crs " + info.crs());
        } else {
            assertEquals(e.get("epsg").asInt(), info.crs().orElseThrow().epsgCode(), name);
            assertEquals(info.crs(), r.geoReference().orElseThrow().crs(), name);
        }
        for (int b = 0; b < r.bands(); b++) {
            String d = e.get("descriptions").get(b).asText();
            assertEquals(d, info.bandDescriptions().get(b), name);
            assertEquals(d.isEmpty() ? Integer.toString(b + 1) : d, r.metadata().bandNames().get(b), name);
        }
        int colors = e.get("color_count").asInt();
        assertEquals(colors > 0, info.hasPalette(), name);
        if (colors > 0) {
            var ct = info.colorTable().orElseThrow();
            assertEquals(colors, ct.size(), name);
            for (int i = 0; i < e.get("colors").size(); i++) {
                JsonNode c = e.get("colors").get(i);
                int rgba = c.get(0).asInt() << 24 | c.get(1).asInt() << 16 | c.get(2).asInt() << 8 | c.get(3).asInt();
                assertEquals(rgba, ct.rgba(i), name + " colour " + i);
            }
        }
        JsonNode ovs = e.get("overviews");
        assertEquals(ovs.size(), info.overviewCount(), name);
        for (int k = 0; k < ovs.size(); k++) {
            Raster o = GeoTiff.readOverview(p, k);
            assertEquals(ovs.get(k).get("width").asInt(), o.width(), name);
            assertEquals(ovs.get(k).get("height").asInt(), o.height(), name);
            assertValues(name + " overview " + k, arrayOf(ovs.get(k).get("band1")), o.selectBands(0), tolerance);
            double f = (double) r.width() / o.width();
            assertEquals(gt[1] * f, o.geoReference().orElseThrow().transform().pixelWidth(), 1e-9, name);
        }
        String structure = e.get("structure").path("INTERLEAVE").asText();
        assertEquals(structure.equals("BAND") && r.bands() > 1 ? Interleave.BAND : Interleave.PIXEL,
                info.interleave(), name);
    }

    private static JsonNode arrayOf(JsonNode single) {
        return TiffTestSupport.JSON.createArrayNode().add(single);
    }

    static void assertValues(String what, JsonNode values, Raster r, double tolerance) {
        for (int b = 0; b < r.bands(); b++) {
            JsonNode v = values.get(b);
            assertEquals(r.width() * r.height(), v.size(), what);
            for (int i = 0; i < v.size(); i++) {
                double want = v.get(i).asDouble();
                double got = r.getDouble(b, i / r.width(), i % r.width());
                if (Double.compare(want, got) != 0 && !(Math.abs(want - got) <= tolerance)) {
                    throw new AssertionError(what + " band " + b + " pixel " + i + ": expected " + want + ", got " + got);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void windowsAndBandSubsetsEqualCropsOfTheFullRead(String name) throws Exception {
        Path p = golden(name);
        Raster full = GeoTiff.read(p);
        Gen gen = Gen.seeded(name.hashCode());
        try (GeoTiffReader r = GeoTiffReader.open(p)) {
            for (int i = 0; i < 25; i++) {
                int x = gen.nextInt(full.width());
                int y = gen.nextInt(full.height());
                Window w = Window.of(x, y, 1 + gen.nextInt(full.width() - x), 1 + gen.nextInt(full.height() - y));
                int[] bands = new int[1 + gen.nextInt(full.bands() + 1)];
                for (int k = 0; k < bands.length; k++) {
                    bands[k] = gen.nextInt(full.bands());
                }
                Raster got = r.read(w, bands);
                Raster want = full.window(w).selectBands(bands);
                assertTrue(sameSamples(want, got), name + " " + w + " bands " + java.util.Arrays.toString(bands) + " " + gen);
                assertEquals(want.metadata(), got.metadata(), name + " " + w + " " + gen);
            }
        }
    }

    @Test
    void probeDescribesLayout() throws Exception {
        GeoTiffInfo big = GeoTiff.probe(golden("bigtiff_u8_deflate.tif"));
        assertTrue(big.bigTiff());
        assertEquals(TiffCompression.DEFLATE, big.compression());
        GeoTiffInfo be = GeoTiff.probe(golden("bigendian_u16_lzw_tiled.tif"));
        assertEquals(ByteOrder.BIG_ENDIAN, be.byteOrder());
        assertEquals(Interleave.BAND, be.interleave());
        assertTrue(be.tiled());
        assertEquals(16, be.blockWidth());
        assertEquals(2, be.predictor());
        assertEquals(TiffCompression.LZW, be.compression());
        GeoTiffInfo p3 = GeoTiff.probe(golden("deflate_p3_f32_tiled.tif"));
        assertEquals(3, p3.predictor());
        assertTrue(p3.toString().contains("predictor 3"), p3.toString());
        assertTrue(p3.toString().contains("[VV, VH]"), p3.toString());
        GeoTiffInfo pb = GeoTiff.probe(golden("packbits_i32.tif"));
        assertEquals(TiffCompression.PACKBITS, pb.compression());
        assertEquals(2, pb.geoKeys().intValue(GeoKeyDirectory.GT_RASTER_TYPE).orElse(0), pb.geoKeys().toString());
        GeoTiffInfo cog = GeoTiff.probe(golden("cog_u16.tif"));
        assertEquals(List.of(new GeoTiffInfo.Overview(32, 24, 128, 128), new GeoTiffInfo.Overview(16, 12, 128, 128)),
                cog.overviews());
    }

    @Test
    void overviewWindowsEqualCropsOfTheOverview() throws Exception {
        Path p = golden("cog_u16.tif");
        Raster o = GeoTiff.readOverview(p, 0);
        Raster w = GeoTiff.readOverview(p, 0, Window.of(5, 3, 20, 17), 1);
        assertTrue(sameSamples(o.window(Window.of(5, 3, 20, 17)).selectBands(1), w));
        assertEquals(o.geoReference().orElseThrow().forWindow(5, 3), w.geoReference().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> GeoTiff.readOverview(p, 2));
    }

    @Test
    void badArgumentsAreProgrammerErrors() throws Exception {
        Path p = golden("lzw_p2_u16.tif");
        assertThrows(IllegalArgumentException.class, () -> GeoTiff.read(p, Window.of(0, 0, 20, 11)));
        assertThrows(IllegalArgumentException.class, () -> GeoTiff.read(p, Window.of(0, 0, 19, 11), 2));
        assertThrows(IllegalArgumentException.class, () -> GeoTiff.read(p, Window.of(0, 0, 19, 11), -1));
    }

    @Test
    void overviewsInSubIfdsAreFoundAndMasksAndMismatchesIgnored() throws Exception {
        byte[] full = new byte[8 * 6];
        byte[] half = new byte[4 * 3];
        byte[] mask = new byte[8 * 6];
        byte[] twoBand = new byte[2 * 2 * 2];
        for (int i = 0; i < full.length; i++) {
            full[i] = (byte) i;
        }
        for (int i = 0; i < half.length; i++) {
            half[i] = (byte) (100 + i);
        }
        TiffBuilder b = new TiffBuilder();
        long fullAt = b.append(full);
        long halfAt = b.append(half);
        long maskAt = b.append(mask);
        long twoAt = b.append(twoBand);
        long ov = b.append(TiffBuilder.image(4, 3, 1, halfAt, 1));
        long mk = b.append(TiffBuilder.image(8, 6, 1, maskAt, 4));
        long two = b.append(TiffBuilder.image(2, 2, 2, twoAt, 1));
        long main = b.append(TiffBuilder.image(8, 6, 1, fullAt, 0).ifds(TiffTags.SUB_IFDS, ov, mk, two));
        Path p = java.nio.file.Files.write(java.nio.file.Files.createTempFile("subifd", ".tif"), b.build(main));
        try {
            var warnings = new java.util.ArrayList<String>();
            try (GeoTiffReader r = GeoTiffReader.open(p, org.landcover4j.io.DecodeLimits.defaults(),
                    (src, msg) -> warnings.add(msg))) {
                assertEquals(1, r.overviewCount());
                assertEquals(List.of(new GeoTiffInfo.Overview(4, 3, 4, 3)), r.info().overviews());
                Raster o = r.readOverview(0);
                for (int i = 0; i < half.length; i++) {
                    assertEquals(100 + i, o.getDouble(0, i / 4, i % 4));
                }
                assertEquals(47, r.read().getDouble(0, 5, 7));
            }
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("2 uint8 samples"), warnings.toString());
        } finally {
            java.nio.file.Files.delete(p);
        }
    }

    @Test
    void oneReaderServesConcurrentWindowedReads() throws Exception {
        Path p = golden("cog_u16.tif");
        Raster full = GeoTiff.read(p);
        try (GeoTiffReader r = GeoTiffReader.open(p)) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
                for (int t = 0; t < 4; t++) {
                    long seed = 1000 + t;
                    futures.add(pool.submit(() -> {
                        Gen g = new Gen(seed);
                        for (int i = 0; i < 200; i++) {
                            int x = g.nextInt(full.width());
                            int y = g.nextInt(full.height());
                            Window w = Window.of(x, y, 1 + g.nextInt(full.width() - x), 1 + g.nextInt(full.height() - y));
                            int b = g.nextInt(2);
                            if (!sameSamples(full.window(w).selectBands(b), r.read(w, b))) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (var f : futures) {
                    assertTrue(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
