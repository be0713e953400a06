package org.landcover4j.io.internal.codec;

import java.util.Locale;
import java.util.Optional;
import org.landcover4j.core.kernel.Kernels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adler-32 (RFC 1950), the checksum that ends every zlib stream: a scalar reference ({@link ScalarAdler32}) and a
 * Vector API twin ({@link VectorAdler32}) that give the same values. One is chosen once like core's
 * {@link Kernels}: the twin when the {@code jdk.incubator.vector} module is present (and the CPU has vectors of at
 * least 256 bits), unless the system property {@value Kernels#PROPERTY} says {@code scalar}.
 *
 * <p>Internal to landcover4j's readers. Thread safety: implementations are stateless.
 */
interface Adler32Kernel {
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
            String forced = System.getProperty(Kernels.PROPERTY, "").trim().toLowerCase(Locale.ROOT);
            if (forced.equals("scalar")) {
                return ScalarAdler32.INSTANCE;
            }
            return vector().orElse(ScalarAdler32.INSTANCE);
        }
    }
}
