package org.landcover4j.taxonomy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;

/**
 * A mapping from the classes of one taxonomy to the classes of another, compiled to lookup tables for the remap
 * kernel.
 *
 * <p>Every tree class of the source has a {@link Mapping}: to one target class (many-to-one), explicitly unmapped,
 * or ambiguous over several targets with weights. Ignore classes of the source may be mapped (e.g. IGBP's 255 "No
 * Data" to DFC2020's 0); if not, they get the fill value. Targets must be classes of the target taxonomy.
 *
 * <p>Lookup tables: {@link #compileU8()} gives {@code byte[256]} for uint8 label rasters, {@link #compileU16()}
 * {@code byte[65536]} for uint16 ones; {@link Kernels#remap} applies them and {@link #apply(Raster)} does both
 * steps. Entry {@code v} is {@link #lookup(int) lookup(v)}: the target code for a mapped class, the dominant target
 * for an ambiguous one, and the <em>fill</em> value for unmapped classes, unmapped ignore classes and codes that are
 * not classes of the source. The fill defaults to the target's first ignore class (when its code fits a byte),
 * else 255; {@link #withFill(int)} changes it. Target codes must fit a byte (0..255) to compile.
 *
 * <p>Algebra: {@link #andThen(Crosswalk)} composes ({@code a:b} then {@code b:c} gives {@code a:c}; ambiguous
 * weights multiply, shares that reach an unmapped class are dropped and the rest renormalised);
 * {@link #inverse()} inverts a crosswalk that is one-to-one on its mapped classes and explains why otherwise.
 *
 * <p>Thread safety: immutable; safe to share. Compiled tables are fresh arrays on every call.
 *
 * {@snippet :
 * var registry = TaxonomyRegistry.builtIn();
 * Crosswalk cw = registry.crosswalk("igbp:dfc2020");
 * byte[] lut = cw.compileU8();                 // lut[14] == 6 (Cropland/Natural Vegetation Mosaics -> Croplands)
 * ByteRaster dfc = cw.apply(igbpLabels);       // same size and georeference, uint8
 * Crosswalk toCommon = cw.andThen(registry.crosswalk("dfc2020:common"));
 * }
 */
public final class Crosswalk {

    private final Taxonomy source;
    private final Taxonomy target;
    private final String description;
    private final int fill;
    private final Map<Integer, Mapping> mappings;

    private Crosswalk(Taxonomy source, Taxonomy target, String description, int fill, Map<Integer, Mapping> mappings) {
        this.source = source;
        this.target = target;
        this.description = description;
        this.fill = fill;
        this.mappings = mappings;
    }

    /** A builder for a crosswalk from {@code source} to {@code target}. */
    public static Builder builder(Taxonomy source, Taxonomy target) {
        return new Builder(source, target);
    }

    /** The crosswalk that maps every class of {@code t} to itself. */
    public static Crosswalk identity(Taxonomy t) {
        Builder b = builder(t, t).description("identity on " + t.id());
        for (TaxonClass c : t.allClasses()) {
            b.map(c.code(), c.code());
        }
        return b.build();
    }

    /**
     * The crosswalk from {@code t} to itself that rolls every class up to {@code level}
     * ({@link Taxonomy#rollUp(int, int)}); ignore classes map to themselves.
     */
    public static Crosswalk rollUp(Taxonomy t, int level) {
        Builder b = builder(t, t).description("roll-up of " + t.id() + " to level " + level);
        for (TaxonClass c : t.allClasses()) {
            b.map(c.code(), t.rollUp(c.code(), level).code());
        }
        return b.build();
    }

    /** The default fill for a target: its first ignore class when the code fits a byte, else 255. */
    static int defaultFill(Taxonomy target) {
        for (TaxonClass c : target.ignoreClasses()) {
            if (c.code() <= 255) {
                return c.code();
            }
        }
        return 255;
    }

    // -------------------------------------------------------------------------------------------------- accessors

    /** {@code "<source id>:<target id>"}. */
    public String id() {
        return source.id() + ":" + target.id();
    }

    /** The taxonomy mapped from. */
    public Taxonomy source() {
        return source;
    }

    /** The taxonomy mapped to. */
    public Taxonomy target() {
        return target;
    }

    /** Provenance and notes (may be empty). */
    public String description() {
        return description;
    }

    /** The value compiled tables hold for unmapped classes and codes that are not source classes (0..255). */
    public int fill() {
        return fill;
    }

    /** The explicit mappings by source code, in the source's class order. */
    public Map<Integer, Mapping> mappings() {
        return mappings;
    }

    /** The explicit mapping of a source code (absent for unmapped ignore classes and unknown codes). */
    public Optional<Mapping> find(int sourceCode) {
        return Optional.ofNullable(mappings.get(sourceCode));
    }

