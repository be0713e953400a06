package org.landcover4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.split.ClassAwareSplit;
import org.landcover4j.core.split.GroupKeys;
import org.landcover4j.core.split.GroupedSplit;
import org.landcover4j.core.split.RandomSplit;
import org.landcover4j.core.split.Ratios;
import org.landcover4j.core.split.SplitAssignment;
import org.landcover4j.core.split.SplitFiles;
import org.landcover4j.core.split.SplitFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code landcover split DATASET_DIR --ratios 7:1:2 [--group KEY] [--seed N] --output DIR}: a reproducible split of
 * a dataset's samples, written as split files in the dataset's own format and as a neutral {@code split.csv}.
 *
 * <p>Every sample's split is a function of the seed and its id (or its group's key) only, so the split is the same
 * on every run and machine, and adding samples never moves existing ones ({@code org.landcover4j.core.split}).
 * {@code --group} keeps groups whole; {@code --class-aware} runs OpenEarthMap's procedure (many seeded trials, the
 * one whose train set covers every class of each group); {@code --official} writes the dataset's own split in
 * another format.
 *
 * <p>Exit codes: 2 for options that do not fit (bad ratios, an unknown group key, a key that does not fit the
 * dataset's ids, too few groups for the ratios), 3 for bad dataset files, 1 when a split file cannot be written.
 */
@Command(name = "split", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Split the samples of DATASET_DIR reproducibly into train, val and test, and write split files "
                + "in the dataset's own format (OpenEarthMap train.txt, Globe230k train_num.txt, SEN12MS train_list.txt, "
                + "OpenSentinelMap split column) and as a neutral split.csv (id,split).")
public final class SplitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATASET_DIR", description = "The dataset's root folder, as distributed.")
    Path dir;

    @Option(names = "--ratios", paramLabel = "TRAIN:VAL:TEST",
            description = "Relative split sizes, e.g. 7:1:2 (Globe230k) or 6:1:3 (OpenEarthMap); fractions must sum to 1.")
    String ratios;

    @Option(names = "--group", paramLabel = "KEY",
            description = "Keep groups whole: region (OpenEarthMap), scene or season (SEN12MS), tile or mgrs "
                    + "(LandCoverNet, OpenSentinelMap), or dataset (the reader's own group).")
    String group;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--class-aware",
            description = "Among --trials seeded splits of every group (default group: the reader's), choose the one whose "
                    + "train set covers every class of each group and whose test set covers the most (reads the labels).")
    boolean classAware;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "1000",
            description = "Trials of --class-aware (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--ignore", paramLabel = "VALUE",
            description = "A label value that is not a class for --class-aware (repeatable; declared nodata is ignored too).")
    List<Integer> ignore = new ArrayList<>();

    @Option(names = "--official", description = "Write the dataset's own split (from its split files or columns).")
    boolean official;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Write only this format: csv, openearthmap, globe230k, sen12ms or opensentinelmap "
                    + "(default: the dataset's own format and csv).")
    String format;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Folder for the split files.")
    Path output;

    @Mixin
    JsonOutput json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> out = new LinkedHashMap<>();
        try (ProgressBar bar = ProgressBar.forStderr()) {
            DatasetOptions options = DatasetOptions.defaults()
                    .withWarnings((source, message) -> {
                        synchronized (err) {
                            err.println("landcover: warning: " + source + ": " + message);
                            err.flush();
                        }
                    })
                    .withProgress(bar);
            try (Dataset<?> ds = Datasets.open(dir, options)) {
                String id = ds.info().id();
                List<SplitFormat> formats = formats(id);
                out.put("dataset", id);
                out.put("method", official ? "official" : classAware ? "class_aware" : group != null ? "grouped" : "random");
                out.put("ratios", official ? null : Ratios.parse(ratios).toString());
                out.put("seed", official ? null : seed);
                out.put("group", groupName(id));
                SplitAssignment a = assign(ds, out, bar);
                Map<String, Object> counts = new LinkedHashMap<>();
                for (Split s : Split.values()) {
                    counts.put(s.id(), a.count(s));
                }
                out.put("samples", a.size());
                out.put("splits", counts);
                out.put("excluded", a.excluded().size());
                for (SplitFormat f : formats) {   // check every format before writing any file
                    try {
                        a.forEach((sample, s) -> f.line(sample));
                    } catch (IllegalArgumentException e) {
                        throw usage("--format " + f.id() + " does not fit " + id + " sample ids: " + e.getMessage());
                    }
                }
                List<String> files = new ArrayList<>();
                for (SplitFormat f : formats) {
                    for (Path p : SplitFiles.write(a, f, output)) {
                        files.add(p.toString());
                    }
                }
                out.put("files", files);
            }
        }
        if (json.requested()) {
            json.write(out);
        }
        if (!json.toStdout()) {
            printSummary(out);
        }
        return ExitCodes.OK;
    }

    private void checkOptions() {
        if (official && (ratios != null || group != null || classAware)) {
            throw usage("--official writes the dataset's own split; it takes no --ratios, --group or --class-aware");
        }
        if (!official && ratios == null) {
            throw usage("missing --ratios TRAIN:VAL:TEST (e.g. 7:1:2), or --official for the dataset's own split");
        }
        if (!official) {
            try {
                Ratios.parse(ratios);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        if (trials <= 0) {
            throw usage("--trials must be positive, got " + trials);
        }
        if (group != null) {
            try {
                GroupKeys.named(group);
            } catch (IllegalArgumentException e) {
                if (!group.strip().equalsIgnoreCase("dataset")) {
                    throw usage(e.getMessage() + ", dataset (the reader's own group)");
                }
            }
        }
        if (format != null) {
            try {
                SplitFormat.parse(format);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private List<SplitFormat> formats(String datasetId) {
        if (format != null) {
            return List.of(SplitFormat.parse(format));
        }
        return switch (datasetId) {
            case "openearthmap" -> List.of(SplitFormat.OPENEARTHMAP, SplitFormat.CSV);
            case "globe230k" -> List.of(SplitFormat.GLOBE230K, SplitFormat.CSV);
            case "sen12ms" -> List.of(SplitFormat.SEN12MS, SplitFormat.CSV);
            case "opensentinelmap" -> List.of(SplitFormat.OPENSENTINELMAP, SplitFormat.CSV);
            default -> List.of(SplitFormat.CSV);
        };
    }

    /** The reader's own group key of each dataset, as a {@code --group} name. */
    private static String readerGroup(String datasetId) {
        return switch (datasetId) {
            case "openearthmap" -> "region";
            case "sen12ms" -> "scene";
            case "landcovernet", "opensentinelmap" -> "tile";
            default -> "sample";
        };
    }

    private String groupName(String datasetId) {
        if (official || group == null && !classAware) {
            return null;
        }
        String g = group == null ? "dataset" : group.strip().toLowerCase(Locale.ROOT);
        g = g.equals("mgrs") ? "tile" : g;
        return g.equals("dataset") ? readerGroup(datasetId) : g;
    }

    /** The group of a reference: the reader's own when it is the asked key, otherwise derived from the id. */
    private Function<SampleRef, String> groupOf(String datasetId) {
        String g = groupName(datasetId);
        if (g.equals(readerGroup(datasetId))) {
            return SampleRef::group;
        }
        Function<String, String> key = GroupKeys.named(g);
        return ref -> key.apply(ref.id());
    }

    private SplitAssignment assign(Dataset<?> ds, Map<String, Object> out, ProgressBar bar) throws IOException {
        List<SampleRef> refs = ds.refs();
        String id = ds.info().id();
        if (official) {
            return SplitAssignment.official(refs);
        }
        Ratios r = Ratios.parse(ratios);
        try {
            if (classAware) {
                return classAware(ds, refs, r, out, bar);
            }
            if (group != null) {
                Function<SampleRef, String> key = groupOf(id);
                return GroupedSplit.of(r).seed(seed).assign(refs, SampleRef::id, key);
            }
            return RandomSplit.of(r).seed(seed).assignRefs(refs);
        } catch (IllegalArgumentException e) {
            String how = group == null ? "" : "--group " + group + ": ";
            throw usage(how + e.getMessage() + " (" + id + ", " + refs.size() + " samples)");
        }
    }

    private SplitAssignment classAware(Dataset<?> ds, List<SampleRef> refs, Ratios r, Map<String, Object> out,
                                       ProgressBar bar) throws IOException {
        Function<SampleRef, String> key = groupOf(ds.info().id());
        int[] ignored = ignore.stream().mapToInt(Integer::intValue).toArray();
        List<ClassAwareSplit.Sample> samples = new ArrayList<>(refs.size());
        long done = 0;
        for (SampleRef ref : refs) {
            Set<Integer> classes = Set.of();
            if (ref.labelled()) {
                Optional<Raster> label = ds.readLabel(ref);
                if (label.isPresent()) {
                    classes = ClassAwareSplit.classesOf(label.get(), ignored);
                }
            }
            samples.add(new ClassAwareSplit.Sample(ref.id(), key.apply(ref), classes));
            bar.progress(++done, refs.size(), "reading labels");
        }
        ClassAwareSplit.Result result = ClassAwareSplit.of(r).seed(seed).trials(trials).assign(samples, bar);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", result.trial());
        m.put("trials_run", result.trialsRun());
        m.put("groups", result.groups());
        m.put("groups_covered_by_train", result.groupsCoveredByTrain());
        m.put("train_covers_every_class", result.trainCoversEveryClass());
        m.put("test_classes_covered", result.testClassesCovered());
        m.put("test_classes_possible", result.testClassesPossible());
        out.put("class_aware", m);
        return result.assignment();
    }

    @SuppressWarnings("unchecked")
    private void printSummary(Map<String, Object> out) {
        PrintWriter w = spec.commandLine().getOut();
        Map<String, Object> splits = (Map<String, Object>) out.get("splits");
        StringBuilder how = new StringBuilder(String.valueOf(out.get("method")).replace('_', '-'));
        if (out.get("group") != null) {
            how.append(" by ").append(out.get("group"));
        }
        if (out.get("ratios") != null) {
            how.append(", ").append(out.get("ratios")).append(", seed ").append(out.get("seed"));
        }
        w.printf("%s: %s samples -> train %s, val %s, test %s (%s)%n", out.get("dataset"), out.get("samples"),
                splits.get("train"), splits.get("val"), splits.get("test"), how);
        if (((Integer) out.get("excluded")) > 0) {
            w.printf("%s samples in no split%n", out.get("excluded"));
        }
        if (out.get("class_aware") instanceof Map<?, ?> ca) {
            w.printf("class-aware: trial %s is the best of %s; train covers every class in %s/%s groups; "
                    + "test covers %s/%s group classes%n", ca.get("trial"), ca.get("trials_run"),
                    ca.get("groups_covered_by_train"), ca.get("groups"), ca.get("test_classes_covered"),
                    ca.get("test_classes_possible"));
        }
        for (Object f : (List<Object>) out.get("files")) {
            w.println("wrote " + f);
        }
        w.flush();
    }
}
