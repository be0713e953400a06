package org.landcover4j.io.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.zip.Adler32;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.testing.Gen;

/** The scalar and Vector API Adler-32 against the JDK's, on awkward lengths, offsets and extreme bytes. */
class Adler32KernelTest {

    private static long jdk(byte[] b, int off, int len) {
        Adler32 a = new Adler32();
        a.update(b, off, len);
        return a.getValue();
    }

    @Test
    void theScalarCodeIsTheDefault() {
        // the build runs tests with --add-modules jdk.incubator.vector; the twin is still opt-in (see Adler32Kernel)
        if (System.getProperty(Adler32Kernel.PROPERTY) == null && System.getProperty(Kernels.PROPERTY) == null) {
            assertEquals("scalar", Adler32Kernel.get().name());
        }
        if (Kernels.vectorModulePresent()) {
            Adler32Kernel.vector().ifPresent(v -> assertTrue(v.name().startsWith("vector"), v.name()));
        }
        assertEquals("scalar", Adler32Kernel.scalar().name());
    }

    /** A stand-in twin: the scalar code, or a wrong value when {@code lie}. */
    private static Adler32Kernel fake(boolean lie) {
        return new Adler32Kernel() {
            @Override
            public long adler32(byte[] b, int off, int len) {
                return ScalarAdler32.INSTANCE.adler32(b, off, len) ^ (lie ? 1 : 0);
            }

            @Override
            public String name() {
                return "fake";
            }
        };
    }

    @Test
    void theAdaptiveChoiceSwitchesToAFastAgreeingTwinAndNeverToADisagreeingOne() {
        Gen g = Gen.seeded(711);
        byte[] b = new byte[20_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) g.nextInt(256);
        }
        Adler32Kernel.Adaptive honest = new Adler32Kernel.Adaptive(fake(false));
        Adler32Kernel.Adaptive liar = new Adler32Kernel.Adaptive(fake(true));
        for (int call = 0; call < 50; call++) {
            int len = 4096 + g.nextInt(b.length - 4096);
            long want = jdk(b, 0, len);
            assertEquals(want, honest.adler32(b, 0, len), "honest call " + call + " " + g);
            assertEquals(want, liar.adler32(b, 0, len), "liar call " + call + " " + g);
            // short inputs are never probed
            assertEquals(jdk(b, 5, 100), liar.adler32(b, 5, 100));
        }
        assertTrue(honest.usesTwin(), "a fast twin that agrees is adopted");
        assertTrue(!liar.usesTwin(), "a twin that disagrees is never adopted");
        // the real twin, if any: every value right, whether or not it was adopted
        Adler32Kernel.vector().ifPresent(v -> {
            Adler32Kernel.Adaptive real = new Adler32Kernel.Adaptive(v);
            for (int call = 0; call < 300; call++) {
                int len = 4096 + g.nextInt(b.length - 4096);
                assertEquals(jdk(b, 0, len), real.adler32(b, 0, len), "real call " + call + " " + g);
            }
        });
    }

    @RepeatedTest(10)
    void scalarVectorAndJdkAgree(RepetitionInfo info) {
        Gen g = Gen.seeded(700 + info.getCurrentRepetition());
        byte[] b = new byte[300_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (g.chance(0.3) ? 0xFF : g.nextInt(256));
        }
        int[] lengths = {0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 5552, 16383, 16384, 16385, 65537,
            16 * 1024 * 16 + 5, 299_990, 1 + g.nextInt(299_000)};
        for (int len : lengths) {
            int off = g.nextInt(b.length - len + 1);
            long want = jdk(b, off, len);
            String what = "len " + len + " off " + off + " " + g;
            assertEquals(want, Adler32Kernel.scalar().adler32(b, off, len), "scalar " + what);
            Adler32Kernel.vector().ifPresent(v -> assertEquals(want, v.adler32(b, off, len), "vector " + what));
            assertEquals(want, Inflate.adler32(b, off, len), "chosen " + what);
        }
    }

    @Test
    void allOnesReachEveryModularReductionLimit() {
        // 0xFF everywhere maximises every lane and sum between reductions
        for (int len : new int[] {1 << 20, (1 << 20) + 13, 5 << 20}) {
            byte[] ff = new byte[len];
            Arrays.fill(ff, (byte) 0xFF);
            long want = jdk(ff, 0, len);
            assertEquals(want, Adler32Kernel.scalar().adler32(ff, 0, len), "scalar " + len);
            Adler32Kernel.vector().ifPresent(v -> assertEquals(want, v.adler32(ff, 0, len), "vector " + len));
        }
    }
}
