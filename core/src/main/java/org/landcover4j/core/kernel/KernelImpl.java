package org.landcover4j.core.kernel;

/**
 * The operations every kernel implementation provides. Arguments are validated by {@link Kernels} before they
 * arrive here; implementations may assume in-range offsets and lengths, non-null arrays (except optional masks
 * and ignore tables, which may be {@code null}) and the documented table sizes.
 *
 * <p>{@link ScalarKernels} is the definition; {@code VectorKernels} must give bit-identical results for every
 * element-wise method and exactly equal counts, and stays within the tolerance stated on
 * {@link #momentsF32} for the one floating-point reduction.
 */
interface KernelImpl {

    /** A short name for logs and benchmarks ("scalar", "vector 512-bit"). */
    String name();

    // ---------------------------------------------------------------------------------- lookup and counting

    void remapU8(byte[] src, int srcOff, byte[] lut, byte[] dst, int dstOff, int len);

    void remapU16(short[] src, int srcOff, byte[] lut, byte[] dst, int dstOff, int len);

    void histogramU8(byte[] src, int off, int len, byte[] mask, int maskOff, long[] counts);

    void histogramU16(short[] src, int off, int len, byte[] mask, int maskOff, long[] counts);

    void confusionU8(byte[] ref, int refOff, byte[] pred, int predOff, int len, int numClasses, byte[] ignore,
                     long[] counts);

    void confusionU16(short[] ref, int refOff, short[] pred, int predOff, int len, int numClasses, byte[] ignore,
                      long[] counts);

    // ------------------------------------------------------------------------------------------- band math

    /** {@code dst = (a - b) / (a + b)} in float arithmetic. */
    void normalizedDifference(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int len);

    /** As {@link #normalizedDifference} on unsigned 16-bit inputs converted to float first. */
    void normalizedDifferenceU16(short[] a, int aOff, short[] b, int bOff, float[] dst, int dstOff, int len);

    /** {@code dst = (float) (src & 0xFFFF) * scale + offset}, two roundings, no fused multiply-add. */
    void scaleOffsetU16(short[] src, int srcOff, float scale, float offset, float[] dst, int dstOff, int len);

    /** {@code dst = src * scale + offset}, two roundings, no fused multiply-add. */
    void scaleOffset(float[] src, int srcOff, float scale, float offset, float[] dst, int dstOff, int len);

    /** {@code dst = (src - mean) / std}. */
    void standardize(float[] src, int srcOff, float mean, float std, float[] dst, int dstOff, int len);

    /** Float to uint8: NaN and values {@code <= 0} give 0, values {@code >= 255} give 255, else round half even. */
    void toU8(float[] src, int srcOff, byte[] dst, int dstOff, int len);

    /** Float to uint16: NaN and {@code <= 0} give 0, {@code >= 65535} give 65535, else round half even. */
    void toU16(float[] src, int srcOff, short[] dst, int dstOff, int len);

    /** Uint16 to uint8 with saturation at 255. */
    void u16ToU8(short[] src, int srcOff, byte[] dst, int dstOff, int len);

    // ----------------------------------------------------------------------------------------------- masks

    /** {@code mask = (src & 0xFF) != nodata ? 1 : 0}. */
    void validMaskU8(byte[] src, int srcOff, int nodata, byte[] mask, int maskOff, int len);

    /** {@code mask = (src & 0xFFFF) != nodata ? 1 : 0}. */
    void validMaskU16(short[] src, int srcOff, int nodata, byte[] mask, int maskOff, int len);

    /** {@code mask = (src is not NaN && src != nodata) ? 1 : 0} (float equality: 0.0 equals -0.0). */
    void validMaskF32(float[] src, int srcOff, float nodata, byte[] mask, int maskOff, int len);

    /** The number of non-zero entries. */
    long countNonZero(byte[] mask, int off, int len);

    // ------------------------------------------------------------------------------------------ statistics

    /**
     * Exact moments of the uint8 samples where {@code mask} is non-zero (or all when {@code mask} is null):
     * {@code out = {count, min, max, sum, sum of squares}}; min and max are -1 when count is 0.
     */
    void momentsU8(byte[] src, int off, int len, byte[] mask, int maskOff, long[] out);

    /** As {@link #momentsU8} for uint16 samples (the sum of squares of 2^31 samples of 65535 fits a long). */
    void momentsU16(short[] src, int off, int len, byte[] mask, int maskOff, long[] out);

    /**
     * Float moments of the non-NaN samples where {@code mask} is non-zero: {@code out = {count, min, max, mean, m2}}
     * where {@code m2} is the sum of squared deviations from {@code mean} (a second pass). Min and max are exact;
     * mean and m2 are accumulated in double, in an order that may differ between implementations: the vector
     * twin's mean differs from the scalar one by at most {@code count * 2^-52 * mean(|x|)}, and
     * {@code sqrt(m2 / count)} by at most {@code count * 2^-52 * (std + mean(|x|))}. Empty: all NaN but count 0.
     */
    void momentsF32(float[] src, int off, int len, byte[] mask, int maskOff, double[] out);

    // ------------------------------------------------------------------------------------------ resampling

    /** Nearest upsampling by an integer factor: a {@code width x height} block becomes {@code width*f x height*f}. */
    void upsampleU8(byte[] src, int srcOff, int width, int height, int factor, byte[] dst, int dstOff);

    void upsampleU16(short[] src, int srcOff, int width, int height, int factor, short[] dst, int dstOff);

    void upsampleF32(float[] src, int srcOff, int width, int height, int factor, float[] dst, int dstOff);

    /**
     * Mode of each {@code factor x factor} block (edge blocks may be smaller); ties go to the smallest value;
     * samples equal to {@code ignore} (0..255, or -1 for none) do not vote; a block with no vote gets
     * {@code ignore}.
     */
    void downsampleModeU8(byte[] src, int srcOff, int width, int height, int factor, int ignore, byte[] dst,
                          int dstOff);

    /**
     * Mean of the non-NaN samples of each {@code factor x factor} block (edge blocks may be smaller), summed in
     * double in row-major order within the block and rounded once to float; a block with no such sample is NaN.
     */
    void downsampleMeanF32(float[] src, int srcOff, int width, int height, int factor, float[] dst, int dstOff);
}