    /**
     * The value a compiled table holds for {@code sourceCode} (0..65535): the target code, the dominant target of an
     * ambiguous mapping, or {@link #fill()}.
     */
    public int lookup(int sourceCode) {
        Mapping m = mappings.get(sourceCode);
        if (m == null) {
            return fill;
        }
        return switch (m) {
            case Mapping.To to -> to.code();
            case Mapping.Ambiguous a -> a.dominant();
            case Mapping.Unmapped u -> fill;
        };
    }

    /** A copy with another fill value (0..255). */
    public Crosswalk withFill(int newFill) {
        checkFill(newFill);
        return new Crosswalk(source, target, description, newFill, mappings);
    }

    /** A copy with another description. */
    public Crosswalk withDescription(String newDescription) {
        return new Crosswalk(source, target, Objects.requireNonNull(newDescription, "description"), fill, mappings);
    }

    private static void checkFill(int f) {
        if (f < 0 || f > 255) {
            throw new IllegalArgumentException("fill must be 0..255 (compiled tables hold bytes), got " + f);
        }
    }

    // --------------------------------------------------------------------------------------------------- compile

    /** The 256-entry table for uint8 sources, with {@link #fill()} for unmapped codes. */
    public byte[] compileU8() {
        return compile(256);
    }

    /** The 65536-entry table for uint16 sources, with {@link #fill()} for unmapped codes. */
    public byte[] compileU16() {
        return compile(65536);
    }

    private byte[] compile(int size) {
        checkCompilable();
        byte[] lut = new byte[size];
        java.util.Arrays.fill(lut, (byte) fill);
        for (int code : mappings.keySet()) {
            if (code < size) {
                lut[code] = (byte) lookup(code);
            }
        }
        return lut;
    }

    private void checkCompilable() {
        for (Map.Entry<Integer, Mapping> e : mappings.entrySet()) {
            int v = lookup(e.getKey());
            if (v > 255) {
                throw new IllegalStateException("crosswalk " + id() + " maps source class " + e.getKey() + " to "
                        + v + ", which does not fit a uint8 lookup table (0..255)");
            }
        }
    }

    /**
     * Maps every band of a uint8 or uint16 raster through the compiled table.
     *
     * @return a uint8 raster of the same size, bands, band names and georeference; its nodata is the fill value on
     *         every band when the fill is not a tree class of the target, otherwise none
     * @throws IllegalArgumentException for rasters of other types (int8, int16, 32-bit, floating point)
     * @throws IllegalStateException    if a target code does not fit a byte
     */
    public ByteRaster apply(Raster raster) {
        Objects.requireNonNull(raster, "raster");
        int n = raster.metadata().pixelsPerBand();
        byte[][] out = new byte[raster.bands()][];
        switch (raster) {
            case ByteRaster b when b.dataType() == DataType.UINT8 -> {
                byte[] lut = compileU8();
                for (int i = 0; i < out.length; i++) {
                    out[i] = new byte[n];
                    Kernels.remap(b.unsafeBandArray(i), lut, out[i]);
                }
            }
            case ShortRaster s when s.dataType() == DataType.UINT16 -> {
                byte[] lut = compileU16();
                for (int i = 0; i < out.length; i++) {
                    out[i] = new byte[n];
                    Kernels.remap(s.unsafeBandArray(i), lut, out[i]);
                }
            }
            default -> throw new IllegalArgumentException("crosswalk " + id() + " applies to uint8 or uint16 label "
                    + "rasters, got " + raster.dataType());
        }
        boolean fillIsClass = target.find(fill).map(c -> !c.ignore()).orElse(false);
        RasterMetadata m = raster.metadata().withDataType(DataType.UINT8).withNodata(
                Collections.nCopies(raster.bands(), fillIsClass ? OptionalDouble.empty() : OptionalDouble.of(fill)));
        return ByteRaster.wrap(m, out);
    }

    // --------------------------------------------------------------------------------------------------- algebra

