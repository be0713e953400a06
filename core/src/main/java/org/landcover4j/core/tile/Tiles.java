package org.landcover4j.core.tile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.raster.Window;

/**
 * Cuts tiles out of an in-memory {@link Raster}, padding with nodata where a tile runs past the edge.
 *
 * <p>A cut allocates exactly the tile's own pixels ({@code bands * tile width * tile height} samples) and copies
 * each row of the tile's window once from the source band arrays; the padding is filled in place. There is no
 * intermediate copy of the window or of the raster. The result has the tile's size, the raster's type, band names
 * and nodata, and the georeference moved to the tile's corner.
 *
 * <p>Padding uses each band's declared nodata. {@link #cut(Raster, Tile, double)} supplies a fill value for bands
 * that declare none and declares it as their nodata in the result. A tile that needs no padding is the same as
 * {@code raster.window(tile.window())}.
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * var grid = TileGrid.of(label.metadata()).size(256).edge(EdgePolicy.PAD);
 * for (Tile t : grid.tiles()) {
 *     Raster chip = Tiles.cut(label, t);         // 256x256, nodata past the edge
 * }
 * }
 */
public final class Tiles {
    private Tiles() {
    }

    /**
     * Cuts {@code tile} out of {@code raster}; padding (if any) is filled with each band's declared nodata.
     *
     * @throws IllegalArgumentException if the tile's window is not inside the raster, or the tile is padded and a
     *                                  band declares no nodata (use {@link #cut(Raster, Tile, double)})
     */
    public static Raster cut(Raster raster, Tile tile) {
        return cut(raster, tile, OptionalDouble.empty());
    }

    /**
     * Cuts {@code tile} out of {@code raster}; padding is filled with each band's nodata, or with {@code fill} for
     * bands that declare none (the result then declares {@code fill} as their nodata).
     *
     * @throws IllegalArgumentException if the tile's window is not inside the raster, or {@code fill} is not a
     *                                  value of the raster's data type
     */
    public static Raster cut(Raster raster, Tile tile, double fill) {
        return cut(raster, tile, OptionalDouble.of(fill));
    }

