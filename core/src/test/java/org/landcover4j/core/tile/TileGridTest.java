package org.landcover4j.core.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.Window;
import org.landcover4j.core.testing.Gen;

class TileGridTest {

    private static List<Window> windows(TileGrid g) {
        return g.tiles().stream().map(Tile::window).toList();
    }

    @Test
    void dropKeepsOnlyWholeTiles() {
        // 300x200 raster, 128 px tiles, no overlap: floor((300-128)/128)+1 = 2 columns, floor((200-128)/128)+1 = 1 row
        var g = TileGrid.of(300, 200).size(128).edge(EdgePolicy.DROP);
        assertEquals(2, g.columns());
        assertEquals(1, g.rows());
        assertEquals(List.of(Window.of(0, 0, 128, 128), Window.of(128, 0, 128, 128)), windows(g));
        assertTrue(g.tiles().stream().noneMatch(Tile::isPadded));
    }

    @Test
    void shiftMovesTheLastTileInward() {
        // ceil((300-128)/128)+1 = 3 columns starting 0, 128, 172; ceil((200-128)/128)+1 = 2 rows starting 0, 72
        var g = TileGrid.of(300, 200).size(128).edge(EdgePolicy.SHIFT);
        assertEquals(6, g.count());
        assertEquals(List.of(
                Window.of(0, 0, 128, 128), Window.of(128, 0, 128, 128), Window.of(172, 0, 128, 128),
                Window.of(0, 72, 128, 128), Window.of(128, 72, 128, 128), Window.of(172, 72, 128, 128)), windows(g));
        Tile last = g.tile(5);
        assertEquals(1, last.row());
        assertEquals(2, last.col());
        assertFalse(last.isPadded());
    }

    @Test
    void padRunsPastTheEdgeWithPaddingAmounts() {
        // 3 columns starting 0, 128, 256 (the last reads 44 columns, 84 padded); 2 rows (the last reads 72, 56 padded)
        var g = TileGrid.of(300, 200).size(128).edge(EdgePolicy.PAD);
        assertEquals(3, g.columns());
        assertEquals(2, g.rows());
        Tile t = g.tile(1, 2);
        assertEquals(5, t.index());
        assertEquals(Window.of(256, 128, 44, 72), t.window());
        assertEquals(84, t.padRight());
        assertEquals(56, t.padBottom());
        assertEquals(Window.of(256, 128, 128, 128), t.extent());
        assertEquals(128, t.width());
        assertEquals(128, t.height());
        Tile top = g.tile(0, 2);
        assertEquals(Window.of(256, 0, 44, 128), top.window());
        assertEquals(0, top.padBottom());
        assertFalse(g.tile(0, 0).isPadded());
    }

    @Test
    void padAcceptsATileLargerThanTheRaster() {
        var g = TileGrid.of(100, 50).size(256).edge(EdgePolicy.PAD);
        assertEquals(1, g.count());
        Tile t = g.tile(0);
        assertEquals(Window.of(0, 0, 100, 50), t.window());
        assertEquals(156, t.padRight());
        assertEquals(206, t.padBottom());
    }

    @ParameterizedTest
    @EnumSource(value = EdgePolicy.class, names = {"DROP", "SHIFT"})
    void tileLargerThanRasterIsAClearError(EdgePolicy policy) {
        var g = TileGrid.of(100, 400).size(256).edge(policy);
        var e = assertThrows(IllegalArgumentException.class, g::tiles);
        assertTrue(e.getMessage().contains("tile size 256 is larger than the raster (100 pixels)"), e.getMessage());
        assertTrue(e.getMessage().contains(policy.name()), e.getMessage());
        assertTrue(e.getMessage().startsWith("width"), e.getMessage());
        assertTrue(g.toString().contains("no tile fits"), g.toString());
    }

