package org.landcover4j.core.tile;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.Window;

/**
 * A regular grid of tiles over a raster of any size: tile size, stride (or overlap) and an {@link EdgePolicy}.
 *
 * <p>Tiles start at column {@code 0, strideX, 2*strideX, ...} and row {@code 0, strideY, ...}, are numbered in
 * row-major order, and are computed on demand (the grid stores no tiles). The number of tiles per axis follows
 * the edge policy (formulas on {@link EdgePolicy}); {@link #count(int, int, int, EdgePolicy)} gives it for one
 * axis. The defaults are a stride equal to the tile size (no overlap) and {@link EdgePolicy#DROP}.
 *
 * <p>A grid is an immutable value: every {@code size}, {@code stride}, {@code overlap}, {@code edge} and
 * {@code georeferenced} call returns a new grid. The combination is checked when tiles are asked for, so the
 * calls may come in any order; a tile larger than the raster with {@link EdgePolicy#DROP} or
 * {@link EdgePolicy#SHIFT} is an {@link IllegalArgumentException} naming both sizes. Thread-safe.
 *
 * <p>The datasets' own patching, one line each:
 * {@snippet :
 * // SEN12MS: 256x256 patches with stride 128 (50 % overlap) cut from a scene
 * var sen12ms = TileGrid.of(sceneWidth, sceneHeight).size(256).stride(128);
 * // LandCoverNet: the 32x32 annotation blocks of a 256x256 chip (64 blocks)
 * var blocks = TileGrid.of(256, 256).size(32);
 * // a georeferenced raster, padded edges
 * var grid = TileGrid.of(raster.metadata()).size(512).overlap(64).edge(EdgePolicy.PAD);
 * for (Tile t : grid.tiles()) {
 *     Raster chip = Tiles.cut(raster, t);
 * }
 * }
 */
public final class TileGrid {
    private final int rasterWidth;
    private final int rasterHeight;
    private final Optional<GeoReference> geoReference;
    private final int tileWidth;   // 0 = not set
    private final int tileHeight;
    private final int strideX;     // 0 = same as the tile size
    private final int strideY;
    private final EdgePolicy edge;

    private TileGrid(int rasterWidth, int rasterHeight, Optional<GeoReference> geoReference, int tileWidth,
                     int tileHeight, int strideX, int strideY, EdgePolicy edge) {
        this.rasterWidth = rasterWidth;
        this.rasterHeight = rasterHeight;
        this.geoReference = geoReference;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        this.strideX = strideX;
        this.strideY = strideY;
        this.edge = edge;
    }

    /**
     * A grid over a raster of {@code width} x {@code height} pixels, without georeference; set the tile size next.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public static TileGrid of(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("raster size must be positive, got " + width + "x" + height);
        }
        return new TileGrid(width, height, Optional.empty(), 0, 0, 0, 0, EdgePolicy.DROP);
    }

    /** A grid over a raster described by {@code metadata}, with its size and georeference. */
    public static TileGrid of(RasterMetadata metadata) {
        return of(metadata.width(), metadata.height()).withGeo(metadata.geoReference());
    }

    /**
     * Square tiles of {@code size} pixels.
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public TileGrid size(int size) {
        return size(size, size);
    }

    /**
     * Tiles of {@code width} x {@code height} pixels.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public TileGrid size(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("tile size must be positive, got " + width + "x" + height);
        }
        return new TileGrid(rasterWidth, rasterHeight, geoReference, width, height, strideX, strideY, edge);
    }

    /**
     * The same step of {@code stride} pixels along both axes (default: the tile size, no overlap). A stride larger
     * than the tile leaves gaps between tiles.
     *
     * @throws IllegalArgumentException if {@code stride} is not positive
     */
    public TileGrid stride(int stride) {
        return stride(stride, stride);
    }

    /**
     * Steps of {@code x} columns and {@code y} rows between tile origins.
     *
     * @throws IllegalArgumentException if a stride is not positive
     */
    public TileGrid stride(int x, int y) {
        if (x <= 0 || y <= 0) {
            throw new IllegalArgumentException("tile stride must be positive, got " + x + "x" + y);
        }
        return new TileGrid(rasterWidth, rasterHeight, geoReference, tileWidth, tileHeight, x, y, edge);
    }

