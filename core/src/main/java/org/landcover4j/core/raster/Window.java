package org.landcover4j.core.raster;

/**
 * A rectangle of pixels: column {@code x}, row {@code y}, {@code width} columns and {@code height} rows.
 *
 * <p>Immutable; validated on construction (non-negative origin, positive size, no {@code int} overflow).
 *
 * {@snippet :
 * var w = Window.of(128, 0, 256, 256);
 * w.pixels();          // 65536
 * w.endX();            // 384 (exclusive)
 * }
 */
public record Window(int x, int y, int width, int height) {

    /** Validates the window. */
    public Window {
        if (x < 0 || y < 0) {
            throw new IllegalArgumentException("window origin must be non-negative, got x=" + x + ", y=" + y);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("window size must be positive, got " + width + "x" + height);
        }
        if ((long) x + width > Integer.MAX_VALUE || (long) y + height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("window end overflows int: x=" + x + "+" + width + ", y=" + y + "+" + height);
        }
    }

    /** A window at ({@code x}, {@code y}) of the given size. */
    public static Window of(int x, int y, int width, int height) {
        return new Window(x, y, width, height);
    }

    /** The window covering a whole raster of {@code width} x {@code height}. */
    public static Window full(int width, int height) {
        return new Window(0, 0, width, height);
    }

    /** First column past the window. */
    public int endX() {
        return x + width;
    }

    /** First row past the window. */
    public int endY() {
        return y + height;
    }

    /** Number of pixels, as a long (never overflows). */
    public long pixels() {
        return (long) width * height;
    }

    /** Whether this window lies inside a raster of {@code rasterWidth} x {@code rasterHeight}. */
    public boolean isWithin(int rasterWidth, int rasterHeight) {
        return endX() <= rasterWidth && endY() <= rasterHeight;
    }

    /**
     * Checks that this window lies inside a raster of the given size.
     *
     * @throws IllegalArgumentException naming both sizes when it does not
     */
    public Window requireWithin(int rasterWidth, int rasterHeight) {
        if (!isWithin(rasterWidth, rasterHeight)) {
            throw new IllegalArgumentException(this + " is not inside a raster of " + rasterWidth + "x" + rasterHeight);
        }
        return this;
    }

    /** Whether the two windows share at least one pixel. */
    public boolean intersects(Window other) {
        return x < other.endX() && other.x < endX() && y < other.endY() && other.y < endY();
    }
}
