package org.landcover4j.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * Per-image (sample-wise) aggregation: metrics computed on each image's own confusion matrix, then averaged over
 * images. This is what torchmetrics {@code segmentation.MeanIoU} and SMP's {@code *-imagewise} reductions do; it
 * differs from the dataset-level metrics of a pooled {@link ConfusionMatrix} (METRICS.md case PIX1: dataset mIoU
 * 0.6263, mean of per-image mIoU 0.5764, torchmetrics MeanIoU 0.5806).
 *
 * <p>Per image, a class with union 0 (absent from both the image's reference and prediction) has no IoU and is
 * skipped. Reported means:
 * <ul>
 *   <li>{@link #meanOfImageMeanIoU()}: the mean over images of each image's mIoU (over its defined classes);</li>
 *   <li>{@link #meanIoUOverImageClassPairs()}: the mean over every defined (image, class) pair (torchmetrics
 *       {@code MeanIoU(per_class=False)});</li>
 *   <li>{@link #perClassMeanIoU()}: per class, the mean over images where it is defined (torchmetrics
 *       {@code per_class=True}; NaN, not -1, for a class absent everywhere);</li>
 *   <li>the same for F1 (Dice) and the mean of per-image overall accuracy.</li>
 * </ul>
 * Images with no counted pixel contribute nothing. The state is sums and counts, so accumulators merge exactly
 * (associative and commutative).
 *
 * <p>Thread safety: not thread-safe; one per thread, then {@link #merge(PerImageAccumulator)}.
 *
 * {@snippet :
 * var perImage = PerImageAccumulator.forClasses(0, 1, 2);
 * for (var pair : pairs) {
 *     perImage.add(ConfusionAccumulator.forClasses(0, 1, 2).add(pair.reference(), pair.prediction()).result());
 * }
 * perImage.meanOfImageMeanIoU();
 * }
 */
public final class PerImageAccumulator {
    private final int[] classes;
    private final double[] iouSum;
    private final long[] iouN;
    private final double[] f1Sum;
    private final long[] f1N;
    private double imageMiouSum;
    private long imageMiouN;
    private double imageF1Sum;
    private long imageF1N;
    private double oaSum;
    private long images;

    private PerImageAccumulator(int[] classes) {
        this.classes = classes.clone();
        if (Arrays.stream(classes).distinct().count() != classes.length) {
            throw new IllegalArgumentException("class values must be distinct: " + Arrays.toString(classes));
        }
        int k = classes.length;
        iouSum = new double[k];
        iouN = new long[k];
        f1Sum = new double[k];
        f1N = new long[k];
    }

    /** An accumulator over the given class values. */
    public static PerImageAccumulator forClasses(int... classValues) {
        return new PerImageAccumulator(classValues);
    }

    /**
     * Adds one image's confusion matrix.
     *
     * @throws IllegalArgumentException if the matrix has a class this accumulator lacks
     */
    public PerImageAccumulator add(ConfusionMatrix image) {
        int k = classes.length;
        int[] pos = new int[image.size()];
        for (int i = 0; i < image.size(); i++) {
            pos[i] = -1;
            for (int c = 0; c < k; c++) {
                if (classes[c] == image.classValue(i)) {
                    pos[i] = c;
                }
            }
            if (pos[i] < 0 && (image.referenceTotal(i) > 0 || image.predictedTotal(i) > 0)) {
                throw new IllegalArgumentException("the image has class " + image.classValue(i)
                        + ", which is not in the class set " + Arrays.toString(classes));
            }
        }
        if (image.total() == 0) {
            return this;
        }
        images++;
        oaSum += image.overallAccuracy();
        double miou = 0;
        int nIou = 0;
        double mf1 = 0;
        int nF1 = 0;
        for (int i = 0; i < image.size(); i++) {
            if (pos[i] < 0) {
                continue;
            }
            ClassMetrics m = image.classMetrics(i);
            if (!Double.isNaN(m.iou())) {
                iouSum[pos[i]] += m.iou();
                iouN[pos[i]]++;
                miou += m.iou();
                nIou++;
            }
            if (!Double.isNaN(m.f1())) {
                f1Sum[pos[i]] += m.f1();
                f1N[pos[i]]++;
                mf1 += m.f1();
                nF1++;
            }
        }
        if (nIou > 0) {
            imageMiouSum += miou / nIou;
            imageMiouN++;
        }
        if (nF1 > 0) {
            imageF1Sum += mf1 / nF1;
            imageF1N++;
        }
        return this;
    }

    /**
     * Adds everything another accumulator over the same classes holds.
     *
     * @throws IllegalArgumentException if the class lists differ
     */
    public PerImageAccumulator merge(PerImageAccumulator other) {
        if (!Arrays.equals(classes, other.classes)) {
            throw new IllegalArgumentException("cannot merge per-image accumulators over different classes: "
                    + Arrays.toString(classes) + " and " + Arrays.toString(other.classes));
        }
        for (int c = 0; c < classes.length; c++) {
            iouSum[c] += other.iouSum[c];
            iouN[c] += other.iouN[c];
            f1Sum[c] += other.f1Sum[c];
            f1N[c] += other.f1N[c];
        }
        imageMiouSum += other.imageMiouSum;
        imageMiouN += other.imageMiouN;
        imageF1Sum += other.imageF1Sum;
        imageF1N += other.imageF1N;
        oaSum += other.oaSum;
        images += other.images;
        return this;
    }

    /** Images added that had at least one counted pixel. */
    public long images() {
        return images;
    }

    /** The class values (a copy). */
    public int[] classes() {
        return classes.clone();
    }

    /** Mean over images of each image's mIoU (over the classes defined in that image). */
    public double meanOfImageMeanIoU() {
        return Fmt.ratio(imageMiouSum, imageMiouN);
    }

    /** Mean over images of each image's macro F1. */
    public double meanOfImageMacroF1() {
        return Fmt.ratio(imageF1Sum, imageF1N);
    }

    /** Mean over images of each image's overall accuracy. */
    public double meanOfImageOverallAccuracy() {
        return Fmt.ratio(oaSum, images);
    }

    /** Mean IoU over every (image, class) pair where the class was present (torchmetrics MeanIoU). */
    public double meanIoUOverImageClassPairs() {
        return Fmt.ratio(Arrays.stream(iouSum).sum(), Arrays.stream(iouN).sum());
    }

    /** Per class, the mean IoU over images where the class was present; NaN for a class absent everywhere. */
    public double[] perClassMeanIoU() {
        double[] out = new double[classes.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = Fmt.ratio(iouSum[c], iouN[c]);
        }
        return out;
    }

    /** Per class, the mean F1 over images where the class was present. */
    public double[] perClassMeanF1() {
        double[] out = new double[classes.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = Fmt.ratio(f1Sum[c], f1N[c]);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PerImageAccumulator[%d images, mean of image mIoU %s, mean over"
                + " (image, class) pairs %s, mean of image OA %s]", images, Fmt.num(meanOfImageMeanIoU()),
                Fmt.num(meanIoUOverImageClassPairs()), Fmt.num(meanOfImageOverallAccuracy()));
    }
}
