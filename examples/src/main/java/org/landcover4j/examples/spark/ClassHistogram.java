package org.landcover4j.examples.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pixel counts per class value as a growable {@code long[]}, mergeable by element-wise addition: the class-histogram
 * half of {@link DistributedEvaluation}'s per-partition result.
 *
 * <p>Values are non-negative ints (the raw values of a label band); counts are exact ({@link Math#addExact}).
 * Merging is associative and commutative, so partitions can be combined in any order. Serializable (Spark ships it
 * between executors and the driver). Not thread-safe: one per partition, then merge.
 *
 * {@snippet :
 * var a = new ClassHistogram().add(Map.of(1, 10L, 5, 2L));
 * var b = new ClassHistogram().add(Map.of(1, 3L));
 * a.merge(b).toMap();   // {1=13, 5=2}
 * }
 */
public final class ClassHistogram implements Serializable {
    private static final long serialVersionUID = 1L;

    private long[] counts = new long[0];

    /** An empty histogram. */
    public ClassHistogram() {
    }

    /**
     * Adds counts per value.
     *
     * @throws IllegalArgumentException if a value is negative or a count is negative
     */
    public ClassHistogram add(Map<Integer, Long> valueCounts) {
        for (var e : valueCounts.entrySet()) {
            int v = e.getKey();
            long c = e.getValue();
            if (v < 0) {
                throw new IllegalArgumentException("class values must be non-negative, got " + v);
            }
            if (c < 0) {
                throw new IllegalArgumentException("a pixel count must be non-negative, got " + c + " for value " + v);
            }
            grow(v + 1);
            counts[v] = Math.addExact(counts[v], c);
        }
        return this;
    }

    /** Adds every count of {@code other} into this histogram and returns this histogram. */
    public ClassHistogram merge(ClassHistogram other) {
        grow(other.counts.length);
        for (int v = 0; v < other.counts.length; v++) {
            counts[v] = Math.addExact(counts[v], other.counts[v]);
        }
        return this;
    }

    private void grow(int size) {
        if (size > counts.length) {
            counts = Arrays.copyOf(counts, size);
        }
    }

    /** The counts as a long[] indexed by value (a copy; trailing values without pixels are absent). */
    public long[] toArray() {
        int n = counts.length;
        while (n > 0 && counts[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(counts, n);
    }

    /** The values with pixels, sorted, to their counts. */
    public Map<Integer, Long> toMap() {
        Map<Integer, Long> out = new TreeMap<>();
        for (int v = 0; v < counts.length; v++) {
            if (counts[v] != 0) {
                out.put(v, counts[v]);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The total pixel count. */
    public long total() {
        long t = 0;
        for (long c : counts) {
            t = Math.addExact(t, c);
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassHistogram h && Arrays.equals(toArray(), h.toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toArray());
    }

    @Override
    public String toString() {
        return "ClassHistogram" + toMap();
    }
}
