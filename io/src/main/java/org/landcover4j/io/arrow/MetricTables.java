package org.landcover4j.io.arrow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Metric tables: a confusion matrix in long form, per-class metrics, and named summary values, as flat Arrow
 * tables written with {@link TableWriter}.
 *
 * <p>The {@code io} module does not depend on {@code metrics}, so these take plain arrays; from a
 * {@code ConfusionMatrix} pass {@code classValues()}, {@code counts()} and, for example, {@code iou()}.
 * Tables:
 * <ul>
 *   <li>{@link #writeConfusion}: {@code reference} (int32), {@code prediction} (int32), {@code pixels} (int64),
 *       one row per cell (rows = reference, columns = prediction), zero cells included, row-major.</li>
 *   <li>{@link #writePerClass}: {@code value} (int32), {@code name} (utf8, null when unnamed), then one float64
 *       column per metric, in the order given; NaN (undefined) is written as NaN.</li>
 *   <li>{@link #writeSummary}: {@code metric} (utf8), {@code value} (float64).</li>
 * </ul>
 *
 * <p>Every method writes a whole file and commits it, or leaves no file on failure. Thread safety: stateless.
 *
 * {@snippet :
 * ConfusionMatrix cm = acc.result();
 * MetricTables.writeConfusion(Path.of("confusion.arrow"), cm.classValues(), cm.counts());
 * MetricTables.writePerClass(Path.of("classes.arrow"), cm.classValues(), List.of(),
 *         Map.of("iou", cm.iou(), "f1", cm.f1()));
 * MetricTables.writeSummary(Path.of("summary.arrow"), Map.of("overall_accuracy", cm.overallAccuracy()));
 * }
 */
public final class MetricTables {

    private MetricTables() {
    }

    /**
     * Writes a confusion matrix as one row per cell.
     *
     * @param classValues the class value of each row and column
     * @param counts      {@code counts[i][j]}: pixels with reference {@code classValues[i]} and prediction
     *                    {@code classValues[j]}
     * @return the number of rows written ({@code k * k})
     * @throws IllegalArgumentException if {@code counts} is not {@code k x k} or holds a negative count
     */
    public static long writeConfusion(Path file, int[] classValues, long[][] counts) throws IOException {
        int k = classValues.length;
        if (counts.length != k) {
            throw new IllegalArgumentException("need " + k + " rows of counts for " + k + " classes, got "
                    + counts.length);
        }
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k) {
                throw new IllegalArgumentException("row " + i + " of the counts has " + counts[i].length
                        + " cells; expected " + k);
            }
            for (int j = 0; j < k; j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException("negative count " + counts[i][j] + " at row " + i
                            + ", column " + j);
                }
            }
        }
        try (TableWriter w = TableWriter.create(file, List.of(Column.required("reference", ColumnType.INT32),
                Column.required("prediction", ColumnType.INT32), Column.required("pixels", ColumnType.INT64)))) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    w.write(classValues[i], classValues[j], counts[i][j]);
                }
            }
            w.commit();
            return w.rows();
        }
    }

    /**
     * Writes per-class metrics, one row per class.
     *
     * @param classValues the classes
     * @param classNames  one name per class, or an empty list for none
     * @param metrics     metric name to one value per class: columns in the map's order when it has one
     *                    ({@link LinkedHashMap}, {@link SortedMap}), sorted by name otherwise
     * @return the number of rows written
     * @throws IllegalArgumentException if a list or array length differs from the number of classes, or a metric is
     *                                  named {@code value} or {@code name}
     */
    public static long writePerClass(Path file, int[] classValues, List<String> classNames,
                                     Map<String, double[]> metrics) throws IOException {
        int k = classValues.length;
        if (!classNames.isEmpty() && classNames.size() != k) {
            throw new IllegalArgumentException("need " + k + " class names or none, got " + classNames.size());
        }
        Map<String, double[]> ordered = ordered(metrics);
        List<Column> cols = new ArrayList<>();
        cols.add(Column.required("value", ColumnType.INT32));
        cols.add(Column.of("name", ColumnType.UTF8));
        for (var e : ordered.entrySet()) {
            Objects.requireNonNull(e.getValue(), () -> "values of metric " + e.getKey());
            if (e.getValue().length != k) {
                throw new IllegalArgumentException("metric '" + e.getKey() + "' has " + e.getValue().length
                        + " values for " + k + " classes");
            }
            if (e.getKey().equals("value") || e.getKey().equals("name")) {
                throw new IllegalArgumentException("a metric cannot be named '" + e.getKey() + "'");
            }
            cols.add(Column.required(e.getKey(), ColumnType.FLOAT64));
        }
        List<double[]> columns = new ArrayList<>(ordered.values());
        try (TableWriter w = TableWriter.create(file, cols)) {
            Object[] row = new Object[cols.size()];
            for (int i = 0; i < k; i++) {
                row[0] = classValues[i];
                row[1] = classNames.isEmpty() ? null : classNames.get(i);
                for (int m = 0; m < columns.size(); m++) {
                    row[2 + m] = columns.get(m)[i];
                }
                w.write(row);
            }
            w.commit();
            return w.rows();
        }
    }

    /**
     * Writes named values (overall accuracy, kappa, mean IoU, ...) as {@code metric, value} rows, in the map's
     * order when it has one ({@link LinkedHashMap}, {@link SortedMap}), sorted by name otherwise.
     *
     * @return the number of rows written
     */
    public static long writeSummary(Path file, Map<String, Double> values) throws IOException {
        try (TableWriter w = TableWriter.create(file, List.of(Column.required("metric", ColumnType.UTF8),
                Column.of("value", ColumnType.FLOAT64)))) {
            for (var e : ordered(values).entrySet()) {
                w.write(e.getKey(), e.getValue());
            }
            w.commit();
            return w.rows();
        }
    }

    /** The map itself when its order is defined, otherwise a copy sorted by key. */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map instanceof LinkedHashMap<String, V> || map instanceof SortedMap<String, V> ? map : new TreeMap<>(map);
    }
}
