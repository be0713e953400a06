package org.landcover4j.io.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.testing.SharedData;
import org.landcover4j.io.DecodeLimits;
import org.landcover4j.io.RasterInfo;
import org.landcover4j.io.npy.Npy;

class JpegTest {
    @TempDir
    Path tmp;

    static Path resource(String name) throws Exception {
        return Path.of(JpegTest.class.getResource("/jpeg/" + name).toURI());
    }

    /**
     * Pillow 9.4 (libjpeg-turbo) and the JDK (IJG libjpeg 6b) both use the integer IDCT and fancy upsampling: on
     * these files (4:2:0, 4:4:4, progressive, grey, and CMYK through the fallback reader) they agree exactly.
     */
    @ParameterizedTest
    @CsvSource({"rgb_q90_420,3,0,1", "rgb_q75_444,3,0,1", "rgb_progressive,3,0,1", "grey_q90,1,0,1", "cmyk_q90,3,0,1"})
    void matchesPillow(String name, int bands, int maxDiff, double exactShare) throws Exception {
        Raster want = Npy.read(resource(name + ".npy")).asRaster();
        Raster got = Jpeg.read(resource(name + ".jpg"), DecodeLimits.defaults(), WarningListener.ignore());
        assertEquals(bands, got.bands());
        assertEquals(DataType.UINT8, got.dataType());
        assertEquals(want.width(), got.width());
        assertEquals(want.height(), got.height());
        long exact = 0;
        long total = 0;
        int worst = 0;
        for (int b = 0; b < bands; b++) {
            double[] x = want.bandAsDouble(b);
            double[] y = got.bandAsDouble(b);
            for (int i = 0; i < x.length; i++) {
                int d = (int) Math.abs(x[i] - y[i]);
                worst = Math.max(worst, d);
                exact += d == 0 ? 1 : 0;
                total++;
            }
        }
        String stats = name + ": max difference " + worst + ", exact " + exact + "/" + total;
        assertTrue(worst <= maxDiff, stats);
        assertTrue(exact >= exactShare * total, stats);
    }

    @Test
    void probeReadsTheFrameHeaderOnly() throws Exception {
        RasterInfo i = Jpeg.probe(resource("rgb_progressive.jpg"));
        assertEquals(37, i.metadata().width());
        assertEquals(29, i.metadata().height());
        assertEquals(3, i.metadata().bands());
        assertEquals(1, Jpeg.probe(resource("grey_q90.jpg")).metadata().bands());
        assertEquals(3, Jpeg.probe(resource("cmyk_q90.jpg")).metadata().bands());
    }

