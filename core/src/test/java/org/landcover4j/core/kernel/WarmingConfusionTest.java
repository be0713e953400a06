package org.landcover4j.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.testing.Gen;

class WarmingConfusionTest {

    /** A twin that counts like the scalar code, optionally slowly, and counts its confusion calls. */
    private static KernelImpl twin(long delayNanos, AtomicInteger calls) {
        return (KernelImpl) Proxy.newProxyInstance(KernelImpl.class.getClassLoader(), new Class<?>[] {KernelImpl.class},
                (proxy, m, args) -> {
                    if (m.getName().startsWith("confusion")) {
                        calls.incrementAndGet();
                        long end = System.nanoTime() + delayNanos;
                        while (System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                    }
                    if (m.getName().equals("name")) {
                        return "test twin";
                    }
                    return m.invoke(ScalarKernels.INSTANCE, args);
                });
    }

    private static long[] scalarU8(byte[] r, byte[] p, int off, int len, int k, byte[] ign) {
        long[] c = new long[(k + 1) * (k + 1)];
        ScalarKernels.INSTANCE.confusionU8(r, off, p, off, len, k, ign, c);
        return c;
    }

    @Test
    void countsExactlyWhileWarmingAndAfterwards() {
        Gen gen = Gen.seeded(20261121L);
        AtomicInteger calls = new AtomicInteger();
        WarmingConfusion w = new WarmingConfusion(ScalarKernels.INSTANCE, twin(0, calls));
        int[] lengths = {0, 1, 127, 128, 129, 4095, 4096, 4097, 5000, 9999, 65536};
        for (int round = 0; round < 6; round++) {
            for (int len : lengths) {
                int k = 1 + gen.nextInt(30);
                byte[] r = gen.bytes(len + 7, 0, k + 3);
                byte[] p = gen.noisyCopy(r, 0.8, k + 3);
                byte[] ign = new byte[256];
                ign[gen.nextInt(k + 1)] = 1;
                long[] got = new long[(k + 1) * (k + 1)];
                w.confusionU8(r, 7, p, 7, len, k, ign, got);
                assertArrayEquals(scalarU8(r, p, 7, len, k, ign), got, "u8 len " + len + " k " + k + " " + gen);

                short[] rs = gen.shorts(len, 0, 300);
                short[] ps = gen.shorts(len, 0, 300);
                long[] want16 = new long[300 * 300];
                ScalarKernels.INSTANCE.confusionU16(rs, 0, ps, 0, len, 299, null, want16);
                long[] got16 = new long[300 * 300];
                w.confusionU16(rs, 0, ps, 0, len, 299, null, got16);
                assertArrayEquals(want16, got16, "u16 len " + len + " " + gen);
            }
        }
        // a twin as fast as the scalar code is adopted after a few probes (timing: allow for a loaded machine)
        byte[] r = gen.bytes(WarmingConfusion.MIN_LENGTH, 0, 4);
        for (int i = 0; i < 2000 && !w.usesTwin(); i++) {
            w.confusionU8(r, 0, r, 0, r.length, 4, null, new long[25]);
        }
        assertTrue(w.usesTwin(), "not adopted after " + w.probes() + " probes");
        int before = calls.get();
        long[] c = new long[4];
        w.confusionU8(new byte[10], 0, new byte[10], 0, 10, 1, null, c);
        assertEquals(before + 1, calls.get(), "once adopted, even short calls go to the twin");
        assertArrayEquals(new long[] {10, 0, 0, 0}, c);
    }

    @Test
    void shortCallsNeverProbeAndASlowTwinAnswersOnlyAfterTheProbeBudget() {
        Gen gen = Gen.seeded(7L);
        AtomicInteger calls = new AtomicInteger();
        // 2 ms for a probe: far slower than a compiled twin, so no probe counts as fast
        WarmingConfusion w = new WarmingConfusion(ScalarKernels.INSTANCE, twin(2_000_000, calls), 20);
        byte[] small = gen.bytes(WarmingConfusion.MIN_LENGTH - 1, 0, 5);
        long[] c = new long[36];
        w.confusionU8(small, 0, small, 0, small.length, 5, null, c);
        assertEquals(0, calls.get(), "no probe below " + WarmingConfusion.MIN_LENGTH + " elements");
        byte[] r = gen.bytes(8192, 0, 5);
        byte[] p = gen.noisyCopy(r, 0.9, 5);
        for (int i = 0; i < 19; i++) {
            long[] got = new long[36];
            w.confusionU8(r, 0, p, 0, r.length, 5, null, got);
            assertArrayEquals(scalarU8(r, p, 0, r.length, 5, null), got, "call " + i + " " + gen);
            assertFalse(w.usesTwin(), "slow probes do not adopt the twin (call " + i + ")");
        }
        assertEquals(19, calls.get(), "one probe per long call");
        long[] got = new long[36];
        w.confusionU8(r, 0, p, 0, r.length, 5, null, got);
        assertArrayEquals(scalarU8(r, p, 0, r.length, 5, null), got, gen.toString());
        assertTrue(w.usesTwin(), "after the probe budget the twin answers, as a long run needs it");
        assertEquals(20, w.probes());
        got = new long[36];
        w.confusionU8(r, 0, p, 0, r.length, 5, null, got);
        assertArrayEquals(scalarU8(r, p, 0, r.length, 5, null), got, gen.toString());
        assertEquals(21, calls.get(), "whole calls go to the twin");
    }

    @Test
    void realTwinAgreesDuringWarmUp() {
        var twin = Kernels.vector();
        org.junit.jupiter.api.Assumptions.assumeTrue(twin.isPresent(), "the Vector API module is not present");
        Gen gen = Gen.seeded(11L);
        WarmingConfusion w = new WarmingConfusion(ScalarKernels.INSTANCE, twin.get());
        for (int i = 0; i < 40; i++) {
            int len = WarmingConfusion.MIN_LENGTH + gen.nextInt(20_000);
            int k = 1 + gen.nextInt(20);
            byte[] r = gen.bytes(len, 0, k + 2);
            byte[] p = gen.noisyCopy(r, 0.85, k + 2);
            long[] got = new long[(k + 1) * (k + 1)];
            w.confusionU8(r, 0, p, 0, len, k, null, got);
            assertArrayEquals(scalarU8(r, p, 0, len, k, null), got, "call " + i + " " + gen);
        }
    }
}
