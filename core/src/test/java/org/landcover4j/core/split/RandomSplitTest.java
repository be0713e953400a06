package org.landcover4j.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.testing.Gen;

class RandomSplitTest {

    private static List<String> ids(String prefix, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    @Test
    void sameSeedSameAssignment() {
        List<String> ids = ids("data_", 5000);
        var a = RandomSplit.of(Ratios.parse("7:1:2")).seed(11).assign(ids);
        var b = RandomSplit.of(Ratios.parse("7:1:2")).seed(11).assign(new ArrayList<>(ids));
        assertEquals(a, b);
        assertEquals(a.toString(), b.toString());
        var other = RandomSplit.of(Ratios.parse("7:1:2")).seed(12).assign(ids);
        assertNotEquals(a.asMap(), other.asMap());
    }

    @Test
    void addingSamplesNeverMovesExistingOnes() {
        Gen gen = Gen.seeded(99);
        List<String> before = ids("aachen_", 20_000);
        var split = RandomSplit.of(Ratios.parse("6:1:3")).seed(gen.seed());
        var first = split.assign(before);
        List<String> grown = new ArrayList<>(before);
        grown.addAll(ids("zanzibar_", 7_000));
        Collections.shuffle(grown, new Random(gen.seed()));   // another order, too
        var second = split.assign(grown);
        for (String id : before) {
            assertEquals(first.split(id), second.split(id), id + " moved; " + gen);
        }
        assertEquals(27_000, second.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7:1:2", "6:1:3", "0.8:0.1:0.1", "1:1:1"})
    void sharesFollowTheRatiosOnLargeSets(String text) {
        Ratios r = Ratios.parse(text);
        int n = 200_000;
        var a = RandomSplit.of(r).seed(2026).assign(ids("ROIs1158_spring_s2_1_p", n));
        for (Split s : Split.values()) {
            double p = r.fraction(s);
            double sigma = Math.sqrt(n * p * (1 - p));
            assertTrue(Math.abs(a.count(s) - n * p) < 5 * sigma,
                    s + ": " + a.count(s) + " of " + n + " for share " + p + " (" + text + ")");
        }
    }

    @Test
    void zeroWeightLeavesASplitEmpty() {
        var a = RandomSplit.of(Ratios.of(9, 0, 1)).seed(5).assign(ids("x", 10_000));
        assertEquals(0, a.count(Split.VAL));
        assertTrue(a.count(Split.TEST) > 800 && a.count(Split.TEST) < 1200, a.toString());
        var trainOnly = RandomSplit.of(Ratios.of(1, 0, 0)).assign(ids("y", 1000));
        assertEquals(1000, trainOnly.count(Split.TRAIN));
    }

    @Test
    void splitOfAgreesWithAssignAndWithTheHash() {
        var split = RandomSplit.of(Ratios.parse("7:1:2")).seed(42);
        // SplitHashTest pins unit(42, "aachen_1") = 0.088 and unit(42, "data_3") = 0.333
        assertEquals(Split.TRAIN, split.splitOf("aachen_1"));
        assertEquals(Split.TRAIN, split.splitOf("data_3"));
        assertEquals(Split.VAL, RandomSplit.of(Ratios.parse("3:1:6")).seed(42).splitOf("data_3"));   // 0.3 <= u < 0.4
        assertEquals(Split.TEST, RandomSplit.of(Ratios.parse("2:1:7")).seed(42).splitOf("data_3"));  // u >= 0.3
        var a = split.assign(List.of("aachen_1", "data_3"));
        assertEquals("SplitAssignment[2 samples: train=2, val=0, test=0]", a.toString());
        assertThrows(IllegalArgumentException.class, () -> split.assign(List.of("a", "b", "a")));
        record S(String name) { }
        var typed = split.assign(List.of(new S("aachen_1")), S::name);
        assertEquals(a.split("aachen_1"), typed.split("aachen_1"));
    }

    @Test
    void ratiosParseAndErrors() {
        assertEquals(Ratios.of(7, 1, 2), Ratios.parse("7:1:2"));
        assertEquals("7:1:2", Ratios.parse(" 7 : 1 : 2 ").toString());
        assertEquals(0.1, Ratios.parse("7:1:2").fraction(Split.VAL), 1e-15);
        assertEquals(0.3, Ratios.parse("60:10:30").fraction(Split.TEST), 1e-15);
        assertEquals("0.6:0.1:0.3", Ratios.parse("0.6:0.1:0.3").toString());
        assertEquals(0.2, Ratios.parse("70.5:9.5:20").fraction(Split.TEST), 1e-12);
        assertEquals("ratios '7:1' must have three parts train:val:test, like 7:1:2; got 2",
                assertThrows(IllegalArgumentException.class, () -> Ratios.parse("7:1")).getMessage());
        assertEquals("ratios '7:0:3': parts must be positive, got 0 for val",
                assertThrows(IllegalArgumentException.class, () -> Ratios.parse("7:0:3")).getMessage());
        assertEquals("ratios '7:1:-2': parts must be positive, got -2 for test",
                assertThrows(IllegalArgumentException.class, () -> Ratios.parse("7:1:-2")).getMessage());
        assertEquals("ratios 'a:1:2': train part 'a' is not a number",
                assertThrows(IllegalArgumentException.class, () -> Ratios.parse("a:1:2")).getMessage());
        var notWhole = assertThrows(IllegalArgumentException.class, () -> Ratios.parse("0.7:0.2:0.2"));
        assertTrue(notWhole.getMessage().startsWith("ratios '0.7:0.2:0.2' sum to 1.1"), notWhole.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ratios.parse("NaN:1:1"));
        assertThrows(IllegalArgumentException.class, () -> Ratios.parse("Infinity:1:1"));
        assertThrows(IllegalArgumentException.class, () -> Ratios.of(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Ratios.of(1, -1, 1));
    }
}
