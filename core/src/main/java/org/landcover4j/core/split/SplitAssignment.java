package org.landcover4j.core.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;

/**
 * Which split each sample belongs to: an immutable map from sample id to {@link Split}, in a fixed order.
 *
 * <p>The order is the order in which the samples were given (the splitters keep their input order;
 * {@link #sorted()} orders by id). Samples a splitter left out on purpose are listed by {@link #excluded()} with
 * the reason (for example a tile too close to a block of another split); samples kept but worth a look are listed
 * by {@link #flagged()}. Excluded samples have no split.
 *
 * <p>Lookups by id are O(1). Built by the splitters, by {@link #of(Map)} and {@link #official(Map)} from a
 * dataset's own split, or with a {@link Builder}. Immutable and thread-safe.
 *
 * {@snippet :
 * var a = RandomSplit.of(Ratios.parse("7:1:2")).seed(42).assign(ids);
 * a;                          // SplitAssignment[1000 samples: train=703, val=96, test=201]
 * a.split("data_3");          // Optional[train]
 * a.ids(Split.TEST);          // the test ids, in input order
 * SplitFiles.write(a, SplitFormat.CSV, Path.of("splits"));
 * }
 */
public final class SplitAssignment {
    private static final Split[] SPLITS = Split.values();

    private final String[] ids;
    private final byte[] splits;
    private final long[] table;    // open addressing: (spread hash << 32) | (index + 1), 0 = empty
    private final int[] counts;
    private final Map<String, String> excluded;
    private final Map<String, String> flagged;

