package org.landcover4j.io.dataset.opensentinelmap;

import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.RasterMetadata;

/**
 * How coarser OpenSentinelMap bands (20 m, 60 m) are brought onto the 10 m grid.
 *
 * <p>Both methods treat pixels as areas (pixel centres at half-integer positions), as PyTorch's
 * {@code interpolate(..., align_corners=False)} does, so a 20 m pixel covers exactly 2 x 2 pixels at 10 m.
 * {@link #NEAREST} repeats each value ({@link Kernels#upsample(float[], int, int, int, float[])} for the integer
 * factors 2 and 6); {@link #BILINEAR} interpolates between the four nearest centres, clamping
 * at the edges (what terratorch uses for this dataset). NaN propagates into every output pixel it touches.
 *
 * {@snippet :
 * FloatRaster b20 = imagery.gsd20On10m(Resampling.BILINEAR);   // 6 bands, 192 x 192
 * }
 */
public enum Resampling {
    /** Each coarse pixel's value repeated over the fine pixels it covers. */
    NEAREST,
    /** Bilinear interpolation between coarse pixel centres, edges clamped. */
    BILINEAR;

    /**
     * Resamples every band of {@code src} to {@code width} x {@code height}; the georeference, if any, is replaced by
     * {@code geo}.
     */
    FloatRaster resample(FloatRaster src, int width, int height, GeoReference geo) {
        int sw = src.width();
        int sh = src.height();
        RasterMetadata m = src.metadata().withSize(height, width);
        m = geo != null ? m.withGeoReference(geo) : m;
        float[][] out = new float[src.bands()][];
        boolean integral = width % sw == 0 && height % sh == 0 && width / sw == height / sh;
        for (int b = 0; b < src.bands(); b++) {
            if (this == NEAREST && integral) {
                out[b] = new float[width * height];
                Kernels.upsample(src.unsafeBandArray(b), sw, sh, width / sw, out[b]);   // SIMD when available
            } else {
                out[b] = this == NEAREST ? nearest(src.unsafeBandArray(b), sw, sh, width, height)
                        : bilinear(src.unsafeBandArray(b), sw, sh, width, height);
            }
        }
        return FloatRaster.wrap(m, out);
    }

    static float[] nearest(float[] s, int sw, int sh, int dw, int dh) {
        float[] d = new float[dw * dh];
        int[] xs = new int[dw];
        for (int x = 0; x < dw; x++) {
            xs[x] = (int) Math.min(sw - 1, ((long) x * sw) / dw);
        }
        for (int y = 0; y < dh; y++) {
            int sy = (int) Math.min(sh - 1, ((long) y * sh) / dh);
            int so = sy * sw;
            int dO = y * dw;
            for (int x = 0; x < dw; x++) {
                d[dO + x] = s[so + xs[x]];
            }
        }
        return d;
    }

    static float[] bilinear(float[] s, int sw, int sh, int dw, int dh) {
        float[] d = new float[dw * dh];
        double rx = (double) sw / dw;
        double ry = (double) sh / dh;
        int[] x0 = new int[dw];
        int[] x1 = new int[dw];
        float[] fx = new float[dw];
        for (int x = 0; x < dw; x++) {
            double sx = Math.max(0, (x + 0.5) * rx - 0.5);
            int i = (int) Math.floor(sx);
            x0[x] = Math.min(i, sw - 1);
            x1[x] = Math.min(i + 1, sw - 1);
            fx[x] = (float) (sx - i);
        }
        for (int y = 0; y < dh; y++) {
            double sy = Math.max(0, (y + 0.5) * ry - 0.5);
            int j = (int) Math.floor(sy);
            int r0 = Math.min(j, sh - 1) * sw;
            int r1 = Math.min(j + 1, sh - 1) * sw;
            float fy = (float) (sy - j);
            int dO = y * dw;
            for (int x = 0; x < dw; x++) {
                float top = s[r0 + x0[x]] * (1 - fx[x]) + s[r0 + x1[x]] * fx[x];
                float bottom = s[r1 + x0[x]] * (1 - fx[x]) + s[r1 + x1[x]] * fx[x];
                d[dO + x] = top * (1 - fy) + bottom * fy;
            }
        }
        return d;
    }
}
