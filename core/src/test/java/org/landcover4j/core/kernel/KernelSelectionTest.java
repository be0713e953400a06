package org.landcover4j.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Which implementation runs. In the normal test run (with {@code --add-modules jdk.incubator.vector}) the SIMD
 * twin must be the one in use; in the scalar-only surefire execution (no module) the scalar reference must be,
 * and the facade must still work. Each half is skipped by an assumption in the other run; both runs are part of
 * the build, so neither half is dead.
 */
class KernelSelectionTest {

    private static boolean propertyUnset() {
        String p = System.getProperty(Kernels.PROPERTY, "").trim();
        return p.isEmpty() || p.equalsIgnoreCase("auto");
    }

    @Test
    void simdIsUsedWhenTheModuleIsPresent() {
        assumeTrue(Kernels.vectorModulePresent(), "the Vector API module is absent in this run");
        assumeTrue(propertyUnset(), "-D" + Kernels.PROPERTY + " forces a path in this run");
        assertTrue(Kernels.usesVector(), "the module is present but the facade uses " + Kernels.implementation());
        assertTrue(Kernels.implementation().startsWith("vector "), Kernels.implementation());
        assertTrue(Kernels.vector().isPresent());
        assertEquals(Kernels.vector().get().name(), Kernels.implementation());
    }

    @Test
    void scalarIsUsedWithoutTheModule() {
        assumeTrue(!Kernels.vectorModulePresent(), "the Vector API module is present in this run");
        assertFalse(Kernels.usesVector());
        assertEquals("scalar", Kernels.implementation());
        assertTrue(Kernels.vector().isEmpty(), "no SIMD twin can be loaded without the module");
        // and the facade works on the scalar path
        byte[] lut = new byte[256];
        lut[3] = 9;
        byte[] out = new byte[2];
        Kernels.remap(new byte[] {3, 4}, lut, out);
        assertEquals(9, out[0]);
        assertEquals(0, out[1]);
        long[] cm = new long[4];
        Kernels.confusion(new byte[] {0, 1, 1}, new byte[] {0, 1, 0}, 1, null, cm);
        assertEquals(1, cm[0]);
        assertEquals(1, cm[3]);
        assertEquals(1, cm[2]);
        float[] nd = new float[1];
        Kernels.normalizedDifference(new float[] {3}, new float[] {1}, nd);
        assertEquals(0.5f, nd[0]);
    }

    @Test
    void scalarReferenceIsAlwaysAvailable() {
        assertSame(ScalarKernels.INSTANCE, Kernels.scalar());
        assertEquals("scalar", Kernels.scalar().name());
    }
}
