package org.landcover4j.io.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.Window;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.DecodeLimits;

/**
 * Hostile and broken files: each gives an {@link InvalidDataException} that names the file and the problem,
 * quickly, without allocating more than the declared output (the timeouts here only catch hangs; the fuzz test
 * and the report give the measured times).
 */
class GeoTiffHostileTest {

    private static final Duration HANG = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private Path file(String name, byte[] content) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Reads the file fully and expects an InvalidDataException whose message names the file and contains {@code part}. */
    private void expectInvalid(Path p, String part) {
        assertTimeoutPreemptively(HANG, () -> {
            try {
                GeoTiff.read(p);
                fail(p.getFileName() + ": expected an InvalidDataException containing '" + part + "'");
            } catch (InvalidDataException e) {
                assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
                assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
                assertEquals(p, e.file());
            }
        });
    }

    /** A valid little-endian classic TIFF of {@code width} x {@code height} uint8 in strips, uncompressed. */
    private byte[] valid(int width, int height, int rowsPerStrip, TiffCompression c) throws Exception {
        Gen g = Gen.seeded(width * 31L + height);
        Raster r = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, height, width), g.bytes(width * height, 0, 20));
        Path p = tmp.resolve("valid-" + width + "x" + height + "-" + c + ".tif");
        GeoTiff.write(p, r, GeoTiffWriteOptions.defaults().withCompression(c).withStrips(rowsPerStrip)
                .withPredictor(GeoTiffWriteOptions.Predictor.NONE));
        return Files.readAllBytes(p);
    }

    @Test
    void zeroBytesAndWrongMagic() throws Exception {
        expectInvalid(file("empty.tif", new byte[0]), "not a TIFF file: 0 bytes");
        expectInvalid(file("png.tif", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}), "byte-order mark");
        expectInvalid(file("magic.tif", new byte[] {'I', 'I', 41, 0, 8, 0, 0, 0, 0, 0}), "magic number 41");
        expectInvalid(file("bigheader.tif", new byte[] {'I', 'I', 43, 0, 4, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0}),
                "offset size 4");
        expectInvalid(file("noifd.tif", new byte[] {'I', 'I', 42, 0, 0, 0, 0, 0}), "no IFD");
        expectInvalid(file("ifdpastend.tif", new byte[] {'I', 'I', 42, 0, (byte) 0xFF, 0, 0, 0, 0, 0}), "outside the file");
    }

    @Test
    void everyTruncationFailsCleanly() throws Exception {
        byte[] ok = valid(40, 30, 7, TiffCompression.DEFLATE);
        int failures = 0;
        for (int len = 0; len < ok.length; len += 3) {
            Path p = file("trunc.tif", Arrays.copyOf(ok, len));
            failures += assertTimeoutPreemptively(HANG, () -> {
                try {
                    GeoTiff.read(p);
                    return 0;
                } catch (InvalidDataException e) {
                    assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
                    return 1;
                }
            });
        }
        // our writer puts the IFD last, so every truncation loses it (GDAL files lose data instead: see the fuzz test)
        assertEquals((ok.length + 2) / 3, failures);
    }

    @Test
    void absurdDimensions() throws Exception {
        byte[] ok = valid(16, 16, 16, TiffCompression.NONE);
        expectInvalid(file("wide.tif", new TiffPatch(ok).setType(TiffTags.IMAGE_WIDTH, TiffTags.TYPE_LONG)
                .setValue(TiffTags.IMAGE_WIDTH, 1L << 31).setValue(TiffTags.IMAGE_LENGTH, 1L << 31).bytes), "2147483648x");
        expectInvalid(file("zero.tif", new TiffPatch(ok).setValue(TiffTags.IMAGE_WIDTH, 0).bytes), "0x16");
        // within the per-side limit, but one strip of a million rows cannot be in a 300-byte file: offsets disagree
        expectInvalid(file("tall.tif", new TiffPatch(ok).setType(TiffTags.ROWS_PER_STRIP, TiffTags.TYPE_LONG)
                .setValue(TiffTags.ROWS_PER_STRIP, 1).setValue(TiffTags.IMAGE_LENGTH, 1_000_000).bytes),
                "needs 1000000");
        // a header that is consistent but declares more output than the limit allows
        Path big = file("big.tif", new TiffPatch(ok).setValue(TiffTags.IMAGE_WIDTH, 40_000)
                .setValue(TiffTags.IMAGE_LENGTH, 40_000).setValue(TiffTags.ROWS_PER_STRIP, 40_000).bytes);
        assertEquals(40_000, GeoTiff.probe(big).width());
        try {
            GeoTiff.read(big, DecodeLimits.defaults().withMaxOutputBytes(1L << 30));
            fail("expected the decode limit to refuse 1.6 GB");
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage().contains("(1600000000 bytes) exceeds the decode limit"), e.getMessage());
        }
        expectInvalid(file("huge-strip.tif", new TiffPatch(ok).setValue(TiffTags.IMAGE_WIDTH, 1_000_000)
                .setValue(TiffTags.IMAGE_LENGTH, 1_000_000).setValue(TiffTags.ROWS_PER_STRIP, 1_000_000).bytes),
                "larger than 2 GiB");
        expectInvalid(file("bands.tif", new TiffPatch(ok).setValue(TiffTags.SAMPLES_PER_PIXEL, 0).bytes),
                "SamplesPerPixel is 0");
    }

    @Test
    void offsetsPastTheEnd() throws Exception {
        byte[] ok = valid(16, 16, 8, TiffCompression.NONE);
        expectInvalid(file("off.tif", new TiffPatch(ok).setArrayElement(TiffTags.STRIP_OFFSETS, 1, 1 << 30).bytes),
                "past the end of the file");
        expectInvalid(file("count.tif", new TiffPatch(ok).setArrayElement(TiffTags.STRIP_BYTE_COUNTS, 0, 3).bytes),
                "has 3 bytes");
        byte[] z = valid(16, 16, 8, TiffCompression.DEFLATE);
        expectInvalid(file("zoff.tif", new TiffPatch(z).setArrayElement(TiffTags.STRIP_OFFSETS, 1, z.length - 2).bytes),
                "past the end of the file");
        // a tag whose values lie past the end
        expectInvalid(file("tagoff.tif", new TiffPatch(ok).setCount(TiffTags.BITS_PER_SAMPLE, 2)
                .setValue(TiffTags.SAMPLES_PER_PIXEL, 2).setType(TiffTags.BITS_PER_SAMPLE, TiffTags.TYPE_LONG)
                .setValue(TiffTags.BITS_PER_SAMPLE, 1 << 30).bytes), "past the end");
    }

    @Test
    void countsThatExceedTheBytesLeft() throws Exception {
        byte[] ok = valid(16, 16, 8, TiffCompression.NONE);
        expectInvalid(file("cnt.tif", new TiffPatch(ok).setCount(TiffTags.STRIP_OFFSETS, 0x7FFFFFFF).bytes),
                "more than the file holds");
        expectInvalid(file("entries.tif", new TiffPatch(ok).setInt(new TiffPatch(ok).ifdOffset(), 0xFFF0).bytes),
                "entries");
    }

    @Test
    void cyclicAndOverlappingIfdChains() throws Exception {
        byte[] ok = valid(16, 16, 8, TiffCompression.NONE);
        TiffPatch self = new TiffPatch(ok);
        expectInvalid(file("self.tif", self.setNext(self.ifdOffset()).bytes), "cyclic");
        TiffPatch overlap = new TiffPatch(ok);
        expectInvalid(file("overlap.tif", overlap.setNext(overlap.ifdOffset() + 12).bytes), "overlaps");
        // a two-IFD cycle: append a copy of IFD 0 whose next pointer leads back to IFD 0
        TiffPatch p = new TiffPatch(ok);
        int ifd = p.ifdOffset();
        int len = 2 + 12 * p.entryCount() + 4;
        byte[] two = Arrays.copyOf(ok, ok.length + len + 1);
        int second = ok.length + 1 - ((ok.length + 1) & 1);
        System.arraycopy(ok, ifd, two, second, len);
        TiffPatch q = new TiffPatch(two).setNext(second);
        q.setInt(second + len - 4, ifd);
        expectInvalid(file("cycle2.tif", q.bytes), "cyclic");
    }

    @Test
    void tileCountsThatDisagreeWithTheSize() throws Exception {
        Gen g = Gen.seeded(1);
        Raster r = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 40, 40), g.bytes(1600, 0, 5));
        Path p = tmp.resolve("tiles.tif");
        GeoTiff.write(p, r, GeoTiffWriteOptions.defaults().withTiles(16, 16));
        byte[] ok = Files.readAllBytes(p);
        expectInvalid(file("fewtiles.tif", new TiffPatch(ok).setValue(TiffTags.IMAGE_WIDTH, 100).bytes), "needs 21");
        expectInvalid(file("fewcounts.tif", new TiffPatch(ok).setCount(TiffTags.TILE_BYTE_COUNTS, 2).bytes),
                "TileByteCounts (325) has 2 values, expected 9");
        expectInvalid(file("tile0.tif", new TiffPatch(ok).setValue(TiffTags.TILE_WIDTH, 0).bytes), "tile size 0x16");
    }

    /** A 64x64 uint8 strip image whose single strip holds {@code stream} compressed with {@code compression}. */
    private byte[] withStream(int compression, byte[] stream) throws Exception {
        byte[] ok = valid(64, 64, 64, TiffCompression.NONE);
        TiffPatch p = new TiffPatch(ok);
        byte[] out = Arrays.copyOf(ok, ok.length + stream.length);
        System.arraycopy(stream, 0, out, ok.length, stream.length);
        return new TiffPatch(out).setValue(TiffTags.COMPRESSION, compression)
                .setArrayElement(TiffTags.STRIP_OFFSETS, 0, ok.length)
                .setArrayElement(TiffTags.STRIP_BYTE_COUNTS, 0, stream.length).bytes;
    }

    @Test
    void streamsThatExpandWithoutBoundAreCutAtTheChunkSize() throws Exception {
        // 64 MiB of zeros deflate to about 64 KiB; the strip needs 4 KiB
        Deflater d = new Deflater(9);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buf = new byte[1 << 16];
        for (int mib = 0; mib < 64; mib++) {
            d.setInput(zeros);
            while (!d.needsInput()) {
                bomb.write(buf, 0, d.deflate(buf));
            }
        }
        d.finish();
        while (!d.finished()) {
            bomb.write(buf, 0, d.deflate(buf));
        }
        d.end();
        Path p = file("zbomb.tif", withStream(8, bomb.toByteArray()));
        Raster r = assertTimeoutPreemptively(HANG, () -> GeoTiff.read(p, DecodeLimits.defaults().withMaxOutputBytes(1 << 20)));
        assertEquals(64, r.width());
        // an LZW stream that keeps going past the strip: codes for ever-longer runs of zeros
        byte[] lzw = Lzw.encode(new byte[8 << 20], 0, 8 << 20);
        Path q = file("lzwbomb.tif", withStream(5, lzw));
        Raster s = assertTimeoutPreemptively(HANG, () -> GeoTiff.read(q));
        assertEquals(64, s.height());
        // a PackBits stream of repeated runs
        byte[] pb = new byte[2 << 20];
        for (int i = 0; i < pb.length; i += 2) {
            pb[i] = -127;
        }
        Path u = file("pbbomb.tif", withStream(32773, pb));
        assertEquals(64, assertTimeoutPreemptively(HANG, () -> GeoTiff.read(u)).width());
    }

    @Test
    void corruptAndShortStreams() throws Exception {
        Deflater d = new Deflater();
        d.setInput(new byte[100]);
        d.finish();
        byte[] z = new byte[200];
        int n = d.deflate(z);
        d.end();
        expectInvalid(file("zshort.tif", withStream(8, Arrays.copyOf(z, n))), "decode to 100 bytes, expected 4096");
        expectInvalid(file("zbad.tif", withStream(8, new byte[] {0x12, 0x34, 0x56, 0x78, 0x12, 0x34})), "corrupt DEFLATE");
        // LZW: Clear, then code 300 (undefined) in 9 bits
        expectInvalid(file("lzwbad.tif", withStream(5, new byte[] {(byte) 0x80, 0x4B, 0x00, 0x00})), "LZW code");
        expectInvalid(file("lzwshort.tif", withStream(5, Lzw.encode(new byte[100], 0, 100))), "decode to 100 bytes");
        expectInvalid(file("pbshort.tif", withStream(32773, new byte[] {-127, 1})), "decode to 128 bytes");
    }

    @Test
    void decodeLimitsCapTheOutput() throws Exception {
        byte[] ok = valid(64, 64, 8, TiffCompression.DEFLATE);
        Path p = file("limits.tif", ok);
        DecodeLimits small = DecodeLimits.defaults().withMaxOutputBytes(3000);
        try {
            GeoTiff.read(p, small);
            fail("expected the limit to refuse 4096 bytes");
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage().contains("4096 bytes) exceeds the decode limit of 3000 bytes"), e.getMessage());
        }
        // a window within the limit reads (one 64x8 strip needs 512 bytes plus its compressed input)
        assertEquals(100, GeoTiff.read(p, small, Window.of(0, 0, 10, 10)).width() * 10);
        try {
            // 100 output bytes are within 300, but decoding the 512-byte strip they come from is not
            GeoTiff.read(p, DecodeLimits.defaults().withMaxOutputBytes(300), Window.of(0, 0, 10, 10));
            fail("expected the limit to refuse the strip's working memory");
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage().contains("bytes of working memory, more than the decode limit of 300"),
                    e.getMessage());
        }
        try {
            GeoTiff.probe(p, new DecodeLimits(1 << 20, 63, 10));
            fail("expected the dimension limit to refuse 64 pixels");
        } catch (InvalidDataException e) {
            assertTrue(e.getMessage().contains("outside 1..63"), e.getMessage());
        }
    }

    @Test
    void unsupportedCompressionFailsThroughTheFallbackWithTheFileName() throws Exception {
        byte[] ok = valid(16, 16, 16, TiffCompression.NONE);
        // ZSTD is outside both our decoder and TwelveMonkeys
        expectInvalid(file("zstd.tif", new TiffPatch(ok).setValue(TiffTags.COMPRESSION, 50000).bytes), "ZSTD");
        // JPEG with garbage data: the fallback's exception is wrapped
        expectInvalid(file("jpeg.tif", new TiffPatch(ok).setValue(TiffTags.COMPRESSION, 7).bytes), "JPEG");
    }
}
