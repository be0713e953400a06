package org.landcover4j.metrics.area;

import java.util.Locale;

/**
 * A design-based estimate with its standard error and a normal-approximation confidence interval.
 *
 * <p>The interval is {@code value ± z * standardError}; {@code z} comes from {@link EstimationOptions} (1.96 by
 * default, as in Olofsson et al. 2014). NaN means undefined: a ratio whose denominator estimate is 0, or a
 * standard error from a stratum with a single sample unit.
 *
 * {@snippet :
 * Estimate oa = estimate.overallAccuracy();
 * oa.value();       // 0.9465
 * oa.halfWidth();   // 0.0185 at z = 1.96
 * }
 *
 * @param value         the estimate
 * @param standardError its estimated standard error
 * @param z             the normal quantile of the interval
 */
public record Estimate(double value, double standardError, double z) {

    /** Checks that z is positive and the standard error is not negative. */
    public Estimate {
        if (!(z > 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("z must be positive and finite, got " + z);
        }
        if (standardError < 0) {
            throw new IllegalArgumentException("standardError must be >= 0, got " + standardError);
        }
    }

    /** Half the width of the confidence interval: z times the standard error. */
    public double halfWidth() {
        return z * standardError;
    }

    /** Lower bound of the confidence interval. */
    public double lower() {
        return value - halfWidth();
    }

    /** Upper bound of the confidence interval. */
    public double upper() {
        return value + halfWidth();
    }

    /** The estimate and standard error multiplied by a constant (for example a total area). */
    public Estimate times(double factor) {
        return new Estimate(value * factor, standardError * Math.abs(factor), z);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6g ± %.6g (SE %.6g)", value, halfWidth(), standardError);
    }
}
