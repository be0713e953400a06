package org.landcover4j.core.kernel;

/**
 * The scalar reference of every kernel: plain loops, the definition the SIMD twin must match.
 *
 * <p>Stateless and thread safe.
 */
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
    // ------------------------------------------------------------------------------------------- band math

    @Override
    public void normalizedDifference(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            float x = a[aOff + i];
            float y = b[bOff + i];
            dst[dstOff + i] = (x - y) / (x + y);
        }
    }

    @Override
    public void normalizedDifferenceU16(short[] a, int aOff, short[] b, int bOff, float[] dst, int dstOff,
                                        int len) {
        for (int i = 0; i < len; i++) {
            float x = a[aOff + i] & 0xFFFF;
            float y = b[bOff + i] & 0xFFFF;
            dst[dstOff + i] = (x - y) / (x + y);
        }
    }

    @Override
    public void scaleOffsetU16(short[] src, int srcOff, float scale, float offset, float[] dst, int dstOff,
                               int len) {
        for (int i = 0; i < len; i++) {
            float x = src[srcOff + i] & 0xFFFF;
            float scaled = x * scale;
            dst[dstOff + i] = scaled + offset;
        }
    }

    @Override
    public void scaleOffset(float[] src, int srcOff, float scale, float offset, float[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            float scaled = src[srcOff + i] * scale;
            dst[dstOff + i] = scaled + offset;
        }
    }

    @Override
    public void standardize(float[] src, int srcOff, float mean, float std, float[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = (src[srcOff + i] - mean) / std;
        }
    }

    @Override
    public void toU8(float[] src, int srcOff, byte[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = (byte) clampRound(src[srcOff + i], 255f);
        }
    }

    @Override
    public void toU16(float[] src, int srcOff, short[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = (short) clampRound(src[srcOff + i], 65535f);
        }
    }

    /** NaN and {@code x <= 0} give 0, {@code x >= max} gives max, else {@link Math#rint} (half to even). */
    static int clampRound(float x, float max) {
        if (!(x > 0f)) {
            return 0;
        }
        if (x >= max) {
            return (int) max;
        }
        return (int) Math.rint(x);
    }

    @Override
    public void u16ToU8(short[] src, int srcOff, byte[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = (byte) Math.min(src[srcOff + i] & 0xFFFF, 255);
        }
    }

    // ----------------------------------------------------------------------------------------------- masks

    @Override
    public void validMaskU8(byte[] src, int srcOff, int nodata, byte[] mask, int maskOff, int len) {
        for (int i = 0; i < len; i++) {
            mask[maskOff + i] = (byte) ((src[srcOff + i] & 0xFF) != nodata ? 1 : 0);
        }
    }

    @Override
    public void validMaskU16(short[] src, int srcOff, int nodata, byte[] mask, int maskOff, int len) {
        for (int i = 0; i < len; i++) {
            mask[maskOff + i] = (byte) ((src[srcOff + i] & 0xFFFF) != nodata ? 1 : 0);
        }
    }

    @Override
    public void validMaskF32(float[] src, int srcOff, float nodata, byte[] mask, int maskOff, int len) {
        for (int i = 0; i < len; i++) {
            float x = src[srcOff + i];
            mask[maskOff + i] = (byte) (x == x && x != nodata ? 1 : 0);
        }
    }

    @Override
    public long countNonZero(byte[] mask, int off, int len) {
        long n = 0;
        for (int i = 0; i < len; i++) {
            if (mask[off + i] != 0) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------ statistics

    @Override
    public void momentsU8(byte[] src, int off, int len, byte[] mask, int maskOff, long[] out) {
        long count = 0;
        long sum = 0;
        long sumSq = 0;
        int min = Integer.MAX_VALUE;
        int max = -1;
        for (int i = 0; i < len; i++) {
            if (mask == null || mask[maskOff + i] != 0) {
                int v = src[off + i] & 0xFF;
                count++;
                sum += v;
                sumSq += v * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        storeMoments(out, count, min, max, sum, sumSq);
    }

    @Override
    public void momentsU16(short[] src, int off, int len, byte[] mask, int maskOff, long[] out) {
        long count = 0;
        long sum = 0;
        long sumSq = 0;
        int min = Integer.MAX_VALUE;
        int max = -1;
        for (int i = 0; i < len; i++) {
            if (mask == null || mask[maskOff + i] != 0) {
                long v = src[off + i] & 0xFFFF;
                count++;
                sum += v;
                sumSq += v * v;
                min = Math.min(min, (int) v);
                max = Math.max(max, (int) v);
            }
        }
        storeMoments(out, count, min, max, sum, sumSq);
    }

    static void storeMoments(long[] out, long count, int min, int max, long sum, long sumSq) {
        out[0] = count;
        out[1] = count == 0 ? -1 : min;
        out[2] = count == 0 ? -1 : max;
        out[3] = sum;
        out[4] = sumSq;
    }

    @Override
    public void momentsF32(float[] src, int off, int len, byte[] mask, int maskOff, double[] out) {
        long count = 0;
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            float x = src[off + i];
            if (x == x && (mask == null || mask[maskOff + i] != 0)) {
                count++;
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (count == 0) {
            out[0] = 0;
            out[1] = out[2] = out[3] = out[4] = Double.NaN;
            return;
        }
        double mean = sum / count;
        double m2 = 0;
        for (int i = 0; i < len; i++) {
            float x = src[off + i];
            if (x == x && (mask == null || mask[maskOff + i] != 0)) {
                double d = x - mean;
                m2 += d * d;
            }
        }
        out[0] = count;
        out[1] = min;
        out[2] = max;
        out[3] = mean;
        out[4] = m2;
    }

    // ------------------------------------------------------------------------------------------ resampling

    @Override
    public void upsampleU8(byte[] src, int srcOff, int width, int height, int factor, byte[] dst, int dstOff) {
        int outW = width * factor;
        for (int y = 0; y < height; y++) {
            int row = dstOff + y * factor * outW;
            for (int x = 0; x < width; x++) {
                byte v = src[srcOff + y * width + x];
                for (int k = 0; k < factor; k++) {
                    dst[row + x * factor + k] = v;
                }
            }
            for (int r = 1; r < factor; r++) {
                System.arraycopy(dst, row, dst, row + r * outW, outW);
            }
        }
    }

    @Override
    public void upsampleU16(short[] src, int srcOff, int width, int height, int factor, short[] dst, int dstOff) {
        int outW = width * factor;
        for (int y = 0; y < height; y++) {
            int row = dstOff + y * factor * outW;
            for (int x = 0; x < width; x++) {
                short v = src[srcOff + y * width + x];
                for (int k = 0; k < factor; k++) {
                    dst[row + x * factor + k] = v;
                }
            }
            for (int r = 1; r < factor; r++) {
                System.arraycopy(dst, row, dst, row + r * outW, outW);
            }
        }
    }

    @Override
    public void upsampleF32(float[] src, int srcOff, int width, int height, int factor, float[] dst, int dstOff) {
        int outW = width * factor;
        for (int y = 0; y < height; y++) {
            int row = dstOff + y * factor * outW;
            for (int x = 0; x < width; x++) {
                float v = src[srcOff + y * width + x];
                for (int k = 0; k < factor; k++) {
                    dst[row + x * factor + k] = v;
                }
            }
            for (int r = 1; r < factor; r++) {
                System.arraycopy(dst, row, dst, row + r * outW, outW);
            }
        }
    }

    @Override
    public void downsampleModeU8(byte[] src, int srcOff, int width, int height, int factor, int ignore, byte[] dst,
                                 int dstOff) {
        int outW = (width + factor - 1) / factor;
        int outH = (height + factor - 1) / factor;
        int[] votes = new int[256];
        for (int by = 0; by < outH; by++) {
            for (int bx = 0; bx < outW; bx++) {
                dst[dstOff + by * outW + bx] = (byte) modeOfBlock(src, srcOff, width, height, factor, ignore, bx, by,
                        votes);
            }
        }
    }

    /** The mode of one block by its definition; leaves {@code votes} all zero again. */
    static int modeOfBlock(byte[] src, int srcOff, int width, int height, int factor, int ignore, int bx, int by,
                           int[] votes) {
        int y0 = by * factor;
        int x0 = bx * factor;
        int y1 = Math.min(height, y0 + factor);
        int x1 = Math.min(width, x0 + factor);
        int best = ignore;
        int bestVotes = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int v = src[srcOff + y * width + x] & 0xFF;
                if (v == ignore) {
                    continue;
                }
                int c = ++votes[v];
                if (c > bestVotes || (c == bestVotes && v < best)) {
                    best = v;
                    bestVotes = c;
                }
            }
        }
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                votes[src[srcOff + y * width + x] & 0xFF] = 0;
            }
        }
        return best;
    }

    @Override
    public void downsampleMeanF32(float[] src, int srcOff, int width, int height, int factor, float[] dst,
                                  int dstOff) {
        int outW = (width + factor - 1) / factor;
        int outH = (height + factor - 1) / factor;
        for (int by = 0; by < outH; by++) {
            for (int bx = 0; bx < outW; bx++) {
                dst[dstOff + by * outW + bx] = meanOfBlock(src, srcOff, width, height, factor, bx, by);
            }
        }
    }

    /** The mean of one block by its definition. */
    static float meanOfBlock(float[] src, int srcOff, int width, int height, int factor, int bx, int by) {
        int y0 = by * factor;
        int x0 = bx * factor;
        int y1 = Math.min(height, y0 + factor);
        int x1 = Math.min(width, x0 + factor);
        double sum = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                float v = src[srcOff + y * width + x];
                if (v == v) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? Float.NaN : (float) (sum / n);
    }
}
