package org.landcover4j.core.bench;

import java.util.Locale;
import java.util.Random;
import org.landcover4j.core.kernel.Kernels;

/**
 * Warm-up of {@link Kernels#confusion(byte[], byte[], int, byte[], long[])} in a fresh JVM: the wall time of each of
 * the first calls on a 512 x 512 map (10 classes, blocky regions, 80% of the pixels predicted right) and the total
 * over N calls. Not a JMH benchmark, on purpose: what it measures is the cold start JMH's warm-up hides.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp core/target/classes:core/target/test-classes:$(ls ~/.m2/repository/org/slf4j/slf4j-api/2.0.16/*.jar) \
 *     org.landcover4j.core.bench.ConfusionWarmUp 1600
 * </pre>
 * Add {@code -XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,org.landcover4j.core.kernel.VectorKernels::*,0.001}
 * for the launcher's JIT hint, or {@code -Dlandcover4j.kernels=vector} for the twin from the first call.
 */
public final class ConfusionWarmUp {
    private ConfusionWarmUp() {
    }

    /** Runs {@code args[0]} calls (default 1600) and prints per-call and total milliseconds. */
    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1600;
        Random rnd = new Random(1);
        int n = 512 * 512;
        byte[] ref = new byte[n];
        byte[] pred = new byte[n];
        for (int i = 0; i < n; i++) {
            ref[i] = (byte) ((i / 512 / 37 + i % 512 / 41) % 10);
            pred[i] = rnd.nextInt(10) < 8 ? ref[i] : (byte) rnd.nextInt(10);
        }
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (int c = 0; c < calls; c++) {
            long[] cm = new long[121];
            long t = System.nanoTime();
            Kernels.confusion(ref, pred, 10, null, cm);
            long d = System.nanoTime() - t;
            total += d;
            if (c < 10 || c % 100 == 0) {
                sb.append(String.format(Locale.ROOT, "%d:%.2f ", c, d / 1e6));
            }
        }
        System.out.println(Kernels.implementation() + ": " + sb + " total " + Math.round(total / 1e6) + " ms");
    }
}
