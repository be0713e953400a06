package org.landcover4j.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.Sample;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Skipped;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.split.ClassAwareSplit;
import org.landcover4j.core.split.GroupedSplit;
import org.landcover4j.core.split.RandomSplit;
import org.landcover4j.core.split.Ratios;
import org.landcover4j.core.split.SplitAssignment;
import org.landcover4j.core.split.SplitFiles;
import org.landcover4j.core.split.SplitFormat;
import org.landcover4j.core.tile.EdgePolicy;
import org.landcover4j.core.tile.Tile;
import org.landcover4j.core.tile.TileGrid;
import org.landcover4j.core.tile.Tiles;
import org.landcover4j.io.Rasters;
import org.landcover4j.io.arrow.ManifestSummary;
import org.landcover4j.io.arrow.Manifests;
import org.landcover4j.io.arrow.MetricTables;
import org.landcover4j.io.dataset.openearthmap.OpenEarthMapSample;
import org.landcover4j.io.samples.SampleGenerator;
import org.landcover4j.io.tiff.GeoTiff;
import org.landcover4j.metrics.ConfusionAccumulator;
import org.landcover4j.metrics.ConfusionMatrix;
import org.landcover4j.metrics.MacroAverage;
import org.landcover4j.metrics.Pontius;
import org.landcover4j.metrics.agreement.AgreementReport;
import org.landcover4j.metrics.consensus.Annotations;
import org.landcover4j.metrics.consensus.ConsensusResult;
import org.landcover4j.metrics.consensus.WeightedVote;
import org.landcover4j.metrics.report.EvaluationReport;
import org.landcover4j.taxonomy.Crosswalk;
import org.landcover4j.taxonomy.Harmonization;
import org.landcover4j.taxonomy.TaxonClass;
import org.landcover4j.taxonomy.Taxonomy;
import org.landcover4j.taxonomy.TaxonomyRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code landcover demo}: a tour of the whole library on the project's own generated samples of the five datasets
 * (no download needed).
 *
 * <p>Steps, one section each: generate the samples ({@link SampleGenerator}, only when the output folder does not
 * hold them yet), open every dataset ({@link Datasets#open}), harmonise classes (a crosswalk and a
 * {@link Harmonization}), tile a sample ({@link TileGrid}, {@link Tiles}), make a reproducible class-aware split by
 * region, evaluate a perturbed copy of the labels ({@link ConfusionAccumulator}, {@link EvaluationReport}), compute a
 * consensus of three noisy annotators ({@link WeightedVote}, {@link AgreementReport}), export an Arrow manifest
 * ({@link Manifests}) and draw pictures. Everything goes to {@code --output DIR}, by default a fresh folder
 * {@code landcover-demo-*} under the system temporary folder; nothing is written elsewhere. Running again with the
 * same {@code --output} reuses its samples and overwrites the other files. The pixels that the demo perturbs are
 * drawn from {@code --seed}, so the numbers are the same on every run and machine. {@code --json FILE} summarises
 * each step's key numbers, the files written (path and size) and the seconds each step took.
 *
 * <p>Not thread-safe: picocli creates one instance per run.
 *
 * {@snippet :
 * int code = LandcoverCli.run("demo", "--output", "/tmp/tour", "--json", "/tmp/tour.json");   // 0
 * }
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "A tour of the library on generated samples of the five datasets, no download needed: read, "
                + "harmonise, tile, split, evaluate, consensus, Arrow export, pictures. Everything goes under --output "
                + "(default: a new folder landcover-demo-* in the system temporary folder).")
public final class DemoCommand implements Callable<Integer> {

    /** The five datasets, in the order of the tour. */
    static final List<String> DATASETS = List.of("sen12ms", "landcovernet", "openearthmap", "opensentinelmap",
            "globe230k");

    @Mixin
    JsonOutput json;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Folder for the samples and every file the demo writes (created if missing; existing "
                    + "samples in DIR/samples are reused). Default: a new folder landcover-demo-* in the system "
                    + "temporary folder.")
    Path output;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the perturbations, annotator noise and splits (default: ${DEFAULT-VALUE}).")
    long seed;

