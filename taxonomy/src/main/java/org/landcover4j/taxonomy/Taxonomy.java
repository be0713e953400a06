package org.landcover4j.taxonomy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A class system: an immutable tree of {@link TaxonClass classes} with codes, names, colours and levels.
 *
 * <p>A taxonomy has one or more roots (level 1); every other class names its parent. Flat schemes such as IGBP have
 * one level; LandCoverNet has three; the {@code common} reference taxonomy has five. <em>Ignore</em> classes (no
 * data, unknown, unlabelled) stand outside the tree at level 0. Codes are unique in 0..65535; names are unique
 * within a level (case-insensitive), so the same name may appear at two levels (LandCoverNet's level-2 and level-3
 * "Water").
 *
 * <p>Roll-up: {@link #rollUp(int, int)} maps a class to its ancestor at a level; a class that is already coarser
 * than the level stands for itself. {@link #partition(int)} lists the classes a map has when rolled up to a level.
 *
 * <p>Validation ({@link #of}, {@link Builder#build()}) rejects duplicate codes, dangling parents, parent cycles,
 * ignore classes inside the tree and duplicate names within a level, with messages that name the classes involved.
 * Class order is the order of definition (children are listed in that order too).
 *
 * <p>Thread safety: immutable; safe to share.
 *
 * {@snippet :
 * var t = Taxonomy.builder("demo", "Demo")
 *         .root(1, "Vegetated", Rgb.parse("#00aa00"))
 *         .child(1, 11, "Trees", Rgb.parse("#006600"))
 *         .child(1, 12, "Grass", Rgb.parse("#99dd66"))
 *         .root(2, "Water", Rgb.parse("#0000ff"))
 *         .ignore(0, "No data", Rgb.BLACK)
 *         .build();
 * t.levels();            // 2
 * t.rollUp(11, 1);       // TaxonClass[code=1, name=Vegetated, ...]
 * System.out.println(t); // the tree, with colours
 * }
 */
public final class Taxonomy {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String id;
    private final String name;
    private final String description;
    private final List<TaxonClass> all;
    private final List<TaxonClass> classes;
    private final List<TaxonClass> ignoreClasses;
    private final Map<Integer, TaxonClass> byCode;
    private final Map<Integer, List<TaxonClass>> children;
    private final int levels;

    private Taxonomy(String id, String name, String description, List<TaxonClass> all) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.all = List.copyOf(all);
        List<TaxonClass> regular = new ArrayList<>();
        List<TaxonClass> ignored = new ArrayList<>();
        Map<Integer, TaxonClass> codes = new HashMap<>();
        Map<Integer, List<TaxonClass>> kids = new HashMap<>();
        int maxLevel = 0;
        for (TaxonClass c : all) {
            codes.put(c.code(), c);
            (c.ignore() ? ignored : regular).add(c);
            maxLevel = Math.max(maxLevel, c.level());
            c.parent().ifPresent(p -> kids.computeIfAbsent(p, k -> new ArrayList<>()).add(c));
        }
        this.classes = List.copyOf(regular);
        this.ignoreClasses = List.copyOf(ignored);
        this.byCode = Map.copyOf(codes);
        Map<Integer, List<TaxonClass>> frozen = new HashMap<>();
        kids.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.children = Map.copyOf(frozen);
        this.levels = maxLevel;
    }

    /**
     * A taxonomy from fully specified classes; levels must agree with the parent links.
     *
     * @param id          identifier used by registries and crosswalk ids: letters, digits, '.', '_', '-' (no ':')
     * @param name        human-readable name
     * @param description provenance and notes (may be empty)
     * @param classes     the classes in display order
     * @throws IllegalArgumentException naming the offending classes: duplicate codes, dangling parents, cycles,
     *                                  wrong levels, duplicate names within a level, no regular class
     */
    public static Taxonomy of(String id, String name, String description, List<TaxonClass> classes) {
        Objects.requireNonNull(classes, "classes");
        List<Entry> entries = new ArrayList<>(classes.size());
        for (TaxonClass c : classes) {
            Objects.requireNonNull(c, "class");
            entries.add(new Entry(c.code(), c.name(), c.colour(), c.description(),
                    c.parent().isPresent() ? c.parent().getAsInt() : null, c.ignore()));
        }
        List<TaxonClass> built = validate(id, name, description, entries);
        for (int i = 0; i < built.size(); i++) {
            if (built.get(i).level() != classes.get(i).level()) {
                TaxonClass c = classes.get(i);
                throw new IllegalArgumentException("taxonomy '" + id + "': class " + c.code() + " '" + c.name()
                        + "' says level " + c.level() + " but its parent links give level " + built.get(i).level());
            }
        }
        return new Taxonomy(id, name, description, built);
    }

    /** A builder for a taxonomy with this id and name. */
    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    // ------------------------------------------------------------------------------------------------ validation

    /** One class as written by a user, before levels are known. */
    record Entry(int code, String name, Rgb colour, String description, Integer parent, boolean ignore) {
    }

    static void checkId(String id, String what) {
        Objects.requireNonNull(id, what);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " '" + id + "' must be 1-64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit (':' separates the two ids of a crosswalk)");
        }
    }

    private static String label(Entry e) {
        return e.code() + " '" + e.name() + "'";
    }

    static List<TaxonClass> validate(String id, String name, String description, List<Entry> entries) {
        checkId(id, "taxonomy id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description (use \"\")");
        String where = "taxonomy '" + id + "': ";
        if (name.isBlank()) {
            throw new IllegalArgumentException(where + "the name is blank");
        }
        Map<Integer, Entry> byCode = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.name() == null || e.name().isBlank()) {
                throw new IllegalArgumentException(where + "class " + e.code() + " has no name");
            }
            if (e.colour() == null) {
                throw new IllegalArgumentException(where + "class " + label(e) + " has no colour");
            }
            if (e.code() < 0 || e.code() > TaxonClass.MAX_CODE) {
                throw new IllegalArgumentException(where + "class code must be 0.." + TaxonClass.MAX_CODE + ", got "
                        + e.code() + " ('" + e.name() + "')");
            }
            Entry previous = byCode.putIfAbsent(e.code(), e);
            if (previous != null) {
                throw new IllegalArgumentException(where + "duplicate code " + e.code() + ": '" + previous.name()
                        + "' and '" + e.name() + "'");
            }
        }
        if (entries.stream().allMatch(Entry::ignore)) {
            throw new IllegalArgumentException(where + "needs at least one class that is not an ignore class");
        }
        for (Entry e : entries) {
            if (e.parent() == null) {
                continue;
            }
            if (e.ignore()) {
                throw new IllegalArgumentException(where + "ignore class " + label(e)
                        + " cannot have a parent (ignore classes stand outside the tree), got parent " + e.parent());
            }
            Entry p = byCode.get(e.parent());
            if (p == null) {
                throw new IllegalArgumentException(where + "class " + label(e) + " names parent " + e.parent()
                        + ", which is not a class of this taxonomy");
            }
            if (p.ignore()) {
                throw new IllegalArgumentException(where + "class " + label(e) + " names parent " + label(p)
                        + ", which is an ignore class (ignore classes cannot have children)");
            }
        }
        // Cycles: follow each parent chain; a chain that returns to a code already on it is a cycle.
        Map<Integer, Integer> level = new HashMap<>();
        for (Entry e : entries) {
            if (e.ignore()) {
                level.put(e.code(), 0);
                continue;
            }
            List<Entry> chain = new ArrayList<>();
            LinkedHashSet<Integer> seen = new LinkedHashSet<>();
            Entry cur = e;
            while (cur != null && !level.containsKey(cur.code())) {
                if (!seen.add(cur.code())) {
                    List<String> cycle = new ArrayList<>();
                    boolean in = false;
                    for (Entry c : chain) {
                        in |= c.code() == cur.code();
                        if (in) {
                            cycle.add(label(c));
                        }
                    }
                    cycle.add(label(cur));
                    throw new IllegalArgumentException(where + "parent links form a cycle: "
                            + String.join(" -> ", cycle));
                }
                chain.add(cur);
                cur = cur.parent() == null ? null : byCode.get(cur.parent());
            }
            int base = cur == null ? 0 : level.get(cur.code());
            for (int i = chain.size() - 1; i >= 0; i--) {
                level.put(chain.get(i).code(), ++base);
            }
        }
        // Names: unique within a level, and among ignore classes (case-insensitive).
        Map<String, Entry> names = new HashMap<>();
        for (Entry e : entries) {
            Objects.requireNonNull(e.name(), "name of class " + e.code());
            String key = level.get(e.code()) + "\u0000" + e.name().strip().toLowerCase(Locale.ROOT);
            Entry previous = names.putIfAbsent(key, e);
            if (previous != null) {
                int lv = level.get(e.code());
                throw new IllegalArgumentException(where + "duplicate name '" + e.name() + "' "
                        + (lv == 0 ? "among ignore classes" : "at level " + lv) + ": codes " + previous.code()
                        + " and " + e.code());
            }
        }
        List<TaxonClass> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            try {
                out.add(new TaxonClass(e.code(), e.name(), e.colour(), e.description() == null ? "" : e.description(),
                        e.parent() == null ? OptionalInt.empty() : OptionalInt.of(e.parent()), level.get(e.code()),
                        e.ignore()));
            } catch (IllegalArgumentException | NullPointerException ex) {
                throw new IllegalArgumentException(where + ex.getMessage(), ex);
            }
        }
        return out;
    }

    // -------------------------------------------------------------------------------------------------- accessors

    /** The identifier, e.g. {@code "igbp"}. */
    public String id() {
        return id;
    }

    /** The human-readable name. */
    public String name() {
        return name;
    }

    /** Provenance and notes (may be empty). */
    public String description() {
        return description;
    }

    /** The classes of the tree (ignore classes excluded), in definition order. */
    public List<TaxonClass> classes() {
        return classes;
    }

    /** The ignore classes (no data, unknown, unlabelled), in definition order. */
    public List<TaxonClass> ignoreClasses() {
        return ignoreClasses;
    }

    /** Every class, tree classes and ignore classes, in definition order. */
    public List<TaxonClass> allClasses() {
        return all;
    }

    /** The number of levels of the tree (1 for a flat scheme). */
    public int levels() {
        return levels;
    }

    /** Whether a class (tree or ignore) has this code. */
    public boolean contains(int code) {
        return byCode.containsKey(code);
    }

    /** The class with this code (tree or ignore class), if any. */
    public Optional<TaxonClass> find(int code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The class with this code.
     *
     * @throws IllegalArgumentException if no class has the code
     */
    public TaxonClass get(int code) {
        TaxonClass c = byCode.get(code);
        if (c == null) {
            throw new IllegalArgumentException("taxonomy '" + id + "' has no class " + code + "; its codes are "
                    + codesText());
        }
        return c;
    }

    private String codesText() {
        List<Integer> codes = new ArrayList<>(byCode.keySet());
        Collections.sort(codes);
        return codes.toString();
    }

    /** Whether {@code code} is an ignore class of this taxonomy. */
    public boolean isIgnore(int code) {
        TaxonClass c = byCode.get(code);
        return c != null && c.ignore();
    }

    /**
     * The class with this name (case-insensitive, surrounding blanks ignored). When several levels use the name, the
     * deepest (finest) class wins, since label rasters usually hold the finest codes; use
     * {@link #findByName(String, int)} to choose.
     */
    public Optional<TaxonClass> findByName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        TaxonClass best = null;
        for (TaxonClass c : all) {
            if (c.name().strip().toLowerCase(Locale.ROOT).equals(key) && (best == null || c.level() > best.level())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The class with this name at this level (0 = ignore classes), case-insensitive. */
    public Optional<TaxonClass> findByName(String name, int level) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return all.stream().filter(c -> c.level() == level && c.name().strip().toLowerCase(Locale.ROOT).equals(key))
                .findFirst();
    }

    /** The tree classes at exactly this level, in definition order (empty outside 1..levels()). */
    public List<TaxonClass> level(int level) {
        return classes.stream().filter(c -> c.level() == level).toList();
    }

    /** The roots (level 1). */
    public List<TaxonClass> roots() {
        return level(1);
    }

    /** The children of a class, in definition order (empty for leaves and ignore classes). */
    public List<TaxonClass> children(int code) {
        get(code);
        return children.getOrDefault(code, List.of());
    }

    /** The parent of a class; empty for roots and ignore classes. */
    public Optional<TaxonClass> parent(int code) {
        TaxonClass c = get(code);
        return c.parent().isPresent() ? Optional.of(byCode.get(c.parent().getAsInt())) : Optional.empty();
    }

    /** The path from the root down to the class, both included (just the class for roots and ignore classes). */
    public List<TaxonClass> path(int code) {
        List<TaxonClass> out = new ArrayList<>();
        TaxonClass c = get(code);
        while (true) {
            out.add(c);
            if (c.parent().isEmpty()) {
                break;
            }
            c = byCode.get(c.parent().getAsInt());
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }

    /** Whether the class has no children (ignore classes are leaves). */
    public boolean isLeaf(int code) {
        get(code);
        return !children.containsKey(code);
    }

    /** The tree classes without children, in definition order. */
    public List<TaxonClass> leaves() {
        return classes.stream().filter(c -> !children.containsKey(c.code())).toList();
    }

    /** Whether {@code ancestor} is {@code code} itself or one of its ancestors. */
    public boolean isAncestorOrSelf(int ancestor, int code) {
        get(ancestor);
        for (TaxonClass c : path(code)) {
            if (c.code() == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * The class that stands for {@code code} when the map is rolled up to {@code level}: its ancestor at that level,
     * or the class itself when it is at that level or coarser. Ignore classes stand for themselves.
     *
     * @throws IllegalArgumentException for an unknown code or a level outside 1..levels()
     */
    public TaxonClass rollUp(int code, int level) {
        checkLevel(level);
        TaxonClass c = get(code);
        if (c.ignore() || c.level() <= level) {
            return c;
        }
        return path(code).get(level - 1);
    }

    /**
     * The classes of a map rolled up to {@code level}: the classes at that level and the leaves above it, in
     * definition order. Every leaf rolls up to exactly one of them.
     */
    public List<TaxonClass> partition(int level) {
        checkLevel(level);
        return classes.stream().filter(c -> c.level() == level || c.level() < level && !children.containsKey(c.code()))
                .toList();
    }

    private void checkLevel(int level) {
        if (level < 1 || level > levels) {
            throw new IllegalArgumentException("taxonomy '" + id + "' has levels 1.." + levels + ", got " + level);
        }
    }

    /** The largest code of any class. */
    public int maxCode() {
        int m = 0;
        for (TaxonClass c : all) {
            m = Math.max(m, c.code());
        }
        return m;
    }

    /** A copy with another id, name and description (same classes). */
    public Taxonomy withId(String newId, String newName, String newDescription) {
        return of(newId, newName, newDescription, all);
    }

    // ------------------------------------------------------------------------------------------------- printing

    /**
     * The tree as text: a header line, then one line per class ({@code code name #rrggbb}) indented by level with
     * ASCII branches, then the ignore classes.
     */
    public String tree() {
        StringBuilder sb = new StringBuilder();
        sb.append(id).append(": ").append(name).append(" (").append(classes.size())
                .append(classes.size() == 1 ? " class, " : " classes, ").append(levels)
                .append(levels == 1 ? " level)" : " levels)").append('\n');
        List<TaxonClass> roots = roots();
        for (int i = 0; i < roots.size(); i++) {
            appendTree(sb, roots.get(i), "", i == roots.size() - 1);
        }
        for (TaxonClass c : ignoreClasses) {
            sb.append("(ignore) ").append(c.code()).append(' ').append(c.name()).append(' ').append(c.colour())
                    .append('\n');
        }
        return sb.toString();
    }

    private void appendTree(StringBuilder sb, TaxonClass c, String prefix, boolean last) {
        sb.append(prefix).append(last ? "`-- " : "|-- ").append(c.code()).append(' ').append(c.name()).append(' ')
                .append(c.colour()).append('\n');
        List<TaxonClass> kids = children.getOrDefault(c.code(), List.of());
        for (int i = 0; i < kids.size(); i++) {
            appendTree(sb, kids.get(i), prefix + (last ? "    " : "|   "), i == kids.size() - 1);
        }
    }

    /** The tree, as {@link #tree()}. */
    @Override
    public String toString() {
        return tree();
    }

    /** Equal when id, name, description and every class (in order) are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Taxonomy t && id.equals(t.id) && name.equals(t.name) && description.equals(t.description)
                && all.equals(t.all);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, description, all);
    }

    // -------------------------------------------------------------------------------------------------- builder

    /**
     * Collects classes in display order and validates them all at {@link #build()}.
     *
     * <p>Not thread-safe; build once and share the immutable result.
     *
     * {@snippet :
     * var t = Taxonomy.builder("my-scheme", "My scheme").description("from my survey")
     *         .root(10, "Built-up", Rgb.parse("#ff0000"))
     *         .child(10, 11, "Buildings", Rgb.parse("#aa0000"), "roofs")
     *         .build();
     * }
     */
    public static final class Builder {
        private final String id;
        private final String name;
        private String description = "";
        private final List<Entry> entries = new ArrayList<>();

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        /** Sets the description (provenance and notes). */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "description");
            return this;
        }

        /** Adds a root class (level 1). */
        public Builder root(int code, String name, Rgb colour) {
            return add(code, name, colour, "", null, false);
        }

        /** Adds a root class with a description. */
        public Builder root(int code, String name, Rgb colour, String description) {
            return add(code, name, colour, description, null, false);
        }

        /** Adds a child of {@code parent} (the parent may be added later; links are checked at build). */
        public Builder child(int parent, int code, String name, Rgb colour) {
            return add(code, name, colour, "", parent, false);
        }

        /** Adds a child of {@code parent} with a description. */
        public Builder child(int parent, int code, String name, Rgb colour, String description) {
            return add(code, name, colour, description, parent, false);
        }

        /** Adds an ignore class (no data, unknown): outside the tree, excluded from scores. */
        public Builder ignore(int code, String name, Rgb colour) {
            return add(code, name, colour, "", null, true);
        }

        /** Adds an ignore class with a description. */
        public Builder ignore(int code, String name, Rgb colour, String description) {
            return add(code, name, colour, description, null, true);
        }

        /**
         * Adds any class.
         *
         * @param parent the parent's code, or {@code null} for a root or an ignore class
         */
        public Builder add(int code, String name, Rgb colour, String description, Integer parent, boolean ignore) {
            entries.add(new Entry(code, name, colour, description, parent, ignore));
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the offending classes (see {@link Taxonomy})
         */
        public Taxonomy build() {
            return new Taxonomy(id, name, description, validate(id, name, description, entries));
        }
    }
}
