package org.landcover4j.core.tile;

import java.util.Objects;
import java.util.Optional;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.Window;
import org.locationtech.jts.geom.Polygon;

/**
 * One tile of a {@link TileGrid}: its place in the grid, the pixels it reads and where it lies on the Earth.
 *
 * <p>{@link #window()} is the part of the raster the tile reads; it always lies inside the raster. A tile cut
 * with {@link EdgePolicy#PAD} at the right or bottom edge is larger than its window: {@link #padRight()} columns
 * and {@link #padBottom()} rows past the raster edge are padding, filled with nodata by
 * {@link Tiles#cut(org.landcover4j.core.raster.Raster, Tile)}. {@link #extent()} is the whole tile, padding
 * included, in the raster's pixel coordinates (it may reach past the raster).
 *
 * <p>The georeference, when the raster has one, is the raster's moved to the tile's upper-left corner
 * ({@link GeoReference#forWindow(int, int)}); the footprint is the whole tile's (padding included), as written
 * by a chip writer; {@link #dataFootprint()} covers only the pixels read from the raster.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * Tile t = TileGrid.of(300, 300).size(256).edge(EdgePolicy.PAD).tile(1, 1);
 * t.window();      // Window[x=256, y=256, width=44, height=44]
 * t.padRight();    // 212
 * t.extent();      // Window[x=256, y=256, width=256, height=256]
 * }
 *
 * @param index        position in the grid's row-major order, from 0
 * @param row          grid row, from 0 (top)
 * @param col          grid column, from 0 (left)
 * @param window       the raster pixels the tile reads (inside the raster)
 * @param padRight     columns of padding past the raster's right edge (0 unless {@link EdgePolicy#PAD})
 * @param padBottom    rows of padding past the raster's bottom edge (0 unless {@link EdgePolicy#PAD})
 * @param geoReference the tile's georeference, empty when the raster has none
 */
public record Tile(int index, int row, int col, Window window, int padRight, int padBottom,
                   Optional<GeoReference> geoReference) {

    /** Validates the components. */
    public Tile {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(geoReference, "geoReference (use Optional.empty())");
        if (index < 0 || row < 0 || col < 0) {
            throw new IllegalArgumentException("tile index, row and column must be non-negative, got index=" + index
                    + ", row=" + row + ", col=" + col);
        }
        if (padRight < 0 || padBottom < 0) {
            throw new IllegalArgumentException("padding must be non-negative, got right=" + padRight
                    + ", bottom=" + padBottom);
        }
        if ((long) window.width() + padRight > Integer.MAX_VALUE || (long) window.height() + padBottom > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tile size overflows int: " + window + " + pad " + padRight + "x" + padBottom);
        }
    }

    /** Columns of the tile, padding included. */
    public int width() {
        return window.width() + padRight;
    }

    /** Rows of the tile, padding included. */
    public int height() {
        return window.height() + padBottom;
    }

    /** Whether part of the tile lies past the raster edge. */
    public boolean isPadded() {
        return padRight > 0 || padBottom > 0;
    }

    /** The whole tile in raster pixel coordinates, padding included (may reach past the raster). */
    public Window extent() {
        return isPadded() ? Window.of(window.x(), window.y(), width(), height()) : window;
    }

    /** The tile's footprint (padding included) as a JTS polygon in the raster's CRS, when georeferenced. */
    public Optional<Polygon> footprint() {
        return geoReference.map(g -> g.footprint(width(), height()));
    }

    /** The footprint of the pixels read from the raster (padding excluded), when georeferenced. */
    public Optional<Polygon> dataFootprint() {
        return geoReference.map(g -> g.footprint(window.width(), window.height()));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tile[").append(index).append(" (row ").append(row).append(", col ")
                .append(col).append("), x=").append(window.x()).append(", y=").append(window.y()).append(", ")
                .append(window.width()).append('x').append(window.height());
        if (isPadded()) {
            sb.append(" + pad ").append(padRight).append('x').append(padBottom);
        }
        geoReference.ifPresent(g -> sb.append(", origin=(").append(g.transform().originX()).append(", ")
                .append(g.transform().originY()).append(')'));
        return sb.append(']').toString();
    }
}
