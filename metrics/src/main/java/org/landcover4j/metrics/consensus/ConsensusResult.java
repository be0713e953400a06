package org.landcover4j.metrics.consensus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.metrics.internal.JsonSupport;

/**
 * The outcome of a consensus method: a label, a score and a posterior distribution for every pixel, plus what
 * the method learned about each annotator and how the fit went.
 *
 * <p>Per pixel: the posterior {@code P(true class = k)} for every class index {@code k}; the consensus label is
 * its argmax and the consensus score is {@code round(100 * max_k P)} (nearest integer, halves up), so unanimous
 * pixels under a vote score 100. Ties: vote and Dawid-Skene methods take the first class in sorted order
 * (crowd-kit's {@code idxmax}); STAPLE writes its undecided label. Pixels that no annotator labelled are
 * "empty": label = the annotations' missing value (255 when none is set), score 0, posterior NaN.
 *
 * <p>The result keeps one posterior per distinct label tuple ({@link LabelTuples}); the raster accessors expand it
 * exactly to every pixel and build a new raster on each call. Rasters carry the annotators' georeference.
 *
 * <p>{@link #toJson()} writes a summary, not the rasters, with the keys of {@code landcover consensus --json}:
 * {@code method}, {@code width}, {@code height}, {@code annotators}, {@code classes}, {@code iterations} and
 * {@code converged} (null for votes), {@code log_likelihood}, {@code label_pixels} (by class value),
 * {@code undecided_pixels}, {@code undecided_label}, {@code empty_pixels}, {@code mean_score} and
 * {@code score_100_fraction} (over labelled pixels), {@code score_histogram} (101 counts), {@code priors} and
 * {@code annotator_models} ({@code name}, {@code labelled_pixels}, {@code accuracy},
 * {@code agreement_with_consensus}, {@code confusion_true_by_label}); then {@code empty_label} and
 * {@code history}. Undefined values are {@code null}. There is no reader: a result needs its annotations.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * ConsensusResult r = WeightedVote.of(annotations, 0.92, 0.75, 0.60);
 * ByteRaster label = r.labels();          // class values, uint8
 * ByteRaster score = r.scores();          // 0..100, uint8
 * FloatRaster post = r.posterior();       // one band per class
 * System.out.println(r);                  // method, fit, annotators
 * Files.writeString(Path.of("consensus.json"), r.toJson());   // the summary, without rasters
 * }
 */
public final class ConsensusResult {
    static final int EMPTY = -1;
    static final int UNDECIDED = -2;

    private final ConsensusMethod method;
    private final Annotations annotations;
    private final int[] classValues;
    private final double[] posterior;
    private final int[] tupleLabel;
    private final int undecidedValue;
    private final List<AnnotatorModel> annotators;
    private final double[] priors;
    private final int iterations;
    private final boolean converged;
    private final double logLikelihood;
    private final double[] history;

    ConsensusResult(ConsensusMethod method, Annotations annotations, int[] classValues, double[] posterior,
                    int[] tupleLabel, int undecidedValue, List<AnnotatorModel> annotators, double[] priors,
                    int iterations, boolean converged, double logLikelihood, double[] history) {
        this.method = method;
        this.annotations = annotations;
        this.classValues = classValues;
        this.posterior = posterior;
        this.tupleLabel = tupleLabel;
        this.undecidedValue = undecidedValue;
        this.annotators = List.copyOf(annotators);
        this.priors = priors;
        this.iterations = iterations;
        this.converged = converged;
        this.logLikelihood = logLikelihood;
        this.history = history;
    }

    /** The method that produced this result. */
    public ConsensusMethod method() {
        return method;
    }

    /** Output class values; posterior band {@code k} belongs to {@code classValues()[k]}. */
    public int[] classValues() {
        return classValues.clone();
    }

    /** One model per annotator, in input order. */
    public List<AnnotatorModel> annotators() {
        return annotators;
    }

    /**
     * Class priors: the fixed or estimated prior of Dawid-Skene and STAPLE; for votes, the mean posterior over
     * labelled pixels.
     */
    public double[] priors() {
        return priors.clone();
    }

    /** EM iterations run (0 for votes). For STAPLE this counts passes; ITK's counter is one less. */
    public int iterations() {
        return iterations;
    }

    /** Whether the stopping rule fired before the iteration limit (always true for votes). */
    public boolean converged() {
        return converged;
    }

