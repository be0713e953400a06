package org.landcover4j.taxonomy;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One class of a {@link Taxonomy}: its raster code, name, display colour, description and place in the tree.
 *
 * <p>Immutable and thread-safe. Classes are normally created by {@link Taxonomy#builder(String, String)} or the
 * JSON loader ({@link TaxonomyJson}), which compute {@link #level()}; a {@link Taxonomy} checks that levels and
 * parent links agree.
 *
 * <p>Levels: roots are level 1, their children level 2, and so on. An <em>ignore</em> class (no data, unknown,
 * unlabelled) stands outside the tree: it has level 0, no parent and no children, and scores exclude it.
 *
 * {@snippet :
 * TaxonClass water = TaxonomyRegistry.builtIn().taxonomy("landcovernet").get(1);
 * water.name();      // "Water"
 * water.colour();    // #0000ff
 * water.parent();    // OptionalInt[12]  (level-2 "Water")
 * water.level();     // 3
 * }
 *
 * @param code        the value that stands for the class in a label raster, 0..65535
 * @param name        the name, not blank
 * @param colour      the display colour
 * @param description what the class holds (may be empty, never null)
 * @param parent      the code of the parent class, empty for roots and ignore classes
 * @param level       1 for roots, parent's level + 1 below; 0 for ignore classes
 * @param ignore      whether the code marks pixels without a class (no data, unknown)
 */
public record TaxonClass(int code, String name, Rgb colour, String description, OptionalInt parent, int level,
                         boolean ignore) {

    /** The largest code a class may have (codes must fit unsigned 16-bit rasters). */
    public static final int MAX_CODE = 65535;

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if the code is outside 0..65535, the name is blank, a class is its own parent,
     *                                  or level, parent and ignore disagree
     */
    public TaxonClass {
        if (code < 0 || code > MAX_CODE) {
            throw new IllegalArgumentException("class code must be 0.." + MAX_CODE + ", got " + code);
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("class " + code + " has a blank name");
        }
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(description, "description (use \"\")");
        Objects.requireNonNull(parent, "parent (use OptionalInt.empty())");
        if (parent.isPresent() && (parent.getAsInt() < 0 || parent.getAsInt() > MAX_CODE)) {
            throw new IllegalArgumentException("class " + code + " '" + name + "': parent code must be 0.." + MAX_CODE
                    + ", got " + parent.getAsInt());
        }
        if (ignore) {
            if (parent.isPresent()) {
                throw new IllegalArgumentException("ignore class " + code + " '" + name
                        + "' cannot have a parent (it stands outside the tree), got parent " + parent.getAsInt());
            }
            if (level != 0) {
                throw new IllegalArgumentException("ignore class " + code + " '" + name + "' must have level 0, got "
                        + level);
            }
        } else {
            if (level < 1) {
                throw new IllegalArgumentException("class " + code + " '" + name + "' must have level >= 1, got "
                        + level);
            }
            if (parent.isEmpty() != (level == 1)) {
                throw new IllegalArgumentException("class " + code + " '" + name + "': level " + level
                        + (parent.isEmpty() ? " but no parent (roots are level 1)" : " but a parent (roots are level 1)"));
            }
        }
    }

    /** A root class (level 1) without description. */
    public static TaxonClass root(int code, String name, Rgb colour) {
        return new TaxonClass(code, name, colour, "", OptionalInt.empty(), 1, false);
    }

    /** An ignore class (no data, unknown) without description. */
    public static TaxonClass ignoreClass(int code, String name, Rgb colour) {
        return new TaxonClass(code, name, colour, "", OptionalInt.empty(), 0, true);
    }

    /** Whether the class has no parent and is not an ignore class. */
    public boolean isRoot() {
        return !ignore && parent.isEmpty();
    }

    /** A short label, {@code "12 Bare ground"}. */
    public String label() {
        return code + " " + name;
    }

    /** {@code TaxonClass[code=12, name=Bare ground, colour=#d1a46d, level=2, parent=1]} (description omitted). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TaxonClass[code=").append(code).append(", name=").append(name)
                .append(", colour=").append(colour);
        if (ignore) {
            sb.append(", ignore");
        } else {
            sb.append(", level=").append(level);
            parent.ifPresent(p -> sb.append(", parent=").append(p));
        }
        return sb.append(']').toString();
    }
}
