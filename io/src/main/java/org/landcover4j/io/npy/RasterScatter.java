package org.landcover4j.io.npy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.DecodeLimits;

/**
 * Converts array elements arriving in storage order, chunk by chunk, into the band arrays of a raster: the only
 * copy between the file (or inflater) and the raster. An odometer over the storage axes tracks the target band
 * and pixel of each element, so C and Fortran order, channels-last and channels-first all take one pass.
 *
 * <p>Not thread-safe.
 */
final class RasterScatter {
    private static final VarHandle S_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle S_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle F_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle F_BE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle D_LE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle D_BE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    private final NpyDtype dtype;
    private final boolean big;
    private final int item;
    private final RasterMetadata metadata;
    private final byte[][] b8;
    private final short[][] b16;
    private final int[][] b32;
    private final float[][] f32;
    private final double[][] f64;

    // odometer over storage axes, fastest first
    private final int[] dims;
    private final int[] bandStride;
    private final int[] pixelStride;
    private final int[] counter;
    private int band;
    private int pixel;
    private long remaining;
    private final byte[] carry;
    private int carried;
    private final boolean channelsLastFloat;

    private RasterScatter(NpyHeader h, RasterMetadata m, int[] dims, int[] bs, int[] ps) {
        this.dtype = h.dtype();
        this.big = h.byteOrder() == ByteOrder.BIG_ENDIAN;
        this.item = dtype.itemSize();
        this.metadata = m;
        this.dims = dims;
        this.bandStride = bs;
        this.pixelStride = ps;
        this.counter = new int[dims.length];
        this.channelsLastFloat = dtype == NpyDtype.FLOAT32 && dims.length >= 2 && bs[0] == 1 && ps[0] == 0
                && bs[1] == 0 && ps[1] == 1;
        this.remaining = h.size();
        this.carry = new byte[item];
        int n = m.pixelsPerBand();
        int c = m.bands();
        b8 = item == 1 ? new byte[c][n] : null;
        b16 = item == 2 ? new short[c][n] : null;
        b32 = item == 4 && !dtype.isFloat() ? new int[c][n] : null;
        f32 = dtype == NpyDtype.FLOAT32 ? new float[c][n] : null;
        f64 = dtype == NpyDtype.FLOAT64 ? new double[c][n] : null;
    }

    /** The raster shape an array of this header takes in a layout: {bands, height, width}. */
    static int[] rasterShape(NpyHeader h, NdArray.Layout layout, Path file, String where) throws InvalidDataException {
        List<Integer> s = h.shape();
        int lead = 0;
        while (s.size() - lead > 3 && s.get(lead) == 1) {
            lead++;
        }
        int nd = s.size() - lead;
        if (nd > 3) {
            throw new InvalidDataException(file, where + "array of shape " + h.shapeString() + " has " + s.size()
                    + " dimensions; a raster view needs at most 3 (leading dimensions of size 1 are dropped)");
        }
        int c;
        int y;
        int x;
        switch (nd) {
            case 0 -> {
                c = 1;
                y = 1;
                x = 1;
            }
            case 1 -> {
                c = 1;
                y = 1;
                x = s.get(lead);
            }
            case 2 -> {
                c = 1;
                y = s.get(lead);
                x = s.get(lead + 1);
            }
            default -> {
                if (layout == NdArray.Layout.CHANNELS_LAST) {
                    y = s.get(lead);
                    x = s.get(lead + 1);
                    c = s.get(lead + 2);
                } else {
                    c = s.get(lead);
                    y = s.get(lead + 1);
                    x = s.get(lead + 2);
                }
            }
        }
        if (c == 0 || y == 0 || x == 0) {
            throw new InvalidDataException(file, where + "array of shape " + h.shapeString()
                    + " has no elements; a raster needs at least one pixel");
        }
        return new int[] {c, y, x};
    }

