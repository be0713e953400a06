package org.landcover4j.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.dataset.Split;

class SplitFilesTest {

    private static SplitAssignment assignment(String... idAndSplit) {
        var b = SplitAssignment.builder();
        for (int i = 0; i < idAndSplit.length; i += 2) {
            b.add(idAndSplit[i], Split.parse(idAndSplit[i + 1]).orElseThrow());
        }
        return b.build();
    }

    @Test
    void openEarthMapListsTifNames() {
        var a = assignment("aachen_1", "train", "aachen_2.tif", "val", "les_cayes_3", "test", "aachen/images/aachen_4", "train");
        assertEquals(Map.of("train.txt", "aachen_1.tif\naachen_4.tif\n", "val.txt", "aachen_2.tif\n",
                "test.txt", "les_cayes_3.tif\n"), SplitFiles.render(a, SplitFormat.OPENEARTHMAP));
        assertEquals(List.of("train.txt", "val.txt", "test.txt"),
                List.copyOf(SplitFiles.render(a, SplitFormat.OPENEARTHMAP).keySet()));
    }

    @Test
    void globe230kListsBareNames() {
        var a = assignment("data_3", "train", "data_5.jpg", "train", "data_6", "test");
        assertEquals(Map.of("train_num.txt", "data_3\ndata_5\n", "val_num.txt", "", "test_num.txt", "data_6\n"),
                SplitFiles.render(a, SplitFormat.GLOBE230K));
    }

    @Test
    void sen12msListsS2FileNames() {
        var a = assignment("ROIs1158_spring_s2_124_p100", "train", "ROIs1868_summer_lc_5_p7.tif", "test",
                "ROIs2017_winter_9_p3", "train");
        assertEquals(Map.of("train_list.txt", "ROIs1158_spring_s2_124_p100.tif\nROIs2017_winter_s2_9_p3.tif\n",
                "test_list.txt", "ROIs1868_summer_s2_5_p7.tif\n"), SplitFiles.render(a, SplitFormat.SEN12MS));
        var withVal = assignment("ROIs1158_spring_s1_1_p1", "val");
        assertEquals(List.of("train_list.txt", "val_list.txt", "test_list.txt"),
                List.copyOf(SplitFiles.render(withVal, SplitFormat.SEN12MS).keySet()));
        var bad = assignment("aachen_1", "train");
        assertEquals("sample id 'aachen_1' is not a SEN12MS patch name like ROIs1158_spring_s2_124_p100",
                assertThrows(IllegalArgumentException.class, () -> SplitFiles.render(bad, SplitFormat.SEN12MS)).getMessage());
    }

    @Test
    void tablesHaveASplitColumn() {
        var a = assignment("82543044", "train", "43QEU/119316571", "val", "7", "test");
        assertEquals(Map.of("spatial_cell_split.csv", "cell_id,split\n82543044,training\n119316571,validation\n7,testing\n"),
                SplitFiles.render(a, SplitFormat.OPENSENTINELMAP));
        var odd = assignment("plain", "train", "with,comma", "test", "with \"quote\"", "val");
        assertEquals(Map.of("split.csv", "id,split\nplain,train\n\"with,comma\",test\n\"with \"\"quote\"\"\",val\n"),
                SplitFiles.render(odd, SplitFormat.CSV));
        assertEquals(SplitFormat.OPENSENTINELMAP, SplitFormat.parse("OpenSentinelMap"));
        assertThrows(IllegalArgumentException.class, () -> SplitFormat.parse("parquet"));
    }

    @Test
    void writesFilesAndReplacesOldOnes(@TempDir Path dir) throws IOException {
        var a = assignment("aachen_1", "train", "aachen_2", "test");
        Path out = dir.resolve("splits/oem");
        Files.createDirectories(out);
        Files.writeString(out.resolve("train.txt"), "stale\n");
        List<Path> written = SplitFiles.write(a, SplitFormat.OPENEARTHMAP, out);
        assertEquals(List.of(out.resolve("train.txt"), out.resolve("val.txt"), out.resolve("test.txt")), written);
        assertEquals("aachen_1.tif\n", Files.readString(out.resolve("train.txt")));
        assertEquals("", Files.readString(out.resolve("val.txt")));
        assertEquals(List.of("split.csv"), SplitFiles.write(a, SplitFormat.CSV, dir.resolve("new/folder")).stream()
                .map(p -> p.getFileName().toString()).toList());
        assertEquals("id,split\naachen_1,train\naachen_2,test\n", Files.readString(dir.resolve("new/folder/split.csv")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(3, files.count());   // no temporary file left behind
        }
    }

    @Test
    void failuresNameTheFileAndLeaveNothingPartial(@TempDir Path dir) throws IOException {
        var a = assignment("aachen_1", "train");
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        var e = assertThrows(IOException.class, () -> SplitFiles.write(a, SplitFormat.CSV, notAFolder));
        assertTrue(e.getMessage().startsWith("cannot write split files to " + notAFolder + ": "), e.getMessage());

        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("val.txt/occupied"));   // a non-empty folder where val.txt should go
        var blocked = assertThrows(IOException.class, () -> SplitFiles.write(a, SplitFormat.OPENEARTHMAP, out));
        assertTrue(blocked.getMessage().startsWith("cannot write " + out.resolve("val.txt") + ": "), blocked.getMessage());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("train.txt", "val.txt"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }

        Path clean = dir.resolve("clean");
        var sen = assignment("ROIs1158_spring_s2_1_p1", "train", "aachen_1", "test");
        assertThrows(IllegalArgumentException.class, () -> SplitFiles.write(sen, SplitFormat.SEN12MS, clean));
        assertTrue(Files.notExists(clean), "nothing written for a bad id");
    }
}
