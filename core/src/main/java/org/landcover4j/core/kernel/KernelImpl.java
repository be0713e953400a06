package org.landcover4j.core.kernel;

/**
 * The operations every kernel implementation provides. Arguments are validated by {@link Kernels} before they
 * arrive here; implementations may assume in-range offsets and lengths.
 */
interface KernelImpl {

    /** A short name for logs and benchmarks ("scalar", "vector 512-bit"). */
    String name();

    void remapU8(byte[] src, int srcOff, byte[] lut, byte[] dst, int dstOff, int len);

    void remapU16(short[] src, int srcOff, byte[] lut, byte[] dst, int dstOff, int len);

    void histogramU8(byte[] src, int off, int len, byte[] mask, int maskOff, long[] counts);

    void histogramU16(short[] src, int off, int len, byte[] mask, int maskOff, long[] counts);

    void confusionU8(byte[] ref, int refOff, byte[] pred, int predOff, int len, int numClasses, byte[] ignore,
                     long[] counts);

    void confusionU16(short[] ref, int refOff, short[] pred, int predOff, int len, int numClasses, byte[] ignore,
                      long[] counts);
}
