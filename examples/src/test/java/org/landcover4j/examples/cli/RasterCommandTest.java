package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.ColorTable;
import org.landcover4j.io.npy.NdArray;
import org.landcover4j.io.npy.Npz;
import org.landcover4j.io.png.Png;
import org.landcover4j.io.png.PngWriteOptions;
import org.landcover4j.io.tiff.GeoTiff;

class RasterCommandTest {
    @TempDir
    Path dir;

    private static final GeoReference GEO = GeoReference.of(Crs.epsg(32630),
            GeoTransform.northUp(399960, 1400040, 10));

    private JsonNode json(String... args) throws Exception {
        Path out = dir.resolve("out.json");
        String[] all = new String[args.length + 3];
        all[0] = "raster";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--json";
        all[args.length + 2] = out.toString();
        CliRun.Result r = LandcoverCliTest.run(all);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        return JsonOutput.mapper().readTree(out.toFile());
    }

    @Test
    void describesAGeoTiffWithNodataCrsTransformAndStatistics() throws Exception {
        // band 1: 0 (nodata), 1, 2, 3, 4, 5, 6, 7 -> valid 1..7; band 2: all 9
        RasterMetadata m = RasterMetadata.of(DataType.UINT16, 2, 2, 4).withGeoReference(GEO).withNodata(0);
        Path f = dir.resolve("lc.tif");
        GeoTiff.write(f, ShortRaster.wrap(m, new short[] {0, 1, 2, 3, 4, 5, 6, 7},
                new short[] {9, 9, 9, 9, 9, 9, 9, 9}));
        JsonNode j = json(f.toString());
        assertEquals(List.of("width", "height", "bands", "data_type", "nodata", "crs", "transform", "band_stats"),
                iterator(j).subList(0, 8));
        assertEquals(4, j.get("width").asInt());
        assertEquals(2, j.get("height").asInt());
        assertEquals(2, j.get("bands").asInt());
        assertEquals("uint16", j.get("data_type").asText());
        assertTrue(j.get("nodata").get(0).isIntegralNumber());
        assertEquals(0, j.get("nodata").get(0).asInt());
        assertEquals("EPSG:32630", j.get("crs").asText());
        assertEquals(List.of(399960.0, 10.0, 0.0, 1400040.0, 0.0, -10.0), doubles(j.get("transform")));
        JsonNode s = j.get("band_stats").get(0);
        assertEquals(List.of("min", "max", "mean", "std", "valid_pixels"), iterator(s));
        assertTrue(s.get("min").isIntegralNumber());
        assertEquals(1, s.get("min").asInt());
        assertEquals(7, s.get("max").asInt());
        assertEquals(4.0, s.get("mean").asDouble());
        assertEquals(2.0, s.get("std").asDouble(), 1e-12);          // population std of 1..7
        assertEquals(7, s.get("valid_pixels").asLong());
        JsonNode s2 = j.get("band_stats").get(1);
        assertEquals(9.0, s2.get("mean").asDouble());
        assertEquals(0.0, s2.get("std").asDouble());
        assertEquals(8, s2.get("valid_pixels").asLong());
    }

