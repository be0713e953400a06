package org.landcover4j.core.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.testing.Gen;

class TilesTest {
    private static final GeoReference GEO = GeoReference.of(Crs.epsg(32630), GeoTransform.northUp(1000, 2000, 10));

    /** A 2-band 5x4 UINT16 raster whose pixel (b, r, c) holds 100*b + 10*r + c. */
    private static ShortRaster sample(boolean nodata) {
        var m = RasterMetadata.of(DataType.UINT16, 2, 4, 5).withGeoReference(GEO);
        if (nodata) {
            m = m.withNodata(65535);
        }
        short[][] bands = new short[2][20];
        for (int b = 0; b < 2; b++) {
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 5; c++) {
                    bands[b][r * 5 + c] = (short) (100 * b + 10 * r + c);
                }
            }
        }
        return ShortRaster.wrap(m, bands);
    }

    @Test
    void unpaddedTileEqualsTheWindowCopy() {
        var r = sample(false);
        var grid = TileGrid.of(r.metadata()).size(3, 2).stride(2).edge(EdgePolicy.SHIFT);
        for (Tile t : grid.tiles()) {
            var chip = (ShortRaster) Tiles.cut(r, t);
            var expected = r.window(t.window());
            assertEquals(expected.metadata(), chip.metadata());
            assertArrayEquals(expected.unsafeBandArray(0), chip.unsafeBandArray(0));
            assertArrayEquals(expected.unsafeBandArray(1), chip.unsafeBandArray(1));
        }
    }

    @Test
    void paddedTileIsFilledWithNodata() {
        var r = sample(true);
        // tiles of 3x3 with PAD on 5x4: columns start 0, 3 (reads 2, pads 1); rows 0, 3 (reads 1, pads 2)
        var grid = TileGrid.of(r.metadata()).size(3).edge(EdgePolicy.PAD);
        Tile t = grid.tile(1, 1);
        var chip = (ShortRaster) Tiles.cut(r, t);
        assertEquals(3, chip.width());
        assertEquals(3, chip.height());
        short f = (short) 65535;
        assertArrayEquals(new short[] {33, 34, f, f, f, f, f, f, f}, chip.unsafeBandArray(0));
        assertArrayEquals(new short[] {133, 134, f, f, f, f, f, f, f}, chip.unsafeBandArray(1));
        assertEquals(65535, chip.get(0, 2, 2));
        assertEquals(OptionalDouble.of(65535), chip.metadata().nodata().get(0));
        var tr = chip.geoReference().orElseThrow().transform();
        assertEquals(1030.0, tr.originX());
        assertEquals(1970.0, tr.originY());
        assertEquals(t.footprint().orElseThrow(), chip.metadata().footprint().orElseThrow());
    }

    @Test
    void paddingWithoutNodataNeedsAFillValue() {
        var r = sample(false);
        Tile t = TileGrid.of(r.metadata()).size(3).edge(EdgePolicy.PAD).tile(0, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> Tiles.cut(r, t));
        assertTrue(e.getMessage().contains("band 0 (1) declares no nodata"), e.getMessage());
        var chip = (ShortRaster) Tiles.cut(r, t, 0);
        assertArrayEquals(new short[] {3, 4, 0, 13, 14, 0, 23, 24, 0}, chip.unsafeBandArray(0));
        assertEquals(OptionalDouble.of(0), chip.metadata().nodata().get(1));
        assertEquals("fill value 70000.0 is not a uint16 value (0..65535)",
                assertThrows(IllegalArgumentException.class, () -> Tiles.cut(r, t, 70000)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tiles.cut(r, t, 0.5));
    }

    @Test
    void everyStorageTypePadsWithItsOwnNodata() {
        int w = 3;
        int h = 2;
        var grid = TileGrid.of(w, h).size(2).edge(EdgePolicy.PAD);
        Tile corner = grid.tile(0, 1);  // reads column 2 of both rows, pads one column
        var u8 = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, h, w).withNodata(255), new byte[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new byte[] {3, (byte) 255, 6, (byte) 255}, ((ByteRaster) Tiles.cut(u8, corner)).unsafeBandArray(0));
        var i8 = ByteRaster.wrap(RasterMetadata.of(DataType.INT8, 1, h, w).withNodata(-128), new byte[] {1, 2, 3, 4, 5, 6});
        assertEquals(-128, ((ByteRaster) Tiles.cut(i8, corner)).get(0, 0, 1));
        var u32 = IntRaster.wrap(RasterMetadata.of(DataType.UINT32, 1, h, w).withNodata(4294967295.0), new int[6]);
        assertEquals(4294967295L, ((IntRaster) Tiles.cut(u32, corner)).get(0, 1, 1));
        var f32 = FloatRaster.wrap(RasterMetadata.of(DataType.FLOAT32, 1, h, w).withNodata(Double.NaN),
                new float[] {1, 2, 3, 4, 5, 6});
        float[] fc = ((FloatRaster) Tiles.cut(f32, corner)).unsafeBandArray(0);
        assertEquals(3f, fc[0]);
        assertTrue(Float.isNaN(fc[1]));
        var f64 = DoubleRaster.wrap(RasterMetadata.of(DataType.FLOAT64, 1, h, w), new double[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new double[] {3, -9999, 6, -9999}, ((DoubleRaster) Tiles.cut(f64, corner, -9999)).unsafeBandArray(0));
    }

    @Test
    void rejectsATileOfAnotherRaster() {
        var r = sample(true);
        Tile foreign = TileGrid.of(50, 50).size(8).tile(5, 5);
        assertThrows(IllegalArgumentException.class, () -> Tiles.cut(r, foreign));
        Tile paddedElsewhere = TileGrid.of(4, 4).size(3).edge(EdgePolicy.PAD).tile(0, 1); // reads x=3 width 1 of a 4-wide raster
        assertThrows(IllegalArgumentException.class, () -> Tiles.cut(r, paddedElsewhere));
    }

    @Test
    void cuttingAllocatesOnlyTheTilesOwnPixels() {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean tb && tb.isThreadAllocatedMemorySupported()
                && tb.isThreadAllocatedMemoryEnabled(), "per-thread allocation counting is not available");
        var counter = (com.sun.management.ThreadMXBean) bean;
        int n = 1000;
        var r = ShortRaster.wrap(RasterMetadata.of(DataType.UINT16, 4, n, n).withNodata(0).withGeoReference(GEO),
                new short[n * n], new short[n * n], new short[n * n], new short[n * n]);
        var grid = TileGrid.of(r.metadata()).size(256).edge(EdgePolicy.PAD);
        Tile interior = grid.tile(1, 1);
        Tile corner = grid.tile(grid.rows() - 1, grid.columns() - 1);   // reads 232 x 232, pads the rest
        long pixelBytes = 4L * 256 * 256 * 2;
        Raster[] keep = new Raster[20];
        for (Tile t : new Tile[] {interior, corner}) {
            for (int i = 0; i < 200; i++) {    // warm up: class loading and compilation allocate too
                keep[i % keep.length] = Tiles.cut(r, t);
            }
            long before = counter.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < keep.length; i++) {
                keep[i] = Tiles.cut(r, t);
            }
            long perCut = (counter.getCurrentThreadAllocatedBytes() - before) / keep.length;
            assertTrue(perCut >= pixelBytes && perCut < pixelBytes + 4096,
                    t + ": " + perCut + " bytes allocated per cut for " + pixelBytes + " pixel bytes");
        }
    }

    @Test
    void randomPaddedCutsMatchPixelByPixel() {
        Gen gen = Gen.seeded(20261121);
        for (int round = 0; round < 30; round++) {
            int w = gen.between(1, 60);
            int h = gen.between(1, 60);
            int bands = gen.between(1, 3);
            byte[][] data = new byte[bands][];
            for (int b = 0; b < bands; b++) {
                data[b] = gen.bytes(w * h, 0, 200);
            }
            Raster r = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, bands, h, w).withNodata(250), data);
            int k = gen.between(1, 70);
            var grid = TileGrid.of(w, h).size(k).stride(gen.between(1, k)).edge(EdgePolicy.PAD);
            for (Tile t : grid.tiles()) {
                Raster chip = Tiles.cut(r, t);
                for (int b = 0; b < bands; b++) {
                    for (int y = 0; y < k; y++) {
                        for (int x = 0; x < k; x++) {
                            int sx = t.window().x() + x;
                            int sy = t.window().y() + y;
                            double expected = sx < w && sy < h ? r.getDouble(b, sy, sx) : 250;
                            assertEquals(expected, chip.getDouble(b, y, x), gen + " " + t);
                        }
                    }
                }
            }
        }
    }
}