    /**
     * Log-likelihood (natural log) of all annotations under the final model, the true class of every pixel
     * marginalised; NaN for votes.
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * Per-iteration convergence trace: Dawid-Skene's ELBO per annotation (crowd-kit's {@code loss_history_}),
     * STAPLE's largest parameter change; empty for votes.
     */
    public double[] history() {
        return history.clone();
    }

    /** The label written for undecided pixels (STAPLE ties), when the method has one. */
    public OptionalInt undecidedLabel() {
        return undecidedValue >= 0 ? OptionalInt.of(undecidedValue) : OptionalInt.empty();
    }

    /** The label written for pixels nobody labelled. */
    public int emptyLabel() {
        return annotations.missingValue().orElse(255);
    }

    /** Rows of the output. */
    public int height() {
        return annotations.height();
    }

    /** Columns of the output. */
    public int width() {
        return annotations.width();
    }

    /** The consensus label raster (uint8, class values; undecided and empty pixels as documented above). */
    public ByteRaster labels() {
        byte[] lut = new byte[tupleLabel.length];
        for (int u = 0; u < lut.length; u++) {
            lut[u] = (byte) labelValue(u);
        }
        return ByteRaster.wrap(meta(DataType.UINT8, 1, "label"), expand(lut));
    }

    /** The consensus score raster: {@code round(100 * max posterior)} as uint8 0..100, 0 for empty pixels. */
    public ByteRaster scores() {
        byte[] lut = new byte[tupleLabel.length];
        for (int u = 0; u < lut.length; u++) {
            lut[u] = (byte) tupleScore(u);
        }
        return ByteRaster.wrap(meta(DataType.UINT8, 1, "score"), expand(lut));
    }

    /** The posterior as float32, one band per class (band names "class V"); NaN for empty pixels. */
    public FloatRaster posterior() {
        int k = classValues.length;
        int[] map = annotations.tuples().pixelTupleArray();
        float[][] bands = new float[k][map.length];
        for (int c = 0; c < k; c++) {
            float[] band = bands[c];
            for (int p = 0; p < map.length; p++) {
                band[p] = (float) posterior[map[p] * k + c];
            }
        }
        String[] names = new String[k];
        for (int c = 0; c < k; c++) {
            names[c] = "class " + classValues[c];
        }
        RasterMetadata m = annotations.outputMetadata(DataType.FLOAT32, k).withBandNames(names);
        return FloatRaster.wrap(m, bands);
    }

    /** The consensus label value at ({@code row}, {@code col}). */
    public int label(int row, int col) {
        return labelValue(tupleAt(row, col));
    }

    /** The consensus score (0..100) at ({@code row}, {@code col}). */
    public int score(int row, int col) {
        return tupleScore(tupleAt(row, col));
    }

    /** The posterior of class index {@code k} at ({@code row}, {@code col}), in double precision. */
    public double posterior(int row, int col, int k) {
        return posterior[tupleAt(row, col) * classValues.length + java.util.Objects.checkIndex(k, classValues.length)];
    }

    /** Pixels whose consensus is undecided (STAPLE ties). */
    public long undecidedPixels() {
        return countWhere(UNDECIDED);
    }

    /** Pixels that no annotator labelled. */
    public long emptyPixels() {
        return countWhere(EMPTY);
    }

    /** Pixels per consensus class (index as in {@link #classValues()}), undecided and empty pixels not counted. */
    public long[] labelCounts() {
        long[] c = new long[classValues.length];
        LabelTuples t = annotations.tuples();
        for (int u = 0; u < tupleLabel.length; u++) {
            if (tupleLabel[u] >= 0) {
                c[tupleLabel[u]] += t.count(u);
            }
        }
        return c;
    }

    /** Pixels per consensus score 0..100 (101 entries), empty pixels not counted. */
    public long[] scoreHistogram() {
        long[] h = new long[101];
        LabelTuples t = annotations.tuples();
        for (int u = 0; u < tupleLabel.length; u++) {
            if (tupleLabel[u] != EMPTY) {
                h[tupleScore(u)] += t.count(u);
            }
        }
        return h;
    }

    /** The consensus of tuple {@code u} as a class index, or -1 (empty) or -2 (undecided). */
    int tupleLabel(int u) {
        return tupleLabel[u];
    }

    /** The posterior of class index {@code k} for tuple {@code u}. */
    double tuplePosterior(int u, int k) {
        return posterior[u * classValues.length + k];
    }

    private int tupleAt(int row, int col) {
        java.util.Objects.checkIndex(row, annotations.height());
        java.util.Objects.checkIndex(col, annotations.width());
        return annotations.tuples().tupleOf(row * annotations.width() + col);
    }

