package org.landcover4j.metrics.roc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.Raster;

/**
 * Accumulates per-class scores and multi-label targets over a dataset for ROC AUC and average precision.
 *
 * <p><b>Multi-label semantics</b> (OpenSentinelMap-style): every pixel has a 0/1 target per class. A pixel marked
 * <em>unlabeled</em> (non-zero in the unlabeled mask) is excluded from every class. A pixel with an all-zero target
 * ("none") is a valid negative for every class.
 *
 * <p><b>Modes:</b> {@link #exact(int)} keeps every score (4 bytes per labelled pixel and class) and gives the exact
 * scikit-learn values; {@link #binned(int, int)} keeps a histogram per class of scores clipped to [0, 1] and
 * rounded to the nearest of {@code bins} evenly spaced levels {@code 0, 1/(bins-1), ..., 1}: bounded memory for any
 * dataset, exact when scores lie on those levels (for example 8-bit probabilities {@code v/255} with 256 bins),
 * otherwise scores rounded to one level count as ties. Both merge.
 *
 * <p>Thread safety: not thread-safe; one per thread, then {@link #merge(MultiLabelRocAccumulator)}.
 *
 * {@snippet :
 * var acc = MultiLabelRocAccumulator.binned(15, 1 << 12);
 * acc.add(scores, targets, unlabeled);   // rasters: one band per class, 0/1 targets, unlabeled mask
 * MultiLabelRoc roc = acc.result();
 * }
 */
public final class MultiLabelRocAccumulator {
    private final int classes;
    private final int bins;                 // 0 = exact
    private final float[][] pos;            // exact: scores of positives per class
    private final float[][] neg;
    private final int[] posN;
    private final int[] negN;
    private final long[][] posHist;         // binned
    private final long[][] negHist;

    private MultiLabelRocAccumulator(int classes, int bins) {
        if (classes < 1) {
            throw new IllegalArgumentException("need at least one class, got " + classes);
        }
        this.classes = classes;
        this.bins = bins;
        if (bins == 0) {
            pos = new float[classes][16];
            neg = new float[classes][16];
            posN = new int[classes];
            negN = new int[classes];
            posHist = negHist = null;
        } else {
            pos = neg = null;
            posN = negN = null;
            posHist = new long[classes][bins];
            negHist = new long[classes][bins];
        }
    }

    /** An accumulator that keeps every score: exact results, memory grows with the pixels. */
    public static MultiLabelRocAccumulator exact(int classes) {
        return new MultiLabelRocAccumulator(classes, 0);
    }