    private PrintStream out;
    private boolean text;
    private final List<Map<String, Object>> files = new ArrayList<>();
    private final Map<String, Double> timings = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        text = !json.toStdout();
        out = System.out;
        if (output != null && Files.exists(output) && !Files.isDirectory(output)) {
            throw new IOException(output + ": not a folder (--output names the folder the demo writes into)");
        }
        Path dir = output != null ? output : Files.createTempDirectory("landcover-demo-");
        Files.createDirectories(dir);
        dir = dir.toAbsolutePath().normalize();

        Map<String, Object> result = new LinkedHashMap<>();
        say("landcover4j demo: a tour of the library on generated samples of the five datasets");
        say("  output folder  " + dir);
        say("  kernels        " + Kernels.implementation()
                + (Kernels.usesVector() ? "" : " (run with " + Kernels.ENABLE_FLAG + " for SIMD)"));
        result.put("output_dir", dir.toString());
        result.put("kernels", Kernels.implementation());
        result.put("seed", seed);

        long t = System.nanoTime();
        Map<String, Path> roots = samples(dir.resolve("samples"), result);
        t = lap("samples", t);
        Map<String, Dataset<?>> datasets = datasets(roots, result);
        t = lap("datasets", t);
        try {
            harmonise(datasets, result);
            t = lap("taxonomy", t);
            tiles(datasets, result);
            t = lap("tiles", t);
            split(datasets, dir, result);
            t = lap("split", t);
            ConfusionMatrix cm = evaluate(datasets, dir, result);
            t = lap("evaluation", t);
            consensus(datasets, dir, result);
            t = lap("consensus", t);
            export(datasets, cm, dir, result);
            t = lap("export", t);
            pictures(dir, result);
            lap("pictures", t);
        } finally {
            datasets.values().forEach(Dataset::close);
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        result.put("files", files);
        result.put("step_seconds", timings);
        result.put("seconds", seconds);
        say("");
        say(String.format(Locale.ROOT, "Done in %.1f s: %d files in %s", seconds, files.size(), dir));
        if (json.requested()) {
            json.write(result);
        }
        return ExitCodes.OK;
    }

    // ------------------------------------------------------------------------------------------------ 1. samples

