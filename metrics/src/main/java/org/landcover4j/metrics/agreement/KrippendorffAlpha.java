package org.landcover4j.metrics.agreement;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.landcover4j.metrics.consensus.Annotations;
import org.landcover4j.metrics.consensus.LabelTuples;

/**
 * Krippendorff's alpha reliability coefficient, any number of coders, missing ratings allowed, for nominal,
 * ordinal, interval and ratio data.
 *
 * <p>Coincidence-matrix form (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"): over units with
 * at least 2 values, {@code o_ck = sum_u (n_uc n_uk - [c = k] n_uc) / (m_u - 1)}; {@code n_c = sum_k o_ck};
 * {@code n = sum_c n_c}; {@code D_o = sum o_ck delta_ck / n}; {@code D_e = sum n_c n_k delta_ck / (n (n - 1))};
 * {@code alpha = 1 - D_o / D_e}. Differences {@code delta_ck}: nominal {@code [c != k]}; interval
 * {@code (c - k)^2}; ordinal {@code (sum_{g=c..k} n_g - (n_c + n_k)/2)^2} over values in increasing order;
 * ratio {@code ((c - k)/(c + k))^2}. Land cover is nominal, the default here (the Python package
 * fast-krippendorff defaults to interval, a common pitfall). Undefined (NaN) when there is no pairable value or
 * no variation ({@code D_e = 0}).
 *
 * <p>From {@link Annotations}: units are pixels, values the class values, a missing label is a missing rating.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * double[][] ratings = {{1, 2, 3, Double.NaN}, {1, 2, 3, 3}};   // coders x units, NaN = missing
 * KrippendorffAlpha.ofRatings(ratings, KrippendorffAlpha.Level.NOMINAL).alpha();
 * KrippendorffAlpha.of(annotations).alpha();                    // nominal, over pixels
 * }
 *
 * @param alpha                  the coefficient
 * @param level                  level of measurement
 * @param observedDisagreement   D_o
 * @param expectedDisagreement   D_e
 * @param pairableValues         n, the values in units with at least 2 values
 * @param units                  units with at least 2 values
 */