    /**
     * Prepares a scatter of the array described by {@code h} into a raster.
     *
     * @throws InvalidDataException if the shape has no raster view or exceeds the limits
     */
    static RasterScatter of(NpyHeader h, NdArray.Layout layout, DecodeLimits limits, Path file, String where)
            throws InvalidDataException {
        DataType type = h.dtype().rasterType().orElseThrow(() -> new InvalidDataException(file, where + "dtype '"
                + h.descr() + "' has no raster type (64-bit integers are not raster samples)"));
        int[] cyx = rasterShape(h, layout, file, where);
        int c = cyx[0];
        int y = cyx[1];
        int x = cyx[2];
        if (y > limits.maxDimension() || x > limits.maxDimension() || c > limits.maxBands()) {
            throw new InvalidDataException(file, where + "array of shape " + h.shapeString() + " as a raster of " + c
                    + " bands of " + x + "x" + y + " exceeds the limits (" + limits.maxDimension() + " pixels per side, "
                    + limits.maxBands() + " bands)");
        }
        if ((long) x * y > Integer.MAX_VALUE) {
            throw new InvalidDataException(file, where + "array of shape " + h.shapeString()
                    + " has more pixels per band than a Java array holds");
        }
        if (!limits.allows(h.dataBytes())) {
            throw new InvalidDataException(file, where + "array of shape " + h.shapeString() + " needs "
                    + h.dataBytes() + " bytes, more than the decode limit of " + limits.maxOutputBytes());
        }
        RasterMetadata m = RasterMetadata.of(type, c, y, x);
        // logical axes (after dropping leading 1s) and their strides in the raster
        List<Integer> s = h.shape();
        int nd = s.size();
        int[] lbs = new int[Math.max(nd, 1)];
        int[] lps = new int[Math.max(nd, 1)];
        int[] ldim = new int[Math.max(nd, 1)];
        if (nd == 0) {
            ldim[0] = 1;
        }
        for (int a = 0; a < nd; a++) {
            ldim[a] = s.get(a);
        }
        int eff = Math.min(nd, 3);                         // leading axes beyond 3 have size 1 (checked above)
        int first = nd - eff;
        if (eff == 1) {
            lps[first] = 1;
        } else if (eff == 2) {
            lps[first] = x;
            lps[first + 1] = 1;
        } else if (eff == 3) {
            if (layout == NdArray.Layout.CHANNELS_LAST) {
                lps[first] = x;
                lps[first + 1] = 1;
                lbs[first + 2] = 1;
            } else {
                lbs[first] = 1;
                lps[first + 1] = x;
                lps[first + 2] = 1;
            }
        }
        int k = ldim.length;
        int[] dims = new int[k];
        int[] bs = new int[k];
        int[] ps = new int[k];
        for (int j = 0; j < k; j++) {
            int a = h.fortranOrder() ? j : k - 1 - j;       // storage axis j (fastest first) is logical axis a
            dims[j] = ldim[a];
            bs[j] = lbs[a];
            ps[j] = lps[a];
        }
        return new RasterScatter(h, m, dims, bs, ps);
    }

    /** Elements still expected. */
    long remaining() {
        return remaining;
    }

    /** Bytes still expected. */
    long remainingBytes() {
        return remaining * item - carried;
    }

    /** Consumes {@code len} bytes of element data; bytes past the last element are ignored. */
    void accept(byte[] src, int off, int len) {
        if (carried > 0) {
            int n = Math.min(item - carried, len);
            System.arraycopy(src, off, carry, carried, n);
            carried += n;
            off += n;
            len -= n;
            if (carried < item) {
                return;
            }
            carried = 0;
            run(carry, 0, 1);
        }
        long whole = Math.min(len / item, remaining);
        int p = off;
        while (whole > 0) {
            if (channelsLastFloat && counter[0] == 0 && whole >= dims[0]) {
                // whole pixels of a channels-last float array: all channels of a pixel in one go
                int k = (int) Math.min(dims[1] - counter[1], whole / dims[0]);
                pixels(src, p, k);
                p += k * dims[0] * item;
                whole -= (long) k * dims[0];
                continue;
            }
            int run = (int) Math.min(whole, dims[0] - counter[0]);
            run(src, p, run);
            p += run * item;
            whole -= run;
        }
        int rest = off + len - p;
        if (remaining > 0 && rest > 0) {
            int n = Math.min(rest, item);
            System.arraycopy(src, p, carry, 0, n);
            carried = n;
        }
    }

