package org.landcover4j.metrics.consensus;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct label tuples of a set of {@link Annotations}: each combination of (label of annotator 1, ...,
 * label of annotator N, gold label) that occurs, stored once with the number of pixels that carry it.
 *
 * <p>Labels are class indices (0..K-1) into {@link Annotations#classValues()}, or {@link Annotations#MISSING}.
 * Tuples are numbered in order of first appearance in the pixel grid (row-major), so the numbering is
 * deterministic. {@link #tupleOf(int)} gives the tuple of a pixel, which lets every per-tuple result be expanded
 * back to an exact per-pixel raster.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * LabelTuples t = annotations.tuples();
 * for (int u = 0; u < t.size(); u++) {
 *     long pixels = t.count(u);
 *     int firstAnnotatorsClass = t.label(u, 0);   // class index or Annotations.MISSING
 * }
 * }
 */
public final class LabelTuples {
    private static final int DIRECT_BITS = 20;

    private final int annotators;
    private final int dims;
    private final boolean hasGold;
    private final short[] labels;
    private final long[] counts;
    private final int[] pixelTuple;

    private LabelTuples(int annotators, boolean hasGold, short[] labels, long[] counts, int[] pixelTuple) {
        this.annotators = annotators;
        this.dims = annotators + (hasGold ? 1 : 0);
        this.hasGold = hasGold;
        this.labels = labels;
        this.counts = counts;
        this.pixelTuple = pixelTuple;
    }

    static LabelTuples aggregate(Annotations.LabelSource src, int pixels, int classes, boolean hasGold) {
        int n = src.annotators;
        int dims = n + (hasGold ? 1 : 0);
        int bits = 32 - Integer.numberOfLeadingZeros(classes); // codes 0..classes (0 = missing)
        int[] pixelTuple = new int[pixels];
        Grow g = new Grow(dims);
        long totalBits = (long) bits * dims;
        if (totalBits <= DIRECT_BITS) {
            int[] table = new int[1 << totalBits];
            Arrays.fill(table, -1);
            int[] codes = new int[dims];
            for (int p = 0; p < pixels; p++) {
                int key = 0;
                for (int d = 0; d < dims; d++) {
                    int c = (d < n ? src.index(d, p) : src.gold(p)) + 1;
                    codes[d] = c;
                    key |= c << (bits * d);
                }
                int u = table[key];
                if (u < 0) {
                    u = g.add(codes);
                    table[key] = u;
                }
                g.counts[u]++;
                pixelTuple[p] = u;
            }
        } else if (totalBits <= 62) {
            LongIntMap map = new LongIntMap();
            int[] codes = new int[dims];
            long lastKey = -1;
            int lastU = -1;
            for (int p = 0; p < pixels; p++) {
                long key = 0;
                for (int d = 0; d < dims; d++) {
                    int c = (d < n ? src.index(d, p) : src.gold(p)) + 1;
                    codes[d] = c;
                    key |= (long) c << (bits * d);
                }
                int u;
                if (key == lastKey) {
                    u = lastU;
                } else {
                    u = map.get(key);
                    if (u < 0) {
                        u = g.add(codes);
                        map.put(key, u);
                    }
                    lastKey = key;
                    lastU = u;
                }
                g.counts[u]++;
                pixelTuple[p] = u;
            }
        } else {
            Map<Key, Integer> map = new HashMap<>();
            int[] codes = new int[dims];
            for (int p = 0; p < pixels; p++) {
                for (int d = 0; d < dims; d++) {
                    codes[d] = (d < n ? src.index(d, p) : src.gold(p)) + 1;
                }
                Key k = new Key(codes.clone());
                Integer u = map.get(k);
                if (u == null) {
                    u = g.add(codes);
                    map.put(k, u);
                }
                g.counts[u]++;
                pixelTuple[p] = u;
            }
        }
        return new LabelTuples(n, hasGold, Arrays.copyOf(g.labels, g.size * dims), Arrays.copyOf(g.counts, g.size),
                pixelTuple);
    }

    /** Number of distinct tuples. */
    public int size() {
        return counts.length;
    }

    /** Number of annotators (the tuple length, not counting the gold label). */
    public int annotators() {
        return annotators;
    }

    /** Pixels that carry tuple {@code u}. */
    public long count(int u) {
        return counts[u];
    }

    /** Class index that annotator {@code a} gave in tuple {@code u}, or {@link Annotations#MISSING}. */
    public int label(int u, int a) {
        return labels[u * dims + java.util.Objects.checkIndex(a, annotators)];
    }

    /** Gold class index of tuple {@code u}, or {@link Annotations#MISSING} (always so without gold labels). */
    public int gold(int u) {
        return hasGold ? labels[u * dims + annotators] : Annotations.MISSING;
    }

    /** Number of annotators that labelled tuple {@code u}. */
    public int labelled(int u) {
        int c = 0;
        for (int a = 0; a < annotators; a++) {
            c += labels[u * dims + a] >= 0 ? 1 : 0;
        }
        return c;
    }

    /** The tuple of pixel {@code p} (row-major index). */
    public int tupleOf(int p) {
        return pixelTuple[p];
    }

    /** Total pixels. */
    public int pixels() {
        return pixelTuple.length;
    }

    /** The pixel-to-tuple map itself, read-only by contract, for expanding results. */
    int[] pixelTupleArray() {
        return pixelTuple;
    }

    @Override
    public String toString() {
        return "LabelTuples[tuples=" + size() + ", annotators=" + annotators + ", gold=" + hasGold + ", pixels="
                + pixelTuple.length + "]";
    }

    private static final class Grow {
        final int dims;
        short[] labels;
        long[] counts = new long[16];
        int size;

        Grow(int dims) {
            this.dims = dims;
            labels = new short[16 * dims];
        }

        int add(int[] codes) {
            if (size == counts.length) {
                counts = Arrays.copyOf(counts, size * 2);
                labels = Arrays.copyOf(labels, size * 2 * dims);
            }
            for (int d = 0; d < dims; d++) {
                labels[size * dims + d] = (short) (codes[d] - 1);
            }
            return size++;
        }
    }

    private record Key(int[] codes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(codes, k.codes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(codes);
        }

        @Override
        public String toString() {
            return Arrays.toString(codes);
        }
    }

    /** Open-addressing map from non-negative long keys to int values (-1 = absent). */
    private static final class LongIntMap {
        private long[] keys = new long[1024];
        private int[] values = new int[1024];
        private int size;

        LongIntMap() {
            Arrays.fill(keys, -1L);
        }

        int get(long key) {
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (true) {
                long k = keys[i];
                if (k == key) {
                    return values[i];
                }
                if (k == -1L) {
                    return -1;
                }
                i = (i + 1) & mask;
            }
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) {
                rehash();
            }
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (keys[i] != -1L && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == -1L) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        private void rehash() {
            long[] ok = keys;
            int[] ov = values;
            keys = new long[ok.length * 2];
            values = new int[ok.length * 2];
            Arrays.fill(keys, -1L);
            size = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] != -1L) {
                    put(ok[i], ov[i]);
                }
            }
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29));
        }
    }
}
