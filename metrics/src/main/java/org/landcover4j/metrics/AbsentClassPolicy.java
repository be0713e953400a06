package org.landcover4j.metrics;

/**
 * What a macro average does with a class whose per-class value is undefined (0/0), typically a class absent from
 * both reference and prediction (IoU, F1) or never predicted (precision) or never in the reference (recall).
 *
 * <p>The libraries disagree (METRICS.md §1.5): mmsegmentation, torchmetrics {@code average='macro'} and
 * scikit-learn with {@code labels=None} leave such classes out ({@link #EXCLUDE}); scikit-learn with
 * {@code labels=range(C), zero_division=0} counts them as 0 ({@link #ZERO}); segmentation_models_pytorch counts
 * them as a perfect 1 by default ({@link #ONE}). landcover4j defaults to {@link #EXCLUDE} and reports how many
 * classes were defined ({@link MacroAverage#definedClasses()}).
 *
 * {@snippet :
 * cm.meanIoU(AbsentClassPolicy.EXCLUDE);   // 0.3693 on METRICS.md case CM2
 * cm.meanIoU(AbsentClassPolicy.ZERO);      // 0.2955
 * }
 */
public enum AbsentClassPolicy {
    /** Undefined classes are left out of the mean (nanmean); the default. */
    EXCLUDE,
    /** Undefined classes count as 0. */
    ZERO,
    /** Undefined classes count as 1. */
    ONE,
    /** Any undefined class makes the mean undefined (NaN). */
    NAN
}
