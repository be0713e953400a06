package org.landcover4j.metrics;

/**
 * A per-class metric that can be macro-averaged with {@link ConfusionMatrix#macro(PerClassMetric, AbsentClassPolicy)}.
 *
 * {@snippet :
 * MacroAverage f1 = cm.macro(PerClassMetric.F1, AbsentClassPolicy.EXCLUDE);
 * }
 */
public enum PerClassMetric {
    /** Intersection over union (Jaccard): TP / (TP + FP + FN). */
    IOU,
    /** F1 = Dice: 2 TP / (2 TP + FP + FN). */
    F1,
    /** Precision = user's accuracy: TP / (TP + FP). */
    PRECISION,
    /** Recall = producer's accuracy: TP / (TP + FN). */
    RECALL;

    double of(ClassMetrics m) {
        return switch (this) {
            case IOU -> m.iou();
            case F1 -> m.f1();
            case PRECISION -> m.precision();
            case RECALL -> m.recall();
        };
    }
}
