package org.landcover4j.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.ColorTable;

/**
 * Files our writer makes open in GDAL with the same values, transform, CRS, nodata, band descriptions and colour
 * table. GDAL's view comes from {@code gdalinfo -json -checksum} and, for exact values, {@code gdal_translate -of
 * ENVI} (raw band-sequential bytes). Runs when {@code gdalinfo} is on the PATH ({@code apt-get install gdal-bin});
 * skips with a message otherwise.
 */
class GeoTiffGdalInteropTest {

    @TempDir
    static Path tmp;

    static boolean gdal;

    @BeforeAll
    static void findGdal() {
        gdal = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "gdalinfo"))
                        && Files.isExecutable(Path.of(d, "gdal_translate")));
    }

    private static void requireGdal() {
        Assumptions.assumeTrue(gdal, "skipped: gdalinfo/gdal_translate are not on the PATH "
                + "(apt-get install gdal-bin) so the GDAL interop test cannot run");
    }

    private static String run(String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GDAL_PAM_ENABLED", "NO"); // no .aux.xml files beside ours
        Process p = pb.start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd) + " did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + text);
        return text;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        GeoTiffWriteOptions[] layouts = {
            GeoTiffWriteOptions.defaults(),
            GeoTiffWriteOptions.defaults().withCompression(TiffCompression.LZW).withStrips(7)
                    .withInterleave(Interleave.BAND).withByteOrder(ByteOrder.BIG_ENDIAN),
            GeoTiffWriteOptions.defaults().withCompression(TiffCompression.PACKBITS).withTiles(16, 16)
                    .withBigTiff(GeoTiffWriteOptions.BigTiff.YES),
            GeoTiffWriteOptions.defaults().withCompression(TiffCompression.NONE).withStrips(0),
        };
        GeoReference[] geos = {
            GeoReference.of(Crs.epsg(32630), GeoTransform.northUp(399960, 1400040, 10)),
            GeoReference.of(Crs.epsg(4326), new GeoTransform(-3.5, 0.001, 0, 40.25, 0, -0.001)),
            GeoReference.of(Crs.epsg(3857), new GeoTransform(100, 8.660254037844387, 5, 200, 5, -8.660254037844387)),
        };
        int k = 0;
        for (DataType t : DataType.values()) {
            for (int l = 0; l < layouts.length; l++) {
                out.add(Arguments.of(t, l, layouts[l], geos[k++ % geos.length]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} layout {1} {3}")
    @MethodSource("cases")
    void gdalReadsWhatWeWrite(DataType type, int layout, GeoTiffWriteOptions opts, GeoReference geo) throws Exception {
        requireGdal();
        Gen g = Gen.seeded(type.ordinal() * 10L + layout);
        Raster r = GeoTiffRoundTripTest.random(g, type, 3, 21 + layout, 34);
        double nodata = type.isInteger() ? (type.isSigned() ? -7 : 7) : Double.NaN;
        RasterMetadata m = r.metadata().withGeoReference(geo).withNodata(nodata).withBandNames("red", "", "nir");
        r = r.withMetadata(m.withBandNames("red", "2", "nir"));
        Path p = tmp.resolve("ours-" + type + "-" + layout + ".tif");
        GeoTiff.write(p, r, opts);
        String what = type + " " + opts + " " + g;

        JsonNode info = TiffTestSupport.JSON.readTree(run("gdalinfo", "-json", "-checksum", p.toString()));
        assertEquals(r.width(), info.at("/size/0").asInt(), what);
        assertEquals(r.height(), info.at("/size/1").asInt(), what);
        assertEquals(3, info.get("bands").size(), what);
        double[] gt = new double[6];
        for (int i = 0; i < 6; i++) {
            gt[i] = info.get("geoTransform").get(i).asDouble();
        }
        assertArrayEquals(geo.transform().toArray(), gt, 1e-9, what);
        assertEquals(geo.crs().orElseThrow().epsgCode(), info.at("/stac/proj:epsg").asInt(), what);
        String[] names = {"red", "", "nir"};
        for (int b = 0; b < 3; b++) {
            JsonNode band = info.get("bands").get(b);
            String gdalType = band.get("type").asText();
            // GDAL before 3.7 has no Int8: it reads SampleFormat 2 bytes as Byte flagged PIXELTYPE=SIGNEDBYTE
            boolean signedByte = type == DataType.INT8 && gdalType.equals("Byte");
            if (signedByte) {
                assertEquals("SIGNEDBYTE", band.at("/metadata/IMAGE_STRUCTURE/PIXELTYPE").asText(), what);
            } else {
                assertEquals(gdalType(type), gdalType, what);
            }
            Raster view = r;
            if (signedByte) {
                ByteRaster br = (ByteRaster) r;
                view = ByteRaster.wrap(r.metadata().withDataType(DataType.UINT8), br.unsafeBandArray(0),
                        br.unsafeBandArray(1), br.unsafeBandArray(2));
            }
            assertEquals(TiffTestSupport.gdalChecksum(view, b), band.get("checksum").asInt(), what + " band " + b);
            assertEquals(names[b], band.path("description").asText(""), what + " band " + b);
            JsonNode nd = band.get("noDataValue");
            if (Double.isNaN(nodata)) {
                assertEquals("NaN", nd.asText(), what);
            } else {
                assertEquals(nodata, nd.asDouble(), what);
            }
        }
        // exact values: GDAL's raw band-sequential dump, in the machine's (little-endian) order
        Path envi = tmp.resolve("gdal-" + type + "-" + layout + ".bin");
        run("gdal_translate", "-q", "-of", "ENVI", "-co", "INTERLEAVE=BSQ", p.toString(), envi.toString());
        byte[] raw = Files.readAllBytes(envi);
        int bandBytes = r.width() * r.height() * type.bytes();
        assertEquals(3 * bandBytes, raw.length, what);
        for (int b = 0; b < 3; b++) {
            assertArrayEquals(TiffTestSupport.bandBytes(r, b),
                    java.util.Arrays.copyOfRange(raw, b * bandBytes, (b + 1) * bandBytes), what + " band " + b);
        }
    }

    private static String gdalType(DataType t) {
        return switch (t) {
            case UINT8 -> "Byte";
            case INT8 -> "Int8";
            case UINT16 -> "UInt16";
            case INT16 -> "Int16";
            case UINT32 -> "UInt32";
            case INT32 -> "Int32";
            case FLOAT32 -> "Float32";
            case FLOAT64 -> "Float64";
        };
    }

    @Test
    void gdalSeesOurPalette() throws Exception {
        requireGdal();
        Gen g = Gen.seeded(42);
        int[] rgb = {0x000000, 0x0000ff, 0x888888, 0xd1a46d, 0xf5f5ff, 0xd64c2b, 0x186818, 0x00ff00};
        Raster r = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 20, 20)
                .withGeoReference(new GeoReference(Optional.of(Crs.epsg(32628)), GeoTransform.northUp(0, 0, 10))),
                g.bytes(400, 0, 7));
        Path p = tmp.resolve("palette.tif");
        GeoTiff.write(p, r, GeoTiffWriteOptions.defaults().withColorTable(ColorTable.ofRgb(rgb)));
        JsonNode info = TiffTestSupport.JSON.readTree(run("gdalinfo", "-json", p.toString()));
        JsonNode band = info.get("bands").get(0);
        assertEquals("Palette", band.get("colorInterpretation").asText());
        JsonNode entries = band.at("/colorTable/entries");
        assertEquals(256, entries.size());
        for (int i = 0; i < rgb.length; i++) {
            JsonNode e = entries.get(i);
            int got = e.get(0).asInt() << 16 | e.get(1).asInt() << 8 | e.get(2).asInt();
            assertEquals(rgb[i], got, "colour " + i);
        }
    }
}
