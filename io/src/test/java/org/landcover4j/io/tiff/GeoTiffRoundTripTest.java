package org.landcover4j.io.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.raster.Window;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.ColorTable;

/** Every type, layout, compression and predictor written by the writer reads back bit for bit, with metadata. */
class GeoTiffRoundTripTest {

    @TempDir
    Path tmp;

    /** A random raster of {@code type}, with the extremes of the type and, for floats, NaN, infinities and -0. */
    static Raster random(Gen g, DataType type, int bands, int height, int width) {
        RasterMetadata m = RasterMetadata.of(type, bands, height, width)
                .withGeoReference(GeoReference.of(Crs.utm(30, true), GeoTransform.northUp(399960, 1400040, 10)));
        int n = height * width;
        return switch (type) {
            case UINT8, INT8 -> {
                byte[][] d = new byte[bands][];
                for (int b = 0; b < bands; b++) {
                    d[b] = g.bytes(n, -128, 127);
                }
                yield ByteRaster.wrap(m, d);
            }
            case UINT16, INT16 -> {
                short[][] d = new short[bands][];
                for (int b = 0; b < bands; b++) {
                    // smooth runs plus noise: exercises predictor 2 and the LZW table growth
                    d[b] = new short[n];
                    for (int i = 0; i < n; i++) {
                        d[b][i] = (short) (g.chance(0.7) ? (i / 7) * 13 : g.between(Short.MIN_VALUE, Short.MAX_VALUE));
                    }
                }
                yield ShortRaster.wrap(m, d);
            }
            case UINT32, INT32 -> {
                int[][] d = new int[bands][n];
                for (int b = 0; b < bands; b++) {
                    for (int i = 0; i < n; i++) {
                        d[b][i] = g.chance(0.05) ? (g.chance(0.5) ? Integer.MIN_VALUE : Integer.MAX_VALUE)
                                : g.between(Integer.MIN_VALUE, Integer.MAX_VALUE - 1);
                    }
                }
                yield IntRaster.wrap(m, d);
            }
            case FLOAT32 -> {
                float[][] d = new float[bands][];
                for (int b = 0; b < bands; b++) {
                    d[b] = g.floatsWithExtremes(n);
                }
                yield FloatRaster.wrap(m, d);
            }
            case FLOAT64 -> {
                double[][] d = new double[bands][n];
                for (int b = 0; b < bands; b++) {
                    float[] f = g.floatsWithExtremes(n);
                    for (int i = 0; i < n; i++) {
                        d[b][i] = g.chance(0.1) ? Double.longBitsToDouble(((long) g.between(Integer.MIN_VALUE, Integer.MAX_VALUE - 1) << 32)
                                ^ g.between(Integer.MIN_VALUE, Integer.MAX_VALUE - 1)) : f[i] * Math.PI;
                    }
                }
                yield DoubleRaster.wrap(m, d);
            }
        };
    }

