package org.landcover4j.io.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.testing.Gen;

/**
 * Drives a fuzz test: every mutated input must decode or fail with {@link InvalidDataException}, within a
 * second of CPU time (CPU, not wall-clock, so that a loaded build machine cannot make it flaky). Any other throwable (including {@link OutOfMemoryError}) fails the test, naming the seed and the case
 * so that {@code -Dlandcover4j.seed=...} replays it. Iterations: {@code -Dlandcover4j.fuzz.iterations}, default
 * given by the test.
 */
public final class FuzzRun {
    /** Decodes one input. */
    @FunctionalInterface
    public interface Target {
        void decode(byte[] input, int iteration) throws Exception;
    }

    /** What happened over a run, for the test to check that both outcomes were exercised. */
    public record Outcome(int decoded, int rejected) {
    }

    private FuzzRun() {
    }

    public static int iterations(int defaultCount) {
        String s = System.getProperty("landcover4j.fuzz.iterations");
        return s == null || s.isBlank() ? defaultCount : Integer.parseInt(s.trim());
    }

    public static Outcome run(String what, Gen gen, byte[][] seeds, int count, java.util.function.UnaryOperator<byte[]> post,
                              Target target) {
        Mutator m = new Mutator(gen);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int ok = 0;
        int rejected = 0;
        for (int i = 0; i < count; i++) {
            byte[] input = post.apply(m.mutate(seeds[i % seeds.length]));
            long t0 = threads.getCurrentThreadCpuTime();
            try {
                target.decode(input, i);
                ok++;
            } catch (InvalidDataException e) {
                rejected++;
            } catch (Throwable t) {
                fail(what + " case " + i + " of " + gen + ": " + t + " escaped (expected a result or an "
                        + "InvalidDataException)", t);
            }
            long ms = (threads.getCurrentThreadCpuTime() - t0) / 1_000_000;
            if (ms > 1000) {
                fail(what + " case " + i + " of " + gen + " took " + ms + " ms of CPU time (limit 1000)");
            }
        }
        return new Outcome(ok, rejected);
    }
}
