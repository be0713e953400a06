package org.landcover4j.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;

/**
 * Where a reference map in taxonomy A and a prediction in taxonomy B can be compared: both mapped onto the deepest
 * classes of a shared hierarchical taxonomy (normally {@code common}) at which both are defined.
 *
 * <p>Input: two crosswalks into the same hierarchical taxonomy, {@code A -> T} and {@code B -> T}. Each source class
 * that maps to one class of T marks that class as a place where its side is defined. Output: for each side a
 * crosswalk and lookup tables onto the <em>comparison classes</em>, the groups of source classes that meet in each
 * comparison class (with which ones merged), and the source classes that cannot be compared.
 *
 * <p>Two ways to choose the comparison classes:
 * <ul>
 *   <li>{@link #of(Crosswalk, Crosswalk)} (adaptive, the default): branch by branch, the deepest level at which both
 *       sides are defined. The <em>anchors</em> are the shared classes that leaf classes of either side map to; a
 *       shared class is compared at its shallowest ancestor-or-self that is an anchor. So if A says "Trees" and B
 *       says "Evergreen needleleaf forest", both meet at "Trees", while elsewhere in the tree the comparison can stay
 *       finer. Coarse (non-leaf) classes of a hierarchical source, such as LandCoverNet's level-1 "Vegetation", do not
 *       make the comparison coarser; they are compared where their target meets an anchor, and are not comparable
 *       when their target lies above every anchor.</li>
 *   <li>{@link #atLevel(Crosswalk, Crosswalk, int)} (uniform): every class is rolled up to one level of T; a class
 *       mapped to a non-leaf class above that level cannot be compared. {@link #deepestUniformLevel} is the deepest
 *       level at which no leaf class of either side is lost that way.</li>
 * </ul>
 *
 * <p>Not comparable: classes explicitly unmapped into T, ignore classes, classes mapped onto an ignore class of T,
 * ambiguous classes whose shares land in different comparison classes (an ambiguous class whose shares all land in
 * one comparison class is compared there), and in uniform mode classes that are too coarse for the level. Ambiguous
 * classes never make the comparison coarser. Lookup tables give {@link #FILL} (255) for everything not comparable.
 *
 * <p>Thread safety: immutable; safe to share.
 *
 * {@snippet :
 * var reg = TaxonomyRegistry.builtIn();
 * Harmonization h = reg.harmonize("openearthmap", "globe230k");
 * h.groups();          // e.g. [16 Artificial surfaces: reference [3 Developed space, 4 Road, 8 Building], prediction [8 Impervious]] ...
 * h.notComparable();   // the classes that cannot be compared, with reasons
 * byte[] refLut = h.referenceCrosswalk().compileU8();
 * Harmonization.Comparison c = h.compare(referenceRaster, predictionRaster);
 * c.overallAccuracy();
 * }
 */
public final class Harmonization {

    /** The value lookup tables hold for pixels that cannot be compared. */
    public static final int FILL = 255;

    /** Which map a source class belongs to. */
    public enum Side {
        /** The reference map (rows of a confusion matrix). */
        REFERENCE,
        /** The predicted map (columns of a confusion matrix). */
        PREDICTION
    }

    /**
     * One comparison class and the source classes of each side that map into it.
     *
     * @param target     the class of the shared taxonomy where the two sides meet
     * @param reference  reference classes mapped into it (may be empty: the reference never has it)
     * @param prediction prediction classes mapped into it (may be empty: the prediction never has it)
     */
    public record Group(TaxonClass target, List<TaxonClass> reference, List<TaxonClass> prediction) {
        /** Copies the lists. */
        public Group {
            Objects.requireNonNull(target, "target");
            reference = List.copyOf(reference);
            prediction = List.copyOf(prediction);
        }

        /** Whether several classes of one side merged into this comparison class. */
        public boolean merged() {
            return reference.size() > 1 || prediction.size() > 1;
        }

        /** Whether only one side has classes here (such pixels always count as disagreement). */
        public boolean oneSided() {
            return reference.isEmpty() || prediction.isEmpty();
        }

        @Override
        public String toString() {
            return target.label() + ": reference " + labels(reference) + ", prediction " + labels(prediction);
        }
    }

