package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.testing.SharedData;
import org.landcover4j.io.samples.SampleGenerator;

class InfoCommandTest {

    @TempDir
    static Path samples;

    static Map<String, Path> roots;

    @BeforeAll
    static void generate() throws IOException {
        roots = SampleGenerator.writeAll(samples);
    }

    /** The histogram computed independently: every labelled sample's primary label, value by value. */
    private static Map<String, Long> expectedHistogram(Path root) throws IOException {
        var ds = Datasets.open(root, DatasetOptions.defaults().withWarnings((s, m) -> { }));
        TreeMap<Double, Long> counts = new TreeMap<>();
        for (SampleRef r : ds.refs()) {
            var label = ds.read(r).primaryLabel();
            if (label.isPresent()) {
                Raster l = label.get();
                for (int y = 0; y < l.height(); y++) {
                    for (int x = 0; x < l.width(); x++) {
                        counts.merge(l.getDouble(0, y, x), 1L, Long::sum);
                    }
                }
            }
        }
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        counts.forEach((v, c) -> out.put(Long.toString(v.longValue()), c));
        return out;
    }

    private static JsonNode info(Path root, Path out, String... extra) throws IOException {
        var args = new java.util.ArrayList<>(List.of("info", root.toString(), "--json", out.toString()));
        args.addAll(List.of(extra));
        var r = LandcoverCliTest.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        return JsonOutput.mapper().readTree(out.toFile());
    }

    @Test
    void everyGeneratedDatasetIsSummarisedPerTheContract(@TempDir Path tmp) throws IOException {
        Map<String, int[]> expected = Map.of(   // samples, labelled, train, val, test (-1: no such split)
                "sen12ms", new int[] {8, 8, 4, -1, 3},
                "landcovernet", new int[] {3, 3, -1, -1, -1},
                "openearthmap", new int[] {9, 7, 5, 2, 2},
                "opensentinelmap", new int[] {6, 5, 3, 1, 2},
                "globe230k", new int[] {8, 7, 5, 1, 2});
        for (var e : roots.entrySet()) {
            JsonNode j = info(e.getValue(), tmp.resolve(e.getKey() + ".json"));
            int[] want = expected.get(e.getKey());
            assertEquals(e.getKey(), j.path("dataset").asText());
            assertEquals(want[0], j.path("samples").asInt(), e.getKey());
            assertEquals(want[1], j.path("labelled_samples").asInt(), e.getKey());
            String[] names = {"train", "val", "test"};
            for (int i = 0; i < 3; i++) {
                assertEquals(want[2 + i] >= 0, j.path("splits").has(names[i]), e.getKey() + " " + names[i]);
                if (want[2 + i] >= 0) {
                    assertEquals(want[2 + i], j.path("splits").path(names[i]).asInt(), e.getKey() + " " + names[i]);
                }
            }
            Map<String, Long> hist = new java.util.LinkedHashMap<>();
            j.path("label_histogram").properties().forEach(p -> {
                assertTrue(p.getValue().isIntegralNumber());
                hist.put(p.getKey(), p.getValue().asLong());
            });
            assertEquals(expectedHistogram(e.getValue()), hist, e.getKey());
        }
    }

    @Test
    void histogramsAreIndependentOfTheThreadCount(@TempDir Path tmp) throws IOException {
        Path root = roots.get("openearthmap");
        JsonNode one = info(root, tmp.resolve("1.json"), "--threads", "1");
        JsonNode three = info(root, tmp.resolve("3.json"), "--threads", "3");
        assertEquals(one.path("label_histogram"), three.path("label_histogram"));
        assertTrue(one.path("label_histogram").has("0"), "unknown (0) pixels are counted too");
    }

    @Test
    void textSummaryAndWarningsOnStderr() {
        var r = LandcoverCliTest.run("info", roots.get("opensentinelmap").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dataset:          opensentinelmap (OpenSentinelMap)"), r.out());
        assertTrue(r.out().contains("splits:           train=3, val=1, test=2"), r.out());
        assertTrue(r.out().contains("254") && r.out().contains("255"), "special values are in the histogram");
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("landcover: warning: ") && lines.get(0).contains("skipped 3 rows"),
                r.err());
    }

    @Test
    void jsonToStdoutPrintsOnlyJson() throws IOException {
        var r = LandcoverCliTest.run("info", roots.get("landcovernet").toString(), "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonOutput.mapper().readTree(r.out());
        assertEquals("landcovernet", j.path("dataset").asText());
        assertEquals(0, j.path("splits").size());
        assertFalse(r.out().contains("dataset:   "));
    }

    @Test
    void badInputExitsThreeNamingTheFolder(@TempDir Path tmp) throws IOException {
        var r = LandcoverCliTest.run("info", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains(tmp.toString()) && r.err().contains("not a recognised dataset folder"), r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
        var missing = LandcoverCliTest.run("info", tmp.resolve("nope").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        var usage = LandcoverCliTest.run("info");
        assertEquals(ExitCodes.USAGE, usage.code());
        // a corrupt label makes the histogram impossible: exit 3 naming the file
        Path root = tmp.resolve("oem");
        SampleGenerator.writeOpenEarthMap(root);
        Path label = root.resolve("aachen/labels/aachen_2.tif");
        byte[] b = Files.readAllBytes(label);
        Files.write(label, java.util.Arrays.copyOf(b, b.length / 3));
        var corrupt = LandcoverCliTest.run("info", root.toString(), "--json", tmp.resolve("x.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, corrupt.code());
        assertTrue(corrupt.err().contains("aachen_2.tif"), corrupt.err());
    }

    @Test
    void realLandCoverNetFixture(@TempDir Path tmp) throws IOException {
        Path root = SharedData.require("datasets/fixtures/landcovernet/ref_landcovernet_af_v1");
        JsonNode j = info(root, tmp.resolve("lcn.json"));
        assertEquals(3, j.path("samples").asInt());
        long total = 0;
        for (JsonNode v : j.path("label_histogram")) {
            total += v.asLong();
        }
        assertEquals(3L * 256 * 256, total);
        assertEquals(65533 + 30368 + 158, j.path("label_histogram").path("3").asLong(),
                "Natural Bareground pixels of the three chips, from their stac.json counts");
    }
}
