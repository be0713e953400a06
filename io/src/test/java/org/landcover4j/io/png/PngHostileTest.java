package org.landcover4j.io.png;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.DecodeLimits;

/** Hostile PNG files: each fails with an InvalidDataException naming the file and the problem, within a second. */
class PngHostileTest {
    @TempDir
    Path tmp;

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    static byte[] ihdr(long w, long h, int depth, int type, int interlace) {
        return chunk("IHDR", ByteBuffer.allocate(13).putInt((int) w).putInt((int) h).put((byte) depth)
                .put((byte) type).put((byte) 0).put((byte) 0).put((byte) interlace).array());
    }

    static byte[] zlib(byte[] raw) {
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        var out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    static byte[] png(byte[]... chunks) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(PngDecoder.SIGNATURE);
        for (byte[] c : chunks) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    static final byte[] IEND = chunk("IEND", new byte[0]);

    /** A valid 4x2 grey image: rows with filter 0. */
    static byte[] valid() {
        return png(ihdr(4, 2, 8, 0, 0), chunk("IDAT", zlib(new byte[] {0, 1, 2, 3, 4, 0, 5, 6, 7, 8})), IEND);
    }

    private InvalidDataException fails(byte[] bytes, String expected) throws IOException {
        Path f = tmp.resolve("bad.png");
        Files.write(f, bytes);
        long t0 = System.nanoTime();
        var e = assertThrows(InvalidDataException.class, () -> Png.read(f));
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "took more than a second");
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e;
    }

    @Test
    void theValidBaseDecodes() throws IOException {
        Path f = tmp.resolve("ok.png");
        Files.write(f, valid());
        Raster r = Png.read(f);
        assertEquals(8, ((ByteRaster) r).get(0, 1, 3));
    }

    @Test
    void emptyWrongMagicAndTruncatedFiles() throws IOException {
        fails(new byte[0], "empty");
        fails("GIF89a....".getBytes(StandardCharsets.ISO_8859_1), "not a PNG");
        fails(Arrays.copyOf(PngDecoder.SIGNATURE, 5), "not a PNG");
        byte[] ok = valid();
        for (int cut = 8; cut < ok.length; cut++) {
            Path f = tmp.resolve("cut.png");
            Files.write(f, Arrays.copyOf(ok, cut));
            var e = assertThrows(InvalidDataException.class, () -> Png.read(f), "cut at " + cut);
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        }
        fails(Arrays.copyOf(ok, ok.length - 12), "no IEND");
    }

    @Test
    void absurdDimensionsAreRefusedBeforeAllocating() throws IOException {
        fails(png(ihdr(0x7FFFFFFFL, 0x7FFFFFFFL, 16, 6, 0), IEND), "exceeds the limit");
        fails(png(ihdr(0x80000000L, 1, 8, 0, 0), IEND), "invalid");
        fails(png(ihdr(0, 5, 8, 0, 0), IEND), "invalid");
        // within the per-side limit but over the byte cap
        Path f = tmp.resolve("big.png");
        Files.write(f, png(ihdr(40000, 40000, 16, 6, 0), chunk("IDAT", new byte[] {1, 2, 3}), IEND));
        var e = assertThrows(InvalidDataException.class,
                () -> Png.read(f, DecodeLimits.defaults().withMaxOutputBytes(1 << 20)));
        assertTrue(e.getMessage().contains("decode limit"), e.getMessage());
        assertEquals(40000, Png.probe(f).width());           // a probe decodes nothing: no byte cap
    }

    @Test
    void aDeflateBombStopsAtTheDeclaredImage() throws IOException {
        // 1x1 grey image whose zlib stream inflates to 64 MiB of zeros: only 2 bytes are ever inflated
        byte[] bomb = zlib(new byte[64 << 20]);
        Path f = tmp.resolve("bomb.png");
        Files.write(f, png(ihdr(1, 1, 8, 0, 0), chunk("IDAT", bomb), IEND));
        long t0 = System.nanoTime();
        var warnings = new java.util.ArrayList<String>();
        Raster r = Png.read(f, DecodeLimits.defaults(), (src, m) -> warnings.add(m));   // libpng too accepts it
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
        assertEquals(1, r.width());
        assertEquals(java.util.List.of("the image data holds more than the image needs; the rest is ignored"),
                warnings);
    }

