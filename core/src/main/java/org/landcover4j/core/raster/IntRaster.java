package org.landcover4j.core.raster;

/**
 * A raster of 32-bit integer samples stored in {@code int[]} band arrays ({@link DataType#UINT32}, read 0..4294967295, or {@link DataType#INT32}).
 *
 * <p>See {@link Raster} for layout, copy and view semantics. Immutable and thread-safe.
 *
 * {@snippet :
 * var r = IntRaster.zeros(DataType.INT32, 2, 64, 64);
 * r.get(0, 10, 10);        // 0
 * int[] band = r.copyBand(1); // a copy; changing it leaves r unchanged
 * }
 */
public final class IntRaster extends AbstractRaster<int[]> implements Raster {

    private IntRaster(RasterMetadata metadata, int[][] data) {
        super(metadata, data, int.class, DataType.UINT32, DataType.INT32);
    }

    /**
     * Wraps band arrays without copying; the raster takes ownership, so the caller must not change them.
     *
     * @throws IllegalArgumentException if the type does not fit or an array has the wrong length
     */
    public static IntRaster wrap(RasterMetadata metadata, int[]... bands) {
        return new IntRaster(metadata, bands.clone());
    }

    /** Copies the band arrays into a new raster. */
    public static IntRaster copyOf(RasterMetadata metadata, int[]... bands) {
        return new IntRaster(metadata, deepCopy(bands));
    }

    /** A raster of zeros with no georeference. */
    public static IntRaster zeros(DataType type, int bands, int height, int width) {
        RasterMetadata m = RasterMetadata.of(type, bands, height, width);
        int[][] data = new int[bands][m.pixelsPerBand()];
        return new IntRaster(m, data);
    }

    /** The sample at ({@code band}, {@code row}, {@code col}), unsigned for UINT32. */
    public long get(int band, int row, int col) {
        int v = data[band][index(band, row, col)];
        return metadata.dataType() == DataType.UINT32 ? Integer.toUnsignedLong(v) : v;
    }

    @Override
    public double getDouble(int band, int row, int col) {
        return get(band, row, col);
    }

    /** A fresh copy of one band's samples (raw storage values; unsigned types keep their bit pattern). */
    public int[] copyBand(int band) {
        return copyOfBand(band);
    }

    /**
     * The live storage of one band, for kernels and codecs that only read it. Changing the array changes this
     * raster and every raster that shares the band; use {@link #copyBand(int)} unless you need to avoid the copy.
     */
    public int[] unsafeBandArray(int band) {
        return data[java.util.Objects.checkIndex(band, data.length)];
    }

    @Override
    public IntRaster window(Window window) {
        return new IntRaster(metadata.forWindow(window), windowData(window));
    }

    @Override
    public IntRaster selectBands(int... bands) {
        return new IntRaster(metadata.forBands(bands), selectData(bands));
    }

    @Override
    public IntRaster withMetadata(RasterMetadata newMetadata) {
        return new IntRaster(checkSameShape(newMetadata), data);
    }
}
