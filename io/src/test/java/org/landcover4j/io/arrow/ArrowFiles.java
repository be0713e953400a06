package org.landcover4j.io.arrow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;

/** Reads an Arrow IPC file back with Arrow Java into plain Java values, for assertions. */
final class ArrowFiles {

    /**
     * The file's schema, batch count and rows (column name to value; maps as sorted maps; text as String; binary as
     * lower-case hex, so that rows compare by value).
     */
    record Table(Schema schema, int batches, List<Map<String, Object>> rows) {
        List<Object> column(String name) {
            return rows.stream().map(r -> r.get(name)).toList();
        }
    }

    private ArrowFiles() {
    }

    static Table read(Path file) throws IOException {
        try (var alloc = new RootAllocator(); var reader = new ArrowFileReader(Files.newByteChannel(file), alloc)) {
            Schema schema = reader.getVectorSchemaRoot().getSchema();
            List<Map<String, Object>> rows = new ArrayList<>();
            int batches = 0;
            while (reader.loadNextBatch()) {
                batches++;
                var root = reader.getVectorSchemaRoot();
                for (int i = 0; i < root.getRowCount(); i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (FieldVector v : root.getFieldVectors()) {
                        row.put(v.getName(), plain(v, i));
                    }
                    rows.add(row);
                }
            }
            return new Table(schema, batches, rows);
        }
    }

    private static Object plain(FieldVector v, int i) {
        if (v.isNull(i)) {
            return null;
        }
        Object o = v.getObject(i);
        if (v instanceof MapVector) {
            Map<Object, Object> m = new TreeMap<>();
            for (Object e : (List<?>) o) {
                Map<?, ?> entry = (Map<?, ?>) e;
                m.put(plainValue(entry.get("key")), plainValue(entry.get("value")));
            }
            return m;
        }
        return plainValue(o);
    }

    private static Object plainValue(Object o) {
        if (o instanceof byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }
        return o instanceof Text t ? t.toString() : o;
    }
}
