package org.landcover4j.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.landcover4j.core.testing.Gen;

/**
 * Hand-checked cases against the definitions, for both implementations (each case runs on the scalar reference
 * and, when the module is present, on the SIMD twin; inputs are padded past one vector so the SIMD loop, not only
 * its scalar tail, computes them), plus facade validation and independent oracles for statistics and
 * percentiles.
 */
class KernelDefinitionsTest {

    /** Repeats of a small case, so that a 512-bit vector loop handles most of it. */
    private static final int REPEAT = 37;

    static Stream<KernelImpl> impls() {
        List<KernelImpl> list = new ArrayList<>();
        list.add(Kernels.scalar());
        Kernels.vector().ifPresent(list::add);
        return list.stream();
    }

    private static float[] tile(float... v) {
        float[] a = new float[v.length * REPEAT];
        for (int i = 0; i < a.length; i++) {
            a[i] = v[i % v.length];
        }
        return a;
    }

    private static short[] tile(short... v) {
        short[] a = new short[v.length * REPEAT];
        for (int i = 0; i < a.length; i++) {
            a[i] = v[i % v.length];
        }
        return a;
    }

    private static byte[] tile(byte... v) {
        byte[] a = new byte[v.length * REPEAT];
        for (int i = 0; i < a.length; i++) {
            a[i] = v[i % v.length];
        }
        return a;
    }

    private static void assertTiled(float[] expected, float[] actual, String what) {
        for (int i = 0; i < actual.length; i++) {
            float e = expected[i % expected.length];
            assertEquals(Float.floatToIntBits(e), Float.floatToIntBits(actual[i]),
                    what + " at " + i + ": expected " + e + ", got " + actual[i]);
        }
    }