    /**
     * A source class that cannot be compared.
     *
     * @param side   which map it belongs to
     * @param source the class
     * @param reason why, e.g. "unmapped: ..." or "ambiguous: splits between 41 Cultivated and 21 Trees"
     */
    public record Excluded(Side side, TaxonClass source, String reason) {
        /** Validates. */
        public Excluded {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return side.name().toLowerCase(java.util.Locale.ROOT) + " " + source.label() + ": " + reason;
        }
    }

    private final Crosswalk referenceToShared;
    private final Crosswalk predictionToShared;
    private final OptionalInt level;
    private final List<Group> groups;
    private final List<Excluded> excluded;
    private final Crosswalk referenceCrosswalk;
    private final Crosswalk predictionCrosswalk;

    private Harmonization(Crosswalk a, Crosswalk b, OptionalInt level, List<Group> groups, List<Excluded> excluded,
                          Crosswalk ra, Crosswalk rb) {
        this.referenceToShared = a;
        this.predictionToShared = b;
        this.level = level;
        this.groups = List.copyOf(groups);
        this.excluded = List.copyOf(excluded);
        this.referenceCrosswalk = ra;
        this.predictionCrosswalk = rb;
    }

    /**
     * Adaptive harmonisation: branch by branch, the deepest classes of the shared taxonomy at which both sides are
     * defined.
     *
     * @param reference  the reference taxonomy's crosswalk into the shared taxonomy
     * @param prediction the prediction taxonomy's crosswalk into the same shared taxonomy
     * @throws IllegalArgumentException if the two crosswalks end in different taxonomies
     */
    public static Harmonization of(Crosswalk reference, Crosswalk prediction) {
        Taxonomy t = sharedTarget(reference, prediction);
        Set<Integer> anchors = new LinkedHashSet<>();
        collectAnchors(reference, anchors);
        collectAnchors(prediction, anchors);
        return build(reference, prediction, OptionalInt.empty(), code -> {
            Integer best = null;
            for (TaxonClass c : t.path(code)) {
                if (anchors.contains(c.code())) {
                    best = c.code();
                    break;
                }
            }
            return best;
        }, code -> {
            for (int a : anchors) {
                if (t.isAncestorOrSelf(code, a)) {
                    return "is coarser than the classes compared below it";
                }
            }
            return "has no counterpart on either side";
        });
    }

    /**
     * Uniform harmonisation: everything rolled up to one level of the shared taxonomy.
     *
     * @param level 1..levels of the shared taxonomy
     * @throws IllegalArgumentException if the crosswalks end in different taxonomies or the level is out of range
     */
    public static Harmonization atLevel(Crosswalk reference, Crosswalk prediction, int level) {
        Taxonomy t = sharedTarget(reference, prediction);
        if (level < 1 || level > t.levels()) {
            throw new IllegalArgumentException("taxonomy '" + t.id() + "' has levels 1.." + t.levels() + ", got "
                    + level);
        }
        return build(reference, prediction, OptionalInt.of(level), code -> {
            TaxonClass c = t.get(code);
            if (c.level() >= level || t.isLeaf(code)) {
                return t.rollUp(code, level).code();
            }
            return null;
        }, code -> "is coarser than level " + level);
    }

    /**
     * The deepest level of the shared taxonomy at which every class of both sides that maps to one shared class can
     * be compared ({@link #atLevel} loses none of them); 1 when even level 1 loses some.
     */
    public static int deepestUniformLevel(Crosswalk reference, Crosswalk prediction) {
        Taxonomy t = sharedTarget(reference, prediction);
        int deepest = t.levels();
        for (Crosswalk cw : List.of(reference, prediction)) {
            for (Map.Entry<Integer, Mapping> e : cw.mappings().entrySet()) {
                if (e.getValue() instanceof Mapping.To to && cw.source().isLeaf(e.getKey())
                        && !t.isIgnore(to.code()) && !t.isLeaf(to.code())) {
                    deepest = Math.min(deepest, t.get(to.code()).level());
                }
            }
        }
        return Math.max(1, deepest);
    }

    private static Taxonomy sharedTarget(Crosswalk a, Crosswalk b) {
        Objects.requireNonNull(a, "reference crosswalk");
        Objects.requireNonNull(b, "prediction crosswalk");
        if (!a.target().equals(b.target())) {
            throw new IllegalArgumentException("the crosswalks must end in the same taxonomy: " + a.id() + " and "
                    + b.id());
        }
        return a.target();
    }

