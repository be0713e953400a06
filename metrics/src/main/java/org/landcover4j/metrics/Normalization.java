package org.landcover4j.metrics;

/**
 * How {@link ConfusionMatrix#normalized(Normalization)} divides the cells.
 *
 * <p>A row or column with no pixels gives NaN cells (0/0), not 0 as scikit-learn's {@code nan_to_num} does.
 *
 * {@snippet :
 * double[][] recallMatrix = cm.normalized(Normalization.REFERENCE);   // rows sum to 1
 * }
 */
public enum Normalization {
    /** Divide each row by its reference total (scikit-learn {@code normalize='true'}): the diagonal is recall. */
    REFERENCE,
    /** Divide each column by its prediction total ({@code normalize='pred'}): the diagonal is precision. */
    PREDICTION,
    /** Divide every cell by the grand total ({@code normalize='all'}). */
    ALL
}
