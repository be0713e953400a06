package org.landcover4j.io.arrow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.raster.Window;
import org.landcover4j.core.tile.Tile;
import org.landcover4j.core.tile.TileGrid;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * Tile tables: one row per tile of a {@link TileGrid} laid over a sample, as a flat Arrow table written with
 * {@link TableWriter}.
 *
 * <p>Columns ({@link #columns()}): {@code dataset}, {@code sample_id}, {@code split} (null when none),
 * {@code tile_index}, {@code row}, {@code col} (grid position), {@code x}, {@code y} (the tile's upper-left pixel in
 * the sample), {@code width}, {@code height} (the whole tile, padding included), {@code pad_right},
 * {@code pad_bottom}, {@code crs}, {@code footprint} (WKB, the whole tile), {@code min_x}, {@code min_y},
 * {@code max_x}, {@code max_y} (its bounds), and, when the sample's label is given, {@code label_pixels} (label
 * pixels inside the raster), {@code valid_pixels} (of those, not an ignore value), {@code class_count} (distinct
 * valid values) and {@code majority_class} (the most frequent valid value, ties to the smaller; null when none).
 * Label columns are null for unlabelled samples.
 *
 * <p>Thread safety: stateless; a {@link TableWriter} itself is written by one thread.
 *
 * {@snippet :
 * try (TableWriter w = TileTables.create(Path.of("tiles.arrow"))) {
 *     TileGrid grid = TileGrid.of(label.metadata()).size(256).stride(128);
 *     TileTables.write(w, "sen12ms", "ROIs1158_spring_s1_1_p2", Optional.of("train"), grid, Optional.of(label),
 *             v -> v == 255);
 *     w.commit();
 * }
 * }
 */
public final class TileTables {

    private static final List<Column> COLUMNS = List.of(
            Column.required("dataset", ColumnType.UTF8),
            Column.required("sample_id", ColumnType.UTF8),
            Column.of("split", ColumnType.UTF8),
            Column.required("tile_index", ColumnType.INT32),
            Column.required("row", ColumnType.INT32),
            Column.required("col", ColumnType.INT32),
            Column.required("x", ColumnType.INT32),
            Column.required("y", ColumnType.INT32),
            Column.required("width", ColumnType.INT32),
            Column.required("height", ColumnType.INT32),
            Column.required("pad_right", ColumnType.INT32),
            Column.required("pad_bottom", ColumnType.INT32),
            Column.of("crs", ColumnType.UTF8),
            Column.of("footprint", ColumnType.WKB),
            Column.of("min_x", ColumnType.FLOAT64),
            Column.of("min_y", ColumnType.FLOAT64),
            Column.of("max_x", ColumnType.FLOAT64),
            Column.of("max_y", ColumnType.FLOAT64),
            Column.of("label_pixels", ColumnType.INT64),
            Column.of("valid_pixels", ColumnType.INT64),
            Column.of("class_count", ColumnType.INT32),
            Column.of("majority_class", ColumnType.INT32));

    private TileTables() {
    }

    /** The tile table's columns, in order. */
    public static List<Column> columns() {
        return COLUMNS;
    }

    /** Opens a {@link TableWriter} with the tile table's columns. */
    public static TableWriter create(Path file) throws IOException {
        return TableWriter.create(file, COLUMNS);
    }

    /**
     * Writes one row per tile of {@code grid} over one sample.
     *
     * @param writer  a writer opened with {@link #create(Path)} (or with {@link #columns()})
     * @param dataset dataset id
     * @param id      sample id
     * @param split   the sample's split, if any
     * @param grid    the grid over the sample (its raster size must be the label's when a label is given)
     * @param label   the sample's primary label (band 0 is counted), or empty
     * @param ignore  label values that do not count as valid pixels ({@code v -> false} for none)
     * @return the number of rows written
     * @throws IllegalArgumentException if the grid does not fit the raster (a tile larger than the raster with the
     *                                  drop or shift policy), or its size differs from the label's
     */
    public static int write(TableWriter writer, String dataset, String id, Optional<String> split, TileGrid grid,
                            Optional<Raster> label, IntPredicate ignore) throws IOException {
        return write(writer, dataset, id, split, grid, label, label.map(Manifests::labelHistogram).orElse(null),
                ignore);
    }

    /** {@link #write(TableWriter, String, String, Optional, TileGrid, Optional, IntPredicate)} with the label's
     * histogram already known (its keys say which values to look for in each window). */
    static int write(TableWriter writer, String dataset, String id, Optional<String> split, TileGrid grid,
                     Optional<Raster> label, Map<Integer, Long> labelHistogram, IntPredicate ignore)
            throws IOException {
        Objects.requireNonNull(writer, "writer");
        List<Object[]> rows = rows(dataset, id, split, grid, label, labelHistogram, ignore);
        for (Object[] row : rows) {
            writer.write(row);
        }
        return rows.size();
    }

    /** The rows of one sample's tiles, as {@link TableWriter#write(Object...)} takes them. */
    static List<Object[]> rows(String dataset, String id, Optional<String> split, TileGrid grid,
                               Optional<Raster> label, Map<Integer, Long> labelHistogram, IntPredicate ignore) {
        Objects.requireNonNull(ignore, "ignore (use v -> false)");
        if (label.isPresent() && (label.get().width() != grid.rasterWidth()
                || label.get().height() != grid.rasterHeight())) {
            throw new IllegalArgumentException("the grid is over " + grid.rasterWidth() + "x" + grid.rasterHeight()
                    + " pixels but the label of sample " + id + " is " + label.get().width() + "x"
                    + label.get().height());
        }
        WindowCounter counter = label.map(l -> new WindowCounter(l, labelHistogram, ignore)).orElse(null);
        List<Tile> tiles = grid.tiles();
        List<Object[]> out = new ArrayList<>(tiles.size());
        for (Tile t : tiles) {
            Optional<Polygon> fp = t.footprint();
            Envelope e = fp.map(Polygon::getEnvelopeInternal).orElse(null);
            Window w = t.window();
            Object labelPixels = null;
            Object validPixels = null;
            Object classCount = null;
            Object majority = null;
            if (counter != null) {
                counter.count(w);
                labelPixels = (long) w.width() * w.height();
                validPixels = counter.valid;
                classCount = counter.classes;
                majority = counter.classes == 0 ? null : counter.majority;
            }
            out.add(new Object[] {dataset, id, split.orElse(null), t.index(), t.row(), t.col(), w.x(), w.y(),
                t.width(), t.height(), t.padRight(), t.padBottom(),
                t.geoReference().flatMap(GeoReference::crs).map(Crs::id).orElse(null),
                fp.orElse(null), e == null ? null : e.getMinX(), e == null ? null : e.getMinY(),
                e == null ? null : e.getMaxX(), e == null ? null : e.getMaxY(),
                labelPixels, validPixels, classCount, majority});
        }
        return out;
    }

    /**
     * Writes the tile table of one raster to {@code file}: every tile of {@code grid}, counted against
     * {@code label} when given; commits, or leaves no file on failure.
     *
     * @return the number of rows written
     */
    public static long write(Path file, String dataset, String id, TileGrid grid, Optional<Raster> label,
                             IntPredicate ignore) throws IOException {
        try (TableWriter w = create(file)) {
            write(w, dataset, id, Optional.empty(), grid, label, ignore);
            w.commit();
            return w.rows();
        }
    }

    /** Counts the values of one window of band 0 of a label: valid pixels, distinct valid values, majority. */
    private static final class WindowCounter {
        private final Raster label;
        private final IntPredicate ignore;
        private final boolean signed;
        private final long[] counts;
        private final int[] present;   // raw indices (0..255 or 0..65535) present in the label, by ascending value
        long valid;
        int classes;
        int majority;

        WindowCounter(Raster label, Map<Integer, Long> histogram, IntPredicate ignore) {
            this.label = label;
            this.ignore = ignore;
            this.signed = label.dataType().isSigned();
            if (label instanceof ByteRaster || label instanceof ShortRaster) {
                int size = label instanceof ByteRaster ? 256 : 65536;
                counts = new long[size];
                // the histogram's keys are values; sorting values and mapping them to raw indices keeps value order
                present = histogram.keySet().stream().mapToInt(Integer::intValue).sorted()
                        .map(v -> v & (size - 1)).toArray();
            } else {
                counts = null;
                present = null;
            }
        }

        void count(Window w) {
            valid = 0;
            classes = 0;
            majority = 0;
            long best = -1;
            int width = label.width();
            if (label instanceof ByteRaster b) {
                byte[] src = b.unsafeBandArray(0);
                for (int r = w.y(); r < w.y() + w.height(); r++) {
                    Kernels.histogram(src, r * width + w.x(), w.width(), null, 0, counts);
                }
            } else if (label instanceof ShortRaster s) {
                short[] src = s.unsafeBandArray(0);
                for (int r = w.y(); r < w.y() + w.height(); r++) {
                    Kernels.histogram(src, r * width + w.x(), w.width(), null, 0, counts);
                }
            } else {
                var hist = new java.util.TreeMap<Integer, Long>();
                for (int r = w.y(); r < w.y() + w.height(); r++) {
                    for (int c = w.x(); c < w.x() + w.width(); c++) {
                        double d = label.getDouble(0, r, c);
                        if (!Double.isNaN(d)) {
                            hist.merge((int) d, 1L, Long::sum);
                        }
                    }
                }
                for (var e : hist.entrySet()) {
                    best = take(e.getKey(), e.getValue(), best);
                }
                return;
            }
            for (int raw : present) {
                long c = counts[raw];
                counts[raw] = 0;
                if (c != 0) {
                    best = take(value(raw), c, best);
                }
            }
        }

        private int value(int raw) {
            if (!signed) {
                return raw;
            }
            return counts.length == 256 ? (byte) raw : (short) raw;
        }

        private long take(int value, long count, long best) {
            if (ignore.test(value)) {
                return best;
            }
            valid += count;
            classes++;
            if (count > best) {
                majority = value;
                return count;
            }
            return best;
        }
    }
}
