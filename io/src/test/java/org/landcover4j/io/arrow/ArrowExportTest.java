package org.landcover4j.io.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.ProgressListener;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBReader;

class ArrowExportTest {

    private static final GeometryFactory GF = new GeometryFactory();

    static List<ManifestRow> sampleRows() {
        Geometry square = GF.toGeometry(new Envelope(399960, 402520, 1397480, 1400040));
        return List.of(
                new ManifestRow("openearthmap", "aachen_1", Optional.of("train"),
                        Map.of("image", "aachen/images/aachen_1.tif", "label", "aachen/labels/aachen_1.tif"),
                        Optional.of("EPSG:32632"), Optional.of(square), Map.of(1, 1200L, 5, 64336L),
                        Map.of("consensus_mean", 87.5)),
                new ManifestRow("openearthmap", "aachen_2", Optional.of("test"),
                        Map.of("image", "aachen/images/aachen_2.tif"), Optional.empty(), Optional.empty(),
                        Map.of(), Map.of()),
                new ManifestRow("globe230k", "data_3", Optional.empty(), Map.of("image", "image_patch/data_3.jpg"),
                        Optional.empty(), Optional.empty(), Map.of(0, 10L, 10, 3_000_000_000L),
                        Map.of("nan_stat", Double.NaN)));
    }

