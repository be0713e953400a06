package org.landcover4j.io.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.dataset.DatasetProvider;
import org.landcover4j.core.dataset.Datasets;

class DatasetsTest {

    @TempDir
    Path tmp;

    @Test
    void theFiveReadersAreRegistered() {
        assertEquals(List.of("globe230k", "landcovernet", "openearthmap", "opensentinelmap", "sen12ms"),
                Datasets.providers().stream().map(DatasetProvider::id).toList());
        assertTrue(Datasets.provider("sen12ms").isPresent());
    }

    @Test
    void anUnknownFolderIsRefusedListingWhatEachReaderExpects() throws IOException {
        Files.writeString(tmp.resolve("readme.txt"), "not a dataset");
        var e = assertThrows(InvalidDataException.class, () -> Datasets.open(tmp));
        for (String name : List.of("SEN12MS", "LandCoverNet", "OpenEarthMap", "OpenSentinelMap", "Globe230k")) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertTrue(Datasets.detect(tmp).isEmpty());
        var missing = assertThrows(InvalidDataException.class, () -> Datasets.open(tmp.resolve("nope")));
        assertTrue(missing.getMessage().contains("no such folder"), missing.getMessage());
        var file = assertThrows(InvalidDataException.class, () -> Datasets.open(tmp.resolve("readme.txt")));
        assertTrue(file.getMessage().contains("is not a folder"), file.getMessage());
    }

    @Test
    void aFolderMatchingTwoLayoutsIsAmbiguous() throws IOException {
        Files.createDirectories(tmp.resolve("image_patch"));
        Files.writeString(tmp.resolve("spatial_cell_info.csv"), "cell_id\n");
        var e = assertThrows(InvalidDataException.class, () -> Datasets.open(tmp));
        assertTrue(e.getMessage().contains("more than one dataset"), e.getMessage());
    }

    @Test
    void csvParserHandlesQuotesAndShortRows() throws IOException {
        Path f = tmp.resolve("t.csv");
        Files.writeString(f, "\uFEFFa, b ,c\r\n1,\"x,\"\"y\"\"\",3\n4\n\n");
        var t = IndexFiles.csv(f);
        assertEquals(List.of("a", "b", "c"), t.header());
        assertEquals(2, t.rows().size());
        assertEquals("x,\"y\"", t.rows().get(0).get(1));
        assertEquals("", IndexFiles.Table.cell(t.rows().get(1), 2));
        assertEquals(1, t.column("B"));
        Files.write(tmp.resolve("bin.txt"), new byte[] {'a', 0, 'b'});
        assertThrows(InvalidDataException.class, () -> IndexFiles.lines(tmp.resolve("bin.txt")));
        Files.write(tmp.resolve("bad.txt"), new byte[] {'a', (byte) 0xC3, '('});
        assertThrows(InvalidDataException.class, () -> IndexFiles.lines(tmp.resolve("bad.txt")));
    }
}