    @Test
    void nonPositiveArgumentsNameTheValues() {
        var base = TileGrid.of(10, 10);
        assertEquals("raster size must be positive, got 0x5",
                assertThrows(IllegalArgumentException.class, () -> TileGrid.of(0, 5)).getMessage());
        assertEquals("tile size must be positive, got -3x-3",
                assertThrows(IllegalArgumentException.class, () -> base.size(-3)).getMessage());
        assertEquals("tile stride must be positive, got 0x0",
                assertThrows(IllegalArgumentException.class, () -> base.size(4).stride(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> base.overlap(2));
        var e = assertThrows(IllegalArgumentException.class, () -> base.size(4).overlap(4));
        assertEquals("overlap must be in 0..3 for tiles of 4x4, got 4", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, base::tiles).getMessage().contains("no tile size"));
        assertThrows(IllegalArgumentException.class, () -> TileGrid.count(10, 2, -1, EdgePolicy.PAD));
    }

    @Test
    void sen12msPatchingIs256WithStride128() {
        // A 1024x768 scene: (1024-256)/128+1 = 7 columns, (768-256)/128+1 = 5 rows
        var g = TileGrid.of(1024, 768).size(256).stride(128);
        assertEquals(EdgePolicy.DROP, g.edge());
        assertEquals(7, g.columns());
        assertEquals(5, g.rows());
        assertEquals(35, g.tiles().size());
        assertEquals(Window.of(128, 0, 256, 256), g.tile(1).window());
        assertEquals(Window.of(768, 512, 256, 256), g.tile(34).window());
        // neighbours overlap by half a patch
        assertEquals(128, g.tile(1).window().x() - g.tile(0).window().x());
        // the same with overlap(128) and on a size that is no whole number of strides (1000 wide)
        assertEquals(g, TileGrid.of(1024, 768).size(256).overlap(128));
        assertEquals(6, TileGrid.of(1000, 256).size(256).stride(128).count());      // floor(744/128)+1
        assertEquals(7, TileGrid.of(1000, 256).size(256).stride(128).edge(EdgePolicy.SHIFT).count());
        assertEquals(744, TileGrid.of(1000, 256).size(256).stride(128).edge(EdgePolicy.SHIFT).tile(6).window().x());
    }

    @Test
    void landCoverNetAnnotationBlocksAre32x32() {
        var g = TileGrid.of(256, 256).size(32);
        assertEquals(64, g.count());
        assertEquals(8, g.columns());
        Tile t = g.tile(9);
        assertEquals(1, t.row());
        assertEquals(1, t.col());
        assertEquals(Window.of(32, 32, 32, 32), t.window());
        // the blocks partition the chip: every pixel in exactly one block
        int[] hits = new int[256 * 256];
        for (Tile b : g.tiles()) {
            for (int y = b.window().y(); y < b.window().endY(); y++) {
                for (int x = b.window().x(); x < b.window().endX(); x++) {
                    hits[y * 256 + x]++;
                }
            }
        }
        for (int h : hits) {
            assertEquals(1, h);
        }
    }

    @Test
    void strideLargerThanTileLeavesGaps() {
        // 10 px, tiles of 2, stride 5: DROP starts 0, 5; SHIFT 0, 5, 8; PAD 0, 5 (a tile must start inside)
        assertEquals(2, TileGrid.count(10, 2, 5, EdgePolicy.DROP));
        assertEquals(3, TileGrid.count(10, 2, 5, EdgePolicy.SHIFT));
        assertEquals(2, TileGrid.count(10, 2, 5, EdgePolicy.PAD));
        assertEquals(List.of(0, 5, 8), TileGrid.of(10, 2).size(2).stride(5).edge(EdgePolicy.SHIFT).tiles().stream()
                .map(t -> t.window().x()).toList());
        // rectangular tiles and strides
        var g = TileGrid.of(10, 7).size(4, 3).stride(3, 2).edge(EdgePolicy.PAD);
        assertEquals(3, g.columns());    // starts 0, 3, 6 (6+4 = 10 reaches the edge)
        assertEquals(3, g.rows());       // starts 0, 2, 4 (4+3 = 7)
        assertFalse(g.tiles().stream().anyMatch(Tile::isPadded));
    }

    @Test
    void tilesCarryGeoreferenceAndFootprint() {
        var geo = GeoReference.of(Crs.epsg(32630), GeoTransform.northUp(1000, 2000, 10));
        var g = TileGrid.of(300, 200).size(128).edge(EdgePolicy.PAD).georeferenced(geo);
        Tile t = g.tile(1, 1);
        var tr = t.geoReference().orElseThrow().transform();
        assertEquals(1000 + 1280, tr.originX());
        assertEquals(2000 - 1280, tr.originY());
        assertEquals(10, tr.pixelWidth());
        var fp = t.footprint().orElseThrow();
        assertEquals(32630, fp.getSRID());
        assertEquals(1280.0 * 1280.0, fp.getArea(), 1e-6);
        var env = fp.getEnvelopeInternal();
        assertEquals(2280, env.getMinX());
        assertEquals(720 - 1280, env.getMinY());
        // the padded corner tile: the footprint covers the padding, the data footprint does not
        Tile corner = g.tile(1, 2);
        assertEquals(1280.0 * 1280.0, corner.footprint().orElseThrow().getArea(), 1e-6);
        assertEquals(440.0 * 720.0, corner.dataFootprint().orElseThrow().getArea(), 1e-6);
        assertTrue(TileGrid.of(10, 10).size(5).tile(0).footprint().isEmpty());
        assertTrue(corner.toString().contains("pad 84x56"), corner.toString());
        assertEquals("TileGrid[raster 300x200, tile 128x128, stride 128x128, PAD: 3x2 = 6 tiles, EPSG:32630]", g.toString());
    }

    @Test
    void indexAndListAccessAgree() {
        var g = TileGrid.of(97, 61).size(16).stride(7).edge(EdgePolicy.SHIFT);
        List<Tile> all = g.tiles();
        assertEquals(g.count(), all.size());
        for (int i = 0; i < all.size(); i++) {
            Tile t = all.get(i);
            assertEquals(i, t.index());
            assertEquals(t, g.tile(i));
            assertEquals(t, g.tile(t.row(), t.col()));
        }
        assertEquals(all, g.stream().toList());
        assertThrows(IndexOutOfBoundsException.class, () -> g.tile(all.size()));
        assertThrows(IndexOutOfBoundsException.class, () -> g.tile(0, g.columns()));
    }

    /** Starts along one axis by walking the axis: an oracle independent of the closed-form counts. */
    private static List<Integer> walk(int i, int k, int s, EdgePolicy p) {
        List<Integer> starts = new ArrayList<>();
        switch (p) {
            case DROP -> {
                for (int x = 0; x + k <= i; x += s) {
                    starts.add(x);
                }
            }
            case SHIFT -> {
                for (int x = 0; ; x += s) {
                    if (x + k >= i) {
                        starts.add(i - k);
                        break;
                    }
                    starts.add(x);
                }
            }
            case PAD -> {
                for (int x = 0; x < i; x += s) {
                    starts.add(x);
                    if (x + k >= i) {
                        break;
                    }
                }
            }
        }
        return starts;
    }

    @RepeatedTest(40)
    void randomGridsMatchTheWalkingOracle(RepetitionInfo rep) {
        Gen gen = Gen.seeded(7000 + rep.getCurrentRepetition());
        int w = gen.between(1, 700);
        int h = gen.between(1, 700);
        int k = gen.between(1, 300);
        int s = gen.chance(0.8) ? gen.between(1, k) : gen.between(1, 400);
        for (EdgePolicy p : EdgePolicy.values()) {
            var g = TileGrid.of(w, h).size(k).stride(s).edge(p);
            String msg = gen + " " + g;
            if (k > Math.min(w, h) && p != EdgePolicy.PAD) {
                assertThrows(IllegalArgumentException.class, g::tiles, msg);
                continue;
            }
            List<Integer> xs = walk(w, k, s, p);
            List<Integer> ys = walk(h, k, s, p);
            assertEquals(xs.size(), g.columns(), msg);
            assertEquals(ys.size(), g.rows(), msg);
            Set<Window> seen = new HashSet<>();
            for (Tile t : g.tiles()) {
                assertEquals(xs.get(t.col()), t.window().x(), msg);
                assertEquals(ys.get(t.row()), t.window().y(), msg);
                assertTrue(t.window().isWithin(w, h), msg);
                assertEquals(k, t.width(), msg);
                assertEquals(k, t.height(), msg);
                assertTrue(seen.add(t.window()), "duplicate tile " + t + " " + msg);
                if (p != EdgePolicy.PAD) {
                    assertFalse(t.isPadded(), msg);
                }
            }
            if (s <= k && p != EdgePolicy.DROP) {
                // PAD and SHIFT cover every column and row
                Tile last = g.tile(g.rows() - 1, g.columns() - 1);
                assertEquals(w, last.window().endX(), msg);
                assertEquals(h, last.window().endY(), msg);
            }
        }
    }
}
