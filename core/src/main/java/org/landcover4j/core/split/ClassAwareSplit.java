package org.landcover4j.core.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.landcover4j.core.ProgressListener;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;

/**
 * Class-aware split after OpenEarthMap's procedure: among many seeded trials, the split whose train set covers
 * every class of each region, and whose test set covers as many of them as possible.
 *
 * <p>Input: per sample an id, a group (OpenEarthMap: its region) and the set of classes present in its label.
 * Each trial {@code t} (seed {@link SplitHash#trialSeed(long, int)}) splits every group on its own: the group's
 * samples are ordered by {@link SplitHash#hash} under the trial seed and cut into train, val and test by the
 * ratios, rounded by largest remainder (so each group follows the ratios as closely as its size allows). A trial
 * scores, lexicographically: (1) the number of groups whose train samples cover every class of the group,
 * (2) the sum over groups of the group's classes present in its test samples. The best trial wins; ties go to the
 * lower trial number. The search stops early when a trial reaches both maxima.
 *
 * <p>Deterministic for a seed, whatever the input order. Unlike {@link RandomSplit} and {@link GroupedSplit} it is
 * <em>not</em> stable when samples are added: the chosen trial depends on the whole set.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * var samples = List.of(new ClassAwareSplit.Sample("aachen_1", "aachen", Set.of(1, 2, 5)), ...);
 * var r = ClassAwareSplit.of(Ratios.parse("6:1:3")).seed(1).trials(1000).assign(samples);
 * r.trainCoversEveryClass();   // true when some trial covered every class of every region in train
 * r.assignment();              // SplitAssignment[...]
 * }
 */
public final class ClassAwareSplit {
    private static final Split[] SPLITS = Split.values();

    private final Ratios ratios;
    private final long seed;
    private final int trials;

    private ClassAwareSplit(Ratios ratios, long seed, int trials) {
        this.ratios = Objects.requireNonNull(ratios, "ratios");
        this.seed = seed;
        this.trials = trials;
    }

    /** A class-aware split with these ratios, seed 0 and 1000 trials. */
    public static ClassAwareSplit of(Ratios ratios) {
        return new ClassAwareSplit(ratios, 0, 1000);
    }

    /** The same split with another seed. */
    public ClassAwareSplit seed(long seed) {
        return new ClassAwareSplit(ratios, seed, trials);
    }

