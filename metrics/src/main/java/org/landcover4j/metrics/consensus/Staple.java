package org.landcover4j.metrics.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.landcover4j.core.ProgressListener;

/**
 * STAPLE consensus (Warfield, Zou &amp; Wells 2004) with the conventions of ITK's {@code STAPLEImageFilter}
 * (binary) and {@code MultiLabelSTAPLEImageFilter} (Rohlfing et al. 2004), computed in log space over label
 * tuples.
 *
 * <p><b>Binary</b> ({@link #binary}): a rater's pixel is foreground when its label equals
 * {@code foregroundValue}, background for any other class. W starts as the mean of the masks; the prior
 * {@code g = mean(W) * confidenceWeight} is fixed. Each pass: sensitivity {@code p_i = sum D_i W / sum W},
 * specificity {@code q_i = sum (1-D_i)(1-W) / sum (1-W)}, then {@code W = g a / (g a + (1-g) b)} with
 * {@code a = prod (p or 1-p)}, {@code b = prod (1-q or q)}. Stops when every {@code (delta p)^2} and
 * {@code (delta q)^2} is at most 1e-14, checked from the second pass on. Output classes are {0 = background,
 * 1 = foreground}; the label is 1 where {@code W > threshold} (default 0.5, as {@code W > 0.5} masks are made from
 * ITK's probability map).
 *
 * <p><b>Multi-label</b> ({@link #multiLabel}): each rater's confusion matrix is seeded from a majority vote
 * (ITK's {@code LabelVotingImageFilter}; voting ties are skipped, the behaviour since ITK PR#6579); the class
 * priors are the label frequencies pooled over all raters (or given) and stay fixed; each pass is a Dawid-Skene
 * E and M step over pixels; stops when the largest change of a confusion entry is below
 * {@code terminationThreshold} (1e-5). The label is the unique argmax of the posterior; exact ties give the
 * undecided label (default: largest class value + 1, an error if that exceeds 255 and none is set, as since ITK
 * PR#6597).
 *
 * <p>Differences from ITK, all documented: products of probabilities are sums of logs here (ITK multiplies,
 * which underflows to 0 with many raters); ties are therefore exact ties of the log sums. The iteration count
 * reported is the number of passes (ITK's {@code GetElapsedIterations()} reports the 0-based index of the last
 * pass, one less). A binary pixel where both hypotheses have probability 0 (raters with p = 1 and q = 1
 * contradicting each other) gets W = g, where ITK computes 0/0 = NaN. Missing labels (see
 * {@link Annotations.Builder#missingValue}) are marginalised: the rater contributes no factor and no count at
 * that pixel; ITK has no missing labels. Masks with no foreground (or no background) anywhere end at once with
 * W = 0 (or 1) and the undefined rate NaN. The confusion matrices omit ITK's extra "undecided" observation row,
 * which is always 0.
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * ConsensusResult s = Staple.multiLabel(annotations, Staple.MultiLabelOptions.defaults());
 * s.labels();                // undecided pixels carry s.undecidedLabel()
 * ConsensusResult b = Staple.binary(annotations, Staple.BinaryOptions.foreground(1));
 * b.annotators().get(0).probability(1, 1);   // sensitivity p of rater 1
 * }
 */
public final class Staple {
    private static final double BINARY_MIN_SQUARED_CHANGE = 1.0e-14;

    private Staple() {
    }

    /**
     * Binary STAPLE settings.
     *
     * @param foregroundValue  the class value that means foreground
     * @param confidenceWeight multiplies the prior {@code g} (ITK {@code ConfidenceWeight}, default 1), &gt; 0
     * @param maxIterations    at most this many passes (ITK {@code MaximumIterations}), at least 1
     * @param threshold        label = foreground where the probability exceeds this, in [0, 1)
     */
    public record BinaryOptions(int foregroundValue, double confidenceWeight, int maxIterations, double threshold) {
        /** Validates the values. */
        public BinaryOptions {
            if (foregroundValue < 0 || foregroundValue > 255) {
                throw new IllegalArgumentException("foregroundValue must be in 0..255, got " + foregroundValue);
            }
            if (!(confidenceWeight > 0) || Double.isInfinite(confidenceWeight)) {
                throw new IllegalArgumentException("confidenceWeight must be finite and > 0, got " + confidenceWeight);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
            }
            if (!(threshold >= 0 && threshold < 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1), got " + threshold);
            }
        }

        /** ITK's defaults for this foreground value: confidence weight 1, threshold 0.5, up to 100000 passes. */
        public static BinaryOptions foreground(int value) {
            return new BinaryOptions(value, 1.0, 100_000, 0.5);
        }

