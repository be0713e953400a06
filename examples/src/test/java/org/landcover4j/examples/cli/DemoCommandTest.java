package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.io.Rasters;
import org.landcover4j.examples.cli.CliRun.Result;

/**
 * {@code landcover demo}: the whole tour into a temporary folder, then again into the same folder (samples reused,
 * JSON to stdout), checking the files it reports and the numbers it prints.
 */
class DemoCommandTest {
    @TempDir
    Path dir;


    static CliRun.Result run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void tourWritesEveryFileAndSaneNumbersAndIsReproducible() throws Exception {
        Path outDir = dir.resolve("demo");
        Path jsonFile = dir.resolve("demo.json");
        Result r = run("demo", "--output", outDir.toString(), "--json", jsonFile.toString());
        assertEquals(0, r.code(), r.err());
        for (String section : List.of("1. Sample data", "2. Datasets", "3. Harmonise", "4. Tiles", "5. Reproducible",
                "6. Evaluate", "7. Consensus", "8. Arrow export", "9. Pictures", "Done in")) {
            assertTrue(r.out().contains(section), "missing section '" + section + "' in:\n" + r.out());
        }
        JsonNode j = JsonOutput.mapper().readTree(jsonFile.toFile());

        // samples generated into the output folder, five datasets opened
        assertEquals(outDir.toAbsolutePath().normalize().toString(), j.get("output_dir").asText());
        assertEquals(5, j.at("/samples/generated").size(), j.toString());
        assertEquals(DemoCommand.DATASETS.size(), j.get("datasets").size());
        for (int i = 0; i < DemoCommand.DATASETS.size(); i++) {
            JsonNode d = j.get("datasets").get(i);
            assertEquals(DemoCommand.DATASETS.get(i), d.get("dataset").asText());
            assertTrue(d.get("samples").asInt() > 0, d.toString());
            assertTrue(d.get("labelled_samples").asInt() <= d.get("samples").asInt(), d.toString());
            assertTrue(r.out().contains("first    ") && r.out().contains(d.get("first_sample").asText()), r.out());
        }

        // the crosswalk keeps every pixel; harmonisation found comparable classes
        assertEquals(sum(j.at("/taxonomy/igbp_histogram")), sum(j.at("/taxonomy/dfc2020_histogram")));
        assertTrue(j.at("/taxonomy/dfc2020_histogram").size() <= j.at("/taxonomy/igbp_histogram").size());
        assertTrue(j.at("/taxonomy/harmonization/groups").asInt() > 0);

        // tiles: 8x8 LandCoverNet blocks; the padded grid has at least the tiles of the dropping one
        assertEquals(64, j.at("/tiles/landcovernet_blocks").asLong());
        assertTrue(j.at("/tiles/openearthmap_padded_tiles").asLong() > 0, j.get("tiles").toString());
        assertTrue(j.at("/tiles/openearthmap_tiles").asLong() >= j.at("/tiles/openearthmap_tiles_drop").asLong());
        assertEquals(j.at("/tiles/openearthmap_tiles").asLong() * 128 * 128,
                j.at("/tiles/openearthmap_tile_pixels").asLong());

        // split: every OpenEarthMap sample assigned once, reproducible, train covers every class
        JsonNode oem = j.get("datasets").get(2);
        assertEquals(oem.get("samples").asInt(), sum(j.at("/split/openearthmap/counts")));
        assertTrue(j.at("/split/openearthmap/reproducible").asBoolean());
        assertTrue(j.at("/split/openearthmap/train_covers_every_class").asBoolean());
        assertEquals(j.get("datasets").get(4).get("samples").asInt(), sum(j.at("/split/globe230k/counts")));
        Set<String> ids = new HashSet<>();
        for (String f : List.of("train.txt", "val.txt", "test.txt")) {
            for (String line : Files.readAllLines(outDir.resolve("splits/openearthmap/" + f))) {
                assertTrue(ids.add(line), "listed twice: " + line);
            }
        }
        assertEquals(oem.get("samples").asInt(), ids.size());

        // evaluation: 10% random noise plus a systematic error keep OA near 0.89; Pontius adds up to 1 - OA
        JsonNode e = j.get("evaluation");
        double oa = e.get("overall_accuracy").asDouble();
        assertTrue(oa > 0.8 && oa < 0.95, e.toString());
        assertEquals(1 - oa, e.get("quantity_disagreement").asDouble() + e.get("allocation_disagreement").asDouble(),
                1e-9, e.toString());
        assertTrue(e.get("quantity_disagreement").asDouble() > 0, e.toString());
        assertTrue(e.get("mean_iou").asDouble() > 0.5 && e.get("mean_iou").asDouble() < oa, e.toString());
        assertTrue(e.get("kappa").asDouble() > 0.5 && e.get("kappa").asDouble() < 1, e.toString());
        JsonNode full = JsonOutput.mapper().readTree(outDir.resolve("evaluation/openearthmap-evaluation.json").toFile());
        assertEquals(e.get("pixels").asLong(), full.get("pixels").asLong());
        assertEquals(oa, full.get("overall_accuracy").asDouble(), 1e-12);

        // consensus: the weighted vote beats its best annotator (0.92) and the unweighted majority
        JsonNode c = j.get("consensus");
        double vote = c.get("weighted_vote_agreement_with_truth").asDouble();
        assertTrue(vote > 0.92 && vote > c.get("majority_vote_agreement_with_truth").asDouble(), c.toString());
        assertTrue(c.get("fleiss_kappa").asDouble() > 0 && c.get("fleiss_kappa").asDouble() < 1, c.toString());
        assertTrue(c.get("score_100_fraction").asDouble() > 0, c.toString());
        ByteRaster label = (ByteRaster) Rasters.read(outDir.resolve("consensus/" + c.get("sample").asText()
                + "-consensus.tif"));
        assertEquals(256 * 256, label.width() * label.height());

        // export: one manifest row per LandCoverNet sample, readable by Arrow's own reader
        JsonNode lcn = j.get("datasets").get(1);
        assertEquals(lcn.get("samples").asLong(), j.at("/export/manifest_rows").asLong());
        assertEquals(lcn.get("samples").asLong(), arrowRows(outDir.resolve("arrow/landcovernet-manifest.arrow")));
        assertEquals(j.at("/export/tile_rows").asLong(), arrowRows(outDir.resolve("arrow/landcovernet-tiles.arrow")));
        assertEquals(64, arrowRows(outDir.resolve("arrow/openearthmap-confusion.arrow")));

        // every reported file exists with the size reported; pictures are PNGs
        assertTrue(j.get("files").size() >= 12, j.get("files").toString());
        for (JsonNode f : j.get("files")) {
            Path p = Path.of(f.get("path").asText());
            assertTrue(p.startsWith(outDir.toAbsolutePath().normalize()), p + " outside " + outDir);
            assertEquals(Files.size(p), f.get("bytes").asLong(), p.toString());
            assertTrue(r.out().contains(p.toString()), "not printed: " + p);
        }
        for (String png : List.of("evaluation/confusion-heatmap.png", "evaluation/per-class-iou-f1.png",
                "pictures/landcovernet-legend.png")) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(outDir.resolve(png)), 8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, png);
        }
        assertTrue(j.get("seconds").asDouble() > 0);

        // again into the same folder, JSON to stdout: samples reused, no text, the same numbers
        Result again = run("demo", "--output", outDir.toString(), "--json", "-");
        assertEquals(0, again.code(), again.err());
        JsonNode k = JsonOutput.mapper().readTree(again.out());
        assertEquals(0, k.at("/samples/generated").size());
        assertFalse(again.out().contains("Done in"), again.out());
        for (String key : List.of("datasets", "taxonomy", "tiles", "split", "evaluation", "consensus", "export")) {
            assertEquals(j.get(key), k.get(key), key);
        }
    }

    @Test
    void anOutputThatIsAFileIsAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Result r = run("demo", "--output", file.toString());
        assertEquals(ExitCodes.FAILURE, r.code(), r.out());
        assertTrue(r.err().contains(file + ": not a folder"), r.err());
    }

    private static long sum(JsonNode counts) {
        long s = 0;
        for (JsonNode n : counts) {
            s += n.asLong();
        }
        return s;
    }

    private static long arrowRows(Path file) throws IOException {
        long rows = 0;
        try (BufferAllocator alloc = new RootAllocator();
             ArrowFileReader reader = new ArrowFileReader(Files.newByteChannel(file), alloc)) {
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
        }
        return rows;
    }
}
