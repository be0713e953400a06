package org.landcover4j.core.kernel;

/** The scalar reference of every kernel: plain loops, the definition the SIMD twin must match. */
final class ScalarKernels implements KernelImpl {

    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void remapU8(byte[] src, int srcOff, byte[] lut, byte[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = lut[src[srcOff + i] & 0xFF];
        }
    }

    @Override
    public void remapU16(short[] src, int srcOff, byte[] lut, byte[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = lut[src[srcOff + i] & 0xFFFF];
        }
    }

    @Override
    public void histogramU8(byte[] src, int off, int len, byte[] mask, int maskOff, long[] counts) {
        if (mask == null) {
            for (int i = 0; i < len; i++) {
                counts[src[off + i] & 0xFF]++;
            }
        } else {
            for (int i = 0; i < len; i++) {
                if (mask[maskOff + i] != 0) {
                    counts[src[off + i] & 0xFF]++;
                }
            }
        }
    }

    @Override
    public void histogramU16(short[] src, int off, int len, byte[] mask, int maskOff, long[] counts) {
        if (mask == null) {
            for (int i = 0; i < len; i++) {
                counts[src[off + i] & 0xFFFF]++;
            }
        } else {
            for (int i = 0; i < len; i++) {
                if (mask[maskOff + i] != 0) {
                    counts[src[off + i] & 0xFFFF]++;
                }
            }
        }
    }

    @Override
    public void confusionU8(byte[] ref, int refOff, byte[] pred, int predOff, int len, int numClasses, byte[] ignore,
                            long[] counts) {
        int stride = numClasses + 1;
        for (int i = 0; i < len; i++) {
            int r = ref[refOff + i] & 0xFF;
            if (ignore != null && ignore[r] != 0) {
                continue;
            }
            int p = pred[predOff + i] & 0xFF;
            counts[Math.min(r, numClasses) * stride + Math.min(p, numClasses)]++;
        }
    }

    @Override
    public void confusionU16(short[] ref, int refOff, short[] pred, int predOff, int len, int numClasses,
                             byte[] ignore, long[] counts) {
        int stride = numClasses + 1;
        for (int i = 0; i < len; i++) {
            int r = ref[refOff + i] & 0xFFFF;
            if (ignore != null && ignore[r] != 0) {
                continue;
            }
            int p = pred[predOff + i] & 0xFFFF;
            counts[Math.min(r, numClasses) * stride + Math.min(p, numClasses)]++;
        }
    }
}