        /** A copy with another iteration limit. */
        public BinaryOptions withMaxIterations(int n) {
            return new BinaryOptions(foregroundValue, confidenceWeight, n, threshold);
        }

        /** A copy with another confidence weight. */
        public BinaryOptions withConfidenceWeight(double w) {
            return new BinaryOptions(foregroundValue, w, maxIterations, threshold);
        }
    }

    /**
     * Multi-label STAPLE settings.
     *
     * @param terminationThreshold stop when the largest confusion change is below this (ITK default 1e-5), &gt; 0
     * @param maxIterations        at most this many passes, at least 1
     * @param undecidedLabel       the label written for ties; empty = largest class value + 1
     * @param priors               fixed class priors, one per class, or empty to use pooled label frequencies
     */
    public record MultiLabelOptions(double terminationThreshold, int maxIterations, OptionalInt undecidedLabel,
                                    List<Double> priors) {
        /** Validates the values and copies the list. */
        public MultiLabelOptions {
            if (!(terminationThreshold > 0)) {
                throw new IllegalArgumentException("terminationThreshold must be > 0, got " + terminationThreshold);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
            }
            Objects.requireNonNull(undecidedLabel, "undecidedLabel (use OptionalInt.empty())");
            if (undecidedLabel.isPresent() && (undecidedLabel.getAsInt() < 0 || undecidedLabel.getAsInt() > 255)) {
                throw new IllegalArgumentException("undecidedLabel must be in 0..255, got " + undecidedLabel.getAsInt());
            }
            priors = List.copyOf(priors);
            for (Double p : priors) {
                if (!(p >= 0) || Double.isInfinite(p)) {
                    throw new IllegalArgumentException("priors must be finite and >= 0, got " + priors);
                }
            }
        }

        /** ITK's defaults: threshold 1e-5, pooled priors, undecided = largest class value + 1; up to 100000 passes. */
        public static MultiLabelOptions defaults() {
            return new MultiLabelOptions(1e-5, 100_000, OptionalInt.empty(), List.of());
        }

        /** A copy with an explicit undecided label. */
        public MultiLabelOptions withUndecidedLabel(int label) {
            return new MultiLabelOptions(terminationThreshold, maxIterations, OptionalInt.of(label), priors);
        }

        /** A copy with fixed class priors (one per class). */
        public MultiLabelOptions withPriors(double... p) {
            List<Double> l = new ArrayList<>();
            for (double v : p) {
                l.add(v);
            }
            return new MultiLabelOptions(terminationThreshold, maxIterations, undecidedLabel, l);
        }

        /** A copy with another iteration limit. */
        public MultiLabelOptions withMaxIterations(int n) {
            return new MultiLabelOptions(terminationThreshold, n, undecidedLabel, priors);
        }

        /** A copy with another termination threshold. */
        public MultiLabelOptions withTerminationThreshold(double th) {
            return new MultiLabelOptions(th, maxIterations, undecidedLabel, priors);
        }
    }

    /** Binary STAPLE. */
    public static ConsensusResult binary(Annotations annotations, BinaryOptions options) {
        return binary(annotations, options, ProgressListener.none());
    }

