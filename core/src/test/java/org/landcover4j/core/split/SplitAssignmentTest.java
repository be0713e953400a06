package org.landcover4j.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.dataset.Split;

class SplitAssignmentTest {

    @Test
    void officialSplitFromNames() {
        Map<String, String> csv = new LinkedHashMap<>();
        csv.put("82543044", "training");
        csv.put("119316571", "testing");
        csv.put("5", "validation");
        csv.put("6", "train");
        var a = SplitAssignment.official(csv);
        assertEquals(Optional.of(Split.TRAIN), a.split("82543044"));
        assertEquals(Optional.of(Split.VAL), a.split("5"));
        assertEquals(Optional.empty(), a.split("7"));
        assertEquals(Map.of(Split.TRAIN, 2, Split.VAL, 1, Split.TEST, 1), a.counts());
        assertEquals(List.of("82543044", "119316571", "5", "6"), a.ids());
        assertEquals(List.of("82543044", "6"), a.ids(Split.TRAIN));
        assertEquals("SplitAssignment[4 samples: train=2, val=1, test=1]", a.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> SplitAssignment.official(Map.of("9", "holdout")));
        assertEquals("sample '9': unknown split 'holdout'; expected train, val or test (or training, validation, testing)",
                e.getMessage());
    }

    @Test
    void builderChecksIds() {
        var dup = SplitAssignment.builder().add("a", Split.TRAIN).add("b", Split.TEST).add("a", Split.VAL);
        assertEquals("sample id 'a' appears more than once",
                assertThrows(IllegalArgumentException.class, dup::build).getMessage());
        var both = SplitAssignment.builder().add("a", Split.TRAIN).exclude("a", "why");
        assertThrows(IllegalArgumentException.class, both::build);
        var flagOnly = SplitAssignment.builder().flag("a", "why");
        assertThrows(IllegalArgumentException.class, flagOnly::build);
        assertThrows(NullPointerException.class, () -> SplitAssignment.builder().add(null, Split.TRAIN));
    }

    @Test
    void lookupsSortingAndEquality() {
        var b = SplitAssignment.builder();
        for (int i = 9999; i >= 0; i--) {
            b.add("id" + i, Split.values()[i % 3]);
        }
        var a = b.exclude("gone", "no label").build();
        for (int i = 0; i < 10000; i++) {
            assertEquals(Split.values()[i % 3], a.split("id" + i).orElseThrow());
        }
        assertEquals("id9999", a.ids().get(0));
        var sorted = a.sorted();
        assertEquals("id0", sorted.ids().get(0));
        assertEquals("id1", sorted.ids().get(1));
        assertEquals("id10", sorted.ids().get(2));
        assertEquals(a.asMap(), sorted.asMap());
        assertNotEquals(a, sorted);   // same content, another order
        assertEquals(sorted, a.sorted());
        assertEquals(Map.of("gone", "no label"), sorted.excluded());
        assertTrue(a.toString().endsWith("; excluded 1]"), a.toString());
        assertEquals(0, SplitAssignment.of(Map.of()).size());
    }
}
