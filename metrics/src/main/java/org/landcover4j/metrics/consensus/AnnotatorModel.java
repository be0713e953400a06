package org.landcover4j.metrics.consensus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What a consensus method learned (or was told) about one annotator.
 *
 * <p>{@code confusion[t][o]} is the probability that the annotator writes class {@code o} when the true class
 * is {@code t}: rows = true class, columns = the annotator's label (the library's "rows = reference"
 * orientation; crowd-kit's {@code errors_} and ITK's matrices are the transpose). Rows sum to 1; a row is NaN
 * when the method has no evidence for that true class. For {@link ConsensusMethod#STAPLE_BINARY} it is the 2x2
 * matrix {@code [[q, 1-q], [1-p, p]]} (p = sensitivity, q = specificity).
 *
 * <p>{@code accuracy}: the given weight for {@link ConsensusMethod#WEIGHTED_VOTE}; the agreement with the
 * consensus for {@link ConsensusMethod#MAJORITY_VOTE} (crowd-kit's {@code skills_}); the skill for one-coin
 * Dawid-Skene; the prior-weighted diagonal {@code sum_c prior_c confusion[c][c]} for Dawid-Skene and STAPLE.
 * {@code agreement}: the fraction of the annotator's labels equal to the consensus label (pixels where the
 * consensus is undecided count as disagreement).
 *
 * <p>Immutable: the matrix is copied in and out.
 *
 * {@snippet :
 * AnnotatorModel m = result.annotators().get(0);
 * double pCorrectForClass2 = m.confusion()[2][2];
 * }
 *
 * @param name      the annotator's name
 * @param labels    pixels (tasks) the annotator labelled
 * @param accuracy  see above
 * @param agreement fraction of the annotator's labels equal to the consensus label
 * @param confusion rows = true class, columns = annotator's label
 */
public record AnnotatorModel(String name, long labels, double accuracy, double agreement, double[][] confusion) {

    /** Validates and copies the matrix. */
    public AnnotatorModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(confusion, "confusion");
        if (labels < 0) {
            throw new IllegalArgumentException("labels must be >= 0, got " + labels);
        }
        double[][] c = new double[confusion.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = confusion[i].clone();
            if (c[i].length != confusion.length) {
                throw new IllegalArgumentException("confusion must be square, row " + i + " has " + c[i].length
                        + " entries for " + confusion.length + " rows");
            }
        }
        confusion = c;
    }

    /** A copy of the confusion matrix (rows = true class, columns = annotator's label). */
    @Override
    public double[][] confusion() {
        double[][] c = new double[confusion.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = confusion[i].clone();
        }
        return c;
    }

    /** P(annotator writes class index {@code observed} | true class index {@code truth}). */
    public double probability(int truth, int observed) {
        return confusion[truth][observed];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnnotatorModel m && name.equals(m.name) && labels == m.labels
                && Double.compare(accuracy, m.accuracy) == 0 && Double.compare(agreement, m.agreement) == 0
                && Arrays.deepEquals(confusion, m.confusion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, labels, accuracy, agreement, Arrays.deepHashCode(confusion));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(": accuracy=").append(fmt(accuracy)).append(", agreement=").append(fmt(agreement))
                .append(", labels=").append(labels).append(", confusion=[");
        for (int i = 0; i < confusion.length; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < confusion[i].length; j++) {
                sb.append(j == 0 ? "" : ", ").append(fmt(confusion[i][j]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.4f", v);
    }
}
