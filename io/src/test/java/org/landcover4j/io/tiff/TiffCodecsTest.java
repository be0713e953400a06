package org.landcover4j.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.testing.Gen;

/**
 * LZW, PackBits and the predictors round-trip on awkward lengths and data that fill the LZW table (the DEFLATE
 * decoder's tests are in {@code org.landcover4j.io.internal.codec.InflateTest}).
 */
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

    /**
     * Horizontal differencing undone while copying out ({@link Samples#accumulateIn} and
     * {@link Samples#accumulateDeinterleaveBytes}) against a plain running sum, on label-like rows (runs of a few
     * values: mostly zero differences, the word-at-a-time path) and random ones, every stride and skip.
     */
    @Test
    void accumulatingCopiesMatchARunningSum() {
        Gen g = Gen.seeded(47);
        for (int t = 0; t < 300; t++) {
            int cs = 1 + g.nextInt(4);
            int pixels = 1 + g.nextInt(300);
            int skip = g.nextInt(pixels);
            int n = pixels - skip;
            byte[] raw = new byte[pixels * cs];
            boolean flat = g.chance(0.7);
            for (int i = 0; i < raw.length; i++) {
                raw[i] = flat ? (g.chance(0.03) ? (byte) g.nextInt(256) : 0) : (byte) g.nextInt(256);
            }
            int off = g.nextInt(5);
            byte[] src = new byte[off + raw.length];
            System.arraycopy(raw, 0, src, off, raw.length);
            byte[][] want = new byte[cs][n];
            for (int c = 0; c < cs; c++) {
                int acc = 0;
                for (int x = 0; x < pixels; x++) {
                    acc += raw[x * cs + c];
                    if (x >= skip) {
                        want[c][x - skip] = (byte) acc;
                    }
                }
            }
            String what = "cs " + cs + " pixels " + pixels + " skip " + skip + " flat " + flat + " " + g;
            for (int c = 0; c < cs; c++) {
                byte[] got = new byte[n + 3];
                Samples.accumulateIn(src, off + c, cs, ByteOrder.LITTLE_ENDIAN, got, 3, skip, n);
                assertArrayEquals(want[c], Arrays.copyOfRange(got, 3, 3 + n), what + " band " + c);
            }
            if (cs >= 2) {
                Object[] outs = new Object[cs];
                for (int c = 0; c < cs; c++) {
                    outs[c] = new byte[n + 2];
                }
                Samples.accumulateDeinterleaveBytes(src, off, cs, outs, 2, skip, n);
                for (int c = 0; c < cs; c++) {
                    assertArrayEquals(want[c], Arrays.copyOfRange((byte[]) outs[c], 2, 2 + n), what + " all " + c);
                }
            }
        }
    }
}
