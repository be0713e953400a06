package org.landcover4j.core.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.landcover4j.core.testing.Gen;

/** Helpers for the scalar-versus-vector tests: the two implementations, data with awkward content, diffs. */
final class TwinAssert {

    private TwinAssert() {
    }

    static KernelImpl scalar() {
        return Kernels.scalar();
    }

    /** The SIMD twin; the calling test is skipped (not failed) when the Vector API module is absent. */
    static KernelImpl vector() {
        assumeTrue(Kernels.vectorModulePresent(), "the Vector API module is absent in this run");
        return Kernels.vector().orElseThrow(() -> new AssertionError("module present but VectorKernels not loaded"));
    }

    /** Labels in 0..max, with runs of one value (to reach the uniform-chunk paths) mixed with noise. */
    static byte[] labels(Gen g, int n, int max) {
        byte[] a = new byte[n];
        int i = 0;
        while (i < n) {
            int run = g.chance(0.3) ? g.between(1, 300) : 1;
            byte v = (byte) g.between(0, max);
            for (int k = 0; k < run && i < n; k++) {
                a[i++] = v;
            }
        }
        return a;
    }

    static short[] labels16(Gen g, int n, int max) {
        short[] a = new short[n];
        int i = 0;
        while (i < n) {
            int run = g.chance(0.3) ? g.between(1, 300) : 1;
            short v = (short) g.between(0, max);
            for (int k = 0; k < run && i < n; k++) {
                a[i++] = v;
            }
        }
        return a;
    }

    /** A mask with about {@code p} of its entries non-zero (any non-zero value, not only 1), some in runs. */
    static byte[] mask(Gen g, int n, double p) {
        byte[] m = new byte[n];
        int i = 0;
        while (i < n) {
            int run = g.chance(0.2) ? g.between(1, 200) : 1;
            byte v = g.chance(p) ? (byte) g.between(1, 255) : 0;
            for (int k = 0; k < run && i < n; k++) {
                m[i++] = v;
            }
        }
        return m;
    }

    /** Floats with extremes (NaN, infinities, signed zeros, subnormals, max) and some exact ties. */
    static float[] floats(Gen g, int n) {
        float[] a = g.floatsWithExtremes(n);
        for (int i = 0; i < n; i++) {
            if (g.chance(0.05)) {
                a[i] = g.between(-3, 300) + 0.5f;   // halves: rounding ties
            } else if (g.chance(0.03)) {
                a[i] = Float.MIN_NORMAL * g.between(-4, 4) / 8;   // subnormals
            }
        }
        return a;
    }

    static void assertSameBits(float[] expected, float[] actual, Gen g, String what) {
        assertTrue(expected.length == actual.length, what + ": lengths differ");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(what + ": scalar and vector differ at " + i + " of " + expected.length + ": scalar "
                        + expected[i] + " (0x" + Integer.toHexString(Float.floatToRawIntBits(expected[i]))
                        + "), vector " + actual[i] + " (0x" + Integer.toHexString(Float.floatToRawIntBits(actual[i]))
                        + "); " + g);
            }
        }
    }

    static void assertSame(byte[] expected, byte[] actual, Gen g, String what) {
        int i = Arrays.mismatch(expected, actual);
        if (i >= 0) {
            fail(what + ": scalar and vector differ at " + i + " of " + expected.length + ": scalar "
                    + (i < expected.length ? expected[i] & 0xFF : "-") + ", vector "
                    + (i < actual.length ? actual[i] & 0xFF : "-") + "; " + g);
        }
    }

    static void assertSame(short[] expected, short[] actual, Gen g, String what) {
        int i = Arrays.mismatch(expected, actual);
        if (i >= 0) {
            fail(what + ": scalar and vector differ at " + i + " of " + expected.length + ": scalar "
                    + (i < expected.length ? expected[i] & 0xFFFF : "-") + ", vector "
                    + (i < actual.length ? actual[i] & 0xFFFF : "-") + "; " + g);
        }
    }

    static void assertSame(long[] expected, long[] actual, Gen g, String what) {
        int i = Arrays.mismatch(expected, actual);
        if (i >= 0) {
            fail(what + ": scalar and vector differ at " + i + " of " + expected.length + ": scalar "
                    + (i < expected.length ? expected[i] : "-") + ", vector " + (i < actual.length ? actual[i] : "-")
                    + "; " + g);
        }
    }
}
