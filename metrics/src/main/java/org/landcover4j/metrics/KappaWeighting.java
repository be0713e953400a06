package org.landcover4j.metrics;

/**
 * The disagreement weights of Cohen's kappa: {@code w_ij} for reference position {@code i} and predicted position
 * {@code j} in the matrix's class list (positions, not label values, as in scikit-learn and torchmetrics).
 *
 * {@snippet :
 * cm.kappa(KappaWeighting.QUADRATIC);
 * }
 */
public enum KappaWeighting {
    /** Unweighted: {@code w = 1} off the diagonal, 0 on it. */
    NONE,
    /** Linear: {@code w = |i - j|}. */
    LINEAR,
    /** Quadratic: {@code w = (i - j)^2}. */
    QUADRATIC;

    double weight(int i, int j) {
        return switch (this) {
            case NONE -> i == j ? 0 : 1;
            case LINEAR -> Math.abs(i - j);
            case QUADRATIC -> (double) (i - j) * (i - j);
        };
    }
}
