package org.landcover4j.metrics.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.landcover4j.core.ProgressListener;

/**
 * Dawid-Skene (1979) EM consensus, with a full confusion matrix per annotator or one accuracy per annotator
 * ("one-coin"), exactly as crowd-kit 1.4.1 runs it, in log space, over label tuples.
 *
 * <p>Model: each pixel has a hidden true class c with prior {@code p_c}; annotator w writes k with probability
 * {@code e_w[k, c]}. Steps (crowd-kit's order):
 * <ol>
 *   <li>Initialise the posterior with the unweighted vote shares; clamp gold pixels to their gold class
 *       (crowd-kit {@code true_labels}, PR#109); priors = mean posterior; M-step.</li>
 *   <li>Repeat: E-step {@code log P(c) = log max(p_c, 1e-10) + sum_w log e_w[y_w, c]}, shifted by its maximum,
 *       exponentiated and normalised; clamp gold; priors; M-step; ELBO per annotation.</li>
 *   <li>Stop when the ELBO gained less than {@code tolerance} (a decrease stops too), or after
 *       {@code maxIterations}.</li>
 * </ol>
 * M-step (full): {@code e_w[k, c] = sum over w's pixels labelled k of P(c)}, clipped below at 1e-10 for labels
 * the annotator used, normalised over k. One-coin: skill {@code s_w} = mean over w's labels of P(that label);
 * {@code e_w[k, c] = s_w} if k = c else {@code (1 - s_w)/(K - 1)}, clipped to [1e-10, 1 - 1e-10].
 *
 * <p>Smoothing: with {@code smoothing = a > 0} every confusion count (every k, c) and every class count gets
 * {@code a} added before normalising (a symmetric Dirichlet(a + 1) MAP estimate; one-coin: skill =
 * {@code (sum + a)/(n + 2a)}). This keeps confusion entries away from 0 and 1 and so avoids the degenerate fixed
 * points plain EM reaches on small or lopsided data (an annotator "never" confusing two classes locks pixels to
 * a posterior of exactly 0 or 1). {@code smoothing = 0} (the default) reproduces crowd-kit.
 *
 * <p>Pixels that no annotator labelled are left out of the fit and come out empty. Because every step depends
 * on a pixel only through its label tuple, an iteration costs O(tuples x annotators x classes), independent of
 * the raster size.
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * ConsensusResult ds = DawidSkene.fit(annotations, DawidSkene.Options.defaults());
 * ds.iterations();                       // e.g. 9
 * ds.annotators().get(0).confusion();    // rows = true class, columns = label written
 * ConsensusResult smooth = DawidSkene.fit(annotations, DawidSkene.Options.defaults().withSmoothing(1.0));
 * }
 */
public final class DawidSkene {
    private DawidSkene() {
    }