    static Stream<Arguments> layouts() {
        List<Arguments> out = new ArrayList<>();
        for (DataType t : DataType.values()) {
            for (TiffCompression c : new TiffCompression[] {TiffCompression.NONE, TiffCompression.DEFLATE,
                TiffCompression.LZW, TiffCompression.PACKBITS}) {
                for (boolean tiled : new boolean[] {true, false}) {
                    for (Interleave il : Interleave.values()) {
                        out.add(Arguments.of(t, c, tiled, il));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} tiled={2} {3}")
    @MethodSource("layouts")
    void everyTypeAndLayoutRoundTrips(DataType type, TiffCompression c, boolean tiled, Interleave il) throws Exception {
        Gen g = Gen.seeded(type.ordinal() * 1000L + c.ordinal() * 10 + (tiled ? 1 : 0) + il.ordinal() * 100);
        int bands = 1 + g.nextInt(3);
        Raster r = random(g, type, bands, 20 + g.nextInt(30), 20 + g.nextInt(40));
        List<GeoTiffWriteOptions> variants = new ArrayList<>();
        GeoTiffWriteOptions base = GeoTiffWriteOptions.defaults().withCompression(c).withInterleave(il);
        base = tiled ? base.withTiles(16, 32) : base.withStrips(1 + g.nextInt(9));
        variants.add(base);
        variants.add(base.withByteOrder(ByteOrder.BIG_ENDIAN).withBigTiff(GeoTiffWriteOptions.BigTiff.YES));
        if (c == TiffCompression.DEFLATE || c == TiffCompression.LZW) {
            variants.add(base.withPredictor(GeoTiffWriteOptions.Predictor.NONE));
            variants.add(base.withPredictor(GeoTiffWriteOptions.Predictor.HORIZONTAL).withByteOrder(ByteOrder.BIG_ENDIAN));
            if (!type.isInteger()) {
                variants.add(base.withPredictor(GeoTiffWriteOptions.Predictor.FLOATING_POINT)
                        .withByteOrder(ByteOrder.BIG_ENDIAN));
            }
        }
        int k = 0;
        for (GeoTiffWriteOptions o : variants) {
            Path p = tmp.resolve("rt" + k++ + ".tif");
            GeoTiff.write(p, r, o);
            Raster back = GeoTiff.read(p);
            String what = type + " " + o + " " + g;
            assertTrue(TiffTestSupport.sameSamples(r, back), what);
            assertEquals(r.metadata(), back.metadata(), what);
            GeoTiffInfo info = GeoTiff.probe(p);
            assertEquals(o.byteOrder(), info.byteOrder(), what);
            assertEquals(o.bigTiff() == GeoTiffWriteOptions.BigTiff.YES, info.bigTiff(), what);
            assertEquals(o.tiled(), info.tiled(), what);
            assertEquals(c == TiffCompression.DEFLATE ? TiffCompression.DEFLATE : c, info.compression(), what);
            int expectedPredictor = switch (o.predictor()) {
                case AUTO -> c == TiffCompression.DEFLATE || c == TiffCompression.LZW ? (type.isInteger() ? 2 : 3) : 1;
                case NONE -> 1;
                case HORIZONTAL -> 2;
                case FLOATING_POINT -> 3;
            };
            assertEquals(expectedPredictor, info.predictor(), what);
            assertEquals(bands > 1 ? il : Interleave.PIXEL, info.interleave(), what);
            // a window of a band subset
            Window w = Window.of(3, 2, r.width() - 5, r.height() - 4);
            int[] sel = bands > 1 ? new int[] {bands - 1, 0} : new int[] {0};
            assertTrue(TiffTestSupport.sameSamples(r.window(w).selectBands(sel), GeoTiff.read(p, w, sel)), what);
        }
    }

    @Test
    void georeferencingNodataAndBandNamesRoundTrip() throws Exception {
        Gen g = Gen.seeded(7);
        Raster r = random(g, DataType.FLOAT32, 2, 17, 23);
        var cases = List.of(
                GeoReference.of(Crs.epsg(32633), GeoTransform.northUp(500000, 4650000, 10)),
                GeoReference.of(Crs.epsg(4326), new GeoTransform(-3.5, 0.001, 0, 40.25, 0, -0.001)),
                GeoReference.of(Crs.epsg(3857), new GeoTransform(100, 8.660254037844387, 5, 200, 5, -8.660254037844387)),
                new GeoReference(Optional.empty(), GeoTransform.northUp(0, 0, 1)),
                GeoReference.of(Crs.wkt("PROJCS[\"custom\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\","
                        + "6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
                        + "PROJECTION[\"Mercator_1SP\"],UNIT[\"metre\",1]]"), GeoTransform.northUp(10, 20, 30)));
        int k = 0;
        for (GeoReference geo : cases) {
            for (double nd : new double[] {Double.NaN, -9999, 0.25, Double.NEGATIVE_INFINITY}) {
                RasterMetadata m = r.metadata().withGeoReference(geo).withNodata(nd).withBandNames("VV", "VH");
                Raster in = r.withMetadata(m);
                Path p = tmp.resolve("geo" + k++ + ".tif");
                GeoTiff.write(p, in);
                Raster back = GeoTiff.read(p);
                assertEquals(m, back.metadata(), geo + " nodata " + nd);
                assertTrue(TiffTestSupport.sameSamples(in, back));
            }
        }
        GeoTiffInfo geographic = GeoTiff.probe(tmp.resolve("geo4.tif"));
        assertEquals(4326, geographic.geoKeys().intValue(GeoKeyDirectory.GEOGRAPHIC_TYPE).orElse(0));
        assertEquals(2, geographic.geoKeys().intValue(GeoKeyDirectory.GT_MODEL_TYPE).orElse(0));
    }

    @Test
    void paletteIsPreserved() throws Exception {
        Gen g = Gen.seeded(11);
        int[] rgb = {0x000000, 0x0000ff, 0x888888, 0xd1a46d, 0xf5f5ff, 0xd64c2b, 0x186818, 0x00ff00};
        ColorTable ct = ColorTable.ofRgb(rgb);
        for (DataType t : new DataType[] {DataType.UINT8, DataType.UINT16}) {
            RasterMetadata m = RasterMetadata.of(t, 2, 31, 29).withNodata(0);
            Raster r = t == DataType.UINT8
                    ? ByteRaster.wrap(m, g.bytes(31 * 29, 0, 7), g.bytes(31 * 29, 0, 100))
                    : ShortRaster.wrap(m, g.shorts(31 * 29, 0, 7), g.shorts(31 * 29, 0, 100));
            Path p = tmp.resolve("pal-" + t + ".tif");
            GeoTiff.write(p, r, GeoTiffWriteOptions.defaults().withColorTable(ct));
            GeoTiffInfo info = GeoTiff.probe(p);
            ColorTable back = info.colorTable().orElseThrow();
            assertEquals(1 << t.bits(), back.size());
            for (int i = 0; i < rgb.length; i++) {
                // GDAL's convention, which we follow: the nodata index reads back transparent
                int alpha = i == 0 ? 0 : 0xFF;
                assertEquals(rgb[i] << 8 | alpha, back.rgba(i), t + " colour " + i);
            }
            assertEquals(3, info.photometric());
            assertTrue(TiffTestSupport.sameSamples(r, GeoTiff.read(p)), t.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> GeoTiff.write(tmp.resolve("x.tif"),
                random(g, DataType.FLOAT32, 1, 4, 4), GeoTiffWriteOptions.defaults().withColorTable(ct)));
    }

    @Test
    void hundredsOfBandsInBothInterleaves() throws Exception {
        Gen g = Gen.seeded(300);
        Raster r = random(g, DataType.UINT16, 300, 9, 13);
        for (Interleave il : Interleave.values()) {
            Path p = tmp.resolve("many-" + il + ".tif");
            GeoTiff.write(p, r, GeoTiffWriteOptions.defaults().withInterleave(il).withStrips(4));
            assertTrue(TiffTestSupport.sameSamples(r, GeoTiff.read(p)), il.toString());
            assertTrue(TiffTestSupport.sameSamples(r.selectBands(299, 7, 150),
                    GeoTiff.readBands(p, 299, 7, 150)), il.toString());
        }
    }

    @Test
    void metadataItemsAndDescriptionsAreWrittenAsGdalMetadata() throws Exception {
        Gen g = Gen.seeded(5);
        Raster r = random(g, DataType.UINT8, 2, 5, 5);
        r = r.withMetadata(r.metadata().withBandNames("a<b", "c&d"));
        Path p = tmp.resolve("md.tif");
        GeoTiff.write(p, r, GeoTiffWriteOptions.defaults().withMetadata(Map.of("SOURCE", "unit \"test\"")));
        GeoTiffInfo info = GeoTiff.probe(p);
        assertEquals(List.of("a<b", "c&d"), info.bandDescriptions());
        assertEquals(Map.of("SOURCE", "unit \"test\""), info.gdalMetadata());
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GeoTiffWriteOptions.defaults().withTiles(100, 100));
        assertThrows(IllegalArgumentException.class, () -> GeoTiffWriteOptions.defaults().withDeflateLevel(0));
        assertThrows(IllegalArgumentException.class,
                () -> GeoTiffWriteOptions.defaults().withCompression(TiffCompression.JPEG));
        Gen g = Gen.seeded(3);
        Raster ints = random(g, DataType.INT16, 1, 4, 4);
        assertThrows(IllegalArgumentException.class, () -> GeoTiff.write(tmp.resolve("p3.tif"), ints,
                GeoTiffWriteOptions.defaults().withPredictor(GeoTiffWriteOptions.Predictor.FLOATING_POINT)));
        Raster two = random(g, DataType.INT16, 2, 4, 4);
        var nd = List.of(java.util.OptionalDouble.of(1), java.util.OptionalDouble.of(2));
        assertThrows(IllegalArgumentException.class,
                () -> GeoTiff.write(tmp.resolve("nd.tif"), two.withMetadata(two.metadata().withNodata(nd))));
        assertFalse(Files.exists(tmp.resolve("nd.tif")));
    }
}