public record KrippendorffAlpha(double alpha, Level level, double observedDisagreement, double expectedDisagreement,
                                double pairableValues, long units) {

    /** Validates the level. */
    public KrippendorffAlpha {
        Objects.requireNonNull(level, "level");
    }

    /** Level of measurement, which chooses the difference function. */
    public enum Level {
        /** Categories without order: any two different values differ by 1. */
        NOMINAL,
        /** Ranked values: differences from the marginal counts between them. */
        ORDINAL,
        /** Squared differences of the values. */
        INTERVAL,
        /** Squared relative differences {@code ((c - k)/(c + k))^2}. */
        RATIO
    }

    /** Nominal alpha over the annotations' pixels. */
    public static KrippendorffAlpha of(Annotations annotations) {
        return of(annotations, Level.NOMINAL);
    }

    /** Alpha over the annotations' pixels, class values as the values. */
    public static KrippendorffAlpha of(Annotations annotations, Level level) {
        Objects.requireNonNull(annotations, "annotations");
        Objects.requireNonNull(level, "level");
        LabelTuples t = annotations.tuples();
        int k = annotations.classes();
        double[] values = new double[k];
        for (int c = 0; c < k; c++) {
            values[c] = annotations.classValue(c);
        }
        Coincidence co = new Coincidence(k);
        long[] counts = new long[k];
        for (int u = 0; u < t.size(); u++) {
            Arrays.fill(counts, 0);
            for (int a = 0; a < t.annotators(); a++) {
                int y = t.label(u, a);
                if (y >= 0) {
                    counts[y]++;
                }
            }
            co.addUnit(counts, t.count(u));
        }
        return co.alpha(values, level);
    }

    /**
     * Alpha from a units x values count table: {@code counts[u][c]} = how many coders gave unit u the value
     * {@code values[c]}.
     *
     * @throws IllegalArgumentException on ragged rows, negative counts, or values not strictly increasing
     */
    public static KrippendorffAlpha ofCounts(long[][] counts, double[] values, Level level) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(level, "level");
        int k = values.length;
        for (int c = 1; c < k; c++) {
            if (!(values[c] > values[c - 1])) {
                throw new IllegalArgumentException("values must be strictly increasing, got " + Arrays.toString(values));
            }
        }
        Coincidence co = new Coincidence(k);
        for (int u = 0; u < counts.length; u++) {
            if (counts[u].length != k) {
                throw new IllegalArgumentException("unit " + u + " has " + counts[u].length + " counts for " + k
                        + " values");
            }
            for (long c : counts[u]) {
                if (c < 0) {
                    throw new IllegalArgumentException("unit " + u + " has a negative count " + c);
                }
            }
            co.addUnit(counts[u], 1);
        }
        return co.alpha(values.clone(), level);
    }

    /**
     * Alpha from reliability data: {@code ratings[coder][unit]}, NaN for a missing rating.
     *
     * @throws IllegalArgumentException on ragged rows or infinite values
     */
    public static KrippendorffAlpha ofRatings(double[][] ratings, Level level) {
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(level, "level");
        if (ratings.length == 0) {
            throw new IllegalArgumentException("no coders");
        }
        int units = ratings[0].length;
        TreeSet<Double> distinct = new TreeSet<>();
        for (int c = 0; c < ratings.length; c++) {
            if (ratings[c].length != units) {
                throw new IllegalArgumentException("coder " + c + " rated " + ratings[c].length + " units, coder 0 rated "
                        + units);
            }
            for (double v : ratings[c]) {
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("coder " + c + " has an infinite rating");
                }
                if (!Double.isNaN(v)) {
                    distinct.add(v == 0.0 ? 0.0 : v);
                }
            }
        }
        double[] values = distinct.stream().mapToDouble(Double::doubleValue).toArray();
        Coincidence co = new Coincidence(values.length);
        long[] counts = new long[values.length];
        for (int u = 0; u < units; u++) {
            Arrays.fill(counts, 0);
            for (double[] coder : ratings) {
                double v = coder[u];
                if (!Double.isNaN(v)) {
                    counts[Arrays.binarySearch(values, v == 0.0 ? 0.0 : v)]++;
                }
            }
            co.addUnit(counts, 1);
        }
        return co.alpha(values, level);
    }

    /** The coincidence matrix, accumulated unit by unit (units with the same counts added once, weighted). */
    private static final class Coincidence {
        final int k;
        final double[][] o;
        long units;

        Coincidence(int k) {
            this.k = k;
            this.o = new double[k][k];
        }

        void addUnit(long[] counts, long weight) {
            long m = 0;
            for (long c : counts) {
                m += c;
            }
            if (m < 2) {
                return;
            }
            units += weight;
            double f = (double) weight / (m - 1);
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    continue;
                }
                for (int d = 0; d < k; d++) {
                    double pairs = (double) counts[c] * counts[d] - (c == d ? counts[c] : 0);
                    if (pairs != 0) {
                        o[c][d] += f * pairs;
                    }
                }
            }
        }

        KrippendorffAlpha alpha(double[] values, Level level) {
            double[] nc = new double[k];
            double n = 0;
            for (int c = 0; c < k; c++) {
                for (int d = 0; d < k; d++) {
                    nc[c] += o[c][d];
                }
                n += nc[c];
            }
            double dO = 0;
            double dE = 0;
            for (int c = 0; c < k; c++) {
                for (int d = 0; d < k; d++) {
                    if (c == d) {
                        continue;
                    }
                    double delta = delta(level, values, nc, c, d);
                    dO += o[c][d] * delta;
                    dE += nc[c] * nc[d] * delta;
                }
            }
            dO = n == 0 ? Double.NaN : dO / n;
            dE = n <= 1 ? Double.NaN : dE / (n * (n - 1));
            double alpha = Double.isNaN(dO) || Double.isNaN(dE) || dE == 0 ? Double.NaN : 1 - dO / dE;
            return new KrippendorffAlpha(alpha, level, dO, dE, n, units);
        }

        private static double delta(Level level, double[] v, double[] nc, int c, int d) {
            return switch (level) {
                case NOMINAL -> 1.0;
                case INTERVAL -> (v[c] - v[d]) * (v[c] - v[d]);
                case RATIO -> {
                    double s = v[c] + v[d];
                    double r = s == 0 ? 0 : (v[c] - v[d]) / s;
                    yield r * r;
                }
                case ORDINAL -> {
                    int lo = Math.min(c, d);
                    int hi = Math.max(c, d);
                    double s = 0;
                    for (int g = lo; g <= hi; g++) {
                        s += nc[g];
                    }
                    s -= (nc[c] + nc[d]) / 2;
                    yield s * s;
                }
            };
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KrippendorffAlpha[alpha=%.6f, level=%s, D_o=%.6g, D_e=%.6g, n=%.0f, units=%d]",
                alpha, level.name().toLowerCase(Locale.ROOT), observedDisagreement, expectedDisagreement,
                pairableValues, units);
    }
}