    /**
     * This crosswalk followed by {@code next} ({@code a:b} then {@code b:c} gives {@code a:c}).
     *
     * <p>A class mapped to {@code x} takes {@code next}'s mapping of {@code x}; if {@code x} is an ignore class that
     * {@code next} does not map, the class becomes unmapped. Ambiguous weights multiply; shares that end unmapped are
     * dropped and the remaining weights renormalised (a class whose shares all end unmapped is unmapped). The result
     * has {@code next}'s fill.
     *
     * @throws IllegalArgumentException if {@code next} does not start where this crosswalk ends
     */
    public Crosswalk andThen(Crosswalk next) {
        if (!next.source.equals(target)) {
            throw new IllegalArgumentException("cannot compose " + id() + " with " + next.id() + ": "
                    + next.id() + " starts from '" + next.source.id() + "', not from '" + target.id() + "'");
        }
        Builder b = builder(source, next.target).fill(next.fill)
                .description("composition of " + id() + " and " + next.id());
        for (Map.Entry<Integer, Mapping> e : mappings.entrySet()) {
            Mapping m = e.getValue();
            Mapping composed = switch (m) {
                case Mapping.Unmapped u -> u;
                case Mapping.To to -> {
                    Mapping n = next.mappings.get(to.code());
                    yield n == null
                            ? Mapping.unmapped(join(to.note(), "maps to " + to.code() + ", which " + next.id()
                                    + " does not map"))
                            : withNote(n, join(to.note(), n.note()));
                }
                case Mapping.Ambiguous a -> composeShares(a, next);
            };
            b.put(e.getKey(), composed);
        }
        return b.build();
    }

    private static Mapping composeShares(Mapping.Ambiguous a, Crosswalk next) {
        Map<Integer, Double> weights = new LinkedHashMap<>();
        for (Mapping.Share s : a.shares()) {
            Mapping n = next.mappings.get(s.code());
            if (n instanceof Mapping.To to) {
                weights.merge(to.code(), s.weight(), Double::sum);
            } else if (n instanceof Mapping.Ambiguous na) {
                for (Mapping.Share ns : na.shares()) {
                    weights.merge(ns.code(), s.weight() * ns.weight(), Double::sum);
                }
            }
        }
        if (weights.isEmpty()) {
            return Mapping.unmapped(join(a.note(), "every share ends unmapped"));
        }
        if (weights.size() == 1) {
            return Mapping.to(weights.keySet().iterator().next(), a.note());
        }
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Mapping.Share> shares = new ArrayList<>();
        weights.forEach((code, w) -> shares.add(Mapping.share(code, w / total)));
        return new Mapping.Ambiguous(shares, a.note());
    }

    private static Mapping withNote(Mapping m, String note) {
        return switch (m) {
            case Mapping.To to -> new Mapping.To(to.code(), note);
            case Mapping.Unmapped u -> new Mapping.Unmapped(note);
            case Mapping.Ambiguous a -> new Mapping.Ambiguous(a.shares(), note);
        };
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.equals(b) ? a : a + "; then " + b;
    }

