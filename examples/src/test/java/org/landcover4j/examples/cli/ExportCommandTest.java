package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.tile.EdgePolicy;
import org.landcover4j.core.tile.TileGrid;
import org.landcover4j.io.Rasters;
import org.landcover4j.io.arrow.ManifestRow;
import org.landcover4j.io.arrow.ManifestWriter;
import org.landcover4j.io.arrow.Manifests;
import org.landcover4j.io.arrow.TileTables;
import org.landcover4j.io.samples.SampleGenerator;

/**
 * {@code landcover export} end to end on generated samples of all five datasets; the files are read back with
 * apache-arrow for JavaScript under Node (an independent Arrow implementation) and with Arrow Java.
 */
class ExportCommandTest {

    @TempDir
    static Path samples;
    static Map<String, Path> roots;

    @TempDir
    Path out;

    private static final ObjectMapper M = new ObjectMapper();
    private static final Path NODE_SCRIPT = Path.of("../io/src/test/node/read_arrow.mjs").toAbsolutePath().normalize();

    @BeforeAll
    static void generate() throws IOException {
        roots = SampleGenerator.writeAll(samples);
    }

    private static CliRun.Result run(String... args) {
        return ConsensusCommandTest.run(args);
    }

    private static Dataset<?> open(String id) throws IOException {
        return Datasets.open(roots.get(id), DatasetOptions.defaults().withWarnings(WarningListener.ignore()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sen12ms", "landcovernet", "openearthmap", "opensentinelmap", "globe230k"})
    void exportsEveryDatasetReadableByNode(String id) throws Exception {
        Path manifest = out.resolve(id + ".arrow");
        Path tiles = out.resolve(id + "-tiles.arrow");
        var r = run("export", roots.get(id).toString(), "--arrow", manifest.toString(), "--tiles", tiles.toString(),
                "--tile-size", "64", "--threads", "2", "--json", "-");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        for (String line : r.err().lines().toList()) {
            assertTrue(line.startsWith("landcover: warning: "), "stderr holds only warnings: " + line);
        }
        JsonNode j = M.readTree(r.out());
        Dataset<?> ds = open(id);
        assertEquals(id, j.get("dataset").asText());
        assertEquals(ds.size(), j.get("rows").asLong());
        assertTrue(j.get("rows").isIntegralNumber());
        assertEquals(ds.refs().stream().filter(SampleRef::labelled).count(), j.get("labelled_rows").asLong());
        assertEquals(Files.size(manifest), j.get("arrow_bytes").asLong());
        long expectedTiles = 0;
        for (SampleRef ref : ds.refs()) {
            var label = ds.readLabel(ref);
            int w;
            int h;
            if (label.isPresent()) {
                w = label.get().width();
                h = label.get().height();
            } else if (id.equals("opensentinelmap")) {
                w = 192;
                h = 192;
            } else {
                var info = Rasters.probe(ref.files().values().iterator().next());
                w = info.metadata().width();
                h = info.metadata().height();
            }
            expectedTiles += TileGrid.of(w, h).size(64).edge(EdgePolicy.PAD).count();
        }
        assertEquals(expectedTiles, j.get("tiles").get("rows").asLong());
        assertEquals("pad", j.get("tiles").get("edge").asText());
        long pixels = 0;
        for (JsonNode c : (Iterable<JsonNode>) j.get("label_histogram")::elements) {
            pixels += c.asLong();
        }
        assertTrue(pixels > 0);

        // Arrow Java: row counts and schema
        assertEquals(ds.size(), javaRows(manifest));
        assertEquals(expectedTiles, javaRows(tiles));

        // apache-arrow under Node: schema, row count and the values of every row
        assumeNode();
        JsonNode m = node(manifest);
        List<String> names = new ArrayList<>();
        m.get("fields").forEach(f -> names.add(f.get("name").asText()));
        assertEquals(ManifestWriter.schema().getFields().stream().map(f -> f.getName()).toList(), names);
        assertEquals(ds.size(), m.get("num_rows").asInt());
        for (int i = 0; i < ds.size(); i++) {
            ManifestRow expected = Manifests.row(ds, ds.refs().get(i));
            JsonNode row = m.get("rows").get(i);
            assertEquals(id, row.get("dataset").asText());
            assertEquals(expected.id(), row.get("id").asText());
            assertEquals(expected.split().orElse(null), row.get("split").isNull() ? null : row.get("split").asText());
            expected.files().forEach((role, path) -> assertEquals(path, row.get("files").get(role).asText(), role));
            assertEquals(expected.crs().orElse(null), row.get("crs").isNull() ? null : row.get("crs").asText());
            assertEquals(expected.labelHistogram().size(), row.get("label_histogram").size(), expected.id());
            expected.labelHistogram().forEach((v, c) -> assertEquals((long) c,
                    row.get("label_histogram").get(Integer.toString(v)).asLong(), expected.id()));
            expected.bounds().ifPresentOrElse(e -> {
                assertEquals(e.getMinX(), row.get("min_x").asDouble(), 0.0);
                assertEquals(e.getMaxY(), row.get("max_y").asDouble(), 0.0);
            }, () -> assertTrue(row.get("footprint").isNull()));
            expected.statistics().forEach((k, v) -> {
                JsonNode s = row.get("statistics").get(k);
                if (Double.isNaN(v)) {
                    assertEquals("NaN", s.asText(), k);
                } else {
                    assertEquals(v, s.asDouble(), 0.0, k);
                }
            });
        }
        JsonNode t = node(tiles);
        List<String> tileNames = new ArrayList<>();
        t.get("fields").forEach(f -> tileNames.add(f.get("name").asText()));
        assertEquals(TileTables.columns().stream().map(c -> c.name()).toList(), tileNames);
        assertEquals(expectedTiles, t.get("num_rows").asLong());
        assertEquals(ds.refs().get(0).id(), t.get("rows").get(0).get("sample_id").asText());
        assertEquals(64, t.get("rows").get(0).get("width").asInt());
    }

    @Test
    void textSummaryAndDefaults() throws Exception {
        Path manifest = out.resolve("m.arrow");
        var r = run("export", roots.get("openearthmap").toString(), "--arrow", manifest.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("openearthmap: 9 samples (7 labelled) -> " + manifest), r.out());
        assertEquals(9, javaRows(manifest));
        Path json = out.resolve("r.json");
        r = run("export", roots.get("globe230k").toString(), "--arrow", manifest.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = M.readTree(json.toFile());
        assertTrue(j.get("tiles").isNull());
        assertEquals("globe230k", j.get("dataset").asText());
        assertTrue(r.out().contains("globe230k: "), r.out());
    }

    @Test
    void badInputAndUsageErrors() throws Exception {
        String oem = roots.get("openearthmap").toString();
        Path manifest = out.resolve("m.arrow");
        // no dataset here: bad input (3), naming the folder
        var r = run("export", out.resolve("nothing").toString(), "--arrow", manifest.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("nothing") && r.err().lines().count() == 1, r.err());
        // usage errors (2)
        r = run("export", oem);
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--arrow"), r.err());
        r = run("export", oem, "--arrow", manifest.toString(), "--tile-size", "64");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--tile-size needs --tiles"), r.err());
        r = run("export", oem, "--arrow", manifest.toString(), "--tiles", manifest.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        r = run("export", oem, "--arrow", manifest.toString(), "--tiles", out.resolve("t.arrow").toString(),
                "--edge", "wrap");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("wrap"), r.err());
        // a tile larger than the samples with --edge drop: names the value and the sample
        r = run("export", oem, "--arrow", manifest.toString(), "--tiles", out.resolve("t.arrow").toString(),
                "--tile-size", "5000", "--edge", "drop");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--tile-size 5000") && r.err().contains("sample "), r.err());
        assertNoFiles(out);
        // an output that cannot be written: 1, naming it, nothing left behind
        Path nowhere = out.resolve("missing/folder/m.arrow");
        r = run("export", oem, "--arrow", nowhere.toString());
        assertEquals(ExitCodes.FAILURE, r.code(), r.err());
        assertEquals(List.of("landcover: " + nowhere + ": cannot write the Arrow file: folder " + nowhere.getParent()
                + " does not exist"), errors(r), r.err());
        assertFalse(r.err().contains("at org."), "no stack trace: " + r.err());
        assertFalse(Files.exists(nowhere.getParent()));
        Path folder = Files.createDirectories(out.resolve("a-folder"));
        r = run("export", oem, "--arrow", folder.toString());
        assertEquals(ExitCodes.FAILURE, r.code(), r.err());
        assertTrue(r.err().contains("a-folder"), r.err());
        Files.delete(folder);
        assertNoFiles(out);
    }

    @Test
    void aCorruptSampleIsBadInputAndLeavesNoFile() throws Exception {
        Path copy = out.resolve("data");
        copyTree(roots.get("openearthmap"), copy);
        Path label;
        try (Stream<Path> s = Files.walk(copy)) {
            label = s.filter(p -> p.toString().contains(File.separator + "labels" + File.separator)).sorted()
                    .findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(label);
        Files.write(label, java.util.Arrays.copyOf(b, b.length / 3));
        Path target = Files.createDirectories(out.resolve("exports"));
        var r = run("export", copy.toString(), "--arrow", target.resolve("m.arrow").toString(), "--tiles",
                target.resolve("t.arrow").toString(), "--tile-size", "32");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        List<String> errors = errors(r);
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains(label.getFileName().toString()), r.err());
        assertNoFiles(target);
    }

    /** The lines of stderr that are not the reader's warnings. */
    private static List<String> errors(CliRun.Result r) {
        return r.err().lines().filter(l -> !l.startsWith("landcover: warning: ")).toList();
    }

    private static void assertNoFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> left = s.filter(p -> !p.getFileName().toString().equals("data")).toList();
            assertEquals(List.of(), left, "no file, partial or complete, is left behind");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path dst = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(p, dst);
                }
            }
        }
    }

    static long javaRows(Path file) throws IOException {
        try (var alloc = new RootAllocator(); var reader = new ArrowFileReader(Files.newByteChannel(file), alloc)) {
            long rows = 0;
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
            return rows;
        }
    }

    private static void assumeNode() {
        boolean node = false;
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                node |= Files.isExecutable(Path.of(d, "node"));
            }
        }
        Assumptions.assumeTrue(node, "skipped the Node check: 'node' is not on PATH (the CI script installs it)");
        Assumptions.assumeTrue(Files.isDirectory(NODE_SCRIPT.resolveSibling("node_modules/apache-arrow")),
                "skipped the Node check: apache-arrow is not installed; run: npm ci --prefix io/src/test/node");
    }

    private static JsonNode node(Path file) throws Exception {
        Process p = new ProcessBuilder("node", NODE_SCRIPT.toString(), file.toString()).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        byte[] stderr = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, p.exitValue(), new String(stderr, StandardCharsets.UTF_8));
        return M.readTree(stdout);
    }
}
