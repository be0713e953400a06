package org.landcover4j.io.arrow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes a flat table (tiles, per-class metrics, split assignments) as an Apache Arrow IPC file.
 *
 * <p>Columns are declared up front ({@link Column}); rows are written as values in column order, {@code null}
 * for a missing value in a nullable column. As with {@link ManifestWriter}, rows go out in record batches of a
 * fixed size through reused vectors (bounded memory), and the file appears only on {@link #commit()}.
 *
 * <p>Not thread-safe: one thread writes.
 *
 * {@snippet :
 * try (var w = TableWriter.create(Path.of("classes.arrow"),
 *         List.of(Column.required("value", ColumnType.INT32), Column.of("iou", ColumnType.FLOAT64)))) {
 *     w.write(1, 0.71);
 *     w.write(2, Double.NaN);
 *     w.commit();
 * }
 * }
 */
public final class TableWriter implements AutoCloseable {
    private final ArrowSink sink;
    private final List<Column> columns;
    private final FieldVector[] vectors;
    private final int batchSize;
    private final WkbEncoder wkb = new WkbEncoder();
    private int inBatch;
    private long rows;

    private TableWriter(Path file, List<Column> columns, int batchSize) throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.columns = List.copyOf(columns);
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        var names = new HashSet<String>();
        for (Column c : this.columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate column name '" + c.name() + "'");
            }
        }
        this.batchSize = batchSize;
        this.sink = new ArrowSink(file, schema(this.columns));
        this.vectors = sink.root().getFieldVectors().toArray(new FieldVector[0]);
        sink.root().allocateNew();
    }

    /** Opens a writer with the default batch size of {@value ManifestWriter#DEFAULT_BATCH_SIZE} rows. */
    public static TableWriter create(Path file, List<Column> columns) throws IOException {
        return new TableWriter(file, columns, ManifestWriter.DEFAULT_BATCH_SIZE);
    }

    /** Opens a writer writing record batches of {@code batchSize} rows. */
    public static TableWriter create(Path file, List<Column> columns, int batchSize) throws IOException {
        return new TableWriter(file, columns, batchSize);
    }

    /** The Arrow schema for these columns. */
    public static Schema schema(List<Column> columns) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (Column c : columns) {
            ArrowType t = switch (c.type()) {
                case UTF8 -> ArrowType.Utf8.INSTANCE;
                case INT32 -> new ArrowType.Int(32, true);
                case INT64 -> new ArrowType.Int(64, true);
                case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                case BOOL -> ArrowType.Bool.INSTANCE;
                case BINARY, WKB -> ArrowType.Binary.INSTANCE;
            };
            Map<String, String> meta = c.type() == ColumnType.WKB
                    ? Map.of("ARROW:extension:name", ManifestWriter.GEOARROW_WKB, "ARROW:extension:metadata", "{}")
                    : null;
            fields.add(new Field(c.name(), new FieldType(c.nullable(), t, null, meta), null));
        }
        return new Schema(fields);
    }

    /**
     * Adds one row, values in column order.
     *
     * @throws IllegalArgumentException naming the column when a value has the wrong type, is null in a required
     *                                  column, or the count of values differs from the count of columns
     */
    public void write(Object... values) throws IOException {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        int i = inBatch;
        for (int c = 0; c < values.length; c++) {
            set(c, i, values[c]);
        }
        inBatch++;
        rows++;
        if (inBatch == batchSize) {
            flush();
        }
    }

    private void set(int c, int i, Object v) {
        Column col = columns.get(c);
        if (v == null) {
            if (!col.nullable()) {
                throw new IllegalArgumentException("column '" + col.name() + "' does not accept null");
            }
            vectors[c].setNull(i);
            return;
        }
        try {
            switch (col.type()) {
                case UTF8 -> ((VarCharVector) vectors[c]).setSafe(i, ManifestWriter.utf8(v.toString()));
                case INT32 -> ((IntVector) vectors[c]).setSafe(i, Math.toIntExact(integral((Number) v, col)));
                case INT64 -> ((BigIntVector) vectors[c]).setSafe(i, integral((Number) v, col));
                case FLOAT64 -> ((Float8Vector) vectors[c]).setSafe(i, ((Number) v).doubleValue());
                case BOOL -> ((BitVector) vectors[c]).setSafe(i, ((Boolean) v) ? 1 : 0);
                case BINARY -> ((VarBinaryVector) vectors[c]).setSafe(i, (byte[]) v);
                case WKB -> ((VarBinaryVector) vectors[c]).setSafe(i, wkb.encode((Geometry) v));
            }
        } catch (ClassCastException | ArithmeticException e) {
            throw new IllegalArgumentException("column '" + col.name() + "' (" + col.type() + ") cannot hold "
                    + v.getClass().getSimpleName() + " " + v, e);
        }
    }

    private static long integral(Number n, Column col) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("column '" + col.name() + "' needs an integer, got " + d);
            }
            return (long) d;
        }
        return Objects.requireNonNull(n).longValue();
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    private void flush() throws IOException {
        if (inBatch == 0) {
            return;
        }
        for (FieldVector v : vectors) {
            v.setValueCount(inBatch);
        }
        sink.writeBatch(inBatch);
        inBatch = 0;
        sink.root().allocateNew();
    }

    /** Writes the last batch, finishes the file and moves it into place. */
    public void commit() throws IOException {
        flush();
        sink.commit();
    }

    /** Releases memory; without a prior {@link #commit()} the partial file is deleted. */
    @Override
    public void close() throws IOException {
        sink.close();
    }
}
