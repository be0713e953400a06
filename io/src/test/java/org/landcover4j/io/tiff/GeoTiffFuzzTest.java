package org.landcover4j.io.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.ColorTable;

/**
 * Seeded mutation fuzzing of the GeoTIFF reader in a forked JVM with a 64 MiB heap: thousands of mutants of the
 * golden GDAL files and of writer-made files (BigTIFF, big-endian, planar, tiled, every compression and predictor)
 * must each either read or fail with an {@code InvalidDataException}; no other exception, no hang, no
 * out-of-memory. Tagged "fuzz", so it runs in the module's small-heap surefire execution. The seed is
 * {@code -Dlandcover4j.seed} (default 20240611) and the number of cases {@code -Dlandcover4j.fuzz.cases} (default
 * 10000); a failing case is replayable from the printed seeds.
 */
@Tag("fuzz")
class GeoTiffFuzzTest {

    @TempDir
    Path tmp;

    @Test
    void mutantsOnlyEverFailWithInvalidDataException() throws Exception {
        Path seeds = Files.createDirectory(tmp.resolve("seeds"));
        Path work = Files.createDirectory(tmp.resolve("work"));
        for (String name : GeoTiffGoldenTest.files().toList()) {
            Files.copy(TiffTestSupport.golden(name), seeds.resolve(name));
        }
        Gen g = Gen.seeded(20240611);
        writeSeed(seeds, "w-u16-big-be-planar-lzw.tif", GeoTiffRoundTripTest.random(g, DataType.UINT16, 3, 37, 41),
                GeoTiffWriteOptions.defaults().withCompression(TiffCompression.LZW).withTiles(16, 16)
                        .withInterleave(Interleave.BAND).withByteOrder(ByteOrder.BIG_ENDIAN)
                        .withBigTiff(GeoTiffWriteOptions.BigTiff.YES));
        writeSeed(seeds, "w-i32-packbits.tif", GeoTiffRoundTripTest.random(g, DataType.INT32, 2, 23, 19),
                GeoTiffWriteOptions.defaults().withCompression(TiffCompression.PACKBITS).withStrips(5));
        writeSeed(seeds, "w-f64-p3.tif", GeoTiffRoundTripTest.random(g, DataType.FLOAT64, 1, 20, 33),
                GeoTiffWriteOptions.defaults().withStrips(3));
        writeSeed(seeds, "w-f32-p2-big.tif", GeoTiffRoundTripTest.random(g, DataType.FLOAT32, 2, 17, 35),
                GeoTiffWriteOptions.defaults().withPredictor(GeoTiffWriteOptions.Predictor.HORIZONTAL)
                        .withBigTiff(GeoTiffWriteOptions.BigTiff.YES).withTiles(16, 32));
        writeSeed(seeds, "w-u8-palette-none.tif", GeoTiffRoundTripTest.random(g, DataType.UINT8, 1, 30, 30),
                GeoTiffWriteOptions.defaults().withCompression(TiffCompression.NONE)
                        .withColorTable(ColorTable.ofRgb(new int[] {0xff0000, 0x00ff00, 0x0000ff})));

        long seed = Long.getLong("landcover4j.seed", 20240611L);
        int cases = Integer.getInteger("landcover4j.fuzz.cases", 10000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-Xss512k",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", GeoTiffFuzz.class.getName(),
                Long.toString(seed), Integer.toString(cases), seeds.toString(), work.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(done, "fuzzer did not finish:\n" + text);
        assertEquals(0, p.exitValue(), "fuzzer (seed " + seed + ") failed:\n" + text);
        String summary = text.lines().filter(l -> l.startsWith("FUZZ ")).findFirst().orElse("");
        assertTrue(summary.startsWith("FUZZ cases=" + cases + " "), text);
        System.out.println(summary);
    }

    private static void writeSeed(Path dir, String name, Raster r, GeoTiffWriteOptions o) throws Exception {
        GeoTiff.write(dir.resolve(name), r, o);
    }
}
