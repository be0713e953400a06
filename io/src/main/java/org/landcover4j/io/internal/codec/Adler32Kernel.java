package org.landcover4j.io.internal.codec;

import java.util.Locale;
import java.util.Optional;
import org.landcover4j.core.kernel.Kernels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adler-32 (RFC 1950), the checksum that ends every zlib stream: a scalar reference ({@link ScalarAdler32}) and a
 * Vector API twin ({@link VectorAdler32}) that give the same values, one chosen once.
 *
 * <p>Unlike core's {@link Kernels}, the scalar code is the default even when {@code jdk.incubator.vector} is
 * present: the twin is 3.3x faster once compiled (9.5 against 31 microseconds per 256 KiB) but runs interpreted
 * until C2 compiles it, which cost 0.34 s over its first twenty 256 KiB calls (the scalar code: 0.03 s), more than
 * it saves in a run such as {@code landcover evaluate} over 4,000 PNG labels (1 GB checksummed). Long-running
 * readers can ask for it with {@code -D}{@value #PROPERTY}{@code =vector} (or {@value Kernels#PROPERTY}
 * {@code =vector}); it is used only when the module is present and the CPU has vectors of at least 256 bits.
 *
 * <p>Internal to landcover4j's readers. Thread safety: implementations are stateless.
 */
interface Adler32Kernel {
    /** System property choosing the implementation: {@code scalar} (the default) or {@code vector}. */
    String PROPERTY = "landcover4j.adler32";

    /** The Adler-32 of {@code b[off..off+len)}, starting from 1 as zlib does. */
    long adler32(byte[] b, int off, int len);

    /** "scalar" or "vector (N-bit)". */
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
        if (!Kernels.vectorModulePresent()) {
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
            if (own.equals("vector") || own.isEmpty() && all.equals("vector")) {
                return vector().orElse(ScalarAdler32.INSTANCE);
            }
            return ScalarAdler32.INSTANCE;
        }
    }
}