    private SplitAssignment(String[] ids, byte[] splits, Map<String, String> excluded, Map<String, String> flagged) {
        this.ids = ids;
        this.splits = splits;
        this.counts = new int[SPLITS.length];
        for (byte s : splits) {
            counts[s]++;
        }
        this.table = new long[tableSize(ids.length)];
        int mask = table.length - 1;
        for (int i = 0; i < ids.length; i++) {
            int h = spread(ids[i].hashCode());
            int slot = h & mask;
            long e;
            while ((e = table[slot]) != 0) {
                // the stored hash spares a visit to the other string unless the hashes match
                if ((int) (e >>> 32) == h && ids[(int) e - 1].equals(ids[i])) {
                    throw new IllegalArgumentException("sample id '" + ids[i] + "' appears more than once");
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = (long) h << 32 | (i + 1);
        }
        for (String id : excluded.keySet()) {
            if (indexOf(id) >= 0) {
                throw new IllegalArgumentException("sample id '" + id + "' is both assigned and excluded");
            }
        }
        for (String id : flagged.keySet()) {
            if (indexOf(id) < 0) {
                throw new IllegalArgumentException("flagged sample id '" + id + "' has no split");
            }
        }
        this.excluded = Collections.unmodifiableMap(excluded);
        this.flagged = Collections.unmodifiableMap(flagged);
    }

    private static int tableSize(int n) {
        long want = Math.max(4L, 2L * n);
        if (want > (1 << 30)) {
            throw new IllegalArgumentException("too many samples for one assignment: " + n);
        }
        return Integer.highestOneBit((int) want - 1) << 1;
    }

    /** Spreads {@link String#hashCode()} for the lookup table only; it never decides a split. */
    private static int spread(int h) {
        h *= 0x9e3779b9;
        return h ^ (h >>> 16);
    }

    private int indexOf(String id) {
        int mask = table.length - 1;
        int h = spread(id.hashCode());
        int slot = h & mask;
        long e;
        while ((e = table[slot]) != 0) {
            if ((int) (e >>> 32) == h && ids[(int) e - 1].equals(id)) {
                return (int) e - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An assignment from a map of id to split, in the map's iteration order (use a {@code LinkedHashMap} or a
     * {@code TreeMap} for a defined order).
     */
    public static SplitAssignment of(Map<String, Split> splitById) {
        Builder b = new Builder();
        splitById.forEach(b::add);
        return b.build();
    }

    /**
     * A dataset's official split from a map of id to the split's name as the dataset writes it ({@code train},
     * {@code training}, {@code val}, {@code validation}, {@code test}, {@code testing}; see {@link Split#parse}).
     *
     * @throws IllegalArgumentException naming the id and the value when a name is unknown
     */
    public static SplitAssignment official(Map<String, String> splitNameById) {
        Builder b = new Builder();
        splitNameById.forEach((id, name) -> b.add(id, Split.parse(name).orElseThrow(() -> new IllegalArgumentException(
                "sample '" + id + "': unknown split '" + name
                        + "'; expected train, val or test (or training, validation, testing)"))));
        return b.build();
    }

    /**
     * A dataset's official split from its sample references ({@link SampleRef#split()}); references without a
     * split are listed in {@link #excluded()}.
     *
     * @throws IllegalArgumentException if an id repeats
     */
    public static SplitAssignment official(Collection<SampleRef> refs) {
        Builder b = new Builder();
        for (SampleRef r : refs) {
            if (r.split().isPresent()) {
                b.add(r.id(), r.split().get());
            } else {
                b.exclude(r.id(), "no split in the dataset's own files");
            }
        }
        return b.build();
    }

    /**
     * The references with their split replaced by this assignment's (empty for samples it does not assign), in
     * the same order.
     */
    public List<SampleRef> applyTo(List<SampleRef> refs) {
        List<SampleRef> out = new ArrayList<>(refs.size());
        for (SampleRef r : refs) {
            out.add(r.withSplit(split(r.id())));
        }
        return List.copyOf(out);
    }

    /** Number of samples with a split (excluded samples not counted). */
    public int size() {
        return ids.length;
    }

    /** The split of sample {@code id}, empty when the sample has none (unknown or excluded). */
    public Optional<Split> split(String id) {
        int i = indexOf(Objects.requireNonNull(id, "id"));
        return i < 0 ? Optional.empty() : Optional.of(SPLITS[splits[i]]);
    }

    /** Whether sample {@code id} has a split. */
    public boolean contains(String id) {
        return indexOf(Objects.requireNonNull(id, "id")) >= 0;
    }

    /** Number of samples in {@code split}. */
    public int count(Split split) {
        return counts[split.ordinal()];
    }

    /** Samples per split, for all three splits (zero included), in the order train, val, test. */
    public Map<Split, Integer> counts() {
        Map<Split, Integer> m = new EnumMap<>(Split.class);
        for (Split s : SPLITS) {
            m.put(s, counts[s.ordinal()]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The ids with a split, in order. */
    public List<String> ids() {
        return Collections.unmodifiableList(Arrays.asList(ids));
    }

    /** The ids in {@code split}, in order. */
    public List<String> ids(Split split) {
        String[] out = new String[counts[split.ordinal()]];
        int j = 0;
        for (int i = 0; i < ids.length; i++) {
            if (splits[i] == split.ordinal()) {
                out[j++] = ids[i];
            }
        }
        return List.of(out);
    }

    /** The split of the sample at {@code index} in {@link #ids()}. */
    public Split splitAt(int index) {
        return SPLITS[splits[Objects.checkIndex(index, ids.length)]];
    }

    /** Calls {@code action} for every assigned sample, in order. */
    public void forEach(BiConsumer<String, Split> action) {
        for (int i = 0; i < ids.length; i++) {
            action.accept(ids[i], SPLITS[splits[i]]);
        }
    }

    /** A copy as an insertion-ordered map of id to split. */
    public Map<String, Split> asMap() {
        Map<String, Split> m = new LinkedHashMap<>(Math.max(16, ids.length * 4 / 3 + 1));
        forEach(m::put);
        return m;
    }

    /** Samples left out on purpose, with the reason, in the order they were met. */
    public Map<String, String> excluded() {
        return excluded;
    }

    /** Samples kept in their split but reported (for example near a block of another split), with the reason. */
    public Map<String, String> flagged() {
        return flagged;
    }

    /** The same assignment ordered by id ({@link String#compareTo}). */
    public SplitAssignment sorted() {
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
        String[] sid = new String[ids.length];
        byte[] ssp = new byte[ids.length];
        for (int i = 0; i < order.length; i++) {
            sid[i] = ids[order[i]];
            ssp[i] = splits[order[i]];
        }
        return new SplitAssignment(sid, ssp, new LinkedHashMap<>(excluded), new LinkedHashMap<>(flagged));
    }

    /** Equal when the same ids have the same splits in the same order, with the same exclusions and flags. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SplitAssignment a && Arrays.equals(ids, a.ids) && Arrays.equals(splits, a.splits)
                && excluded.equals(a.excluded) && flagged.equals(a.flagged);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(splits);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SplitAssignment[").append(ids.length).append(" samples: ");
        for (Split s : SPLITS) {
            sb.append(s.id()).append('=').append(counts[s.ordinal()]).append(s == Split.TEST ? "" : ", ");
        }
        if (!excluded.isEmpty()) {
            sb.append("; excluded ").append(excluded.size());
        }
        if (!flagged.isEmpty()) {
            sb.append("; flagged ").append(flagged.size());
        }
        return sb.append(']').toString();
    }

    /**
     * Collects ids and splits; {@link #build()} checks that no id repeats. Not thread-safe.
     *
     * {@snippet :
     * var b = SplitAssignment.builder();
     * b.add("aachen_1", Split.TRAIN).add("aachen_2", Split.TEST).exclude("aachen_3", "no label");
     * SplitAssignment a = b.build();
     * }
     */
    public static final class Builder {
        private String[] ids = new String[16];
        private byte[] splits = new byte[16];
        private int size;
        private final Map<String, String> excluded = new LinkedHashMap<>();
        private final Map<String, String> flagged = new LinkedHashMap<>();

        private Builder() {
        }

        /** Assigns sample {@code id} to {@code split}. */
        public Builder add(String id, Split split) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(split, () -> "split of " + id);
            if (size == ids.length) {
                int n = Math.max(16, size + (size >> 1));
                ids = Arrays.copyOf(ids, n);
                splits = Arrays.copyOf(splits, n);
            }
            ids[size] = id;
            splits[size++] = (byte) split.ordinal();
            return this;
        }

        /** Leaves sample {@code id} out of every split, for the given reason. */
        public Builder exclude(String id, String reason) {
            excluded.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /** Reports sample {@code id} (which must also be added) with the given reason. */
        public Builder flag(String id, String reason) {
            flagged.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /**
         * The assignment.
         *
         * @throws IllegalArgumentException naming the id when an id repeats, is both added and excluded, or is
         *                                  flagged without a split
         */
        public SplitAssignment build() {
            return new SplitAssignment(Arrays.copyOf(ids, size), Arrays.copyOf(splits, size),
                    new LinkedHashMap<>(excluded), new LinkedHashMap<>(flagged));
        }
    }
}
