package org.landcover4j.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.InvalidDataException;

class DatasetApiTest {

    @Test
    void splitNamesOfEveryDatasetParse() {
        assertEquals(Optional.of(Split.TRAIN), Split.parse(" Training "));
        assertEquals(Optional.of(Split.VAL), Split.parse("validation"));
        assertEquals(Optional.of(Split.VAL), Split.parse("val"));
        assertEquals(Optional.of(Split.TEST), Split.parse("TESTING"));
        assertEquals(Optional.empty(), Split.parse("holdout"));
        assertEquals(Optional.empty(), Split.parse(null));
        assertEquals("val", Split.VAL.toString());
    }

    @Test
    void sampleRefKeepsFileOrderAndIsImmutable() {
        var files = new LinkedHashMap<String, Path>();
        files.put("s2", Path.of("b"));
        files.put("s1", Path.of("a"));
        var ref = new SampleRef("x", Optional.of(Split.TRAIN), "g", true, files);
        files.put("lc", Path.of("c"));
        assertEquals(List.of("s2", "s1"), List.copyOf(ref.files().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> ref.files().put("lc", Path.of("c")));
        assertEquals(Optional.of(Path.of("a")), ref.file("s1"));
        assertEquals(Optional.of(Split.VAL), ref.withSplit(Optional.of(Split.VAL)).split());
        assertThrows(IllegalArgumentException.class, () -> new SampleRef(" ", Optional.empty(), "g", true, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SampleRef("x", Optional.empty(), "", true, Map.of()));
        assertTrue(ref.toString().contains("train") && ref.toString().contains("[s2, s1]"), ref.toString());
    }

    @Test
    void bandAndDatasetInfoValidateAndAnswerQueries() {
        var b = BandInfo.optical("s2", "B04", "red", 664.6, 10);
        assertEquals(OptionalDouble.of(664.6), b.wavelengthNm());
        assertThrows(IllegalArgumentException.class, () -> BandInfo.optical("s2", "B04", "red", -1, 10));
        assertThrows(IllegalArgumentException.class, () -> BandInfo.other("s1", "VV", "", 0));
        var info = new DatasetInfo("d", "D", "tax", List.of(b, BandInfo.other("s1", "VV", "", 10)), 10, 10,
                List.of(Split.TRAIN), "ref");
        assertEquals(List.of("B04"), info.bandNames("s2"));
        assertEquals(Optional.of(b), info.band("s2", "B04"));
        assertTrue(info.band("s2", "B99").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new DatasetInfo("d", "D", "t", List.of(), 2, 1, List.of(),
                ""));
        assertTrue(new DatasetInfo("d", "D", "t", List.of(), Double.NaN, Double.NaN, List.of(), "").toString()
                .contains("unpublished"));
    }

    @Test
    void skippedSummarisesInOneLine() {
        var s = new Skipped("rows without files", 3, List.of("1", "2"));
        assertEquals("3 rows without files, e.g. 1, 2", s.message());
        assertThrows(IllegalArgumentException.class, () -> new Skipped("r", 0, List.of()));
    }

    @Test
    void openingSomethingThatIsNotAFolderSaysSo(@TempDir Path tmp) {
        var e = assertThrows(InvalidDataException.class, () -> Datasets.open(tmp.resolve("absent")));
        assertTrue(e.getMessage().contains("no such folder"), e.getMessage());
        assertEquals(tmp.resolve("absent"), e.file());
    }
}
