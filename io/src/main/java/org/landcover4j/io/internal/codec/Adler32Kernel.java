package org.landcover4j.io.internal.codec;

import java.util.Locale;
import java.util.Optional;
import org.landcover4j.core.kernel.Kernels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adler-32 (RFC 1950), the checksum that ends every zlib stream: a scalar reference ({@link ScalarAdler32}) and a
 * Vector API twin ({@link VectorAdler32}) that give the same values.
 *
 * <p>The twin is 3.3x faster once compiled (9.5 against 31 microseconds per 256 KiB), but until C2 compiles it, it
 * runs interpreted: handed whole buffers from the start, its first twenty 256 KiB calls took 0.34 s (the scalar
 * code: 0.03 s), more than it saves in a run such as {@code landcover evaluate} over 4,000 PNG labels. {@code -D}
 * {@value #PROPERTY}{@code =auto} chooses {@link Adaptive} when the {@code jdk.incubator.vector} module is present
 * (and the CPU has vectors of at least 256 bits): the scalar code answers, and each call also times the twin on a
 * 1 KiB probe (checking its value) until the probe runs compiled-fast three times, after which the twin answers;
 * after {@value Adaptive#MAX_PROBES} slow probes it gives up. {@code =vector} forces the twin. The default is the
 * scalar code: with the adaptive choice, about one {@code landcover evaluate} run in three took twice as long,
 * because a twin compiled early from 1 KiB probes ran whole buffers several times slower than the scalar code
 * after the switch (decoding 2.0 instead of 0.57 ms per pair), for a gain of about 20 microseconds per 256 KiB.
 *
 * <p>Internal to landcover4j's readers. Thread safety: implementations are stateless.
 */
interface Adler32Kernel {
    /** System property choosing the implementation: {@code scalar} (the default), {@code auto} or {@code vector}. */
    String PROPERTY = "landcover4j.adler32";

    /** The Adler-32 of {@code b[off..off+len)}, starting from 1 as zlib does. */
    long adler32(byte[] b, int off, int len);

    /** "scalar", "vector (N-bit)" or "adaptive (...)". */
    String name();

    /** The implementation in use. */
    static Adler32Kernel get() {
        return Chosen.IMPL;
    }

    /** The scalar reference. */
    static Adler32Kernel scalar() {
        return ScalarAdler32.INSTANCE;
    }

    /** The Vector API twin, when the module is present and the CPU has vectors of at least 256 bits. */
    static Optional<Adler32Kernel> vector() {
        // asked of the module layer directly: initialising core's Kernels here would log its own choice
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Optional.empty();
        }
        try {
            Class<?> c = Class.forName("org.landcover4j.io.internal.codec.VectorAdler32");
            Object twin = c.getDeclaredField("INSTANCE").get(null);
            return Optional.ofNullable((Adler32Kernel) twin);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Chosen.LOG.warn("the Vector API module is present but the SIMD Adler-32 could not be loaded: {}",
                    e.toString());
            return Optional.empty();
        }
    }

    /** The choice, made once. */
    final class Chosen {
        static final Logger LOG = LoggerFactory.getLogger(Adler32Kernel.class);
        static final Adler32Kernel IMPL = choose();

        private Chosen() {
        }

        private static Adler32Kernel choose() {
            String own = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
            String all = System.getProperty(Kernels.PROPERTY, "").trim().toLowerCase(Locale.ROOT);
            if (own.equals("scalar") || own.isEmpty() && all.equals("scalar")) {
                return ScalarAdler32.INSTANCE;
            }
            if (own.equals("vector") || own.isEmpty() && all.equals("vector")) {
                return vector().orElse(ScalarAdler32.INSTANCE);
            }
            if (own.equals("auto")) {
                return vector().<Adler32Kernel>map(Adaptive::new).orElse(ScalarAdler32.INSTANCE);
            }
            return ScalarAdler32.INSTANCE;
        }
    }

    /**
     * The scalar code until the twin is seen compiled: each call on at least 4 KiB also runs the twin on its
     * first 1 KiB, timed and checked against the scalar value; three probes under {@value #FAST_NANOS} ns switch
     * to the twin for good (a compiled probe takes well under a microsecond; an interpreted one ~50). Probes cost
     * at most {@value #MAX_PROBES} x 1 KiB of interpreted work in a run where the twin never gets compiled.
     * Thread-safe: the switch is a volatile flag, the counters are advisory.
     */
    final class Adaptive implements Adler32Kernel {
        static final int MAX_PROBES = 2000;
        static final long FAST_NANOS = 2_000;
        private static final int PROBE = 1024;
        private final Adler32Kernel twin;
        private volatile boolean useTwin;
        private int probes;
        private int fast;

        Adaptive(Adler32Kernel twin) {
            this.twin = twin;
        }

        @Override
        public long adler32(byte[] b, int off, int len) {
            if (useTwin) {
                return twin.adler32(b, off, len);
            }
            long value = ScalarAdler32.INSTANCE.adler32(b, off, len);
            if (len >= 4 * PROBE && probes < MAX_PROBES) {
                probes++;
                long t0 = System.nanoTime();
                long probe = twin.adler32(b, off, PROBE);
                long t = System.nanoTime() - t0;
                if (probe != ScalarAdler32.INSTANCE.adler32(b, off, PROBE)) {
                    probes = MAX_PROBES;            // never trust a twin that disagrees
                    Chosen.LOG.warn("the SIMD Adler-32 disagrees with the scalar code; using the scalar code");
                } else if (t < FAST_NANOS && ++fast >= 3) {
                    useTwin = true;
                }
            }
            return value;
        }

        /** Whether the twin now answers. */
        boolean usesTwin() {
            return useTwin;
        }

        @Override
        public String name() {
            return "adaptive (scalar, then " + twin.name() + ")";
        }
    }
}
