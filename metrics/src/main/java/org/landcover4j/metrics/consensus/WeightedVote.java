package org.landcover4j.metrics.consensus;

import java.util.Arrays;
import java.util.Objects;

/**
 * Accuracy-weighted and unweighted majority vote: LandCoverNet's consensus label and consensus score.
 *
 * <p>LandCoverNet (Alemohammad &amp; Booth 2020, eq. 1) scores each class j of a pixel with
 * {@code P(j) = sum_i P(w_i) * P(j | w_i)}, where {@code P(w_i)} is annotator i's accuracy on expert-labelled
 * tasks and {@code P(j | w_i) = 1} if annotator i chose j. For P to be a distribution the weights are
 * normalised over the annotators who labelled the pixel:
 * {@code P(j) = sum_i acc_i * [l_i = j] / sum_i acc_i}. Label = argmax, consensus score = 100 * max P. This is
 * crowd-kit's {@code MajorityVote(skills=acc)}. Unanimous pixels always score 100.
 *
 * <p>Tie rule: the first class in sorted class order wins (crowd-kit's pandas {@code idxmax}, crowd-kit#108).
 * Weights are summed in ascending order of weight, so the result does not depend on the order in which
 * annotators are listed. Gold labels, if any, are not used here (see {@link ExpertAccuracy} to turn them into
 * accuracies).
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * ConsensusResult r = WeightedVote.of(annotations, 0.92, 0.75, 0.60);
 * r.scores();   // 100 where all three agree, 59 where only the two weaker annotators agree, ...
 * }
 */
public final class WeightedVote {
    private WeightedVote() {
    }

    /**
     * The accuracy-weighted vote.
     *
     * @param accuracies one weight per annotator, each in (0, 1]
     * @throws IllegalArgumentException if the count differs from the annotators or a value is outside (0, 1]
     */
    public static ConsensusResult of(Annotations annotations, double... accuracies) {
        Objects.requireNonNull(annotations, "annotations");
        Objects.requireNonNull(accuracies, "accuracies");
        if (accuracies.length != annotations.annotators()) {
            throw new IllegalArgumentException("got " + accuracies.length + " accuracies " + Arrays.toString(accuracies)
                    + " for " + annotations.annotators() + " annotators " + annotations.names());
        }
        for (int a = 0; a < accuracies.length; a++) {
            double v = accuracies[a];
            if (!(v > 0 && v <= 1)) {
                throw new IllegalArgumentException("the accuracy of " + Support.annotatorName(annotations, a)
                        + " must be in (0, 1], got " + v);
            }
        }
        return vote(annotations, accuracies.clone(), ConsensusMethod.WEIGHTED_VOTE);
    }

    /** The unweighted majority vote: vote shares as posterior, ties to the first class in sorted order. */
    public static ConsensusResult majority(Annotations annotations) {
        Objects.requireNonNull(annotations, "annotations");
        double[] ones = new double[annotations.annotators()];
        Arrays.fill(ones, 1.0);
        return vote(annotations, ones, ConsensusMethod.MAJORITY_VOTE);
    }

    private static ConsensusResult vote(Annotations an, double[] weight, ConsensusMethod method) {
        LabelTuples t = an.tuples();
        int n = t.annotators();
        int k = an.classes();
        // ascending weight order makes the float sums independent of annotator order
        Integer[] order = new Integer[n];
        for (int a = 0; a < n; a++) {
            order[a] = a;
        }
        Arrays.sort(order, (x, y) -> Double.compare(weight[x], weight[y]));
        double[] post = new double[t.size() * k];
        int[] label = new int[t.size()];
        for (int u = 0; u < t.size(); u++) {
            int off = u * k;
            double total = 0;
            for (int i = 0; i < n; i++) {
                int a = order[i];
                int y = t.label(u, a);
                if (y >= 0) {
                    post[off + y] += weight[a];
                    total += weight[a];
                }
            }
            if (total == 0) {
                Arrays.fill(post, off, off + k, Double.NaN);
                label[u] = ConsensusResult.EMPTY;
                continue;
            }
            for (int c = 0; c < k; c++) {
                post[off + c] /= total;
            }
            label[u] = Support.argmaxFirst(post, off, k);
        }
        double[] priors = Support.meanPosterior(t, post, label, k);
        var models = Support.voteModels(an, label, method == ConsensusMethod.WEIGHTED_VOTE ? weight : null);
        return new ConsensusResult(method, an, an.classValues(), post, label, -1, models, priors, 0, true,
                Double.NaN, new double[0]);
    }
}
