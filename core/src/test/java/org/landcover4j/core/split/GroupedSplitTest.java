package org.landcover4j.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.core.testing.SharedData;

class GroupedSplitTest {
    private static final String[] SEASONS = {"ROIs1158_spring", "ROIs1868_summer", "ROIs1970_fall", "ROIs2017_winter"};

    /** SEN12MS-like S2 names: 4 seasons x 150 scenes x up to 40 patches. */
    private static List<String> sen12msIds(Gen gen) {
        List<String> ids = new ArrayList<>();
        for (String season : SEASONS) {
            for (int scene = 1; scene <= 150; scene++) {
                int patches = gen.between(1, 40);
                for (int p = 1; p <= patches; p++) {
                    ids.add(season + "_s2_" + scene + "_p" + p);
                }
            }
        }
        return ids;
    }

    @Test
    void noSceneStraddlesSplits() {
        Gen gen = Gen.seeded(1234);
        List<String> ids = sen12msIds(gen);
        var split = GroupedSplit.of(Ratios.parse("8:1:1")).seed(gen.seed());
        var scene = GroupKeys.named("scene");
        var a = split.assign(ids, scene);
        Map<String, Split> seen = new HashMap<>();
        for (String id : ids) {
            Split s = a.split(id).orElseThrow();
            Split prev = seen.putIfAbsent(scene.apply(id), s);
            assertTrue(prev == null || prev == s, id + " straddles " + prev + "/" + s + "; " + gen);
            assertEquals(split.splitOfGroup(scene.apply(id)), s);
        }
        assertEquals(600, seen.size());
        // 600 groups at 8:1:1: every split has groups, and group shares are near the ratios
        long valGroups = seen.values().stream().filter(s -> s == Split.VAL).count();
        assertTrue(valGroups > 30 && valGroups < 90, valGroups + " val groups; " + gen);
    }

    @Test
    void addingGroupsAndSamplesNeverMovesExistingOnes() {
        Gen gen = Gen.seeded(4321);
        List<String> ids = sen12msIds(gen);
        var split = GroupedSplit.of(Ratios.parse("7:1:2")).seed(3);
        var first = split.assign(ids, GroupKeys.sen12msScene());
        List<String> grown = new ArrayList<>(ids);
        for (String season : SEASONS) {
            grown.add(season + "_s2_1_p999");          // a new patch in an existing scene
            grown.add(season + "_s2_777_p1");          // a new scene
        }
        var second = split.assign(grown, GroupKeys.sen12msScene());
        for (String id : ids) {
            assertEquals(first.split(id), second.split(id), id);
        }
        assertEquals(second.split("ROIs1158_spring_s2_1_p1"), second.split("ROIs1158_spring_s2_1_p999"));
    }

    @Test
    void tooFewGroupsIsAClearError() {
        List<String> ids = List.of("aachen_1", "aachen_2", "berlin_1", "chicago_1", "dakar_1", "essen_1");
        var e = assertThrows(IllegalArgumentException.class,
                () -> GroupedSplit.of(Ratios.parse("7:1:2")).assign(ids, GroupKeys.named("region")));
        assertEquals("5 groups are too few for ratios 7:1:2: the val split (share 0.100) needs at least 10 groups",
                e.getMessage());
        // four seasons suffice for 2:1:1 (smallest share 1/4) but not for 8:1:1
        List<String> seasons = List.of(SEASONS).stream().map(s -> s + "_s2_1_p1").toList();
        GroupedSplit.of(Ratios.parse("2:1:1")).assign(seasons, GroupKeys.named("season"));
        assertThrows(IllegalArgumentException.class,
                () -> GroupedSplit.of(Ratios.parse("8:1:1")).assign(seasons, GroupKeys.named("season")));
    }

    @Test
    void missingOrUnknownGroupKeysNameTheValue() {
        var split = GroupedSplit.of(Ratios.parse("1:1:1"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> split.assign(List.of("a", "b"), id -> id.equals("b") ? " " : id));
        assertEquals("sample 'b' has no group key (got ' ')", e.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> GroupKeys.named("country"));
        assertTrue(unknown.getMessage().startsWith("unknown group key 'country'; known: region"), unknown.getMessage());
        var lookup = GroupKeys.fromMap(Map.of("82543044", "43QEU"));
        assertEquals("43QEU", lookup.apply("82543044"));
        assertEquals("no group key for sample '119316571' (1 samples have one)",
                assertThrows(IllegalArgumentException.class, () -> lookup.apply("119316571")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GroupKeys.named("region").apply("aachen"))
                .getMessage().contains("'aachen'"));
        for (String bad : new String[] {"aachen_1", "ROIs1158_autumn_s2_1_p1", "ROIs115_spring_s2_1_p1",
            "ROIs1158_spring_s2_x_p1", "ROIs1158_spring_s2_1_p", "ROIs1158_spring_s2_1_p1_extra", "ROIs1158_spring",
            "ROIs1158_spring_", "ROIsABCD_spring_s2_1_p1", ""}) {
            var e2 = assertThrows(IllegalArgumentException.class, () -> GroupKeys.named("scene").apply(bad), bad);
            assertTrue(e2.getMessage().startsWith("sample id '" + bad + "' is not a SEN12MS name"), e2.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> GroupKeys.named("tile").apply("82543044"));
    }

    @Test
    void namedKeysOfEachDataset() {
        Function<String, String> region = GroupKeys.named("region");
        assertEquals("aachen", region.apply("aachen_42"));
        assertEquals("les_cayes", region.apply("les_cayes_12.tif"));
        assertEquals("kujawsko-pomorskie", region.apply("OpenEarthMap_wo_xBD/kujawsko-pomorskie/images/kujawsko-pomorskie_3.tif"));
        Function<String, String> scene = GroupKeys.named("Scene");
        assertEquals("ROIs1158_spring_124", scene.apply("ROIs1158_spring_s2_124_p100"));
        assertEquals("ROIs1158_spring_124", scene.apply("ROIs1158_spring_lc_124_p7.tif"));
        assertEquals("ROIs1970_fall_35", scene.apply("ROIs1970_fall/s1_35"));
        assertEquals("ROIs2017_winter_9", scene.apply("ROIs2017_winter_9_p3"));
        assertEquals("summer", GroupKeys.named("season").apply("ROIs1868_summer_s1_146_p202"));
        Function<String, String> tile = GroupKeys.named("tile");
        assertEquals("28QDE", tile.apply("28QDE_00"));
        assertEquals("30PTV", tile.apply("ref_landcovernet_af_v1_labels_30PTV_28"));
        assertEquals("43QEU", GroupKeys.named("mgrs").apply("43QEU/82543044"));
    }

    @Test
    void everyOfficialHoldOutSceneHasASceneKey() throws IOException {
        // the real SEN12MS_holdOutScenes.txt: 26 lines such as ROIs1158_spring/s1_63
        var file = SharedData.require("datasets/fixtures/sen12ms/official_splits/SEN12MS_holdOutScenes.txt");
        List<String> lines = Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        assertEquals(26, lines.size());
        Set<String> keys = new HashSet<>();
        for (String line : lines) {
            keys.add(GroupKeys.sen12msScene().apply(line));
        }
        assertEquals(26, keys.size());
        assertTrue(keys.contains("ROIs1158_spring_63"), keys.toString());
        // a patch of a hold-out scene maps to the same key
        assertTrue(keys.contains(GroupKeys.sen12msScene().apply("ROIs1158_spring_s2_63_p11.tif")));
    }
}
