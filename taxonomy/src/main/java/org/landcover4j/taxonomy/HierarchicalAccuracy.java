package org.landcover4j.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Accuracy at every level of a hierarchy from one fine confusion matrix: the matrix is rolled up level by level.
 *
 * <p>Input: a square {@code long[n][n]} matrix indexed by class codes, rows = reference, columns = prediction
 * ({@code counts[r][p]} pixels have reference code {@code r} and predicted code {@code p}). Codes that are not tree
 * classes of the taxonomy (ignore classes, unknown values) are gathered into a trailing "not a class" row and column
 * of every rolled-up matrix: reported, never dropped. Overall accuracy at a level is the rolled-up diagonal over all
 * pixels whose reference is a tree class (so a prediction that is not a class counts as an error); NaN when there
 * are none (0/0 is NaN, as everywhere in landcover4j).
 *
 * <p>Rolling up to level {@code L} uses {@link Taxonomy#rollUp(int, int)}: the classes of a level are
 * {@link Taxonomy#partition(int)}, plus any coarser non-leaf class that occurs in the matrix (a label that is coarser
 * than the level stands for itself). Accuracy never decreases from a level to a coarser one.
 *
 * <p>This is self-contained on plain arrays; the metrics module computes the full metric set on the rolled-up
 * matrices.
 *
 * <p>Thread safety: stateless; results are immutable.
 *
 * {@snippet :
 * long[][] cm = new long[8][8];          // LandCoverNet codes 0..7
 * cm[5][7] = 10;                         // woody predicted as (semi) natural vegetation
 * cm[6][6] = 90;
 * for (var level : HierarchicalAccuracy.of(TaxonomyRegistry.builtIn().taxonomy("landcovernet"), cm)) {
 *     System.out.println(level.level() + ": " + level.overallAccuracy());  // 1: 1.0, 2: 0.9, 3: 0.9
 * }
 * }
 */
public final class HierarchicalAccuracy {

    private HierarchicalAccuracy() {
    }

    /**
     * The scores at one level.
     *
     * @param level           1..levels of the taxonomy
     * @param classes         the classes of the rolled-up map, in taxonomy order (rows and columns 0..k-1)
     * @param confusion       (k+1) x (k+1) counts; index k collects codes that are not tree classes
     * @param referencePixels pixels whose reference is a tree class (the first k rows)
     * @param agreeing        pixels on the diagonal of the first k rows
     */
    public record Level(int level, List<TaxonClass> classes, long[][] confusion, long referencePixels,
                        long agreeing) {
        /** Copies the lists and the matrix. */
        public Level {
            classes = List.copyOf(classes);
            confusion = copy(confusion);
            if (confusion.length != classes.size() + 1) {
                throw new IllegalArgumentException("confusion must have " + (classes.size() + 1) + " rows, got "
                        + confusion.length);
            }
        }

        /** A copy of the rolled-up matrix. */
        @Override
        public long[][] confusion() {
            return copy(confusion);
        }

        /** Agreement over pixels with a tree-class reference; NaN when there are none. */
        public double overallAccuracy() {
            return referencePixels == 0 ? Double.NaN : (double) agreeing / referencePixels;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Level l && level == l.level && classes.equals(l.classes)
                    && Arrays.deepEquals(confusion, l.confusion) && referencePixels == l.referencePixels
                    && agreeing == l.agreeing;
        }

        @Override
        public int hashCode() {
            return Objects.hash(level, classes, Arrays.deepHashCode(confusion), referencePixels, agreeing);
        }

        @Override
        public String toString() {
            return "Level[level=" + level + ", classes=" + classes.stream().map(TaxonClass::code).toList()
                    + ", referencePixels=" + referencePixels + ", agreeing=" + agreeing + ", overallAccuracy="
                    + overallAccuracy() + "]";
        }
    }

    /**
     * Rolls a fine confusion matrix up to every level of the taxonomy, coarsest first.
     *
     * @param taxonomy the class system whose codes index the matrix
     * @param counts   square matrix, rows = reference code, columns = predicted code, non-negative
     * @throws IllegalArgumentException if the matrix is not square or has a negative count
     */
    public static List<Level> of(Taxonomy taxonomy, long[][] counts) {
        check(taxonomy, counts);
        List<Level> out = new ArrayList<>();
        for (int level = 1; level <= taxonomy.levels(); level++) {
            out.add(atLevel(taxonomy, counts, level));
        }
        return List.copyOf(out);
    }

    /**
     * Rolls a fine confusion matrix up to one level.
     *
     * @throws IllegalArgumentException if the matrix is not square, has a negative count, or the level is outside
     *                                  1..levels
     */
    public static Level atLevel(Taxonomy taxonomy, long[][] counts, int level) {
        check(taxonomy, counts);
        int n = counts.length;
        // Representative of each code: index into the level's classes, or -1 when the code is not a tree class.
        Set<TaxonClass> present = new LinkedHashSet<>(taxonomy.partition(level));
        int[] rep = new int[n];
        TaxonClass[] repClass = new TaxonClass[n];
        for (int code = 0; code < n; code++) {
            TaxonClass c = taxonomy.find(code).orElse(null);
            if (c != null && !c.ignore()) {
                repClass[code] = taxonomy.rollUp(code, level);
                if (!present.contains(repClass[code]) && (rowSum(counts, code) > 0 || colSum(counts, code) > 0)) {
                    present.add(repClass[code]);
                }
            }
        }
        List<TaxonClass> classes = taxonomy.classes().stream().filter(present::contains).toList();
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i).code(), i);
        }
        int k = classes.size();
        for (int code = 0; code < n; code++) {
            rep[code] = repClass[code] == null ? k : index.getOrDefault(repClass[code].code(), k);
        }
        long[][] m = new long[k + 1][k + 1];
        for (int r = 0; r < n; r++) {
            for (int p = 0; p < n; p++) {
                if (counts[r][p] != 0) {
                    m[rep[r]][rep[p]] = Math.addExact(m[rep[r]][rep[p]], counts[r][p]);
                }
            }
        }
        long total = 0;
        long agree = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= k; j++) {
                total = Math.addExact(total, m[i][j]);
            }
            agree += m[i][i];
        }
        return new Level(level, classes, m, total, agree);
    }

    private static void check(Taxonomy taxonomy, long[][] counts) {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(counts, "counts");
        int n = counts.length;
        for (int i = 0; i < n; i++) {
            if (counts[i] == null || counts[i].length != n) {
                throw new IllegalArgumentException("counts must be square: row " + i + " has "
                        + (counts[i] == null ? "no" : counts[i].length) + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException("counts[" + i + "][" + j + "] is negative: " + counts[i][j]);
                }
            }
        }
    }

    private static long rowSum(long[][] m, int r) {
        long s = 0;
        for (long v : m[r]) {
            s += v;
        }
        return s;
    }

    private static long colSum(long[][] m, int c) {
        long s = 0;
        for (long[] row : m) {
            s += row[c];
        }
        return s;
    }

    private static long[][] copy(long[][] m) {
        long[][] out = new long[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
