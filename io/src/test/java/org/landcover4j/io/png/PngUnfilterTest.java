package org.landcover4j.io.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.landcover4j.core.testing.Gen;

/** The unfiltering fast path for one byte per pixel against the PNG specification's definition. */
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
}
