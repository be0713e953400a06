package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.split.GroupKeys;
import org.landcover4j.core.split.RandomSplit;
import org.landcover4j.core.split.Ratios;
import org.landcover4j.core.split.SplitAssignment;
import org.landcover4j.core.split.SplitFiles;
import org.landcover4j.core.split.SplitFormat;
import org.landcover4j.io.samples.SampleGenerator;

class SplitCommandTest {

    @TempDir
    static Path samples;

    static Map<String, Path> roots;

    @BeforeAll
    static void generate() throws IOException {
        roots = SampleGenerator.writeAll(samples);
    }

    private static Dataset<?> open(String id) throws IOException {
        return Datasets.open(roots.get(id), DatasetOptions.defaults().withWarnings((s, m) -> { }));
    }

    /** split.csv read back as id to split. */
    private static Map<String, Split> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertEquals("id,split", lines.get(0));
        Map<String, Split> m = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(",");
            m.put(p[0], Split.parse(p[1]).orElseThrow());
        }
        return m;
    }

    @Test
    void randomSplitOfEveryDatasetMatchesTheLibrary(@TempDir Path tmp) throws IOException {
        Map<String, String> ownFile = Map.of("sen12ms", "train_list.txt", "openearthmap", "train.txt",
                "globe230k", "train_num.txt", "opensentinelmap", "spatial_cell_split.csv", "landcovernet", "split.csv");
        for (String id : roots.keySet()) {
            Path out = tmp.resolve(id);
            var r = LandcoverCliTest.run("split", roots.get(id).toString(), "--ratios", "7:1:2", "--seed", "3",
                    "--output", out.toString(), "--json", tmp.resolve(id + ".json").toString());
            assertEquals(0, r.code(), id + ": " + r.err());
            assertTrue(r.out().startsWith(id + ": "), r.out());
            SplitAssignment expected;
            try (var ds = open(id)) {
                expected = RandomSplit.of(Ratios.parse("7:1:2")).seed(3).assignRefs(ds.refs());
            }
            assertEquals(SplitFiles.render(expected, SplitFormat.CSV).get("split.csv"), Files.readString(out.resolve("split.csv")));
            assertTrue(Files.exists(out.resolve(ownFile.get(id))), id);
            JsonNode j = JsonOutput.mapper().readTree(tmp.resolve(id + ".json").toFile());
            assertEquals(id, j.path("dataset").asText());
            assertEquals("random", j.path("method").asText());
            assertEquals("7:1:2", j.path("ratios").asText());
            assertEquals(expected.size(), j.path("samples").asInt());
            for (Split s : Split.values()) {
                assertEquals(expected.count(s), j.path("splits").path(s.id()).asInt(), id + " " + s);
            }
        }
        // the same command again gives the same files
        Path again = tmp.resolve("again");
        assertEquals(0, LandcoverCliTest.run("split", roots.get("openearthmap").toString(), "--ratios", "7:1:2",
                "--seed", "3", "--output", again.toString()).code());
        assertEquals(Files.readString(tmp.resolve("openearthmap/train.txt")), Files.readString(again.resolve("train.txt")));
    }

    @Test
    void groupedByRegionKeepsRegionsWhole(@TempDir Path tmp) throws IOException {
        var r = LandcoverCliTest.run("split", roots.get("openearthmap").toString(), "--ratios", "2:1:1",
                "--group", "region", "--output", tmp.toString(), "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonOutput.mapper().readTree(r.out());
        assertEquals("grouped", j.path("method").asText());
        assertEquals("region", j.path("group").asText());
        Map<String, Split> byRegion = new HashMap<>();
        for (var e : readCsv(tmp.resolve("split.csv")).entrySet()) {
            Split prev = byRegion.putIfAbsent(GroupKeys.openEarthMapRegion().apply(e.getKey()), e.getValue());
            assertTrue(prev == null || prev == e.getValue(), e.getKey() + " straddles");
        }
        assertEquals(4, byRegion.size());
    }

    @Test
    void optionsThatDoNotFitAreUsageErrors(@TempDir Path tmp) {
        String oem = roots.get("openearthmap").toString();
        var few = LandcoverCliTest.run("split", oem, "--ratios", "7:1:2", "--group", "region", "--output", tmp.toString());
        assertEquals(2, few.code(), few.err());
        assertTrue(few.err().contains("4 groups are too few for ratios 7:1:2"), few.err());
        var unknown = LandcoverCliTest.run("split", oem, "--ratios", "7:1:2", "--group", "country", "--output", tmp.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown group key 'country'"), unknown.err());
        var wrongKey = LandcoverCliTest.run("split", oem, "--ratios", "1:1:1", "--group", "scene", "--output", tmp.toString());
        assertEquals(2, wrongKey.code());
        assertTrue(wrongKey.err().contains("is not a SEN12MS name"), wrongKey.err());
        var ratios = LandcoverCliTest.run("split", oem, "--ratios", "0.7:0.2:0.2", "--output", tmp.toString());
        assertEquals(2, ratios.code());
        assertTrue(ratios.err().contains("ratios '0.7:0.2:0.2' sum to 1.1"), ratios.err());
        var missing = LandcoverCliTest.run("split", oem, "--output", tmp.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("missing --ratios"), missing.err());
        var format = LandcoverCliTest.run("split", oem, "--ratios", "7:1:2", "--format", "sen12ms", "--output",
                tmp.resolve("nothing").toString());
        assertEquals(2, format.code());
        assertTrue(format.err().contains("does not fit openearthmap sample ids"), format.err());
        assertFalse(Files.exists(tmp.resolve("nothing")));
    }

    @Test
    void officialSplitAndUnwritableOutput(@TempDir Path tmp) throws IOException {
        var r = LandcoverCliTest.run("split", roots.get("openearthmap").toString(), "--official", "--format", "csv",
                "--output", tmp.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Split> written = readCsv(tmp.resolve("split.csv"));
        try (var ds = open("openearthmap")) {
            for (SampleRef ref : ds.refs()) {
                assertEquals(ref.split(), java.util.Optional.ofNullable(written.get(ref.id())), ref.id());
            }
        }
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        var blocked = LandcoverCliTest.run("split", roots.get("globe230k").toString(), "--ratios", "7:1:2",
                "--output", file.toString());
        assertEquals(1, blocked.code(), blocked.err());
        assertTrue(blocked.err().contains("cannot write split files to " + file), blocked.err());
    }

    @Test
    void classAwareReportsCoverage(@TempDir Path tmp) throws IOException {
        var r = LandcoverCliTest.run("split", roots.get("openearthmap").toString(), "--ratios", "6:1:3", "--class-aware",
                "--trials", "50", "--ignore", "0", "--output", tmp.toString(), "--json", tmp.resolve("r.json").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonOutput.mapper().readTree(tmp.resolve("r.json").toFile());
        assertEquals("class_aware", j.path("method").asText());
        assertEquals("region", j.path("group").asText());
        assertEquals(4, j.path("class_aware").path("groups").asInt());
        assertTrue(j.path("class_aware").path("trials_run").asInt() >= 1);
        assertTrue(r.out().contains("class-aware: trial "), r.out());
    }
}
