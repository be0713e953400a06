package org.landcover4j.taxonomy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;

/** Cross-dataset evaluation on constructed pairs whose answers are worked out by hand in the comments. */
class HarmonizationTest {

    private static final Rgb GREY = Rgb.of(128, 128, 128);

    /** Shared: 1 Land { 11 Forest { 111 Conifer, 112 Broadleaf }, 12 Grass }, 2 Water; 0 nd. */
    private static final Taxonomy SHARED = Taxonomy.builder("shared", "Shared")
            .root(1, "Land", GREY).child(1, 11, "Forest", GREY).child(11, 111, "Conifer", GREY)
            .child(11, 112, "Broadleaf", GREY).child(1, 12, "Grass", GREY).root(2, "Water", GREY)
            .ignore(0, "nd", Rgb.BLACK).build();

    private static final Taxonomy A = Taxonomy.builder("a", "A").root(1, "Conifer", GREY).root(2, "Broadleaf", GREY)
            .root(3, "Grass", GREY).root(4, "Lake", GREY).root(5, "Cloud", GREY).root(6, "Mixed", GREY)
            .root(7, "Parkland", GREY).ignore(0, "nd", Rgb.BLACK).build();

    private static final Taxonomy B = Taxonomy.builder("b", "B").root(1, "Forest", GREY).root(2, "Meadow", GREY)
            .root(3, "Water", GREY).root(4, "Paddy", GREY).ignore(255, "nd", Rgb.BLACK).build();

    private static final Crosswalk A_TO_SHARED = Crosswalk.builder(A, SHARED).map(1, 111).map(2, 112).map(3, 12)
            .map(4, 2).unmapped(5, "clouds hide the ground")
            .ambiguous(6, "mixed conifer and broadleaf", Mapping.share(111, 0.5), Mapping.share(112, 0.5))
            .ambiguous(7, "trees and grass", Mapping.share(11, 0.5), Mapping.share(12, 0.5))
            .map(0, 0).build();

    private static final Crosswalk B_TO_SHARED = Crosswalk.builder(B, SHARED).map(1, 11).map(2, 12).map(3, 2)
            .ambiguous(4, "flooded fields", Mapping.share(12, 0.5), Mapping.share(2, 0.5)).build();

    private static Map<Integer, List<Integer>> refGroups(Harmonization h) {
        return h.groups().stream().collect(Collectors.toMap(g -> g.target().code(),
                g -> g.reference().stream().map(TaxonClass::code).toList()));
    }

    private static Map<Integer, List<Integer>> predGroups(Harmonization h) {
        return h.groups().stream().collect(Collectors.toMap(g -> g.target().code(),
                g -> g.prediction().stream().map(TaxonClass::code).toList()));
    }

    private static List<String> excluded(Harmonization h) {
        return h.notComparable().stream().map(e -> e.side().name().charAt(0) + "" + e.source().code()).toList();
    }

    @Test
    void adaptiveMeetsAtTheDeepestSharedClassOfEachBranch() {
        // Anchors: A targets 111, 112, 12, 2; B targets 11, 12, 2. Conifer and broadleaf meet B's forest at 11;
        // grass and water stay where they are. A's mixed class lands entirely in 11, so it is compared there; A's
        // parkland splits between 11 and 12 and B's paddy between 12 and 2, so they are not comparable.
        Harmonization h = Harmonization.of(A_TO_SHARED, B_TO_SHARED);
        assertEquals(OptionalInt.empty(), h.level());
        assertEquals(List.of(11, 12, 2), h.groups().stream().map(g -> g.target().code()).toList());
        assertEquals(Map.of(11, List.of(1, 2, 6), 12, List.of(3), 2, List.of(4)), refGroups(h));
        assertEquals(Map.of(11, List.of(1), 12, List.of(2), 2, List.of(3)), predGroups(h));
        assertEquals(List.of(11), h.mergedGroups().stream().map(g -> g.target().code()).toList());
        assertEquals(List.of("R5", "R7", "R0", "P4", "P255"), excluded(h));
        assertEquals("unmapped: clouds hide the ground", h.notComparable().get(0).reason());
        assertEquals("ambiguous: splits between 11 Forest, 12 Grass", h.notComparable().get(1).reason());
        assertEquals("ignore class", h.notComparable().get(2).reason());

        int[] refTable = new int[256];
        java.util.Arrays.fill(refTable, 255);
        refTable[1] = 11;
        refTable[2] = 11;
        refTable[3] = 12;
        refTable[4] = 2;
        refTable[6] = 11;
        byte[] lut = h.referenceTableU8();
        for (int v = 0; v < 256; v++) {
            assertEquals(refTable[v], lut[v] & 0xFF, "reference table at " + v);
        }
        byte[] plut = h.predictionTableU16();
        assertEquals(65536, plut.length);
        assertEquals(11, plut[1]);
        assertEquals(12, plut[2]);
        assertEquals(2, plut[3]);
        assertEquals(255, plut[4] & 0xFF);
        assertEquals(255, plut[255] & 0xFF);
        assertEquals(255, plut[40000] & 0xFF);
    }