    /** The targets of the source's leaf classes: coarse (non-leaf) source classes do not make others coarser. */
    private static void collectAnchors(Crosswalk cw, Set<Integer> anchors) {
        for (Map.Entry<Integer, Mapping> e : cw.mappings().entrySet()) {
            if (e.getValue() instanceof Mapping.To to && cw.source().isLeaf(e.getKey())
                    && !cw.target().isIgnore(to.code())) {
                anchors.add(to.code());
            }
        }
    }

    /** Maps a class of the shared taxonomy to its comparison class, or null when it cannot be compared. */
    private interface Resolver {
        Integer resolve(int code);
    }

    private static Harmonization build(Crosswalk a, Crosswalk b, OptionalInt level, Resolver resolver,
                                       java.util.function.IntFunction<String> coarseReason) {
        Taxonomy t = a.target();
        List<Excluded> excluded = new ArrayList<>();
        Map<Integer, List<TaxonClass>> refGroups = new LinkedHashMap<>();
        Map<Integer, List<TaxonClass>> predGroups = new LinkedHashMap<>();
        Crosswalk ra = side(a, Side.REFERENCE, t, resolver, coarseReason, excluded, refGroups);
        Crosswalk rb = side(b, Side.PREDICTION, t, resolver, coarseReason, excluded, predGroups);
        List<Group> groups = new ArrayList<>();
        for (TaxonClass c : t.classes()) {
            List<TaxonClass> r = refGroups.get(c.code());
            List<TaxonClass> p = predGroups.get(c.code());
            if (r != null || p != null) {
                groups.add(new Group(c, r == null ? List.of() : r, p == null ? List.of() : p));
            }
        }
        return new Harmonization(a, b, level, groups, excluded, ra, rb);
    }

    private static Crosswalk side(Crosswalk cw, Side side, Taxonomy t, Resolver resolver,
                                  java.util.function.IntFunction<String> coarseReason,
                                  List<Excluded> excluded, Map<Integer, List<TaxonClass>> groups) {
        Crosswalk.Builder out = Crosswalk.builder(cw.source(), t).fill(FILL)
                .description("harmonised " + cw.id());
        for (TaxonClass s : cw.source().allClasses()) {
            Mapping m = cw.mappings().get(s.code());
            String reason = null;
            Integer to = null;
            if (s.ignore()) {
                reason = "ignore class";
            } else if (m instanceof Mapping.Unmapped u) {
                reason = "unmapped" + (u.note().isEmpty() ? "" : ": " + u.note());
            } else if (m instanceof Mapping.To direct) {
                if (t.isIgnore(direct.code())) {
                    reason = "maps to ignore class " + t.get(direct.code()).label();
                } else {
                    to = resolver.resolve(direct.code());
                    if (to == null) {
                        reason = "maps to " + t.get(direct.code()).label() + ", which "
                                + coarseReason.apply(direct.code());
                    }
                }
            } else if (m instanceof Mapping.Ambiguous amb) {
                Set<Integer> landing = new LinkedHashSet<>();
                boolean lost = false;
                for (Mapping.Share sh : amb.shares()) {
                    Integer r = t.isIgnore(sh.code()) ? null : resolver.resolve(sh.code());
                    if (r == null) {
                        lost = true;
                    } else {
                        landing.add(r);
                    }
                }
                if (!lost && landing.size() == 1) {
                    to = landing.iterator().next();
                } else {
                    List<String> names = new ArrayList<>();
                    for (Mapping.Share sh : amb.shares()) {
                        Integer r = t.isIgnore(sh.code()) ? null : resolver.resolve(sh.code());
                        names.add(r == null ? t.get(sh.code()).label() + " (not comparable)" : t.get(r).label());
                    }
                    reason = "ambiguous: splits between " + String.join(", ", new LinkedHashSet<>(names));
                }
            }
            if (to != null) {
                out.map(s.code(), to);
                groups.computeIfAbsent(to, k -> new ArrayList<>()).add(s);
            } else {
                if (!s.ignore()) {
                    out.unmapped(s.code(), reason);
                }
                excluded.add(new Excluded(side, s, reason));
            }
        }
        return out.build();
    }

    // ------------------------------------------------------------------------------------------------ accessors

    /** The reference side's crosswalk into the shared taxonomy, as given. */
    public Crosswalk referenceInput() {
        return referenceToShared;
    }

