package org.landcover4j.core.raster;

/**
 * A raster of {@link DataType#FLOAT64} samples stored in {@code double[]} band arrays.
 *
 * <p>See {@link Raster} for layout, copy and view semantics. Immutable and thread-safe.
 *
 * {@snippet :
 * var r = DoubleRaster.zeros(DataType.FLOAT64, 2, 64, 64);
 * r.get(0, 10, 10);        // 0.0
 * double[] band = r.copyBand(1); // a copy; changing it leaves r unchanged
 * }
 */
public final class DoubleRaster extends AbstractRaster<double[]> implements Raster {

    private DoubleRaster(RasterMetadata metadata, double[][] data) {
        super(metadata, data, double.class, DataType.FLOAT64);
    }

    /**
     * Wraps band arrays without copying; the raster takes ownership, so the caller must not change them.
     *
     * @throws IllegalArgumentException if the type does not fit or an array has the wrong length
     */
    public static DoubleRaster wrap(RasterMetadata metadata, double[]... bands) {
        return new DoubleRaster(metadata, bands.clone());
    }

    /** Copies the band arrays into a new raster. */
    public static DoubleRaster copyOf(RasterMetadata metadata, double[]... bands) {
        return new DoubleRaster(metadata, deepCopy(bands));
    }

    /** A raster of zeros with no georeference. */
    public static DoubleRaster zeros(DataType type, int bands, int height, int width) {
        RasterMetadata m = RasterMetadata.of(type, bands, height, width);
        double[][] data = new double[bands][m.pixelsPerBand()];
        return new DoubleRaster(m, data);
    }

    /** The sample at ({@code band}, {@code row}, {@code col}), NaN included. */
    public double get(int band, int row, int col) {
        double v = data[band][index(band, row, col)];
        return v;
    }

    @Override
    public double getDouble(int band, int row, int col) {
        return get(band, row, col);
    }

    /** A fresh copy of one band's samples (raw storage values; unsigned types keep their bit pattern). */
    public double[] copyBand(int band) {
        return copyOfBand(band);
    }

    /**
     * The live storage of one band, for kernels and codecs that only read it. Changing the array changes this
     * raster and every raster that shares the band; use {@link #copyBand(int)} unless you need to avoid the copy.
     */
    public double[] unsafeBandArray(int band) {
        return data[java.util.Objects.checkIndex(band, data.length)];
    }

    @Override
    public DoubleRaster window(Window window) {
        return new DoubleRaster(metadata.forWindow(window), windowData(window));
    }

    @Override
    public DoubleRaster selectBands(int... bands) {
        return new DoubleRaster(metadata.forBands(bands), selectData(bands));
    }

    @Override
    public DoubleRaster withMetadata(RasterMetadata newMetadata) {
        return new DoubleRaster(checkSameShape(newMetadata), data);
    }
}
