package org.landcover4j.core.raster;

/**
 * A raster of 8-bit samples stored in {@code byte[]} band arrays ({@link DataType#UINT8}, read 0..255, or {@link DataType#INT8}).
 *
 * <p>See {@link Raster} for layout, copy and view semantics. Immutable and thread-safe.
 *
 * {@snippet :
 * var r = ByteRaster.zeros(DataType.UINT8, 2, 64, 64);
 * r.get(0, 10, 10);        // 0
 * byte[] band = r.copyBand(1); // a copy; changing it leaves r unchanged
 * }
 */
public final class ByteRaster extends AbstractRaster<byte[]> implements Raster {

    private ByteRaster(RasterMetadata metadata, byte[][] data) {
        super(metadata, data, byte.class, DataType.UINT8, DataType.INT8);
    }

    /**
     * Wraps band arrays without copying; the raster takes ownership, so the caller must not change them.
     *
     * @throws IllegalArgumentException if the type does not fit or an array has the wrong length
     */
    public static ByteRaster wrap(RasterMetadata metadata, byte[]... bands) {
        return new ByteRaster(metadata, bands.clone());
    }

    /** Copies the band arrays into a new raster. */
    public static ByteRaster copyOf(RasterMetadata metadata, byte[]... bands) {
        return new ByteRaster(metadata, deepCopy(bands));
    }

    /** A raster of zeros with no georeference. */
    public static ByteRaster zeros(DataType type, int bands, int height, int width) {
        RasterMetadata m = RasterMetadata.of(type, bands, height, width);
        byte[][] data = new byte[bands][m.pixelsPerBand()];
        return new ByteRaster(m, data);
    }

    /** The sample at ({@code band}, {@code row}, {@code col}), unsigned for UINT8. */
    public int get(int band, int row, int col) {
        byte v = data[band][index(band, row, col)];
        return metadata.dataType() == DataType.UINT8 ? v & 0xFF : v;
    }

    @Override
    public double getDouble(int band, int row, int col) {
        return get(band, row, col);
    }

    /** A fresh copy of one band's samples (raw storage values; unsigned types keep their bit pattern). */
    public byte[] copyBand(int band) {
        return copyOfBand(band);
    }

    /**
     * The live storage of one band, for kernels and codecs that only read it. Changing the array changes this
     * raster and every raster that shares the band; use {@link #copyBand(int)} unless you need to avoid the copy.
     */
    public byte[] unsafeBandArray(int band) {
        return data[java.util.Objects.checkIndex(band, data.length)];
    }

    @Override
    public ByteRaster window(Window window) {
        return new ByteRaster(metadata.forWindow(window), windowData(window));
    }

    @Override
    public ByteRaster selectBands(int... bands) {
        return new ByteRaster(metadata.forBands(bands), selectData(bands));
    }

    @Override
    public ByteRaster withMetadata(RasterMetadata newMetadata) {
        return new ByteRaster(checkSameShape(newMetadata), data);
    }
}
