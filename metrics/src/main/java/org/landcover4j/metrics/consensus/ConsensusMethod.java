package org.landcover4j.metrics.consensus;

/**
 * The consensus models of this package.
 *
 * {@snippet :
 * ConsensusMethod m = ConsensusMethod.fromId("dawid-skene");   // DAWID_SKENE
 * }
 */
public enum ConsensusMethod {
    /** Accuracy-weighted vote (LandCoverNet's Bayesian model averaging), {@link WeightedVote#of}. */
    WEIGHTED_VOTE("weighted-vote"),
    /** Unweighted majority vote, {@link WeightedVote#majority}. */
    MAJORITY_VOTE("majority-vote"),
    /** Dawid-Skene with a full confusion matrix per annotator, {@link DawidSkene#fit}. */
    DAWID_SKENE("dawid-skene"),
    /** Dawid-Skene with one accuracy per annotator, {@link DawidSkene#fitOneCoin}. */
    ONE_COIN_DAWID_SKENE("one-coin-dawid-skene"),
    /** Binary STAPLE (Warfield et al.) with ITK's conventions, {@link Staple#binary}. */
    STAPLE_BINARY("staple-binary"),
    /** Multi-label STAPLE (Rohlfing et al.) with ITK's conventions, {@link Staple#multiLabel}. */
    STAPLE("staple");

    private final String id;

    ConsensusMethod(String id) {
        this.id = id;
    }

    /** The command-line name, e.g. {@code "weighted-vote"}. */
    public String id() {
        return id;
    }

    /**
     * The method with this command-line name.
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static ConsensusMethod fromId(String id) {
        for (ConsensusMethod m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (ConsensusMethod m : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(m.id);
        }
        throw new IllegalArgumentException("unknown consensus method '" + id + "'; expected one of: " + sb);
    }
}