    @Test
    void manifestRoundTripsThroughJavaArrow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.arrow");
        long n = ManifestWriter.write(file, sampleRows().iterator(), 3, ProgressListener.none());
        assertEquals(3, n);
        try (var alloc = new RootAllocator(); var reader = new ArrowFileReader(Files.newByteChannel(file), alloc)) {
            assertEquals(ManifestWriter.schema(), reader.getVectorSchemaRoot().getSchema());
            assertTrue(reader.loadNextBatch());
            var root = reader.getVectorSchemaRoot();
            assertEquals(3, root.getRowCount());
            assertEquals("aachen_1", ((VarCharVector) root.getVector("id")).getObject(0).toString());
            assertEquals("train", ((VarCharVector) root.getVector("split")).getObject(0).toString());
            assertTrue(root.getVector("split").isNull(2));
            assertEquals(399960.0, ((Float8Vector) root.getVector("min_x")).get(0));
            assertTrue(root.getVector("min_x").isNull(1));
            byte[] wkb = ((VarBinaryVector) root.getVector("footprint")).get(0);
            assertEquals(2560.0 * 2560.0, new WKBReader().read(wkb).getArea(), 1e-6);
            var hist = (MapVector) root.getVector("label_histogram");
            assertEquals("[{\"key\":0,\"value\":10},{\"key\":10,\"value\":3000000000}]",
                    hist.getObject(2).toString());
            assertFalse(reader.loadNextBatch());
        }
    }

    @Test
    void manySmallBatches(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.arrow");
        try (var w = ManifestWriter.create(file, 1000)) {
            for (int i = 0; i < 10_500; i++) {
                w.write(new ManifestRow("globe230k", "data_" + i, Optional.of(i % 10 < 7 ? "train" : "test"),
                        Map.of("image", "image_patch/data_" + i + ".jpg"), Optional.empty(), Optional.empty(),
                        Map.of(i % 11, (long) i), Map.of()));
            }
            w.commit();
        }
        try (var alloc = new RootAllocator(); var reader = new ArrowFileReader(Files.newByteChannel(file), alloc)) {
            assertEquals(11, reader.getRecordBlocks().size());
            long rows = 0;
            String last = null;
            while (reader.loadNextBatch()) {
                var root = reader.getVectorSchemaRoot();
                rows += root.getRowCount();
                last = ((VarCharVector) root.getVector("id")).getObject(root.getRowCount() - 1).toString();
            }
            assertEquals(10_500, rows);
            assertEquals("data_10499", last);
        }
    }

    @Test
    void noPartialFileOnFailure(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.arrow");
        try (var w = ManifestWriter.create(file, 2)) {
            for (ManifestRow r : sampleRows()) {
                w.write(r);
            }
            // no commit: as if the export failed half way
        }
        assertFalse(Files.exists(file));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "temporary files must be removed");
        }
        IOException e = assertThrows(IOException.class,
                () -> ManifestWriter.create(dir.resolve("no/such/folder/m.arrow")));
        assertTrue(e.getMessage().contains("no/such/folder"), e.getMessage());
    }

    @Test
    void tableWriterTypesAndErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("classes.arrow");
        var cols = List.of(Column.required("value", ColumnType.INT32), Column.of("name", ColumnType.UTF8),
                Column.of("iou", ColumnType.FLOAT64), Column.of("pixels", ColumnType.INT64),
                Column.of("present", ColumnType.BOOL), Column.of("footprint", ColumnType.WKB));
        try (var w = TableWriter.create(file, cols)) {
            w.write(1, "water", 0.71, 10_000L, true, GF.toGeometry(new Envelope(0, 1, 0, 1)));
            w.write(2, null, Double.NaN, null, false, null);
            assertThrows(IllegalArgumentException.class, () -> w.write(null, "x", 0.0, 1L, true, null));
            assertThrows(IllegalArgumentException.class, () -> w.write(3, "x", "not a number", 1L, true, null));
            assertThrows(IllegalArgumentException.class, () -> w.write(3, "x"));
            w.commit();
        }
        try (var alloc = new RootAllocator(); var reader = new ArrowFileReader(Files.newByteChannel(file), alloc)) {
            assertTrue(reader.loadNextBatch());
            var root = reader.getVectorSchemaRoot();
            assertEquals(2, root.getRowCount());
            assertTrue(Double.isNaN(((Float8Vector) root.getVector("iou")).get(1)));
            assertTrue(root.getVector("name").isNull(1));
        }
    }

    /** Reads our files with apache-arrow for JavaScript under Node: an independent Arrow implementation. */
    @Test
    void independentReaderUnderNode(@TempDir Path dir) throws Exception {
        Path script = Path.of("src/test/node/read_arrow.mjs").toAbsolutePath();
        Path module = script.resolveSibling("node_modules/apache-arrow");
        Assumptions.assumeTrue(onPath("node"), "skipped: 'node' is not on PATH (the CI script installs it)");
        Assumptions.assumeTrue(Files.isDirectory(module),
                "skipped: apache-arrow for Node is not installed; run: npm ci --prefix io/src/test/node");
        Path file = dir.resolve("manifest.arrow");
        ManifestWriter.write(file, sampleRows().iterator(), 3, ProgressListener.none());
        JsonNode json = runNode(script, file);
        assertEquals(3, json.get("num_rows").asInt());
        List<String> names = new ArrayList<>();
        json.get("fields").forEach(f -> names.add(f.get("name").asText()));
        assertEquals(List.of("dataset", "id", "split", "files", "crs", "footprint", "min_x", "min_y", "max_x",
                "max_y", "label_histogram", "statistics"), names);
        assertTrue(json.get("fields").get(3).get("type").asText().startsWith("Map<"),
                json.get("fields").get(3).toString());
        JsonNode row0 = json.get("rows").get(0);
        assertEquals("aachen_1", row0.get("id").asText());
        assertEquals("EPSG:32632", row0.get("crs").asText());
        assertEquals(402520.0, row0.get("max_x").asDouble());
        byte[] wkb = HexFormat.of().parseHex(row0.get("footprint").asText());
        assertArrayEquals(new WkbEncoder().encode(sampleRows().get(0).footprint().orElseThrow()), wkb);
        assertEquals("aachen/labels/aachen_1.tif", mapValue(row0.get("files"), "label"));
        assertEquals("64336", mapValue(row0.get("label_histogram"), "5"));
        JsonNode row2 = json.get("rows").get(2);
        assertTrue(row2.get("split").isNull());
        assertEquals("3000000000", mapValue(row2.get("label_histogram"), "10"));
    }

    /** Looks a key up in a map column row as the JavaScript reader prints it (object or list of entries). */
    private static String mapValue(JsonNode map, String key) {
        if (map.isObject() && map.has(key)) {
            return map.get(key).asText();
        }
        for (JsonNode e : map) {
            if (e.has("key") && e.get("key").asText().equals(key)) {
                return e.get("value").asText();
            }
        }
        throw new AssertionError("no key " + key + " in " + map);
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    static JsonNode runNode(Path script, Path file) throws Exception {
        Process p = new ProcessBuilder("node", script.toString(), file.toString()).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, p.exitValue(), new String(err, StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out);
    }
}
