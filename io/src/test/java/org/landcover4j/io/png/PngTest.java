package org.landcover4j.io.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.ColorTable;

class PngTest {
    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ round trips through our own writer

    @ParameterizedTest(name = "{0} bands, 16-bit={1}, {2}x{3}")
    @CsvSource({"1,false,1,1", "1,false,17,5", "2,false,9,13", "3,false,31,7", "4,false,64,3",
        "1,true,5,17", "2,true,3,3", "3,true,33,9", "4,true,8,8", "3,false,192,192"})
    void roundTripsEveryChannelLayout(int bands, boolean sixteen, int width, int height) throws IOException {
        Gen gen = Gen.seeded(bands * 1000L + width);
        Raster r = sixteen ? randomShorts(gen, bands, height, width) : randomBytes(gen, bands, height, width, 0, 255);
        Path f = tmp.resolve("rt.png");
        Png.write(f, r);
        Raster back = Png.read(f);
        assertSamePixels(r, back, gen.toString());
        PngInfo info = Png.probe(f);
        assertEquals(sixteen ? 16 : 8, info.bitDepth());
        assertEquals(bands, info.channels());
        assertFalse(info.interlaced());
        assertTrue(info.palette().isEmpty());
        assertArrayEquals(Png.encode(r, PngWriteOptions.defaults()), Files.readAllBytes(f));
    }

    @ParameterizedTest(name = "palette of {0} entries")
    @CsvSource({"1,1", "2,1", "3,2", "4,2", "11,4", "16,4", "17,8", "200,8", "256,8"})
    void roundTripsPalettesAtTheSmallestBitDepth(int entries, int expectedDepth) throws IOException {
        Gen gen = Gen.seeded(entries);
        int[] rgba = new int[entries];
        for (int i = 0; i < entries; i++) {
            int rgb = gen.between(0, 0xFFFFFF);
            rgba[i] = rgb << 8 | (gen.chance(0.3) ? gen.between(0, 254) : 0xFF);
        }
        ColorTable table = ColorTable.ofRgba(rgba);
        ByteRaster r = randomBytes(gen, 1, 23, 37, 0, entries - 1);
        Path f = tmp.resolve("pal.png");
        Png.write(f, r, PngWriteOptions.defaults().withPalette(table));
        PngInfo info = Png.probe(f);
        assertEquals(PngColorType.PALETTE, info.colorType());
        assertEquals(expectedDepth, info.bitDepth());
        assertEquals(Optional.of(table), info.palette(), gen.toString());
        Raster back = Png.read(f);
        assertSamePixels(r, back, gen.toString());
        // the JDK's reader agrees on the indices
        assertSamePixels(r, imageIoSamples(f, false), gen.toString());
    }

    @Test
    void writerRejectsWhatPngCannotHold() {
        var f = tmp.resolve("x.png");
        assertThrows(IllegalArgumentException.class,
                () -> Png.write(f, ByteRaster.zeros(DataType.INT8, 1, 2, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> Png.write(f, ByteRaster.zeros(DataType.UINT8, 5, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> Png.write(f, ByteRaster.zeros(DataType.UINT8, 3, 2, 2),
                PngWriteOptions.defaults().withPalette(ColorTable.ofRgb(new int[] {0}))));
        var r = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 1, 2), new byte[] {0, 2});
        var e = assertThrows(IllegalArgumentException.class,
                () -> Png.write(f, r, PngWriteOptions.defaults().withPalette(ColorTable.ofRgb(new int[] {0, 1}))));
        assertTrue(e.getMessage().contains("pixel value 2"), e.getMessage());
    }

    // ------------------------------------------------------------------ the JDK's encoder and decoder as oracle

    @ParameterizedTest(name = "{0} interlaced={1}")
    @CsvSource({"grey1,false", "grey1,true", "grey2,false", "grey2,true", "grey4,false", "grey4,true",
        "grey8,false", "grey8,true", "grey16,false", "grey16,true", "greyalpha8,false", "greyalpha8,true",
        "greyalpha16,true", "rgb8,false", "rgb8,true", "rgb16,false", "rgb16,true", "rgba8,false", "rgba8,true",
        "rgba16,false", "rgba16,true", "palette8,false", "palette8,true", "palette4,true", "palette2,false",
        "palette1,true"})
    void decodesWhatTheJdkWritesExactlyAsTheJdkReadsIt(String kind, boolean interlaced) throws IOException {
        Gen gen = Gen.seeded(kind.hashCode() * 31L + (interlaced ? 1 : 0));
        for (int[] size : new int[][] {{1, 1}, {3, 2}, {9, 9}, {17, 33}, {64, 5}, {130, 71}}) {
            BufferedImage img = jdkImage(kind, size[0], size[1], gen);
            Path f = tmp.resolve(kind + ".png");
            writeWithImageIo(img, f, interlaced);
            PngInfo info = Png.probe(f);
            assertEquals(interlaced, info.interlaced(), kind);
            Raster ours = Png.read(f);
            Raster theirs = imageIoSamples(f, kind.startsWith("rgb16") || kind.startsWith("greyalpha16")
                    || kind.equals("grey16") || kind.startsWith("rgba16"));
            assertSamePixels(theirs, ours, kind + " " + size[0] + "x" + size[1] + " " + gen);
            if (kind.startsWith("palette")) {
                IndexColorModel cm = (IndexColorModel) img.getColorModel();
                ColorTable t = info.palette().orElseThrow();
                for (int i = 0; i < t.size(); i++) {
                    assertEquals(cm.getRed(i), t.red(i));
                    assertEquals(cm.getBlue(i), t.blue(i));
                }
            }
        }
    }

    // ------------------------------------------------------------------ golden files written by PIL (zlib) and numpy

    @ParameterizedTest
    @CsvSource({"globe_label_l8.png,globe_label_l8.npy", "osm_label_rgb8.png,osm_label_rgb8.npy",
        "palette_p8.png,palette_p8.npy", "grey16_i16.png,grey16_i16.npy", "rgba8.png,rgba8.npy",
        "grey_la8.png,grey_la8.npy", "bilevel_1.png,bilevel_1.npy"})
    void decodesPilGoldenFiles(String png, String npy) throws Exception {
        Path p = resource(png);
        var expected = org.landcover4j.io.npy.Npy.read(resource(npy));
        Raster want = expected.asRaster();
        Raster got = Png.read(p);
        assertSamePixels(want, got, png);
    }

    static Path resource(String name) throws Exception {
        return Path.of(PngTest.class.getResource("/png/" + name).toURI());
    }

    // ------------------------------------------------------------------ helpers

    static ByteRaster randomBytes(Gen gen, int bands, int h, int w, int min, int max) {
        byte[][] d = new byte[bands][];
        for (int b = 0; b < bands; b++) {
            d[b] = gen.bytes(w * h, min, max);
        }
        return ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, bands, h, w), d);
    }