    /**
     * The reverse crosswalk, when this one is one-to-one on its mapped classes.
     *
     * <p>Each target class reached by exactly one source class maps back to it; tree classes of the target that no
     * source class reaches are unmapped. The inverse's fill is the default for the source taxonomy.
     *
     * @throws IllegalArgumentException naming the reason when there is no inverse: an ambiguous mapping, or a target
     *                                  class reached by several source classes
     */
    public Crosswalk inverse() {
        Map<Integer, List<Integer>> back = new TreeMap<>();
        for (Map.Entry<Integer, Mapping> e : mappings.entrySet()) {
            switch (e.getValue()) {
                case Mapping.Ambiguous a -> throw new IllegalArgumentException("cannot invert " + id()
                        + ": source class " + label(source, e.getKey()) + " is ambiguous (" + a + ")");
                case Mapping.To to -> back.computeIfAbsent(to.code(), k -> new ArrayList<>()).add(e.getKey());
                case Mapping.Unmapped u -> { }
            }
        }
        for (Map.Entry<Integer, List<Integer>> e : back.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new IllegalArgumentException("cannot invert " + id() + ": target class "
                        + label(target, e.getKey()) + " is reached by " + e.getValue().size() + " source classes "
                        + e.getValue() + ", so a target pixel cannot be traced back to one source class");
            }
        }
        Builder b = builder(target, source).description("inverse of " + id());
        for (TaxonClass t : target.allClasses()) {
            List<Integer> from = back.get(t.code());
            if (from != null) {
                b.map(t.code(), from.get(0));
            } else if (!t.ignore()) {
                b.unmapped(t.code(), "no class of " + source.id() + " maps to it");
            }
        }
        return b.build();
    }

    private static String label(Taxonomy t, int code) {
        return t.find(code).map(c -> code + " '" + c.name() + "'").orElse(Integer.toString(code));
    }

    // -------------------------------------------------------------------------------------------------- printing

    /** A table: one line per mapped source class, {@code code name -> target code name}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(id()).append(" (fill ").append(fill).append(")\n");
        for (Map.Entry<Integer, Mapping> e : mappings.entrySet()) {
            sb.append("  ").append(label(source, e.getKey())).append(' ');
            switch (e.getValue()) {
                case Mapping.To to -> sb.append("-> ").append(label(target, to.code()));
                case Mapping.Unmapped u -> sb.append("unmapped");
                case Mapping.Ambiguous a -> {
                    sb.append("-> ");
                    for (int i = 0; i < a.shares().size(); i++) {
                        Mapping.Share s = a.shares().get(i);
                        sb.append(i == 0 ? "" : " | ").append(label(target, s.code()))
                                .append(String.format(java.util.Locale.ROOT, " x%.3g", s.weight()));
                    }
                }
            }
            if (!e.getValue().note().isEmpty()) {
                sb.append("   # ").append(e.getValue().note());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Equal when source, target, description, fill and mappings are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Crosswalk c && source.equals(c.source) && target.equals(c.target)
                && description.equals(c.description) && fill == c.fill && mappings.equals(c.mappings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source.id(), target.id(), fill, mappings);
    }

    // --------------------------------------------------------------------------------------------------- builder

    /**
     * Collects mappings and validates them at {@link #build()}.
     *
     * <p>Not thread-safe; build once and share the immutable result.
     *
     * {@snippet :
     * var cw = Crosswalk.builder(mine, TaxonomyRegistry.builtIn().taxonomy("common"))
     *         .map(1, 17, "roofs are buildings")
     *         .unmapped(2, "shadow has no land-cover meaning")
     *         .ambiguous(3, "mixed pixels", Mapping.share(41, 0.7), Mapping.share(43, 0.3))
     *         .build();
     * }
     */
    public static final class Builder {
        private final Taxonomy source;
        private final Taxonomy target;
        private String description = "";
        private Integer fill;
        private final Map<Integer, Mapping> mappings = new LinkedHashMap<>();

        private Builder(Taxonomy source, Taxonomy target) {
            this.source = Objects.requireNonNull(source, "source");
            this.target = Objects.requireNonNull(target, "target");
        }

        /** Sets the description (provenance and notes). */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "description");
            return this;
        }

        /** Sets the fill value (0..255); default: the target's first ignore code that fits a byte, else 255. */
        public Builder fill(int value) {
            checkFill(value);
            this.fill = value;
            return this;
        }

        /** Maps a source class to a target class. */
        public Builder map(int sourceCode, int targetCode) {
            return put(sourceCode, Mapping.to(targetCode));
        }

        /** Maps a source class to a target class, with a note. */
        public Builder map(int sourceCode, int targetCode, String note) {
            return put(sourceCode, Mapping.to(targetCode, note));
        }

        /** Marks a source class as having no counterpart. */
        public Builder unmapped(int sourceCode, String note) {
            return put(sourceCode, Mapping.unmapped(note));
        }

        /** Splits a source class over several target classes. */
        public Builder ambiguous(int sourceCode, String note, Mapping.Share... shares) {
            return put(sourceCode, Mapping.ambiguous(note, shares));
        }

        /**
         * Sets the mapping of a source class.
         *
         * @throws IllegalArgumentException if the class is already mapped
         */
        public Builder put(int sourceCode, Mapping mapping) {
            Objects.requireNonNull(mapping, "mapping");
            if (mappings.putIfAbsent(sourceCode, mapping) != null) {
                throw new IllegalArgumentException("crosswalk " + source.id() + ":" + target.id() + " maps source code "
                        + sourceCode + " twice");
            }
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the problem: a mapped code that is not a source class, a tree
         *                                  class of the source without a mapping, or a target code that is not a
         *                                  class of the target
         */
        public Crosswalk build() {
            String where = "crosswalk " + source.id() + ":" + target.id() + ": ";
            for (int code : mappings.keySet()) {
                if (!source.contains(code)) {
                    throw new IllegalArgumentException(where + "maps " + code + ", which is not a class of '"
                            + source.id() + "'");
                }
            }
            Map<Integer, Mapping> ordered = new LinkedHashMap<>();
            for (TaxonClass c : source.allClasses()) {
                Mapping m = mappings.get(c.code());
                if (m == null) {
                    if (!c.ignore()) {
                        throw new IllegalArgumentException(where + "does not map source class " + c.label()
                                + "; map it or mark it unmapped");
                    }
                    continue;
                }
                switch (m) {
                    case Mapping.To to -> checkTarget(where, c, to.code());
                    case Mapping.Ambiguous a -> a.shares().forEach(s -> checkTarget(where, c, s.code()));
                    case Mapping.Unmapped u -> { }
                }
                ordered.put(c.code(), m);
            }
            int f = fill != null ? fill : defaultFill(target);
            return new Crosswalk(source, target, description, f, Collections.unmodifiableMap(ordered));
        }

        private void checkTarget(String where, TaxonClass from, int code) {
            if (!target.contains(code)) {
                throw new IllegalArgumentException(where + "maps source class " + from.label() + " to " + code
                        + ", which is not a class of '" + target.id() + "'");
            }
        }
    }
}