    @Test
    void toleratedOdditiesAreWarnings() throws IOException {
        byte[] idat = chunk("IDAT", zlib(new byte[] {0, 1, 2, 3, 4, 0, 5, 6, 7, 8}));
        Path f = tmp.resolve("odd.png");
        var warnings = new java.util.ArrayList<String>();
        Files.write(f, png(ihdr(4, 2, 8, 0, 0), idat, chunk("IEND", new byte[] {1, 2})));
        Png.read(f, DecodeLimits.defaults(), (src, m) -> warnings.add(src + ": " + m));
        // palette of 3 colours, pixel values up to 8
        Files.write(f, png(ihdr(4, 2, 8, 3, 0), chunk("PLTE", new byte[9]), idat, IEND));
        Raster r = Png.read(f, DecodeLimits.defaults(), (src, m) -> warnings.add(src + ": " + m));
        assertEquals(8, ((ByteRaster) r).get(0, 1, 3));
        // zlib stream without its end: every row is there
        byte[] z = zlib(new byte[] {0, 1, 2, 3, 4, 0, 5, 6, 7, 8});
        Files.write(f, png(ihdr(4, 2, 8, 0, 0), chunk("IDAT", Arrays.copyOf(z, z.length - 4)), IEND));
        Png.read(f, DecodeLimits.defaults(), (src, m) -> warnings.add(src + ": " + m));
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(f + ": IEND chunk has 2 bytes"), warnings.get(0));
        assertTrue(warnings.get(1).contains("pixel value 8 has no colour in the palette of 3 entries"), warnings.get(1));
        assertTrue(warnings.get(2).contains("not terminated"), warnings.get(2));
    }

    @Test
    void structuralErrors() throws IOException {
        byte[] idat = chunk("IDAT", zlib(new byte[] {0, 1, 2, 3, 4, 0, 5, 6, 7, 8}));
        byte[] bad = valid();
        bad[8 + 8 + 3] ^= 1;                    // a byte of IHDR's data: CRC mismatch
        fails(bad, "CRC");
        fails(png(chunk("gAMA", new byte[4]), ihdr(4, 2, 8, 0, 0), idat, IEND), "first chunk is gAMA");
        fails(png(ihdr(4, 2, 7, 0, 0), idat, IEND), "bit depth 7");
        fails(png(ihdr(4, 2, 8, 1, 0), idat, IEND), "colour type 1");
        fails(png(ihdr(4, 2, 16, 3, 0), idat, IEND), "bit depth 16");
        fails(png(ihdr(4, 2, 8, 0, 2), idat, IEND), "interlace method 2");
        fails(png(ihdr(4, 2, 8, 3, 0), idat, IEND), "no PLTE");
        fails(png(ihdr(4, 2, 8, 0, 0), IEND), "no image data");
        fails(png(ihdr(4, 2, 8, 0, 0), chunk("IDAT", zlib(new byte[] {7, 1, 2, 3, 4, 0, 5, 6, 7, 8})), IEND),
                "filter type 7");
        fails(png(ihdr(4, 2, 8, 0, 0), chunk("IDAT", zlib(new byte[] {0, 1, 2, 3, 4})), IEND), "ends early");
        fails(png(ihdr(4, 2, 8, 0, 0), chunk("IDAT", new byte[] {1, 2, 3, 4, 5}), IEND), "zlib");
        byte[] z = zlib(new byte[] {0, 1, 2, 3, 4, 0, 5, 6, 7, 8});
        byte[] z1 = Arrays.copyOf(z, 4);
        byte[] z2 = Arrays.copyOfRange(z, 4, z.length);
        fails(png(ihdr(4, 2, 8, 0, 0), chunk("IDAT", z1), chunk("tEXt", "a\0b".getBytes(StandardCharsets.ISO_8859_1)),
                chunk("IDAT", z2), IEND), "ends early");
        fails(png(ihdr(4, 2, 8, 0, 0), idat, chunk("tEXt", new byte[] {'a', 0}), chunk("IDAT", zlib(new byte[2])),
                IEND), "separated");
        fails(png(ihdr(4, 2, 8, 0, 0), chunk("XXXX", new byte[3]), idat, IEND), "unknown critical chunk XXXX");
        fails(png(ihdr(4, 2, 8, 0, 0), chunk("a1b2", new byte[3]), idat, IEND), "not letters");
        fails(png(ihdr(4, 2, 2, 3, 0), chunk("PLTE", new byte[15]), idat, IEND), "5 entries");
        fails(png(ihdr(4, 2, 8, 3, 0), chunk("PLTE", new byte[7]), idat, IEND), "PLTE length 7");
        fails(png(ihdr(4, 2, 8, 0, 0), chunk("PLTE", new byte[6]), idat, IEND), "PLTE chunk in a GREY");
        fails(png(ihdr(4, 2, 8, 3, 0), chunk("PLTE", new byte[6]), chunk("tRNS", new byte[3]), idat, IEND),
                "3 alpha values");
        // a chunk length above 2^31-1
        byte[] huge = ByteBuffer.allocate(12).putInt(-2).put("tEXt".getBytes(StandardCharsets.ISO_8859_1)).array();
        fails(png(ihdr(4, 2, 8, 0, 0), huge), "2^31-1");
        // a chunk length past the end of the file
        byte[] past = ByteBuffer.allocate(12).putInt(1 << 30).put("tEXt".getBytes(StandardCharsets.ISO_8859_1)).array();
        fails(png(ihdr(4, 2, 8, 0, 0), past), "truncated");
    }

    @Test
    void probeStopsAtTheImageData() throws IOException {
        Path f = tmp.resolve("p.png");
        Files.write(f, png(ihdr(4, 2, 8, 0, 0), chunk("IDAT", new byte[] {9, 9, 9}), IEND));   // corrupt zlib
        assertEquals(4, Png.probe(f).width());
        assertThrows(InvalidDataException.class, () -> Png.read(f));
        assertEquals(DataType.UINT8, Png.probe(f).dataType());
    }
}
