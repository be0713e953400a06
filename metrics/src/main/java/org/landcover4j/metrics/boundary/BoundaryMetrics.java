package org.landcover4j.metrics.boundary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Boundary IoU and boundary F-score per class, accumulated over a dataset by {@link BoundaryAccumulator}.
 *
 * <p>Every ratio is NaN when its denominator is 0 (a class without boundary pixels in either map); the means leave
 * such classes out and say how many took part.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * BoundaryMetrics b = acc.result();
 * b.classes().get(0).boundaryIoU();
 * b.meanBoundaryIoU();
 * b.meanBoundaryF1();
 * }
 */
public final class BoundaryMetrics {

    /**
     * The boundary scores of one class.
     *
     * @param value                  class value
     * @param referenceBoundary      |B(G)|: reference boundary pixels
     * @param predictionBoundary     |B(P)|: predicted boundary pixels
     * @param intersection           |B(G) ∩ B(P)|
     * @param predictionContour      predicted contour pixels
     * @param predictionMatched      predicted contour pixels within theta of a reference contour pixel
     * @param referenceContour       reference contour pixels
     * @param referenceMatched       reference contour pixels within theta of a predicted contour pixel
     */
    public record ClassBoundary(int value, long referenceBoundary, long predictionBoundary, long intersection,
                                long predictionContour, long predictionMatched, long referenceContour,
                                long referenceMatched) {

        /** |B(G) ∪ B(P)|. */
        public long union() {
            return referenceBoundary + predictionBoundary - intersection;
        }

        /** Boundary IoU: intersection over union (NaN when the union is empty). */
        public double boundaryIoU() {
            return ratio(intersection, union());
        }

        /** Boundary precision: matched predicted contour pixels over predicted contour pixels. */
        public double boundaryPrecision() {
            return ratio(predictionMatched, predictionContour);
        }

        /** Boundary recall: matched reference contour pixels over reference contour pixels. */
        public double boundaryRecall() {
            return ratio(referenceMatched, referenceContour);
        }

        /**
         * Boundary F-score 2PR/(P+R); 0 when one side has contour pixels and none match, NaN when neither map has
         * a contour of the class.
         */
        public double boundaryF1() {
            double p = boundaryPrecision();
            double r = boundaryRecall();
            if (predictionContour == 0 && referenceContour == 0) {
                return Double.NaN;
            }
            if (Double.isNaN(p) || Double.isNaN(r)) {
                return 0;   // contour on one side only: nothing can match
            }
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "class %d: boundary IoU %.4f (%d/%d), BF %.4f (P %.4f, R %.4f)", value,
                    boundaryIoU(), intersection, union(), boundaryF1(), boundaryPrecision(), boundaryRecall());
        }
    }

    private final List<ClassBoundary> classes;
    private final long images;

    BoundaryMetrics(int[] values, long[][] stats, long images) {
        List<ClassBoundary> list = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            long[] s = stats[i];
            list.add(new ClassBoundary(values[i], s[BoundaryAccumulator.G_B], s[BoundaryAccumulator.P_B],
                    s[BoundaryAccumulator.INTER], s[BoundaryAccumulator.P_CONTOUR], s[BoundaryAccumulator.P_MATCHED],
                    s[BoundaryAccumulator.G_CONTOUR], s[BoundaryAccumulator.G_MATCHED]));
        }
        this.classes = Collections.unmodifiableList(list);
        this.images = images;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    /** Per-class results, in class order. */
    public List<ClassBoundary> classes() {
        return classes;
    }

    /** The result of one class value, or {@code null} when it was never met. */
    public ClassBoundary forClass(int value) {
        for (ClassBoundary c : classes) {
            if (c.value() == value) {
                return c;
            }
        }
        return null;
    }

    /** Images accumulated. */
    public long images() {
        return images;
    }

    /** Mean boundary IoU over classes where it is defined (NaN when none is). */
    public double meanBoundaryIoU() {
        return mean(true);
    }

    /** Mean boundary F-score over classes where it is defined. */
    public double meanBoundaryF1() {
        return mean(false);
    }

    private double mean(boolean iou) {
        double s = 0;
        int n = 0;
        for (ClassBoundary c : classes) {
            double v = iou ? c.boundaryIoU() : c.boundaryF1();
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return ratio(s, n);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "BoundaryMetrics[%d images, %d classes, mean boundary IoU %.4f, mean BF %.4f]", images, classes.size(),
                meanBoundaryIoU(), meanBoundaryF1()));
        for (ClassBoundary c : classes) {
            sb.append("\n  ").append(c);
        }
        return sb.toString();
    }
}
