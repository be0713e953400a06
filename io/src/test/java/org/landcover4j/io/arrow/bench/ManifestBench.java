package org.landcover4j.io.arrow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.landcover4j.core.ProgressListener;
import org.landcover4j.io.arrow.ManifestWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Manifest export throughput: 100,000 synthetic SEN12MS-like rows ({@link SyntheticIndex}: three files, CRS,
 * footprint, 4-9 histogram entries, five statistics) through {@link ManifestWriter} into an Arrow IPC file, in a JVM
 * limited to a 256 MB heap. The score is rows per second (one operation = one row). Target: more than 50,000.
 * Rows are generated on the fly, so the heap holds only the writer's state; generating them is part of the cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ManifestBench.ROWS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
public class ManifestBench {

    static final int ROWS = 100_000;

    Path dir;
    Path file;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = Files.createTempDirectory("manifest-bench");
        file = dir.resolve("manifest.arrow");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    /** Generates and writes 100,000 rows (default batch size 8192). */
    @Benchmark
    public long write100k() throws IOException {
        return ManifestWriter.write(file, new SyntheticIndex(ROWS), ROWS, ProgressListener.none());
    }

    /** Only generates the 100,000 rows, for the share of the generator in {@link #write100k()}. */
    @Benchmark
    public long generate100k() {
        long n = 0;
        for (SyntheticIndex it = new SyntheticIndex(ROWS); it.hasNext(); ) {
            n += it.next().labelHistogram().size();
        }
        return n;
    }
}
