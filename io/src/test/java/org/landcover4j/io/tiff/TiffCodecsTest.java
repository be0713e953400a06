package org.landcover4j.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.testing.Gen;

/** LZW, PackBits and the predictors round-trip on awkward lengths and data that fill the LZW table. */
class TiffCodecsTest {

    /** Data kinds: random bytes, a few symbols (long strings, many KwKwK codes), runs, and smooth ramps. */
    static byte[] data(Gen g, int n, int kind) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = switch (kind) {
                case 0 -> (byte) g.nextInt(256);
                case 1 -> (byte) g.nextInt(3);
                case 2 -> (byte) ((i / 37) % 5);
                default -> (byte) (i * 7 / 13);
            };
        }
        return b;
    }

    @Test
    void lzwRoundTripsAndStopsAtTheRequestedLength() throws Exception {
        Gen g = Gen.seeded(17);
        Lzw lzw = new Lzw();
        for (int n : new int[] {0, 1, 2, 3, 7, 255, 256, 257, 4093, 4096, 5000, 65537, 300_000}) {
            for (int kind = 0; kind < 4; kind++) {
                byte[] in = data(g, n, kind);
                byte[] enc = Lzw.encode(in, 0, n);
                assertArrayEquals(in, lzw.decode(enc, enc.length, n), "n=" + n + " kind=" + kind + " " + g);
                if (n > 10) {
                    // asking for fewer bytes stops early, exactly
                    assertArrayEquals(Arrays.copyOf(in, n / 3), lzw.decode(enc, enc.length, n / 3), "n=" + n + " " + g);
                    // asking for more returns what the stream holds
                    assertEquals(n, lzw.decode(enc, enc.length, n + 100).length, "n=" + n + " " + g);
                }
            }
        }
    }

    @Test
    void lzwStreamsAcrossInputBlocks() throws Exception {
        Gen g = Gen.seeded(23);
        byte[] in = data(g, 100_000, 0);
        byte[] enc = Lzw.encode(in, 0, in.length);
        // feed the stream in blocks of 13 bytes
        Lzw.Input src = new Lzw.Input() {
            int pos;

            @Override
            boolean refill() {
                if (pos >= enc.length) {
                    return false;
                }
                int k = Math.min(13, enc.length - pos);
                buf = Arrays.copyOfRange(enc, pos, pos + k);
                len = k;
                pos += k;
                return true;
            }
        };
        src.refill();
        byte[] out = new byte[in.length + 16];
        assertEquals(in.length, new Lzw().decode(src, out, 0, in.length));
        assertArrayEquals(in, Arrays.copyOf(out, in.length));
    }

    @Test
    void packBitsRoundTrips() {
        Gen g = Gen.seeded(29);
        for (int n : new int[] {1, 2, 3, 127, 128, 129, 130, 1000, 65537}) {
            for (int kind = 0; kind < 4; kind++) {
                byte[] in = data(g, n, kind);
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                PackBits.encodeRow(in, 0, n, o);
                byte[] enc = o.toByteArray();
                byte[] out = new byte[n + 3];
                assertEquals(n, PackBits.decode(enc, enc.length, out, 3, n), "n=" + n + " " + g);
                assertArrayEquals(in, Arrays.copyOfRange(out, 3, n + 3), "n=" + n + " kind=" + kind + " " + g);
            }
        }
    }

    @Test
    void predictorsInvertEachOtherForEveryWidthStrideAndOrder() {
        Gen g = Gen.seeded(31);
        for (int bytes : new int[] {1, 2, 4, 8}) {
            for (int stride : new int[] {1, 2, 3, 13}) {
                for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                    int rows = 5;
                    int rowSamples = stride * 17;
                    byte[] orig = data(g, rows * rowSamples * bytes, 0);
                    byte[] b = orig.clone();
                    Predictors.applyHorizontal(b, rows, rowSamples, stride, bytes, order);
                    byte[] shifted = new byte[b.length + 8];
                    System.arraycopy(b, 0, shifted, 8, b.length);
                    Predictors.undoHorizontal(shifted, 8, rows, rowSamples, stride, bytes, order);
                    assertArrayEquals(orig, Arrays.copyOfRange(shifted, 8, shifted.length),
                            "horizontal " + bytes + " " + stride + " " + order + " " + g);
                    if (bytes >= 4) {
                        byte[] f = orig.clone();
                        byte[] tmp = new byte[rowSamples * bytes];
                        Predictors.applyFloat(f, rows, rowSamples, stride, bytes, order, tmp);
                        Predictors.undoFloat(f, 0, rows, rowSamples, stride, bytes, order, tmp);
                        assertArrayEquals(orig, f, "float " + bytes + " " + stride + " " + order + " " + g);
                    }
                }
            }
        }
    }

    private static byte[] deflate(byte[] in, int level, int strategy) {
        java.util.zip.Deflater d = new java.util.zip.Deflater(level);
        d.setStrategy(strategy);
        d.setInput(in);
        d.finish();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            o.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return o.toByteArray();
    }

    @Test
    void inflateMatchesTheJdkOnEveryLevelStrategyAndKindOfData() throws Exception {
        Gen g = Gen.seeded(37);
        Inflate inf = new Inflate();
        int[] strategies = {java.util.zip.Deflater.DEFAULT_STRATEGY, java.util.zip.Deflater.FILTERED,
            java.util.zip.Deflater.HUFFMAN_ONLY};
        for (int n : new int[] {0, 1, 2, 3, 7, 8, 9, 257, 258, 259, 4096, 32769, 70000, 300_000}) {
            for (int kind = 0; kind < 4; kind++) {
                byte[] in = data(g, n, kind);
                for (int level : new int[] {0, 1, 6, 9}) {
                    for (int strategy : strategies) {
                        byte[] z = deflate(in, level, strategy);
                        byte[] out = new byte[5 + n + 16];
                        String what = "n=" + n + " kind=" + kind + " level=" + level + " strategy=" + strategy + " " + g;
                        assertEquals(n, inf.inflate(z, 0, z.length, out, 5, n), what);
                        assertArrayEquals(in, Arrays.copyOfRange(out, 5, 5 + n), what);
                        byte[] viaPairs = new byte[5 + n + 16];
                        assertEquals(n, inf.inflate(z, 0, z.length, viaPairs, 5, n, true), what + " pairs");
                        assertArrayEquals(in, Arrays.copyOfRange(viaPairs, 5, 5 + n), what + " pairs");
                        if (n > 3) {
                            // a shorter output is cut exactly; a longer one returns what the stream holds
                            byte[] part = new byte[n];
                            assertEquals(n / 2, inf.inflate(z, 0, z.length, part, 0, n / 2), what);
                            assertArrayEquals(Arrays.copyOf(in, n / 2), Arrays.copyOf(part, n / 2), what);
                            assertEquals(n, inf.inflate(z, 0, z.length, new byte[n + 100], 0, n + 50), what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void inflateOnCorruptStreamsOnlyThrowsCorruptException() {
        Gen g = Gen.seeded(41);
        Inflate inf = new Inflate();
        byte[] in = data(g, 50_000, 3);
        byte[] z = deflate(in, 6, java.util.zip.Deflater.DEFAULT_STRATEGY);
        int corrupt = 0;
        for (int t = 0; t < 3000; t++) {
            byte[] m = z.clone();
            int flips = 1 + g.nextInt(4);
            for (int i = 0; i < flips; i++) {
                m[2 + g.nextInt(m.length - 2)] ^= (byte) (1 << g.nextInt(8));
            }
            int len = g.chance(0.2) ? g.nextInt(m.length + 1) : m.length;
            try {
                inf.inflate(m, 0, len, new byte[in.length + 16], 0, in.length);
            } catch (Inflate.CorruptException e) {
                corrupt++;
            }
        }
        assertTrue(corrupt > 100, "only " + corrupt + " of 3000 corrupt streams were detected; " + g);
    }

    @Test
    void adler32MatchesTheJdkOnEveryLengthAndOffset() {
        Gen g = Gen.seeded(43);
        byte[] b = data(g, 200_000, 0);
        for (int n : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 5552, 32768, 32775, 65536, 199_990}) {
            for (int off : new int[] {0, 1, 3, 7}) {
                java.util.zip.Adler32 a = new java.util.zip.Adler32();
                a.update(b, off, n);
                assertEquals(a.getValue(), Inflate.adler32(b, off, n), "n=" + n + " off=" + off);
            }
        }
        byte[] ff = new byte[100_000];
        Arrays.fill(ff, (byte) 0xFF);
        java.util.zip.Adler32 a = new java.util.zip.Adler32();
        a.update(ff);
        assertEquals(a.getValue(), Inflate.adler32(ff, 0, ff.length), "all 0xFF");
    }
}