    /**
     * An accumulator of score histograms over [0, 1] at {@code bins} levels: bounded memory.
     *
     * @throws IllegalArgumentException if {@code bins} is not in 2..2^24
     */
    public static MultiLabelRocAccumulator binned(int classes, int bins) {
        if (bins < 2 || bins > (1 << 24)) {
            throw new IllegalArgumentException("bins must be 2..16777216, got " + bins);
        }
        return new MultiLabelRocAccumulator(classes, bins);
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /**
     * Adds pixels given per class: {@code scores[c][i]} and {@code targets[c][i]} (0 or 1) for class {@code c} at
     * pixel {@code i}; {@code unlabeled[i] != 0} excludes the pixel ({@code unlabeled} may be null).
     *
     * @throws IllegalArgumentException if shapes differ, a target is not 0/1, or a score is NaN
     */
    public MultiLabelRocAccumulator add(float[][] scores, byte[][] targets, byte[] unlabeled) {
        if (scores.length != classes || targets.length != classes) {
            throw new IllegalArgumentException("need " + classes + " score and target arrays, got " + scores.length
                    + " and " + targets.length);
        }
        int n = scores[0].length;
        for (int c = 0; c < classes; c++) {
            if (scores[c].length != n || targets[c].length != n) {
                throw new IllegalArgumentException("class " + c + " has " + scores[c].length + " scores and "
                        + targets[c].length + " targets, expected " + n);
            }
        }
        if (unlabeled != null && unlabeled.length != n) {
            throw new IllegalArgumentException("the unlabeled mask has " + unlabeled.length + " pixels, expected " + n);
        }
        for (int c = 0; c < classes; c++) {
            float[] s = scores[c];
            byte[] t = targets[c];
            for (int i = 0; i < n; i++) {
                if (unlabeled != null && unlabeled[i] != 0) {
                    continue;
                }
                if (t[i] != 0 && t[i] != 1) {
                    throw new IllegalArgumentException("class " + c + " target at pixel " + i + " is " + t[i]
                            + "; targets must be 0 or 1");
                }
                if (Float.isNaN(s[i])) {
                    throw new IllegalArgumentException("class " + c + " score at pixel " + i + " is NaN");
                }
            }
        }
        for (int c = 0; c < classes; c++) {
            float[] s = scores[c];
            byte[] t = targets[c];
            for (int i = 0; i < n; i++) {
                if (unlabeled == null || unlabeled[i] == 0) {
                    put(c, s[i], t[i] == 1);
                }
            }
        }
        return this;
    }

    /**
     * Adds pixels given per pixel: {@code scores[i][c]}, {@code targets[i][c]} (0/1) and {@code unlabeled[i]} (may be
     * null), the layout of scikit-learn's multilabel {@code y_score}/{@code y_true}.
     *
     * @throws IllegalArgumentException if shapes differ, a target is not 0/1, or a score is NaN
     */
    public MultiLabelRocAccumulator addRows(double[][] scores, int[][] targets, boolean[] unlabeled) {
        int n = scores.length;
        if (targets.length != n || (unlabeled != null && unlabeled.length != n)) {
            throw new IllegalArgumentException("need " + n + " target rows and mask entries, got " + targets.length
                    + " and " + (unlabeled == null ? "no mask" : unlabeled.length));
        }
        float[][] s = new float[classes][n];
        byte[][] t = new byte[classes][n];
        byte[] u = new byte[n];
        for (int i = 0; i < n; i++) {
            if (scores[i].length != classes || targets[i].length != classes) {
                throw new IllegalArgumentException("pixel " + i + " has " + scores[i].length + " scores and "
                        + targets[i].length + " targets, expected " + classes);
            }
            for (int c = 0; c < classes; c++) {
                s[c][i] = (float) scores[i][c];
                t[c][i] = (byte) targets[i][c];
                if (targets[i][c] != 0 && targets[i][c] != 1) {
                    throw new IllegalArgumentException("class " + c + " target at pixel " + i + " is "
                            + targets[i][c] + "; targets must be 0 or 1");
                }
            }
            u[i] = (byte) (unlabeled != null && unlabeled[i] ? 1 : 0);
        }
        return add(s, t, u);
    }

    /**
     * Adds rasters: {@code scores} with one float band per class, {@code targets} with one 0/1 band per class, and
     * an optional one-band {@code unlabeled} mask (non-zero = excluded).
     *
     * @throws IllegalArgumentException if sizes or band counts differ, or types do not fit
     */
    public MultiLabelRocAccumulator add(Raster scores, Raster targets, Raster unlabeled) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(targets, "targets");
        if (scores.bands() != classes || targets.bands() != classes) {
            throw new IllegalArgumentException("need " + classes + " bands of scores and targets, got "
                    + scores.bands() + " and " + targets.bands());
        }
        sameSize(scores, targets, "targets");
        if (unlabeled != null) {
            sameSize(scores, unlabeled, "unlabeled mask");
        }
        if (!(targets instanceof ByteRaster tb)) {
            throw new IllegalArgumentException("targets must be 8-bit, got " + targets.dataType().id());
        }
        float[][] s = new float[classes][];
        byte[][] t = new byte[classes][];
        for (int c = 0; c < classes; c++) {
            s[c] = switch (scores) {
                case FloatRaster f -> f.unsafeBandArray(c);
                case DoubleRaster d -> {
                    double[] a = d.unsafeBandArray(c);
                    float[] out = new float[a.length];
                    for (int i = 0; i < a.length; i++) {
                        out[i] = (float) a[i];
                    }
                    yield out;
                }
                default -> throw new IllegalArgumentException("scores must be float32 or float64, got "
                        + scores.dataType().id());
            };
            t[c] = tb.unsafeBandArray(c);
        }
        byte[] u = null;
        if (unlabeled != null) {
            if (!(unlabeled instanceof ByteRaster ub)) {
                throw new IllegalArgumentException("the unlabeled mask must be 8-bit, got " + unlabeled.dataType().id());
            }
            u = ub.unsafeBandArray(0);
        }
        return add(s, t, u);
    }

