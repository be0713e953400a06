package org.landcover4j.metrics.consensus;

import java.util.ArrayList;
import java.util.List;

/** Shared steps of the consensus methods, all over label tuples. */
final class Support {
    /** Probabilities below this are clipped where crowd-kit clips them ({@code _EPS}). */
    static final double EPS = 1e-10;

    private Support() {
    }

    /** First index of the maximum of {@code v[off..off+k)} (crowd-kit's idxmax tie rule). */
    static int argmaxFirst(double[] v, int off, int k) {
        int best = 0;
        double bv = v[off];
        for (int c = 1; c < k; c++) {
            if (v[off + c] > bv) {
                bv = v[off + c];
                best = c;
            }
        }
        return best;
    }

    /** Labels per annotator (pixels it labelled). */
    static long[] labelledCounts(LabelTuples t) {
        long[] n = new long[t.annotators()];
        for (int u = 0; u < t.size(); u++) {
            for (int a = 0; a < n.length; a++) {
                if (t.label(u, a) >= 0) {
                    n[a] += t.count(u);
                }
            }
        }
        return n;
    }

    /** Fraction of each annotator's labels equal to the consensus label (undecided counts as disagreement). */
    static double[] agreement(LabelTuples t, int[] tupleLabel) {
        int n = t.annotators();
        long[] labelled = new long[n];
        long[] agree = new long[n];
        for (int u = 0; u < t.size(); u++) {
            for (int a = 0; a < n; a++) {
                int y = t.label(u, a);
                if (y >= 0) {
                    labelled[a] += t.count(u);
                    if (y == tupleLabel[u]) {
                        agree[a] += t.count(u);
                    }
                }
            }
        }
        double[] r = new double[n];
        for (int a = 0; a < n; a++) {
            r[a] = labelled[a] == 0 ? Double.NaN : (double) agree[a] / labelled[a];
        }
        return r;
    }

    /**
     * Row-normalised counts of (consensus class, annotator label) over decided pixels: an empirical
     * P(label | consensus class). Rows without evidence are NaN.
     */
    static double[][] hardConfusion(LabelTuples t, int[] tupleLabel, int a, int k) {
        double[][] m = new double[k][k];
        for (int u = 0; u < t.size(); u++) {
            int y = t.label(u, a);
            int c = tupleLabel[u];
            if (y >= 0 && c >= 0) {
                m[c][y] += t.count(u);
            }
        }
        normaliseRows(m);
        return m;
    }

    static void normaliseRows(double[][] m) {
        for (double[] row : m) {
            double s = 0;
            for (double v : row) {
                s += v;
            }
            for (int j = 0; j < row.length; j++) {
                row[j] = s > 0 ? row[j] / s : Double.NaN;
            }
        }
    }

    /** Mean posterior over non-empty tuples, weighted by pixel counts. */
    static double[] meanPosterior(LabelTuples t, double[] post, int[] tupleLabel, int k) {
        double[] m = new double[k];
        long total = 0;
        for (int u = 0; u < t.size(); u++) {
            if (tupleLabel[u] == ConsensusResult.EMPTY) {
                continue;
            }
            total += t.count(u);
            for (int c = 0; c < k; c++) {
                m[c] += t.count(u) * post[u * k + c];
            }
        }
        for (int c = 0; c < k; c++) {
            m[c] = total == 0 ? Double.NaN : m[c] / total;
        }
        return m;
    }

    /** Models for vote methods: given accuracy (or agreement when null), agreement, hard confusion. */
    static List<AnnotatorModel> voteModels(Annotations an, int[] tupleLabel, double[] accuracy) {
        LabelTuples t = an.tuples();
        double[] agreement = agreement(t, tupleLabel);
        long[] labelled = labelledCounts(t);
        List<AnnotatorModel> models = new ArrayList<>();
        for (int a = 0; a < t.annotators(); a++) {
            models.add(new AnnotatorModel(an.names().get(a), labelled[a],
                    accuracy == null ? agreement[a] : accuracy[a], agreement[a],
                    hardConfusion(t, tupleLabel, a, an.classes())));
        }
        return models;
    }

    /** log(sum(exp(v[off..off+k)))) with -inf for an all -inf slice. */
    static double logSumExp(double[] v, int off, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, v[off + c]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int c = 0; c < k; c++) {
            s += Math.exp(v[off + c] - max);
        }
        return max + Math.log(s);
    }

    static String annotatorName(Annotations an, int a) {
        return "annotator " + (a + 1) + " ('" + an.names().get(a) + "')";
    }
}
