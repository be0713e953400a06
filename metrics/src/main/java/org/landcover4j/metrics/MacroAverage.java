package org.landcover4j.metrics;

/**
 * A macro average of a per-class metric, with how many classes took part.
 *
 * <p>{@code definedClasses} counts classes whose value was defined (not 0/0); with
 * {@link AbsentClassPolicy#EXCLUDE} they are the classes averaged. {@code value} is NaN when no class was defined.
 *
 * {@snippet :
 * var m = cm.macro(PerClassMetric.IOU, AbsentClassPolicy.EXCLUDE);
 * m.value();           // 0.3693
 * m.definedClasses();  // 4 of m.classes() = 5
 * }
 *
 * @param metric         the metric averaged
 * @param policy         what was done with undefined classes
 * @param value          the mean, NaN when undefined
 * @param definedClasses classes with a defined value
 * @param classes        classes in the matrix
 */
public record MacroAverage(PerClassMetric metric, AbsentClassPolicy policy, double value, int definedClasses,
                           int classes) {

    /** Validates the counts. */
    public MacroAverage {
        if (definedClasses < 0 || definedClasses > classes) {
            throw new IllegalArgumentException("definedClasses must be 0.." + classes + ", got " + definedClasses);
        }
    }

    static MacroAverage of(PerClassMetric metric, AbsentClassPolicy policy, double[] perClass) {
        int defined = 0;
        double sum = 0;
        int n = 0;
        boolean anyUndefined = false;
        for (double v : perClass) {
            if (Double.isNaN(v)) {
                anyUndefined = true;
                switch (policy) {
                    case ZERO -> n++;
                    case ONE -> {
                        sum += 1;
                        n++;
                    }
                    default -> { }
                }
            } else {
                defined++;
                sum += v;
                n++;
            }
        }
        double value = (policy == AbsentClassPolicy.NAN && anyUndefined) || n == 0 ? Double.NaN : sum / n;
        return new MacroAverage(metric, policy, value, defined, perClass.length);
    }

    @Override
    public String toString() {
        return "macro " + metric.name().toLowerCase(java.util.Locale.ROOT) + " " + Fmt.num(value) + " ("
                + definedClasses + "/" + classes + " classes defined, " + policy + ")";
    }
}
