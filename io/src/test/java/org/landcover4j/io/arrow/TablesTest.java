package org.landcover4j.io.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.raster.Window;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.core.tile.EdgePolicy;
import org.landcover4j.core.tile.Tile;
import org.landcover4j.core.tile.TileGrid;

/** Label histograms, tile tables and metric tables against pixel-by-pixel oracles. */
class TablesTest {

    @TempDir
    Path dir;

    private static long seedCounter = 7_000;

    static Map<Integer, Long> oracle(Raster r, Window w) {
        Map<Integer, Long> h = new TreeMap<>();
        for (int y = w.y(); y < w.y() + w.height(); y++) {
            for (int x = w.x(); x < w.x() + w.width(); x++) {
                double d = r.getDouble(0, y, x);
                if (!Double.isNaN(d)) {
                    h.merge((int) d, 1L, Long::sum);
                }
            }
        }
        return h;
    }

    /** A random one-band label of a random integer type, values clustered so that windows differ. */
    static Raster randomLabel(Gen g) {
        int w = g.between(1, 90);
        int h = g.between(1, 90);
        DataType[] types = {DataType.UINT8, DataType.INT8, DataType.UINT16, DataType.INT16, DataType.INT32};
        DataType t = types[g.nextInt(types.length)];
        var meta = RasterMetadata.of(t, 1, h, w);
        if (g.chance(0.5)) {
            meta = meta.withGeoReference(GeoReference.of(Crs.epsg(32630), GeoTransform.northUp(g.between(0, 9999) * 10.0,
                    g.between(0, 9999) * 10.0, 10)));
        }
        int n = w * h;
        int lo = t.isSigned() ? -5 : 0;
        int hi = switch (t) {
            case UINT8 -> 255;
            case INT8 -> 127;
            default -> g.chance(0.5) ? 12 : 40_000;
        };
        if (t == DataType.INT16) {
            hi = Math.min(hi, 32_767);
        }
        int[] v = new int[n];
        int base = g.between(lo, Math.min(hi, lo + 8));
        for (int i = 0; i < n; i++) {
            v[i] = g.chance(0.8) ? base + (i / w) * 3 / h : g.between(lo, hi);
        }
        return switch (t) {
            case UINT8, INT8 -> {
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    b[i] = (byte) v[i];
                }
                yield ByteRaster.wrap(meta, b);
            }
            case UINT16, INT16 -> {
                short[] s = new short[n];
                for (int i = 0; i < n; i++) {
                    s[i] = (short) v[i];
                }
                yield ShortRaster.wrap(meta, s);
            }
            default -> IntRaster.wrap(meta, v);
        };
    }

    @RepeatedTest(40)
    void labelHistogramEqualsThePixelByPixelCount() {
        Gen g = new Gen(seedCounter++);
        Raster r = randomLabel(g);
        assertEquals(oracle(r, Window.of(0, 0, r.width(), r.height())), Manifests.labelHistogram(r),
                r + " " + g);
    }

    @Test
    void labelHistogramOfSignedAndFloatRasters() {
        var i8 = ByteRaster.wrap(RasterMetadata.of(DataType.INT8, 1, 1, 4), new byte[] {-1, -1, 5, -128});
        assertEquals(Map.of(-128, 1L, -1, 2L, 5, 1L), Manifests.labelHistogram(i8));
        var u8 = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 1, 4), new byte[] {-1, -1, 5, -128});
        assertEquals(Map.of(255, 2L, 5, 1L, 128, 1L), Manifests.labelHistogram(u8));
        var i16 = ShortRaster.wrap(RasterMetadata.of(DataType.INT16, 1, 1, 3), new short[] {-2, 300, -2});
        assertEquals(Map.of(-2, 2L, 300, 1L), Manifests.labelHistogram(i16));
        var f = FloatRaster.wrap(RasterMetadata.of(DataType.FLOAT32, 1, 1, 3), new float[] {1f, Float.NaN, 1f});
        assertEquals(Map.of(1, 2L), Manifests.labelHistogram(f));
        var frac = FloatRaster.wrap(RasterMetadata.of(DataType.FLOAT32, 1, 1, 2), new float[] {1f, 2.5f});
        var e = assertThrows(IllegalArgumentException.class, () -> Manifests.labelHistogram(frac));
        assertTrue(e.getMessage().contains("2.5"), e.getMessage());
        // the 16-bit scratch is cleared between calls
        assertEquals(Map.of(-2, 2L, 300, 1L), Manifests.labelHistogram(i16));
    }

    @RepeatedTest(40)
    void tileRowsMatchTheWindowOracle() {
        Gen g = new Gen(seedCounter++);
        Raster label = randomLabel(g);
        int size = g.between(1, 40);
        int stride = g.between(1, 45);
        EdgePolicy edge = EdgePolicy.values()[g.nextInt(3)];
        if (size > Math.min(label.width(), label.height())) {
            edge = EdgePolicy.PAD;
        }
        TileGrid grid = TileGrid.of(label.metadata()).size(size).stride(stride).edge(edge);
        int ignored = g.between(-5, 12);
        IntPredicate ignore = v -> v == ignored;
        String msg = label + " " + grid + " ignore " + ignored + " " + g;
        List<Object[]> rows = TileTables.rows("ds", "s1", Optional.of("val"), grid, Optional.of(label),
                Manifests.labelHistogram(label), ignore);
        assertEquals(grid.count(), rows.size(), msg);
        for (int k = 0; k < rows.size(); k++) {
            Object[] r = rows.get(k);
            Tile t = grid.tile(k);
            assertEquals(TileTables.columns().size(), r.length);
            assertEquals("val", r[2]);
            assertEquals(k, r[3]);
            assertEquals(t.window().x(), r[6], msg);
            assertEquals(t.window().y(), r[7], msg);
            assertEquals(t.width(), r[8], msg);
            assertEquals(t.padBottom(), r[11], msg);
            Map<Integer, Long> h = oracle(label, t.window());
            h.remove(ignored);
            assertEquals((long) t.window().width() * t.window().height(), r[18], msg);
            assertEquals(h.values().stream().mapToLong(Long::longValue).sum(), r[19], msg + " tile " + k);
            assertEquals(h.size(), r[20], msg + " tile " + k);
            if (h.isEmpty()) {
                assertNull(r[21], msg);
            } else {
                long best = h.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                int majority = h.entrySet().stream().filter(e -> e.getValue() == best).mapToInt(Map.Entry::getKey)
                        .min().orElseThrow();
                assertEquals(majority, r[21], msg + " tile " + k);
            }
            if (label.geoReference().isPresent()) {
                assertEquals("EPSG:32630", r[12]);
                assertEquals(t.footprint().orElseThrow(), r[13], msg);
                assertEquals(t.footprint().orElseThrow().getEnvelopeInternal().getMinX(), (Double) r[14], 0.0);
            } else {
                assertNull(r[12]);
                assertNull(r[13]);
                assertNull(r[17]);
            }
        }
    }

    @Test
    void tileTableFileRoundTripAndErrors() throws Exception {
        Gen g = new Gen(42);
        byte[] px = g.bytes(30 * 20, 0, 3);
        var label = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 20, 30).withGeoReference(
                GeoReference.of(Crs.epsg(32632), GeoTransform.northUp(500000, 5000000, 10))), px);
        Path file = dir.resolve("tiles.arrow");
        long n = TileTables.write(file, "demo", "a", TileGrid.of(label.metadata()).size(16).edge(EdgePolicy.PAD),
                Optional.of(label), v -> v == 0);
        assertEquals(4, n);
        ArrowFiles.Table t = ArrowFiles.read(file);
        assertEquals(TableWriter.schema(TileTables.columns()), t.schema());
        assertEquals(List.of(0, 1, 2, 3), t.column("tile_index"));
        assertEquals(List.of(16, 16, 16, 16), t.column("width"));
        assertEquals(List.of(0, 2, 0, 2), t.column("pad_right"));
        assertEquals(List.of(0, 0, 12, 12), t.column("pad_bottom"));
        assertEquals(List.of(256L, 14L * 16, 16L * 4, 14L * 4), t.column("label_pixels"));
        long valid = 0;
        for (byte b : px) {
            valid += b != 0 ? 1 : 0;
        }
        assertEquals(valid, t.column("valid_pixels").stream().mapToLong(o -> (Long) o).sum());
        assertEquals(500000.0, t.rows().get(0).get("min_x"));
        assertEquals(500160.0, t.rows().get(1).get("min_x"));
        assertNull(t.rows().get(0).get("split"));

        // unlabelled: label columns null
        TileTables.write(file, "demo", "b", TileGrid.of(30, 20).size(10), Optional.empty(), v -> false);
        t = ArrowFiles.read(file);
        assertEquals(6, t.rows().size());
        assertTrue(t.column("label_pixels").stream().allMatch(o -> o == null));
        assertTrue(t.column("footprint").stream().allMatch(o -> o == null));

        // a grid over another size, and a tile larger than the raster with DROP: errors, no file
        Path bad = dir.resolve("bad.arrow");
        var e = assertThrows(IllegalArgumentException.class, () -> TileTables.write(bad, "demo", "a",
                TileGrid.of(31, 20).size(8), Optional.of(label), v -> false));
        assertTrue(e.getMessage().contains("31x20") && e.getMessage().contains("30x20"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TileTables.write(bad, "demo", "a",
                TileGrid.of(label.metadata()).size(64), Optional.of(label), v -> false));
        assertTrue(e.getMessage().contains("64"), e.getMessage());
        assertFalse(Files.exists(bad));
    }

    @Test
    void metricTables() throws Exception {
        int[] values = {0, 3, 7};
        long[][] counts = {{5, 1, 0}, {2, 9, 1}, {0, 0, 4_000_000_000L}};
        Path cf = dir.resolve("confusion.arrow");
        assertEquals(9, MetricTables.writeConfusion(cf, values, counts));
        ArrowFiles.Table t = ArrowFiles.read(cf);
        assertEquals(List.of(0, 0, 0, 3, 3, 3, 7, 7, 7), t.column("reference"));
        assertEquals(List.of(0, 3, 7, 0, 3, 7, 0, 3, 7), t.column("prediction"));
        assertEquals(List.of(5L, 1L, 0L, 2L, 9L, 1L, 0L, 0L, 4_000_000_000L), t.column("pixels"));
        assertThrows(IllegalArgumentException.class,
                () -> MetricTables.writeConfusion(dir.resolve("x.arrow"), values, new long[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> MetricTables.writeConfusion(dir.resolve("x.arrow"),
                new int[] {1}, new long[][] {{-1}}));
        assertFalse(Files.exists(dir.resolve("x.arrow")));

        Path pc = dir.resolve("classes.arrow");
        Map<String, double[]> metrics = new LinkedHashMap<>();
        metrics.put("iou", new double[] {0.5, Double.NaN, 1});
        metrics.put("f1", new double[] {0.6, 0.7, 1});
        MetricTables.writePerClass(pc, values, List.of("water", "tree", "road"), metrics);
        t = ArrowFiles.read(pc);
        assertEquals(List.of("value", "name", "iou", "f1"),
                t.schema().getFields().stream().map(f -> f.getName()).toList());
        assertEquals(List.of("water", "tree", "road"), t.column("name"));
        assertTrue(Double.isNaN((Double) t.column("iou").get(1)));
        assertEquals(0.7, t.column("f1").get(1));
        // Map.of has no order: columns sorted by name
        MetricTables.writePerClass(pc, values, List.of(), Map.of("z", new double[3], "a", new double[3]));
        t = ArrowFiles.read(pc);
        assertEquals(List.of("value", "name", "a", "z"), t.schema().getFields().stream().map(f -> f.getName()).toList());
        assertTrue(t.column("name").stream().allMatch(o -> o == null));
        assertThrows(IllegalArgumentException.class,
                () -> MetricTables.writePerClass(pc, values, List.of("a"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> MetricTables.writePerClass(pc, values, List.of(), Map.of("iou", new double[2])));
        assertThrows(IllegalArgumentException.class,
                () -> MetricTables.writePerClass(pc, values, List.of(), Map.of("value", new double[3])));

        Path sm = dir.resolve("summary.arrow");
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("overall_accuracy", 0.9);
        summary.put("kappa", Double.NaN);
        assertEquals(2, MetricTables.writeSummary(sm, summary));
        t = ArrowFiles.read(sm);
        assertEquals(List.of("overall_accuracy", "kappa"), t.column("metric"));
        assertTrue(Double.isNaN((Double) t.column("value").get(1)));
    }
}