    private static Raster cut(Raster raster, Tile tile, OptionalDouble fill) {
        Objects.requireNonNull(raster, "raster");
        Objects.requireNonNull(tile, "tile");
        RasterMetadata m = raster.metadata();
        Window w = tile.window();
        if (!w.isWithin(m.width(), m.height())) {
            throw new IllegalArgumentException(tile + " reads " + w + ", which is not inside the raster of "
                    + m.width() + "x" + m.height());
        }
        if (!tile.isPadded()) {
            return raster.window(w);
        }
        if (w.endX() != m.width() && tile.padRight() > 0 || w.endY() != m.height() && tile.padBottom() > 0) {
            throw new IllegalArgumentException(tile + " is padded but does not reach the edge of the raster of "
                    + m.width() + "x" + m.height() + "; was it made for another raster?");
        }
        double[] fills = new double[m.bands()];
        List<OptionalDouble> nodata = new ArrayList<>(m.nodata());
        for (int b = 0; b < fills.length; b++) {
            OptionalDouble nd = m.nodata().get(b);
            if (nd.isPresent()) {
                fills[b] = requireRepresentable(m.dataType(), nd.getAsDouble(), "declared nodata of band " + b);
            } else if (fill.isPresent()) {
                fills[b] = requireRepresentable(m.dataType(), fill.getAsDouble(), "fill value");
                nodata.set(b, fill);
            } else {
                throw new IllegalArgumentException("band " + b + " (" + m.bandNames().get(b) + ") declares no nodata "
                        + "to pad " + tile + " with; give a fill value: Tiles.cut(raster, tile, fill)");
            }
        }
        RasterMetadata out = m.withSize(tile.height(), tile.width()).withNodata(nodata);
        if (m.geoReference().isPresent()) {
            out = out.withGeoReference(m.geoReference().get().forWindow(w.x(), w.y()));
        }
        int srcWidth = m.width();
        int tw = tile.width();
        int n = Math.multiplyExact(tw, tile.height());
        return switch (raster) {
            case ByteRaster r -> {
                byte[][] bands = new byte[m.bands()][];
                for (int b = 0; b < bands.length; b++) {
                    byte[] dst = new byte[n];
                    copyRows(r.unsafeBandArray(b), srcWidth, w, dst, tw);
                    byte v = (byte) (long) fills[b];
                    for (int row = 0; row < w.height(); row++) {
                        Arrays.fill(dst, row * tw + w.width(), (row + 1) * tw, v);
                    }
                    Arrays.fill(dst, w.height() * tw, n, v);
                    bands[b] = dst;
                }
                yield ByteRaster.wrap(out, bands);
            }
            case ShortRaster r -> {
                short[][] bands = new short[m.bands()][];
                for (int b = 0; b < bands.length; b++) {
                    short[] dst = new short[n];
                    copyRows(r.unsafeBandArray(b), srcWidth, w, dst, tw);
                    short v = (short) (long) fills[b];
                    for (int row = 0; row < w.height(); row++) {
                        Arrays.fill(dst, row * tw + w.width(), (row + 1) * tw, v);
                    }
                    Arrays.fill(dst, w.height() * tw, n, v);
                    bands[b] = dst;
                }
                yield ShortRaster.wrap(out, bands);
            }
            case IntRaster r -> {
                int[][] bands = new int[m.bands()][];
                for (int b = 0; b < bands.length; b++) {
                    int[] dst = new int[n];
                    copyRows(r.unsafeBandArray(b), srcWidth, w, dst, tw);
                    int v = (int) (long) fills[b];
                    for (int row = 0; row < w.height(); row++) {
                        Arrays.fill(dst, row * tw + w.width(), (row + 1) * tw, v);
                    }
                    Arrays.fill(dst, w.height() * tw, n, v);
                    bands[b] = dst;
                }
                yield IntRaster.wrap(out, bands);
            }
            case FloatRaster r -> {
                float[][] bands = new float[m.bands()][];
                for (int b = 0; b < bands.length; b++) {
                    float[] dst = new float[n];
                    copyRows(r.unsafeBandArray(b), srcWidth, w, dst, tw);
                    float v = (float) fills[b];
                    for (int row = 0; row < w.height(); row++) {
                        Arrays.fill(dst, row * tw + w.width(), (row + 1) * tw, v);
                    }
                    Arrays.fill(dst, w.height() * tw, n, v);
                    bands[b] = dst;
                }
                yield FloatRaster.wrap(out, bands);
            }
            case DoubleRaster r -> {
                double[][] bands = new double[m.bands()][];
                for (int b = 0; b < bands.length; b++) {
                    double[] dst = new double[n];
                    copyRows(r.unsafeBandArray(b), srcWidth, w, dst, tw);
                    double v = fills[b];
                    for (int row = 0; row < w.height(); row++) {
                        Arrays.fill(dst, row * tw + w.width(), (row + 1) * tw, v);
                    }
                    Arrays.fill(dst, w.height() * tw, n, v);
                    bands[b] = dst;
                }
                yield DoubleRaster.wrap(out, bands);
            }
        };
    }

    private static void copyRows(Object src, int srcWidth, Window w, Object dst, int dstWidth) {
        for (int row = 0; row < w.height(); row++) {
            System.arraycopy(src, (w.y() + row) * srcWidth + w.x(), dst, row * dstWidth, w.width());
        }
    }

    /** Checks that {@code v} is a value of {@code type} (integral and in range for integer types). */
    private static double requireRepresentable(DataType type, double v, String what) {
        if (type.isInteger() && (v != Math.rint(v) || v < type.minValue() || v > type.maxValue())) {
            throw new IllegalArgumentException(what + " " + v + " is not a " + type + " value (" + (long) type.minValue()
                    + ".." + (long) type.maxValue() + ")");
        }
        return v;
    }
}
