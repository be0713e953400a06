package org.landcover4j.io.jpeg;

/** The scalar reference of {@link YccKernel}. Stateless and thread safe. */
final class ScalarYcc implements YccKernel {
    static final ScalarYcc INSTANCE = new ScalarYcc();

    private ScalarYcc() {
    }

    @Override
    public void rgb(byte[] y, int ys, int[] cb, int[] cr, int cs, byte[] r, byte[] g, byte[] b, int o, int n) {
        for (int x = 0; x < n; x++) {
            pixel(y[ys + x] & 0xFF, cb[cs + x], cr[cs + x], r, g, b, o + x);
        }
    }

    private static void pixel(int lum, int u, int v, byte[] r, byte[] g, byte[] b, int o) {
        r[o] = (byte) clamp(lum + ((CR_R * v + ONE_HALF) >> 16));
        g[o] = (byte) clamp(lum + ((ONE_HALF - CB_G * u - CR_G * v) >> 16));
        b[o] = (byte) clamp(lum + ((CB_B * u + ONE_HALF) >> 16));
    }

    static int clamp(int v) {
        return Math.min(255, Math.max(0, v));
    }

    @Override
    public void sums(byte[] p, int near, int far, int wn, int wf, int[] dst, int n) {
        sumsFrom(p, near, far, wn, wf, dst, n, 0);
    }

    /** {@link #sums} from sample {@code from} on (the twin's tail). */
    static void sumsFrom(byte[] p, int near, int far, int wn, int wf, int[] dst, int n, int from) {
        for (int i = from; i < n; i++) {
            dst[1 + i] = wn * (p[near + i] & 0xFF) + wf * (p[far + i] & 0xFF);
        }
        dst[0] = dst[1];
        dst[n + 1] = dst[n];
    }

    @Override
    public void upsample(int[] c, int shift, int biasEven, int biasOdd, int[] dst, int w) {
        upsampleFrom(c, shift, biasEven, biasOdd, dst, w, 0);
    }

    /** {@link #upsample} from chroma sample {@code from} (output sample 2 x from) on (the twin's tail). */
    static void upsampleFrom(int[] c, int shift, int biasEven, int biasOdd, int[] dst, int w, int from) {
        int pairs = w >> 1;
        for (int i = from; i < pairs; i++) {
            int c3 = 3 * c[i + 1];
            dst[2 * i] = ((c3 + c[i] + biasEven) >> shift) - 128;
            dst[2 * i + 1] = ((c3 + c[i + 2] + biasOdd) >> shift) - 128;
        }
        if ((w & 1) != 0) {
            dst[w - 1] = ((3 * c[pairs + 1] + c[pairs] + biasEven) >> shift) - 128;
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