    static ShortRaster randomShorts(Gen gen, int bands, int h, int w) {
        short[][] d = new short[bands][];
        for (int b = 0; b < bands; b++) {
            d[b] = gen.shorts(w * h, 0, 65535);
        }
        return ShortRaster.wrap(RasterMetadata.of(DataType.UINT16, bands, h, w), d);
    }

    static void assertSamePixels(Raster want, Raster got, String message) {
        assertEquals(want.bands(), got.bands(), message);
        assertEquals(want.height(), got.height(), message);
        assertEquals(want.width(), got.width(), message);
        assertEquals(want.dataType(), got.dataType(), message);
        for (int b = 0; b < want.bands(); b++) {
            if (want instanceof ByteRaster w) {
                assertArrayEquals(w.unsafeBandArray(b), assertInstanceOf(ByteRaster.class, got).unsafeBandArray(b),
                        message + " band " + b);
            } else if (want instanceof ShortRaster w) {
                assertArrayEquals(w.unsafeBandArray(b), assertInstanceOf(ShortRaster.class, got).unsafeBandArray(b),
                        message + " band " + b);
            } else {
                assertArrayEquals(want.bandAsDouble(b), got.bandAsDouble(b), message + " band " + b);
            }
        }
    }

    /** What the JDK's PNG reader decodes: raw raster samples, one band per channel. */
    static Raster imageIoSamples(Path f, boolean sixteen) throws IOException {
        BufferedImage img = ImageIO.read(f.toFile());
        var ras = img.getRaster();
        int w = ras.getWidth();
        int h = ras.getHeight();
        int bands = ras.getNumBands();
        if (sixteen) {
            short[][] d = new short[bands][w * h];
            for (int b = 0; b < bands; b++) {
                int[] s = ras.getSamples(0, 0, w, h, b, (int[]) null);
                for (int i = 0; i < s.length; i++) {
                    d[b][i] = (short) s[i];
                }
            }
            return ShortRaster.wrap(RasterMetadata.of(DataType.UINT16, bands, h, w), d);
        }
        byte[][] d = new byte[bands][w * h];
        for (int b = 0; b < bands; b++) {
            int[] s = ras.getSamples(0, 0, w, h, b, (int[]) null);
            for (int i = 0; i < s.length; i++) {
                d[b][i] = (byte) s[i];
            }
        }
        return ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, bands, h, w), d);
    }

    static void writeWithImageIo(BufferedImage img, Path f, boolean interlaced) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(f))) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
    }

    static BufferedImage jdkImage(String kind, int w, int h, Gen gen) {
        BufferedImage img = switch (kind) {
            case "grey1", "grey2", "grey4" -> {
                int bits = kind.charAt(4) - '0';
                int n = 1 << bits;
                byte[] ramp = new byte[n];
                for (int i = 0; i < n; i++) {
                    ramp[i] = (byte) (i * 255 / (n - 1));
                }
                yield new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY,
                        new IndexColorModel(bits, n, ramp, ramp, ramp));
            }
            case "palette1", "palette2", "palette4", "palette8" -> {
                int bits = Integer.parseInt(kind.substring(7));
                int n = 1 << bits;
                byte[] r = gen.bytes(n, 0, 255);
                byte[] g = gen.bytes(n, 0, 255);
                byte[] b = gen.bytes(n, 0, 255);
                r[0] = 1;                                   // not a grey ramp, so the writer keeps a palette
                g[0] = 2;
                var cm = new IndexColorModel(bits, n, r, g, b);
                yield bits == 8 ? new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm)
                        : new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, cm);
            }
            case "grey8" -> new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            case "grey16" -> new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
            case "rgb8" -> new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            case "rgba8" -> new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
            case "greyalpha8" -> component(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_BYTE, w, h);
            case "greyalpha16" -> component(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_USHORT, w, h);
            case "rgb16" -> component(ColorSpace.CS_sRGB, false, DataBuffer.TYPE_USHORT, w, h);
            case "rgba16" -> component(ColorSpace.CS_sRGB, true, DataBuffer.TYPE_USHORT, w, h);
            default -> throw new IllegalArgumentException(kind);
        };
        WritableRaster ras = img.getRaster();
        int max = (1 << ras.getSampleModel().getSampleSize(0)) - 1;
        for (int b = 0; b < ras.getNumBands(); b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    ras.setSample(x, y, b, gen.between(0, max));
                }
            }
        }
        return img;
    }

    private static BufferedImage component(int space, boolean alpha, int type, int w, int h) {
        var cm = new ComponentColorModel(ColorSpace.getInstance(space), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, type);
        return new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
    }
}
