package org.landcover4j.metrics;

import java.util.Objects;

/**
 * The one-vs-rest scores of one class of a {@link ConfusionMatrix}.
 *
 * <p>Counts are doubles so that weighted matrices fit; for counted matrices they are whole numbers. Every ratio
 * is NaN when its denominator is 0 (the library's one 0/0 policy): IoU and F1 when the class is absent from both
 * reference and prediction, precision when it is never predicted, recall when it is absent from the reference.
 * F1 and F-beta are computed from counts, so they are defined whenever TP + FP + FN &gt; 0 (as in scikit-learn and
 * torchmetrics, unlike mmsegmentation's F-score from P and R).
 *
 * {@snippet :
 * ClassMetrics water = cm.classMetrics(0);
 * water.iou();             // 0.8333
 * water.usersAccuracy();   // = precision
 * water.fBeta(2.0);
 * }
 *
 * @param value     the class's label value
 * @param name      the class's name (the value as text when the matrix has no names)
 * @param tp        true positives: reference and prediction are this class
 * @param fp        false positives: predicted this class, reference another
 * @param fn        false negatives: reference this class, predicted another
 * @param tn        true negatives: neither
 * @param iou       TP / (TP + FP + FN)
 * @param precision TP / (TP + FP), the user's accuracy
 * @param recall    TP / (TP + FN), the producer's accuracy
 * @param f1        2 TP / (2 TP + FP + FN), equal to Dice
 */
public record ClassMetrics(int value, String name, double tp, double fp, double fn, double tn, double iou,
                           double precision, double recall, double f1) {

    /** Validates that counts are non-negative. */
    public ClassMetrics {
        Objects.requireNonNull(name, "name");
        if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
            throw new IllegalArgumentException("counts must be non-negative, got tp=" + tp + " fp=" + fp + " fn=" + fn
                    + " tn=" + tn);
        }
    }

    static ClassMetrics of(int value, String name, double tp, double fp, double fn, double tn) {
        return new ClassMetrics(value, name, tp, fp, fn, tn, Fmt.ratio(tp, tp + fp + fn), Fmt.ratio(tp, tp + fp),
                Fmt.ratio(tp, tp + fn), Fmt.ratio(2 * tp, 2 * tp + fp + fn));
    }

    /** Reference pixels of this class: TP + FN. */
    public double support() {
        return tp + fn;
    }

    /** Pixels predicted as this class: TP + FP. */
    public double predicted() {
        return tp + fp;
    }

    /** Pixels in the union of reference and prediction: TP + FP + FN. */
    public double union() {
        return tp + fp + fn;
    }

    /** Dice coefficient, identical to {@link #f1()}. */
    public double dice() {
        return f1;
    }

    /** User's accuracy, identical to {@link #precision()}. */
    public double usersAccuracy() {
        return precision;
    }

    /** Producer's accuracy, identical to {@link #recall()}. */
    public double producersAccuracy() {
        return recall;
    }

    /** Commission error: 1 - precision (NaN when precision is). */
    public double commission() {
        return 1 - precision;
    }

    /** Omission error: 1 - recall (NaN when recall is). */
    public double omission() {
        return 1 - recall;
    }

    /** Specificity (true negative rate): TN / (TN + FP). */
    public double specificity() {
        return Fmt.ratio(tn, tn + fp);
    }

    /**
     * F-beta from counts: (1 + b^2) TP / ((1 + b^2) TP + b^2 FN + FP); NaN when TP + FP + FN = 0.
     *
     * @throws IllegalArgumentException if {@code beta} is not positive and finite
     */
    public double fBeta(double beta) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
        double b2 = beta * beta;
        return Fmt.ratio((1 + b2) * tp, (1 + b2) * tp + b2 * fn + fp);
    }

    @Override
    public String toString() {
        return name + ": IoU " + Fmt.num(iou) + ", F1 " + Fmt.num(f1) + ", precision " + Fmt.num(precision)
                + ", recall " + Fmt.num(recall) + " (TP " + Fmt.count(tp) + ", FP " + Fmt.count(fp) + ", FN "
                + Fmt.count(fn) + ")";
    }
}
