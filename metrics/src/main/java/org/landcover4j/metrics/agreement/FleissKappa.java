package org.landcover4j.metrics.agreement;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.landcover4j.metrics.consensus.Annotations;
import org.landcover4j.metrics.consensus.LabelTuples;

/**
 * Fleiss' kappa (Fleiss 1971) for N subjects each rated by the same number n of raters into k categories, with
 * Randolph's free-marginal variant.
 *
 * <p>{@code p_j = sum_i n_ij / (N n)}; {@code P_i = (sum_j n_ij^2 - n) / (n (n - 1))};
 * {@code P_bar = mean P_i}; {@code P_e = sum p_j^2}; {@code kappa = (P_bar - P_e) / (1 - P_e)}. Randolph:
 * {@code P_e = 1/k}. This is statsmodels' {@code fleiss_kappa(table, method='fleiss'|'randolph')}. Undefined
 * (NaN, JSON null) when {@code P_e = 1}, i.e. every rating falls into one category.
 *
 * <p>From {@link Annotations}: subjects are pixels, categories the class set (k = number of classes). Fleiss'
 * kappa needs the same number of raters per subject, so pixels that some annotator left unlabelled are not
 * counted; {@link #excludedSubjects()} says how many.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * FleissKappa f = FleissKappa.of(new long[][] {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}});
 * f.kappa();
 * }
 *
 * @param kappa                 Fleiss' kappa
 * @param randolphKappa         Randolph's free-marginal kappa
 * @param observedAgreement     P_bar
 * @param expectedAgreement     P_e
 * @param categoryProportions   p_j
 * @param subjects              subjects counted (N)
 * @param raters                raters per subject (n)
 * @param excludedSubjects      subjects left out because not every rater labelled them
 */
public record FleissKappa(double kappa, double randolphKappa, double observedAgreement, double expectedAgreement,
                          double[] categoryProportions, long subjects, int raters, long excludedSubjects) {

    /** Copies the proportions. */
    public FleissKappa {
        categoryProportions = categoryProportions.clone();
    }

    /** A copy of p_j. */
    @Override
    public double[] categoryProportions() {
        return categoryProportions.clone();
    }

    /**
     * Fleiss' kappa of a subjects x categories count table (statsmodels' {@code aggregate_raters} output).
     *
     * @throws IllegalArgumentException if the table is empty, has negative counts, or rows with different sums
     *                                  or fewer than 2 ratings
     */
    public static FleissKappa of(long[][] table) {
        Objects.requireNonNull(table, "table");
        if (table.length == 0 || table[0].length == 0) {
            throw new IllegalArgumentException("the table needs at least one subject and one category");
        }
        int k = table[0].length;
        long n = -1;
        Acc acc = new Acc(k);
        for (int i = 0; i < table.length; i++) {
            long[] row = table[i];
            if (row.length != k) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " categories, row 0 has " + k);
            }
            long s = 0;
            for (int j = 0; j < k; j++) {
                if (row[j] < 0) {
                    throw new IllegalArgumentException("row " + i + " has a negative count " + row[j]);
                }
                s += row[j];
            }
            if (n < 0) {
                n = s;
                if (n < 2) {
                    throw new IllegalArgumentException("Fleiss' kappa needs at least 2 ratings per subject; row 0 has " + n);
                }
            } else if (s != n) {
                throw new IllegalArgumentException("Fleiss' kappa needs the same number of raters for every subject: row "
                        + i + " has " + s + " ratings, row 0 has " + n);
            }
            acc.add(row, 1, n);
        }
        return acc.result((int) n, 0);
    }

    /** Fleiss' kappa over the pixels every annotator labelled (categories = the class set). */
    public static FleissKappa of(Annotations annotations) {
        Objects.requireNonNull(annotations, "annotations");
        LabelTuples t = annotations.tuples();
        int n = t.annotators();
        int k = annotations.classes();
        Acc acc = new Acc(k);
        long excluded = 0;
        long[] row = new long[k];
        for (int u = 0; u < t.size(); u++) {
            if (t.labelled(u) < n) {
                excluded += t.count(u);
                continue;
            }
            Arrays.fill(row, 0);
            for (int a = 0; a < n; a++) {
                row[t.label(u, a)]++;
            }
            acc.add(row, t.count(u), n);
        }
        return acc.result(n, excluded);
    }

    /** P_i of one subject: the proportion of agreeing rater pairs. */
    public static double subjectAgreement(long[] counts) {
        long n = 0;
        double sq = 0;
        for (long c : counts) {
            n += c;
            sq += (double) c * c;
        }
        return (sq - n) / ((double) n * (n - 1));
    }

    private static final class Acc {
        final double[] categoryTotals;
        double pSum;
        long subjects;

        Acc(int k) {
            categoryTotals = new double[k];
        }

        void add(long[] row, long weight, long n) {
            for (int j = 0; j < row.length; j++) {
                categoryTotals[j] += (double) weight * row[j];
            }
            pSum += weight * subjectAgreement(row);
            subjects += weight;
        }

        FleissKappa result(int n, long excluded) {
            int k = categoryTotals.length;
            double[] p = new double[k];
            double pe = 0;
            double total = (double) subjects * n;
            for (int j = 0; j < k; j++) {
                p[j] = subjects == 0 ? Double.NaN : categoryTotals[j] / total;
                pe += p[j] * p[j];
            }
            double pBar = subjects == 0 ? Double.NaN : pSum / subjects;
            double kappa = pe == 1 ? Double.NaN : (pBar - pe) / (1 - pe);
            double peR = 1.0 / k;
            double randolph = k == 1 ? Double.NaN : (pBar - peR) / (1 - peR);
            return new FleissKappa(kappa, randolph, pBar, pe, p, subjects, n, excluded);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FleissKappa f && Double.compare(kappa, f.kappa) == 0
                && Double.compare(randolphKappa, f.randolphKappa) == 0
                && Double.compare(observedAgreement, f.observedAgreement) == 0
                && Double.compare(expectedAgreement, f.expectedAgreement) == 0
                && Arrays.equals(categoryProportions, f.categoryProportions) && subjects == f.subjects
                && raters == f.raters && excludedSubjects == f.excludedSubjects;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kappa, randolphKappa, observedAgreement, expectedAgreement,
                Arrays.hashCode(categoryProportions), subjects, raters, excludedSubjects);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "FleissKappa[kappa=%.6f, randolph=%.6f, P_bar=%.6f, P_e=%.6f, subjects=%d, raters=%d%s]", kappa,
                randolphKappa, observedAgreement, expectedAgreement, subjects, raters,
                excludedSubjects > 0 ? ", excluded=" + excludedSubjects : "");
    }
}