    private int labelValue(int u) {
        int l = tupleLabel[u];
        return l >= 0 ? classValues[l] : l == UNDECIDED ? undecidedValue : emptyLabel();
    }

    private int tupleScore(int u) {
        if (tupleLabel[u] == EMPTY) {
            return 0;
        }
        int k = classValues.length;
        double max = 0;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, posterior[u * k + c]);
        }
        return (int) Math.min(100, Math.floor(100 * max + 0.5));
    }

    private long countWhere(int code) {
        long n = 0;
        LabelTuples t = annotations.tuples();
        for (int u = 0; u < tupleLabel.length; u++) {
            if (tupleLabel[u] == code) {
                n += t.count(u);
            }
        }
        return n;
    }

    private byte[] expand(byte[] lut) {
        int[] map = annotations.tuples().pixelTupleArray();
        byte[] out = new byte[map.length];
        for (int p = 0; p < map.length; p++) {
            out[p] = lut[map[p]];
        }
        return out;
    }

    private RasterMetadata meta(DataType type, int bands, String name) {
        return annotations.outputMetadata(type, bands).withBandNames(name);
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /** The summary as a JSON tree (snake_case keys, undefined values as null; see the class comment). */
    public ObjectNode toJsonNode() {
        ObjectNode o = JsonSupport.object();
        o.put("method", method.id());
        o.put("width", width());
        o.put("height", height());
        ArrayNode names = o.putArray("annotators");
        annotations.names().forEach(names::add);
        JsonSupport.array(o, "classes", classValues);
        if (isVote()) {
            o.putNull("iterations");
            o.putNull("converged");
        } else {
            o.put("iterations", iterations);
            o.put("converged", converged);
        }
        JsonSupport.put(o, "log_likelihood", logLikelihood);
        long[] counts = labelCounts();
        ObjectNode byClass = o.putObject("label_pixels");
        for (int i = 0; i < classValues.length; i++) {
            byClass.put(Integer.toString(classValues[i]), counts[i]);
        }
        o.put("undecided_pixels", undecidedPixels());
        if (undecidedValue >= 0) {
            o.put("undecided_label", undecidedValue);
        } else {
            o.putNull("undecided_label");
        }
        o.put("empty_pixels", emptyPixels());
        long[] hist = scoreHistogram();
        long total = 0;
        double sum = 0;
        for (int s = 0; s <= 100; s++) {
            total += hist[s];
            sum += (double) s * hist[s];
        }
        JsonSupport.put(o, "mean_score", total == 0 ? Double.NaN : sum / total);
        JsonSupport.put(o, "score_100_fraction", total == 0 ? Double.NaN : (double) hist[100] / total);
        JsonSupport.array(o, "score_histogram", hist);
        JsonSupport.array(o, "priors", priors);
        ArrayNode models = o.putArray("annotator_models");
        for (AnnotatorModel a : annotators) {
            ObjectNode m = models.addObject();
            m.put("name", a.name());
            m.put("labelled_pixels", a.labels());
            JsonSupport.put(m, "accuracy", a.accuracy());
            JsonSupport.put(m, "agreement_with_consensus", a.agreement());
            JsonSupport.matrix(m, "confusion_true_by_label", a.confusion());
        }
        o.put("empty_label", emptyLabel());
        JsonSupport.array(o, "history", history);
        return o;
    }

    /** The summary as indented JSON (no rasters). */
    public String toJson() {
        return JsonSupport.write(toJsonNode());
    }

    private boolean isVote() {
        return method == ConsensusMethod.WEIGHTED_VOTE || method == ConsensusMethod.MAJORITY_VOTE;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("ConsensusResult[method=").append(method.id())
                .append(", size=").append(width()).append('x').append(height())
                .append(", classes=").append(Arrays.toString(classValues));
        if (!isVote()) {
            sb.append(", iterations=").append(iterations).append(", converged=").append(converged)
                    .append(", logLikelihood=").append(String.format(Locale.ROOT, "%.6g", logLikelihood));
        }
        List<String> p = new ArrayList<>();
        for (double v : priors) {
            p.add(AnnotatorModel.fmt(v));
        }
        sb.append(", priors=").append(p);
        long und = undecidedPixels();
        if (und > 0) {
            sb.append(", undecided=").append(und);
        }
        long empty = emptyPixels();
        if (empty > 0) {
            sb.append(", empty=").append(empty);
        }
        sb.append(']');
        for (AnnotatorModel m : annotators) {
            sb.append("\n  ").append(m);
        }
        return sb.toString();
    }
}
