package org.landcover4j.examples.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.examples.cli.JsonOutput;
import org.landcover4j.io.Rasters;
import org.landcover4j.io.arrow.Manifests;
import org.landcover4j.metrics.ConfusionAccumulator;
import org.landcover4j.metrics.ConfusionMatrix;
import org.landcover4j.metrics.report.EvaluationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A distributed evaluation on Apache Spark: the dataset-wide class histogram of the primary label band and, given
 * a folder of predictions, the pooled confusion matrix, computed over a dataset's samples in partitions and merged
 * with the library's mergeable accumulators.
 *
 * <p>How it works: the driver opens the dataset (only its index), pairs each labelled sample with its prediction
 * file ({@code <sample id>.<ext>} in the predictions folder, any raster format the library reads), and distributes
 * the sample ids. Each partition opens the dataset once, reads the primary label of each of its samples, adds it to
 * a {@link ClassHistogram} and, with a prediction, to a {@link ConfusionAccumulator}; its result (the histogram and
 * the matrix as {@link ConfusionMatrix#toJson() JSON}) goes back to the driver, where partitions are merged
 * ({@link ClassHistogram#merge}, {@link ConfusionMatrix#merge}). Both merges are exact, associative and commutative,
 * so the result equals the single-machine one ({@link #computeLocally}) for any number of partitions. Reference
 * pixels equal to the label's declared nodata or to an {@code ignore} value are left out of the matrix (and counted
 * as ignored); the histogram counts every pixel.
 *
 * <p>The dataset folder (and the predictions) must be readable at the same path on every executor: a shared file
 * system, or the local disk in local mode. The library does not depend on Spark; only this example does, with Spark
 * {@code provided} by the cluster.
 *
 * <p>Thread safety: stateless; the methods may be called from any thread with their own or a shared context.
 *
 * {@snippet :
 * try (var sc = new JavaSparkContext(DistributedEvaluation.localConf("local[4]"))) {
 *     var r = DistributedEvaluation.compute(sc, Path.of("samples/openearthmap"), Optional.of(Path.of("predictions")),
 *             List.of(0L), 8);
 *     r.classHistogram();                          // {0=..., 1=..., ...}
 *     r.confusion().orElseThrow().meanIoU();
 * }
 * }
 */
@Command(name = "DistributedEvaluation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Class histogram and pooled confusion matrix of a dataset, computed on Apache Spark.",
            "Run with spark-submit (see the README); without a master URL it runs locally on every core."})
public final class DistributedEvaluation implements Callable<Integer> {

    /** File extensions of prediction rasters. */
    static final Set<String> RASTER_EXTENSIONS = Set.of("tif", "tiff", "png", "jpg", "jpeg", "npy", "npz");

    @Parameters(index = "0", paramLabel = "DATASET_DIR", description = "The dataset's root folder (as for landcover info).")
    Path dataset;

    @Option(names = "--predictions", paramLabel = "DIR",
            description = "Folder of predicted label rasters named <sample id>.<ext>; without it only the histogram.")
    Path predictions;

    @Option(names = "--ignore", paramLabel = "VALUE",
            description = "Reference value excluded from the confusion matrix (repeatable).")
    List<Long> ignore = new ArrayList<>();

    @Option(names = "--partitions", paramLabel = "N",
            description = "Number of partitions (default: Spark's default parallelism).")
    int partitions;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON to FILE ('-' for stdout).")
    Path json;

    /** What the job computed. */
    public record Result(String dataset, long samples, long labelledSamples, long evaluatedSamples,
                         Map<Integer, Long> classHistogram, Optional<ConfusionMatrix> confusion) {

        /** Validates and copies. */
        public Result {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(confusion, "confusion (use Optional.empty())");
            classHistogram = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(classHistogram));
        }

        /** The result as JSON (snake_case keys; undefined metrics are null). */
        public ObjectNode toJsonNode() {
            ObjectNode o = JsonOutput.mapper().createObjectNode();
            o.put("dataset", dataset);
            o.put("samples", samples);
            o.put("labelled_samples", labelledSamples);
            o.put("evaluated_samples", evaluatedSamples);
            ObjectNode h = o.putObject("class_histogram");
            classHistogram.forEach((v, c) -> h.put(Integer.toString(v), c));
            if (confusion.isPresent()) {
                o.set("evaluation", EvaluationReport.of(confusion.get()).toJsonNode());
            } else {
                o.putNull("evaluation");
            }
            return o;
        }
    }

    /** One sample to process: its id and, when it has one, the absolute path of its prediction. */
    record SampleTask(String id, String prediction) implements Serializable {
    }

    /** What one partition (or a merge of several) computed; serializable, mergeable. */
    static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        final ClassHistogram histogram = new ClassHistogram();
        String confusionJson;   // null: no sample evaluated
        long samples;
        long labelled;
        long evaluated;

        Partial merge(Partial other) {
            histogram.merge(other.histogram);
            samples += other.samples;
            labelled += other.labelled;
            evaluated += other.evaluated;
            if (other.confusionJson != null) {
                confusionJson = confusionJson == null ? other.confusionJson
                        : ConfusionMatrix.fromJson(confusionJson).merge(ConfusionMatrix.fromJson(other.confusionJson))
                                .toJson();
            }
            return this;
        }
    }

    // --------------------------------------------------------------------------------------------- the job

    /**
     * Runs the job on {@code sc}.
     *
     * @param root        the dataset folder (readable at this path on every executor)
     * @param predictions the predictions folder, or empty for the class histogram only
     * @param ignore      reference values left out of the confusion matrix
     * @param partitions  number of partitions, or 0 for Spark's default parallelism
     * @throws InvalidDataException naming the folder when predictions and samples do not pair up, or a file when
     *                              it cannot be read
     */
    public static Result compute(JavaSparkContext sc, Path root, Optional<Path> predictions, List<Long> ignore,
                                 int partitions) throws IOException {
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be 0 (default) or more, got " + partitions);
        }
        Plan plan = plan(root, predictions);
        String rootText = root.toAbsolutePath().toString();
        long[] ignoreValues = ignore.stream().mapToLong(Long::longValue).toArray();
        int n = partitions > 0 ? partitions : sc.defaultParallelism();
        Partial total = plan.tasks().isEmpty() ? new Partial()
                : sc.parallelize(plan.tasks(), Math.max(1, Math.min(n, plan.tasks().size())))
                        .mapPartitions(it -> List.of(evaluate(rootText, ignoreValues, it)).iterator())
                        .reduce(Partial::merge);
        return result(plan.dataset(), total);
    }

    /** The same computation on this machine, in one pass with one accumulator: the reference for the job. */
    public static Result computeLocally(Path root, Optional<Path> predictions, List<Long> ignore) throws IOException {
        Plan plan = plan(root, predictions);
        Partial total = evaluate(root.toAbsolutePath().toString(), ignore.stream().mapToLong(Long::longValue).toArray(),
                plan.tasks().iterator());
        return result(plan.dataset(), total);
    }

    private static Result result(String dataset, Partial p) {
        return new Result(dataset, p.samples, p.labelled, p.evaluated, p.histogram.toMap(),
                Optional.ofNullable(p.confusionJson).map(ConfusionMatrix::fromJson));
    }

    private record Plan(String dataset, List<SampleTask> tasks) {
    }

    /** Opens the dataset on the driver and pairs its labelled samples with prediction files. */
    private static Plan plan(Path root, Optional<Path> predictions) throws IOException {
        Dataset<?> ds = Datasets.open(root);
        Map<String, Path> preds = predictions.isPresent() ? pair(ds, predictions.get()) : Map.of();
        List<SampleTask> tasks = new ArrayList<>(ds.size());
        for (SampleRef ref : ds.refs()) {
            Path p = preds.get(ref.id());
            tasks.add(new SampleTask(ref.id(), p == null || !ref.labelled() ? null : p.toAbsolutePath().toString()));
        }
        return new Plan(ds.info().id(), List.copyOf(tasks));
    }

    /**
     * Prediction files by sample id: every labelled sample needs one; a file whose name is no sample's id is an error
     * (a typo would otherwise go unnoticed); predictions of unlabelled samples are ignored.
     */
    static Map<String, Path> pair(Dataset<?> ds, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidDataException(dir, Files.exists(dir) ? "is not a folder; expected a folder of predictions"
                    : "no such folder; expected a folder of predictions");
        }
        Map<String, Path> byName = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot <= 0 || !Files.isRegularFile(p)
                        || !RASTER_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                Path previous = byName.put(name.substring(0, dot), p);
                if (previous != null) {
                    throw new InvalidDataException(dir, previous.getFileName() + " and " + p.getFileName()
                            + " are predictions of the same sample");
                }
            }
        }
        List<String> unknown = byName.keySet().stream().filter(k -> ds.find(k).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidDataException(dir, "predictions of samples the dataset does not have: " + list(unknown));
        }
        List<String> missing = ds.refs().stream().filter(r -> r.labelled() && !byName.containsKey(r.id()))
                .map(SampleRef::id).toList();
        if (!missing.isEmpty()) {
            throw new InvalidDataException(dir, "no prediction for labelled samples " + list(missing));
        }
        return byName;
    }

    private static String list(List<String> names) {
        int shown = Math.min(10, names.size());
        String s = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? s + ", ... (" + names.size() + " in all)" : s;
    }

    /** One partition's work: open the dataset once, then count every sample of the partition. */
    static Partial evaluate(String root, long[] ignore, Iterator<SampleTask> tasks) throws IOException {
        // the driver already reported the dataset's warnings once
        Dataset<?> ds = Datasets.open(Path.of(root), DatasetOptions.defaults().withWarnings(WarningListener.ignore()));
        ConfusionAccumulator acc = ConfusionAccumulator.builder().ignore(ignore).build();
        Partial p = new Partial();
        while (tasks.hasNext()) {
            SampleTask t = tasks.next();
            SampleRef ref = ds.find(t.id()).orElseThrow(() -> new IllegalStateException(
                    "sample " + t.id() + " is not in " + root + " on this executor; is the folder the same everywhere?"));
            p.samples++;
            Optional<Raster> label = ref.labelled() ? ds.readLabel(ref) : Optional.empty();
            if (label.isEmpty()) {
                continue;
            }
            p.labelled++;
            p.histogram.add(Manifests.labelHistogram(label.get()));
            if (t.prediction() != null) {
                Path file = Path.of(t.prediction());
                Raster prediction = Rasters.read(file);
                try {
                    acc.add(label.get(), prediction);
                } catch (IllegalArgumentException e) {
                    throw new InvalidDataException(file, "cannot be scored against the label of sample " + t.id()
                            + ": " + e.getMessage());
                }
                p.evaluated++;
            }
        }
        if (p.evaluated > 0) {
            p.confusionJson = acc.result().toJson();
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------ spark-submit

    /**
     * A Spark configuration for a local run on {@code master} ({@code local[N]}): no web UI, driver bound to the
     * loopback address, no console progress bar.
     */
    public static SparkConf localConf(String master) {
        return new SparkConf().setMaster(master).setAppName("landcover4j distributed evaluation")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }

    /** Runs the job with the parsed options on the configured master (local on every core when none is set). */
    @Override
    public Integer call() throws Exception {
        SparkConf conf = new SparkConf().setAppName("landcover4j distributed evaluation");
        if (!conf.contains("spark.master")) {
            conf = localConf("local[*]");
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("ERROR");
            Result r = compute(sc, dataset, Optional.ofNullable(predictions), ignore, partitions);
            if (json != null) {
                if (json.toString().equals("-")) {
                    System.out.println(JsonOutput.mapper().writeValueAsString(r.toJsonNode()));
                } else {
                    JsonOutput.mapper().writeValue(json.toFile(), r.toJsonNode());
                }
            }
            if (json == null || !json.toString().equals("-")) {
                System.out.printf(Locale.ROOT, "%s: %d samples, %d labelled, %d evaluated%n", r.dataset(), r.samples(),
                        r.labelledSamples(), r.evaluatedSamples());
                System.out.println("class histogram: " + r.classHistogram());
                r.confusion().ifPresent(m -> System.out.println(EvaluationReport.of(m)));
            }
        }
        return 0;
    }

    /**
     * Entry point for {@code spark-submit}: {@code DATASET_DIR [--predictions DIR] [--ignore V]... [--partitions N]
     * [--json FILE]}. Exit codes as the {@code landcover} command line: 0, 2 usage, 3 bad input, 1 otherwise.
     */
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new DistributedEvaluation());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            while (t.getCause() != null && !(t instanceof IOException)) {
                t = t.getCause();
            }
            cmd.getErr().println("DistributedEvaluation: " + (t.getMessage() == null ? t : t.getMessage()));
            return t instanceof InvalidDataException || t instanceof java.nio.file.NoSuchFileException ? 3 : 1;
        });
        System.exit(cl.execute(args));
    }
}