    /**
     * Neighbouring tiles share {@code overlap} pixels: shorthand for {@code stride(size - overlap)} with the tile
     * size set so far.
     *
     * @throws IllegalArgumentException if no size is set yet, or the overlap is negative or not smaller than the
     *                                  tile size
     */
    public TileGrid overlap(int overlap) {
        if (tileWidth == 0) {
            throw new IllegalArgumentException("set the tile size before the overlap (overlap " + overlap + ")");
        }
        if (overlap < 0 || overlap >= Math.min(tileWidth, tileHeight)) {
            throw new IllegalArgumentException("overlap must be in 0.." + (Math.min(tileWidth, tileHeight) - 1)
                    + " for tiles of " + tileWidth + "x" + tileHeight + ", got " + overlap);
        }
        return stride(tileWidth - overlap, tileHeight - overlap);
    }

    /** What to do at the right and bottom edges (default {@link EdgePolicy#DROP}). */
    public TileGrid edge(EdgePolicy policy) {
        return new TileGrid(rasterWidth, rasterHeight, geoReference, tileWidth, tileHeight, strideX, strideY,
                Objects.requireNonNull(policy, "policy"));
    }

    /** The same grid whose tiles carry georeference and footprints derived from {@code geo}. */
    public TileGrid georeferenced(GeoReference geo) {
        return withGeo(Optional.of(Objects.requireNonNull(geo, "geo")));
    }

    private TileGrid withGeo(Optional<GeoReference> geo) {
        return new TileGrid(rasterWidth, rasterHeight, geo, tileWidth, tileHeight, strideX, strideY, edge);
    }

    /** Raster columns. */
    public int rasterWidth() {
        return rasterWidth;
    }

    /** Raster rows. */
    public int rasterHeight() {
        return rasterHeight;
    }

    /** Tile columns (padding included); 0 while no size is set. */
    public int tileWidth() {
        return tileWidth;
    }

    /** Tile rows (padding included); 0 while no size is set. */
    public int tileHeight() {
        return tileHeight;
    }

    /** Columns between the origins of neighbouring tiles. */
    public int strideX() {
        return strideX == 0 ? tileWidth : strideX;
    }

    /** Rows between the origins of neighbouring tiles. */
    public int strideY() {
        return strideY == 0 ? tileHeight : strideY;
    }

    /** The edge policy. */
    public EdgePolicy edge() {
        return edge;
    }

    /** The raster's georeference, when set. */
    public Optional<GeoReference> geoReference() {
        return geoReference;
    }

    /**
     * Number of tiles along one axis of {@code rasterSize} pixels (the formulas on {@link EdgePolicy}).
     *
     * @throws IllegalArgumentException if a size or the stride is not positive, or the tile is larger than the
     *                                  raster with {@link EdgePolicy#DROP} or {@link EdgePolicy#SHIFT}
     */
    public static int count(int rasterSize, int tileSize, int stride, EdgePolicy policy) {
        if (rasterSize <= 0 || tileSize <= 0 || stride <= 0) {
            throw new IllegalArgumentException("raster size, tile size and stride must be positive, got raster "
                    + rasterSize + ", tile " + tileSize + ", stride " + stride);
        }
        Objects.requireNonNull(policy, "policy");
        if (tileSize > rasterSize && policy != EdgePolicy.PAD) {
            throw new IllegalArgumentException("tile size " + tileSize + " is larger than the raster (" + rasterSize
                    + " pixels) with edge policy " + policy + ": no tile fits; use PAD or a smaller tile");
        }
        return switch (policy) {
            case DROP -> (rasterSize - tileSize) / stride + 1;
            case SHIFT -> Math.ceilDiv(rasterSize - tileSize, stride) + 1;
            case PAD -> (int) Math.min(Math.ceilDiv(Math.max(rasterSize - tileSize, 0), stride) + 1L,
                    Math.ceilDiv(rasterSize, stride));
        };
    }

    /** Start of tile {@code j} along an axis (after {@link #count}); SHIFT moves the last one inward. */
    private static int start(int j, int rasterSize, int tileSize, int stride, EdgePolicy policy) {
        long s = (long) j * stride;
        return policy == EdgePolicy.SHIFT ? (int) Math.min(s, rasterSize - tileSize) : (int) s;
    }

    private void requireSize() {
        if (tileWidth == 0) {
            throw new IllegalArgumentException("no tile size set: call size(n) on " + this);
        }
    }

