package org.landcover4j.io.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.landcover4j.core.testing.Gen;

/** Unfiltering (the fast paths for one byte per pixel and flat rows) against the PNG specification's definition. */
class PngUnfilterTest {

    /** PNG spec section 9: Recon(x) from Filt(x), Recon(a), Recon(b), Recon(c), byte by byte. */
    private static void spec(int ft, byte[] cur, byte[] prev, int n, int bpp) {
        for (int i = 1; i <= n; i++) {
            int a = i > bpp ? cur[i - bpp] & 0xFF : 0;
            int b = prev[i] & 0xFF;
            int c = i > bpp ? prev[i - bpp] & 0xFF : 0;
            int x = cur[i] & 0xFF;
            int r = switch (ft) {
                case 1 -> x + a;
                case 2 -> x + b;
                case 3 -> x + ((a + b) >>> 1);
                case 4 -> {
                    int p = a + b - c;
                    int pa = Math.abs(p - a);
                    int pb = Math.abs(p - b);
                    int pc = Math.abs(p - c);
                    yield x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }
                default -> x;
            };
            cur[i] = (byte) r;
        }
    }

    @RepeatedTest(20)
    void everyFilterMatchesTheSpecification(RepetitionInfo info) {
        Gen g = Gen.seeded(300 + info.getCurrentRepetition());
        for (int bpp : new int[] {1, 2, 3, 4, 6, 8}) {
            for (int n : new int[] {1, 2, 3, 7, 64, 513}) {
                if (n % bpp != 0 && n > bpp) {
                    continue;
                }
                byte[] prev = g.bytes(n + 1, 0, 255);
                byte[] row = g.bytes(n + 1, 0, 255);
                for (int ft = 0; ft <= 4; ft++) {
                    byte[] expected = row.clone();
                    byte[] actual = row.clone();
                    spec(ft, expected, prev, n, bpp);
                    PngDecoder.unfilter(ft, actual, prev, n, bpp);
                    assertArrayEquals(expected, actual, g + " filter " + ft + " bpp " + bpp + " n " + n);
                }
            }
        }
    }

    /** A row of a label map: runs of a few values (edges every few to few hundred bytes). */
    private static byte[] labelRow(Gen g, int len, int values) {
        byte[] r = new byte[len];
        int i = 0;
        while (i < len) {
            int run = 1 + g.nextInt(g.chance(0.3) ? 5 : 120);
            java.util.Arrays.fill(r, i, Math.min(len, i + run), (byte) g.nextInt(values));
            i += run;
        }
        return r;
    }

    /** PNG filter {@code ft} applied to {@code raw} (with its filter byte slot at 0) given the raw row above. */
    private static byte[] filter(int ft, byte[] raw, byte[] above, int n, int bpp) {
        byte[] out = new byte[n + 1];
        out[0] = (byte) ft;
        for (int i = 1; i <= n; i++) {
            int a = i > bpp ? raw[i - bpp] & 0xFF : 0;
            int b = above[i] & 0xFF;
            int c = i > bpp ? above[i - bpp] & 0xFF : 0;
            int pr = switch (ft) {
                case 1 -> a;
                case 2 -> b;
                case 3 -> (a + b) >>> 1;
                case 4 -> {
                    int p = a + b - c;
                    int pa = Math.abs(p - a);
                    int pb = Math.abs(p - b);
                    int pc = Math.abs(p - c);
                    yield pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                }
                default -> 0;
            };
            out[i] = (byte) (raw[i] - pr);
        }
        return out;
    }

    /**
     * Label-like images (mostly zero filtered bytes, which the word-at-a-time paths take), unfiltered in place in
     * one buffer as the whole-image decoder does, row above included: the rows must come back exactly.
     */
    @RepeatedTest(20)
    void flatLabelRowsComeBackExactlyInPlace(RepetitionInfo info) {
        Gen g = Gen.seeded(400 + info.getCurrentRepetition());
        for (int bpp : new int[] {1, 2, 3, 4}) {
            for (int n : new int[] {bpp, 8 * bpp, 9 * bpp, 17 * bpp, 64 * bpp, 513 * bpp}) {
                int rowsCount = 12;
                int rowLen = n + 1;
                byte[][] raw = new byte[rowsCount][];
                byte[] zero = new byte[rowLen];
                byte[] all = new byte[rowsCount * rowLen];
                for (int r = 0; r < rowsCount; r++) {
                    // each row mostly repeats the one above, sometimes shifted by a pixel, sometimes new
                    byte[] row = new byte[rowLen];
                    byte[] body = r > 0 && g.chance(0.7) ? raw[r - 1].clone() : labelRow(g, rowLen, 1 + g.nextInt(11));
                    if (r > 0 && g.chance(0.3)) {
                        System.arraycopy(raw[r - 1], 1, body, 1 + bpp, n - bpp);
                    }
                    System.arraycopy(body, 1, row, 1, n);
                    raw[r] = row;
                    int ft = g.nextInt(5);
                    System.arraycopy(filter(ft, row, r == 0 ? zero : raw[r - 1], n, bpp), 0, all, r * rowLen, rowLen);
                }
                for (int r = 0; r < rowsCount; r++) {
                    int off = r * rowLen;
                    int ft = all[off];
                    if (r == 0) {
                        PngDecoder.unfilter(ft, all, off, zero, 0, n, bpp);
                    } else {
                        PngDecoder.unfilter(ft, all, off, all, off - rowLen, n, bpp);
                    }
                    assertArrayEquals(java.util.Arrays.copyOfRange(raw[r], 1, rowLen),
                            java.util.Arrays.copyOfRange(all, off + 1, off + rowLen),
                            g + " row " + r + " filter " + ft + " bpp " + bpp + " n " + n);
                }
            }
        }
    }
}
