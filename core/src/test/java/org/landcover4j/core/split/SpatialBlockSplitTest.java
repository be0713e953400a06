package org.landcover4j.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.split.SpatialBlockSplit.BufferAction;
import org.landcover4j.core.tile.Tile;
import org.landcover4j.core.tile.TileGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

class SpatialBlockSplitTest {
    private static final int UTM30 = 32630;
    private static final GeometryFactory UTM = new GeometryFactory(new PrecisionModel(), UTM30);

    private static Polygon rect(double x0, double y0, double x1, double y1) {
        return (Polygon) UTM.toGeometry(new Envelope(x0, x1, y0, y1));
    }

    private static final SpatialBlockSplit SPLIT = SpatialBlockSplit.of(Ratios.parse("1:1:1")).blockSize(1000).seed(9);

    /** A column c such that blocks (c, 0) and (c + 1, 0) have different splits. */
    private static long boundary(SpatialBlockSplit s) {
        for (long c = 0; ; c++) {
            if (s.splitOfBlock(UTM30, c, 0) != s.splitOfBlock(UTM30, c + 1, 0)) {
                return c;
            }
        }
    }

    @Test
    void samplesTakeTheSplitOfTheirBlock() {
        Map<String, Geometry> fps = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                fps.put("t" + i + "_" + j, rect(i * 100, j * 100, i * 100 + 100, j * 100 + 100));
            }
        }
        var a = SPLIT.assign(fps);
        assertEquals(900, a.size());
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                assertEquals(SPLIT.splitOfBlock(UTM30, i / 10, j / 10), a.split("t" + i + "_" + j).orElseThrow());
            }
        }
        // the CRS is part of the block key: the same coordinates in zone 31 use zone 31's grid
        Polygon z31 = (Polygon) new GeometryFactory(new PrecisionModel(), 32631).toGeometry(new Envelope(0, 100, 0, 100));
        assertEquals(SPLIT.splitOfBlock(32631, 0, 0), SPLIT.assign(Map.of("z31", z31)).split("z31").orElseThrow());
        // a negative coordinate falls in block -1
        assertEquals(SPLIT.splitOfBlock(UTM30, -1, -1), SPLIT.assign(Map.of("n", rect(-600, -600, -500, -500)))
                .split("n").orElseThrow());
    }

    @Test
    void bufferExcludesNeighboursOfAnotherSplit() {
        long c = boundary(SPLIT);
        double edge = (c + 1) * 1000.0;   // between block c and block c + 1 (another split)
        Map<String, Geometry> fps = new LinkedHashMap<>();
        fps.put("near", rect(edge - 150, 400, edge - 50, 600));       // 50 m from the other block
        fps.put("far", rect(edge - 600, 400, edge - 500, 600));       // 500 m from it
        fps.put("touching", rect(edge - 100, 400, edge, 600));        // shares the block edge only
        fps.put("straddling", rect(edge - 50, 400, edge + 50, 600));  // centre on the edge: block c + 1, reaches into c
        Polygon triangle = UTM.createPolygon(new Coordinate[] {
            new Coordinate(edge - 300, 450), new Coordinate(edge - 30, 500), new Coordinate(edge - 300, 550),
            new Coordinate(edge - 300, 450)});
        fps.put("triangle", triangle);                                  // a vertex 30 m from the other block
        Polygon diamond = UTM.createPolygon(new Coordinate[] {
            new Coordinate(edge - 60, 500), new Coordinate(edge - 20, 540), new Coordinate(edge + 20, 500),
            new Coordinate(edge - 20, 460), new Coordinate(edge - 60, 500)});
        fps.put("diamond", diamond);                                    // not a rectangle, crosses the edge

        var none = SPLIT.assign(fps);
        assertEquals(6, none.size());
        assertTrue(none.excluded().isEmpty());

        var zero = SPLIT.buffer(0, BufferAction.DROP).assign(fps);
        assertEquals(Map.of("straddling", true, "diamond", true), Map.of(
                "straddling", zero.excluded().containsKey("straddling"), "diamond", zero.excluded().containsKey("diamond")));
        assertEquals(2, zero.excluded().size(), zero.excluded().toString());
        assertTrue(zero.excluded().get("straddling").startsWith("reaches into "), zero.excluded().toString());
        assertTrue(zero.contains("touching"));

        var drop = SPLIT.buffer(100, BufferAction.DROP).assign(fps);
        assertEquals(java.util.Set.of("near", "touching", "straddling", "triangle", "diamond"), drop.excluded().keySet());
        assertTrue(drop.excluded().get("near").startsWith("is 50 from "), drop.excluded().get("near"));
        assertTrue(drop.excluded().get("triangle").startsWith("is 30 from "), drop.excluded().get("triangle"));
        assertEquals(none.split("far"), drop.split("far"));
        assertFalse(drop.contains("near"));

        var narrow = SPLIT.buffer(40, BufferAction.DROP).assign(fps);
        assertTrue(narrow.contains("near"));
        assertFalse(narrow.contains("triangle"));

        var report = SPLIT.buffer(100, BufferAction.REPORT).assign(fps);
        assertEquals(6, report.size());
        assertEquals(drop.excluded(), report.flagged());
        assertEquals(none.asMap(), report.asMap());
        assertTrue(report.toString().endsWith("; flagged 5]"), report.toString());
    }

    @Test
    void tilesOfAGeoreferencedGridNeverLeakAcrossTheBuffer() {
        var geo = GeoReference.of(Crs.epsg(UTM30), GeoTransform.northUp(500_000, 4_010_000, 10));
        var grid = TileGrid.of(2000, 2000).size(100).georeferenced(geo);   // 400 tiles of 1 km over 20 km
        Map<String, Polygon> fps = new LinkedHashMap<>();
        for (Tile t : grid.tiles()) {
            fps.put("tile_" + t.index(), t.footprint().orElseThrow());
        }
        double buffer = 1500;
        var split = SpatialBlockSplit.of(Ratios.parse("7:1:2")).blockSize(5000).seed(1).buffer(buffer, BufferAction.DROP);
        var a = split.assign(fps);
        assertEquals(400, a.size() + a.excluded().size());
        assertFalse(a.excluded().isEmpty(), a.toString());
        // brute force: a kept tile is at least `buffer` from every block of another split; an excluded one is not
        Map<String, Split> blockSplit = new HashMap<>();
        for (var e : fps.entrySet()) {
            Envelope env = e.getValue().getEnvelopeInternal();
            long bc = (long) Math.floor(env.centre().x / 5000);
            long br = (long) Math.floor(env.centre().y / 5000);
            Split own = split.splitOfBlock(UTM30, bc, br);
            double nearestOther = Double.POSITIVE_INFINITY;
            for (long r = br - 2; r <= br + 2; r++) {
                for (long c = bc - 2; c <= bc + 2; c++) {
                    if (split.splitOfBlock(UTM30, c, r) != own) {
                        Polygon block = rect(c * 5000.0, r * 5000.0, c * 5000.0 + 5000, r * 5000.0 + 5000);
                        nearestOther = Math.min(nearestOther, e.getValue().distance(block));
                    }
                }
            }
            boolean kept = a.contains(e.getKey());
            assertEquals(nearestOther >= buffer, kept, e.getKey() + " at distance " + nearestOther);
            if (kept) {
                assertEquals(own, a.split(e.getKey()).orElseThrow());
                blockSplit.merge(bc + ":" + br, own, (x, y) -> {
                    assertEquals(x, y);
                    return x;
                });
            }
        }
        // stable: tiles of a neighbouring area added later change nothing for the first ones
        Map<String, Polygon> more = new LinkedHashMap<>(fps);
        var east = TileGrid.of(500, 500).size(100)
                .georeferenced(GeoReference.of(Crs.epsg(UTM30), GeoTransform.northUp(520_000, 4_010_000, 10)));
        for (Tile t : east.tiles()) {
            more.put("east_" + t.index(), t.footprint().orElseThrow());
        }
        var b = split.assign(more);
        for (String id : fps.keySet()) {
            assertEquals(a.split(id), b.split(id), id);
            assertEquals(a.excluded().get(id), b.excluded().get(id), id);
        }
    }

    @Test
    void badArguments() {
        var s = SpatialBlockSplit.of(Ratios.parse("7:1:2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.assign(Map.of("a", rect(0, 0, 1, 1))))
                .getMessage().startsWith("no block size set"));
        assertEquals("block size must be a positive number, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> s.blockSize(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.blockSize(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.blockSize(10).buffer(-1, BufferAction.DROP));
        assertThrows(IllegalArgumentException.class, () -> s.origin(Double.POSITIVE_INFINITY, 0));
        Map<String, Geometry> empty = new HashMap<>();
        empty.put("void", UTM.createPolygon());
        assertEquals("sample 'void' has no footprint",
                assertThrows(IllegalArgumentException.class, () -> s.blockSize(10).assign(empty)).getMessage());
        var huge = assertThrows(IllegalArgumentException.class,
                () -> s.blockSize(1).buffer(5000, BufferAction.DROP).assign(Map.of("a", rect(0, 0, 1, 1))));
        assertTrue(huge.getMessage().contains("touches more than"), huge.getMessage());
        assertEquals("SpatialBlockSplit[7:1:2, seed 0, block 1000, origin (0, 0), buffer 500 DROP]",
                s.blockSize(1000).buffer(500, BufferAction.DROP).toString());
    }
}
