package org.landcover4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.tile.EdgePolicy;
import org.landcover4j.io.arrow.ManifestExport;
import org.landcover4j.io.arrow.ManifestSummary;
import org.landcover4j.io.arrow.Manifests;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code landcover export DATASET_DIR --arrow FILE [--tiles FILE]}: writes a dataset's manifest (one row per
 * sample) and optionally its tile table as Apache Arrow IPC files, for pandas, polars, DuckDB, Spark or any Arrow
 * reader.
 *
 * <p>The manifest's columns are those of {@link org.landcover4j.io.arrow.ManifestWriter}; the statistics are those
 * of {@link Manifests}; the tile table's columns those of {@link org.landcover4j.io.arrow.TileTables}. Samples are
 * decoded on several threads and written in the dataset's order; files appear only when complete (nothing is left
 * behind on failure). Exit codes as every command: 3 when the dataset cannot be read (the message names the file),
 * 2 for options that do not fit (a tile larger than a sample with {@code --edge drop}), 1 when an output cannot
 * be written (the message names it).
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a dataset's manifest as an Apache Arrow IPC file: one row per sample with its dataset, id, "
            + "split, files (relative to DATASET_DIR), CRS, footprint (WKB), bounds, label histogram and statistics "
            + "(class count, majority class, ignore fraction; LandCoverNet consensus). With --tiles, also a tile table: "
            + "one row per tile of a grid over each sample, with its window, footprint and label counts.")
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATASET_DIR", description = "The dataset's root folder, as distributed.")
    Path dir;

    @Option(names = "--arrow", paramLabel = "FILE", required = true, description = "The manifest file to write.")
    Path arrow;

    @Option(names = "--tiles", paramLabel = "FILE", description = "Also write the tile table to FILE.")
    Path tiles;

    @Option(names = "--tile-size", paramLabel = "N",
            description = "Tile size in pixels for --tiles (default: ${DEFAULT-VALUE}).", defaultValue = "256")
    int tileSize;

    @Option(names = "--stride", paramLabel = "N", description = "Step between tiles (default: the tile size).")
    Integer stride;

    @Option(names = "--edge", paramLabel = "POLICY", defaultValue = "pad",
            description = "At the right and bottom edges: drop (whole tiles only), pad (last tile runs past the edge) "
                    + "or shift (last tile moved inward); default: ${DEFAULT-VALUE}.")
    String edge;

    @Option(names = "--threads", paramLabel = "N", description = "Threads decoding samples (default: the processors).")
    Integer threads;

    @Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "8192",
            description = "Rows per Arrow record batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Mixin
    JsonOutput json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the export; returns the exit code (errors are thrown and mapped by {@link LandcoverCli}). */
    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        var parsed = cl.getParseResult();
        if (tiles == null) {
            for (String o : new String[] {"--tile-size", "--stride", "--edge"}) {
                if (parsed.hasMatchedOption(o)) {
                    throw new CommandLine.ParameterException(cl, o + " needs --tiles FILE");
                }
            }
        }
        EdgePolicy policy = switch (edge.toLowerCase(Locale.ROOT)) {
            case "drop" -> EdgePolicy.DROP;
            case "pad" -> EdgePolicy.PAD;
            case "shift" -> EdgePolicy.SHIFT;
            default -> throw new CommandLine.ParameterException(cl,
                    "--edge must be drop, pad or shift, got '" + edge + "'");
        };
        if (tileSize < 1) {
            throw new CommandLine.ParameterException(cl, "--tile-size must be 1 or more, got " + tileSize);
        }
        if (stride != null && stride < 1) {
            throw new CommandLine.ParameterException(cl, "--stride must be 1 or more, got " + stride);
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be 1 or more, got " + threads);
        }
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(cl, "--batch-size must be 1 or more, got " + batchSize);
        }
        if (tiles != null && tiles.toAbsolutePath().normalize().equals(arrow.toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(cl, "--arrow and --tiles name the same file " + arrow);
        }
        int step = stride == null ? tileSize : stride;
        PrintWriter err = cl.getErr();
        ManifestSummary summary;
        try (ProgressBar bar = ProgressBar.forStderr()) {
            DatasetOptions options = DatasetOptions.defaults().withWarnings((source, message) -> {
                synchronized (err) {
                    err.println("landcover: warning: " + source + ": " + message);
                    err.flush();
                }
            });
            try (Dataset<?> ds = Datasets.open(dir, options)) {
                ManifestExport export = Manifests.export(ds).batchSize(batchSize).progress(bar);
                if (threads != null) {
                    export = export.threads(threads);
                }
                if (tiles != null) {
                    export = export.tiles(tiles, g -> g.size(tileSize).stride(step).edge(policy));
                }
                try {
                    summary = export.write(arrow);
                } catch (IllegalArgumentException e) {
                    // the grid does not fit a sample (a tile larger than it with --edge drop or shift)
                    throw new CommandLine.ParameterException(cl, "--tile-size " + tileSize + ", --stride " + step
                            + ", --edge " + policy.name().toLowerCase(Locale.ROOT) + ": " + e.getMessage(), e,
                            spec.findOption("--tile-size"), Integer.toString(tileSize));
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", summary.dataset());
        out.put("root", dir.toString());
        out.put("arrow", arrow.toString());
        out.put("rows", summary.rows());
        out.put("labelled_rows", summary.labelledRows());
        out.put("splits", summary.splits());
        out.put("arrow_bytes", Files.size(arrow));
        if (tiles != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("file", tiles.toString());
            t.put("rows", summary.tileRows().orElse(0));
            t.put("bytes", Files.size(tiles));
            t.put("tile_size", tileSize);
            t.put("stride", step);
            t.put("edge", policy.name().toLowerCase(Locale.ROOT));
            out.put("tiles", t);
        } else {
            out.put("tiles", null);
        }
        Map<String, Long> histogram = new LinkedHashMap<>();
        summary.labelHistogram().forEach((v, c) -> histogram.put(Integer.toString(v), c));
        out.put("label_histogram", histogram);
        if (json.requested()) {
            json.write(out);
        }
        if (!json.toStdout()) {
            System.out.printf(Locale.ROOT, "%s: %,d samples (%,d labelled) -> %s (%s)%n", summary.dataset(),
                    summary.rows(), summary.labelledRows(), arrow, size(Files.size(arrow)));
            if (tiles != null) {
                System.out.printf(Locale.ROOT, "tiles: %,d (%d px, stride %d, %s) -> %s (%s)%n",
                        summary.tileRows().orElse(0), tileSize, step, policy.name().toLowerCase(Locale.ROOT), tiles,
                        size(Files.size(tiles)));
            }
        }
        return ExitCodes.OK;
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
