package org.landcover4j.core.kernel;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raster kernels: a validated facade over a scalar reference and a Vector API (SIMD) twin, chosen once.
 *
 * <p>Choice: the SIMD implementation is used when the {@code jdk.incubator.vector} module is present (run with
 * {@code --add-modules jdk.incubator.vector}); otherwise the scalar reference. The system property
 * {@code landcover4j.kernels} forces either ({@code scalar} or {@code vector}; {@code vector} without the module
 * fails at first use with a message naming the flag). One INFO log line says which was chosen.
 *
 * <p>Guarantees: element-wise kernels give bit-identical results on both paths; counting kernels accumulate in
 * {@code long} and are exact on both.
 *
 * <p>Conventions: unsigned 8/16-bit samples in {@code byte[]}/{@code short[]}; masks are {@code byte[]} with
 * 0 = excluded and anything else = included; counting kernels <em>add</em> to the {@code counts} they are given,
 * so tiles and threads can accumulate into their own arrays and merge.
 *
 * <p>Thread safety: all methods are stateless and safe to call from many threads on disjoint outputs.
 *
 * {@snippet :
 * byte[] lut = new byte[256];
 * for (int v = 0; v < 256; v++) lut[v] = (byte) (v == 14 ? 6 : v);   // merge class 14 into 6
 * Kernels.remap(label, lut, out);
 *
 * long[] cm = new long[(10 + 1) * (10 + 1)];                          // 10 classes + "out of range"
 * Kernels.confusion(reference, prediction, 10, null, cm);
 * }
 */
public final class Kernels {

    /** System property that forces an implementation: {@code scalar} or {@code vector}. */
    public static final String PROPERTY = "landcover4j.kernels";

    /** The JVM flag that enables the SIMD path. */
    public static final String ENABLE_FLAG = "--add-modules jdk.incubator.vector";

    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    private static final KernelImpl IMPL = choose();

    private Kernels() {
    }

    /** Whether the Vector API module is present in this JVM. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The name of the implementation in use ("scalar" or "vector ..."). */
    public static String implementation() {
        return IMPL.name();
    }

    /** Whether the SIMD twin is in use. */
    public static boolean usesVector() {
        return IMPL != ScalarKernels.INSTANCE;
    }

    static KernelImpl scalar() {
        return ScalarKernels.INSTANCE;
    }

    /** The SIMD twin, when the module is present (for tests and benchmarks). */
    static Optional<KernelImpl> vector() {
        if (!vectorModulePresent()) {
            return Optional.empty();
        }
        try {
            Class<?> c = Class.forName("org.landcover4j.core.kernel.VectorKernels");
            return Optional.of((KernelImpl) c.getDeclaredField("INSTANCE").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("the Vector API module is present but the SIMD kernels could not be loaded: {}", e.toString());
            return Optional.empty();
        }
    }

    private static KernelImpl choose() {
        String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "scalar" -> {
                LOG.info("landcover4j kernels: scalar (forced by -D{}=scalar)", PROPERTY);
                return ScalarKernels.INSTANCE;
            }
            case "vector" -> {
                KernelImpl v = vector().orElseThrow(() -> new IllegalStateException("-D" + PROPERTY
                        + "=vector needs the Vector API module: run java with " + ENABLE_FLAG));
                LOG.info("landcover4j kernels: {} (forced by -D{}=vector)", v.name(), PROPERTY);
                return v;
            }
            case "", "auto" -> {
                Optional<KernelImpl> v = vector();
                if (v.isPresent()) {
                    LOG.info("landcover4j kernels: {} (Vector API)", v.get().name());
                    return v.get();
                }
                LOG.info("landcover4j kernels: scalar; run java with {} to enable SIMD", ENABLE_FLAG);
                return ScalarKernels.INSTANCE;
            }
            default -> throw new IllegalStateException("-D" + PROPERTY + "=" + forced
                    + " is not understood; use scalar, vector or auto");
        }
    }

    // ------------------------------------------------------------------------------------------------ remap

    /**
     * Maps every uint8 sample through a 256-entry table: {@code dst[i] = lut[src[i] & 0xFF]}.
     *
     * @throws IllegalArgumentException if {@code lut} does not have 256 entries or the arrays differ in length
     */
    public static void remap(byte[] src, byte[] lut, byte[] dst) {
        checkSameLength(src.length, dst.length, "src", "dst");
        remap(src, 0, lut, dst, 0, src.length);
    }

    /** Ranged form of {@link #remap(byte[], byte[], byte[])}. */
    public static void remap(byte[] src, int srcOff, byte[] lut, byte[] dst, int dstOff, int len) {
        checkLut(lut, 256);
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        IMPL.remapU8(src, srcOff, lut, dst, dstOff, len);
    }

    /**
     * Maps every uint16 sample through a 65536-entry table to uint8: {@code dst[i] = lut[src[i] & 0xFFFF]}.
     *
     * @throws IllegalArgumentException if {@code lut} does not have 65536 entries or the arrays differ in length
     */
    public static void remap(short[] src, byte[] lut, byte[] dst) {
        checkSameLength(src.length, dst.length, "src", "dst");
        remap(src, 0, lut, dst, 0, src.length);
    }

    /** Ranged form of {@link #remap(short[], byte[], byte[])}. */
    public static void remap(short[] src, int srcOff, byte[] lut, byte[] dst, int dstOff, int len) {
        checkLut(lut, 65536);
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        IMPL.remapU16(src, srcOff, lut, dst, dstOff, len);
    }

