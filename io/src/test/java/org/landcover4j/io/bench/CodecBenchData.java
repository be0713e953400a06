package org.landcover4j.io.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the codec benchmarks find their inputs: the folder {@code io/src/test/python/time_codecs.py} writes
 * (system property {@code landcover4j.bench.data}, default {@code /tmp/landcover4j-codec-bench}) and the real
 * Globe230k JPEG patches in {@code ../shared} (property {@code landcover4j.shared}, default {@code ../shared}
 * from the working directory).
 */
final class CodecBenchData {
    private CodecBenchData() {
    }

    static Path file(String name) {
        Path d = Path.of(System.getProperty("landcover4j.bench.data", "/tmp/landcover4j-codec-bench"));
        Path f = d.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException(f + " is missing: run /usr/bin/python3 io/src/test/python/time_codecs.py "
                    + d + " first (it writes the benchmark inputs and times Pillow/NumPy on them)");
        }
        return f;
    }

    static Path globe230kJpeg(String name) {
        Path shared = Path.of(System.getProperty("landcover4j.shared", "../shared"));
        Path f = shared.resolve("datasets/fixtures/globe230k/image_patch").resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException(f + " is missing: the JPEG benchmark decodes the Globe230k fixtures in "
                    + "../shared (set -Dlandcover4j.shared=...)");
        }
        return f;
    }
}
