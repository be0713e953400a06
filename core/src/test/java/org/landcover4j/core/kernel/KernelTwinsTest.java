package org.landcover4j.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landcover4j.core.kernel.TwinAssert.assertSame;
import static org.landcover4j.core.kernel.TwinAssert.assertSameBits;
import static org.landcover4j.core.kernel.TwinAssert.floats;
import static org.landcover4j.core.kernel.TwinAssert.labels;
import static org.landcover4j.core.kernel.TwinAssert.labels16;
import static org.landcover4j.core.kernel.TwinAssert.mask;

import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.landcover4j.core.testing.Gen;

/**
 * Property tests: the SIMD twin gives the scalar reference's result on awkward lengths (0, 1, primes, vector
 * sizes and their neighbours), at unaligned offsets, with extremes, nodata, masks and NaN. Skipped when the Vector
 * API module is absent (the scalar-only run). Each failure message carries the seed to replay it.
 */
class KernelTwinsTest {

    private static final long SEED = 0x1A2B3C4DL;

    static IntStream lengths() {
        return IntStream.of(Gen.awkwardLengths());
    }

    private static Gen gen(int n, int salt) {
        return Gen.seeded(SEED + 1_000_003L * n + salt);
    }

    // ------------------------------------------------------------------------------------ lookup and counting

