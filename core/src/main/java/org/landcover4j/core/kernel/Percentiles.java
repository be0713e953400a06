package org.landcover4j.core.kernel;

import java.util.Arrays;

/**
 * Percentiles of one band, for a display stretch or a robust range: the requested percents (0..100) and the
 * value at each.
 *
 * <p>Made by {@link Kernels#percentiles(float[], byte[], double...)} and its uint8/uint16 twins, with numpy's
 * default ("linear") definition. A band with no valid sample gives NaN values. Immutable (the arrays are copied
 * in and out) and thread safe.
 *
 * {@snippet :
 * Percentiles p = Kernels.percentiles(red, mask, 2, 98);
 * // Percentiles[p2=312.0, p98=2870.0]
 * double low = p.value(0), high = p.value(1);   // stretch [low, high] to [0, 255]
 * }
 *
 * @param percents the requested percents, each in 0..100
 * @param values   the value at each percent, in the same order
 */
public record Percentiles(double[] percents, double[] values) {

    /** Validates and copies the arrays. */
    public Percentiles {
        if (percents.length != values.length) {
            throw new IllegalArgumentException(percents.length + " percents but " + values.length + " values");
        }
        for (double p : percents) {
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("percents must be in 0..100, got " + p);
            }
        }
        percents = percents.clone();
        values = values.clone();
    }

    /** A copy of the requested percents. */
    @Override
    public double[] percents() {
        return percents.clone();
    }

    /** A copy of the values, one per requested percent. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of percentiles. */
    public int size() {
        return values.length;
    }

    /** The value at the {@code i}-th requested percent. */
    public double value(int i) {
        return values[i];
    }

    /**
     * The value at a requested percent.
     *
     * @throws IllegalArgumentException if {@code percent} was not requested
     */
    public double at(double percent) {
        for (int i = 0; i < percents.length; i++) {
            if (percents[i] == percent) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("percent " + percent + " was not computed; have "
                + Arrays.toString(percents));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Percentiles p && Arrays.equals(percents, p.percents) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(percents) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Percentiles[");
        for (int i = 0; i < percents.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            double p = percents[i];
            sb.append('p').append(p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p))
                    .append('=').append(values[i]);
        }
        return sb.append(']').toString();
    }

    /** Linear interpolation between two order statistics; an infinity at either end wins. */
    static double interpolate(double lo, double hi, double t) {
        if (lo == hi || t == 0) {
            return lo;
        }
        if (Double.isInfinite(lo)) {
            return lo;
        }
        if (Double.isInfinite(hi)) {
            return hi;
        }
        return lo + (hi - lo) * t;
    }

    /** Exact percentiles from a histogram whose index is the sample value. */
    static Percentiles fromHistogram(long[] counts, double[] percents) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double[] values = new double[percents.length];
        for (int k = 0; k < percents.length; k++) {
            if (n == 0) {
                values[k] = Double.NaN;
                continue;
            }
            double h = (n - 1) * (percents[k] / 100.0);
            long lo = (long) Math.floor(h);
            long hi = Math.min(lo + 1, n - 1);
            values[k] = interpolate(orderStatistic(counts, lo), orderStatistic(counts, hi), h - lo);
        }
        return new Percentiles(percents, values);
    }

    /** The value of the {@code rank}-th smallest sample (0-based) of a histogram. */
    private static int orderStatistic(long[] counts, long rank) {
        long seen = 0;
        for (int v = 0; v < counts.length; v++) {
            seen += counts[v];
            if (seen > rank) {
                return v;
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + seen + " samples");
    }
}