    /** The prediction side's crosswalk into the shared taxonomy, as given. */
    public Crosswalk predictionInput() {
        return predictionToShared;
    }

    /** The shared taxonomy. */
    public Taxonomy shared() {
        return referenceToShared.target();
    }

    /** The level of a uniform harmonisation; empty for an adaptive one. */
    public OptionalInt level() {
        return level;
    }

    /** The comparison classes in the shared taxonomy's order, with the source classes of each side. */
    public List<Group> groups() {
        return groups;
    }

    /** The groups in which several classes of one side merged. */
    public List<Group> mergedGroups() {
        return groups.stream().filter(Group::merged).toList();
    }

    /** The source classes that cannot be compared, with reasons (ignore classes included). */
    public List<Excluded> notComparable() {
        return excluded;
    }

    /** Reference classes to comparison classes (codes of the shared taxonomy; {@link #FILL} when not comparable). */
    public Crosswalk referenceCrosswalk() {
        return referenceCrosswalk;
    }

    /** Prediction classes to comparison classes (codes of the shared taxonomy; {@link #FILL} when not comparable). */
    public Crosswalk predictionCrosswalk() {
        return predictionCrosswalk;
    }

    /** The reference lookup table for uint8 rasters. */
    public byte[] referenceTableU8() {
        return referenceCrosswalk.compileU8();
    }

    /** The reference lookup table for uint16 rasters. */
    public byte[] referenceTableU16() {
        return referenceCrosswalk.compileU16();
    }

    /** The prediction lookup table for uint8 rasters. */
    public byte[] predictionTableU8() {
        return predictionCrosswalk.compileU8();
    }

    /** The prediction lookup table for uint16 rasters. */
    public byte[] predictionTableU16() {
        return predictionCrosswalk.compileU16();
    }

    // -------------------------------------------------------------------------------------------------- compare

    /**
     * The outcome of comparing two rasters after harmonisation.
     *
     * <p>{@code confusion[i][j]} counts pixels whose reference is in {@code groups().get(i)} and prediction in
     * {@code groups().get(j)} (rows = reference, columns = prediction). Pixels whose reference cannot be compared
     * (ignore, unmapped, ambiguous) are counted in {@code referenceNotComparable}; pixels with a comparable reference
     * but a prediction that cannot be compared are counted in {@code predictionNotComparable}. Overall accuracy is
     * the diagonal over all pixels with a comparable reference (so incomparable predictions count as errors);
     * NaN when there are none.
     *
     * @param groups                  the comparison classes (rows and columns)
     * @param confusion               counts, groups x groups
     * @param referenceNotComparable  pixels excluded because of their reference value
     * @param predictionNotComparable pixels with a comparable reference and an incomparable prediction
     */
    public record Comparison(List<Group> groups, long[][] confusion, long referenceNotComparable,
                             long predictionNotComparable) {
        /** Copies and checks the matrix shape. */
        public Comparison {
            groups = List.copyOf(groups);
            confusion = copy(confusion);
            for (long[] row : confusion) {
                if (row.length != groups.size()) {
                    throw new IllegalArgumentException("confusion must be " + groups.size() + "x" + groups.size());
                }
            }
            if (confusion.length != groups.size()) {
                throw new IllegalArgumentException("confusion must be " + groups.size() + "x" + groups.size());
            }
        }

        /** A copy of the matrix. */
        @Override
        public long[][] confusion() {
            return copy(confusion);
        }

        /** Pixels in the matrix. */
        public long compared() {
            long s = 0;
            for (long[] row : confusion) {
                for (long v : row) {
                    s += v;
                }
            }
            return s;
        }

        /** Pixels on the diagonal. */
        public long agreeing() {
            long s = 0;
            for (int i = 0; i < confusion.length; i++) {
                s += confusion[i][i];
            }
            return s;
        }

        /** Agreement over pixels with a comparable reference; NaN when there are none. */
        public double overallAccuracy() {
            long denominator = compared() + predictionNotComparable;
            return denominator == 0 ? Double.NaN : (double) agreeing() / denominator;
        }

        private static long[][] copy(long[][] m) {
            long[][] out = new long[m.length][];
            for (int i = 0; i < m.length; i++) {
                out[i] = m[i].clone();
            }
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Comparison c && groups.equals(c.groups) && Arrays.deepEquals(confusion, c.confusion)
                    && referenceNotComparable == c.referenceNotComparable
                    && predictionNotComparable == c.predictionNotComparable;
        }

        @Override
        public int hashCode() {
            return Objects.hash(groups, Arrays.deepHashCode(confusion), referenceNotComparable,
                    predictionNotComparable);
        }

        @Override
        public String toString() {
            return "Comparison[groups=" + groups.stream().map(g -> g.target().code()).toList() + ", compared="
                    + compared() + ", agreeing=" + agreeing() + ", referenceNotComparable=" + referenceNotComparable
                    + ", predictionNotComparable=" + predictionNotComparable + ", overallAccuracy="
                    + overallAccuracy() + "]";
        }
    }