    /** Binary STAPLE, reporting each pass to {@code progress}. */
    public static ConsensusResult binary(Annotations an, BinaryOptions opt, ProgressListener progress) {
        Objects.requireNonNull(an, "annotations");
        Objects.requireNonNull(opt, "options");
        Objects.requireNonNull(progress, "progress");
        LabelTuples t = an.tuples();
        int n = t.annotators();
        int u = t.size();
        int fg = Arrays.binarySearch(an.classValues(), opt.foregroundValue());
        // d[i*n + a]: 1 foreground, 0 background, -1 missing
        byte[] d = new byte[u * n];
        boolean[] active = new boolean[u];
        double[] w = new double[u];
        double sumW = 0;
        double pixels = 0;
        for (int i = 0; i < u; i++) {
            int m = 0;
            int f = 0;
            for (int a = 0; a < n; a++) {
                int y = t.label(i, a);
                d[i * n + a] = (byte) (y < 0 ? -1 : y == fg ? 1 : 0);
                if (y >= 0) {
                    m++;
                    f += y == fg ? 1 : 0;
                }
            }
            active[i] = m > 0;
            if (m > 0) {
                w[i] = (double) f / m;
                sumW += t.count(i) * w[i];
                pixels += t.count(i);
            }
        }
        double g = sumW / pixels * opt.confidenceWeight();
        double[] p = new double[n];
        double[] q = new double[n];
        double[] lastP = new double[n];
        double[] lastQ = new double[n];
        Arrays.fill(lastP, -10.0);
        Arrays.fill(lastQ, -10.0);
        List<Double> history = new ArrayList<>();
        boolean converged = false;
        int passes = 0;
        boolean degenerate = sumW == 0 || sumW == pixels;
        if (degenerate) {
            Arrays.fill(p, Double.NaN);
            Arrays.fill(q, Double.NaN);
            converged = true;
        }
        for (int iter = 0; !degenerate && iter < opt.maxIterations(); iter++) {
            for (int a = 0; a < n; a++) {
                double pNum = 0;
                double pDen = 0;
                double qNum = 0;
                double qDen = 0;
                for (int i = 0; i < u; i++) {
                    byte v = d[i * n + a];
                    if (v < 0) {
                        continue;
                    }
                    double c = t.count(i);
                    if (v == 1) {
                        pNum += c * w[i];
                    } else {
                        qNum += c * (1.0 - w[i]);
                    }
                    pDen += c * w[i];
                    qDen += c * (1.0 - w[i]);
                }
                p[a] = pNum / pDen;
                q[a] = qNum / qDen;
            }
            double logG = Math.log(g);
            double log1G = Math.log1p(-g);
            for (int i = 0; i < u; i++) {
                if (!active[i]) {
                    continue;
                }
                double la = logG;
                double lb = log1G;
                for (int a = 0; a < n; a++) {
                    byte v = d[i * n + a];
                    if (v == 1) {
                        la += Math.log(p[a]);
                        lb += Math.log1p(-q[a]);
                    } else if (v == 0) {
                        la += Math.log1p(-p[a]);
                        lb += Math.log(q[a]);
                    }
                }
                w[i] = posteriorOfForeground(la, lb, g);
            }
            passes++;
            double maxChange = Double.NaN;
            boolean flag = false;
            if (iter != 0) {
                flag = true;
                maxChange = 0;
                for (int a = 0; a < n; a++) {
                    double dp = p[a] - lastP[a];
                    double dq = q[a] - lastQ[a];
                    maxChange = Math.max(maxChange, Math.max(Math.abs(dp), Math.abs(dq)));
                    if (dp * dp > BINARY_MIN_SQUARED_CHANGE || dq * dq > BINARY_MIN_SQUARED_CHANGE) {
                        flag = false;
                    }
                }
            }
            System.arraycopy(p, 0, lastP, 0, n);
            System.arraycopy(q, 0, lastQ, 0, n);
            history.add(maxChange);
            progress.progress(passes, opt.maxIterations(), "STAPLE");
            if (flag) {
                converged = true;
                break;
            }
        }
        // outputs
        double[] post = new double[u * 2];
        int[] label = new int[u];
        double ll = 0;
        for (int i = 0; i < u; i++) {
            if (!active[i]) {
                post[2 * i] = Double.NaN;
                post[2 * i + 1] = Double.NaN;
                label[i] = ConsensusResult.EMPTY;
                continue;
            }
            post[2 * i] = 1.0 - w[i];
            post[2 * i + 1] = w[i];
            label[i] = w[i] > opt.threshold() ? 1 : 0;
            if (!degenerate) {
                double la = Math.log(g);
                double lb = Math.log1p(-g);
                for (int a = 0; a < n; a++) {
                    byte v = d[i * n + a];
                    if (v == 1) {
                        la += Math.log(p[a]);
                        lb += Math.log1p(-q[a]);
                    } else if (v == 0) {
                        la += Math.log1p(-p[a]);
                        lb += Math.log(q[a]);
                    }
                }
                double[] pair = {la, lb};
                ll += t.count(i) * Support.logSumExp(pair, 0, 2);
            }
        }
        long[] labelled = Support.labelledCounts(t);
        double[] agreement = new double[n];
        for (int i = 0; i < u; i++) {
            for (int a = 0; a < n; a++) {
                if (d[i * n + a] >= 0 && d[i * n + a] == label[i]) {
                    agreement[a] += t.count(i);
                }
            }
        }
        for (int a = 0; a < n; a++) {
            agreement[a] = labelled[a] == 0 ? Double.NaN : agreement[a] / labelled[a];
        }
        List<AnnotatorModel> models = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            double[][] conf = {{q[a], 1 - q[a]}, {1 - p[a], p[a]}};
            models.add(new AnnotatorModel(an.names().get(a), labelled[a], g * p[a] + (1 - g) * q[a], agreement[a],
                    conf));
        }
        return new ConsensusResult(ConsensusMethod.STAPLE_BINARY, an, new int[] {0, 1}, post, label, -1, models,
                new double[] {1 - g, g}, passes, converged, degenerate ? Double.NaN : ll,
                history.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double posteriorOfForeground(double la, double lb, double g) {
        if (la == Double.NEGATIVE_INFINITY && lb == Double.NEGATIVE_INFINITY) {
            return g;
        }
        if (la == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        if (lb == Double.NEGATIVE_INFINITY) {
            return 1.0;
        }
        return 1.0 / (1.0 + Math.exp(lb - la));
    }

    /** Multi-label STAPLE. */
    public static ConsensusResult multiLabel(Annotations annotations, MultiLabelOptions options) {
        return multiLabel(annotations, options, ProgressListener.none());
    }

    /** Multi-label STAPLE, reporting each pass to {@code progress}. */
    public static ConsensusResult multiLabel(Annotations an, MultiLabelOptions opt, ProgressListener progress) {
        Objects.requireNonNull(an, "annotations");
        Objects.requireNonNull(opt, "options");
        Objects.requireNonNull(progress, "progress");
        LabelTuples t = an.tuples();
        int n = t.annotators();
        int k = an.classes();
        int u = t.size();
        int[] classValues = an.classValues();
        int undecided = opt.undecidedLabel().orElse(classValues[k - 1] + 1);
        if (undecided > 255) {
            throw new IllegalArgumentException("the default undecided label (largest class value + 1 = " + undecided
                    + ") does not fit uint8; set one with MultiLabelOptions.withUndecidedLabel");
        }
        if (!opt.priors().isEmpty() && opt.priors().size() != k) {
            throw new IllegalArgumentException("got " + opt.priors().size() + " priors " + opt.priors() + " for "
                    + k + " classes " + Arrays.toString(classValues));
        }
        boolean[] active = new boolean[u];
        for (int i = 0; i < u; i++) {
            active[i] = t.labelled(i) > 0;
        }
        // seed: confusion cm[a][obs*k + true] from the majority vote, voting ties skipped, rows normalised
        double[][] cm = new double[n][k * k];
        int[] votes = new int[k];
        for (int i = 0; i < u; i++) {
            if (!active[i]) {
                continue;
            }
            Arrays.fill(votes, 0);
            for (int a = 0; a < n; a++) {
                int y = t.label(i, a);
                if (y >= 0) {
                    votes[y]++;
                }
            }
            int winner = -1;
            int best = 0;
            for (int c = 0; c < k; c++) {
                if (votes[c] > best) {
                    best = votes[c];
                    winner = c;
                } else if (votes[c] == best && best > 0) {
                    winner = -1;
                }
            }
            if (winner < 0) {
                continue;
            }
            for (int a = 0; a < n; a++) {
                int y = t.label(i, a);
                if (y >= 0) {
                    cm[a][y * k + winner] += t.count(i);
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int obs = 0; obs < k; obs++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += cm[a][obs * k + c];
                }
                if (s > 0) {
                    for (int c = 0; c < k; c++) {
                        cm[a][obs * k + c] /= s;
                    }
                }
            }
        }
        // fixed priors
        double[] priors = new double[k];
        if (opt.priors().isEmpty()) {
            double total = 0;
            for (int i = 0; i < u; i++) {
                for (int a = 0; a < n; a++) {
                    int y = t.label(i, a);
                    if (y >= 0) {
                        priors[y] += t.count(i);
                        total += t.count(i);
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                priors[c] /= total;
            }
        } else {
            for (int c = 0; c < k; c++) {
                priors[c] = opt.priors().get(c);
            }
        }
        double[] logPrior = new double[k];
        for (int c = 0; c < k; c++) {
            logPrior[c] = Math.log(priors[c]);
        }
        double[] wts = new double[k];
        double[][] upd = new double[n][k * k];
        double[][] logCm = new double[n][k * k];
        List<Double> history = new ArrayList<>();
        boolean converged = false;
        int passes = 0;
        for (int iter = 0; iter < opt.maxIterations(); iter++) {
            logOf(cm, logCm);
            for (double[] m : upd) {
                Arrays.fill(m, 0.0);
            }
            for (int i = 0; i < u; i++) {
                if (!active[i] || !posterior(t, i, n, k, logPrior, logCm, wts)) {
                    continue;
                }
                double c = t.count(i);
                for (int a = 0; a < n; a++) {
                    int y = t.label(i, a);
                    if (y >= 0) {
                        double[] m = upd[a];
                        for (int cl = 0; cl < k; cl++) {
                            m[y * k + cl] += c * wts[cl];
                        }
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                double[] m = upd[a];
                for (int cl = 0; cl < k; cl++) {
                    double s = 0;
                    for (int obs = 0; obs < k; obs++) {
                        s += m[obs * k + cl];
                    }
                    if (s != 0) {
                        for (int obs = 0; obs < k; obs++) {
                            m[obs * k + cl] /= s;
                        }
                    }
                }
            }
            double maxUpdate = 0;
            for (int a = 0; a < n; a++) {
                for (int e = 0; e < k * k; e++) {
                    maxUpdate = Math.max(maxUpdate, Math.abs(upd[a][e] - cm[a][e]));
                }
                System.arraycopy(upd[a], 0, cm[a], 0, k * k);
            }
            passes++;
            history.add(maxUpdate);
            progress.progress(passes, opt.maxIterations(), "STAPLE");
            if (maxUpdate < opt.terminationThreshold()) {
                converged = true;
                break;
            }
        }
        // outputs: repeat the E step with the final matrices
        logOf(cm, logCm);
        double[] post = new double[u * k];
        int[] label = new int[u];
        double[] logW = new double[k];
        double ll = 0;
        for (int i = 0; i < u; i++) {
            int off = i * k;
            if (!active[i]) {
                Arrays.fill(post, off, off + k, Double.NaN);
                label[i] = ConsensusResult.EMPTY;
                continue;
            }
            logJoint(t, i, n, k, logPrior, logCm, logW);
            int winner = ConsensusResult.UNDECIDED;
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (logW[c] > best) {
                    best = logW[c];
                    winner = c;
                } else if (!(logW[c] < best)) {
                    winner = ConsensusResult.UNDECIDED;
                }
            }
            label[i] = winner;
            double lse = Support.logSumExp(logW, 0, k);
            if (lse == Double.NEGATIVE_INFINITY) {
                Arrays.fill(post, off, off + k, Double.NaN);
            } else {
                for (int c = 0; c < k; c++) {
                    post[off + c] = Math.exp(logW[c] - lse);
                }
            }
            ll += t.count(i) * lse;
        }
        double[] agreement = Support.agreement(t, label);
        long[] labelled = Support.labelledCounts(t);
        List<AnnotatorModel> models = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            double[][] conf = new double[k][k];
            double acc = 0;
            for (int c = 0; c < k; c++) {
                for (int obs = 0; obs < k; obs++) {
                    conf[c][obs] = cm[a][obs * k + c];
                }
                acc += priors[c] * conf[c][c];
            }
            models.add(new AnnotatorModel(an.names().get(a), labelled[a], acc, agreement[a], conf));
        }
        return new ConsensusResult(ConsensusMethod.STAPLE, an, classValues, post, label, undecided, models, priors,
                passes, converged, ll, history.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The confusion matrices of multi-label STAPLE as ITK stores them: [rater][observed][true], for tests. */
    static double[][][] itkConfusion(ConsensusResult r) {
        double[][][] out = new double[r.annotators().size()][][];
        for (int a = 0; a < out.length; a++) {
            double[][] c = r.annotators().get(a).confusion();
            double[][] tr = new double[c.length][c.length];
            for (int i = 0; i < c.length; i++) {
                for (int j = 0; j < c.length; j++) {
                    tr[j][i] = c[i][j];
                }
            }
            out[a] = tr;
        }
        return out;
    }

    private static void logOf(double[][] src, double[][] dst) {
        for (int a = 0; a < src.length; a++) {
            for (int e = 0; e < src[a].length; e++) {
                dst[a][e] = Math.log(src[a][e]);
            }
        }
    }

    private static void logJoint(LabelTuples t, int i, int n, int k, double[] logPrior, double[][] logCm,
                                 double[] out) {
        System.arraycopy(logPrior, 0, out, 0, k);
        for (int a = 0; a < n; a++) {
            int y = t.label(i, a);
            if (y >= 0) {
                double[] m = logCm[a];
                for (int c = 0; c < k; c++) {
                    out[c] += m[y * k + c];
                }
            }
        }
    }

    /** Normalised posterior of tuple {@code i} into {@code w}; false when every class has probability 0. */
    private static boolean posterior(LabelTuples t, int i, int n, int k, double[] logPrior, double[][] logCm,
                                     double[] w) {
        logJoint(t, i, n, k, logPrior, logCm, w);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, w[c]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return false;
        }
        double s = 0;
        for (int c = 0; c < k; c++) {
            w[c] = Math.exp(w[c] - max);
            s += w[c];
        }
        for (int c = 0; c < k; c++) {
            w[c] /= s;
        }
        return true;
    }
}
