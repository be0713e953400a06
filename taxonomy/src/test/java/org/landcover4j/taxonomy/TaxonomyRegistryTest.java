package org.landcover4j.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyRegistryTest {

    @Test
    void builtInIsSharedAndListsCommonFirst() {
        TaxonomyRegistry reg = TaxonomyRegistry.builtIn();
        assertSame(reg, TaxonomyRegistry.builtIn());
        assertEquals("common", reg.taxonomies().get(0).id());
        assertEquals(15, reg.taxonomies().size());
        assertTrue(reg.crosswalksFrom("landcovernet-l3").stream().map(Crosswalk::id).toList()
                .containsAll(List.of("landcovernet-l3:landcovernet-l2", "landcovernet-l3:landcovernet-l1",
                        "landcovernet-l3:common")));
        assertEquals(reg.crosswalk("igbp:dfc2020"), reg.crosswalk("igbp", "dfc2020"));
    }

    @Test
    void unknownIdsListTheKnownOnes() {
        var t = assertThrows(IllegalArgumentException.class, () -> TaxonomyRegistry.builtIn().taxonomy("corine"));
        assertTrue(t.getMessage().startsWith("unknown taxonomy 'corine'; known: [common, igbp, "), t.getMessage());
        var c = assertThrows(IllegalArgumentException.class,
                () -> TaxonomyRegistry.builtIn().crosswalk("igbp:globe230k"));
        assertTrue(c.getMessage().startsWith("unknown crosswalk 'igbp:globe230k'; known: [igbp:dfc2020, "));
    }

    @Test
    void addingIsImmutableAndChecked() {
        Taxonomy mine = Taxonomy.builder("mine", "Mine").root(1, "A", Rgb.BLACK).build();
        TaxonomyRegistry base = TaxonomyRegistry.builtIn();
        TaxonomyRegistry more = base.with(mine);
        assertTrue(more.findTaxonomy("mine").isPresent());
        assertTrue(base.findTaxonomy("mine").isEmpty(), "the original registry is unchanged");
        var dup = assertThrows(IllegalArgumentException.class, () -> more.with(mine));
        assertEquals("taxonomy 'mine' is already registered", dup.getMessage());
        Crosswalk cw = Crosswalk.builder(mine, base.taxonomy("common")).map(1, 10).build();
        var missing = assertThrows(IllegalArgumentException.class, () -> base.withCrosswalk(cw));
        assertEquals("crosswalk mine:common uses taxonomy 'mine', which is not registered", missing.getMessage());
        TaxonomyRegistry withCw = more.withCrosswalk(cw);
        assertEquals(cw, withCw.crosswalk("mine:common"));
        assertEquals(1, withCw.harmonize("mine", "globe230k").groups().stream()
                .filter(g -> !g.reference().isEmpty()).count());
        TaxonomyRegistry own = TaxonomyRegistry.of(List.of(mine), List.of());
        assertEquals(List.of(mine), own.taxonomies());
        assertTrue(TaxonomyRegistry.empty().taxonomies().isEmpty());
    }
}