    @Test
    void absurdFrameSizesAreBadDataNamingTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        byte[] b = Files.readAllBytes(resource("grey_q90.jpg"));
        int sof = -1;
        for (int i = 0; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && ((b[i + 1] & 0xFF) == 0xC0 || (b[i + 1] & 0xFF) == 0xC2)) {
                sof = i;
                break;
            }
        }
        assertTrue(sof > 0, "no SOF marker in the test file");
        b[sof + 5] = (byte) 0xEA;   // height 60000
        b[sof + 6] = (byte) 0x60;
        b[sof + 7] = (byte) 0xEA;   // width 60000
        b[sof + 8] = (byte) 0x60;
        Path f = dir.resolve("huge.jpg");
        Files.write(f, b);
        InvalidDataException p = assertThrows(InvalidDataException.class, () -> Jpeg.probe(f));
        assertTrue(p.getMessage().contains("huge.jpg") && p.getMessage().contains("60000x60000"), p.getMessage());
        InvalidDataException r = assertThrows(InvalidDataException.class, () -> Jpeg.read(f));
        assertTrue(r.getMessage().contains("huge.jpg"), r.getMessage());
    }

    /**
     * The real Globe230k patches: pixels identical to Pillow's (SHA-256 of the band-sequential bytes, recorded by
     * make_codec_goldens.py) and to the slow, independent path BufferedImage.getRGB.
     */
    @Test
    void realGlobe230kPatchesDecodeExactlyAsPillowAndGetRgb() throws Exception {
        Path dir = SharedData.require("datasets/fixtures/globe230k/image_patch");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jpg")) {
            ds.forEach(files::add);
        }
        assertEquals(8, files.size());
        var pillow = new java.util.HashMap<String, String>();
        for (String line : Files.readAllLines(resource("globe230k_pillow_sha256.txt"))) {
            pillow.put(line.split(" ")[1], line.split(" ")[0]);
        }
        for (Path f : files) {
            ByteRaster r = assertInstanceOf(ByteRaster.class, Jpeg.read(f));
            assertEquals(List.of(3, 512, 512), List.of(r.bands(), r.height(), r.width()));
            assertEquals(r.metadata(), Jpeg.probe(f).metadata().withBandNames("red", "green", "blue"));
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            for (int b = 0; b < 3; b++) {
                sha.update(r.unsafeBandArray(b));
            }
            assertEquals(pillow.get(f.getFileName().toString()), java.util.HexFormat.of().formatHex(sha.digest()),
                    f.toString());
            BufferedImage img = ImageIO.read(f.toFile());
            int[] rgb = img.getRGB(0, 0, 512, 512, null, 0, 512);
            for (int b = 0; b < 3; b++) {
                byte[] band = r.unsafeBandArray(b);
                int shift = 16 - 8 * b;
                for (int i = 0; i < rgb.length; i++) {
                    if ((band[i] & 0xFF) != ((rgb[i] >>> shift) & 0xFF)) {
                        throw new AssertionError(f + " band " + b + " pixel " + i + ": " + (band[i] & 0xFF)
                                + " vs getRGB " + ((rgb[i] >>> shift) & 0xFF));
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ hostile input

    private InvalidDataException fails(byte[] bytes, String expected) throws IOException {
        Path f = tmp.resolve("bad.jpg");
        Files.write(f, bytes);
        long t0 = System.nanoTime();
        var e = assertThrows(InvalidDataException.class, () -> Jpeg.read(f, DecodeLimits.defaults(),
                WarningListener.ignore()));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "took more than a second");
        return e;
    }

    @Test
    void hostileFilesFailWithTheFileAndTheProblem() throws Exception {
        byte[] good = Files.readAllBytes(resource("rgb_q90_420.jpg"));
        fails(new byte[0], "empty");
        fails("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "not a JPEG");
        fails(Arrays.copyOf(good, 10), "truncated");
        fails(Arrays.copyOf(good, good.length * 2 / 3), "no end-of-image marker");
        // absurd frame size: 65535 x 65535 x 3
        byte[] huge = good.clone();
        int sof = sofOffset(huge);
        huge[sof + 5] = (byte) 0xFF;
        huge[sof + 6] = (byte) 0xFF;
        huge[sof + 7] = (byte) 0xFF;
        huge[sof + 8] = (byte) 0xFF;
        fails(huge, "decode limit");
        var small = DecodeLimits.defaults().withMaxOutputBytes(100);
        Path f = tmp.resolve("ok.jpg");
        Files.write(f, good);
        assertThrows(InvalidDataException.class, () -> Jpeg.read(f, small));
        // zero height (defined by a DNL marker, unsupported)
        byte[] dnl = good.clone();
        dnl[sof + 5] = 0;
        dnl[sof + 6] = 0;
        fails(dnl, "not supported");
        // 12-bit precision
        byte[] twelve = good.clone();
        twelve[sof + 4] = 12;
        fails(twelve, "12-bit");
    }

    @Test
    void corruptScanDataIsAnErrorOrAWarningNeverAnotherException() throws Exception {
        byte[] good = Files.readAllBytes(resource("rgb_progressive.jpg"));
        int sos = indexOfMarker(good, 0xDA);
        var seen = new CopyOnWriteArrayList<String>();
        for (int k = 0; k < 200; k++) {
            byte[] b = good.clone();
            int at = sos + 10 + (k * 7919) % (good.length - sos - 12);
            b[at] = (byte) (b[at] ^ (1 + k % 255));
            Path f = tmp.resolve("c.jpg");
            Files.write(f, b);
            try {
                Raster r = Jpeg.read(f, DecodeLimits.defaults(), (s, m) -> seen.add(m));
                assertEquals(37, r.width());
            } catch (InvalidDataException expected) {
                assertTrue(expected.getMessage().startsWith(f.toString()));
            }
        }
    }

    static int sofOffset(byte[] b) {
        return indexOfMarker(b, 0xC0) >= 0 ? indexOfMarker(b, 0xC0) : indexOfMarker(b, 0xC2);
    }

    static int indexOfMarker(byte[] b, int marker) {
        for (int i = 2; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void sofOffsetsPointAtTheFrameHeader() throws Exception {
        byte[] good = Files.readAllBytes(resource("rgb_q90_420.jpg"));
        int sof = sofOffset(good);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xC0}, Arrays.copyOfRange(good, sof, sof + 2));
        assertEquals(29, (good[sof + 5] & 0xFF) << 8 | (good[sof + 6] & 0xFF));
    }
}
