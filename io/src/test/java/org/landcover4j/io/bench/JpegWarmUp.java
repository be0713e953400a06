package org.landcover4j.io.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.landcover4j.io.jpeg.Jpeg;

/**
 * Cold start of {@link Jpeg#read(Path)} in a fresh JVM: the milliseconds of each decode when every JPEG of a folder
 * is read five times over, and the total. Not a JMH benchmark, on purpose: what it measures is the warm-up JMH hides.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp "io/target-bench/test-classes:io/target-bench/classes:$(cat io/target-bench/bench.classpath)" \
 *     org.landcover4j.io.bench.JpegWarmUp /tmp/landcover4j-dataset-bench/none/globe230k/image_patch
 * </pre>
 * (the folders exist once {@code scripts/bench --module io ...} has built the benchmarks and DatasetReadBench has
 * run).
 */
public final class JpegWarmUp {
    private JpegWarmUp() {
    }

    /** Reads every {@code .jpg} of {@code args[0]} five times and prints per-decode and total milliseconds. */
    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            s.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(files::add);
        }
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (int round = 0; round < 5; round++) {
            for (Path p : files) {
                long t = System.nanoTime();
                Jpeg.read(p);
                long d = System.nanoTime() - t;
                total += d;
                sb.append(String.format(Locale.ROOT, "%.0f ", d / 1e6));
            }
        }
        System.out.println(sb + " total " + Math.round(total / 1e6) + " ms");
    }
}
