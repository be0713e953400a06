package org.landcover4j.core.tile;

/**
 * What a {@link TileGrid} does at the right and bottom edges, where the raster size is not a whole number of
 * strides past the first tile.
 *
 * <p>Per axis, with raster size {@code i}, tile size {@code k} and stride {@code s}, tiles start at
 * {@code 0, s, 2s, ...} and the number of tiles {@code n} is:
 * <ul>
 *   <li>{@link #DROP}: {@code n = floor((i - k) / s) + 1}; only whole tiles inside the raster, the remainder is
 *       left out. Needs {@code k <= i}.</li>
 *   <li>{@link #SHIFT}: {@code n = ceil((i - k) / s) + 1}; the last tile is moved inward to start at
 *       {@code i - k}, so it overlaps its neighbour more than the others do. Needs {@code k <= i}. This is
 *       torchgeo's {@code GridGeoSampler} ({@code tile_to_chips} = {@code ceil((i-k)/s)+1}, last chip moved
 *       back inside the bounds).</li>
 *   <li>{@link #PAD}: {@code n = min(ceil(max(i - k, 0) / s) + 1, ceil(i / s))}; the last tile keeps its start
 *       and runs past the edge; the part outside the raster is padding filled with nodata when the tile is cut.
 *       Works for any {@code k}, even larger than the raster (one padded tile). When {@code s <= k} this is
 *       torchgeo's count; when {@code s > k} (gaps between tiles) a tile must still start inside the raster.</li>
 * </ul>
 * When {@code (i - k)} is a multiple of {@code s}, all three give the same tiles.
 *
 * {@snippet :
 * TileGrid.of(300, 300).size(256).edge(EdgePolicy.PAD).count();   // 4: 2x2, three of them padded
 * }
 */
public enum EdgePolicy {
    /** Only whole tiles inside the raster; the strip past the last whole tile is left out. */
    DROP,
    /** The last tile of each row and column runs past the edge and is padded with nodata. */
    PAD,
    /** The last tile of each row and column is moved inward so that it ends at the raster edge. */
    SHIFT
}