    @Test
    void describesAPalettePngWithoutGeoreferencing() throws Exception {
        Path f = dir.resolve("label.png");
        Png.write(f, ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 1, 4), new byte[] {0, 1, 2, 2}),
                PngWriteOptions.defaults().withPalette(ColorTable.ofRgb(new int[] {0, 0xff, 0xff00})));
        JsonNode j = json(f.toString());
        assertTrue(j.get("nodata").get(0).isNull());
        assertTrue(j.get("crs").isNull());
        assertTrue(j.get("transform").isNull());
        assertEquals(1.25, j.get("band_stats").get(0).get("mean").asDouble());
        assertEquals(4, j.get("band_stats").get(0).get("valid_pixels").asInt());
        assertEquals("png", j.get("format").asText());
        assertEquals(3, j.get("color_table_entries").asInt());
    }

    @Test
    void skipsNanAndReportsNanNodataAsAString() throws Exception {
        RasterMetadata m = RasterMetadata.of(DataType.FLOAT32, 2, 1, 4).withGeoReference(GEO).withNodata(Double.NaN);
        Path f = dir.resolve("ndvi.tif");
        GeoTiff.write(f, FloatRaster.wrap(m, new float[] {Float.NaN, 0.5f, -0.5f, 1f},
                new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN}));
        JsonNode j = json(f.toString());
        assertEquals("NaN", j.get("nodata").get(0).asText());
        JsonNode s = j.get("band_stats").get(0);
        assertEquals(-0.5, s.get("min").asDouble());
        assertEquals(1.0, s.get("max").asDouble());
        assertEquals(1.0 / 3, s.get("mean").asDouble(), 1e-7);
        assertEquals(3, s.get("valid_pixels").asInt());
        JsonNode empty = j.get("band_stats").get(1);
        for (String k : new String[] {"min", "max", "mean", "std"}) {
            assertTrue(empty.get(k).isNull(), k + " of a band without valid pixels is null");
        }
        assertEquals(0, empty.get("valid_pixels").asInt());
    }

    @Test
    void describesFloat64WithANumericNodataAndAnNpzArray() throws Exception {
        RasterMetadata m = RasterMetadata.of(DataType.FLOAT64, 1, 1, 5)
                .withNodata(List.of(OptionalDouble.of(-9999)));
        Path f = dir.resolve("dem.tif");
        GeoTiff.write(f, DoubleRaster.wrap(m, new double[] {-9999, 100, 200, Double.NaN, 300}));
        JsonNode j = json(f.toString());
        assertEquals(-9999.0, j.get("nodata").get(0).asDouble());
        assertEquals("float64", j.get("data_type").asText());
        JsonNode s = j.get("band_stats").get(0);
        assertEquals(200.0, s.get("mean").asDouble());
        assertEquals(Math.sqrt(20000.0 / 3), s.get("std").asDouble(), 1e-9);
        assertEquals(3, s.get("valid_pixels").asInt());

        Path npz = dir.resolve("scene.npz");
        Npz.write(npz, Map.of("gsd_10", NdArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2)), true);
        JsonNode a = json(npz + ":gsd_10");
        assertEquals(2, a.get("bands").asInt());
        assertEquals("float32", a.get("data_type").asText());
        assertEquals(4.0, a.get("band_stats").get(0).get("mean").asDouble());   // channel 0: 1, 3, 5, 7
    }

    @Test
    void printsAReadableSummaryWithoutJson() throws Exception {
        Path f = dir.resolve("lc.tif");
        GeoTiff.write(f, ShortRaster.wrap(RasterMetadata.of(DataType.UINT16, 1, 1, 3).withGeoReference(GEO),
                new short[] {1, 2, 3}));
        CliRun.Result r = LandcoverCliTest.run("raster", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(f + ": geotiff, 3 x 1, 1 band, uint16"), r.out());
        assertTrue(r.out().contains("EPSG:32630") && r.out().contains("min 1, max 3"), r.out());
    }

    @Test
    void corruptAndMissingFilesExitWithThreeAndOneLine() throws Exception {
        Path good = dir.resolve("g.png");
        Png.write(good, ByteRaster.zeros(DataType.UINT8, 1, 8, 8));
        byte[] b = Files.readAllBytes(good);
        Path bad = dir.resolve("bad.png");
        Files.write(bad, java.util.Arrays.copyOf(b, b.length - 20));
        for (Path p : new Path[] {bad, dir.resolve("missing.tif"), dir.resolve("x.npz:key")}) {
            CliRun.Result r = LandcoverCliTest.run("raster", p.toString());
            assertEquals(3, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(p.toString().replace(":key", "")), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        CliRun.Result r = LandcoverCliTest.run("raster", text.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("unknown raster format"), r.err());
        assertEquals(2, LandcoverCliTest.run("raster").code());
    }

    /** GDAL as the oracle, when gdalinfo is installed (CI installs gdal-bin). */
    @Test
    void agreesWithGdalinfoStats() throws Exception {
        Path gdalinfo = Path.of("/usr/bin/gdalinfo");
        Assumptions.assumeTrue(Files.isExecutable(gdalinfo), "skipped: gdalinfo is not installed");
        var gen = new java.util.SplittableRandom(3);
        short[] a = new short[64 * 48];
        for (int i = 0; i < a.length; i++) {
            a[i] = (short) gen.nextInt(0, 3000);
        }
        RasterMetadata m = RasterMetadata.of(DataType.UINT16, 1, 48, 64).withGeoReference(GEO).withNodata(0);
        Path f = dir.resolve("gdal.tif");
        GeoTiff.write(f, ShortRaster.wrap(m, a));
        Process p = new ProcessBuilder(gdalinfo.toString(), "-json", "-stats", f.toString())
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        JsonNode g = JsonOutput.mapper().readTree(out).get("bands").get(0);
        JsonNode ours = json(f.toString()).get("band_stats").get(0);
        assertEquals(g.get("minimum").asDouble(), ours.get("min").asDouble());
        assertEquals(g.get("maximum").asDouble(), ours.get("max").asDouble());
        // gdalinfo -json prints mean and standard deviation rounded to 3 decimals
        assertEquals(g.get("mean").asDouble(), ours.get("mean").asDouble(), 5e-4);
        assertEquals(g.get("stdDev").asDouble(), ours.get("std").asDouble(), 5e-4);
        assertEquals(g.get("metadata").get("").get("STATISTICS_VALID_PERCENT").asDouble(),
                100.0 * ours.get("valid_pixels").asLong() / a.length, 1e-3);
    }

    private static List<String> iterator(JsonNode n) {
        List<String> keys = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<Double> doubles(JsonNode n) {
        List<Double> out = new java.util.ArrayList<>();
        n.forEach(x -> out.add(x.asDouble()));
        return out;
    }
}
