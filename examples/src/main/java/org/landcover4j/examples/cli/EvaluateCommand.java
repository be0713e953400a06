package org.landcover4j.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.Rasters;
import org.landcover4j.metrics.ConfusionAccumulator;
import org.landcover4j.metrics.ConfusionMatrix;
import org.landcover4j.metrics.report.EvaluationReport;
import org.landcover4j.taxonomy.TaxonomyRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code landcover evaluate}: scores predicted label maps against reference label maps (CLI.md).
 *
 * <p>Two files, or two directories whose raster files are paired by name without extension; every pair is pooled
 * into one confusion matrix. Pairs are read and counted on several threads (each with its own accumulator, merged at
 * the end), so the heap holds only the rasters being counted, whatever the number of pairs.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score predicted label maps against reference label maps: overall accuracy, per-class IoU, "
            + "precision (user's accuracy), recall (producer's accuracy) and F1, mean IoU, kappa, and Pontius "
            + "quantity and allocation disagreement.",
            "",
            "PATH is a raster file or a directory; two directories are paired by file name without extension "
            + "(raster files only: .tif .tiff .png .jpg .jpeg .npy .npz) and pooled into one confusion matrix. "
            + "Reference pixels equal to an --ignore value or to the reference's nodata are excluded.",
            ""})
public final class EvaluateCommand implements Callable<Integer> {

    private static final Set<String> RASTER_EXTENSIONS = Set.of("tif", "tiff", "png", "jpg", "jpeg", "npy", "npz");

    @Option(names = "--reference", paramLabel = "PATH", required = true,
            description = "Reference (ground truth) raster file or directory.")
    Path reference;

    @Option(names = "--prediction", paramLabel = "PATH", required = true,
            description = "Predicted raster file or directory.")
    Path prediction;

    @Option(names = "--ignore", paramLabel = "VALUE",
            description = "Reference value whose pixels are excluded (repeatable).")
    List<Long> ignore = new ArrayList<>();

    @Option(names = "--band", paramLabel = "N", defaultValue = "1",
            description = "1-based band of multi-band rasters (default: ${DEFAULT-VALUE}).")
    int band;

    @Mixin
    JsonOutput json;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Write the row-normalised confusion matrix as a heat map with class labels.")
    Path plot;

    @Option(names = "--bar-plot", paramLabel = "FILE.png", description = "Write a per-class IoU and F1 bar chart.")
    Path barPlot;

    @Option(names = "--taxonomy", paramLabel = "ID",
            description = "Name and colour classes after a built-in taxonomy (e.g. openearthmap, landcovernet-l1).")
    String taxonomy;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads reading and counting pairs (default: the available processors).")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One reference/prediction pair. */
    record Pair(String name, Path reference, Path prediction) {
    }