    private String axisError(String axis, IllegalArgumentException e) {
        return axis + ": " + e.getMessage() + " (raster " + rasterWidth + "x" + rasterHeight + ", tile "
                + tileWidth + "x" + tileHeight + ")";
    }

    /**
     * Tiles per row.
     *
     * @throws IllegalArgumentException if no size is set, or no tile fits (see {@link #count})
     */
    public int columns() {
        requireSize();
        try {
            return count(rasterWidth, tileWidth, strideX(), edge);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(axisError("width", e), e);
        }
    }

    /**
     * Tiles per column.
     *
     * @throws IllegalArgumentException if no size is set, or no tile fits (see {@link #count})
     */
    public int rows() {
        requireSize();
        try {
            return count(rasterHeight, tileHeight, strideY(), edge);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(axisError("height", e), e);
        }
    }

    /** Number of tiles, {@code columns() * rows()}, as a long. */
    public long count() {
        return (long) columns() * rows();
    }

    /**
     * The tile at grid {@code row} and {@code col}.
     *
     * @throws IndexOutOfBoundsException if the position is outside the grid
     */
    public Tile tile(int row, int col) {
        int cols = columns();
        int rowCount = rows();
        Objects.checkIndex(row, rowCount);
        Objects.checkIndex(col, cols);
        long index = (long) row * cols + col;
        if (index > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tile index " + index + " does not fit an int; use a larger tile or stride");
        }
        return make((int) index, row, col);
    }

    private Tile make(int index, int row, int col) {
        int x = start(col, rasterWidth, tileWidth, strideX(), edge);
        int y = start(row, rasterHeight, tileHeight, strideY(), edge);
        int w = Math.min(tileWidth, rasterWidth - x);
        int h = Math.min(tileHeight, rasterHeight - y);
        return new Tile(index, row, col, Window.of(x, y, w, h), tileWidth - w, tileHeight - h,
                geoReference.map(g -> g.forWindow(x, y)));
    }

    /**
     * The tile with this row-major {@code index}.
     *
     * @throws IndexOutOfBoundsException if the index is outside the grid
     */
    public Tile tile(int index) {
        int cols = columns();
        Objects.checkIndex(index, count());
        return make(index, index / cols, index % cols);
    }

    /**
     * All tiles in row-major order, as a list computed on access (it stores no tiles).
     *
     * @throws IllegalArgumentException if the grid has more than {@code Integer.MAX_VALUE} tiles, or no tile fits
     */
    public List<Tile> tiles() {
        long n = count();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n + " tiles do not fit a list; use a larger tile or stride (" + this + ")");
        }
        int cols = columns();
        return new TileList((int) n, cols);
    }

    /** All tiles in row-major order, as a stream. */
    public Stream<Tile> stream() {
        List<Tile> list = tiles();
        return IntStream.range(0, list.size()).mapToObj(list::get);
    }

    private final class TileList extends AbstractList<Tile> implements RandomAccess {
        private final int size;
        private final int cols;

        TileList(int size, int cols) {
            this.size = size;
            this.cols = cols;
        }

        @Override
        public Tile get(int index) {
            Objects.checkIndex(index, size);
            return make(index, index / cols, index % cols);
        }

        @Override
        public int size() {
            return size;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TileGrid g && rasterWidth == g.rasterWidth && rasterHeight == g.rasterHeight
                && tileWidth == g.tileWidth && tileHeight == g.tileHeight && strideX() == g.strideX()
                && strideY() == g.strideY() && edge == g.edge && geoReference.equals(g.geoReference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rasterWidth, rasterHeight, tileWidth, tileHeight, strideX(), strideY(), edge, geoReference);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TileGrid[raster ").append(rasterWidth).append('x').append(rasterHeight);
        if (tileWidth == 0) {
            return sb.append(", no tile size]").toString();
        }
        sb.append(", tile ").append(tileWidth).append('x').append(tileHeight)
                .append(", stride ").append(strideX()).append('x').append(strideY()).append(", ").append(edge);
        try {
            sb.append(": ").append(columns()).append('x').append(rows()).append(" = ").append(count()).append(" tiles");
        } catch (IllegalArgumentException e) {
            sb.append(": no tile fits");
        }
        geoReference.ifPresent(g -> sb.append(", ").append(g.crs().map(Object::toString).orElse("no CRS")));
        return sb.append(']').toString();
    }
}
