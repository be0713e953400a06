package org.landcover4j.core.raster;

/**
 * A raster of {@link DataType#FLOAT32} samples stored in {@code float[]} band arrays.
 *
 * <p>See {@link Raster} for layout, copy and view semantics. Immutable and thread-safe.
 *
 * {@snippet :
 * var r = FloatRaster.zeros(DataType.FLOAT32, 2, 64, 64);
 * r.get(0, 10, 10);        // 0.0f
 * float[] band = r.copyBand(1); // a copy; changing it leaves r unchanged
 * }
 */
public final class FloatRaster extends AbstractRaster<float[]> implements Raster {

    private FloatRaster(RasterMetadata metadata, float[][] data) {
        super(metadata, data, float.class, DataType.FLOAT32);
    }

    /**
     * Wraps band arrays without copying; the raster takes ownership, so the caller must not change them.
     *
     * @throws IllegalArgumentException if the type does not fit or an array has the wrong length
     */
    public static FloatRaster wrap(RasterMetadata metadata, float[]... bands) {
        return new FloatRaster(metadata, bands.clone());
    }

    /** Copies the band arrays into a new raster. */
    public static FloatRaster copyOf(RasterMetadata metadata, float[]... bands) {
        return new FloatRaster(metadata, deepCopy(bands));
    }

    /** A raster of zeros with no georeference. */
    public static FloatRaster zeros(DataType type, int bands, int height, int width) {
        RasterMetadata m = RasterMetadata.of(type, bands, height, width);
        float[][] data = new float[bands][m.pixelsPerBand()];
        return new FloatRaster(m, data);
    }

    /** The sample at ({@code band}, {@code row}, {@code col}), NaN included. */
    public float get(int band, int row, int col) {
        float v = data[band][index(band, row, col)];
        return v;
    }

    @Override
    public double getDouble(int band, int row, int col) {
        return get(band, row, col);
    }

    /** A fresh copy of one band's samples (raw storage values; unsigned types keep their bit pattern). */
    public float[] copyBand(int band) {
        return copyOfBand(band);
    }

    /**
     * The live storage of one band, for kernels and codecs that only read it. Changing the array changes this
     * raster and every raster that shares the band; use {@link #copyBand(int)} unless you need to avoid the copy.
     */
    public float[] unsafeBandArray(int band) {
        return data[java.util.Objects.checkIndex(band, data.length)];
    }

    @Override
    public FloatRaster window(Window window) {
        return new FloatRaster(metadata.forWindow(window), windowData(window));
    }

    @Override
    public FloatRaster selectBands(int... bands) {
        return new FloatRaster(metadata.forBands(bands), selectData(bands));
    }

    @Override
    public FloatRaster withMetadata(RasterMetadata newMetadata) {
        return new FloatRaster(checkSameShape(newMetadata), data);
    }
}
