package org.landcover4j.io.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.core.testing.SharedData;
import org.landcover4j.io.DecodeLimits;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The own baseline decoder ({@link JpegDecoder}): bit-exact with the JDK's libjpeg reader on generated files of
 * every supported kind and on the real Globe230k patches, routing of every other kind to ImageIO, and corrupt
 * scans rejected with the file and the problem.
 */
class JpegDecoderTest {
    private static final String JDK_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriter";
    private static final String JDK_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";
    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ generating and reference decoding

    /** An image: smooth gradients and waves, or noise, or hard-edged blocks (which push the IDCT out of range). */
    static BufferedImage image(Gen gen, int w, int h, boolean grey, int kind) {
        BufferedImage img = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        double f = 0.02 + gen.nextDouble() * 0.3;
        double ph = gen.nextDouble() * 6;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] c = new int[3];
                for (int b = 0; b < 3; b++) {
                    c[b] = switch (kind) {
                        case 0 -> (int) (127.5 + 127.5 * Math.sin(f * (x + 2 * b) + ph) * Math.cos(f * 0.7 * y - b));
                        case 1 -> gen.nextInt(256);
                        default -> ((x / (1 + b) + y / 3) & 1) == 0 ? 0 : 255;
                    };
                }
                if (grey) {
                    img.getRaster().setSample(x, y, 0, c[0]);
                } else {
                    img.getRaster().setPixel(x, y, c);
                }
            }
        }
        return img;
    }

    static ImageWriter jdkWriter() {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().equals(JDK_WRITER)) {
                return w;
            }
        }
        throw new AssertionError("no JDK JPEG writer");
    }

    /**
     * Encodes with the JDK writer: JFIF, baseline, the given quality, luma sampling factors (chroma 1x1) and
     * restart interval in MCUs (0: none).
     */
    static byte[] encode(BufferedImage img, float quality, int lumaH, int lumaV, int restart) throws IOException {
        ImageWriter w = jdkWriter();
        try {
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            IIOMetadata md = w.getDefaultImageMetadata(new ImageTypeSpecifier(img), p);
            IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(FORMAT);
            Element sof = (Element) root.getElementsByTagName("sof").item(0);
            NodeList specs = sof.getElementsByTagName("componentSpec");
            for (int i = 0; i < specs.getLength(); i++) {
                Element e = (Element) specs.item(i);
                e.setAttribute("HsamplingFactor", Integer.toString(i == 0 ? lumaH : 1));
                e.setAttribute("VsamplingFactor", Integer.toString(i == 0 ? lumaV : 1));
            }
            if (restart > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restart));
                Node seq = root.getElementsByTagName("markerSequence").item(0);
                seq.insertBefore(dri, sof);
            }
            md.setFromTree(FORMAT, root);
            var bytes = new ByteArrayOutputStream();
            try (var out = new MemoryCacheImageOutputStream(bytes)) {
                w.setOutput(out);
                w.write(null, new IIOImage(img, null, md), p);
            }
            byte[] jpeg = bytes.toByteArray();
            int sofAt = JpegTest.sofOffset(jpeg);
            if (img.getRaster().getNumBands() == 3) {
                assertEquals(lumaH << 4 | lumaV, jpeg[sofAt + 11] & 0xFF, "the writer ignored the sampling factors");
                assertEquals(0x11, jpeg[sofAt + 14] & 0xFF);
                assertEquals(0x11, jpeg[sofAt + 17] & 0xFF);
            }
            return jpeg;
        } finally {
            w.dispose();
        }
    }

    /** The reference: the JDK reader (IJG libjpeg) through the pre-existing conversion of Jpeg. */
    static Raster jdk(byte[] jpeg) throws Exception {
        JpegHeader h = JpegHeader.scan(jpeg, jpeg.length, null, true);
        ImageReader r = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
            ImageReader c = it.next();
            if (c.getClass().getName().equals(JDK_READER)) {
                r = c;
            }
        }
        assertNotNull(r, "no JDK JPEG reader");
        try (var in = new MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(jpeg))) {
            r.setInput(in);
            return Jpeg.toRaster(r.read(0), h.components() == 1 ? 1 : 3, h);
        } finally {
            r.dispose();
        }
    }

    /** Asserts that the own decoder takes the file and gives the JDK reader's pixels exactly. */
    static void assertOwnEqualsJdk(byte[] jpeg, String what) throws Exception {
        JpegDecoder.Plan plan = JpegDecoder.plan(jpeg, jpeg.length, null);
        assertNotNull(plan, what + ": expected the own decoder to take it");
        Raster want = jdk(jpeg);
        assertSamePixels(want, Jpeg.decode(jpeg, DecodeLimits.defaults()), what + " (" + JpegKernel.get().name() + ")");
        // the other colour kernels too: the scalar reference always, the SIMD twin when the module is present
        assertSamePixels(want, JpegDecoder.decode(plan, jpeg, null, WarningListener.ignore(), JpegKernel.scalar()),
                what + " (scalar)");
        var vector = JpegKernel.vector();
        if (vector.isPresent()) {
            assertSamePixels(want, JpegDecoder.decode(plan, jpeg, null, WarningListener.ignore(), vector.get()),
                    what + " (vector)");
        }
    }

    private static void assertSamePixels(Raster want, Raster got, String what) {
        assertEquals(want.metadata(), got.metadata(), what);
        for (int b = 0; b < want.bands(); b++) {
            byte[] x = ((ByteRaster) want).unsafeBandArray(b);
            byte[] y = ((ByteRaster) got).unsafeBandArray(b);
            if (!Arrays.equals(x, y)) {
                int i = Arrays.mismatch(x, y);
                throw new AssertionError(what + ": band " + b + " differs first at pixel (" + i % want.width() + ", "
                        + i / want.width() + "): JDK " + (x[i] & 0xFF) + ", own " + (y[i] & 0xFF));
            }
        }
    }

    // ------------------------------------------------------------------ bit-exact with the JDK reader

    static Stream<Arguments> sizes() {
        return Stream.of(new int[][] {{1, 1}, {2, 2}, {3, 3}, {4, 5}, {5, 4}, {6, 3}, {7, 9}, {15, 17}, {16, 16},
            {17, 33}, {33, 17}, {64, 8}, {511, 513}}).map(s -> Arguments.of(s[0], s[1]));
    }

    /** Every size in grey, 4:4:4, 4:2:2 and 4:2:0, with smooth, noisy and hard-edged content and varied quality. */
    @ParameterizedTest(name = "{0}x{1}")
    @MethodSource("sizes")
    void generatedFilesMatchTheJdkReaderExactly(int w, int h) throws Exception {
        Gen gen = Gen.seeded(4000L + w * 1000L + h);
        int[][] sampling = {{0, 0}, {1, 1}, {2, 1}, {2, 2}};         // {0, 0}: grey
        for (int[] s : sampling) {
            for (int kind = 0; kind < 3; kind++) {
                boolean grey = s[0] == 0;
                float q = kind == 2 ? 1.0f : 0.1f + 0.9f * (float) gen.nextDouble();
                byte[] jpeg = encode(image(gen, w, h, grey, kind), q, Math.max(1, s[0]), Math.max(1, s[1]), 0);
                assertOwnEqualsJdk(jpeg, w + "x" + h + (grey ? " grey" : " h" + s[0] + "v" + s[1]) + " content "
                        + kind + " quality " + q + " " + gen);
            }
        }
    }

    /** Qualities from 0.1 to 1.0 on a 4:2:0 and a 4:4:4 photo-like image. */
    @Test
    void everyQualityMatchesTheJdkReader() throws Exception {
        Gen gen = Gen.seeded(77);
        for (int qi = 1; qi <= 10; qi++) {
            for (int[] s : new int[][] {{2, 2}, {1, 1}}) {
                byte[] jpeg = encode(image(gen, 75, 61, false, qi % 2), qi / 10f, s[0], s[1], 0);
                assertOwnEqualsJdk(jpeg, "quality " + qi / 10f + " h" + s[0] + "v" + s[1] + " " + gen);
            }
        }
    }

    /**
     * Quantization tables of 255 everywhere: valid streams whose IDCT output leaves -512..511, where libjpeg's
     * range-limit table wraps; the own decoder must wrap the same way.
     */
    @Test
    void extremeQuantizationTablesWrapLikeLibjpeg() throws Exception {
        Gen gen = Gen.seeded(12);
        for (int kind = 0; kind < 3; kind++) {
            byte[] jpeg = encode(image(gen, 40, 32, kind == 1, kind), 0.9f, 2, 2, 0);
            for (int at = JpegTest.indexOfMarker(jpeg, 0xDB); at >= 0 && at < JpegTest.sofOffset(jpeg); ) {
                int len = (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
                for (int t = at + 4; t + 65 <= at + 2 + len; t += 65) {
                    Arrays.fill(jpeg, t + 1, t + 65, (byte) 255);
                }
                at = at + 2 + len;
                at = (jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) == 0xDB ? at : -1;
            }
            assertOwnEqualsJdk(jpeg, "quantization 255, content " + kind);
        }
    }

    /** Restart intervals (DRI and RST0..RST7), including intervals that do not divide an MCU row. */
    @ParameterizedTest
    @MethodSource("restarts")
    void restartIntervalsMatchTheJdkReader(int interval, int lumaH, int lumaV, boolean grey) throws Exception {
        Gen gen = Gen.seeded(900 + interval);
        byte[] jpeg = encode(image(gen, 83, 45, grey, 0), 0.8f, lumaH, lumaV, interval);
        assertTrue(JpegTest.indexOfMarker(jpeg, 0xDD) > 0, "the writer wrote no DRI");
        assertTrue(JpegTest.indexOfMarker(jpeg, 0xD7) > 0, "no RST7 marker: the interval did not cycle");
        assertOwnEqualsJdk(jpeg, "restart interval " + interval + " " + gen);
    }

    static Stream<Arguments> restarts() {
        return Stream.of(Arguments.of(1, 2, 2, false), Arguments.of(3, 2, 1, false), Arguments.of(5, 1, 1, false),
                Arguments.of(2, 1, 1, true), Arguments.of(7, 1, 1, true));
    }

    /** No JFIF marker (only an Exif-less stream) with component ids 1, 2, 3: YCbCr in libjpeg and the JDK. */
    @Test
    void jfifLessYcbcrWithTheUsualIdsIsOurs() throws Exception {
        Gen gen = Gen.seeded(5);
        for (int[] s : new int[][] {{2, 2}, {1, 1}, {2, 1}}) {
            byte[] jpeg = withoutSegment(encode(image(gen, 40, 24, false, 0), 0.75f, s[0], s[1], 0), 0xE0);
            assertEquals(-1, JpegTest.indexOfMarker(jpeg, 0xE0));
            assertOwnEqualsJdk(jpeg, "no JFIF h" + s[0] + "v" + s[1]);
        }
    }

    /** The real Globe230k patches: taken by the own decoder, identical to the JDK reader. */
    @Test
    void realGlobe230kPatchesAreOursAndMatchTheJdkReader() throws Exception {
        Path dir = SharedData.require("datasets/fixtures/globe230k/image_patch");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jpg")) {
            ds.forEach(files::add);
        }
        assertEquals(8, files.size());
        for (Path f : files) {
            assertOwnEqualsJdk(Files.readAllBytes(f), f.toString());
        }
    }

    // ------------------------------------------------------------------ routing to ImageIO

    @Test
    void otherKindsGoToImageIo() throws Exception {
        // progressive and CMYK (test resources), decoded by ImageIO as before
        for (String name : List.of("rgb_progressive.jpg", "cmyk_q90.jpg")) {
            byte[] b = Files.readAllBytes(JpegTest.resource(name));
            assertNull(JpegDecoder.plan(b, b.length, null), name);
            assertEquals(3, Jpeg.decode(b, DecodeLimits.defaults()).bands(), name);
        }
        Gen gen = Gen.seeded(11);
        byte[] base = encode(image(gen, 30, 20, false, 0), 0.75f, 2, 2, 0);
        assertNotNull(JpegDecoder.plan(base, base.length, null));
        // h1v2 luma sampling: libjpeg 6b and libjpeg-turbo upsample it differently, ImageIO decides
        byte[] h1v2 = encode(image(gen, 30, 20, false, 0), 0.75f, 1, 2, 0);
        assertNull(JpegDecoder.plan(h1v2, h1v2.length, null));
        assertEquals(jdk(h1v2).metadata(), Jpeg.decode(h1v2, DecodeLimits.defaults()).metadata());
        // arithmetic coding (SOF9), lossless (SOF3) and progressive (SOF2) frame markers
        int sof = JpegTest.sofOffset(base);
        for (int marker : new int[] {0xC9, 0xC3, 0xC2, 0xCA}) {
            byte[] b = base.clone();
            b[sof + 1] = (byte) marker;
            assertNull(JpegDecoder.plan(b, b.length, null), Integer.toHexString(marker));
        }
        // extended sequential (SOF1) with 8-bit samples is ours, 12-bit is not
        byte[] sof1 = base.clone();
        sof1[sof + 1] = (byte) 0xC1;
        assertOwnEqualsJdk(sof1, "SOF1");
        byte[] twelve = sof1.clone();
        twelve[sof + 4] = 12;
        assertNull(JpegDecoder.plan(twelve, twelve.length, null));
        // an Adobe APP14 marker (colour transform) and RGB-coded files without JFIF
        byte[] adobe = withSegmentAfterSoi(base, 0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1});
        assertNull(JpegDecoder.plan(adobe, adobe.length, null));
        assertEquals(3, Jpeg.decode(adobe, DecodeLimits.defaults()).bands());
        byte[] rgbIds = withoutSegment(base, 0xE0);
        int s2 = JpegTest.sofOffset(rgbIds);
        for (int c = 0; c < 3; c++) {
            rgbIds[s2 + 10 + 3 * c] = (byte) "RGB".charAt(c);
        }
        int sos = JpegTest.indexOfMarker(rgbIds, 0xDA);
        for (int c = 0; c < 3; c++) {
            rgbIds[sos + 5 + 2 * c] = (byte) "RGB".charAt(c);
        }
        assertNull(JpegDecoder.plan(rgbIds, rgbIds.length, null));
        assertEquals(3, Jpeg.decode(rgbIds, DecodeLimits.defaults()).bands());
        // a first scan with fewer components than the frame (non-interleaved, several scans)
        byte[] partial = base.clone();
        int sosAt = JpegTest.indexOfMarker(partial, 0xDA);
        partial[sosAt + 4] = 1;
        assertNull(JpegDecoder.plan(partial, partial.length, null));
    }

    // ------------------------------------------------------------------ corrupt data through the own decoder

    private InvalidDataException fails(byte[] bytes, String expected) throws IOException {
        Path f = tmp.resolve("bad.jpg");
        Files.write(f, bytes);
        assertNotNull(assertDoesNotThrowPlan(bytes), "expected the own decoder to take it");
        var e = assertThrows(InvalidDataException.class, () -> Jpeg.read(f, DecodeLimits.defaults(),
                WarningListener.ignore()));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e;
    }

    private static Object assertDoesNotThrowPlan(byte[] b) {
        try {
            return JpegDecoder.plan(b, b.length, null);
        } catch (InvalidDataException e) {
            return e;                                      // table problems: the plan step already rejects it
        }
    }

    @Test
    void corruptScansFailWithTheFileAndTheProblem() throws Exception {
        Gen gen = Gen.seeded(3);
        byte[] good = encode(image(gen, 64, 48, false, 1), 0.9f, 2, 2, 0);
        int sos = JpegTest.indexOfMarker(good, 0xDA);
        int data = sos + 2 + ((good[sos + 2] & 0xFF) << 8 | (good[sos + 3] & 0xFF));
        // sixteen one bits: never a valid code
        byte[] badCode = good.clone();
        badCode[data] = (byte) 0xFF;
        badCode[data + 1] = 0;
        badCode[data + 2] = (byte) 0xFF;
        badCode[data + 3] = 0;
        fails(badCode, "invalid Huffman code");
        // scan data cut short, then an end-of-image marker
        byte[] cut = Arrays.copyOf(good, data + (good.length - data) / 2 + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        if (cut[cut.length - 3] == (byte) 0xFF) {
            cut[cut.length - 3] = 0;
        }
        fails(cut, "truncated");
        // a scan that uses AC table 3, which is not defined
        byte[] noTable = good.clone();
        noTable[sos + 6] = 0x03;
        fails(noTable, "AC Huffman table 3, which is not defined");
        // a frame that uses quantization table 2, not defined
        byte[] noQuant = good.clone();
        noQuant[JpegTest.sofOffset(noQuant) + 12] = 2;
        fails(noQuant, "quantization table 2");
        // an over-subscribed Huffman table: the first DHT's 1-bit count set to 3
        byte[] overfull = good.clone();
        int dht = JpegTest.indexOfMarker(overfull, 0xC4);
        overfull[dht + 5] = 3;
        fails(overfull, "Huffman table");
        // a bad table class in DHT
        byte[] badClass = good.clone();
        badClass[dht + 4] = 0x20;
        fails(badClass, "class 2");
        // restart markers out of sequence
        byte[] rst = encode(image(gen, 64, 48, false, 0), 0.9f, 2, 2, 1);
        int r1 = JpegTest.indexOfMarker(rst, 0xD1);
        rst[r1 + 1] = (byte) 0xD2;
        fails(rst, "expected restart marker RST1");
    }

    /**
     * Single-byte corruptions anywhere in the scan data of baseline files (with and without restart markers): each
     * decodes (corrupt data can still be valid codes) or fails with an InvalidDataException naming the file, fast.
     */
    @Test
    void corruptedScanBytesDecodeOrFailCleanly() throws Exception {
        Gen gen = Gen.seeded(44);
        int decoded = 0;
        int rejected = 0;
        for (int restart : new int[] {0, 2}) {
            byte[] good = encode(image(gen, 70, 50, false, 1), 0.9f, 2, 2, restart);
            int sos = JpegTest.indexOfMarker(good, 0xDA);
            int data = sos + 2 + ((good[sos + 2] & 0xFF) << 8 | (good[sos + 3] & 0xFF));
            Path f = tmp.resolve("c.jpg");
            for (int k = 0; k < 150; k++) {
                byte[] b = good.clone();
                int at = data + gen.nextInt(good.length - 2 - data);
                b[at] = (byte) (b[at] ^ (1 + gen.nextInt(255)));
                assertNotNull(JpegDecoder.plan(b, b.length, null), "the scan data do not change the routing");
                Files.write(f, b);
                long t0 = System.nanoTime();
                try {
                    Raster r = Jpeg.read(f, DecodeLimits.defaults(), WarningListener.ignore());
                    assertEquals(70, r.width());
                    decoded++;
                } catch (InvalidDataException e) {
                    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
                    assertTrue(e.getMessage().contains("scan data"), e.getMessage());
                    rejected++;
                }
                assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "took more than a second: " + gen);
            }
        }
        assertTrue(decoded > 0 && rejected > 0, decoded + " decoded, " + rejected + " rejected");
    }

    @Test
    void extraneousBytesAfterTheLastBlockAreAWarning() throws Exception {
        Gen gen = Gen.seeded(8);
        byte[] good = encode(image(gen, 24, 16, false, 0), 0.9f, 2, 2, 0);
        byte[] padded = new byte[good.length + 3];
        System.arraycopy(good, 0, padded, 0, good.length - 2);
        padded[good.length - 2] = 1;
        padded[good.length - 1] = 2;
        padded[good.length] = 3;
        padded[good.length + 1] = (byte) 0xFF;
        padded[good.length + 2] = (byte) 0xD9;
        List<String> warnings = new ArrayList<>();
        Path f = tmp.resolve("extra.jpg");
        Files.write(f, padded);
        Raster r = Jpeg.read(f, DecodeLimits.defaults(), (s, m) -> warnings.add(m));
        assertEquals(24, r.width());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("extraneous bytes before marker 0xd9"), warnings.toString());
        assertOwnEqualsJdkPixels(good, padded);
    }

    private static void assertOwnEqualsJdkPixels(byte[] a, byte[] b) throws Exception {
        Raster x = Jpeg.decode(a, DecodeLimits.defaults());
        Raster y = Jpeg.decode(b, DecodeLimits.defaults());
        for (int band = 0; band < 3; band++) {
            assertTrue(Arrays.equals(((ByteRaster) x).unsafeBandArray(band), ((ByteRaster) y).unsafeBandArray(band)));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The stream without its first segment of this marker. */
    static byte[] withoutSegment(byte[] b, int marker) {
        int at = JpegTest.indexOfMarker(b, marker);
        int len = 2 + ((b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF));
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + len, out, at, b.length - at - len);
        return out;
    }

    /** The stream with a segment inserted right after SOI. */
    static byte[] withSegmentAfterSoi(byte[] b, int marker, byte[] payload) {
        byte[] out = new byte[b.length + 4 + payload.length];
        out[0] = b[0];
        out[1] = b[1];
        out[2] = (byte) 0xFF;
        out[3] = (byte) marker;
        out[4] = (byte) ((payload.length + 2) >> 8);
        out[5] = (byte) (payload.length + 2);
        System.arraycopy(payload, 0, out, 6, payload.length);
        System.arraycopy(b, 2, out, 6 + payload.length, b.length - 2);
        return out;
    }
}
