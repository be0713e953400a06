package org.landcover4j.core.split;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;

/**
 * Random split by ratio in which whole groups move together, so that no group straddles splits: OpenEarthMap by
 * region, SEN12MS by scene or season, OpenSentinelMap and LandCoverNet by MGRS tile ({@link GroupKeys}).
 *
 * <p>A group with key {@code g} goes to {@code ratios.splitOf(SplitHash.unit(seed, g))}; every sample takes its
 * group's split. The assignment is reproducible for a seed and stable when samples or groups are added. The ratios
 * hold for the number of <em>groups</em> up to binomial noise; sample counts also depend on group sizes.
 *
 * <p>Too few groups for the ratios is an error: the smallest non-empty split of share {@code p} needs at least
 * {@code ceil(1/p)} groups (10 for 7:1:2) to expect one group. A sample without a group key is an error naming
 * the sample.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * var byRegion = GroupedSplit.of(Ratios.parse("6:1:3")).seed(7);
 * SplitAssignment a = byRegion.assign(ids, GroupKeys.named("region"));   // "aachen_12" -> "aachen"
 * byRegion.splitOfGroup("aachen");                                       // every aachen_* sample's split
 * }
 */
public final class GroupedSplit {
    private final Ratios ratios;
    private final long seed;

    private GroupedSplit(Ratios ratios, long seed) {
        this.ratios = Objects.requireNonNull(ratios, "ratios");
        this.seed = seed;
    }

    /** A grouped split with these ratios and seed 0. */
    public static GroupedSplit of(Ratios ratios) {
        return new GroupedSplit(ratios, 0);
    }

    /** The same split with another seed. */
    public GroupedSplit seed(long seed) {
        return new GroupedSplit(ratios, seed);
    }

    /** The ratios. */
    public Ratios ratios() {
        return ratios;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** The split of every sample in group {@code key}: a function of (seed, key) only. */
    public Split splitOfGroup(String key) {
        return ratios.splitOf(SplitHash.unit(seed, Objects.requireNonNull(key, "key")));
    }

    /**
     * Assigns ids whose group key is derived from the id (for example {@link GroupKeys#named(String)}).
     *
     * @throws IllegalArgumentException if an id has no group key, an id repeats, or there are too few groups
     */
    public SplitAssignment assign(Iterable<String> ids, Function<String, String> groupKey) {
        return assign(ids, Function.identity(), groupKey);
    }

    /**
     * Assigns samples of any type, keeping their order.
     *
     * @param samples  the samples
     * @param id       the sample's id
     * @param groupKey the sample's group key (non-null, non-blank)
     * @throws IllegalArgumentException if a sample has no group key, an id repeats, or there are too few groups
     */
    public <T> SplitAssignment assign(Iterable<T> samples, Function<? super T, String> id,
                                      Function<? super T, String> groupKey) {
        SplitAssignment.Builder b = SplitAssignment.builder();
        Map<String, Split> byGroup = new HashMap<>();
        Function<String, Split> splitOfGroup = this::splitOfGroup;
        for (T t : samples) {
            String sid = Objects.requireNonNull(id.apply(t), () -> "no id for sample " + t);
            String g = groupKey.apply(t);
            if (g == null || g.isBlank()) {
                throw new IllegalArgumentException("sample '" + sid + "' has no group key (got "
                        + (g == null ? "null" : "'" + g + "'") + ")");
            }
            b.add(sid, byGroup.computeIfAbsent(g, splitOfGroup));
        }
        if (!byGroup.isEmpty()) {
            requireEnoughGroups(byGroup.size());
        }
        return b.build();
    }

    /**
     * Assigns dataset sample references by their group ({@link SampleRef#group()}: the SEN12MS scene, the
     * OpenEarthMap region, the MGRS tile, as the reader defines it), keeping their order.
     *
     * @throws IllegalArgumentException if an id repeats or there are too few groups
     */
    public SplitAssignment assignRefs(Collection<SampleRef> refs) {
        return assign(refs, SampleRef::id, SampleRef::group);
    }

    /** Checks that {@code groups} groups can be expected to fill the smallest non-empty split. */
    void requireEnoughGroups(int groups) {
        Split smallest = ratios.smallestSplit();
        double p = ratios.fraction(smallest);
        long needed = (long) Math.ceil(1 / p - 1e-9);
        if (groups < needed) {
            throw new IllegalArgumentException(groups + (groups == 1 ? " group is" : " groups are")
                    + " too few for ratios " + ratios + ": the " + smallest.id() + " split (share "
                    + String.format(java.util.Locale.ROOT, "%.3g", p) + ") needs at least " + needed + " groups");
        }
    }

    @Override
    public String toString() {
        return "GroupedSplit[" + ratios + ", seed " + seed + "]";
    }
}