    /**
     * Compares the first band of a reference raster (in the reference taxonomy) with the first band of a prediction
     * raster (in the prediction taxonomy), both uint8 or uint16, of the same size.
     *
     * @throws IllegalArgumentException if sizes differ or a raster is not uint8/uint16
     */
    public Comparison compare(Raster reference, Raster prediction) {
        if (reference.width() != prediction.width() || reference.height() != prediction.height()) {
            throw new IllegalArgumentException("reference is " + reference.width() + "x" + reference.height()
                    + " but prediction is " + prediction.width() + "x" + prediction.height());
        }
        int k = groups.size();
        byte[] ref = groupIndices(reference, referenceCrosswalk);
        byte[] pred = groupIndices(prediction, predictionCrosswalk);
        if (k == 0) {
            return new Comparison(groups, new long[0][0], ref.length, 0);
        }
        if (k > 254) {
            throw new IllegalStateException("more than 254 comparison classes (" + k + ")");
        }
        long[] counts = new long[(k + 1) * (k + 1)];
        Kernels.confusion(ref, pred, k, null, counts);
        long[][] m = new long[k][k];
        long refOut = 0;
        long predOut = 0;
        for (int i = 0; i <= k; i++) {
            for (int j = 0; j <= k; j++) {
                long v = counts[i * (k + 1) + j];
                if (i == k) {
                    refOut += v;
                } else if (j == k) {
                    predOut += v;
                } else {
                    m[i][j] = v;
                }
            }
        }
        return new Comparison(groups, m, refOut, predOut);
    }

    /** The first band mapped to group indices 0..k-1, and 255 where not comparable. */
    private byte[] groupIndices(Raster raster, Crosswalk cw) {
        Map<Integer, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            index.put(groups.get(i).target().code(), i);
        }
        boolean u8 = raster instanceof ByteRaster b && b.dataType() == DataType.UINT8;
        boolean u16 = raster instanceof ShortRaster s && s.dataType() == DataType.UINT16;
        if (!u8 && !u16) {
            throw new IllegalArgumentException("harmonised comparison needs uint8 or uint16 label rasters, got "
                    + raster.dataType());
        }
        byte[] lut = new byte[u8 ? 256 : 65536];
        Arrays.fill(lut, (byte) 255);
        for (Map.Entry<Integer, Mapping> e : cw.mappings().entrySet()) {
            if (e.getKey() < lut.length && e.getValue() instanceof Mapping.To to) {
                lut[e.getKey()] = (byte) (int) index.get(to.code());
            }
        }
        byte[] out = new byte[raster.metadata().pixelsPerBand()];
        if (u8) {
            Kernels.remap(((ByteRaster) raster).unsafeBandArray(0), lut, out);
        } else {
            Kernels.remap(((ShortRaster) raster).unsafeBandArray(0), lut, out);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------- printing

    private static String labels(List<TaxonClass> cs) {
        return cs.stream().map(TaxonClass::label).toList().toString();
    }

    /** A readable report: mode, groups (merged ones marked) and the classes that cannot be compared. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Harmonization of ").append(referenceToShared.source().id())
                .append(" (reference) and ").append(predictionToShared.source().id()).append(" (prediction) in ")
                .append(shared().id()).append(level.isPresent() ? " at level " + level.getAsInt() : " (adaptive)")
                .append('\n');
        for (Group g : groups) {
            sb.append(g.merged() ? "  * " : "    ").append(g).append('\n');
        }
        if (!excluded.isEmpty()) {
            sb.append("  not comparable:\n");
            for (Excluded e : excluded) {
                sb.append("    ").append(e).append('\n');
            }
        }
        return sb.toString();
    }
}
