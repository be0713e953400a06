package org.landcover4j.metrics.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Annotator accuracies measured against expert (gold) labels, as LandCoverNet weighted its annotators.
 *
 * <p>LandCoverNet had an expert label about 540 tasks of 32 x 32 pixels; an annotator's score on a task is the
 * percentage of its pixels that matches the expert, and the annotator's accuracy is computed over all those
 * tasks. Here {@code accuracy = agreeing pixels / compared pixels} over every pixel that both the annotator and
 * the expert labelled (pooled over blocks). With a block size, the mean of the per-block agreement rates is
 * reported too (equal to the pooled rate when every block is fully labelled). The gold labels are those given
 * to {@link Annotations.Builder#gold}.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * var a = Annotations.builder().add("a", ra).add("b", rb).add("c", rc).gold(expert, 0).build();
 * ExpertAccuracy acc = ExpertAccuracy.estimate(a, 32);
 * ConsensusResult r = WeightedVote.of(a, acc.accuracies());
 * }
 *
 * @param annotators one entry per annotator, in input order
 * @param blockSize  side of the square blocks used for per-block scores, 0 when none
 */
public record ExpertAccuracy(List<AnnotatorAccuracy> annotators, int blockSize) {

    /** Validates and copies the list. */
    public ExpertAccuracy {
        annotators = List.copyOf(annotators);
        if (blockSize < 0) {
            throw new IllegalArgumentException("blockSize must be >= 0, got " + blockSize);
        }
    }

    /**
     * One annotator's agreement with the expert.
     *
     * @param name               annotator name
     * @param comparedPixels     pixels labelled by both the annotator and the expert
     * @param agreeingPixels     of those, pixels with the same label
     * @param accuracy           agreeing / compared
     * @param blocks             blocks with at least one compared pixel (0 without blocks)
     * @param meanBlockAccuracy  mean over those blocks of the block's agreement rate (NaN without blocks)
     */
    public record AnnotatorAccuracy(String name, long comparedPixels, long agreeingPixels, double accuracy,
                                    int blocks, double meanBlockAccuracy) {
        /** Validates the counts. */
        public AnnotatorAccuracy {
            Objects.requireNonNull(name, "name");
            if (comparedPixels < 0 || agreeingPixels < 0 || agreeingPixels > comparedPixels) {
                throw new IllegalArgumentException("need 0 <= agreeing <= compared, got " + agreeingPixels + " of "
                        + comparedPixels);
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: accuracy=%.4f (%d of %d pixels)%s", name, accuracy, agreeingPixels,
                    comparedPixels, blocks > 0
                            ? String.format(Locale.ROOT, ", mean over %d blocks=%.4f", blocks, meanBlockAccuracy) : "");
        }
    }

    /** Pooled accuracies against the gold labels, without per-block scores. */
    public static ExpertAccuracy estimate(Annotations annotations) {
        return estimate(annotations, 0);
    }

    /**
     * Accuracies against the gold labels, with per-block scores for square blocks of {@code blockSize} pixels
     * (LandCoverNet: 32); 0 means no blocks.
     *
     * @throws IllegalArgumentException if the annotations have no gold labels, or an annotator labelled none of
     *                                  the expert's pixels (its accuracy cannot be estimated)
     */
    public static ExpertAccuracy estimate(Annotations annotations, int blockSize) {
        Objects.requireNonNull(annotations, "annotations");
        if (blockSize < 0) {
            throw new IllegalArgumentException("blockSize must be >= 0, got " + blockSize);
        }
        if (!annotations.hasGold()) {
            throw new IllegalArgumentException("these annotations have no expert labels; add them with "
                    + "Annotations.builder().gold(expert, unlabeledValue)");
        }
        LabelTuples t = annotations.tuples();
        int n = t.annotators();
        long[] compared = new long[n];
        long[] agreeing = new long[n];
        for (int u = 0; u < t.size(); u++) {
            int g = t.gold(u);
            if (g < 0) {
                continue;
            }
            for (int a = 0; a < n; a++) {
                int y = t.label(u, a);
                if (y >= 0) {
                    compared[a] += t.count(u);
                    if (y == g) {
                        agreeing[a] += t.count(u);
                    }
                }
            }
        }
        long expertPixels = 0;
        for (int u = 0; u < t.size(); u++) {
            expertPixels += t.gold(u) >= 0 ? t.count(u) : 0;
        }
        for (int a = 0; a < n; a++) {
            if (compared[a] == 0) {
                throw new IllegalArgumentException(Support.annotatorName(annotations, a) + " labelled none of the "
                        + expertPixels + " expert-labelled pixels; its accuracy cannot be estimated");
            }
        }
        int[] blocks = new int[n];
        double[] blockMean = new double[n];
        if (blockSize > 0) {
            int h = annotations.height();
            int w = annotations.width();
            long[] bc = new long[n];
            long[] ba = new long[n];
            for (int by = 0; by < h; by += blockSize) {
                for (int bx = 0; bx < w; bx += blockSize) {
                    java.util.Arrays.fill(bc, 0);
                    java.util.Arrays.fill(ba, 0);
                    for (int r = by; r < Math.min(h, by + blockSize); r++) {
                        for (int c = bx; c < Math.min(w, bx + blockSize); c++) {
                            int u = t.tupleOf(r * w + c);
                            int g = t.gold(u);
                            if (g < 0) {
                                continue;
                            }
                            for (int a = 0; a < n; a++) {
                                int y = t.label(u, a);
                                if (y >= 0) {
                                    bc[a]++;
                                    ba[a] += y == g ? 1 : 0;
                                }
                            }
                        }
                    }
                    for (int a = 0; a < n; a++) {
                        if (bc[a] > 0) {
                            blocks[a]++;
                            blockMean[a] += (double) ba[a] / bc[a];
                        }
                    }
                }
            }
        }
        List<AnnotatorAccuracy> out = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            out.add(new AnnotatorAccuracy(annotations.names().get(a), compared[a], agreeing[a],
                    (double) agreeing[a] / compared[a], blocks[a],
                    blocks[a] > 0 ? blockMean[a] / blocks[a] : Double.NaN));
        }
        return new ExpertAccuracy(out, blockSize);
    }

    /** The pooled accuracies in annotator order, ready for {@link WeightedVote#of}. */
    public double[] accuracies() {
        return annotators.stream().mapToDouble(AnnotatorAccuracy::accuracy).toArray();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ExpertAccuracy[blockSize=" + blockSize + "]");
        for (AnnotatorAccuracy a : annotators) {
            sb.append("\n  ").append(a);
        }
        return sb.toString();
    }
}