    /**
     * EM settings.
     *
     * @param maxIterations at most this many EM iterations (crowd-kit {@code n_iter}), at least 1
     * @param tolerance     stop when the ELBO per annotation improves by less than this (crowd-kit {@code tol})
     * @param smoothing     additive (Dirichlet) smoothing of confusion and class counts, &ge; 0
     */
    public record Options(int maxIterations, double tolerance, double smoothing) {
        /** Validates the values. */
        public Options {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
            }
            if (Double.isNaN(tolerance)) {
                throw new IllegalArgumentException("tolerance must be a number, got NaN");
            }
            if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
                throw new IllegalArgumentException("smoothing must be finite and >= 0, got " + smoothing);
            }
        }

        /** crowd-kit's defaults: 100 iterations, tolerance 1e-5, no smoothing. */
        public static Options defaults() {
            return new Options(100, 1e-5, 0.0);
        }

        /** A copy with another iteration limit. */
        public Options withMaxIterations(int n) {
            return new Options(n, tolerance, smoothing);
        }

        /** A copy with another tolerance. */
        public Options withTolerance(double tol) {
            return new Options(maxIterations, tol, smoothing);
        }

        /** A copy with additive smoothing. */
        public Options withSmoothing(double a) {
            return new Options(maxIterations, tolerance, a);
        }
    }

    /** Full Dawid-Skene with the given options. */
    public static ConsensusResult fit(Annotations annotations, Options options) {
        return run(annotations, options, false, ProgressListener.none());
    }

    /** Full Dawid-Skene, reporting each iteration to {@code progress}. */
    public static ConsensusResult fit(Annotations annotations, Options options, ProgressListener progress) {
        return run(annotations, options, false, progress);
    }

    /** One-coin Dawid-Skene with the given options. */
    public static ConsensusResult fitOneCoin(Annotations annotations, Options options) {
        return run(annotations, options, true, ProgressListener.none());
    }

    /** One-coin Dawid-Skene, reporting each iteration to {@code progress}. */
    public static ConsensusResult fitOneCoin(Annotations annotations, Options options, ProgressListener progress) {
        return run(annotations, options, true, progress);
    }

    private static ConsensusResult run(Annotations an, Options opt, boolean oneCoin, ProgressListener progress) {
        Objects.requireNonNull(an, "annotations");
        Objects.requireNonNull(opt, "options");
        Objects.requireNonNull(progress, "progress");
        Em em = new Em(an, opt, oneCoin);
        em.initialise();
        List<Double> history = new ArrayList<>();
        double loss = Double.NEGATIVE_INFINITY;
        boolean converged = false;
        String task = oneCoin ? "one-coin Dawid-Skene" : "Dawid-Skene";
        for (int it = 0; it < opt.maxIterations(); it++) {
            em.eStep();
            em.clampGold();
            em.updatePriors();
            em.mStep();
            double newLoss = em.elbo() / em.annotationCount;
            history.add(newLoss);
            progress.progress(it + 1, opt.maxIterations(), task);
            if (newLoss - loss < opt.tolerance()) {
                converged = true;
                break;
            }
            loss = newLoss;
        }
        return em.result(oneCoin ? ConsensusMethod.ONE_COIN_DAWID_SKENE : ConsensusMethod.DAWID_SKENE,
                history.stream().mapToDouble(Double::doubleValue).toArray(), converged);
    }

    /** EM state over label tuples. */
    private static final class Em {
        final Annotations an;
        final LabelTuples t;
        final int n;
        final int k;
        final int u;
        final double alpha;
        final boolean oneCoin;
        final double[] post;        // u*k
        final boolean[] active;     // tuple has at least one label
        final double[] priors;      // k
        final double[][] logErr;    // [a][obs*k + true]
        final double[] skill;       // one-coin
        final boolean[][] used;     // [a][obs]
        final long[] labelled;      // per annotator
        final double taskCount;
        final double annotationCount;

        Em(Annotations an, Options opt, boolean oneCoin) {
            this.an = an;
            this.t = an.tuples();
            this.n = t.annotators();
            this.k = an.classes();
            this.u = t.size();
            this.alpha = opt.smoothing();
            this.oneCoin = oneCoin;
            this.post = new double[u * k];
            this.active = new boolean[u];
            this.priors = new double[k];
            this.logErr = new double[n][k * k];
            this.skill = new double[n];
            this.used = new boolean[n][k];
            this.labelled = new long[n];
            double tasks = 0;
            double annotations = 0;
            for (int i = 0; i < u; i++) {
                int m = t.labelled(i);
                active[i] = m > 0;
                if (m > 0) {
                    tasks += t.count(i);
                    annotations += (double) t.count(i) * m;
                }
                for (int a = 0; a < n; a++) {
                    int y = t.label(i, a);
                    if (y >= 0) {
                        used[a][y] = true;
                        labelled[a] += t.count(i);
                    }
                }
            }
            this.taskCount = tasks;
            this.annotationCount = annotations;
        }

        void initialise() {
            for (int i = 0; i < u; i++) {
                int off = i * k;
                if (!active[i]) {
                    Arrays.fill(post, off, off + k, Double.NaN);
                    continue;
                }
                int m = 0;
                for (int a = 0; a < n; a++) {
                    int y = t.label(i, a);
                    if (y >= 0) {
                        post[off + y] += 1;
                        m++;
                    }
                }
                for (int c = 0; c < k; c++) {
                    post[off + c] /= m;
                }
            }
            clampGold();
            updatePriors();
            mStep();
        }

        void clampGold() {
            for (int i = 0; i < u; i++) {
                int g = t.gold(i);
                if (g >= 0 && active[i]) {
                    int off = i * k;
                    Arrays.fill(post, off, off + k, 0.0);
                    post[off + g] = 1.0;
                }
            }
        }

        void updatePriors() {
            Arrays.fill(priors, 0.0);
            for (int i = 0; i < u; i++) {
                if (active[i]) {
                    double w = t.count(i);
                    for (int c = 0; c < k; c++) {
                        priors[c] += w * post[i * k + c];
                    }
                }
            }
            double denom = taskCount + k * alpha;
            for (int c = 0; c < k; c++) {
                priors[c] = (priors[c] + alpha) / denom;
            }
        }

        void mStep() {
            if (oneCoin) {
                mStepOneCoin();
            } else {
                mStepFull();
            }
        }

        private void mStepFull() {
            for (int a = 0; a < n; a++) {
                double[] e = logErr[a];
                Arrays.fill(e, 0.0);
                for (int i = 0; i < u; i++) {
                    int y = t.label(i, a);
                    if (y >= 0) {
                        double w = t.count(i);
                        int off = i * k;
                        for (int c = 0; c < k; c++) {
                            e[y * k + c] += w * post[off + c];
                        }
                    }
                }
                boolean[] usedA = used[a];
                for (int obs = 0; obs < k; obs++) {
                    if (alpha > 0 || usedA[obs]) {
                        for (int c = 0; c < k; c++) {
                            e[obs * k + c] = Math.max(e[obs * k + c] + alpha, Support.EPS);
                        }
                    }
                }
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    for (int obs = 0; obs < k; obs++) {
                        s += e[obs * k + c];
                    }
                    for (int obs = 0; obs < k; obs++) {
                        e[obs * k + c] = Math.log(e[obs * k + c] / s);
                    }
                }
            }
        }

        private void mStepOneCoin() {
            for (int a = 0; a < n; a++) {
                double sum = 0;
                for (int i = 0; i < u; i++) {
                    int y = t.label(i, a);
                    if (y >= 0) {
                        sum += t.count(i) * post[i * k + y];
                    }
                }
                double s = labelled[a] == 0 ? Double.NaN : (sum + alpha) / (labelled[a] + 2 * alpha);
                skill[a] = s;
                double[] e = logErr[a];
                double off = k > 1 ? (1 - s) / (k - 1) : 0;
                for (int obs = 0; obs < k; obs++) {
                    for (int c = 0; c < k; c++) {
                        double v = obs == c ? s : off;
                        e[obs * k + c] = Math.log(Math.min(Math.max(v, Support.EPS), 1 - Support.EPS));
                    }
                }
            }
        }

        void eStep() {
            double[] logPrior = logPriors();
            for (int i = 0; i < u; i++) {
                if (!active[i]) {
                    continue;
                }
                int off = i * k;
                System.arraycopy(logPrior, 0, post, off, k);
                for (int a = 0; a < n; a++) {
                    int y = t.label(i, a);
                    if (y >= 0) {
                        double[] e = logErr[a];
                        int row = y * k;
                        for (int c = 0; c < k; c++) {
                            post[off + c] += e[row + c];
                        }
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, post[off + c]);
                }
                double s = 0;
                for (int c = 0; c < k; c++) {
                    double v = Math.exp(post[off + c] - max);
                    post[off + c] = v;
                    s += v;
                }
                for (int c = 0; c < k; c++) {
                    post[off + c] /= s;
                }
            }
        }

        private double[] logPriors() {
            double[] lp = new double[k];
            for (int c = 0; c < k; c++) {
                lp[c] = Math.log(Math.max(priors[c], Support.EPS));
            }
            return lp;
        }

        /** crowd-kit's evidence lower bound: E[log joint] + entropy (entropy over P clipped at 1e-10). */
        double elbo() {
            double[] logPrior = logPriors();
            double joint = 0;
            double entropy = 0;
            for (int i = 0; i < u; i++) {
                if (!active[i]) {
                    continue;
                }
                int off = i * k;
                double w = t.count(i);
                double ti = 0;
                for (int a = 0; a < n; a++) {
                    int y = t.label(i, a);
                    if (y >= 0) {
                        double[] e = logErr[a];
                        int row = y * k;
                        for (int c = 0; c < k; c++) {
                            double p = post[off + c];
                            if (p != 0) {
                                ti += p * (e[row + c] + logPrior[c]);
                            }
                        }
                    }
                }
                double h = 0;
                for (int c = 0; c < k; c++) {
                    double p = Math.max(post[off + c], Support.EPS);
                    h -= p * Math.log(p);
                }
                joint += w * ti;
                entropy += w * h;
            }
            return joint + entropy;
        }

        double logLikelihood() {
            double[] logPrior = logPriors();
            double[] tmp = new double[k];
            double ll = 0;
            for (int i = 0; i < u; i++) {
                if (!active[i]) {
                    continue;
                }
                System.arraycopy(logPrior, 0, tmp, 0, k);
                for (int a = 0; a < n; a++) {
                    int y = t.label(i, a);
                    if (y >= 0) {
                        for (int c = 0; c < k; c++) {
                            tmp[c] += logErr[a][y * k + c];
                        }
                    }
                }
                ll += t.count(i) * Support.logSumExp(tmp, 0, k);
            }
            return ll;
        }

        ConsensusResult result(ConsensusMethod method, double[] history, boolean converged) {
            int[] label = new int[u];
            for (int i = 0; i < u; i++) {
                label[i] = active[i] ? Support.argmaxFirst(post, i * k, k) : ConsensusResult.EMPTY;
            }
            double[] agreement = Support.agreement(t, label);
            List<AnnotatorModel> models = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                double[][] conf = new double[k][k];
                double acc = 0;
                for (int c = 0; c < k; c++) {
                    for (int obs = 0; obs < k; obs++) {
                        conf[c][obs] = (oneCoin || used[a][obs] || alpha > 0) ? Math.exp(logErr[a][obs * k + c]) : 0.0;
                    }
                    acc += priors[c] * conf[c][c];
                }
                models.add(new AnnotatorModel(an.names().get(a), labelled[a], oneCoin ? skill[a] : acc, agreement[a],
                        conf));
            }
            return new ConsensusResult(method, an, an.classValues(), post, label, -1, models, priors.clone(),
                    history.length, converged, logLikelihood(), history);
        }
    }
}
