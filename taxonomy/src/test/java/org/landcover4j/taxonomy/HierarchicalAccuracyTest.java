package org.landcover4j.taxonomy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.testing.Gen;

class HierarchicalAccuracyTest {

    private static final Taxonomy LCN = TaxonomyRegistry.builtIn().taxonomy("landcovernet");

    @Test
    void landcovernetByHand() {
        long[][] cm = new long[8][8];   // label codes 0..7
        cm[5][7] = 10;                  // woody predicted as (semi) natural: same level 1, different level 2
        cm[6][7] = 20;                  // cultivated predicted as (semi) natural: same level 2, different level 3
        cm[6][6] = 60;
        cm[1][3] = 10;                  // water predicted as natural bare ground: same level 1 (bare)
        cm[0][6] = 5;                   // no-data reference: not a class, excluded from accuracy
        cm[2][0] = 5;                   // artificial bare ground predicted as no data: always an error
        List<HierarchicalAccuracy.Level> levels = HierarchicalAccuracy.of(LCN, cm);
        assertEquals(3, levels.size());
        // 105 pixels have a class reference. Level 1: everything agrees except the no-data prediction: 100/105.
        // Level 2: woody/non-woody (10) and water/bare ground (10) disagree: 80/105. Level 3: 60/105.
        assertEquals(105, levels.get(0).referencePixels());
        assertEquals(100, levels.get(0).agreeing());
        assertEquals(80, levels.get(1).agreeing());
        assertEquals(60, levels.get(2).agreeing());
        assertEquals(100.0 / 105, levels.get(0).overallAccuracy(), 1e-15);
        HierarchicalAccuracy.Level l1 = levels.get(0);
        assertEquals(List.of(10, 20), l1.classes().stream().map(TaxonClass::code).toList());
        // Rows: Bare, Vegetation, not-a-class; columns the same.
        assertArrayEquals(new long[][] {{10, 0, 5}, {0, 90, 0}, {0, 5, 0}}, l1.confusion());
        assertEquals(List.of(11, 12, 13, 21, 22), levels.get(1).classes().stream().map(TaxonClass::code).toList());
        assertEquals(List.of(4, 1, 2, 3, 5, 6, 7), levels.get(2).classes().stream().map(TaxonClass::code).toList());
    }

    @Test
    void coarseLabelsStandForThemselvesAtFinerLevels() {
        long[][] cm = new long[23][23];
        cm[20][5] = 7;    // reference says only "Vegetation" (level 1), prediction says woody vegetation
        HierarchicalAccuracy.Level l1 = HierarchicalAccuracy.atLevel(LCN, cm, 1);
        assertEquals(1.0, l1.overallAccuracy());
        HierarchicalAccuracy.Level l3 = HierarchicalAccuracy.atLevel(LCN, cm, 3);
        assertEquals(0.0, l3.overallAccuracy());
        assertTrue(l3.classes().stream().anyMatch(c -> c.code() == 20), "the coarse class appears at level 3");
    }

    @Test
    void emptyMatrixGivesNaN() {
        assertTrue(Double.isNaN(HierarchicalAccuracy.atLevel(LCN, new long[8][8], 2).overallAccuracy()));
    }

    @Test
    void rejectsBadMatrices() {
        var ragged = assertThrows(IllegalArgumentException.class,
                () -> HierarchicalAccuracy.of(LCN, new long[][] {{1, 2}, {3}}));
        assertEquals("counts must be square: row 1 has 1 entries, expected 2", ragged.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> HierarchicalAccuracy.of(LCN, new long[][] {{1, -2}, {3, 4}}));
        assertEquals("counts[0][1] is negative: -2", negative.getMessage());
    }

    @RepeatedTest(10)
    void accuracyNeverDropsWhenRollingUpAndTotalsArePreserved(RepetitionInfo rep) {
        Gen g = Gen.seeded(500 + rep.getCurrentRepetition());
        Taxonomy common = TaxonomyRegistry.builtIn().taxonomy("common");
        int n = common.maxCode() + 3;   // a few codes that are not classes
        long[][] cm = new long[n][n];
        long total = 0;
        for (int i = 0; i < 400; i++) {
            int r = g.nextInt(n);
            int p = g.chance(0.5) ? r : g.nextInt(n);
            long v = g.between(1, 1000);
            cm[r][p] += v;
            total += v;
        }
        List<HierarchicalAccuracy.Level> levels = HierarchicalAccuracy.of(common, cm);
        for (int i = 0; i < levels.size(); i++) {
            long sum = 0;
            for (long[] row : levels.get(i).confusion()) {
                for (long v : row) {
                    sum += v;
                }
            }
            assertEquals(total, sum, g + " level " + (i + 1) + " keeps every pixel");
            if (i > 0) {
                assertTrue(levels.get(i - 1).agreeing() >= levels.get(i).agreeing(), g.toString());
                assertEquals(levels.get(i - 1).referencePixels(), levels.get(i).referencePixels(), g.toString());
            }
        }
    }
}