    // -------------------------------------------------------------------------------------------- histogram

    /**
     * Adds the histogram of uint8 samples to {@code counts} (256 entries), counting only where {@code mask} is
     * non-zero ({@code mask} may be {@code null}: count all).
     */
    public static void histogram(byte[] src, byte[] mask, long[] counts) {
        histogram(src, 0, src.length, mask, 0, counts);
    }

    /** Ranged form of {@link #histogram(byte[], byte[], long[])}. */
    public static void histogram(byte[] src, int off, int len, byte[] mask, int maskOff, long[] counts) {
        Objects.checkFromIndexSize(off, len, src.length);
        if (mask != null) {
            Objects.checkFromIndexSize(maskOff, len, mask.length);
        }
        checkCounts(counts, 256);
        IMPL.histogramU8(src, off, len, mask, maskOff, counts);
    }

    /** Adds the histogram of uint16 samples to {@code counts} (65536 entries), where {@code mask} is non-zero. */
    public static void histogram(short[] src, byte[] mask, long[] counts) {
        histogram(src, 0, src.length, mask, 0, counts);
    }

    /** Ranged form of {@link #histogram(short[], byte[], long[])}. */
    public static void histogram(short[] src, int off, int len, byte[] mask, int maskOff, long[] counts) {
        Objects.checkFromIndexSize(off, len, src.length);
        if (mask != null) {
            Objects.checkFromIndexSize(maskOff, len, mask.length);
        }
        checkCounts(counts, 65536);
        IMPL.histogramU16(src, off, len, mask, maskOff, counts);
    }

    // -------------------------------------------------------------------------------------------- confusion

    /**
     * Adds the confusion counts of two uint8 label arrays to {@code counts}.
     *
     * <p>{@code counts} is row-major with {@code (numClasses + 1)^2} entries: rows are reference values, columns
     * predicted values, and row/column {@code numClasses} collects every value {@code >= numClasses} (out of
     * range; reported, never dropped). Reference pixels whose value {@code v} has {@code ignore[v] != 0} are
     * skipped ({@code ignore}: 256 entries, or {@code null} for none).
     *
     * @param numClasses 1..255; values 0..numClasses-1 are classes
     */
    public static void confusion(byte[] reference, byte[] prediction, int numClasses, byte[] ignore, long[] counts) {
        checkSameLength(reference.length, prediction.length, "reference", "prediction");
        confusion(reference, 0, prediction, 0, reference.length, numClasses, ignore, counts);
    }

    /** Ranged form of {@link #confusion(byte[], byte[], int, byte[], long[])}. */
    public static void confusion(byte[] reference, int refOff, byte[] prediction, int predOff, int len,
                                 int numClasses, byte[] ignore, long[] counts) {
        if (numClasses < 1 || numClasses > 255) {
            throw new IllegalArgumentException("numClasses for uint8 labels must be 1..255, got " + numClasses);
        }
        Objects.checkFromIndexSize(refOff, len, reference.length);
        Objects.checkFromIndexSize(predOff, len, prediction.length);
        if (ignore != null) {
            checkLut(ignore, 256);
        }
        checkCounts(counts, (numClasses + 1) * (numClasses + 1));
        IMPL.confusionU8(reference, refOff, prediction, predOff, len, numClasses, ignore, counts);
    }

    /**
     * Adds the confusion counts of two uint16 label arrays; as {@link #confusion(byte[], byte[], int, byte[], long[])}
     * with {@code ignore} of 65536 entries and {@code numClasses} 1..4095.
     */
    public static void confusion(short[] reference, short[] prediction, int numClasses, byte[] ignore, long[] counts) {
        checkSameLength(reference.length, prediction.length, "reference", "prediction");
        confusion(reference, 0, prediction, 0, reference.length, numClasses, ignore, counts);
    }

    /** Ranged form of {@link #confusion(short[], short[], int, byte[], long[])}. */
    public static void confusion(short[] reference, int refOff, short[] prediction, int predOff, int len,
                                 int numClasses, byte[] ignore, long[] counts) {
        if (numClasses < 1 || numClasses > 4095) {
            throw new IllegalArgumentException("numClasses for uint16 labels must be 1..4095, got " + numClasses);
        }
        Objects.checkFromIndexSize(refOff, len, reference.length);
        Objects.checkFromIndexSize(predOff, len, prediction.length);
        if (ignore != null) {
            checkLut(ignore, 65536);
        }
        checkCounts(counts, (numClasses + 1) * (numClasses + 1));
        IMPL.confusionU16(reference, refOff, prediction, predOff, len, numClasses, ignore, counts);
    }

    // ------------------------------------------------------------------------------------------- validation

    static void checkSameLength(int a, int b, String nameA, String nameB) {
        if (a != b) {
            throw new IllegalArgumentException(nameA + " has " + a + " elements but " + nameB + " has " + b);
        }
    }

    static void checkLut(byte[] lut, int size) {
        if (lut.length != size) {
            throw new IllegalArgumentException("lookup table must have " + size + " entries, got " + lut.length);
        }
    }

    static void checkCounts(long[] counts, int size) {
        if (counts.length != size) {
            throw new IllegalArgumentException("counts must have " + size + " entries, got " + counts.length);
        }
    }
}
