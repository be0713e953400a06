package org.landcover4j.io.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.dataset.Datasets;

class SampleGeneratorTest {

    @TempDir
    Path tmp;

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void sameSeedWritesTheSameBytes() throws IOException {
        var a = SampleGenerator.writeAll(tmp.resolve("a"));
        var b = SampleGenerator.writeAll(tmp.resolve("b"));
        assertEquals(List.of("sen12ms", "landcovernet", "openearthmap", "opensentinelmap", "globe230k"),
                List.copyOf(a.keySet()));
        List<Path> fa = files(tmp.resolve("a"));
        assertEquals(fa, files(tmp.resolve("b")));
        long total = 0;
        for (Path f : fa) {
            byte[] x = Files.readAllBytes(tmp.resolve("a").resolve(f));
            assertArrayEquals(x, Files.readAllBytes(tmp.resolve("b").resolve(f)), f.toString());
            total += x.length;
        }
        assertTrue(total > 1_000_000 && total < 8_000_000, "a few MB in total, got " + total);
        for (var e : a.entrySet()) {
            assertEquals(e.getKey(), Datasets.detect(e.getValue()).orElseThrow());
            assertEquals(b.get(e.getKey()).getFileName(), e.getValue().getFileName());
        }
    }

    @Test
    void anotherSeedWritesOtherPixelsInTheSameLayout() throws IOException {
        Path a = SampleGenerator.defaults().globe230k(tmp.resolve("a"));
        Path b = SampleGenerator.withSeed(99).globe230k(tmp.resolve("b"));
        assertEquals(files(a), files(b));
        assertNotEquals(Files.size(a.resolve("image_patch/data_1.jpg")) + Files.size(a.resolve("label_patch/data_1.png")),
                Files.size(b.resolve("image_patch/data_1.jpg")) + Files.size(b.resolve("label_patch/data_1.png")));
    }

    @Test
    void theOpenEarthMapSamplePrintsAsDocumented() throws IOException {
        Path root = SampleGenerator.writeOpenEarthMap(tmp.resolve("samples/openearthmap"));
        var ds = Datasets.open(root);
        assertEquals("OpenEarthMap[root=" + root + ", samples=9, splits={train=5, val=2, test=2}]", ds.toString());
    }

    @Test
    void uncompressedTiffsHoldTheSamePixels() throws IOException {
        Path a = SampleGenerator.defaults().sen12ms(tmp.resolve("deflate"));
        Path b = SampleGenerator.defaults().withUncompressedTiffs().sen12ms(tmp.resolve("none"));
        var da = org.landcover4j.io.dataset.sen12ms.Sen12ms.open(a);
        var db = org.landcover4j.io.dataset.sen12ms.Sen12ms.open(b);
        assertEquals(da.size(), db.size());
        for (int i = 0; i < da.size(); i++) {
            var x = da.sample(i);
            var y = db.sample(i);
            assertEquals(org.landcover4j.io.dataset.DatasetTesting.checksum(x.s1()),
                    org.landcover4j.io.dataset.DatasetTesting.checksum(y.s1()));
            assertEquals(org.landcover4j.io.dataset.DatasetTesting.checksum(x.s2()),
                    org.landcover4j.io.dataset.DatasetTesting.checksum(y.s2()));
            assertEquals(org.landcover4j.io.dataset.DatasetTesting.checksum(x.lc()),
                    org.landcover4j.io.dataset.DatasetTesting.checksum(y.lc()));
        }
        Path s2 = b.resolve("ROIs1158_spring/s2_1/ROIs1158_spring_s2_1_p1.tif");
        assertTrue(Files.size(s2) > 13L * 64 * 64 * 2, "uncompressed: at least the raw pixel bytes");
        assertTrue(Files.size(a.resolve("ROIs1158_spring/s2_1/ROIs1158_spring_s2_1_p1.tif")) < Files.size(s2));
    }

    @Test
    void realSizesForBenchmarks() throws IOException {
        var g = SampleGenerator.defaults().withRealSizes();
        assertTrue(g.realSizes());
        Path sen = g.sen12ms(tmp.resolve("sen12ms"));
        var ds = Datasets.open(sen);
        assertEquals(256, ((org.landcover4j.io.dataset.sen12ms.Sen12msSample) ds.sample(0)).s2().width());
    }
}