    /** Stores {@code n} elements that lie along the fastest axis without wrapping it (or one element). */
    private void run(byte[] src, int p, int n) {
        int bs = bandStride[0];
        int ps = pixelStride[0];
        int b = band;
        int px = pixel;
        switch (dtype) {
            case BOOL -> {
                for (int i = 0; i < n; i++, p++, b += bs, px += ps) {
                    b8[b][px] = (byte) (src[p] != 0 ? 1 : 0);
                }
            }
            case UINT8, INT8 -> {
                if (bs == 0 && ps == 1) {
                    System.arraycopy(src, p, b8[b], px, n);
                } else {
                    for (int i = 0; i < n; i++, p++, b += bs, px += ps) {
                        b8[b][px] = src[p];
                    }
                }
            }
            case UINT16, INT16 -> {
                for (int i = 0; i < n; i++, p += 2, b += bs, px += ps) {
                    b16[b][px] = big ? (short) S_BE.get(src, p) : (short) S_LE.get(src, p);
                }
            }
            case UINT32, INT32 -> {
                for (int i = 0; i < n; i++, p += 4, b += bs, px += ps) {
                    b32[b][px] = big ? (int) I_BE.get(src, p) : (int) I_LE.get(src, p);
                }
            }
            case FLOAT32 -> {
                if (big) {
                    for (int i = 0; i < n; i++, p += 4, b += bs, px += ps) {
                        f32[b][px] = (float) F_BE.get(src, p);
                    }
                } else {
                    for (int i = 0; i < n; i++, p += 4, b += bs, px += ps) {
                        f32[b][px] = (float) F_LE.get(src, p);
                    }
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < n; i++, p += 8, b += bs, px += ps) {
                    f64[b][px] = big ? (double) D_BE.get(src, p) : (double) D_LE.get(src, p);
                }
            }
            default -> throw new IllegalStateException("no raster type for " + dtype);
        }
        remaining -= n;
        counter[0] += n;
        band += n * bs;
        pixel += n * ps;
        wrap(0);
    }

    /**
     * Stores {@code k} whole pixels of a channels-last float32 array (fastest axis: the channels, then columns),
     * starting at a pixel boundary, without wrapping the column axis.
     */
    private void pixels(byte[] src, int p, int k) {
        int c = dims[0];
        int px = pixel;
        if (c == 4 && !big) {
            // OpenSentinelMap's gsd_10: four bands, their arrays hoisted out of the loop
            float[] f0 = f32[0];
            float[] f1 = f32[1];
            float[] f2 = f32[2];
            float[] f3 = f32[3];
            for (int i = 0; i < k; i++, px++, p += 16) {
                f0[px] = (float) F_LE.get(src, p);
                f1[px] = (float) F_LE.get(src, p + 4);
                f2[px] = (float) F_LE.get(src, p + 8);
                f3[px] = (float) F_LE.get(src, p + 12);
            }
        } else if (c == 3 && !big) {
            float[] f0 = f32[0];
            float[] f1 = f32[1];
            float[] f2 = f32[2];
            for (int i = 0; i < k; i++, px++, p += 12) {
                f0[px] = (float) F_LE.get(src, p);
                f1[px] = (float) F_LE.get(src, p + 4);
                f2[px] = (float) F_LE.get(src, p + 8);
            }
        } else if (big) {
            for (int i = 0; i < k; i++, px++) {
                for (int b = 0; b < c; b++, p += 4) {
                    f32[b][px] = (float) F_BE.get(src, p);
                }
            }
        } else {
            for (int i = 0; i < k; i++, px++) {
                for (int b = 0; b < c; b++, p += 4) {
                    f32[b][px] = (float) F_LE.get(src, p);
                }
            }
        }
        remaining -= (long) k * c;
        counter[1] += k;
        pixel += k;
        wrap(1);
    }

    /** Carries a full axis {@code from} (and any above it) over to the next one. */
    private void wrap(int from) {
        for (int a = from; a < dims.length && counter[a] == dims[a]; a++) {
            band -= bandStride[a] * dims[a];
            pixel -= pixelStride[a] * dims[a];
            counter[a] = 0;
            if (a + 1 < dims.length) {
                counter[a + 1]++;
                band += bandStride[a + 1];
                pixel += pixelStride[a + 1];
            }
        }
    }

    /** The raster, once every element has arrived. */
    Raster raster() {
        if (remaining != 0) {
            throw new IllegalStateException(remaining + " elements missing");
        }
        return switch (metadata.dataType()) {
            case UINT8, INT8 -> ByteRaster.wrap(metadata, b8);
            case UINT16, INT16 -> ShortRaster.wrap(metadata, b16);
            case UINT32, INT32 -> IntRaster.wrap(metadata, b32);
            case FLOAT32 -> FloatRaster.wrap(metadata, f32);
            case FLOAT64 -> DoubleRaster.wrap(metadata, f64);
        };
    }
}
