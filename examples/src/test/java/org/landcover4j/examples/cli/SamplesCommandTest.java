package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.dataset.Datasets;

class SamplesCommandTest {

    @Test
    void writesFiveDatasetsThatOpen(@TempDir Path dir) throws Exception {
        var r = LandcoverCliTest.run("samples", "--output", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (String id : new String[] {"sen12ms", "landcovernet", "openearthmap", "opensentinelmap", "globe230k"}) {
            assertTrue(r.out().contains(id), r.out());
            try (var ds = Datasets.open(dir.resolve(id))) {
                assertTrue(ds.size() > 0, id);
            }
        }
    }

    @Test
    void outputThatIsAFileIsBadInput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertEquals(ExitCodes.BAD_INPUT, LandcoverCliTest.run("samples", "--output", file.toString()).code());
        assertEquals(ExitCodes.USAGE, LandcoverCliTest.run("samples").code());
    }
}
