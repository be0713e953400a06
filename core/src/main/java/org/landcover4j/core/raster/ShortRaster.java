package org.landcover4j.core.raster;

/**
 * A raster of 16-bit samples stored in {@code short[]} band arrays ({@link DataType#UINT16}, read 0..65535, or {@link DataType#INT16}).
 *
 * <p>See {@link Raster} for layout, copy and view semantics. Immutable and thread-safe.
 *
 * {@snippet :
 * var r = ShortRaster.zeros(DataType.UINT16, 2, 64, 64);
 * r.get(0, 10, 10);        // 0
 * short[] band = r.copyBand(1); // a copy; changing it leaves r unchanged
 * }
 */
public final class ShortRaster extends AbstractRaster<short[]> implements Raster {

    private ShortRaster(RasterMetadata metadata, short[][] data) {
        super(metadata, data, short.class, DataType.UINT16, DataType.INT16);
    }

    /**
     * Wraps band arrays without copying; the raster takes ownership, so the caller must not change them.
     *
     * @throws IllegalArgumentException if the type does not fit or an array has the wrong length
     */
    public static ShortRaster wrap(RasterMetadata metadata, short[]... bands) {
        return new ShortRaster(metadata, bands.clone());
    }

    /** Copies the band arrays into a new raster. */
    public static ShortRaster copyOf(RasterMetadata metadata, short[]... bands) {
        return new ShortRaster(metadata, deepCopy(bands));
    }

    /** A raster of zeros with no georeference. */
    public static ShortRaster zeros(DataType type, int bands, int height, int width) {
        RasterMetadata m = RasterMetadata.of(type, bands, height, width);
        short[][] data = new short[bands][m.pixelsPerBand()];
        return new ShortRaster(m, data);
    }

    /** The sample at ({@code band}, {@code row}, {@code col}), unsigned for UINT16. */
    public int get(int band, int row, int col) {
        short v = data[band][index(band, row, col)];
        return metadata.dataType() == DataType.UINT16 ? v & 0xFFFF : v;
    }

    @Override
    public double getDouble(int band, int row, int col) {
        return get(band, row, col);
    }

    /** A fresh copy of one band's samples (raw storage values; unsigned types keep their bit pattern). */
    public short[] copyBand(int band) {
        return copyOfBand(band);
    }

    /**
     * The live storage of one band, for kernels and codecs that only read it. Changing the array changes this
     * raster and every raster that shares the band; use {@link #copyBand(int)} unless you need to avoid the copy.
     */
    public short[] unsafeBandArray(int band) {
        return data[java.util.Objects.checkIndex(band, data.length)];
    }

    @Override
    public ShortRaster window(Window window) {
        return new ShortRaster(metadata.forWindow(window), windowData(window));
    }

    @Override
    public ShortRaster selectBands(int... bands) {
        return new ShortRaster(metadata.forBands(bands), selectData(bands));
    }

    @Override
    public ShortRaster withMetadata(RasterMetadata newMetadata) {
        return new ShortRaster(checkSameShape(newMetadata), data);
    }
}
