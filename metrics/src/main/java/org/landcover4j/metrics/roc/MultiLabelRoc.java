package org.landcover4j.metrics.roc;

import java.util.List;
import java.util.Locale;

/**
 * Per-class ROC AUC and average precision of a multi-label map, with macro means over the classes where they are
 * defined.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * MultiLabelRoc r = acc.result();
 * r.macroAuc();            // mean over classes with positives and negatives
 * r.definedClasses();
 * }
 *
 * @param classes per-class results, in class order
 */
public record MultiLabelRoc(List<ClassRoc> classes) {

    /** Copies the list. */
    public MultiLabelRoc {
        classes = List.copyOf(classes);
    }

    /** Mean AUC over classes where it is defined (NaN when none is). */
    public double macroAuc() {
        return mean(true);
    }

    /** Mean average precision over classes where it is defined. */
    public double macroAveragePrecision() {
        return mean(false);
    }

    /** Classes whose AUC is defined. */
    public int definedClasses() {
        return (int) classes.stream().filter(ClassRoc::defined).count();
    }

    /** Per-class AUC values (NaN where undefined). */
    public double[] auc() {
        return classes.stream().mapToDouble(ClassRoc::auc).toArray();
    }

    /** Per-class average precision values (NaN where undefined). */
    public double[] averagePrecision() {
        return classes.stream().mapToDouble(ClassRoc::averagePrecision).toArray();
    }

    private double mean(boolean auc) {
        double s = 0;
        int n = 0;
        for (ClassRoc c : classes) {
            double v = auc ? c.auc() : c.averagePrecision();
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "MultiLabelRoc[%d classes, macro AUC %.4f over %d defined, macro AP %.4f]", classes.size(), macroAuc(),
                definedClasses(), macroAveragePrecision()));
        for (ClassRoc c : classes) {
            sb.append("\n  ").append(c);
        }
        return sb.toString();
    }
}
