package org.landcover4j.core.raster;

/**
 * An affine pixel-to-world transform in GDAL's geotransform order.
 *
 * <p>For pixel column {@code c} and row {@code r} (pixel corner, not centre):
 * {@code x = originX + c*pixelWidth + r*rowRotation}, {@code y = originY + c*columnRotation + r*pixelHeight}.
 * A north-up raster has zero rotations and a negative {@code pixelHeight}.
 *
 * {@snippet :
 * var t = GeoTransform.northUp(399960.0, 1400040.0, 10.0);
 * t.toArray();            // [399960.0, 10.0, 0.0, 1400040.0, 0.0, -10.0]
 * t.forWindow(128, 128);  // origin moved by 1280 m east and south
 * }
 */
public record GeoTransform(double originX, double pixelWidth, double rowRotation,
                           double originY, double columnRotation, double pixelHeight) {

    /** Validates that every coefficient is finite and the transform is invertible. */
    public GeoTransform {
        for (double v : new double[] {originX, pixelWidth, rowRotation, originY, columnRotation, pixelHeight}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("geotransform coefficients must be finite, got " + v);
            }
        }
        if (pixelWidth * pixelHeight - rowRotation * columnRotation == 0) {
            throw new IllegalArgumentException("geotransform is not invertible: pixel width " + pixelWidth
                    + ", pixel height " + pixelHeight);
        }
    }

    /** A north-up transform with square pixels of {@code pixelSize} whose upper-left corner is at (x, y). */
    public static GeoTransform northUp(double originX, double originY, double pixelSize) {
        return new GeoTransform(originX, pixelSize, 0, originY, 0, -pixelSize);
    }

    /** Builds a transform from GDAL's six-element array. */
    public static GeoTransform fromArray(double[] gdal) {
        if (gdal.length != 6) {
            throw new IllegalArgumentException("a geotransform has 6 coefficients, got " + gdal.length);
        }
        return new GeoTransform(gdal[0], gdal[1], gdal[2], gdal[3], gdal[4], gdal[5]);
    }

    /** The six coefficients in GDAL order. */
    public double[] toArray() {
        return new double[] {originX, pixelWidth, rowRotation, originY, columnRotation, pixelHeight};
    }

    /** World x of pixel corner ({@code col}, {@code row}); fractional pixels allowed. */
    public double x(double col, double row) {
        return originX + col * pixelWidth + row * rowRotation;
    }

    /** World y of pixel corner ({@code col}, {@code row}); fractional pixels allowed. */
    public double y(double col, double row) {
        return originY + col * columnRotation + row * pixelHeight;
    }

    /** The transform of a window whose upper-left pixel is ({@code col}, {@code row}) of this raster. */
    public GeoTransform forWindow(int col, int row) {
        return new GeoTransform(x(col, row), pixelWidth, rowRotation, y(col, row), columnRotation, pixelHeight);
    }

    /** The transform of this raster resampled by {@code factor} (2 = pixels twice as large). */
    public GeoTransform scaled(double factor) {
        return new GeoTransform(originX, pixelWidth * factor, rowRotation * factor,
                originY, columnRotation * factor, pixelHeight * factor);
    }

    /** Whether the raster is north-up (no rotation, negative pixel height). */
    public boolean isNorthUp() {
        return rowRotation == 0 && columnRotation == 0 && pixelHeight < 0;
    }
}
