package org.landcover4j.io.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.testing.Gen;

/** The JPEG colour conversion: the scalar reference against libjpeg's tables, and the SIMD twin against it. */
class JpegKernelTest {

    /** libjpeg's jdcolor.c tables, built as it builds them, for an independent check of the reference. */
    private static int[] expected(int lum, int cbSample, int crSample) {
        int half = 1 << 15;
        int xb = cbSample - 128;
        int xr = crSample - 128;
        int crR = (91881 * xr + half) >> 16;
        int cbB = (116130 * xb + half) >> 16;
        int crG = -46802 * xr;
        int cbG = -22554 * xb + half;
        return new int[] {limit(lum + crR), limit(lum + ((cbG + crG) >> 16)), limit(lum + cbB)};
    }

    private static int limit(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** Every (Y, Cb, Cr) triple: the scalar reference equals libjpeg's table formula; the twin, when present, too. */
    @Test
    void everyTripleMatchesLibjpegInBothImplementations() {
        byte[] y = new byte[256];
        for (int i = 0; i < 256; i++) {
            y[i] = (byte) i;
        }
        int[] cb = new int[256];
        int[] cr = new int[256];
        byte[][] s = new byte[3][256];
        byte[][] v = new byte[3][256];
        JpegKernel vector = JpegKernel.vector().orElse(null);
        for (int u = 0; u < 256; u++) {
            for (int w = 0; w < 256; w++) {
                Arrays.fill(cb, u - 128);
                Arrays.fill(cr, w - 128);
                JpegKernel.scalar().rgb(y, 0, cb, cr, 0, s[0], s[1], s[2], 0, 256);
                for (int lum = 0; lum < 256; lum++) {
                    int[] e = expected(lum, u, w);
                    for (int c = 0; c < 3; c++) {
                        if ((s[c][lum] & 0xFF) != e[c]) {
                            throw new AssertionError("Y " + lum + " Cb " + u + " Cr " + w + " channel " + c
                                    + ": scalar " + (s[c][lum] & 0xFF) + ", libjpeg " + e[c]);
                        }
                    }
                }
                if (vector != null) {
                    vector.rgb(y, 0, cb, cr, 0, v[0], v[1], v[2], 0, 256);
                    for (int c = 0; c < 3; c++) {
                        assertArrayEquals(s[c], v[c], "Cb " + u + " Cr " + w + " channel " + c);
                    }
                }
            }
        }
    }

    /** Random rows at awkward lengths and offsets: the twin writes exactly the scalar bytes and nothing else. */
    @RepeatedTest(20)
    void twinAgreesWithTheScalarReferenceOnRandomRows(RepetitionInfo info) {
        assumeTrue(JpegKernel.vector().isPresent(), "run with " + Kernels.ENABLE_FLAG + " to test the SIMD twin");
        JpegKernel vector = JpegKernel.vector().orElseThrow();
        Gen gen = Gen.seeded(7100L + info.getCurrentRepetition());
        int n = gen.between(0, 700);
        int ys = gen.between(0, 20);
        int cs = gen.between(0, 20);
        int o = gen.between(0, 20);
        byte[] y = gen.bytes(ys + n + gen.between(0, 5), -128, 127);
        int[] cb = new int[cs + n];
        int[] cr = new int[cs + n];
        for (int i = 0; i < cb.length; i++) {
            cb[i] = gen.between(-128, 127);
            cr[i] = gen.between(-128, 127);
        }
        byte[][] s = new byte[3][o + n + 3];
        byte[][] v = new byte[3][o + n + 3];
        for (int c = 0; c < 3; c++) {
            Arrays.fill(s[c], (byte) 0x5A);
            Arrays.fill(v[c], (byte) 0x5A);
        }
        JpegKernel.scalar().rgb(y, ys, cb, cr, cs, s[0], s[1], s[2], o, n);
        vector.rgb(y, ys, cb, cr, cs, v[0], v[1], v[2], o, n);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(s[c], v[c], "channel " + c + ", n " + n + " " + gen);
        }
    }

    /** Column sums and fancy upsampling on random rows: the twin equals the reference. */
    @RepeatedTest(30)
    void twinUpsamplesExactlyAsTheReference(RepetitionInfo info) {
        assumeTrue(JpegKernel.vector().isPresent(), "run with " + Kernels.ENABLE_FLAG + " to test the SIMD twin");
        JpegKernel vector = JpegKernel.vector().orElseThrow();
        Gen gen = Gen.seeded(8200L + info.getCurrentRepetition());
        int w = gen.between(5, 900);
        int cw = (w + 1) / 2;
        boolean v2 = gen.chance(0.5);
        byte[] plane = gen.bytes(3 * cw + 40, -128, 127);
        int near = gen.between(0, cw + 20);
        int far = v2 ? gen.between(0, cw + 20) : near;
        int wn = v2 ? 3 : 1;
        int wf = v2 ? 1 : 0;
        int[][] sums = new int[2][cw + 2];
        JpegKernel.scalar().sums(plane, near, far, wn, wf, sums[0], cw);
        vector.sums(plane, near, far, wn, wf, sums[1], cw);
        assertArrayEquals(sums[0], sums[1], "sums, " + gen);
        int shift = v2 ? 4 : 2;
        int even = v2 ? 8 : 1;
        int odd = v2 ? 7 : 2;
        int[][] up = new int[2][w + 3];
        Arrays.fill(up[0], 999);
        Arrays.fill(up[1], 999);
        JpegKernel.scalar().upsample(sums[0], shift, even, odd, up[0], w);
        vector.upsample(sums[0], shift, even, odd, up[1], w);
        assertArrayEquals(up[0], up[1], "upsample, w " + w + " " + gen);
        assertEquals(999, up[0][w], "wrote past the row");
    }

