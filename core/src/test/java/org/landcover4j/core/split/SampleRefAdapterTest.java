package org.landcover4j.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;

class SampleRefAdapterTest {

    private static List<SampleRef> refs() {
        List<SampleRef> refs = new ArrayList<>();
        String[] regions = {"aachen", "berlin", "chicago", "dakar", "essen", "fukuoka", "goma", "hue", "ibiza", "jaipur",
            "kyoto", "lima"};
        for (String region : regions) {
            for (int i = 1; i <= 5; i++) {
                String id = region + "_" + i;
                Optional<Split> official = i == 5 ? Optional.empty() : Optional.of(Split.values()[i % 3]);
                refs.add(new SampleRef(id, official, region, true,
                        Map.of("image", Path.of(region, "images", id + ".tif"))));
            }
        }
        return refs;
    }

    @Test
    void officialSplitFromReferences() {
        var a = SplitAssignment.official(refs());
        assertEquals(48, a.size());
        assertEquals(12, a.excluded().size());
        assertEquals("no split in the dataset's own files", a.excluded().get("aachen_5"));
        assertEquals(Optional.of(Split.VAL), a.split("kyoto_1"));
    }

    @Test
    void groupedByTheReadersGroupAndAppliedBack() {
        List<SampleRef> refs = refs();
        var a = GroupedSplit.of(Ratios.parse("6:1:3")).seed(4).assignRefs(refs);
        var byId = GroupedSplit.of(Ratios.parse("6:1:3")).seed(4).assign(
                refs.stream().map(SampleRef::id).toList(), GroupKeys.named("region"));
        assertEquals(byId, a);   // the reader's group is the region
        List<SampleRef> applied = a.applyTo(refs);
        for (int i = 0; i < refs.size(); i++) {
            assertEquals(refs.get(i).id(), applied.get(i).id());
            assertEquals(a.split(refs.get(i).id()), applied.get(i).split());
        }
        var random = RandomSplit.of(Ratios.parse("7:1:2")).assignRefs(refs);
        assertEquals(RandomSplit.of(Ratios.parse("7:1:2")).splitOf("lima_3"), random.split("lima_3").orElseThrow());
    }
}