    /**
     * The same split trying {@code n} seeded trials.
     *
     * @throws IllegalArgumentException if {@code n} is not positive
     */
    public ClassAwareSplit trials(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("trials must be positive, got " + n);
        }
        return new ClassAwareSplit(ratios, seed, n);
    }

    /**
     * One sample: id, group (OpenEarthMap region) and the classes present in its label.
     *
     * @param id      the sample id
     * @param group   the group key, non-blank
     * @param classes the class values present (non-negative)
     */
    public record Sample(String id, String group, Set<Integer> classes) {
        /** A sample of a dataset reference: its id, its group ({@link SampleRef#group()}) and these classes. */
        public static Sample of(SampleRef ref, Set<Integer> classes) {
            return new Sample(ref.id(), ref.group(), classes);
        }

        /** Validates and copies. */
        public Sample {
            Objects.requireNonNull(id, "id");
            if (group == null || group.isBlank()) {
                throw new IllegalArgumentException("sample '" + id + "' has no group (got " + group + ")");
            }
            classes = Set.copyOf(classes);
            for (int c : classes) {
                if (c < 0) {
                    throw new IllegalArgumentException("sample '" + id + "': class values must be non-negative, got " + c);
                }
            }
        }
    }

    /**
     * The class values present in band 0 of a label raster, leaving out the band's nodata and the {@code ignore}
     * values (for example OpenEarthMap's 0 = unknown). Integer rasters only; uses the histogram kernel for 8- and
     * 16-bit labels.
     *
     * @throws IllegalArgumentException for a floating-point raster or a negative class value
     */
    public static Set<Integer> classesOf(Raster label, int... ignore) {
        Objects.requireNonNull(label, "label");
        if (!label.dataType().isInteger()) {
            throw new IllegalArgumentException("class values need an integer label raster, got " + label.dataType());
        }
        Set<Integer> present = new TreeSet<>();
        long[] counts;
        switch (label) {
            case ByteRaster r -> {
                counts = new long[256];
                Kernels.histogram(r.unsafeBandArray(0), null, counts);
                for (int i = 0; i < 256; i++) {
                    if (counts[i] > 0) {
                        present.add(label.dataType().isSigned() ? (int) (byte) i : i);
                    }
                }
            }
            case ShortRaster r -> {
                counts = new long[65536];
                Kernels.histogram(r.unsafeBandArray(0), null, counts);
                for (int i = 0; i < 65536; i++) {
                    if (counts[i] > 0) {
                        present.add(label.dataType().isSigned() ? (int) (short) i : i);
                    }
                }
            }
            case IntRaster r -> {
                for (int v : r.unsafeBandArray(0)) {
                    long value = label.dataType().isSigned() ? v : Integer.toUnsignedLong(v);
                    if (value > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("class value " + value + " does not fit an int");
                    }
                    present.add((int) value);
                }
            }
            default -> throw new IllegalArgumentException("class values need an integer label raster, got "
                    + label.dataType());
        }
        label.metadata().nodata().get(0).ifPresent(nd -> present.remove((int) nd));
        for (int v : ignore) {
            present.remove(v);
        }
        for (int v : present) {
            if (v < 0) {
                throw new IllegalArgumentException("class values must be non-negative, found " + v);
            }
        }
        return Collections.unmodifiableSet(present);
    }

    /**
     * The chosen split and how well it covers the classes.
     *
     * @param assignment            the split of every sample, in input order
     * @param trial                 the chosen trial, from 0
     * @param trialsRun             trials evaluated (fewer than asked when a perfect one was found early)
     * @param groups                number of groups
     * @param groupsCoveredByTrain  groups whose train samples hold every class of the group
     * @param testClassesCovered    sum over groups of the group's classes present in its test samples
     * @param testClassesPossible   sum over groups of the group's classes
     */
    public record Result(SplitAssignment assignment, int trial, int trialsRun, int groups, int groupsCoveredByTrain,
                         int testClassesCovered, int testClassesPossible) {
        /** Validates non-null. */
        public Result {
            Objects.requireNonNull(assignment, "assignment");
        }

        /** Whether the train set covers every class of every group. */
        public boolean trainCoversEveryClass() {
            return groupsCoveredByTrain == groups;
        }

        @Override
        public String toString() {
            return "ClassAwareSplit.Result[trial " + trial + " (" + trialsRun + " run): train covers every class in "
                    + groupsCoveredByTrain + "/" + groups + " groups, test covers " + testClassesCovered + "/"
                    + testClassesPossible + " group classes; " + assignment + "]";
        }
    }

    /** {@link #assign(List, ProgressListener)} without progress reports. */
    public Result assign(List<Sample> samples) {
        return assign(samples, ProgressListener.none());
    }

    /**
     * Runs the trials and returns the best split.
     *
     * @throws IllegalArgumentException if an id repeats
     */
    public Result assign(List<Sample> samples, ProgressListener progress) {
        Objects.requireNonNull(progress, "progress");
        int n = samples.size();
        Map<String, Integer> seen = new HashMap<>(Math.max(16, n * 2));
        // groups in key order, members in id order: nothing depends on the input order
        TreeMap<String, List<Integer>> byGroup = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            if (s == null) {
                throw new NullPointerException("sample " + i + " is null");
            }
            if (seen.put(s.id(), i) != null) {
                throw new IllegalArgumentException("sample id '" + s.id() + "' appears more than once");
            }
            byGroup.computeIfAbsent(s.group(), k -> new ArrayList<>()).add(i);
        }
        int groups = byGroup.size();
        int[][] members = new int[groups][];
        BitSet[] groupClasses = new BitSet[groups];
        BitSet[] sampleClasses = new BitSet[n];
        int possible = 0;
        int g = 0;
        for (List<Integer> list : byGroup.values()) {
            list.sort((a, b) -> samples.get(a).id().compareTo(samples.get(b).id()));
            members[g] = list.stream().mapToInt(Integer::intValue).toArray();
            BitSet union = new BitSet();
            for (int i : members[g]) {
                BitSet bs = new BitSet();
                samples.get(i).classes().forEach(bs::set);
                sampleClasses[i] = bs;
                union.or(bs);
            }
            groupClasses[g] = union;
            possible += union.cardinality();
            g++;
        }
        int[][] quota = new int[groups][];
        for (g = 0; g < groups; g++) {
            quota[g] = quotas(members[g].length);
        }

        byte[] current = new byte[n];
        byte[] best = null;
        int bestTrial = -1;
        int bestTrain = -1;
        int bestTest = -1;
        int run = 0;
        BitSet train = new BitSet();
        BitSet test = new BitSet();
        for (int t = 0; t < trials; t++) {
            long trialSeed = SplitHash.trialSeed(seed, t);
            int coveredGroups = 0;
            int testCovered = 0;
            for (g = 0; g < groups; g++) {
                int[] m = members[g];
                int bits = 64 - Long.numberOfLeadingZeros(m.length);
                long[] order = new long[m.length];
                for (int r = 0; r < m.length; r++) {
                    order[r] = (SplitHash.hash(trialSeed, samples.get(m[r]).id()) >>> bits << bits) | r;
                }
                Arrays.sort(order);
                train.clear();
                test.clear();
                int[] q = quota[g];
                long mask = (1L << bits) - 1;
                for (int pos = 0; pos < m.length; pos++) {
                    int i = m[(int) (order[pos] & mask)];
                    Split s = pos < q[0] ? Split.TRAIN : pos < q[0] + q[1] ? Split.VAL : Split.TEST;
                    current[i] = (byte) s.ordinal();
                    if (s == Split.TRAIN) {
                        train.or(sampleClasses[i]);
                    } else if (s == Split.TEST) {
                        test.or(sampleClasses[i]);
                    }
                }
                if (train.equals(groupClasses[g])) {
                    coveredGroups++;
                }
                test.and(groupClasses[g]);
                testCovered += test.cardinality();
            }
            run++;
            if (coveredGroups > bestTrain || coveredGroups == bestTrain && testCovered > bestTest) {
                best = current.clone();
                bestTrial = t;
                bestTrain = coveredGroups;
                bestTest = testCovered;
            }
            progress.progress(run, trials, "class-aware split");
            if (bestTrain == groups && bestTest == possible) {
                break;
            }
        }
        SplitAssignment.Builder b = SplitAssignment.builder();
        for (int i = 0; i < n; i++) {
            b.add(samples.get(i).id(), SPLITS[best == null ? 0 : best[i]]);
        }
        return new Result(b.build(), Math.max(bestTrial, 0), run, groups, Math.max(bestTrain, 0),
                Math.max(bestTest, 0), possible);
    }

    /** Sizes of train, val and test for a group of {@code n} samples, by largest remainder (ties: train first). */
    int[] quotas(int n) {
        int[] q = new int[3];
        double[] rem = new double[3];
        int given = 0;
        for (int s = 0; s < 3; s++) {
            double exact = n * ratios.fraction(SPLITS[s]);
            q[s] = (int) Math.floor(exact);
            rem[s] = exact - q[s];
            given += q[s];
        }
        for (int left = n - given; left > 0; left--) {
            int pick = -1;
            for (int s = 0; s < 3; s++) {
                if (ratios.fraction(SPLITS[s]) > 0 && (pick < 0 || rem[s] > rem[pick])) {
                    pick = s;
                }
            }
            q[pick]++;
            rem[pick] = -1;
        }
        return q;
    }

    @Override
    public String toString() {
        return "ClassAwareSplit[" + ratios + ", seed " + seed + ", " + trials + " trials]";
    }
}