    @Test
    void compareCountsWhatCouldAndCouldNotBeCompared() {
        // Pixel pairs (reference code, prediction code) and where they go (groups g0=11, g1=12, g2=2, X = excluded):
        // (1,1) g0/g0  (2,1) g0/g0  (3,2) g1/g1  (4,3) g2/g2  (5,1) X/-  (6,2) g0/g1  (7,2) X/-  (0,1) X/-
        // (1,3) g0/g2  (3,4) g1/X
        // Matrix: g0 = [2, 1, 1], g1 = [0, 1, 0], g2 = [0, 0, 1]; 3 references excluded; 1 prediction excluded.
        // Accuracy = 4 agreeing / (6 compared + 1 incomparable prediction) = 4/7.
        Harmonization h = Harmonization.of(A_TO_SHARED, B_TO_SHARED);
        ByteRaster ref = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 2, 5),
                new byte[] {1, 2, 3, 4, 5, 6, 7, 0, 1, 3});
        ShortRaster pred = ShortRaster.wrap(RasterMetadata.of(DataType.UINT16, 1, 2, 5),
                new short[] {1, 1, 2, 3, 1, 2, 2, 1, 3, 4});
        Harmonization.Comparison c = h.compare(ref, pred);
        assertArrayEquals(new long[][] {{2, 1, 1}, {0, 1, 0}, {0, 0, 1}}, c.confusion());
        assertEquals(3, c.referenceNotComparable());
        assertEquals(1, c.predictionNotComparable());
        assertEquals(6, c.compared());
        assertEquals(4, c.agreeing());
        assertEquals(4.0 / 7, c.overallAccuracy(), 1e-15);
        var size = assertThrows(IllegalArgumentException.class,
                () -> h.compare(ref, ByteRaster.zeros(DataType.UINT8, 1, 5, 2)));
        assertEquals("reference is 5x2 but prediction is 2x5", size.getMessage());
    }

    @Test
    void uniformLevels() {
        // B's forest maps to 11 (level 2, not a leaf), so level 2 is the deepest uniform level.
        assertEquals(2, Harmonization.deepestUniformLevel(A_TO_SHARED, B_TO_SHARED));
        Harmonization l3 = Harmonization.atLevel(A_TO_SHARED, B_TO_SHARED, 3);
        assertEquals(OptionalInt.of(3), l3.level());
        assertEquals(Map.of(111, List.of(1), 112, List.of(2), 12, List.of(3), 2, List.of(4)), refGroups(l3));
        assertEquals(Map.of(111, List.of(), 112, List.of(), 12, List.of(2), 2, List.of(3)), predGroups(l3));
        assertTrue(l3.notComparable().stream().anyMatch(e -> e.source().code() == 1
                && e.side() == Harmonization.Side.PREDICTION
                && e.reason().equals("maps to 11 Forest, which is coarser than level 3")));
        assertTrue(l3.notComparable().stream().anyMatch(e -> e.source().code() == 6
                && e.side() == Harmonization.Side.REFERENCE), "mixed splits between 111 and 112 at level 3");
        // Level 1: parkland (11 or 12) is all land and becomes comparable; paddy (12 or 2) still splits.
        Harmonization l1 = Harmonization.atLevel(A_TO_SHARED, B_TO_SHARED, 1);
        assertEquals(Map.of(1, List.of(1, 2, 3, 6, 7), 2, List.of(4)), refGroups(l1));
        assertEquals(Map.of(1, List.of(1, 2), 2, List.of(3)), predGroups(l1));
        assertEquals(List.of("R5", "R0", "P4", "P255"), excluded(l1));
        assertThrows(IllegalArgumentException.class, () -> Harmonization.atLevel(A_TO_SHARED, B_TO_SHARED, 4));
    }

    @Test
    void openEarthMapAgainstGlobe230k() {
        // By hand from the two crosswalks into common: OpenEarthMap's building, road and developed space meet
        // Globe230k's impervious at 16 Artificial surfaces; Globe230k's grass and tundra meet OpenEarthMap's
        // rangeland at 42 Natural herbaceous; shrubland, wetland and ice/snow have no OpenEarthMap counterpart.
        Harmonization h = TaxonomyRegistry.builtIn().harmonize("openearthmap", "globe230k");
        assertEquals(List.of(10, 11, 13, 16, 21, 31, 41, 42, 50),
                h.groups().stream().map(g -> g.target().code()).toList());
        assertEquals(Map.of(10, List.of(6), 11, List.of(), 13, List.of(1), 16, List.of(3, 4, 8), 21, List.of(5),
                31, List.of(), 41, List.of(7), 42, List.of(2), 50, List.of()), refGroups(h));
        assertEquals(Map.of(10, List.of(6), 11, List.of(10), 13, List.of(9), 16, List.of(8), 21, List.of(2),
                31, List.of(4), 41, List.of(1), 42, List.of(3, 7), 50, List.of(5)), predGroups(h));
        assertEquals(List.of(16, 42), h.mergedGroups().stream().map(g -> g.target().code()).toList());
        assertEquals(List.of("R0", "P0"), excluded(h));
        assertTrue(h.groups().get(1).oneSided());
        assertFalse(h.groups().get(0).oneSided());
        String report = h.toString();
        assertTrue(report.startsWith("Harmonization of openearthmap (reference) and globe230k (prediction) in common "
                + "(adaptive)\n"), report);
        assertTrue(report.contains("  * 16 Artificial surfaces: reference [3 Developed space, 4 Road, 8 Building], "
                + "prediction [8 Impervious]"), report);
    }

    @Test
    void landcovernetAgainstIgbpMeetsAtLandCoverNetsLevels() {
        // LandCoverNet labels map to levels 2-3 of common; IGBP's forests and savannas all meet woody at 20, its
        // grassland and LandCoverNet's (semi) natural vegetation at 42; IGBP's wetland has no counterpart.
        Harmonization h = TaxonomyRegistry.builtIn().harmonize("landcovernet-l3", "igbp");
        Map<Integer, List<Integer>> pred = predGroups(h);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), pred.get(20));
        assertEquals(List.of(10), pred.get(42));
        assertEquals(List.of(11), pred.get(50));
        assertEquals(List.of(), refGroups(h).get(50));
        assertTrue(h.notComparable().stream().anyMatch(e -> e.source().code() == 14
                && e.reason().startsWith("ambiguous: splits between 41 Cultivated, 20 Woody vegetation, "
                + "42 Natural herbaceous")), h.toString());
    }

    @Test
    void coarseClassesOfAHierarchicalSourceDoNotCoarsenTheComparison() {
        // The landcovernet tree also maps its level-1/2 classes (to common 1, 2, 10, 11, 12, 20, 40). Only its leaves
        // (the label codes) set the comparison classes, so the leaves meet Globe230k exactly as landcovernet-l3 does.
        var reg = TaxonomyRegistry.builtIn();
        Harmonization tree = reg.harmonize("landcovernet", "globe230k");
        Harmonization labels = reg.harmonize("landcovernet-l3", "globe230k");
        assertEquals(labels.groups().stream().map(g -> g.target().code()).toList(),
                tree.groups().stream().map(g -> g.target().code()).toList());
        assertEquals(predGroups(labels), predGroups(tree));
        // Level-2 Snow/Ice, Water and Woody land on shared classes and are compared there...
        assertEquals(List.of(11, 4), refGroups(tree).get(11));
        assertEquals(List.of(12, 1), refGroups(tree).get(10));
        assertEquals(List.of(21, 5), refGroups(tree).get(20));
        // ...while Bare, Vegetation, Bare Ground and Non-Woody are coarser than the classes compared below them.
        for (int code : new int[] {10, 13, 20, 22}) {
            assertTrue(tree.notComparable().stream().anyMatch(e -> e.source().code() == code
                    && e.reason().endsWith("which is coarser than the classes compared below it")), "code " + code);
        }
        assertEquals(Harmonization.deepestUniformLevel(reg.crosswalk("landcovernet-l3:common"),
                reg.crosswalk("globe230k:common")), Harmonization.deepestUniformLevel(
                reg.crosswalk("landcovernet:common"), reg.crosswalk("globe230k:common")));
    }

    @Test
    void crosswalksMustShareTheirTarget() {
        var e = assertThrows(IllegalArgumentException.class, () -> Harmonization.of(A_TO_SHARED,
                TaxonomyRegistry.builtIn().crosswalk("igbp:common")));
        assertEquals("the crosswalks must end in the same taxonomy: a:shared and igbp:common", e.getMessage());
    }
}
