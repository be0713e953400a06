package org.landcover4j.metrics.agreement;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.landcover4j.metrics.consensus.Annotations;
import org.landcover4j.metrics.consensus.LabelTuples;

/**
 * Pairwise pixel agreement: for every pair of annotators, the fraction of the pixels both labelled that carry the
 * same label (the overall accuracy of one annotation against the other, symmetric). OpenEarthMap's "78%
 * inter-annotator agreement" is this number for two annotations of the same images.
 *
 * <p>{@code agreement[i][j]} is NaN when annotators i and j share no labelled pixel; the diagonal is 1.
 * {@code mean} is the unweighted mean over the pairs where it is defined (NaN if none).
 *
 * <p>Immutable: the matrices are copied in and out. Thread-safe.
 *
 * {@snippet :
 * PixelAgreement pa = PixelAgreement.of(Annotations.of(first, second));
 * pa.mean();                 // e.g. 0.78
 * }
 *
 * @param names           annotator names
 * @param agreement       pairwise agreement rates
 * @param comparedPixels  pixels labelled by both annotators of each pair
 * @param mean            mean over defined pairs i &lt; j
 */
public record PixelAgreement(List<String> names, double[][] agreement, long[][] comparedPixels, double mean) {

    /** Validates shapes and copies. */
    public PixelAgreement {
        names = List.copyOf(names);
        int n = names.size();
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(comparedPixels, "comparedPixels");
        if (agreement.length != n || comparedPixels.length != n) {
            throw new IllegalArgumentException("need " + n + "x" + n + " matrices for " + n + " annotators");
        }
        agreement = copy(agreement);
        long[][] c = new long[n][];
        for (int i = 0; i < n; i++) {
            c[i] = comparedPixels[i].clone();
        }
        comparedPixels = c;
    }

    /** Pairwise agreement over the annotations' labelled pixels. */
    public static PixelAgreement of(Annotations annotations) {
        Objects.requireNonNull(annotations, "annotations");
        LabelTuples t = annotations.tuples();
        int n = t.annotators();
        long[][] compared = new long[n][n];
        long[][] same = new long[n][n];
        for (int u = 0; u < t.size(); u++) {
            long w = t.count(u);
            for (int i = 0; i < n; i++) {
                int yi = t.label(u, i);
                if (yi < 0) {
                    continue;
                }
                for (int j = i; j < n; j++) {
                    int yj = t.label(u, j);
                    if (yj >= 0) {
                        compared[i][j] += w;
                        if (yi == yj) {
                            same[i][j] += w;
                        }
                    }
                }
            }
        }
        double[][] agree = new double[n][n];
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                compared[j][i] = compared[i][j];
                double v = compared[i][j] == 0 ? Double.NaN : (double) same[i][j] / compared[i][j];
                agree[i][j] = v;
                agree[j][i] = v;
                if (j > i && !Double.isNaN(v)) {
                    sum += v;
                    pairs++;
                }
            }
        }
        return new PixelAgreement(annotations.names(), agree, compared, pairs == 0 ? Double.NaN : sum / pairs);
    }

    /** A copy of the agreement matrix. */
    @Override
    public double[][] agreement() {
        return copy(agreement);
    }

    /** A copy of the compared-pixel counts. */
    @Override
    public long[][] comparedPixels() {
        long[][] c = new long[comparedPixels.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = comparedPixels[i].clone();
        }
        return c;
    }

    /** Agreement of annotators {@code i} and {@code j}. */
    public double agreement(int i, int j) {
        return agreement[i][j];
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PixelAgreement p && names.equals(p.names) && java.util.Arrays.deepEquals(agreement, p.agreement)
                && java.util.Arrays.deepEquals(comparedPixels, p.comparedPixels) && Double.compare(mean, p.mean) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, java.util.Arrays.deepHashCode(agreement), mean);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "PixelAgreement[mean=%.4f]", mean));
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                sb.append(String.format(Locale.ROOT, "%n  %s vs %s: %.4f of %d pixels", names.get(i), names.get(j),
                        agreement[i][j], comparedPixels[i][j]));
            }
        }
        return sb.toString();
    }
}
