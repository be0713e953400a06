package org.landcover4j.io.arrow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.landcover4j.core.ProgressListener;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes a dataset manifest, one row per sample, as an Apache Arrow IPC file that pandas, polars, DuckDB, Spark
 * or any Arrow implementation reads without conversion.
 *
 * <p>Schema: {@code dataset} (utf8), {@code id} (utf8), {@code split} (utf8, null when none),
 * {@code files} (map utf8 -> utf8, paths relative to the dataset root), {@code crs} (utf8), {@code footprint}
 * (binary, little-endian ISO WKB, field metadata {@code ARROW:extension:name = geoarrow.wkb}),
 * {@code min_x, min_y, max_x, max_y} (float64, the footprint's bounds in {@code crs}), {@code label_histogram}
 * (map int32 -> int64: raw label value to pixel count) and {@code statistics} (map utf8 -> float64).
 *
 * <p>Memory stays bounded: rows are buffered into record batches of {@code batchSize} rows through one reused set
 * of vectors. The file appears only on {@link #commit()}: it is written to a temporary file beside the target
 * and moved into place, so a failure (or {@link #close()} without commit) leaves no partial file.
 *
 * <p>Not thread-safe: one thread writes. JDK 25 needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} and
 * {@code --sun-misc-unsafe-memory-access=allow} for Arrow's memory module (the launcher sets both).
 *
 * {@snippet :
 * try (var w = ManifestWriter.create(Path.of("manifest.arrow"))) {
 *     for (ManifestRow row : rows) {
 *         w.write(row);
 *     }
 *     w.commit();
 * }
 * }
 */
public final class ManifestWriter implements AutoCloseable {

    /** Rows per record batch unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 8192;

    static final String GEOARROW_WKB = "geoarrow.wkb";

    private final ArrowSink sink;
    private final int batchSize;
    private final VarCharVector dataset;
    private final VarCharVector id;
    private final VarCharVector split;
    private final MapColumn files;
    private final VarCharVector crs;
    private final VarBinaryVector footprint;
    private final Float8Vector minX;
    private final Float8Vector minY;
    private final Float8Vector maxX;
    private final Float8Vector maxY;
    private final MapColumn histogram;
    private final MapColumn statistics;
    private final WkbEncoder wkb = new WkbEncoder();
    private int inBatch;
    private long rows;

    private ManifestWriter(Path file, int batchSize) throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.sink = new ArrowSink(file, schema());
        var root = sink.root();
        dataset = (VarCharVector) root.getVector("dataset");
        id = (VarCharVector) root.getVector("id");
        split = (VarCharVector) root.getVector("split");
        files = new MapColumn((MapVector) root.getVector("files"));
        crs = (VarCharVector) root.getVector("crs");
        footprint = (VarBinaryVector) root.getVector("footprint");
        minX = (Float8Vector) root.getVector("min_x");
        minY = (Float8Vector) root.getVector("min_y");
        maxX = (Float8Vector) root.getVector("max_x");
        maxY = (Float8Vector) root.getVector("max_y");
        histogram = new MapColumn((MapVector) root.getVector("label_histogram"));
        statistics = new MapColumn((MapVector) root.getVector("statistics"));
        root.allocateNew();
    }

    /** Opens a writer for {@code file} with the default batch size. */
    public static ManifestWriter create(Path file) throws IOException {
        return new ManifestWriter(file, DEFAULT_BATCH_SIZE);
    }

    /** Opens a writer for {@code file} writing record batches of {@code batchSize} rows. */
    public static ManifestWriter create(Path file, int batchSize) throws IOException {
        return new ManifestWriter(file, batchSize);
    }

    /**
     * Writes every row of {@code rows} to {@code file} and commits; on any failure no file is left behind.
     *
     * @return the number of rows written
     */
    public static long write(Path file, Iterator<ManifestRow> rows, long expected, ProgressListener progress)
            throws IOException {
        try (ManifestWriter w = create(file)) {
            while (rows.hasNext()) {
                w.write(rows.next());
                if ((w.rows & 1023) == 0) {
                    progress.progress(w.rows, expected, "export");
                }
            }
            w.commit();
            progress.progress(w.rows, expected, "export");
            return w.rows;
        }
    }

    /** The manifest's Arrow schema. */
    public static Schema schema() {
        return new Schema(List.of(
                Field.notNullable("dataset", ArrowType.Utf8.INSTANCE),
                Field.notNullable("id", ArrowType.Utf8.INSTANCE),
                Field.nullable("split", ArrowType.Utf8.INSTANCE),
                mapField("files", ArrowType.Utf8.INSTANCE, ArrowType.Utf8.INSTANCE),
                Field.nullable("crs", ArrowType.Utf8.INSTANCE),
                new Field("footprint", new FieldType(true, ArrowType.Binary.INSTANCE, null,
                        Map.of("ARROW:extension:name", GEOARROW_WKB, "ARROW:extension:metadata", "{}")), null),
                Field.nullable("min_x", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                Field.nullable("min_y", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                Field.nullable("max_x", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                Field.nullable("max_y", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                mapField("label_histogram", new ArrowType.Int(32, true), new ArrowType.Int(64, true)),
                mapField("statistics", ArrowType.Utf8.INSTANCE,
                        new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));
    }

    static Field mapField(String name, ArrowType key, ArrowType value) {
        Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                Field.notNullable("key", key), Field.nullable("value", value)));
        return new Field(name, FieldType.notNullable(new ArrowType.Map(false)), List.of(entries));
    }

    /** Adds one row; a record batch is written every {@code batchSize} rows. */
    public void write(ManifestRow row) throws IOException {
        int i = inBatch;
        dataset.setSafe(i, utf8(row.dataset()));
        id.setSafe(i, utf8(row.id()));
        setOrNull(split, i, row.split().orElse(null));
        setOrNull(crs, i, row.crs().orElse(null));
        if (row.footprint().isPresent()) {
            footprint.setSafe(i, wkb.encode(row.footprint().get()));
            Envelope e = row.bounds().orElseThrow();
            minX.setSafe(i, e.getMinX());
            minY.setSafe(i, e.getMinY());
            maxX.setSafe(i, e.getMaxX());
            maxY.setSafe(i, e.getMaxY());
        } else {
            footprint.setNull(i);
            minX.setNull(i);
            minY.setNull(i);
            maxX.setNull(i);
            maxY.setNull(i);
        }
        int f = files.start(i);
        for (var e : row.files().entrySet()) {
            ((VarCharVector) files.keys).setSafe(f, utf8(e.getKey()));
            ((VarCharVector) files.values).setSafe(f, utf8(e.getValue()));
            files.entries.setIndexDefined(f++);
        }
        files.end(i, row.files().size());
        int h = histogram.start(i);
        for (var e : row.labelHistogram().entrySet()) {
            ((IntVector) histogram.keys).setSafe(h, e.getKey());
            ((BigIntVector) histogram.values).setSafe(h, e.getValue());
            histogram.entries.setIndexDefined(h++);
        }
        histogram.end(i, row.labelHistogram().size());
        int st = statistics.start(i);
        for (var e : row.statistics().entrySet()) {
            ((VarCharVector) statistics.keys).setSafe(st, utf8(e.getKey()));
            ((Float8Vector) statistics.values).setSafe(st, e.getValue());
            statistics.entries.setIndexDefined(st++);
        }
        statistics.end(i, row.statistics().size());
        inBatch++;
        rows++;
        if (inBatch == batchSize) {
            flush();
        }
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /**
     * The most off-heap memory (Arrow buffers) this writer held at once so far, in bytes: bounded by the batch
     * size, whatever the number of rows.
     */
    public long peakOffHeapBytes() {
        return sink.peakMemory();
    }

    private void flush() throws IOException {
        if (inBatch == 0) {
            return;
        }
        for (var v : sink.root().getFieldVectors()) {
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

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void setOrNull(VarCharVector v, int i, String s) {
        if (s == null) {
            v.setNull(i);
        } else {
            v.setSafe(i, utf8(s));
        }
    }

    /**
     * A map column written straight into its offsets and its entries' key and value vectors (several times faster
     * than Arrow's generic {@code UnionMapWriter}).
     */
    private static final class MapColumn {
        final MapVector map;
        final StructVector entries;
        final FieldVector keys;
        final FieldVector values;

        MapColumn(MapVector map) {
            this.map = map;
            this.entries = (StructVector) map.getDataVector();
            this.keys = entries.getChild(MapVector.KEY_NAME);
            this.values = entries.getChild(MapVector.VALUE_NAME);
        }

        /** Starts row {@code row}; returns the index of its first entry. */
        int start(int row) {
            return map.startNewValue(row);
        }

        void end(int row, int size) {
            map.endValue(row, size);
        }
    }
}
