package org.landcover4j.core.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
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
 * fails at first use with a message naming the flag). One INFO log line says which was chosen. Confusion counting
 * with the SIMD implementation chosen by default (not forced) starts on the scalar code and moves to the twin once
 * timed probes show the JIT has compiled it, because uncompiled Vector API code is far slower than scalar code
 * (see {@link #confusion(byte[], int, byte[], int, int, int, byte[], long[])}).
 *
 * <p>Guarantees: element-wise kernels (remap, band math, conversions, masks, resampling) give bit-identical
 * results on both paths (a NaN result is a NaN on both; its payload bits are not specified); counting kernels
 * and integer statistics accumulate in {@code long} and are exact on both; float statistics state their
 * tolerance ({@link #statistics(float[], byte[])}).
 *
 * <p>Conventions: unsigned 8/16-bit samples in {@code byte[]}/{@code short[]}; masks are {@code byte[]} with
 * 0 = excluded and anything else = included, and kernels that make masks write exactly 0 or 1; counting kernels
 * <em>add</em> to the {@code counts} they are given, so tiles and threads can accumulate into their own arrays
 * and merge. Every kernel has a whole-array form and a ranged form ({@code offset}/{@code length}, or a block
 * origin for resampling) so it can work on one band or one tile of a band-sequential array without copying.
 * Rasters are row-major {@code width x height} blocks. Arguments are checked: a wrong length, range, table size
 * or parameter throws {@link IllegalArgumentException} or {@link IndexOutOfBoundsException} naming the values.
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
 *
 * float[] ndvi = new float[nir.length];
 * Kernels.normalizedDifference(nir, red, ndvi);                       // (nir - red) / (nir + red), 0/0 = NaN
 * BandStatistics s = Kernels.statistics(ndvi, null);                  // NaN skipped
 * Percentiles p = Kernels.percentiles(ndvi, null, 2, 98);             // display stretch
 * }
 */
public final class Kernels {

    /** System property that forces an implementation: {@code scalar} or {@code vector}. */
    public static final String PROPERTY = "landcover4j.kernels";

    /** The JVM flag that enables the SIMD path. */
    public static final String ENABLE_FLAG = "--add-modules jdk.incubator.vector";

    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    private static final KernelImpl IMPL = choose();

    /**
     * Confusion counting while the SIMD twin warms up (see {@link WarmingConfusion}); null when the scalar code is
     * in use or the twin is forced with {@code -Dlandcover4j.kernels=vector}.
     */
    private static final WarmingConfusion WARMING = IMPL == ScalarKernels.INSTANCE
            || System.getProperty(PROPERTY, "").trim().equalsIgnoreCase("vector")
            ? null : new WarmingConfusion(ScalarKernels.INSTANCE, IMPL);

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

    /**
     * Ranged form of {@link #confusion(byte[], byte[], int, byte[], long[])}.
     *
     * <p>With the SIMD implementation chosen by default, calls count with the scalar code until the twin is seen
     * compiled: each call of 4,096 elements or more counts its first 128 elements with the twin, timed, and once
     * three such probes took under 50 microseconds (compiled, about ten; uncompiled, hundreds), or after 1,000
     * probes in any case, every later call goes to the twin. The counts are the same either way.
     */
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
        if (WARMING != null) {
            WARMING.confusionU8(reference, refOff, prediction, predOff, len, numClasses, ignore, counts);
        } else {
            IMPL.confusionU8(reference, refOff, prediction, predOff, len, numClasses, ignore, counts);
        }
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
        if (WARMING != null) {
            WARMING.confusionU16(reference, refOff, prediction, predOff, len, numClasses, ignore, counts);
        } else {
            IMPL.confusionU16(reference, refOff, prediction, predOff, len, numClasses, ignore, counts);
        }
    }

    // -------------------------------------------------------------------------------------------- band math

    /**
     * Normalized difference of two float bands, {@code dst[i] = (a[i] - b[i]) / (a[i] + b[i])} in float
     * arithmetic (NDVI = nd(nir, red), NDWI = nd(green, nir), ...).
     *
     * <p>0/0 (both zero, of either sign) is NaN, as is any NaN input; {@code a + b == 0} with {@code a != b} gives
     * an infinity. {@code dst} may be {@code a} or {@code b}.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static void normalizedDifference(float[] a, float[] b, float[] dst) {
        checkSameLength(a.length, b.length, "a", "b");
        checkSameLength(a.length, dst.length, "a", "dst");
        normalizedDifference(a, 0, b, 0, dst, 0, a.length);
    }

    /** Ranged form of {@link #normalizedDifference(float[], float[], float[])}. */
    public static void normalizedDifference(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff,
                                            int len) {
        Objects.checkFromIndexSize(aOff, len, a.length);
        Objects.checkFromIndexSize(bOff, len, b.length);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        IMPL.normalizedDifference(a, aOff, b, bOff, dst, dstOff, len);
    }

    /**
     * Normalized difference of two uint16 bands (digital numbers) into float: each sample is converted to float
     * (exactly) and then {@code (a - b) / (a + b)} as for float bands; 0/0 is NaN.
     *
     * <p>The ratio does not change under a common scale, so DN inputs give the reflectance NDVI when both bands
     * share scale and a zero offset (Sentinel-2 L2A before baseline 04.00); with an offset, convert first with
     * {@link #scaleOffset(short[], float, float, float[])}.
     */
    public static void normalizedDifference(short[] a, short[] b, float[] dst) {
        checkSameLength(a.length, b.length, "a", "b");
        checkSameLength(a.length, dst.length, "a", "dst");
        normalizedDifference(a, 0, b, 0, dst, 0, a.length);
    }

    /** Ranged form of {@link #normalizedDifference(short[], short[], float[])}. */
    public static void normalizedDifference(short[] a, int aOff, short[] b, int bOff, float[] dst, int dstOff,
                                            int len) {
        Objects.checkFromIndexSize(aOff, len, a.length);
        Objects.checkFromIndexSize(bOff, len, b.length);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        IMPL.normalizedDifferenceU16(a, aOff, b, bOff, dst, dstOff, len);
    }

    /**
     * Digital numbers to physical values: {@code dst[i] = (float) (src[i] & 0xFFFF) * scale + offset}, rounded
     * after the product and after the sum (never a fused multiply-add, so every JVM and both paths agree bit for
     * bit). Sentinel-2 L2A reflectance: {@code scale = 1e-4f, offset = -0.1f} (baseline 04.00 and later).
     */
    public static void scaleOffset(short[] src, float scale, float offset, float[] dst) {
        checkSameLength(src.length, dst.length, "src", "dst");
        scaleOffset(src, 0, scale, offset, dst, 0, src.length);
    }

    /** Ranged form of {@link #scaleOffset(short[], float, float, float[])}. */
    public static void scaleOffset(short[] src, int srcOff, float scale, float offset, float[] dst, int dstOff,
                                   int len) {
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        IMPL.scaleOffsetU16(src, srcOff, scale, offset, dst, dstOff, len);
    }

    /** {@code dst[i] = src[i] * scale + offset} in float, two roundings (no fused multiply-add); may be in place. */
    public static void scaleOffset(float[] src, float scale, float offset, float[] dst) {
        checkSameLength(src.length, dst.length, "src", "dst");
        scaleOffset(src, 0, scale, offset, dst, 0, src.length);
    }

    /** Ranged form of {@link #scaleOffset(float[], float, float, float[])}. */
    public static void scaleOffset(float[] src, int srcOff, float scale, float offset, float[] dst, int dstOff,
                                   int len) {
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        IMPL.scaleOffset(src, srcOff, scale, offset, dst, dstOff, len);
    }

    /**
     * Standardises one band: {@code dst[i] = (src[i] - mean) / std} in float (a true division, not a multiply by
     * the reciprocal); NaN stays NaN. May be in place.
     *
     * @throws IllegalArgumentException if {@code mean} is not finite or {@code std} is not finite and positive
     */
    public static void standardize(float[] src, float mean, float std, float[] dst) {
        checkSameLength(src.length, dst.length, "src", "dst");
        standardize(src, 0, mean, std, dst, 0, src.length);
    }

    /** Ranged form of {@link #standardize(float[], float, float, float[])}. */
    public static void standardize(float[] src, int srcOff, float mean, float std, float[] dst, int dstOff,
                                   int len) {
        checkMeanStd(mean, std, "");
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        IMPL.standardize(src, srcOff, mean, std, dst, dstOff, len);
    }

    /**
     * Standardises every band of a band-sequential array: band {@code b} occupies
     * {@code [b * n, (b + 1) * n)} with {@code n = src.length / bands} and uses {@code means[b]}, {@code stds[b]}.
     *
     * @throws IllegalArgumentException if {@code src.length} is not a multiple of {@code bands}, the statistics do
     *     not have {@code bands} entries, or one is not usable (see {@link #standardize(float[], float, float, float[])})
     */
    public static void standardizeBands(float[] src, int bands, float[] means, float[] stds, float[] dst) {
        if (bands < 1 || src.length % bands != 0) {
            throw new IllegalArgumentException("an array of " + src.length + " samples cannot hold " + bands
                    + " bands of equal size");
        }
        checkSameLength(src.length, dst.length, "src", "dst");
        checkSameLength(bands, means.length, "bands", "means");
        checkSameLength(bands, stds.length, "bands", "stds");
        for (int b = 0; b < bands; b++) {
            checkMeanStd(means[b], stds[b], " of band " + b);
        }
        int n = src.length / bands;
        for (int b = 0; b < bands; b++) {
            IMPL.standardize(src, b * n, means[b], stds[b], dst, b * n, n);
        }
    }

    private static void checkMeanStd(float mean, float std, String where) {
        if (!Float.isFinite(mean) || !Float.isFinite(std) || !(std > 0f)) {
            throw new IllegalArgumentException("standardisation needs a finite mean and a finite positive std"
                    + where + ", got mean=" + mean + ", std=" + std);
        }
    }

    /**
     * Float to uint8 with clamping: NaN and values {@code <= 0} give 0, values {@code >= 255} (and +Infinity) give
     * 255, everything else is rounded to the nearest integer, halves to even ({@link Math#rint}: 0.5 gives 0,
     * 1.5 and 2.5 give 2).
     */
    public static void toUint8(float[] src, byte[] dst) {
        checkSameLength(src.length, dst.length, "src", "dst");
        toUint8(src, 0, dst, 0, src.length);
    }

    /** Ranged form of {@link #toUint8(float[], byte[])}. */
    public static void toUint8(float[] src, int srcOff, byte[] dst, int dstOff, int len) {
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        IMPL.toU8(src, srcOff, dst, dstOff, len);
    }

    /** Float to uint16 with clamping to 0..65535; NaN gives 0; rounding half to even as {@link #toUint8(float[], byte[])}. */
    public static void toUint16(float[] src, short[] dst) {
        checkSameLength(src.length, dst.length, "src", "dst");
        toUint16(src, 0, dst, 0, src.length);
    }

    /** Ranged form of {@link #toUint16(float[], short[])}. */
    public static void toUint16(float[] src, int srcOff, short[] dst, int dstOff, int len) {
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        IMPL.toU16(src, srcOff, dst, dstOff, len);
    }

    /** Uint16 to uint8 with clamping: values above 255 give 255. */
    public static void toUint8(short[] src, byte[] dst) {
        checkSameLength(src.length, dst.length, "src", "dst");
        toUint8(src, 0, dst, 0, src.length);
    }

    /** Ranged form of {@link #toUint8(short[], byte[])}. */
    public static void toUint8(short[] src, int srcOff, byte[] dst, int dstOff, int len) {
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        IMPL.u16ToU8(src, srcOff, dst, dstOff, len);
    }

    // ------------------------------------------------------------------------------------------------ masks

    /**
     * Writes a validity mask from a nodata value: {@code mask[i] = 1} where the uint8 sample differs from
     * {@code nodata}, else 0.
     *
     * @param nodata 0..255
     */
    public static void validMask(byte[] src, int nodata, byte[] mask) {
        checkSameLength(src.length, mask.length, "src", "mask");
        validMask(src, 0, nodata, mask, 0, src.length);
    }

    /** Ranged form of {@link #validMask(byte[], int, byte[])}. */
    public static void validMask(byte[] src, int srcOff, int nodata, byte[] mask, int maskOff, int len) {
        checkRange("nodata for uint8 samples", nodata, 0, 255);
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(maskOff, len, mask.length);
        IMPL.validMaskU8(src, srcOff, nodata, mask, maskOff, len);
    }

    /**
     * Writes a validity mask from a nodata value: 1 where the uint16 sample differs from {@code nodata}, else 0.
     *
     * @param nodata 0..65535
     */
    public static void validMask(short[] src, int nodata, byte[] mask) {
        checkSameLength(src.length, mask.length, "src", "mask");
        validMask(src, 0, nodata, mask, 0, src.length);
    }

    /** Ranged form of {@link #validMask(short[], int, byte[])}. */
    public static void validMask(short[] src, int srcOff, int nodata, byte[] mask, int maskOff, int len) {
        checkRange("nodata for uint16 samples", nodata, 0, 65535);
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(maskOff, len, mask.length);
        IMPL.validMaskU16(src, srcOff, nodata, mask, maskOff, len);
    }

    /**
     * Writes a validity mask for float samples: 1 where the sample is not NaN and not equal to {@code nodata}
     * (float equality: a nodata of 0 also excludes -0.0), else 0. A NaN {@code nodata} excludes NaN only, as
     * {@link #notNaNMask(float[], byte[])}.
     */
    public static void validMask(float[] src, float nodata, byte[] mask) {
        checkSameLength(src.length, mask.length, "src", "mask");
        validMask(src, 0, nodata, mask, 0, src.length);
    }

    /** Ranged form of {@link #validMask(float[], float, byte[])}. */
    public static void validMask(float[] src, int srcOff, float nodata, byte[] mask, int maskOff, int len) {
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(maskOff, len, mask.length);
        IMPL.validMaskF32(src, srcOff, nodata, mask, maskOff, len);
    }

    /** Writes a mask that is 1 where the float sample is not NaN (infinities are valid), else 0. */
    public static void notNaNMask(float[] src, byte[] mask) {
        checkSameLength(src.length, mask.length, "src", "mask");
        notNaNMask(src, 0, mask, 0, src.length);
    }

    /** Ranged form of {@link #notNaNMask(float[], byte[])}. */
    public static void notNaNMask(float[] src, int srcOff, byte[] mask, int maskOff, int len) {
        validMask(src, srcOff, Float.NaN, mask, maskOff, len);
    }

    /**
     * Writes a mask from a value set: 1 where {@code set[src[i] & 0xFF] != 0}, else 0 ({@code set}: 256 entries,
     * e.g. the classes to keep). For the complement use {@link #notInSetMask(byte[], byte[], byte[])}.
     */
    public static void inSetMask(byte[] src, byte[] set, byte[] mask) {
        checkSameLength(src.length, mask.length, "src", "mask");
        inSetMask(src, 0, set, mask, 0, src.length);
    }

    /** Ranged form of {@link #inSetMask(byte[], byte[], byte[])}. */
    public static void inSetMask(byte[] src, int srcOff, byte[] set, byte[] mask, int maskOff, int len) {
        remap(src, srcOff, normalizedSet(set, 256, false), mask, maskOff, len);
    }

    /** Writes a mask that is 1 where {@code set[src[i] & 0xFF] == 0} (e.g. {@code set} lists nodata codes). */
    public static void notInSetMask(byte[] src, byte[] set, byte[] mask) {
        checkSameLength(src.length, mask.length, "src", "mask");
        notInSetMask(src, 0, set, mask, 0, src.length);
    }

    /** Ranged form of {@link #notInSetMask(byte[], byte[], byte[])}. */
    public static void notInSetMask(byte[] src, int srcOff, byte[] set, byte[] mask, int maskOff, int len) {
        remap(src, srcOff, normalizedSet(set, 256, true), mask, maskOff, len);
    }

    /** As {@link #inSetMask(byte[], byte[], byte[])} for uint16 samples, with a 65536-entry {@code set}. */
    public static void inSetMask(short[] src, byte[] set, byte[] mask) {
        checkSameLength(src.length, mask.length, "src", "mask");
        inSetMask(src, 0, set, mask, 0, src.length);
    }

    /** Ranged form of {@link #inSetMask(short[], byte[], byte[])}. */
    public static void inSetMask(short[] src, int srcOff, byte[] set, byte[] mask, int maskOff, int len) {
        remap(src, srcOff, normalizedSet(set, 65536, false), mask, maskOff, len);
    }

    /** As {@link #notInSetMask(byte[], byte[], byte[])} for uint16 samples, with a 65536-entry {@code set}. */
    public static void notInSetMask(short[] src, byte[] set, byte[] mask) {
        checkSameLength(src.length, mask.length, "src", "mask");
        notInSetMask(src, 0, set, mask, 0, src.length);
    }

    /** Ranged form of {@link #notInSetMask(short[], byte[], byte[])}. */
    public static void notInSetMask(short[] src, int srcOff, byte[] set, byte[] mask, int maskOff, int len) {
        remap(src, srcOff, normalizedSet(set, 65536, true), mask, maskOff, len);
    }

    /** A 0/1 table: 1 where {@code set} is non-zero (or zero, when {@code complement}). */
    private static byte[] normalizedSet(byte[] set, int size, boolean complement) {
        checkLut(set, size);
        byte[] table = new byte[size];
        for (int v = 0; v < size; v++) {
            table[v] = (byte) ((set[v] != 0) != complement ? 1 : 0);
        }
        return table;
    }

    /** The number of valid (non-zero) entries of a mask. */
    public static long countValid(byte[] mask) {
        return countValid(mask, 0, mask.length);
    }

    /** Ranged form of {@link #countValid(byte[])}. */
    public static long countValid(byte[] mask, int off, int len) {
        Objects.checkFromIndexSize(off, len, mask.length);
        return IMPL.countNonZero(mask, off, len);
    }

    // ------------------------------------------------------------------------------------------- statistics

    /**
     * Count, min, max, mean and population standard deviation of the uint8 samples where {@code mask} is
     * non-zero ({@code mask} may be {@code null}). Exact: sums and sums of squares are accumulated in
     * {@code long} on both paths, and the mean and variance are then rounded once each from those integers; no
     * sample gives a count of 0 and NaN for the rest.
     */
    public static BandStatistics statistics(byte[] src, byte[] mask) {
        return statistics(src, 0, src.length, mask, 0);
    }

    /** Ranged form of {@link #statistics(byte[], byte[])}. */
    public static BandStatistics statistics(byte[] src, int off, int len, byte[] mask, int maskOff) {
        checkMasked(src.length, off, len, mask, maskOff);
        long[] m = new long[5];
        IMPL.momentsU8(src, off, len, mask, maskOff, m);
        return exactStatistics(m);
    }

    /** As {@link #statistics(byte[], byte[])} for uint16 samples (also exact). */
    public static BandStatistics statistics(short[] src, byte[] mask) {
        return statistics(src, 0, src.length, mask, 0);
    }

    /** Ranged form of {@link #statistics(short[], byte[])}. */
    public static BandStatistics statistics(short[] src, int off, int len, byte[] mask, int maskOff) {
        checkMasked(src.length, off, len, mask, maskOff);
        long[] m = new long[5];
        IMPL.momentsU16(src, off, len, mask, maskOff, m);
        return exactStatistics(m);
    }

    private static BandStatistics exactStatistics(long[] m) {
        long n = m[0];
        if (n == 0) {
            return BandStatistics.EMPTY;
        }
        // variance = (n * sumSq - sum^2) / n^2, from exact integers, rounded once
        BigInteger sum = BigInteger.valueOf(m[3]);
        BigInteger num = BigInteger.valueOf(n).multiply(BigInteger.valueOf(m[4])).subtract(sum.multiply(sum));
        BigInteger den = BigInteger.valueOf(n).multiply(BigInteger.valueOf(n));
        double variance = new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL128).doubleValue();
        return new BandStatistics(n, m[1], m[2], (double) m[3] / n, Math.sqrt(variance));
    }

    /**
     * Count, min, max, mean and population standard deviation of the float samples that are not NaN and where
     * {@code mask} is non-zero. Infinities are ordinary samples (then the mean is infinite or NaN and the standard
     * deviation NaN).
     *
     * <p>Min, max and count are exact. The mean and the standard deviation are accumulated in double, the latter
     * in a second pass around the mean; the SIMD path sums in a different order than the scalar reference, and
     * the two agree within {@code n * 2^-52 * mean(|x|)} for the mean and
     * {@code n * 2^-52 * (std + mean(|x|))} for the standard deviation, where {@code n} is the count. Each path
     * is deterministic: the same input gives the same bits on every run.
     */
    public static BandStatistics statistics(float[] src, byte[] mask) {
        return statistics(src, 0, src.length, mask, 0);
    }

    /** Ranged form of {@link #statistics(float[], byte[])}. */
    public static BandStatistics statistics(float[] src, int off, int len, byte[] mask, int maskOff) {
        checkMasked(src.length, off, len, mask, maskOff);
        double[] m = new double[5];
        IMPL.momentsF32(src, off, len, mask, maskOff, m);
        long n = (long) m[0];
        if (n == 0) {
            return BandStatistics.EMPTY;
        }
        return new BandStatistics(n, m[1], m[2], m[3], Math.sqrt(m[4] / n));
    }

    /**
     * Percentiles of the uint8 samples where {@code mask} is non-zero, for a display stretch (e.g. 2 and 98).
     *
     * <p>Definition (numpy's default, "linear"): with the {@code n} valid samples sorted as
     * {@code x[0] <= ... <= x[n-1]} and {@code h = (n - 1) * p / 100}, the percentile is
     * {@code x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)])}. Exact order statistics from the
     * histogram kernel; no valid sample gives NaN.
     *
     * @param percents each in 0..100
     */
    public static Percentiles percentiles(byte[] src, byte[] mask, double... percents) {
        return percentiles(src, 0, src.length, mask, 0, percents);
    }

    /** Ranged form of {@link #percentiles(byte[], byte[], double...)}. */
    public static Percentiles percentiles(byte[] src, int off, int len, byte[] mask, int maskOff,
                                          double... percents) {
        checkPercents(percents);
        long[] counts = new long[256];
        histogram(src, off, len, mask, maskOff, counts);
        return Percentiles.fromHistogram(counts, percents);
    }

    /** As {@link #percentiles(byte[], byte[], double...)} for uint16 samples (exact, via the histogram). */
    public static Percentiles percentiles(short[] src, byte[] mask, double... percents) {
        return percentiles(src, 0, src.length, mask, 0, percents);
    }

    /** Ranged form of {@link #percentiles(short[], byte[], double...)}. */
    public static Percentiles percentiles(short[] src, int off, int len, byte[] mask, int maskOff,
                                          double... percents) {
        checkPercents(percents);
        long[] counts = new long[65536];
        histogram(src, off, len, mask, maskOff, counts);
        return Percentiles.fromHistogram(counts, percents);
    }

    /**
     * Percentiles of the float samples that are not NaN and where {@code mask} is non-zero, by the definition of
     * {@link #percentiles(byte[], byte[], double...)}; between an infinity and another value the result is the
     * infinity. Works on a sorted copy of the valid samples (4 bytes each), so it is exact and path-independent.
     */
    public static Percentiles percentiles(float[] src, byte[] mask, double... percents) {
        return percentiles(src, 0, src.length, mask, 0, percents);
    }

    /** Ranged form of {@link #percentiles(float[], byte[], double...)}. */
    public static Percentiles percentiles(float[] src, int off, int len, byte[] mask, int maskOff,
                                          double... percents) {
        checkMasked(src.length, off, len, mask, maskOff);
        checkPercents(percents);
        float[] valid = new float[len];
        int n = 0;
        for (int i = 0; i < len; i++) {
            float x = src[off + i];
            if (x == x && (mask == null || mask[maskOff + i] != 0)) {
                valid[n++] = x;
            }
        }
        Arrays.sort(valid, 0, n);
        double[] values = new double[percents.length];
        for (int k = 0; k < percents.length; k++) {
            if (n == 0) {
                values[k] = Double.NaN;
                continue;
            }
            double h = (n - 1) * (percents[k] / 100.0);
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, n - 1);
            values[k] = Percentiles.interpolate(valid[lo], valid[hi], h - lo);
        }
        return new Percentiles(percents, values);
    }

    private static void checkPercents(double[] percents) {
        for (double p : percents) {
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("percentiles must be in 0..100, got " + p);
            }
        }
    }

    private static void checkMasked(int srcLength, int off, int len, byte[] mask, int maskOff) {
        Objects.checkFromIndexSize(off, len, srcLength);
        if (mask != null) {
            Objects.checkFromIndexSize(maskOff, len, mask.length);
        }
    }

    // ------------------------------------------------------------------------------------------- resampling

    /**
     * The size of one side after downsampling by {@code factor}: {@code ceil(size / factor)} (a partial block at
     * the right or bottom edge makes an output pixel of its own).
     */
    public static int downsampledSize(int size, int factor) {
        checkRange("factor", factor, 1, Integer.MAX_VALUE);
        checkRange("size", size, 0, Integer.MAX_VALUE);
        return (int) (((long) size + factor - 1) / factor);
    }

    /**
     * Nearest-neighbour upsampling by an integer factor: every sample of the {@code width x height} source
     * becomes a {@code factor x factor} block of the {@code (width*factor) x (height*factor)} destination (a 20 m
     * Sentinel-2 band onto the 10 m grid: factor 2; a 60 m band: factor 6).
     *
     * @throws IllegalArgumentException if the sizes do not match the arrays or the output size overflows
     */
    public static void upsample(byte[] src, int width, int height, int factor, byte[] dst) {
        checkSameLength(src.length, checkedArea(width, height), "src", "width*height");
        checkSameLength(dst.length, checkedArea(scaled(width, factor), scaled(height, factor)), "dst",
                "(width*factor)*(height*factor)");
        upsample(src, 0, width, height, factor, dst, 0);
    }

    /** Ranged form of {@link #upsample(byte[], int, int, int, byte[])}: one block at the given offsets. */
    public static void upsample(byte[] src, int srcOff, int width, int height, int factor, byte[] dst, int dstOff) {
        checkUpsample(src.length, srcOff, width, height, factor, dst.length, dstOff);
        IMPL.upsampleU8(src, srcOff, width, height, factor, dst, dstOff);
    }

    /** As {@link #upsample(byte[], int, int, int, byte[])} for 16-bit samples. */
    public static void upsample(short[] src, int width, int height, int factor, short[] dst) {
        checkSameLength(src.length, checkedArea(width, height), "src", "width*height");
        checkSameLength(dst.length, checkedArea(scaled(width, factor), scaled(height, factor)), "dst",
                "(width*factor)*(height*factor)");
        upsample(src, 0, width, height, factor, dst, 0);
    }

    /** Ranged form of {@link #upsample(short[], int, int, int, short[])}. */
    public static void upsample(short[] src, int srcOff, int width, int height, int factor, short[] dst,
                                int dstOff) {
        checkUpsample(src.length, srcOff, width, height, factor, dst.length, dstOff);
        IMPL.upsampleU16(src, srcOff, width, height, factor, dst, dstOff);
    }

    /** As {@link #upsample(byte[], int, int, int, byte[])} for float samples (bits copied, NaN payloads kept). */
    public static void upsample(float[] src, int width, int height, int factor, float[] dst) {
        checkSameLength(src.length, checkedArea(width, height), "src", "width*height");
        checkSameLength(dst.length, checkedArea(scaled(width, factor), scaled(height, factor)), "dst",
                "(width*factor)*(height*factor)");
        upsample(src, 0, width, height, factor, dst, 0);
    }

    /** Ranged form of {@link #upsample(float[], int, int, int, float[])}. */
    public static void upsample(float[] src, int srcOff, int width, int height, int factor, float[] dst,
                                int dstOff) {
        checkUpsample(src.length, srcOff, width, height, factor, dst.length, dstOff);
        IMPL.upsampleF32(src, srcOff, width, height, factor, dst, dstOff);
    }

    /**
     * Mode downsampling of uint8 labels: each {@code factor x factor} block (smaller at the right and bottom edges
     * when the size is not a multiple) becomes its most frequent value; a tie goes to the smallest value. Samples
     * equal to {@code ignore} do not vote, and a block where every sample is {@code ignore} becomes
     * {@code ignore}. The destination is {@link #downsampledSize downsampledSize(width, factor)} wide.
     *
     * @param ignore a value 0..255 that does not vote (nodata), or -1 for none
     */
    public static void downsampleMode(byte[] src, int width, int height, int factor, int ignore, byte[] dst) {
        checkSameLength(src.length, checkedArea(width, height), "src", "width*height");
        checkSameLength(dst.length, checkedArea(downsampledSize(width, factor), downsampledSize(height, factor)),
                "dst", "ceil(width/factor)*ceil(height/factor)");
        downsampleMode(src, 0, width, height, factor, ignore, dst, 0);
    }

    /** Ranged form of {@link #downsampleMode(byte[], int, int, int, int, byte[])}. */
    public static void downsampleMode(byte[] src, int srcOff, int width, int height, int factor, int ignore,
                                      byte[] dst, int dstOff) {
        checkRange("ignore", ignore, -1, 255);
        checkDownsample(src.length, srcOff, width, height, factor, dst.length, dstOff);
        IMPL.downsampleModeU8(src, srcOff, width, height, factor, ignore, dst, dstOff);
    }

    /**
     * Mean downsampling of float imagery: each {@code factor x factor} block (smaller at the edges) becomes the mean
     * of its non-NaN samples, summed in double in row-major order and rounded once to float; a block of NaN only
     * becomes NaN. Both paths give the same bits.
     */
    public static void downsampleMean(float[] src, int width, int height, int factor, float[] dst) {
        checkSameLength(src.length, checkedArea(width, height), "src", "width*height");
        checkSameLength(dst.length, checkedArea(downsampledSize(width, factor), downsampledSize(height, factor)),
                "dst", "ceil(width/factor)*ceil(height/factor)");
        downsampleMean(src, 0, width, height, factor, dst, 0);
    }

    /** Ranged form of {@link #downsampleMean(float[], int, int, int, float[])}. */
    public static void downsampleMean(float[] src, int srcOff, int width, int height, int factor, float[] dst,
                                      int dstOff) {
        checkDownsample(src.length, srcOff, width, height, factor, dst.length, dstOff);
        IMPL.downsampleMeanF32(src, srcOff, width, height, factor, dst, dstOff);
    }

    private static void checkUpsample(int srcLength, int srcOff, int width, int height, int factor, int dstLength,
                                      int dstOff) {
        checkRange("factor", factor, 1, Integer.MAX_VALUE);
        Objects.checkFromIndexSize(srcOff, checkedArea(width, height), srcLength);
        Objects.checkFromIndexSize(dstOff, checkedArea(scaled(width, factor), scaled(height, factor)), dstLength);
    }

    private static void checkDownsample(int srcLength, int srcOff, int width, int height, int factor,
                                        int dstLength, int dstOff) {
        checkRange("factor", factor, 1, Integer.MAX_VALUE);
        Objects.checkFromIndexSize(srcOff, checkedArea(width, height), srcLength);
        Objects.checkFromIndexSize(dstOff,
                checkedArea(downsampledSize(width, factor), downsampledSize(height, factor)), dstLength);
    }

    private static int checkedArea(int width, int height) {
        checkRange("width", width, 0, Integer.MAX_VALUE);
        checkRange("height", height, 0, Integer.MAX_VALUE);
        long area = (long) width * height;
        if (area > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a raster of " + width + " x " + height + " does not fit one array");
        }
        return (int) area;
    }

    private static int scaled(int size, int factor) {
        checkRange("factor", factor, 1, Integer.MAX_VALUE);
        long s = (long) size * factor;
        if (s > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("size " + size + " times factor " + factor + " overflows an int");
        }
        return (int) s;
    }

    private static void checkRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be in " + min + ".." + max + ", got " + value);
        }
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