    private Map<String, Path> samples(Path samplesDir, Map<String, Object> result) throws IOException {
        section("1. Sample data (SampleGenerator)");
        SampleGenerator gen = SampleGenerator.defaults();
        long t0 = System.nanoTime();
        Map<String, Path> roots = new LinkedHashMap<>();
        List<String> generated = new ArrayList<>();
        for (String id : DATASETS) {
            Path root = samplesDir.resolve(id);
            if (!Files.isDirectory(root) || !Datasets.detect(root).equals(Optional.of(id))) {
                generated.add(id);
            }
            roots.put(id, root);
        }
        generate(gen, roots, generated);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (generated.isEmpty()) {
            say("   reused the samples in " + samplesDir);
        } else {
            say(String.format(Locale.ROOT, "   wrote %s into %s in %.0f ms (%s, real layouts, synthetic pixels)",
                    generated.size() == DATASETS.size() ? "all five datasets" : String.join(", ", generated),
                    samplesDir, ms, gen));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dir", samplesDir.toString());
        m.put("generated", generated);
        m.put("seed", gen.seed());
        result.put("samples", m);
        return roots;
    }

    /**
     * Writes the missing datasets, each into its own folder, on up to as many threads as there are processors (at
     * least two): the generators share no state, and Globe230k's JPEGs, the slowest, start first.
     */
    private static void generate(SampleGenerator gen, Map<String, Path> roots, List<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        List<String> order = new ArrayList<>(ids);
        if (order.remove("globe230k")) {
            order.add(0, "globe230k");
        }
        int threads = Math.min(order.size(), Math.max(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "demo-samples");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Path>> done = new ArrayList<>();
            for (String id : order) {
                Path root = roots.get(id);
                done.add(pool.submit(() -> switch (id) {
                    case "sen12ms" -> gen.sen12ms(root);
                    case "landcovernet" -> gen.landCoverNet(root);
                    case "openearthmap" -> gen.openEarthMap(root);
                    case "opensentinelmap" -> gen.openSentinelMap(root);
                    case "globe230k" -> gen.globe230k(root);
                    default -> throw new IllegalStateException("no generator for " + id);
                }));
            }
            for (Future<Path> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while writing the samples");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------- 2. datasets

    private Map<String, Dataset<?>> datasets(Map<String, Path> roots, Map<String, Object> result) throws IOException {
        section("2. Datasets (Datasets.open): what each reader sees");
        Map<String, Dataset<?>> open = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (var e : roots.entrySet()) {
            // the samples mimic partial downloads and the real data's quirks: collect the warnings, print them below
            var warnings = new CopyOnWriteArrayList<String>();
            Dataset<?> ds = Datasets.open(e.getValue(),
                    DatasetOptions.defaults().withWarnings((src, msg) -> warnings.add(msg)));
            open.put(e.getKey(), ds);
            long labelled = ds.refs().stream().filter(SampleRef::labelled).count();
            Sample first = ds.sample(0);
            say(String.format(Locale.ROOT, "   %-16s %2d samples, %d labelled, splits %s", ds.info().name(),
                    ds.size(), labelled, ds.splitCounts()));
            say("      first    " + first);
            for (Skipped s : ds.skipped()) {
                say("      skipped  " + s.message());
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", ds.info().id());
            m.put("samples", ds.size());
            m.put("labelled_samples", labelled);
            Map<String, Integer> splits = new LinkedHashMap<>();
            ds.splitCounts().forEach((k, v) -> splits.put(k.id(), v));
            m.put("splits", splits);
            m.put("skipped", ds.skipped().stream().mapToLong(Skipped::count).sum());
            m.put("taxonomy", ds.info().taxonomyId());
            m.put("first_sample", first.id());
            list.add(m);
        }
        result.put("datasets", list);
        return open;
    }

    // ------------------------------------------------------------------------------------------------ 3. harmonise

    private void harmonise(Map<String, Dataset<?>> datasets, Map<String, Object> result) throws IOException {
        section("3. Harmonise classes (taxonomy)");
        TaxonomyRegistry reg = TaxonomyRegistry.builtIn();
        Dataset<?> sen12ms = datasets.get("sen12ms");
        Sample s = sen12ms.sample(0);
        Raster igbp = s.primaryLabel().orElseThrow();
        Crosswalk cw = reg.crosswalk("igbp:dfc2020");
        ByteRaster dfc = cw.apply(igbp);
        Map<Integer, Long> before = Manifests.labelHistogram(igbp);
        Map<Integer, Long> after = Manifests.labelHistogram(dfc);
        say("   SEN12MS " + s.id() + ", IGBP label remapped with the crosswalk " + cw.id()
                + " (one lookup table, the remap kernel):");
        say("      IGBP     " + named(cw.source(), before));
        say("      DFC2020  " + named(cw.target(), after));

        Harmonization h = reg.harmonize("openearthmap", "globe230k");
        say("   OpenEarthMap (reference) vs Globe230k (prediction), harmonised through '" + h.shared().id() + "': "
                + h.groups().size() + " comparison classes, " + h.mergedGroups().size() + " of them merging classes, "
                + h.notComparable().size() + " not comparable");
        for (Harmonization.Group g : h.groups()) {
            say("      " + g);
        }
        for (Harmonization.Excluded x : h.notComparable()) {
            say("      not comparable: " + x);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("crosswalk", cw.id());
        m.put("sample", s.id());
        m.put("igbp_histogram", keyed(before));
        m.put("dfc2020_histogram", keyed(after));
        m.put("harmonization", ordered("reference", "openearthmap", "prediction", "globe230k",
                "shared", h.shared().id(), "groups", h.groups().size(), "merged_groups", h.mergedGroups().size(),
                "not_comparable", h.notComparable().size()));
        result.put("taxonomy", m);
    }

    // ------------------------------------------------------------------------------------------------- 4. tiles

    private void tiles(Map<String, Dataset<?>> datasets, Map<String, Object> result) throws IOException {
        section("4. Tiles (TileGrid, Tiles.cut)");
        Map<String, Object> m = new LinkedHashMap<>();
        Dataset<?> lcn = datasets.get("landcovernet");
        Sample chip = lcn.sample(0);
        Raster label = chip.primaryLabel().orElseThrow();
        TileGrid blocks = TileGrid.of(label.metadata()).size(32);
        say(String.format(Locale.ROOT, "   LandCoverNet %s (%dx%d) in its 32x32 annotation blocks: %d x %d = %d tiles",
                chip.id(), label.width(), label.height(), blocks.columns(), blocks.rows(), blocks.count()));
        Tile b = blocks.tile(blocks.rows() - 1, blocks.columns() - 1);
        say("      last block     " + b);
        m.put("landcovernet_blocks", blocks.count());

        // an image of odd size, cut into overlapping tiles with the edges padded
        Dataset<?> oem = datasets.get("openearthmap");
        SampleRef odd = oem.refs().get(0);
        for (SampleRef ref : oem.refs()) {
            RasterMetadata im = Rasters.probe(ref.file("image").orElseThrow()).metadata();   // header only
            if (im.width() % 128 != 0 || im.height() % 128 != 0) {
                odd = ref;
                break;
            }
        }
        Raster image = ((OpenEarthMapSample) oem.read(odd)).image();
        TileGrid grid = TileGrid.of(image.metadata()).size(128).overlap(32).edge(EdgePolicy.PAD);
        long padded = 0;
        long pixels = 0;
        Raster lastCut = null;
        for (Tile t : grid.tiles()) {
            lastCut = Tiles.cut(image, t, 0);   // the image declares no nodata: pad with 0 and declare it
            pixels += (long) lastCut.width() * lastCut.height();
            padded += t.isPadded() ? 1 : 0;
        }
        Tile last = grid.tile((int) grid.count() - 1);
        say(String.format(Locale.ROOT, "   OpenEarthMap %s (%dx%d image) in 128-pixel tiles, overlap 32, edges padded: "
                        + "%d tiles (%d padded), %,d pixels per band cut", odd.id(), image.width(), image.height(),
                grid.count(), padded, pixels));
        say(String.format(Locale.ROOT, "      edge policies  drop %d, shift %d, pad %d tiles",
                grid.edge(EdgePolicy.DROP).count(), grid.edge(EdgePolicy.SHIFT).count(), grid.count()));
        say("      last tile      " + last);
        say("      footprint      " + last.footprint().map(Object::toString).orElse("(not georeferenced)"));
        say("      cut            " + lastCut);
        m.put("openearthmap_sample", odd.id());
        m.put("openearthmap_tiles", grid.count());
        m.put("openearthmap_padded_tiles", padded);
        m.put("openearthmap_tile_pixels", pixels);
        m.put("openearthmap_tiles_drop", grid.edge(EdgePolicy.DROP).count());
        m.put("openearthmap_tiles_shift", grid.edge(EdgePolicy.SHIFT).count());
        result.put("tiles", m);
    }

    // ------------------------------------------------------------------------------------------------- 5. split

    private void split(Map<String, Dataset<?>> datasets, Path dir, Map<String, Object> result) throws IOException {
        section("5. Reproducible splits (core.split)");
        Dataset<?> oem = datasets.get("openearthmap");
        List<ClassAwareSplit.Sample> samples = new ArrayList<>();
        for (SampleRef ref : oem.refs()) {
            Set<Integer> classes = ref.labelled()
                    ? ClassAwareSplit.classesOf(oem.readLabel(ref).orElseThrow(), 0) : Set.of();
            samples.add(ClassAwareSplit.Sample.of(ref, classes));
        }
        Ratios ratios = Ratios.parse("6:1:3");
        ClassAwareSplit splitter = ClassAwareSplit.of(ratios).seed(seed).trials(200);
        ClassAwareSplit.Result r = splitter.assign(samples);
        SplitAssignment a = r.assignment();
        boolean again = splitter.assign(samples).assignment().equals(a);
        say("   OpenEarthMap, 6:1:3 within each region (OpenEarthMap's class-aware procedure, seed " + seed + "):");
        say("      " + a);
        say(String.format(Locale.ROOT, "      best of %d trials (#%d): train holds every class of its region in %d of %d "
                        + "regions; test holds %d of %d region classes", r.trialsRun(), r.trial(),
                r.groupsCoveredByTrain(), r.groups(), r.testClassesCovered(), r.testClassesPossible()));
        for (Split sp : Split.values()) {
            say(String.format(Locale.ROOT, "      %-5s %s", sp.id(), a.ids(sp)));
        }
        if (a.count(Split.VAL) == 0) {
            say("      (val is empty: each region has 2 or 3 images, too few for a 10% share)");
        }
        say("      the same seed again gives the same split: " + again);
        Path splitDir = dir.resolve("splits/openearthmap");
        List<Path> written = new ArrayList<>(SplitFiles.write(a, SplitFormat.OPENEARTHMAP, splitDir));
        written.addAll(SplitFiles.write(a, SplitFormat.CSV, splitDir));
        for (Path p : written) {
            file("split file", p);
        }

        String grouped;
        try {
            grouped = GroupedSplit.of(ratios).seed(seed).assignRefs(oem.refs()).toString();
        } catch (IllegalArgumentException e) {
            grouped = "refused: " + e.getMessage();   // the expected outcome with 4 regions
        }
        say("   OpenEarthMap, whole regions kept together (GroupedSplit): " + grouped);

        Dataset<?> globe = datasets.get("globe230k");
        SplitAssignment g = RandomSplit.of(Ratios.parse("7:1:2")).seed(seed).assignRefs(globe.refs());
        say("   Globe230k, random 7:1:2 by a stable hash of the id (an added sample never moves the others): " + g);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("openearthmap", ordered("method", "class-aware by region", "ratios", "6:1:3", "seed", seed,
                "counts", counts(a), "trial", r.trial(), "train_covers_every_class", r.trainCoversEveryClass(),
                "reproducible", again));
        m.put("openearthmap_grouped", grouped);
        m.put("globe230k", ordered("method", "random", "ratios", "7:1:2", "seed", seed, "counts", counts(g)));
        result.put("split", m);
    }

    // ---------------------------------------------------------------------------------------------- 6. evaluate

    private ConfusionMatrix evaluate(Map<String, Dataset<?>> datasets, Path dir, Map<String, Object> result)
            throws IOException {
        section("6. Evaluate a prediction (ConfusionAccumulator, EvaluationReport)");
        Dataset<?> oem = datasets.get("openearthmap");
        Taxonomy tax = TaxonomyRegistry.builtIn().taxonomy(oem.info().taxonomyId());
        int[] classes = tax.classes().stream().mapToInt(TaxonClass::code).toArray();
        var acc = ConfusionAccumulator.builder().classes(classes)
                .classNames(tax.classes().stream().map(TaxonClass::name).toList())
                .ignore(0).build();
        SplittableRandom random = new SplittableRandom(seed);
        int images = 0;
        for (SampleRef ref : oem.refs()) {
            Optional<Raster> label = oem.readLabel(ref);
            if (label.isEmpty()) {
                continue;
            }
            acc.add(label.get(), perturb((ByteRaster) label.get(), classes, random));
            images++;
        }
        ConfusionMatrix cm = acc.result();
        EvaluationReport report = EvaluationReport.of(cm, tax);
        MacroAverage miou = report.meanIoU();
        Pontius p = report.pontius();
        say("   prediction = each labelled OpenEarthMap label with 10% of its pixels set to a random class and "
                + "the left quarter's Tree pixels called Rangeland; pooled over " + images + " images:");
        say(String.format(Locale.ROOT, "      pixels %,d (%,d ignored)  OA %.4f  mIoU %.4f (%d of %d classes)  "
                        + "kappa %.4f", cm.pixels(), cm.ignoredPixels(), report.overallAccuracy(), miou.value(),
                miou.definedClasses(), miou.classes(), report.kappa()));
        say(String.format(Locale.ROOT, "      Pontius: quantity disagreement %.4f + allocation disagreement %.4f "
                + "= 1 - OA = %.4f", p.quantity(), p.allocation(), p.total()));
        Path evalJson = dir.resolve("evaluation/openearthmap-evaluation.json");
        Files.createDirectories(evalJson.getParent());
        Files.writeString(evalJson, report.toJson());
        file("evaluation JSON", evalJson);
        Path heat = dir.resolve("evaluation/confusion-heatmap.png");
        report.writeHeatmap(heat);
        file("confusion-matrix heat map", heat);
        Path bars = dir.resolve("evaluation/per-class-iou-f1.png");
        report.writeBarChart(bars);
        file("per-class IoU/F1 chart", bars);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", images);
        m.put("pixels", cm.pixels());
        m.put("ignored_pixels", cm.ignoredPixels());
        m.put("overall_accuracy", report.overallAccuracy());
        m.put("mean_iou", miou.value());
        m.put("kappa", report.kappa());
        m.put("quantity_disagreement", p.quantity());
        m.put("allocation_disagreement", p.allocation());
        result.put("evaluation", m);
        return cm;
    }

    /**
     * A deterministic "prediction": 10% of the valid pixels get a random class, and in the left quarter the Tree
     * class (5) is called Rangeland (2), a systematic error that shows up as quantity disagreement.
     */
    private static ByteRaster perturb(ByteRaster label, int[] classes, SplittableRandom random) {
        byte[] p = label.copyBand(0);
        int w = label.width();
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                continue;
            }
            if (p[i] == 5 && i % w < w / 4) {
                p[i] = 2;
            } else if (random.nextDouble() < 0.10) {
                p[i] = (byte) classes[random.nextInt(classes.length)];
            }
        }
        return ByteRaster.wrap(label.metadata().forBands(0), p);
    }

    // --------------------------------------------------------------------------------------------- 7. consensus

    private void consensus(Map<String, Dataset<?>> datasets, Path dir, Map<String, Object> result) throws IOException {
        section("7. Consensus of three annotators (WeightedVote, AgreementReport)");
        Dataset<?> lcn = datasets.get("landcovernet");
        Sample chip = lcn.sample(0);
        Taxonomy tax = TaxonomyRegistry.builtIn().taxonomy(lcn.info().taxonomyId());
        // LandCoverNet labels are uint16; its codes fit a byte, and consensus works on uint8 maps
        ByteRaster truth = Crosswalk.identity(tax).apply(chip.primaryLabel().orElseThrow());
        int[] classes = tax.leaves().stream().mapToInt(TaxonClass::code).toArray();
        double[] accuracy = {0.92, 0.75, 0.60};
        SplittableRandom random = new SplittableRandom(seed + 1);
        var builder = Annotations.builder().classes(classes).missingValue(0);
        for (int i = 0; i < accuracy.length; i++) {
            builder.add("annotator_" + (i + 1), noisy(truth, classes, 1 - accuracy[i], random));
        }
        Annotations an = builder.build();
        ConsensusResult vote = WeightedVote.of(an, accuracy);
        ConsensusResult majority = WeightedVote.majority(an);
        double voteAgreement = agreement(truth, vote.labels());
        double majorityAgreement = agreement(truth, majority.labels());
        long[] scores = vote.scoreHistogram();
        long scored = 0;
        double sum = 0;
        for (int s = 0; s < scores.length; s++) {
            scored += scores[s];
            sum += (double) s * scores[s];
        }
        double meanScore = scored == 0 ? Double.NaN : sum / scored;
        double unanimous = scored == 0 ? Double.NaN : (double) scores[100] / scored;
        AgreementReport agree = AgreementReport.of(an);
        say(String.format(Locale.ROOT, "   LandCoverNet %s (%dx%d): three annotators relabel 8%%, 25%%, 40%% of the "
                + "pixels at random", chip.id(), truth.width(), truth.height()));
        say(String.format(Locale.ROOT, "      weighted vote (accuracies 0.92/0.75/0.60): %.2f%% of pixels match the "
                + "truth; mean consensus score %.1f, %.1f%% scored 100", 100 * voteAgreement, meanScore,
                100 * unanimous));
        say(String.format(Locale.ROOT, "      unweighted majority vote:                  %.2f%% match the truth",
                100 * majorityAgreement));
        say(String.format(Locale.ROOT, "      agreement: mean pairwise %.4f, Fleiss' kappa %.4f, Krippendorff's "
                        + "alpha %.4f", agree.pixelAgreement().mean(), agree.fleiss().kappa(),
                agree.krippendorff().alpha()));
        Path labelTif = dir.resolve("consensus/" + chip.id() + "-consensus.tif");
        Path scoreTif = dir.resolve("consensus/" + chip.id() + "-score.tif");
        Files.createDirectories(labelTif.getParent());
        GeoTiff.write(labelTif, vote.labels());
        GeoTiff.write(scoreTif, vote.scores());
        file("consensus label (GeoTIFF)", labelTif);
        file("consensus score (GeoTIFF)", scoreTif);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sample", chip.id());
        m.put("accuracies", accuracy);
        m.put("weighted_vote_agreement_with_truth", voteAgreement);
        m.put("majority_vote_agreement_with_truth", majorityAgreement);
        m.put("mean_score", meanScore);
        m.put("score_100_fraction", unanimous);
        m.put("pairwise_agreement", agree.pixelAgreement().mean());
        m.put("fleiss_kappa", agree.fleiss().kappa());
        m.put("krippendorff_alpha", agree.krippendorff().alpha());
        result.put("consensus", m);
    }

    /** An annotator: the truth with a share {@code error} of its labelled pixels set to another class. */
    private static ByteRaster noisy(ByteRaster truth, int[] classes, double error, SplittableRandom random) {
        byte[] b = truth.copyBand(0);
        for (int i = 0; i < b.length; i++) {
            if (b[i] != 0 && random.nextDouble() < error) {
                int v;
                do {
                    v = classes[random.nextInt(classes.length)];
                } while (v == (b[i] & 0xff));
                b[i] = (byte) v;
            }
        }
        return ByteRaster.wrap(truth.metadata(), b);
    }

    /** Share of labelled truth pixels (not 0) where {@code labels} equals the truth. */
    private static double agreement(ByteRaster truth, ByteRaster labels) {
        ConfusionMatrix cm = ConfusionAccumulator.builder().ignore(0).build().add(truth, labels).result();
        return cm.overallAccuracy();
    }

    // ------------------------------------------------------------------------------------------------ 8. export

    private void export(Map<String, Dataset<?>> datasets, ConfusionMatrix cm, Path dir, Map<String, Object> result)
            throws IOException {
        section("8. Arrow export (Manifests.export, MetricTables)");
        Dataset<?> lcn = datasets.get("landcovernet");
        Path manifest = dir.resolve("arrow/landcovernet-manifest.arrow");
        Path tiles = dir.resolve("arrow/landcovernet-tiles.arrow");
        Files.createDirectories(manifest.getParent());
        ManifestSummary s = Manifests.export(lcn).threads(2)
                .tiles(tiles, g -> g.size(128))
                .write(manifest);
        say("   " + s);
        file("manifest (Arrow IPC)", manifest);
        file("tile table (Arrow IPC)", tiles);
        Path confusion = dir.resolve("arrow/openearthmap-confusion.arrow");
        long cells = MetricTables.writeConfusion(confusion, cm.classValues(), cm.counts());
        say("   confusion matrix of step 6 in long form: " + cells + " rows");
        file("confusion table (Arrow IPC)", confusion);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", s.dataset());
        m.put("manifest_rows", s.rows());
        m.put("labelled_rows", s.labelledRows());
        m.put("tile_rows", s.tileRows().isPresent() ? s.tileRows().getAsLong() : null);
        m.put("confusion_rows", cells);
        result.put("export", m);
    }

    // ---------------------------------------------------------------------------------------------- 9. pictures

    private void pictures(Path dir, Map<String, Object> result) throws IOException {
        section("9. Pictures");
        Taxonomy t = TaxonomyRegistry.builtIn().taxonomy("landcovernet");
        Path legend = dir.resolve("pictures/landcovernet-legend.png");
        TaxonomyCommand.writeLegend(t, legend);
        file("taxonomy legend (" + t.id() + ", " + t.levels() + " levels)", legend);
        say("   (and the heat map and bar chart of step 6)");
        result.put("pictures", ordered("legend", legend.toString(),
                "confusion_heatmap", dir.resolve("evaluation/confusion-heatmap.png").toString()));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Records the seconds since {@code since} under {@code step}; returns now. */
    private long lap(String step, long since) {
        long now = System.nanoTime();
        timings.put(step, Math.round((now - since) / 1e6) / 1e3);
        return now;
    }

    private void section(String title) {
        say("");
        say(title);
    }

    private void say(String line) {
        if (text) {
            out.println(line);
        }
    }

    private void file(String what, Path p) throws IOException {
        say(String.format(Locale.ROOT, "   -> %-28s %s", what, p));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", what);
        m.put("path", p.toString());
        m.put("bytes", Files.size(p));
        files.add(m);
    }

    private static String named(Taxonomy t, Map<Integer, Long> hist) {
        List<String> parts = new ArrayList<>();
        hist.forEach((v, n) -> parts.add(v + " " + t.find(v).map(TaxonClass::name).orElse("?") + ": " + n));
        return String.join(", ", parts);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Map<String, Long> keyed(Map<Integer, Long> hist) {
        Map<String, Long> m = new LinkedHashMap<>();
        new TreeMap<>(hist).forEach((k, v) -> m.put(Integer.toString(k), v));
        return m;
    }

    private static Map<String, Integer> counts(SplitAssignment a) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Split s : Split.values()) {
            m.put(s.id(), a.count(s));
        }
        return m;
    }
}