    private static void sameSize(Raster a, Raster b, String what) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("scores are " + a.width() + "x" + a.height() + " pixels but the " + what
                    + " is " + b.width() + "x" + b.height());
        }
    }

    private void put(int c, float score, boolean positive) {
        if (score == 0) {
            score = 0f;   // -0.0 and 0.0 are one score (one tie group)
        }
        if (bins == 0) {
            if (positive) {
                if (posN[c] == pos[c].length) {
                    pos[c] = Arrays.copyOf(pos[c], grow(pos[c].length));
                }
                pos[c][posN[c]++] = score;
            } else {
                if (negN[c] == neg[c].length) {
                    neg[c] = Arrays.copyOf(neg[c], grow(neg[c].length));
                }
                neg[c][negN[c]++] = score;
            }
        } else {
            int b = bin(score);
            if (positive) {
                posHist[c][b]++;
            } else {
                negHist[c][b]++;
            }
        }
    }

    private static int grow(int n) {
        if (n >= Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more than 2^31 scores for one class: use MultiLabelRocAccumulator.binned");
        }
        return (int) Math.min(Integer.MAX_VALUE - 8L, n * 2L);
    }

    private int bin(float s) {
        double v = s <= 0 ? 0 : s >= 1 ? 1 : s;
        return (int) Math.round(v * (bins - 1));
    }

    /**
     * Adds what another accumulator holds.
     *
     * @throws IllegalArgumentException if classes or mode differ
     */
    public MultiLabelRocAccumulator merge(MultiLabelRocAccumulator other) {
        if (other.classes != classes || other.bins != bins) {
            throw new IllegalArgumentException("cannot merge ROC accumulators with " + classes + " classes/" + bins
                    + " bins and " + other.classes + " classes/" + other.bins + " bins");
        }
        for (int c = 0; c < classes; c++) {
            if (bins == 0) {
                for (int i = 0; i < other.posN[c]; i++) {
                    put(c, other.pos[c][i], true);
                }
                for (int i = 0; i < other.negN[c]; i++) {
                    put(c, other.neg[c][i], false);
                }
            } else {
                for (int b = 0; b < bins; b++) {
                    posHist[c][b] += other.posHist[c][b];
                    negHist[c][b] += other.negHist[c][b];
                }
            }
        }
        return this;
    }

    /** Per-class AUC and average precision of everything added so far. */
    public MultiLabelRoc result() {
        List<ClassRoc> out = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            long[][] groups = bins == 0 ? exactGroups(c) : binnedGroups(c);
            out.add(score(c, groups[0], groups[1]));
        }
        return new MultiLabelRoc(out);
    }

    /** Tie groups in decreasing score order: positives and negatives per distinct score. */
    private long[][] exactGroups(int c) {
        float[] p = Arrays.copyOf(pos[c], posN[c]);
        float[] q = Arrays.copyOf(neg[c], negN[c]);
        Arrays.sort(p);
        Arrays.sort(q);
        long[] gp = new long[p.length + q.length];
        long[] gn = new long[p.length + q.length];
        int i = p.length - 1;
        int j = q.length - 1;
        int g = 0;
        while (i >= 0 || j >= 0) {
            float s = i < 0 ? q[j] : j < 0 ? p[i] : Math.max(p[i], q[j]);
            long a = 0;
            long b = 0;
            while (i >= 0 && p[i] == s) {
                a++;
                i--;
            }
            while (j >= 0 && q[j] == s) {
                b++;
                j--;
            }
            gp[g] = a;
            gn[g] = b;
            g++;
        }
        return new long[][] {Arrays.copyOf(gp, g), Arrays.copyOf(gn, g)};
    }

    private long[][] binnedGroups(int c) {
        long[] gp = new long[bins];
        long[] gn = new long[bins];
        int g = 0;
        for (int b = bins - 1; b >= 0; b--) {
            if (posHist[c][b] != 0 || negHist[c][b] != 0) {
                gp[g] = posHist[c][b];
                gn[g] = negHist[c][b];
                g++;
            }
        }
        return new long[][] {Arrays.copyOf(gp, g), Arrays.copyOf(gn, g)};
    }

    /** AUC (ties 1/2) and average precision from tie groups in decreasing score order. */
    static ClassRoc score(int c, long[] gp, long[] gn) {
        long p = 0;
        long n = 0;
        for (int g = 0; g < gp.length; g++) {
            p += gp[g];
            n += gn[g];
        }
        String reason = p == 0 && n == 0 ? "no labelled pixels"
                : p == 0 ? "no positive pixels" : n == 0 ? "no negative pixels" : null;
        double auc = Double.NaN;
        if (reason == null) {
            // walk from the highest score: each positive beats the negatives below it, ties count 1/2
            double wins = 0;
            long negBelow = n;
            for (int g = 0; g < gp.length; g++) {
                negBelow -= gn[g];
                wins += gp[g] * (negBelow + gn[g] / 2.0);
            }
            auc = wins / ((double) p * n);
        }
        double ap = Double.NaN;
        if (p > 0) {
            double tp = 0;
            double fp = 0;
            double prevRecall = 0;
            ap = 0;
            for (int g = 0; g < gp.length; g++) {
                tp += gp[g];
                fp += gn[g];
                double recall = tp / p;
                ap += (recall - prevRecall) * (tp / (tp + fp));
                prevRecall = recall;
            }
        }
        return new ClassRoc(c, p, n, auc, ap, reason);
    }

    @Override
    public String toString() {
        return "MultiLabelRocAccumulator[" + classes + " classes, " + (bins == 0 ? "exact" : bins + " bins") + "]";
    }
}
