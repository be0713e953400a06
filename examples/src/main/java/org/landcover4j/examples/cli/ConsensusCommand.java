package org.landcover4j.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.Rasters;
import org.landcover4j.io.tiff.GeoTiff;
import org.landcover4j.metrics.consensus.AnnotatorModel;
import org.landcover4j.metrics.consensus.Annotations;
import org.landcover4j.metrics.consensus.ConsensusMethod;
import org.landcover4j.metrics.consensus.ConsensusResult;
import org.landcover4j.metrics.consensus.DawidSkene;
import org.landcover4j.metrics.consensus.ExpertAccuracy;
import org.landcover4j.metrics.consensus.Staple;
import org.landcover4j.metrics.consensus.WeightedVote;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code landcover consensus}: one label map from several annotators' label maps, with a per-pixel consensus
 * score (LandCoverNet's weighted vote, Dawid-Skene or STAPLE).
 */
@Command(name = "consensus", mixinStandardHelpOptions = true,
        description = {"Combine several annotators' label maps into a consensus label and a per-pixel score (0-100).",
            "Methods: weighted-vote (LandCoverNet; equal weights = majority vote without --accuracy/--expert),",
            "dawid-skene, one-coin-dawid-skene, staple (multi-label), staple-binary, majority-vote."})
public final class ConsensusCommand implements Callable<Integer> {

    @Mixin
    JsonOutput json;

    @Option(names = "--annotation", paramLabel = "FILE", required = true,
            description = "An annotator's label raster (uint8, band 1); repeat for each annotator (at least 2).")
    List<Path> annotations;

    @Option(names = "--accuracy", paramLabel = "A,B,...", split = ",",
            description = "Annotator accuracies in (0, 1], one per --annotation, for weighted-vote.")
    List<Double> accuracies;

    @Option(names = "--expert", paramLabel = "FILE",
            description = "Expert labels on some pixels: weighted-vote estimates the accuracies from them; "
                    + "dawid-skene clamps them as gold labels.")
    Path expert;

    @Option(names = "--expert-unlabeled", paramLabel = "VALUE", defaultValue = "0",
            description = "Value of --expert pixels the expert did not label (default: ${DEFAULT-VALUE}).")
    int expertUnlabeled;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "weighted-vote",
            description = "weighted-vote (default), dawid-skene, staple, one-coin-dawid-skene, staple-binary, "
                    + "majority-vote.")
    String method;

    @Option(names = "--output", paramLabel = "LABEL.tif", required = true,
            description = "Consensus labels (GeoTIFF, uint8, georeferenced like the first annotation).")
    Path output;

    @Option(names = "--score", paramLabel = "SCORE.tif", description = "Consensus score 0-100 (GeoTIFF, uint8).")
    Path score;

    @Option(names = "--posterior", paramLabel = "POSTERIOR.tif",
            description = "Posterior probability of every class, one float32 band per class (GeoTIFF).")
    Path posterior;

    @Option(names = "--missing", paramLabel = "VALUE",
            description = "Label value meaning 'not labelled' in the annotations (such pixels are ignored).")
    Integer missing;

    @Option(names = "--classes", paramLabel = "V,V,...", split = ",",
            description = "The class set (default: the values found); other values are an error.")
    List<Integer> classes;

    @Option(names = "--smoothing", paramLabel = "A", defaultValue = "0",
            description = "Dawid-Skene additive smoothing of confusion counts (default: ${DEFAULT-VALUE}, crowd-kit).")
    double smoothing;

    @Option(names = "--max-iterations", paramLabel = "N",
            description = "EM iteration limit (default: 100 for Dawid-Skene, 100000 for STAPLE).")
    Integer maxIterations;

    @Option(names = "--foreground", paramLabel = "VALUE", defaultValue = "1",
            description = "Foreground class for staple-binary (default: ${DEFAULT-VALUE}).")
    int foreground;

    @Option(names = "--undecided", paramLabel = "VALUE",
            description = "Label written where STAPLE cannot decide (default: largest class + 1).")
    Integer undecided;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ConsensusMethod m;
        try {
            m = ConsensusMethod.fromId(method);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (annotations.size() < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "consensus needs at least 2 --annotation files, got " + annotations.size());
        }
        if (accuracies != null && m != ConsensusMethod.WEIGHTED_VOTE) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--accuracy applies to --method weighted-vote only");
        }
        if (accuracies != null && expert != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --accuracy or --expert, not both");
        }
        if (accuracies != null && accuracies.size() != annotations.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--accuracy has " + accuracies.size()
                    + " values for " + annotations.size() + " --annotation files");
        }
        if (accuracies != null) {
            for (int i = 0; i < accuracies.size(); i++) {
                double a = accuracies.get(i);
                if (!(a > 0 && a <= 1)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--accuracy of "
                            + annotations.get(i) + " must be in (0, 1], got " + a);
                }
            }
        }
        Annotations an = AnnotationInputs.read(annotations, missing, classes, expert, expertUnlabeled);
        boolean text = !json.toStdout();
        Map<String, Object> extra = new LinkedHashMap<>();
        ConsensusResult r;
        try (ProgressBar bar = ProgressBar.forStderr()) {
            r = switch (m) {
                case WEIGHTED_VOTE -> {
                    double[] acc;
                    if (accuracies != null) {
                        acc = accuracies.stream().mapToDouble(Double::doubleValue).toArray();
                    } else if (expert != null) {
                        ExpertAccuracy ea;
                        try {
                            ea = ExpertAccuracy.estimate(an);
                        } catch (IllegalArgumentException e) {
                            throw new BadInputException(expert + ": " + e.getMessage(), e);
                        }
                        acc = ea.accuracies();
                        extra.put("expert_accuracy", expertJson(ea));
                        for (int i = 0; i < acc.length; i++) {
                            if (!(acc[i] > 0)) {
                                throw new BadInputException(annotations.get(i) + ": agrees with the expert on no pixel"
                                        + " (accuracy 0), so it cannot weigh a vote");
                            }
                        }
                    } else {
                        acc = null;
                    }
                    yield acc == null ? WeightedVote.majority(an) : WeightedVote.of(an, acc);
                }
                case MAJORITY_VOTE -> WeightedVote.majority(an);
                case DAWID_SKENE, ONE_COIN_DAWID_SKENE -> {
                    DawidSkene.Options o = DawidSkene.Options.defaults().withSmoothing(smoothing);
                    if (maxIterations != null) {
                        o = o.withMaxIterations(maxIterations);
                    }
                    yield m == ConsensusMethod.DAWID_SKENE ? DawidSkene.fit(an, o, bar) : DawidSkene.fitOneCoin(an, o, bar);
                }
                case STAPLE -> {
                    Staple.MultiLabelOptions o = Staple.MultiLabelOptions.defaults();
                    if (maxIterations != null) {
                        o = o.withMaxIterations(maxIterations);
                    }
                    if (undecided != null) {
                        o = o.withUndecidedLabel(undecided);
                    }
                    yield Staple.multiLabel(an, o, bar);
                }
                case STAPLE_BINARY -> {
                    Staple.BinaryOptions o = Staple.BinaryOptions.foreground(foreground);
                    if (maxIterations != null) {
                        o = o.withMaxIterations(maxIterations);
                    }
                    yield Staple.binary(an, o, bar);
                }
            };
        } catch (IllegalArgumentException e) {
            // remaining argument checks of the library (options out of range, undecided label not fitting uint8)
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        GeoTiff.write(output, r.labels());
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("label", output.toString());
        if (score != null) {
            GeoTiff.write(score, r.scores());
            outputs.put("score", score.toString());
        }
        if (posterior != null) {
            GeoTiff.write(posterior, r.posterior());
            outputs.put("posterior", posterior.toString());
        }
        Map<String, Object> out = toJson(r, an);
        out.putAll(extra);
        out.put("outputs", outputs);
        if (json.requested()) {
            json.write(out);
        }
        if (text) {
            System.out.println(summary(r, out));
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> toJson(ConsensusResult r, Annotations an) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.method().id());
        m.put("width", r.width());
        m.put("height", r.height());
        m.put("annotators", an.names());
        m.put("classes", r.classValues());
        boolean iterative = r.method() != ConsensusMethod.WEIGHTED_VOTE && r.method() != ConsensusMethod.MAJORITY_VOTE;
        m.put("iterations", iterative ? r.iterations() : null);
        m.put("converged", iterative ? r.converged() : null);
        m.put("log_likelihood", r.logLikelihood());
        long[] counts = r.labelCounts();
        Map<String, Long> byClass = new LinkedHashMap<>();
        int[] cv = r.classValues();
        for (int i = 0; i < cv.length; i++) {
            byClass.put(Integer.toString(cv[i]), counts[i]);
        }
        m.put("label_pixels", byClass);
        m.put("undecided_pixels", r.undecidedPixels());
        m.put("undecided_label", r.undecidedLabel().isPresent() ? r.undecidedLabel().getAsInt() : null);
        m.put("empty_pixels", r.emptyPixels());
        long[] hist = r.scoreHistogram();
        long total = 0;
        double sum = 0;
        for (int s = 0; s <= 100; s++) {
            total += hist[s];
            sum += (double) s * hist[s];
        }
        m.put("mean_score", total == 0 ? Double.NaN : sum / total);
        m.put("score_100_fraction", total == 0 ? Double.NaN : (double) hist[100] / total);
        m.put("score_histogram", hist);
        m.put("priors", r.priors());
        List<Map<String, Object>> models = new ArrayList<>();
        for (AnnotatorModel a : r.annotators()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("name", a.name());
            am.put("labelled_pixels", a.labels());
            am.put("accuracy", a.accuracy());
            am.put("agreement_with_consensus", a.agreement());
            am.put("confusion_true_by_label", a.confusion());
            models.add(am);
        }
        m.put("annotator_models", models);
        return m;
    }

    private static List<Map<String, Object>> expertJson(ExpertAccuracy ea) {
        List<Map<String, Object>> l = new ArrayList<>();
        for (ExpertAccuracy.AnnotatorAccuracy a : ea.annotators()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("compared_pixels", a.comparedPixels());
            m.put("agreeing_pixels", a.agreeingPixels());
            m.put("accuracy", a.accuracy());
            l.add(m);
        }
        return l;
    }

    private static String summary(ConsensusResult r, Map<String, Object> json) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "consensus: %s over %d annotators, %dx%d pixels, classes %s%n",
                r.method().id(), r.annotators().size(), r.width(), r.height(),
                java.util.Arrays.toString(r.classValues())));
        if (json.get("iterations") != null) {
            sb.append(String.format(Locale.ROOT, "  %d iterations, converged: %s, log-likelihood %.6g%n",
                    r.iterations(), r.converged(), r.logLikelihood()));
        }
        sb.append(String.format(Locale.ROOT, "  mean score %.2f, %.2f%% of pixels at 100%n",
                (Double) json.get("mean_score"), 100 * (Double) json.get("score_100_fraction")));
        if (r.undecidedPixels() > 0) {
            sb.append(String.format(Locale.ROOT, "  undecided: %d pixels (label %d)%n", r.undecidedPixels(),
                    r.undecidedLabel().getAsInt()));
        }
        if (r.emptyPixels() > 0) {
            sb.append(String.format(Locale.ROOT, "  not labelled by anyone: %d pixels (label %d)%n", r.emptyPixels(),
                    r.emptyLabel()));
        }
        for (AnnotatorModel a : r.annotators()) {
            sb.append(String.format(Locale.ROOT, "  %s: accuracy %.4f, agreement with consensus %.4f%n", a.name(),
                    a.accuracy(), a.agreement()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs = (Map<String, Object>) json.get("outputs");
        sb.append("  wrote ").append(String.join(", ", outputs.values().stream().map(Object::toString).toList()));
        return sb.toString();
    }

    /** Reads annotation rasters into {@link Annotations}, turning inconsistencies into exit code 3. */
    static final class AnnotationInputs {
        private AnnotationInputs() {
        }

        static Annotations read(List<Path> files, Integer missing, List<Integer> classes, Path expert,
                                int expertUnlabeled) throws IOException {
            Annotations.Builder b = Annotations.builder();
            for (Path f : files) {
                b.add(f.toString(), labels(f));
            }
            if (missing != null) {
                b.missingValue(missing);
            }
            if (classes != null) {
                b.classes(classes.stream().mapToInt(Integer::intValue).toArray());
            }
            if (expert != null) {
                b.gold(labels(expert), expertUnlabeled);
            }
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }

        private static ByteRaster labels(Path f) throws IOException {
            Raster r = Rasters.read(f);
            if (!(r instanceof ByteRaster br) || r.dataType() != DataType.UINT8) {
                throw new BadInputException(f + ": label rasters must be uint8, found " + r.dataType().id());
            }
            return r.bands() == 1 ? br : br.selectBands(0);
        }
    }
}