    /** A block of dequantised coefficients up to zig-zag index {@code last} (which is non-zero), natural order. */
    private static int[] block(Gen gen, int last, int max) {
        int[] zigzag = zigzag();
        int[] b = new int[64];
        for (int k = 0; k <= last; k++) {
            if (k == last || gen.chance(0.6)) {
                int v = gen.between(-max, max);
                b[zigzag[k]] = v == 0 && k == last ? 1 : v;
            }
        }
        return b;
    }

    /** Zig-zag order, walked independently of the decoder's table. */
    private static int[] zigzag() {
        int[] z = new int[64];
        int k = 0;
        for (int s = 0; s < 15; s++) {
            for (int i = 0; i < 8; i++) {
                int j = s - i;
                int row = (s & 1) == 0 ? j : i;
                int col = (s & 1) == 0 ? i : j;
                if (j >= 0 && j < 8) {
                    z[k++] = row * 8 + col;
                }
            }
        }
        return z;
    }

    /**
     * The IDCT: the scalar 4x4 shortcut equals the full scalar transform, and the SIMD twin equals the scalar
     * reference, on random sparse and dense blocks (valid magnitudes, and beyond +-4095 where the twin falls back);
     * every implementation clears the block.
     */
    @RepeatedTest(40)
    void idctImplementationsAgree(RepetitionInfo info) {
        Gen gen = Gen.seeded(9300L + info.getCurrentRepetition());
        for (int n = 0; n < 50; n++) {
            int last = gen.chance(0.5) ? gen.between(1, 9) : gen.between(10, 63);
            int max = gen.chance(0.1) ? 40000 : gen.chance(0.5) ? 2047 : 200;
            int[] in = block(gen, last, max);
            int stride = gen.between(8, 20);
            byte[][] out = new byte[3][7 * stride + 8 + 3];
            int[] ws = new int[64];
            int[] copy = in.clone();
            JpegKernel.scalar().idct(copy, ws, out[0], 3, stride, last);
            assertArrayEquals(new int[64], copy, "the scalar IDCT did not clear the block");
            copy = in.clone();
            ScalarJpegKernel.idctScalar(copy, ws, out[1], 3, stride);
            assertArrayEquals(out[1], out[0], "4x4 shortcut vs full, last " + last + " " + Arrays.toString(in) + " "
                    + gen);
            var vector = JpegKernel.vector();
            if (vector.isPresent()) {
                copy = in.clone();
                vector.get().idct(copy, new int[64], out[2], 3, stride, last);
                assertArrayEquals(new int[64], copy, "the SIMD IDCT did not clear the block");
                assertArrayEquals(out[1], out[2], "SIMD vs scalar, " + Arrays.toString(in) + " " + gen);
            }
        }
    }

    /** The decoder uses the twin when the module is present and the property does not force scalar. */
    @Test
    void theChoiceFollowsTheModuleAndTheProperty() {
        String forced = System.getProperty(Kernels.PROPERTY, "");
        if (forced.equalsIgnoreCase("scalar") || JpegKernel.vector().isEmpty()) {
            assertEquals("scalar", JpegKernel.get().name());
        } else {
            assertTrue(JpegKernel.get().name().startsWith("vector"), JpegKernel.get().name());
        }
    }

    @Test
    void aJvmsFirstImagesUseTheScalarCodeThenTheChosenKernelForGood() {
        // other tests of this JVM may have decoded images already: whatever is left of the scalar images comes
        // first, then only the chosen kernel
        boolean switched = false;
        for (int i = 0; i <= JpegKernel.SCALAR_IMAGES; i++) {
            JpegKernel k = JpegKernel.forNextImage();
            if (switched) {
                org.junit.jupiter.api.Assertions.assertSame(JpegKernel.get(), k, "image " + i);
            } else if (k != JpegKernel.scalar()) {
                org.junit.jupiter.api.Assertions.assertSame(JpegKernel.get(), k, "image " + i);
                switched = true;
            }
        }
        org.junit.jupiter.api.Assertions.assertSame(JpegKernel.get(), JpegKernel.forNextImage(),
                "after " + JpegKernel.SCALAR_IMAGES + " images the chosen kernel answers");
    }
}
