package org.landcover4j.metrics.roc;

import java.util.Locale;

/**
 * ROC AUC and average precision of one class of a multi-label map.
 *
 * <p>{@code auc} is the Mann-Whitney probability that a positive pixel scores above a negative one, ties counting
 * 1/2 (scikit-learn {@code roc_auc_score}). {@code averagePrecision} is scikit-learn's
 * {@code average_precision_score}: the sum over distinct thresholds of (R_n - R_{n-1}) P_n. When the class has no
 * positive or no negative pixel the AUC is NaN and {@code reason} says why (scikit-learn raises instead); average
 * precision is NaN without positives.
 *
 * {@snippet :
 * ClassRoc c = roc.classes().get(2);
 * if (Double.isNaN(c.auc())) System.out.println(c.reason());   // "no positive pixels"
 * }
 *
 * @param classIndex       the class (band) index
 * @param positives        labelled pixels where the class is present
 * @param negatives        labelled pixels where it is absent ('none' pixels included)
 * @param auc              ROC AUC, NaN when undefined
 * @param averagePrecision PR AUC as average precision, NaN when undefined
 * @param reason           why the AUC is undefined, or {@code null}
 */
public record ClassRoc(int classIndex, long positives, long negatives, double auc, double averagePrecision,
                       String reason) {

    /** Checks the counts. */
    public ClassRoc {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + positives + " and " + negatives);
        }
    }

    /** Whether the AUC is defined. */
    public boolean defined() {
        return reason == null;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "class %d: AUC %s, AP %s (%d positive, %d negative)%s", classIndex,
                fmt(auc), fmt(averagePrecision), positives, negatives, reason == null ? "" : " - " + reason);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.4f", v);
    }
}