    private static void assertTiled(int[] expected, byte[] actual, String what) {
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i % expected.length], actual[i] & 0xFF, what + " at " + i);
        }
    }

    private static void assertTiled(int[] expected, short[] actual, String what) {
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i % expected.length], actual[i] & 0xFFFF, what + " at " + i);
        }
    }

    // ------------------------------------------------------------------------------------ lookup and counting

    @ParameterizedTest
    @MethodSource("impls")
    void remapAndHistogramAndConfusion(KernelImpl k) {
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) (255 - v);
        }
        byte[] src = tile((byte) 0, (byte) 1, (byte) 127, (byte) 128, (byte) 200, (byte) 255);
        byte[] dst = new byte[src.length];
        k.remapU8(src, 0, lut, dst, 0, src.length);
        assertTiled(new int[] {255, 254, 128, 127, 55, 0}, dst, k.name() + " remapU8");

        byte[] lut16 = new byte[65536];
        lut16[65535] = 9;
        lut16[40000] = 4;
        short[] s16 = tile((short) 0, (short) 40000, (short) 65535);
        byte[] d16 = new byte[s16.length];
        k.remapU16(s16, 0, lut16, d16, 0, s16.length);
        assertTiled(new int[] {0, 4, 9}, d16, k.name() + " remapU16");

        long[] hist = new long[256];
        hist[0] = 100;   // added to, not overwritten
        byte[] mask = tile((byte) 1, (byte) 0, (byte) 7, (byte) 1, (byte) 1, (byte) 0);
        k.histogramU8(src, 0, src.length, mask, 0, hist);
        assertEquals(100 + REPEAT, hist[0], k.name());
        assertEquals(0, hist[1], k.name());
        assertEquals(REPEAT, hist[127], k.name());
        assertEquals(REPEAT, hist[128], k.name());
        assertEquals(REPEAT, hist[200], k.name());
        assertEquals(0, hist[255], k.name());

        // 3 classes; reference 3 and 9 are out of range and land in row 3; reference 2 ignored
        byte[] ref = tile((byte) 0, (byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 9, (byte) 1);
        byte[] pred = tile((byte) 0, (byte) 1, (byte) 1, (byte) 0, (byte) 3, (byte) 1, (byte) 200);
        byte[] ignore = new byte[256];
        ignore[2] = 1;
        long[] cm = new long[16];
        k.confusionU8(ref, 0, pred, 0, ref.length, 3, ignore, cm);
        long r = REPEAT;
        assertArrayEquals(new long[] {
            r, r, 0, 0,
            0, r, 0, r,
            0, 0, 0, 0,
            0, r, 0, r}, cm, k.name() + " confusionU8");
        short[] ref16 = new short[ref.length];
        short[] pred16 = new short[ref.length];
        for (int i = 0; i < ref.length; i++) {
            ref16[i] = (short) (ref[i] == 9 ? 60000 : ref[i]);
            pred16[i] = (short) (pred[i] & 0xFF);
        }
        byte[] ignore16 = new byte[65536];
        ignore16[2] = 1;
        long[] cm16 = new long[16];
        k.confusionU16(ref16, 0, pred16, 0, ref16.length, 3, ignore16, cm16);
        assertArrayEquals(cm, cm16, k.name() + " confusionU16");
    }

    // ------------------------------------------------------------------------------------------- band math

    @ParameterizedTest
    @MethodSource("impls")
    void normalizedDifference(KernelImpl k) {
        float[] a = tile(3f, 0f, 0f, -0f, 1f, 0.5f, Float.NaN, Float.POSITIVE_INFINITY, 0.25f);
        float[] b = tile(1f, 0f, -0f, 0f, -1f, 0.5f, 1f, 1f, 0.75f);
        float[] d = new float[a.length];
        k.normalizedDifference(a, 0, b, 0, d, 0, a.length);
        assertTiled(new float[] {0.5f, Float.NaN, Float.NaN, Float.NaN, Float.POSITIVE_INFINITY, 0f, Float.NaN,
            Float.NaN, -0.5f}, d, k.name() + " nd");

        short[] x = tile((short) 65535, (short) 0, (short) 3000, (short) 1000);
        short[] y = tile((short) 0, (short) 0, (short) 1000, (short) 3000);
        k.normalizedDifferenceU16(x, 0, y, 0, d, 0, x.length);
        assertTiled(new float[] {1f, Float.NaN, 0.5f, -0.5f}, java.util.Arrays.copyOf(d, x.length), k.name());
    }

    @ParameterizedTest
    @MethodSource("impls")
    void scaleOffsetAndStandardize(KernelImpl k) {
        short[] dn = tile((short) 0, (short) 3, (short) 65535, (short) 1000);
        float[] d = new float[dn.length];
        k.scaleOffsetU16(dn, 0, 2f, 1f, d, 0, dn.length);
        assertTiled(new float[] {1f, 7f, 131071f, 2001f}, d, k.name() + " scaleOffsetU16");
        // no fused multiply-add: the product is rounded to float before the offset is added
        k.scaleOffsetU16(dn, 0, 1e-4f, -0.1f, d, 0, dn.length);
        float p = 1000f * 1e-4f;
        assertTiled(new float[] {-0.1f, 3f * 1e-4f - 0.1f, 65535f * 1e-4f - 0.1f, p + -0.1f}, d, k.name());
        assertTrue(Math.fma(1000f, 1e-4f, -0.1f) != p + -0.1f, "the case must tell fused from unfused");

        float[] f = tile(5f, -3f, Float.NaN, Float.NEGATIVE_INFINITY);
        float[] o = new float[f.length];
        k.scaleOffset(f, 0, 0.5f, 2f, o, 0, f.length);
        assertTiled(new float[] {4.5f, 0.5f, Float.NaN, Float.NEGATIVE_INFINITY}, o, k.name() + " scaleOffset");
        k.standardize(f, 0, 1f, 2f, o, 0, f.length);
        assertTiled(new float[] {2f, -2f, Float.NaN, Float.NEGATIVE_INFINITY}, o, k.name() + " standardize");
    }

    @ParameterizedTest
    @MethodSource("impls")
    void conversionsClampAndRoundHalfEven(KernelImpl k) {
        float[] f = tile(-1f, 0.5f, 1.5f, 2.5f, 2.4999998f, 254.5f, 255.5f, Float.NaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, -0f, Float.MIN_VALUE, 0.50000006f, 65534.5f, 65535.5f, 70000f, 3.5f);
        byte[] b = new byte[f.length];
        k.toU8(f, 0, b, 0, f.length);
        assertTiled(new int[] {0, 0, 2, 2, 2, 254, 255, 0, 255, 0, 0, 0, 1, 255, 255, 255, 4}, b, k.name() + " toU8");
        short[] s = new short[f.length];
        k.toU16(f, 0, s, 0, f.length);
        assertTiled(new int[] {0, 0, 2, 2, 2, 254, 256, 0, 65535, 0, 0, 0, 1, 65534, 65535, 65535, 4}, s,
                k.name() + " toU16");
        short[] dn = tile((short) 7, (short) 255, (short) 256, (short) 65535, (short) 32768);
        byte[] o = new byte[dn.length];
        k.u16ToU8(dn, 0, o, 0, dn.length);
        assertTiled(new int[] {7, 255, 255, 255, 255}, o, k.name() + " u16ToU8");
    }

    // ----------------------------------------------------------------------------------------------- masks

    @ParameterizedTest
    @MethodSource("impls")
    void masks(KernelImpl k) {
        byte[] u8 = tile((byte) 0, (byte) 5, (byte) 255);
        byte[] m = new byte[u8.length];
        k.validMaskU8(u8, 0, 255, m, 0, u8.length);
        assertTiled(new int[] {1, 1, 0}, m, k.name());
        short[] u16 = tile((short) 0, (short) 65535, (short) 9);
        k.validMaskU16(u16, 0, 65535, m, 0, u16.length);
        assertTiled(new int[] {1, 0, 1}, m, k.name());
        float[] f = tile(0f, -0f, Float.NaN, -9999f, 1f, Float.NEGATIVE_INFINITY);
        byte[] mf = new byte[f.length];
        k.validMaskF32(f, 0, 0f, mf, 0, f.length);
        assertTiled(new int[] {0, 0, 0, 1, 1, 1}, mf, k.name() + " nodata 0 also excludes -0.0 and NaN");
        k.validMaskF32(f, 0, -9999f, mf, 0, f.length);
        assertTiled(new int[] {1, 1, 0, 0, 1, 1}, mf, k.name());
        k.validMaskF32(f, 0, Float.NaN, mf, 0, f.length);
        assertTiled(new int[] {1, 1, 0, 1, 1, 1}, mf, k.name());
        assertEquals(4L * REPEAT, k.countNonZero(tile((byte) 1, (byte) 0, (byte) -1, (byte) 7, (byte) 0,
                (byte) 2), 0, 6 * REPEAT), k.name());
    }

    @Test
    void setMasksThroughTheFacade() {
        byte[] set = new byte[256];
        set[3] = 1;
        set[200] = (byte) 0xFF;
        byte[] src = tile((byte) 3, (byte) 4, (byte) 200, (byte) 0);
        byte[] m = new byte[src.length];
        Kernels.inSetMask(src, set, m);
        assertTiled(new int[] {1, 0, 1, 0}, m, "in set");
        Kernels.notInSetMask(src, set, m);
        assertTiled(new int[] {0, 1, 0, 1}, m, "not in set");
        byte[] set16 = new byte[65536];
        set16[65535] = 2;
        short[] s16 = tile((short) 65535, (short) 255);
        byte[] m16 = new byte[s16.length];
        Kernels.inSetMask(s16, set16, m16);
        assertTiled(new int[] {1, 0}, m16, "in set 16");
        Kernels.notInSetMask(s16, set16, m16);
        assertTiled(new int[] {0, 1}, m16, "not in set 16");
        assertEquals(REPEAT, Kernels.countValid(m16));
        assertEquals(1, Kernels.countValid(m16, 1, 2));
    }

    // ------------------------------------------------------------------------------------------ statistics

    @ParameterizedTest
    @MethodSource("impls")
    void moments(KernelImpl k) {
        byte[] u8 = tile((byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 250);
        byte[] mask = tile((byte) 1, (byte) 1, (byte) 1, (byte) 1, (byte) 0);
        long[] m = new long[5];
        k.momentsU8(u8, 0, u8.length, mask, 0, m);
        long r = REPEAT;
        assertArrayEquals(new long[] {4 * r, 1, 4, 10 * r, 30 * r}, m, k.name());
        k.momentsU8(u8, 0, u8.length, new byte[u8.length], 0, m);
        assertArrayEquals(new long[] {0, -1, -1, 0, 0}, m, k.name() + " nothing valid");
        short[] u16 = tile((short) 65535, (short) 65535, (short) 1);
        k.momentsU16(u16, 0, u16.length, null, 0, m);
        assertArrayEquals(new long[] {3 * r, 1, 65535, (2L * 65535 + 1) * r, (2L * 65535 * 65535 + 1) * r}, m);

        float[] f = tile(1f, 2f, Float.NaN, 3f, 4f, -0f);
        byte[] fm = tile((byte) 1, (byte) 1, (byte) 1, (byte) 1, (byte) 1, (byte) 0);
        double[] d = new double[5];
        k.momentsF32(f, 0, f.length, fm, 0, d);
        assertEquals(4.0 * REPEAT, d[0]);
        assertEquals(1.0, d[1]);
        assertEquals(4.0, d[2]);
        assertEquals(2.5, d[3], 1e-12);
        assertEquals(1.25 * 4 * REPEAT, d[4], 1e-9);   // population variance 1.25
        k.momentsF32(tile(0f, -0f), 0, 2 * REPEAT, null, 0, d);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(d[1]), k.name() + " min of 0 and -0");
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(d[2]), k.name() + " max of 0 and -0");
        k.momentsF32(tile(Float.NaN), 0, REPEAT, null, 0, d);
        assertEquals(0, d[0]);
        assertTrue(Double.isNaN(d[3]));
    }

    @Test
    void statisticsRecordsMatchAnIndependentOracle() {
        Gen g = Gen.seeded(99);
        short[] s = g.shorts(10_007, 0, 65535);
        byte[] mask = TwinAssert.mask(g, s.length, 0.8);
        java.math.BigInteger n = java.math.BigInteger.ZERO;
        java.math.BigInteger sum = java.math.BigInteger.ZERO;
        java.math.BigInteger sq = java.math.BigInteger.ZERO;
        int min = Integer.MAX_VALUE;
        int max = -1;
        for (int i = 0; i < s.length; i++) {
            if (mask[i] != 0) {
                long v = s[i] & 0xFFFF;
                n = n.add(java.math.BigInteger.ONE);
                sum = sum.add(java.math.BigInteger.valueOf(v));
                sq = sq.add(java.math.BigInteger.valueOf(v * v));
                min = Math.min(min, (int) v);
                max = Math.max(max, (int) v);
            }
        }
        java.math.BigDecimal bn = new java.math.BigDecimal(n);
        java.math.BigDecimal mean = new java.math.BigDecimal(sum).divide(bn, java.math.MathContext.DECIMAL128);
        java.math.BigDecimal var = new java.math.BigDecimal(sq).divide(bn, java.math.MathContext.DECIMAL128)
                .subtract(mean.multiply(mean));
        BandStatistics st = Kernels.statistics(s, mask);
        assertEquals(n.longValue(), st.count(), g.toString());
        assertEquals(min, st.min(), g.toString());
        assertEquals(max, st.max(), g.toString());
        assertEquals(mean.doubleValue(), st.mean(), 0.0, g.toString());
        assertEquals(Math.sqrt(var.doubleValue()), st.std(), Math.ulp(st.std()), g.toString());

        assertEquals(BandStatistics.EMPTY, Kernels.statistics(new float[] {Float.NaN}, null));
        assertTrue(Kernels.statistics(new byte[0], null).isEmpty());
        BandStatistics f = Kernels.statistics(new float[] {2f, 4f, 4f, 4f, 5f, 5f, 7f, 9f}, null);
        assertEquals(new BandStatistics(8, 2, 9, 5, 2), f);
        assertEquals("BandStatistics[count=8, min=2.0, max=9.0, mean=5.0, std=2.0]", f.toString());
        BandStatistics ranged = Kernels.statistics(new byte[] {9, 1, 2, 3, 9}, 1, 3, null, 0);
        assertEquals(new BandStatistics(3, 1, 3, 2, Math.sqrt(2.0 / 3)), ranged);
    }

    @Test
    void percentilesFollowTheLinearDefinition() {
        // numpy: np.percentile([1, 2, 3, 4, 5], [0, 10, 25, 50, 99, 100]) = [1, 1.4, 2, 3, 4.96, 5]
        byte[] b = {5, 3, 1, 4, 2};
        Percentiles p = Kernels.percentiles(b, null, 0, 10, 25, 50, 99, 100);
        assertArrayEquals(new double[] {1, 1.4, 2, 3, 4.96, 5}, p.values(), 1e-12);
        assertEquals("Percentiles[p0=1.0, p10=1.4, p25=2.0, p50=3.0, p99=4.96, p100=5.0]",
                Kernels.percentiles(new float[] {5, 3, 1, 4, 2}, null, 0, 10, 25, 50, 99, 100).toString()
                        .replace("1.4000000000000001", "1.4").replace("4.960000000000001", "4.96"));
        assertEquals(1.4, p.at(10), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> p.at(11));
        // masked and NaN samples are skipped; no valid sample gives NaN
        Percentiles f = Kernels.percentiles(new float[] {Float.NaN, 10, 20, 1000}, new byte[] {1, 1, 1, 0}, 50);
        assertEquals(15, f.value(0), 0);
        assertTrue(Double.isNaN(Kernels.percentiles(new short[] {1}, new byte[] {0}, 50).value(0)));
        assertEquals(Double.POSITIVE_INFINITY,
                Kernels.percentiles(new float[] {1, Float.POSITIVE_INFINITY}, null, 75).value(0));
    }

    @Test
    void histogramPercentilesAgreeWithSortingPercentiles() {
        Gen g = Gen.seeded(7);
        short[] s = g.shorts(5003, 0, 65535);
        byte[] mask = TwinAssert.mask(g, s.length, 0.7);
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            f[i] = s[i] & 0xFFFF;
        }
        double[] ps = {0, 0.5, 2, 33.3, 50, 98, 99.9, 100};
        assertArrayEquals(Kernels.percentiles(f, mask, ps).values(), Kernels.percentiles(s, mask, ps).values(), 1e-9,
                g.toString());
        byte[] b = g.bytes(777, 0, 255);
        float[] fb = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            fb[i] = b[i] & 0xFF;
        }
        assertArrayEquals(Kernels.percentiles(fb, null, ps).values(), Kernels.percentiles(b, null, ps).values(), 1e-9,
                g.toString());
    }

    // ------------------------------------------------------------------------------------------ resampling

    @ParameterizedTest
    @MethodSource("impls")
    void upsampleRepeatsEachSample(KernelImpl k) {
        float[] src = {1, 2, 3, 4, 5, 6};   // 3 x 2
        float[] dst = new float[6 * 4];
        k.upsampleF32(src, 0, 3, 2, 2, dst, 0);
        assertArrayEquals(new float[] {
            1, 1, 2, 2, 3, 3,
            1, 1, 2, 2, 3, 3,
            4, 4, 5, 5, 6, 6,
            4, 4, 5, 5, 6, 6}, dst, k.name());
        // a 100-wide row so the SIMD loop runs; factor 6 as for a 60 m band onto 10 m
        byte[] row = new byte[100];
        for (int i = 0; i < row.length; i++) {
            row[i] = (byte) i;
        }
        byte[] up = new byte[600 * 6];
        k.upsampleU8(row, 0, 100, 1, 6, up, 0);
        for (int i = 0; i < up.length; i++) {
            assertEquals((i % 600) / 6, up[i], k.name() + " at " + i);
        }
        short[] row16 = new short[100];
        for (int i = 0; i < row16.length; i++) {
            row16[i] = (short) (60000 + i);
        }
        short[] up16 = new short[300 * 3];
        k.upsampleU16(row16, 0, 100, 1, 3, up16, 0);
        for (int i = 0; i < up16.length; i++) {
            assertEquals(60000 + (i % 300) / 3, up16[i] & 0xFFFF, k.name() + " at " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void modeDownsampling(KernelImpl k) {
        // 5 x 4, factor 2: blocks 2x2 and a partial last column
        byte[] src = {
            1, 1, 2, 3, 7,
            1, 2, 3, 2, 7,
            5, 5, 0, 0, 9,
            6, 6, 0, 4, 0};
        byte[] dst = new byte[3 * 2];
        k.downsampleModeU8(src, 0, 5, 4, 2, -1, dst, 0);
        // {1,1,1,2}=1; {2,3,3,2} tie -> 2; {7,7}=7; {5,5,6,6} tie -> 5; {0,0,0,4}=0; {9,0} tie -> 0
        assertArrayEquals(new byte[] {1, 2, 7, 5, 0, 0}, dst, k.name());
        k.downsampleModeU8(src, 0, 5, 4, 2, 0, dst, 0);
        // ignore 0: {0,0,0,4} -> 4; {9,0} -> 9
        assertArrayEquals(new byte[] {1, 2, 7, 5, 4, 9}, dst, k.name() + " ignore 0");
        byte[] zeros = new byte[4];
        byte[] one = {42};
        k.downsampleModeU8(zeros, 0, 2, 2, 2, 0, one, 0);
        assertEquals(0, one[0], k.name() + " all ignored gives the ignore value");

        // wide enough for the SIMD loop: 256 x 2, factor 2, block j = {j%3, j%3, 200, j%3}
        byte[] wide = new byte[256 * 2];
        for (int j = 0; j < 128; j++) {
            wide[2 * j] = (byte) (j % 3);
            wide[2 * j + 1] = (byte) (j % 3);
            wide[256 + 2 * j] = (byte) 200;
            wide[256 + 2 * j + 1] = (byte) (j % 5 == 0 ? 200 : j % 3);
        }
        byte[] out = new byte[128];
        k.downsampleModeU8(wide, 0, 256, 2, 2, -1, out, 0);
        for (int j = 0; j < 128; j++) {
            int expected = j % 3;   // {v,v,200,v} gives v 3:1; {v,v,200,200} ties and v < 200 wins
            assertEquals(expected, out[j] & 0xFF, k.name() + " block " + j);
        }
        k.downsampleModeU8(wide, 0, 256, 2, 2, 2, out, 0);
        for (int j = 0; j < 128; j++) {
            int v = j % 3;
            int expected = v == 2 ? 200 : v;
            assertEquals(expected, out[j] & 0xFF, k.name() + " ignore 2, block " + j);
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void meanDownsampling(KernelImpl k) {
        float nan = Float.NaN;
        float[] src = {
            1, 2, nan, nan, 5,
            3, 4, nan, nan, 6,
            1, nan, 0, -0f, 1e30f};
        float[] dst = new float[3 * 2];
        k.downsampleMeanF32(src, 0, 5, 3, 2, dst, 0);
        assertArrayEquals(new float[] {2.5f, nan, 5.5f, 1, 0, 1e30f}, dst, k.name());
        // wide enough for the SIMD loop
        float[] wide = new float[64 * 2];
        for (int x = 0; x < 64; x++) {
            wide[x] = x;
            wide[64 + x] = x % 4 == 0 ? nan : x + 1;
        }
        float[] out = new float[32];
        k.downsampleMeanF32(wide, 0, 64, 2, 2, out, 0);
        for (int j = 0; j < 32; j++) {
            double a = 2 * j;
            double b = 2 * j + 1;
            double c = (2 * j) % 4 == 0 ? Double.NaN : 2 * j + 1;
            double d = 2 * j + 2;
            double expected = Double.isNaN(c) ? (a + b + d) / 3 : (a + b + c + d) / 4;
            assertEquals((float) expected, out[j], k.name() + " block " + j);
        }
    }

    // ------------------------------------------------------------------------------------------ validation

    @Test
    void facadeRejectsBadArguments() {
        float[] f = new float[4];
        assertThrows(IllegalArgumentException.class, () -> Kernels.normalizedDifference(f, new float[3], f));
        assertThrows(IndexOutOfBoundsException.class, () -> Kernels.normalizedDifference(f, 1, f, 0, f, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> Kernels.standardize(f, 0f, 0f, f));
        assertThrows(IllegalArgumentException.class, () -> Kernels.standardize(f, Float.NaN, 1f, f));
        assertThrows(IllegalArgumentException.class, () -> Kernels.standardize(f, 0f, Float.POSITIVE_INFINITY, f));
        assertThrows(IllegalArgumentException.class,
                () -> Kernels.standardizeBands(new float[5], 2, new float[2], new float[] {1, 1}, new float[5]));
        assertThrows(IllegalArgumentException.class,
                () -> Kernels.standardizeBands(f, 2, new float[2], new float[] {1, 0}, f));
        assertThrows(IllegalArgumentException.class, () -> Kernels.validMask(new byte[2], 256, new byte[2]));
        assertThrows(IllegalArgumentException.class, () -> Kernels.validMask(new short[2], -1, new byte[2]));
        assertThrows(IllegalArgumentException.class, () -> Kernels.inSetMask(new byte[2], new byte[255], new byte[2]));
        assertThrows(IllegalArgumentException.class, () -> Kernels.inSetMask(new short[2], new byte[256], new byte[2]));
        assertThrows(IllegalArgumentException.class, () -> Kernels.percentiles(new byte[2], null, 101));
        assertThrows(IllegalArgumentException.class, () -> Kernels.percentiles(f, null, Double.NaN));
        assertThrows(IndexOutOfBoundsException.class, () -> Kernels.statistics(f, new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> Kernels.upsample(new byte[6], 3, 2, 0, new byte[6]));
        assertThrows(IllegalArgumentException.class, () -> Kernels.upsample(new byte[6], 3, 2, 2, new byte[23]));
        assertThrows(IllegalArgumentException.class, () -> Kernels.upsample(new byte[6], 3, 3, 1, new byte[6]));
        assertThrows(IllegalArgumentException.class,
                () -> Kernels.upsample(new float[1], 0, 1, 1, 70000, new float[1], 0));
        assertThrows(IllegalArgumentException.class,
                () -> Kernels.downsampleMode(new byte[6], 3, 2, 2, 256, new byte[2]));
        assertThrows(IllegalArgumentException.class,
                () -> Kernels.downsampleMode(new byte[6], 3, 2, 2, -1, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> Kernels.downsampleMean(f, 2, 2, 2, new float[2]));
        assertThrows(IllegalArgumentException.class,
                () -> Kernels.downsampleMean(f, 0, 65536, 65536, 2, f, 0));
        assertEquals(2, Kernels.downsampledSize(3, 2));
        assertEquals(1830, Kernels.downsampledSize(10980, 6));
        assertEquals(0, Kernels.downsampledSize(0, 6));
        assertThrows(IllegalArgumentException.class, () -> new BandStatistics(-1, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new BandStatistics(1, 2, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Percentiles(new double[1], new double[2]));
    }

    @Test
    void standardizeBandsUsesEachBandsStatistics() {
        float[] src = {1, 3, 10, 30};
        float[] dst = new float[4];
        Kernels.standardizeBands(src, 2, new float[] {2, 20}, new float[] {1, 10}, dst);
        assertArrayEquals(new float[] {-1, 1, -1, 1}, dst);
    }
}