    @Override
    public Integer call() throws Exception {
        if (band < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--band must be 1 or more, got " + band);
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 or more, got " + threads);
        }
        var registry = taxonomy == null ? null : TaxonomyRegistry.builtIn();
        if (registry != null) {
            try {
                registry.taxonomy(taxonomy);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        List<Pair> pairs = pairs(reference, prediction);
        ConfusionMatrix matrix = count(pairs);
        EvaluationReport report = registry == null ? EvaluationReport.of(matrix)
                : EvaluationReport.of(matrix, registry.taxonomy(taxonomy));
        if (plot != null) {
            report.writeHeatmap(plot);
        }
        if (barPlot != null) {
            report.writeBarChart(barPlot);
        }
        if (json.requested()) {
            json.write(report.toJsonNode());
        }
        if (!json.toStdout()) {
            System.out.println(report);
            if (pairs.size() > 1) {
                System.out.printf(Locale.ROOT, "  (%d pairs)%n", pairs.size());
            }
        }
        return ExitCodes.OK;
    }

    // -------------------------------------------------------------------------------------------- pairing

    static List<Pair> pairs(Path reference, Path prediction) throws IOException {
        if (!Files.exists(reference)) {
            throw new java.nio.file.NoSuchFileException(reference.toString());
        }
        if (!Files.exists(prediction)) {
            throw new java.nio.file.NoSuchFileException(prediction.toString());
        }
        boolean refDir = Files.isDirectory(reference);
        boolean predDir = Files.isDirectory(prediction);
        if (refDir != predDir) {
            throw new BadInputException((refDir ? reference : prediction) + " is a directory but "
                    + (refDir ? prediction : reference) + " is a file; give two files or two directories");
        }
        if (!refDir) {
            return List.of(new Pair(reference.getFileName().toString(), reference, prediction));
        }
        Map<String, Path> refs = rasters(reference);
        Map<String, Path> preds = rasters(prediction);
        List<String> onlyRef = refs.keySet().stream().filter(k -> !preds.containsKey(k)).toList();
        List<String> onlyPred = preds.keySet().stream().filter(k -> !refs.containsKey(k)).toList();
        if (!onlyRef.isEmpty() || !onlyPred.isEmpty()) {
            StringBuilder sb = new StringBuilder("unmatched files between " + reference + " and " + prediction + ":");
            if (!onlyRef.isEmpty()) {
                sb.append(" reference without prediction: ").append(list(onlyRef)).append(';');
            }
            if (!onlyPred.isEmpty()) {
                sb.append(" prediction without reference: ").append(list(onlyPred)).append(';');
            }
            throw new BadInputException(sb.substring(0, sb.length() - 1));
        }
        if (refs.isEmpty()) {
            throw new BadInputException(reference + " and " + prediction + " hold no raster files ("
                    + String.join(", ", new java.util.TreeSet<>(RASTER_EXTENSIONS)) + ")");
        }
        List<Pair> out = new ArrayList<>(refs.size());
        refs.forEach((k, r) -> out.add(new Pair(k, r, preds.get(k))));
        return out;
    }

    private static String list(List<String> names) {
        int shown = Math.min(20, names.size());
        String s = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? s + ", ... (" + names.size() + " in all)" : s;
    }

    /** Raster files of a directory by name without extension (sorted); two files with one name are an error. */
    private static Map<String, Path> rasters(Path dir) throws IOException {
        TreeMap<String, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot <= 0 || !Files.isRegularFile(p)
                        || !RASTER_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                Path previous = out.put(name.substring(0, dot), p);
                if (previous != null) {
                    throw new BadInputException(dir + ": " + previous.getFileName() + " and " + p.getFileName()
                            + " have the same name without extension; cannot pair them");
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- counting

    private ConfusionMatrix count(List<Pair> pairs) throws Exception {
        ConfusionAccumulator template = ConfusionAccumulator.builder()
                .ignore(ignore.stream().mapToLong(Long::longValue).toArray()).build();
        int n = Math.max(1, Math.min(pairs.size(), threads != null ? threads : Runtime.getRuntime().availableProcessors()));
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        try (ProgressBar bar = ProgressBar.forStderr()) {
            if (n == 1) {
                return worker(pairs, template.emptyCopy(), next, done, failed, bar).result();
            }
            ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "landcover-evaluate");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<ConfusionAccumulator>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ConfusionAccumulator acc = template.emptyCopy();
                    futures.add(pool.submit(() -> worker(pairs, acc, next, done, failed, bar)));
                }
                ConfusionAccumulator total = template.emptyCopy();
                Exception first = null;
                for (Future<ConfusionAccumulator> f : futures) {
                    try {
                        total.merge(f.get());
                    } catch (ExecutionException e) {
                        if (first == null) {
                            first = e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
                        }
                    }
                }
                if (first != null) {
                    throw first;
                }
                return total.result();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private ConfusionAccumulator worker(List<Pair> pairs, ConfusionAccumulator acc, AtomicInteger next,
                                        AtomicLong done, AtomicBoolean failed, ProgressBar bar) throws IOException {
        int b = band - 1;
        for (int i = next.getAndIncrement(); i < pairs.size() && !failed.get(); i = next.getAndIncrement()) {
            Pair p = pairs.get(i);
            try {
                Raster r = Rasters.read(p.reference());
                Raster q = Rasters.read(p.prediction());
                checkPair(p, r, q, b);
                try {
                    acc.add(r, q, b);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(p.reference() + " / " + p.prediction() + ": " + e.getMessage(), e);
                }
            } catch (IOException | RuntimeException e) {
                failed.set(true);
                throw e;
            }
            bar.progress(done.incrementAndGet(), pairs.size(), "evaluate");
        }
        return acc;
    }

    private static void checkPair(Pair p, Raster r, Raster q, int b) {
        if (r.width() != q.width() || r.height() != q.height()) {
            throw new BadInputException(p.prediction() + ": " + q.width() + "x" + q.height()
                    + " pixels, but the reference " + p.reference() + " is " + r.width() + "x" + r.height());
        }
        for (var x : List.of(Map.entry(p.reference(), r), Map.entry(p.prediction(), q))) {
            if (b >= x.getValue().bands()) {
                throw new BadInputException(x.getKey() + ": has " + x.getValue().bands()
                        + (x.getValue().bands() == 1 ? " band" : " bands") + ", --band " + (b + 1) + " does not exist");
            }
            if (!x.getValue().dataType().isInteger()) {
                throw new BadInputException(x.getKey() + ": labels must be integers, found "
                        + x.getValue().dataType().id() + " samples");
            }
        }
    }
}
