package org.landcover4j.metrics.area;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A stratified random sample for accuracy and area estimation: strata with their population sizes, and sample
 * units each with a map class and a reference class.
 *
 * <p>Population sizes are in sampling units (pixels), so that the finite-population correction
 * {@code 1 - n_h / N_h} means something; areas come out in any unit through
 * {@link AccuracyAreaEstimate#area(int)} and the area of one unit given to {@link StratifiedEstimator}. Strata
 * need not be the map classes (Stehman 2014); when they are, the estimates equal Olofsson et al. (2014).
 *
 * <p>Immutable and thread-safe. Classes are the declared ones ({@link Builder#classes(int...)}), or else the
 * sorted union of map and reference classes in the sample.
 *
 * {@snippet :
 * var sample = StratifiedSample.builder()
 *         .stratum("A", 40_000).stratum("B", 30_000)
 *         .units("A", 1, 1, 5)      // 5 units in stratum A mapped 1, reference 1
 *         .unit("A", 1, 3)
 *         .units("B", 2, 2, 6)
 *         .build();
 * }
 */
public final class StratifiedSample {

    private final List<String> strata;
    private final double[] populations;
    private final int[] classes;
    private final List<String> classNames;
    private final long[][][] counts;   // [stratum][map position][reference position]

    private StratifiedSample(List<String> strata, double[] populations, int[] classes, List<String> classNames,
                             long[][][] counts) {
        this.strata = strata;
        this.populations = populations;
        this.classes = classes;
        this.classNames = classNames;
        this.counts = counts;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects strata and sample units for a {@link StratifiedSample}. Not thread-safe.
     *
     * {@snippet :
     * var b = StratifiedSample.builder().stratum("north", 1e6).unit("north", 3, 3);
     * }
     */
    public static final class Builder {
        private final Map<String, Double> populations = new LinkedHashMap<>();
        private final Map<String, Map<Long, Long>> units = new LinkedHashMap<>();
        private int[] classes;
        private List<String> classNames;

        private Builder() {
        }

        /**
         * Declares a stratum and its population size in sampling units (pixels).
         *
         * @throws IllegalArgumentException if the size is negative or not finite, or the stratum was declared
         */
        public Builder stratum(String name, double populationSize) {
            Objects.requireNonNull(name, "name");
            if (!(populationSize >= 0) || Double.isInfinite(populationSize)) {
                throw new IllegalArgumentException("stratum " + name + ": population size must be finite and >= 0, got "
                        + populationSize);
            }
            if (populations.putIfAbsent(name, populationSize) != null) {
                throw new IllegalArgumentException("stratum " + name + " is declared twice");
            }
            return this;
        }

        /** Declares the class values and their order (default: sorted classes found in the sample). */
        public Builder classes(int... classValues) {
            this.classes = classValues.clone();
            return this;
        }

        /** Names of the declared classes, one per class. */
        public Builder classNames(List<String> names) {
            this.classNames = List.copyOf(names);
            return this;
        }

        /** Adds one sample unit of a stratum with its map class and reference class. */
        public Builder unit(String stratum, int mapClass, int referenceClass) {
            return units(stratum, mapClass, referenceClass, 1);
        }

        /**
         * Adds {@code count} sample units of a stratum with the same map and reference classes.
         *
         * @throws IllegalArgumentException if the count is negative
         */
        public Builder units(String stratum, int mapClass, int referenceClass, long count) {
            Objects.requireNonNull(stratum, "stratum");
            if (count < 0) {
                throw new IllegalArgumentException("stratum " + stratum + ": unit count must be >= 0, got " + count);
            }
            long key = ((long) mapClass << 32) | (referenceClass & 0xFFFFFFFFL);
            units.computeIfAbsent(stratum, s -> new LinkedHashMap<>()).merge(key, count, Math::addExact);
            return this;
        }

        /**
         * Builds the sample.
         *
         * @throws IllegalArgumentException naming the stratum or class when a stratum has units but no population
         *                                  size, a declared stratum has no sample unit, a stratum of population 0
         *                                  has units, or a unit's class is not among the declared classes
         */
        public StratifiedSample build() {
            for (String s : units.keySet()) {
                if (!populations.containsKey(s)) {
                    throw new IllegalArgumentException("stratum " + s + " has sample units but no population size;"
                            + " declare it with stratum(\"" + s + "\", N)");
                }
            }
            TreeSet<Integer> seen = new TreeSet<>();
            for (var m : units.values()) {
                for (var e : m.entrySet()) {
                    if (e.getValue() > 0) {
                        seen.add((int) (e.getKey() >> 32));
                        seen.add((int) (long) e.getKey());
                    }
                }
            }
            int[] cls;
            if (classes != null) {
                cls = classes;
                for (int c : seen) {
                    if (Arrays.stream(cls).noneMatch(x -> x == c)) {
                        throw new IllegalArgumentException("the sample has class " + c
                                + ", which is not among the declared classes " + Arrays.toString(cls));
                    }
                }
                if (Arrays.stream(cls).distinct().count() != cls.length) {
                    throw new IllegalArgumentException("class values must be distinct: " + Arrays.toString(cls));
                }
            } else {
                cls = seen.stream().mapToInt(Integer::intValue).toArray();
            }
            if (classNames != null && classNames.size() != cls.length) {
                throw new IllegalArgumentException("need one class name per class (" + cls.length + "), got "
                        + classNames.size());
            }
            if (populations.isEmpty()) {
                throw new IllegalArgumentException("the sample has no stratum");
            }
            List<String> names = new ArrayList<>(populations.keySet());
            double[] pop = new double[names.size()];
            long[][][] c = new long[names.size()][cls.length][cls.length];
            for (int h = 0; h < names.size(); h++) {
                String s = names.get(h);
                pop[h] = populations.get(s);
                long n = 0;
                for (var e : units.getOrDefault(s, Map.of()).entrySet()) {
                    int m = indexOf(cls, (int) (e.getKey() >> 32));
                    int r = indexOf(cls, (int) (long) e.getKey());
                    c[h][m][r] = Math.addExact(c[h][m][r], e.getValue());
                    n += e.getValue();
                }
                if (n == 0) {
                    throw new IllegalArgumentException("stratum " + s + " has no sample unit; every stratum needs at"
                            + " least one (two for a standard error)");
                }
                if (pop[h] == 0) {
                    throw new IllegalArgumentException("stratum " + s + " has " + n
                            + " sample units but a population size of 0");
                }
            }
            return new StratifiedSample(List.copyOf(names), pop, cls,
                    classNames == null ? null : classNames, c);
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new IllegalStateException("class " + v + " missing");
    }

    /** Stratum names, in declaration order. */
    public List<String> strata() {
        return strata;
    }

    /** Population size (sampling units) of stratum {@code h}. */
    public double populationSize(int h) {
        return populations[h];
    }

    /** Total population size (sampling units). */
    public double totalPopulation() {
        double s = 0;
        for (double p : populations) {
            s += p;
        }
        return s;
    }

    /** Sample units in stratum {@code h}. */
    public long sampleSize(int h) {
        long n = 0;
        for (long[] row : counts[h]) {
            for (long x : row) {
                n += x;
            }
        }
        return n;
    }

    /** The class values (a copy). */
    public int[] classes() {
        return classes.clone();
    }

    /** Class names, when given. */
    public List<String> classNames() {
        return classNames == null ? null : Collections.unmodifiableList(classNames);
    }

    /** Units of stratum {@code h} with map class position {@code m} and reference class position {@code r}. */
    public long count(int h, int m, int r) {
        return counts[h][m][r];
    }

    @Override
    public String toString() {
        long n = 0;
        for (int h = 0; h < strata.size(); h++) {
            n += sampleSize(h);
        }
        return "StratifiedSample[" + strata.size() + " strata, " + classes.length + " classes, " + n + " units]";
    }
}
