package org.landcover4j.io.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.png.Png;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Png.read} per file over a folder of 512 x 512 grey label PNGs, round robin: the reference and prediction
 * labels that {@code metrics/src/test/python/make_eval_pairs.py} writes for the {@code landcover evaluate}
 * benchmark (default {@code /tmp/lc-bench}), or the generated Globe230k labels
 * ({@code -p dir=/tmp/landcover4j-dataset-bench/none/globe230k/label_patch}).
 *
 * <p>Run: {@code scripts/bench --module io PngLabelBench}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PngLabelBench {
    /** Folders of PNGs (comma-separated); subfolders {@code reference} and {@code prediction} are used if present. */
    @Param({"/tmp/lc-bench"})
    public String dir;

    private final List<Path> files = new ArrayList<>();
    private int next;

    @Setup
    public void setup() throws IOException {
        for (String d : dir.split(",")) {
            Path root = Path.of(d);
            List<Path> folders = Files.isDirectory(root.resolve("reference"))
                    ? List.of(root.resolve("reference"), root.resolve("prediction")) : List.of(root);
            for (Path f : folders) {
                try (Stream<Path> s = Files.list(f)) {
                    s.filter(p -> p.toString().endsWith(".png")).sorted().forEach(files::add);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no PNG files under " + dir
                    + " (write them with metrics/src/test/python/make_eval_pairs.py)");
        }
    }

    @Benchmark
    public Raster read() throws IOException {
        Path f = files.get(next);
        next = next + 1 == files.size() ? 0 : next + 1;
        return Png.read(f);
    }
}
