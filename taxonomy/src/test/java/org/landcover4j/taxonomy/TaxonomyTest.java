package org.landcover4j.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private static final Rgb RED = Rgb.parse("#ff0000");
    private static final Rgb GREEN = Rgb.parse("#00ff00");

    /** 1 Land { 11 Forest { 111 Pine }, 12 Grass }, 2 Water; 0 No data. */
    private static Taxonomy demo() {
        return Taxonomy.builder("demo", "Demo").description("test tree")
                .root(1, "Land", GREEN)
                .child(1, 11, "Forest", GREEN, "trees")
                .child(11, 111, "Pine", GREEN)
                .child(1, 12, "Grass", GREEN)
                .root(2, "Water", Rgb.parse("#0000ff"))
                .ignore(0, "No data", Rgb.BLACK)
                .build();
    }

    @Test
    void levelsLookupsAndNavigation() {
        Taxonomy t = demo();
        assertEquals(3, t.levels());
        assertEquals(List.of(1, 11, 111, 12, 2), t.classes().stream().map(TaxonClass::code).toList());
        assertEquals(List.of(0), t.ignoreClasses().stream().map(TaxonClass::code).toList());
        assertEquals(6, t.allClasses().size());
        assertEquals(new TaxonClass(11, "Forest", GREEN, "trees", OptionalInt.of(1), 2, false), t.get(11));
        assertEquals(3, t.get(111).level());
        assertEquals(0, t.get(0).level());
        assertTrue(t.isIgnore(0));
        assertFalse(t.isIgnore(1));
        assertEquals(11, t.findByName(" forest ").orElseThrow().code());
        assertTrue(t.findByName("Forest", 1).isEmpty());
        assertTrue(t.find(5).isEmpty());
        var unknown = assertThrows(IllegalArgumentException.class, () -> t.get(5));
        assertEquals("taxonomy 'demo' has no class 5; its codes are [0, 1, 2, 11, 12, 111]", unknown.getMessage());
        assertEquals(List.of(1, 2), t.roots().stream().map(TaxonClass::code).toList());
        assertEquals(List.of(11, 12), t.children(1).stream().map(TaxonClass::code).toList());
        assertEquals(1, t.parent(11).orElseThrow().code());
        assertTrue(t.parent(1).isEmpty());
        assertEquals(List.of(1, 11, 111), t.path(111).stream().map(TaxonClass::code).toList());
        assertEquals(List.of(111, 12, 2), t.leaves().stream().map(TaxonClass::code).toList());
        assertTrue(t.isAncestorOrSelf(1, 111));
        assertTrue(t.isAncestorOrSelf(111, 111));
        assertFalse(t.isAncestorOrSelf(12, 111));
        assertEquals(111, t.maxCode());
    }

    @Test
    void rollUpAndPartition() {
        Taxonomy t = demo();
        assertEquals(1, t.rollUp(111, 1).code());
        assertEquals(11, t.rollUp(111, 2).code());
        assertEquals(111, t.rollUp(111, 3).code());
        assertEquals(12, t.rollUp(12, 3).code(), "a leaf above the level stands for itself");
        assertEquals(0, t.rollUp(0, 1).code(), "ignore classes stand for themselves");
        assertEquals(List.of(1, 2), t.partition(1).stream().map(TaxonClass::code).toList());
        assertEquals(List.of(11, 12, 2), t.partition(2).stream().map(TaxonClass::code).toList());
        assertEquals(List.of(111, 12, 2), t.partition(3).stream().map(TaxonClass::code).toList());
        var bad = assertThrows(IllegalArgumentException.class, () -> t.rollUp(111, 4));
        assertEquals("taxonomy 'demo' has levels 1..3, got 4", bad.getMessage());
    }

    @Test
    void treeToString() {
        assertEquals("""
                demo: Demo (5 classes, 3 levels)
                |-- 1 Land #00ff00
                |   |-- 11 Forest #00ff00
                |   |   `-- 111 Pine #00ff00
                |   `-- 12 Grass #00ff00
                `-- 2 Water #0000ff
                (ignore) 0 No data #000000
                """, demo().toString());
        assertEquals("TaxonClass[code=11, name=Forest, colour=#00ff00, level=2, parent=1]",
                demo().get(11).toString());
    }

    @Test
    void ofChecksLevelsAndEqualityIsByValue() {
        Taxonomy t = demo();
        assertEquals(t, Taxonomy.of("demo", "Demo", "test tree", t.allClasses()));
        assertEquals(t.hashCode(), Taxonomy.of("demo", "Demo", "test tree", t.allClasses()).hashCode());
        assertNotEquals(t, t.withId("other", "Demo", "test tree"));
        var wrongLevel = assertThrows(IllegalArgumentException.class, () -> Taxonomy.of("x", "X", "", List.of(
                TaxonClass.root(1, "A", RED),
                new TaxonClass(2, "B", RED, "", OptionalInt.of(1), 3, false))));
        assertEquals("taxonomy 'x': class 2 'B' says level 3 but its parent links give level 2",
                wrongLevel.getMessage());
    }

    @Test
    void rejectsDuplicateCodes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("x", "X")
                .root(1, "A", RED).root(1, "B", RED).build());
        assertEquals("taxonomy 'x': duplicate code 1: 'A' and 'B'", e.getMessage());
    }

    @Test
    void rejectsDanglingParents() {
        var e = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("x", "X")
                .root(1, "A", RED).child(9, 2, "B", RED).build());
        assertEquals("taxonomy 'x': class 2 'B' names parent 9, which is not a class of this taxonomy",
                e.getMessage());
    }

    @Test
    void rejectsCyclesNamingThePath() {
        var e = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("x", "X")
                .root(1, "Root", RED).child(5, 3, "A", RED).child(3, 5, "B", RED).child(3, 7, "C", RED).build());
        assertEquals("taxonomy 'x': parent links form a cycle: 3 'A' -> 5 'B' -> 3 'A'", e.getMessage());
        var self = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("x", "X")
                .root(1, "Root", RED).child(4, 4, "Self", RED).build());
        assertEquals("taxonomy 'x': parent links form a cycle: 4 'Self' -> 4 'Self'", self.getMessage());
    }

    @Test
    void rejectsIgnoreClassesInsideTheTree() {
        var withParent = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("x", "X")
                .root(1, "A", RED).add(0, "nd", RED, "", 1, true).build());
        assertEquals("taxonomy 'x': ignore class 0 'nd' cannot have a parent (ignore classes stand outside the tree), "
                + "got parent 1", withParent.getMessage());
        var asParent = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("x", "X")
                .ignore(0, "nd", RED).child(0, 1, "A", RED).build());
        assertEquals("taxonomy 'x': class 1 'A' names parent 0 'nd', which is an ignore class (ignore classes cannot "
                + "have children)", asParent.getMessage());
        var onlyIgnore = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("x", "X")
                .ignore(0, "nd", RED).build());
        assertEquals("taxonomy 'x': needs at least one class that is not an ignore class", onlyIgnore.getMessage());
    }

    @Test
    void rejectsDuplicateNamesWithinALevelButAllowsThemAcrossLevels() {
        var e = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("x", "X")
                .root(1, "Water", RED).root(2, "WATER ", RED).build());
        assertEquals("taxonomy 'x': duplicate name 'WATER ' at level 1: codes 1 and 2", e.getMessage());
        Taxonomy ok = Taxonomy.builder("x", "X").root(1, "Water", RED).child(1, 2, "Water", RED).build();
        assertEquals(2, ok.findByName("water").orElseThrow().code(), "the deepest class wins");
        assertEquals(1, ok.findByName("water", 1).orElseThrow().code());
    }

    @Test
    void rejectsBadIdsNamesCodesAndColours() {
        var colon = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("a:b", "X")
                .root(1, "A", RED).build());
        assertTrue(colon.getMessage().startsWith("taxonomy id 'a:b' must be 1-64 letters"), colon.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("", "X").root(1, "A", RED).build());
        var blank = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("x", "X")
                .root(1, " ", RED).build());
        assertEquals("taxonomy 'x': class 1 has no name", blank.getMessage());
        var code = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("x", "X")
                .root(70000, "A", RED).build());
        assertEquals("taxonomy 'x': class code must be 0..65535, got 70000 ('A')", code.getMessage());
        var colour = assertThrows(IllegalArgumentException.class, () -> Taxonomy.builder("x", "X")
                .root(1, "A", null).build());
        assertEquals("taxonomy 'x': class 1 'A' has no colour", colour.getMessage());
    }

    @Test
    void taxonClassValidatesItself() {
        assertThrows(IllegalArgumentException.class, () -> new TaxonClass(-1, "A", RED, "", OptionalInt.empty(), 1,
                false));
        assertThrows(IllegalArgumentException.class, () -> new TaxonClass(1, "A", RED, "", OptionalInt.of(2), 1,
                false));
        assertThrows(IllegalArgumentException.class, () -> new TaxonClass(1, "A", RED, "", OptionalInt.empty(), 2,
                false));
        assertThrows(IllegalArgumentException.class, () -> new TaxonClass(1, "A", RED, "", OptionalInt.empty(), 1,
                true));
        assertTrue(TaxonClass.root(3, "A", RED).isRoot());
        assertFalse(TaxonClass.ignoreClass(0, "nd", RED).isRoot());
    }
}
