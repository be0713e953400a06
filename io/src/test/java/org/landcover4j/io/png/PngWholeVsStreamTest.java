package org.landcover4j.io.png;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.DecodeLimits;

/**
 * The whole-image path (the project's inflater, unfiltering in one buffer) against the streaming path
 * ({@link java.util.zip.Inflater}, a batch of rows at a time) and the JDK's ImageIO reader, on images the JDK
 * writes with its adaptive filters: every colour type, bit depth and interlacing, with flat label-like regions
 * (mostly zero filtered bytes, the word-at-a-time unfiltering) beside random ones.
 */
class PngWholeVsStreamTest {
    @TempDir
    Path tmp;

    static Raster decode(byte[] png, boolean whole, List<String> warnings) throws IOException {
        PngDecoder d = new PngDecoder(new ByteArrayInputStream(png), Path.of("x.png"), DecodeLimits.defaults(),
                (src, m) -> warnings.add(m));
        if (!whole) {
            d.wholeLimit = 0;
        }
        return d.decode();
    }

    /** Overwrites rectangles of the image with one value per rectangle (same sample in every band). */
    static void flatten(BufferedImage img, Gen gen, int maxValue) {
        WritableRaster r = img.getRaster();
        int w = r.getWidth();
        int h = r.getHeight();
        for (int k = 0; k < 6; k++) {
            int x0 = gen.nextInt(w);
            int y0 = gen.nextInt(h);
            int x1 = Math.min(w, x0 + 1 + gen.nextInt(Math.max(1, w / 2 + 12)));
            int y1 = Math.min(h, y0 + 1 + gen.nextInt(Math.max(1, h / 2 + 3)));
            int v = gen.nextInt(maxValue + 1);
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    for (int b = 0; b < r.getNumBands(); b++) {
                        r.setSample(x, y, b, v);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} interlaced={1}")
    @CsvSource({"grey1,false", "grey2,true", "grey4,false", "grey8,false", "grey8,true", "grey16,false",
        "grey16,true", "greyalpha8,false", "greyalpha16,true", "rgb8,false", "rgb8,true", "rgb16,false",
        "rgba8,false", "rgba8,true", "rgba16,false", "palette8,false", "palette8,true", "palette4,true",
        "palette2,false", "palette1,true"})
    void bothPathsAndImageIoGiveTheSamePixels(String kind, boolean interlaced) throws IOException {
        Gen gen = Gen.seeded(kind.hashCode() * 17L + (interlaced ? 1 : 0));
        int depth = kind.startsWith("palette") || kind.startsWith("grey") && !kind.contains("alpha")
                ? Integer.parseInt(kind.replaceAll("\\D", "")) : kind.endsWith("16") ? 16 : 8;
        boolean sixteen = kind.endsWith("16");
        for (int[] size : new int[][] {{1, 1}, {5, 3}, {9, 9}, {40, 17}, {257, 31}, {600, 12}}) {
            BufferedImage img = PngTest.jdkImage(kind, size[0], size[1], gen);
            flatten(img, gen, kind.startsWith("palette") ? (1 << Math.min(depth, 8)) - 1 : (1 << depth) - 1);
            Path f = tmp.resolve(kind + ".png");
            PngTest.writeWithImageIo(img, f, interlaced);
            byte[] png = Files.readAllBytes(f);
            String what = kind + " " + size[0] + "x" + size[1] + " interlaced=" + interlaced + " " + gen;
            List<String> w1 = new ArrayList<>();
            List<String> w2 = new ArrayList<>();
            Raster whole = decode(png, true, w1);
            Raster stream = decode(png, false, w2);
            PngTest.assertSamePixels(stream, whole, what);
            PngTest.assertSamePixels(PngTest.imageIoSamples(f, sixteen), whole, what);
            assertEquals(w2, w1, what);
        }
    }

    /** A grey label image, filtered by our encoder (every filter type shows up on label-like rows). */
    private static byte[] labelPng(Gen gen, int w, int h) throws IOException {
        BufferedImage img = PngTest.jdkImage("grey8", w, h, gen);
        flatten(img, gen, 10);
        Path f = Files.createTempFile("label", ".png");
        try {
            PngTest.writeWithImageIo(img, f, false);
            return Files.readAllBytes(f);
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void truncatedAndCorruptImageDataFailTheSameWayOnBothPaths() throws IOException {
        Gen gen = Gen.seeded(812);
        byte[] ok = labelPng(gen, 300, 40);
        // find the IDAT chunk and cut or corrupt its data (chunk CRC re-sealed so that the zlib stream is reached)
        int idat = 8;
        while (!(ok[idat + 4] == 'I' && ok[idat + 5] == 'D')) {
            idat += 12 + java.nio.ByteBuffer.wrap(ok, idat, 4).getInt();
        }
        int len = java.nio.ByteBuffer.wrap(ok, idat, 4).getInt();
        byte[] z = Arrays.copyOfRange(ok, idat + 8, idat + 8 + len);
        byte[] head = Arrays.copyOf(ok, idat);
        int checked = 0;
        for (int cut = 0; cut < z.length; cut += 1 + z.length / 40) {
            for (boolean flip : new boolean[] {false, true}) {
                byte[] zz = Arrays.copyOf(z, cut);
                if (flip && cut > 6) {
                    zz[2 + gen.nextInt(cut - 2)] ^= (byte) (1 << gen.nextInt(8));
                }
                byte[] png = PngHostileTest.png(Arrays.copyOfRange(head, 8, head.length),
                        PngHostileTest.chunk("IDAT", zz), PngHostileTest.IEND);
                String a = outcome(png, true);
                String b = outcome(png, false);
                if (a.startsWith("error") || b.startsWith("error")) {
                    checked++;
                }
                if (!flip) {
                    assertEquals(b, a, "cut " + cut + " of " + z.length + " " + gen);
                } else {
                    // a corrupt stream fails on both paths (the messages name zlib's and our decoder's problem)
                    assertEquals(b.startsWith("error"), a.startsWith("error"), "cut " + cut + ": " + a + " / " + b);
                }
            }
        }
        assertEquals(true, checked > 10, "only " + checked + " failures seen");
        assertThrows(InvalidDataException.class, () -> decode(PngHostileTest.png(
                Arrays.copyOfRange(head, 8, head.length), PngHostileTest.chunk("IDAT", Arrays.copyOf(z, 9)),
                PngHostileTest.IEND), true, new ArrayList<>()));
    }

    @Test
    void aDecodeLimitThatHoldsTheBandsButNotTheRowsTooStillDecodes() throws IOException {
        Gen gen = Gen.seeded(813);
        byte[] png = labelPng(gen, 100, 50);          // 5,000 bytes of band, 5,050 of filtered rows
        Raster whole = decode(png, true, new ArrayList<>());
        Raster tight = Png.decode(png, DecodeLimits.defaults().withMaxOutputBytes(5_000));
        PngTest.assertSamePixels(whole, tight, gen.toString());
        assertThrows(InvalidDataException.class,
                () -> Png.decode(png, DecodeLimits.defaults().withMaxOutputBytes(4_999)));
    }

    private static String outcome(byte[] png, boolean whole) {
        List<String> w = new ArrayList<>();
        try {
            decode(png, whole, w);
            return "ok " + w;
        } catch (InvalidDataException e) {
            String m = e.getMessage();
            // the row where the data end is the same on both paths; the zlib detail may differ
            return "error " + (m.contains("ends early") ? m : m.contains("zlib") ? "zlib" : m);
        } catch (IOException e) {
            return "io " + e;
        }
    }
}
