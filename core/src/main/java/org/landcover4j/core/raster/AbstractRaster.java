package org.landcover4j.core.raster;

import java.lang.reflect.Array;
import java.util.Objects;

/**
 * Shared plumbing of the typed rasters: validation, window copies and band selection over any primitive array
 * type. {@code A} is the primitive array type of one band ({@code byte[]}, {@code short[]}, ...).
 */
abstract class AbstractRaster<A> {
    final RasterMetadata metadata;
    final A[] data;

    AbstractRaster(RasterMetadata metadata, A[] data, Class<?> component, DataType... allowed) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.data = Objects.requireNonNull(data, "data");
        boolean ok = false;
        for (DataType t : allowed) {
            ok |= t == metadata.dataType();
        }
        if (!ok) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " cannot hold " + metadata.dataType()
                    + " samples; allowed: " + java.util.Arrays.toString(allowed));
        }
        if (data.length != metadata.bands()) {
            throw new IllegalArgumentException("metadata says " + metadata.bands() + " bands, got " + data.length + " arrays");
        }
        int n = metadata.pixelsPerBand();
        for (int b = 0; b < data.length; b++) {
            Object band = Objects.requireNonNull(data[b], "band array " + b);
            if (band.getClass().getComponentType() != component) {
                throw new IllegalArgumentException("band " + b + " is a " + band.getClass().getSimpleName()
                        + ", expected " + component.getName() + "[]");
            }
            if (Array.getLength(band) != n) {
                throw new IllegalArgumentException("band " + b + " has " + Array.getLength(band) + " samples, expected "
                        + metadata.width() + "x" + metadata.height() + " = " + n);
            }
        }
    }

    public RasterMetadata metadata() {
        return metadata;
    }

    final int index(int band, int row, int col) {
        Objects.checkIndex(band, metadata.bands());
        Objects.checkIndex(row, metadata.height());
        Objects.checkIndex(col, metadata.width());
        return row * metadata.width() + col;
    }

    @SuppressWarnings("unchecked")
    final A[] windowData(Window w) {
        w.requireWithin(metadata.width(), metadata.height());
        int width = metadata.width();
        A[] out = (A[]) Array.newInstance(data.getClass().getComponentType(), data.length);
        for (int b = 0; b < data.length; b++) {
            Object dst = Array.newInstance(data.getClass().getComponentType().getComponentType(), w.width() * w.height());
            for (int r = 0; r < w.height(); r++) {
                System.arraycopy(data[b], (w.y() + r) * width + w.x(), dst, r * w.width(), w.width());
            }
            out[b] = (A) dst;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    final A[] selectData(int... bands) {
        A[] out = (A[]) Array.newInstance(data.getClass().getComponentType(), bands.length);
        for (int i = 0; i < bands.length; i++) {
            out[i] = data[Objects.checkIndex(bands[i], data.length)];
        }
        return out;
    }

    final RasterMetadata checkSameShape(RasterMetadata m) {
        if (m.dataType() != metadata.dataType() || m.bands() != metadata.bands()
                || m.height() != metadata.height() || m.width() != metadata.width()) {
            throw new IllegalArgumentException("new metadata " + m + " does not match the pixels " + metadata);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    final A copyOfBand(int band) {
        A src = data[Objects.checkIndex(band, data.length)];
        int n = Array.getLength(src);
        A dst = (A) Array.newInstance(src.getClass().getComponentType(), n);
        System.arraycopy(src, 0, dst, 0, n);
        return dst;
    }

    @SuppressWarnings("unchecked")
    static <A> A[] deepCopy(A[] bands) {
        A[] out = (A[]) Array.newInstance(bands.getClass().getComponentType(), bands.length);
        for (int b = 0; b < bands.length; b++) {
            int n = Array.getLength(bands[b]);
            A dst = (A) Array.newInstance(bands[b].getClass().getComponentType(), n);
            System.arraycopy(bands[b], 0, dst, 0, n);
            out[b] = dst;
        }
        return out;
    }

    public final double[] bandAsDouble(int band) {
        Objects.checkIndex(band, metadata.bands());
        int n = metadata.pixelsPerBand();
        double[] out = new double[n];
        int w = metadata.width();
        for (int i = 0; i < n; i++) {
            out[i] = getDouble(band, i / w, i % w);
        }
        return out;
    }

    public abstract double getDouble(int band, int row, int col);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + metadata + "]";
    }
}