    @ParameterizedTest
    @MethodSource("lengths")
    void remapU8(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 1);
        int so = g.between(0, 7);
        int d = g.between(0, 7);
        byte[] src = g.bytes(n + so, 0, 255);
        byte[] lut = g.bytes(256, 0, 255);
        byte[] a = g.bytes(n + d + 3, 0, 255);
        byte[] b = a.clone();
        s.remapU8(src, so, lut, a, d, n);
        v.remapU8(src, so, lut, b, d, n);
        assertSame(a, b, g, "remapU8");
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void remapU16(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 2);
        int so = g.between(0, 7);
        int d = g.between(0, 7);
        byte[] lut = g.bytes(65536, 0, 255);
        // any code; codes below 256 (the SIMD fast path) with an occasional large one
        short[] small = labels16(g, n + so, 255);
        for (int i = 0; i < small.length; i++) {
            if (g.chance(0.002)) {
                small[i] = (short) g.between(256, 65535);
            }
        }
        for (short[] src : new short[][] {g.shorts(n + so, 0, 65535), small}) {
            byte[] a = g.bytes(n + d + 3, 0, 255);
            byte[] b = a.clone();
            s.remapU16(src, so, lut, a, d, n);
            v.remapU16(src, so, lut, b, d, n);
            assertSame(a, b, g, "remapU16");
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void histogramU8(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 3);
        int o = g.between(0, 7);
        byte[] src = g.chance(0.5) ? labels(g, n + o, 255) : labels(g, n + o, 12);
        for (byte[] mask : new byte[][] {null, mask(g, n + o, 0.7), new byte[n + o]}) {
            long[] a = new long[256];
            a[5] = 7;   // counts are added to
            long[] b = a.clone();
            s.histogramU8(src, o, n, mask, o, a);
            v.histogramU8(src, o, n, mask, o, b);
            assertSame(a, b, g, "histogramU8 mask=" + (mask != null));
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void histogramU16(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 4);
        int o = g.between(0, 7);
        short[] src = g.chance(0.5) ? labels16(g, n + o, 65535) : labels16(g, n + o, 9);
        for (byte[] mask : new byte[][] {null, mask(g, n + o, 0.6)}) {
            long[] a = new long[65536];
            a[65535] = 3;
            long[] b = a.clone();
            s.histogramU16(src, o, n, mask, o, a);
            v.histogramU16(src, o, n, mask, o, b);
            assertSame(a, b, g, "histogramU16 mask=" + (mask != null));
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void confusionU8(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 5);
        // few classes (diagonal path), the diagonal-path limit, many classes; values beyond numClasses
        for (int k : new int[] {1, 10, 31, 32, 200, 255}) {
            for (double correct : new double[] {0.9, 0.0, 1.0}) {
                int ro = g.between(0, 7);
                int po = g.between(0, 7);
                byte[] ref = labels(g, n + ro, Math.min(255, k + 3));
                byte[] ref0 = java.util.Arrays.copyOfRange(ref, ro, ro + n);
                byte[] pred = new byte[n + po];
                System.arraycopy(g.noisyCopy(ref0, correct, Math.min(255, k + 3)), 0, pred, po, n);
                byte[] ignore = null;
                if (g.chance(0.5)) {
                    ignore = new byte[256];
                    ignore[g.between(0, k)] = 1;
                    ignore[255] = (byte) 0x80;
                }
                int cells = (k + 1) * (k + 1);
                long[] a = new long[cells];
                a[0] = 11;
                long[] b = a.clone();
                s.confusionU8(ref, ro, pred, po, n, k, ignore, a);
                v.confusionU8(ref, ro, pred, po, n, k, ignore, b);
                assertSame(a, b, g, "confusionU8 k=" + k + " correct=" + correct + " ignore=" + (ignore != null));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void confusionU16(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 6);
        for (int k : new int[] {1, 10, 31, 32, 300, 4095}) {
            for (double correct : new double[] {0.9, 0.0}) {
                int ro = g.between(0, 7);
                int po = g.between(0, 7);
                int max = k < 100 ? k + 3 : 65535;
                short[] ref = labels16(g, n + ro, max);
                short[] pred = new short[n + po];
                for (int i = 0; i < n; i++) {
                    pred[po + i] = g.chance(correct) ? ref[ro + i] : (short) g.between(0, max);
                }
                byte[] ignore = null;
                if (g.chance(0.5)) {
                    ignore = new byte[65536];
                    ignore[g.between(0, k)] = 1;
                    ignore[65535] = 1;
                }
                int cells = (k + 1) * (k + 1);
                long[] a = new long[cells];
                long[] b = new long[cells];
                s.confusionU16(ref, ro, pred, po, n, k, ignore, a);
                v.confusionU16(ref, ro, pred, po, n, k, ignore, b);
                assertSame(a, b, g, "confusionU16 k=" + k + " correct=" + correct + " ignore=" + (ignore != null));
            }
        }
    }

    // ------------------------------------------------------------------------------------------- band math

    @ParameterizedTest
    @MethodSource("lengths")
    void normalizedDifference(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 7);
        int ao = g.between(0, 7);
        int bo = g.between(0, 7);
        int d = g.between(0, 7);
        float[] x = floats(g, n + ao);
        float[] y = floats(g, n + bo);
        for (int i = 0; i < n; i++) {
            if (g.chance(0.05)) {
                x[ao + i] = 0f;
                y[bo + i] = g.chance(0.5) ? 0f : -0f;   // 0/0
            }
        }
        float[] a = floats(g, n + d);
        float[] b = a.clone();
        s.normalizedDifference(x, ao, y, bo, a, d, n);
        v.normalizedDifference(x, ao, y, bo, b, d, n);
        assertSameBits(a, b, g, "normalizedDifference");
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void normalizedDifferenceU16(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 8);
        int ao = g.between(0, 7);
        int bo = g.between(0, 7);
        short[] x = g.shorts(n + ao, 0, 65535);
        short[] y = g.shorts(n + bo, 0, 65535);
        for (int i = 0; i < n; i++) {
            if (g.chance(0.1)) {
                x[ao + i] = y[bo + i] = 0;
            } else if (g.chance(0.1)) {
                x[ao + i] = (short) 65535;
            }
        }
        float[] a = new float[n];
        float[] b = new float[n];
        s.normalizedDifferenceU16(x, ao, y, bo, a, 0, n);
        v.normalizedDifferenceU16(x, ao, y, bo, b, 0, n);
        assertSameBits(a, b, g, "normalizedDifferenceU16");
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void scaleOffset(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 9);
        short[] dn = g.shorts(n + 3, 0, 65535);
        float[] f = floats(g, n + 3);
        float[][] params = {{1e-4f, -0.1f}, {2.75e-5f, -0.2f}, {1f, 0f}, {-3f, Float.MAX_VALUE}, {Float.NaN, 1f},
            {Float.POSITIVE_INFINITY, 0f}, {0f, -0f}};
        for (float[] p : params) {
            float[] a = new float[n + 1];
            float[] b = new float[n + 1];
            s.scaleOffsetU16(dn, 3, p[0], p[1], a, 1, n);
            v.scaleOffsetU16(dn, 3, p[0], p[1], b, 1, n);
            assertSameBits(a, b, g, "scaleOffsetU16 " + p[0] + "," + p[1]);
            s.scaleOffset(f, 3, p[0], p[1], a, 1, n);
            v.scaleOffset(f, 3, p[0], p[1], b, 1, n);
            assertSameBits(a, b, g, "scaleOffset " + p[0] + "," + p[1]);
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void standardize(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 10);
        float[] f = floats(g, n + 2);
        for (float[] p : new float[][] {{1532.5f, 611.25f}, {0f, 1f}, {-1e-3f, 3e-7f}, {1e30f, 1e-30f}}) {
            float[] a = new float[n];
            float[] b = new float[n];
            s.standardize(f, 2, p[0], p[1], a, 0, n);
            v.standardize(f, 2, p[0], p[1], b, 0, n);
            assertSameBits(a, b, g, "standardize " + p[0] + "," + p[1]);
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void conversions(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 11);
        float[] f = floats(g, n + 5);
        for (int i = 0; i < f.length; i++) {
            if (g.chance(0.3)) {
                f[i] = g.between(-2, 66000) + (g.chance(0.5) ? 0.5f : g.nextInt(1000) / 1000f);
            }
        }
        byte[] a8 = g.bytes(n + 1, 0, 255);
        byte[] b8 = a8.clone();
        s.toU8(f, 5, a8, 1, n);
        v.toU8(f, 5, b8, 1, n);
        assertSame(a8, b8, g, "toU8");
        short[] a16 = new short[n];
        short[] b16 = new short[n];
        s.toU16(f, 5, a16, 0, n);
        v.toU16(f, 5, b16, 0, n);
        assertSame(a16, b16, g, "toU16");
        short[] dn = g.shorts(n + 1, 0, 65535);
        for (int i = 0; i < dn.length; i++) {
            if (g.chance(0.3)) {
                dn[i] = (short) g.between(250, 260);
            }
        }
        s.u16ToU8(dn, 1, a8, 0, n);
        v.u16ToU8(dn, 1, b8, 0, n);
        assertSame(a8, b8, g, "u16ToU8");
    }

    // ----------------------------------------------------------------------------------------------- masks

    @ParameterizedTest
    @MethodSource("lengths")
    void masks(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 12);
        byte[] a = g.bytes(n + 2, 0, 255);
        byte[] b = a.clone();
        byte[] u8 = labels(g, n + 3, 255);
        for (int nodata : new int[] {0, 255, g.between(1, 254)}) {
            s.validMaskU8(u8, 3, nodata, a, 2, n);
            v.validMaskU8(u8, 3, nodata, b, 2, n);
            assertSame(a, b, g, "validMaskU8 nodata=" + nodata);
        }
        short[] u16 = labels16(g, n + 1, 65535);
        for (int nodata : new int[] {0, 65535, u16.length > 1 ? u16[1] & 0xFFFF : 7}) {
            s.validMaskU16(u16, 1, nodata, a, 0, n);
            v.validMaskU16(u16, 1, nodata, b, 0, n);
            assertSame(a, b, g, "validMaskU16 nodata=" + nodata);
        }
        float[] f = floats(g, n + 1);
        for (float nodata : new float[] {0f, -0f, Float.NaN, -9999f, Float.NEGATIVE_INFINITY, Float.MIN_VALUE}) {
            if (nodata == -9999f) {
                for (int i = 0; i < f.length; i += 3) {
                    f[i] = -9999f;
                }
            }
            s.validMaskF32(f, 1, nodata, a, 1, n);
            v.validMaskF32(f, 1, nodata, b, 1, n);
            assertSame(a, b, g, "validMaskF32 nodata=" + nodata);
        }
        byte[] m = mask(g, n + 4, 0.5);
        assertEquals(s.countNonZero(m, 4, n), v.countNonZero(m, 4, n), "countNonZero; " + g);
    }

    // ------------------------------------------------------------------------------------------ statistics

    @ParameterizedTest
    @MethodSource("lengths")
    void momentsIntegers(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 13);
        byte[] u8 = labels(g, n + 1, 255);
        short[] u16 = labels16(g, n + 1, 65535);
        for (int i = 0; i < n; i += 5) {
            u8[i] = (byte) 255;
            u16[i] = (short) 65535;
        }
        for (byte[] mask : new byte[][] {null, mask(g, n + 2, 0.5), new byte[n + 2]}) {
            long[] a = new long[5];
            long[] b = new long[5];
            s.momentsU8(u8, 1, n, mask, 2, a);
            v.momentsU8(u8, 1, n, mask, 2, b);
            assertSame(a, b, g, "momentsU8 mask=" + (mask != null));
            s.momentsU16(u16, 1, n, mask, 2, a);
            v.momentsU16(u16, 1, n, mask, 2, b);
            assertSame(a, b, g, "momentsU16 mask=" + (mask != null));
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void momentsFloat(int n) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = gen(n, 14);
        // finite data with NaN holes (the tolerance case), then data with infinities (the non-finite case)
        float[] finite = new float[n + 1];
        for (int i = 0; i < finite.length; i++) {
            finite[i] = g.chance(0.1) ? Float.NaN : (float) (1000 + 800 * (g.nextDouble() - 0.5));
        }
        float[] extreme = floats(g, n + 1);
        for (float[] f : new float[][] {finite, extreme}) {
            for (byte[] mask : new byte[][] {null, mask(g, n + 1, 0.6)}) {
                double[] a = new double[5];
                double[] b = new double[5];
                s.momentsF32(f, 1, n, mask, 1, a);
                v.momentsF32(f, 1, n, mask, 1, b);
                String what = "momentsF32 mask=" + (mask != null) + " " + g;
                assertEquals(a[0], b[0], what + " count");
                assertEquals(Double.doubleToLongBits(a[1]), Double.doubleToLongBits(b[1]), what + " min");
                assertEquals(Double.doubleToLongBits(a[2]), Double.doubleToLongBits(b[2]), what + " max");
                long count = (long) a[0];
                if (count == 0 || !Double.isFinite(a[3])) {
                    assertEquals(a[3], b[3], what + " mean (non-finite: same value)");
                    assertEquals(a[4], b[4], what + " m2 (non-finite: same value)");
                    continue;
                }
                double meanAbs = 0;
                for (int i = 0; i < n; i++) {
                    float x = f[1 + i];
                    if (x == x && (mask == null || mask[1 + i] != 0)) {
                        meanAbs += Math.abs(x);
                    }
                }
                meanAbs /= count;
                double eps = count * 0x1p-52;
                double stdS = Math.sqrt(a[4] / count);
                double stdV = Math.sqrt(b[4] / count);
                assertTrue(Math.abs(a[3] - b[3]) <= eps * meanAbs,
                        what + " mean: scalar " + a[3] + " vector " + b[3] + " beyond " + eps * meanAbs);
                assertTrue(Math.abs(stdS - stdV) <= eps * (stdS + meanAbs),
                        what + " std: scalar " + stdS + " vector " + stdV + " beyond " + eps * (stdS + meanAbs));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ resampling

    /** Shapes: tiny, narrower than a vector, wide, not multiples of the factor. */
    @RepeatedTest(40)
    void resampling(RepetitionInfo info) {
        KernelImpl s = TwinAssert.scalar();
        KernelImpl v = TwinAssert.vector();
        Gen g = Gen.seeded(SEED + 7919L * info.getCurrentRepetition());
        int[] factors = {1, 2, 3, 4, 6, 7, 11, 12, 70};
        int factor = factors[g.nextInt(factors.length)];
        int width = g.chance(0.3) ? g.between(0, 20) : g.between(1, 700);
        int height = g.between(0, factor > 6 ? 40 : 13);
        if (g.chance(0.3)) {
            width -= width % factor;
        }
        int area = width * height;
        int so = g.between(0, 9);
        int d = g.between(0, 9);
        String what = width + "x" + height + " factor " + factor;

        int upArea = width * factor * height * factor;
        if (upArea <= 4_000_000) {
            byte[] src8 = labels(g, area + so, 255);
            byte[] a8 = new byte[upArea + d];
            byte[] b8 = new byte[upArea + d];
            s.upsampleU8(src8, so, width, height, factor, a8, d);
            v.upsampleU8(src8, so, width, height, factor, b8, d);
            assertSame(a8, b8, g, "upsampleU8 " + what);
            short[] src16 = labels16(g, area + so, 65535);
            short[] a16 = new short[upArea + d];
            short[] b16 = new short[upArea + d];
            s.upsampleU16(src16, so, width, height, factor, a16, d);
            v.upsampleU16(src16, so, width, height, factor, b16, d);
            assertSame(a16, b16, g, "upsampleU16 " + what);
            float[] srcF = floats(g, area + so);
            float[] aF = new float[upArea + d];
            float[] bF = new float[upArea + d];
            s.upsampleF32(srcF, so, width, height, factor, aF, d);
            v.upsampleF32(srcF, so, width, height, factor, bF, d);
            assertSameBits(aF, bF, g, "upsampleF32 " + what);
        }

        int downArea = ((width + factor - 1) / factor) * ((height + factor - 1) / factor);
        byte[] lab = g.chance(0.5) ? labels(g, area + so, 4) : g.bytes(area + so, 0, 255);
        for (int ignore : new int[] {-1, 0, 3, 255}) {
            byte[] a = g.bytes(downArea + d, 0, 255);
            byte[] b = a.clone();
            s.downsampleModeU8(lab, so, width, height, factor, ignore, a, d);
            v.downsampleModeU8(lab, so, width, height, factor, ignore, b, d);
            assertSame(a, b, g, "downsampleModeU8 ignore=" + ignore + " " + what);
        }
        float[] img = floats(g, area + so);
        for (int i = 0; i < img.length; i++) {
            if (g.chance(0.2)) {
                img[i] = Float.NaN;
            }
        }
        if (area > 0 && g.chance(0.5)) {
            java.util.Arrays.fill(img, so, so + Math.min(area, factor * Math.max(width, 1)), Float.NaN);   // NaN blocks
        }
        float[] a = new float[downArea + d];
        float[] b = new float[downArea + d];
        s.downsampleMeanF32(img, so, width, height, factor, a, d);
        v.downsampleMeanF32(img, so, width, height, factor, b, d);
        assertSameBits(a, b, g, "downsampleMeanF32 " + what);
    }
}
