package org.landcover4j.core.bench;

import java.util.concurrent.TimeUnit;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.tile.EdgePolicy;
import org.landcover4j.core.tile.Tile;
import org.landcover4j.core.tile.TileGrid;
import org.landcover4j.core.tile.Tiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Tiling adds no copy beyond the tile's own pixels: run with {@code -prof gc} and compare
 * {@code gc.alloc.rate.norm} (bytes allocated per operation) with the tile's pixel bytes.
 *
 * <p>The source is a 4-band UINT16 raster of 2048 x 2048 (32 MiB) with nodata 0, cut into 256 x 256 tiles
 * (4 x 256 x 256 x 2 = 524,288 pixel bytes per tile). {@code cutInterior} cuts an interior tile,
 * {@code cutPadded} the corner tile of a PAD grid over a 2000 x 2000 view (reads 208 x 208, pads the rest),
 * {@code enumerateGrid} walks the 256/128 grid of a 10980 x 10980 Sentinel-2 tile (7,056 tiles) without pixels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TileBench {
    /** Pixel bytes of one 256 x 256 tile of 4 UINT16 bands. */
    public static final long TILE_PIXEL_BYTES = 4L * 256 * 256 * 2;

    private Raster raster;
    private Raster smaller;
    private Tile interior;
    private Tile padded;
    private TileGrid sentinel2;

    @Setup
    public void setup() {
        int n = 2048;
        short[][] bands = new short[4][n * n];
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < n * n; i++) {
                bands[b][i] = (short) (i * 31 + b);
            }
        }
        raster = ShortRaster.wrap(RasterMetadata.of(DataType.UINT16, 4, n, n).withNodata(0), bands);
        interior = TileGrid.of(raster.metadata()).size(256).tile(3, 4);
        int m = 2000;
        short[][] small = new short[4][m * m];
        smaller = ShortRaster.wrap(RasterMetadata.of(DataType.UINT16, 4, m, m).withNodata(0), small);
        TileGrid padGrid = TileGrid.of(smaller.metadata()).size(256).edge(EdgePolicy.PAD);
        padded = padGrid.tile(padGrid.rows() - 1, padGrid.columns() - 1);
        sentinel2 = TileGrid.of(10980, 10980).size(256).stride(128);
    }

    /** An interior 256 x 256 tile: expect about {@link #TILE_PIXEL_BYTES} bytes/op plus headers. */
    @Benchmark
    public Raster cutInterior() {
        return Tiles.cut(raster, interior);
    }

    /** The padded corner tile: the same tile size, so the same bytes/op. */
    @Benchmark
    public Raster cutPadded() {
        return Tiles.cut(smaller, padded);
    }

    /** The whole grid of a Sentinel-2 tile: windows and indices only. */
    @Benchmark
    public void enumerateGrid(Blackhole bh) {
        for (Tile t : sentinel2.tiles()) {
            bh.consume(t.window());
        }
    }
}
