package org.landcover4j.core.split;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;

/**
 * Random split by ratio, decided per sample by a stable hash of its id: reproducible for a seed, and stable when
 * samples are added (an existing sample never changes split).
 *
 * <p>Sample {@code id} goes to {@code ratios.splitOf(SplitHash.unit(seed, id))} (see {@link SplitHash} and
 * {@link Ratios}). Because each sample is placed independently, the split sizes follow the ratios up to binomial
 * noise: for {@code n} samples and share {@code p} the count is within {@code ±3 sqrt(n p (1-p))} of
 * {@code n p} nearly always (for 10,000 samples at 7:1:2, train is 7000 ± 138). Use {@link GroupedSplit} when
 * samples come in groups that must not straddle splits.
 *
 * <p>Immutable and thread-safe; {@link #splitOf(String)} is allocation-free.
 *
 * {@snippet :
 * var globe230k = RandomSplit.of(Ratios.parse("7:1:2")).seed(0);
 * globe230k.splitOf("data_3");                 // TRAIN, VAL or TEST, the same every time
 * SplitAssignment a = globe230k.assign(ids);   // OpenEarthMap: RandomSplit.of(Ratios.parse("6:1:3"))
 * }
 */
public final class RandomSplit {
    private final Ratios ratios;
    private final long seed;

    private RandomSplit(Ratios ratios, long seed) {
        this.ratios = Objects.requireNonNull(ratios, "ratios");
        this.seed = seed;
    }

    /** A random split with these ratios and seed 0. */
    public static RandomSplit of(Ratios ratios) {
        return new RandomSplit(ratios, 0);
    }

    /** The same split with another seed. */
    public RandomSplit seed(long seed) {
        return new RandomSplit(ratios, seed);
    }

    /** The ratios. */
    public Ratios ratios() {
        return ratios;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** The split of sample {@code id}: a function of (seed, id) only. */
    public Split splitOf(String id) {
        return ratios.splitOf(SplitHash.unit(seed, Objects.requireNonNull(id, "id")));
    }

    /**
     * Assigns every id, keeping their order.
     *
     * @throws IllegalArgumentException if an id repeats
     */
    public SplitAssignment assign(Iterable<String> ids) {
        SplitAssignment.Builder b = SplitAssignment.builder();
        for (String id : ids) {
            b.add(id, splitOf(id));
        }
        return b.build();
    }

    /** Assigns samples of any type, keyed by {@code id}, keeping their order. */
    public <T> SplitAssignment assign(Iterable<T> samples, Function<? super T, String> id) {
        SplitAssignment.Builder b = SplitAssignment.builder();
        for (T t : samples) {
            String key = Objects.requireNonNull(id.apply(t), () -> "no id for sample " + t);
            b.add(key, splitOf(key));
        }
        return b.build();
    }

    /** Assigns dataset sample references by their id, keeping their order. */
    public SplitAssignment assignRefs(Collection<SampleRef> refs) {
        return assign(refs, SampleRef::id);
    }

    @Override
    public String toString() {
        return "RandomSplit[" + ratios + ", seed " + seed + "]";
    }
}
