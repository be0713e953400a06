package org.landcover4j.io.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.npy.NdArray;
import org.landcover4j.io.npy.Npy;
import org.landcover4j.io.npy.Npz;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading OpenSentinelMap's {@code gsd_10} (192x192x4 float32, channels last) into a 4-band raster: from a
 * deflated {@code .npz} (as the dataset ships), a stored one, and a plain {@code .npy}; plus the array alone
 * ({@link NdArray}, no raster copy). Compare with NumPy's {@code np.load} times from
 * {@code io/src/test/python/time_codecs.py} (which yield channels-last arrays, no transposition).
 *
 * <p>Run: {@code scripts/bench --module io NpyBench}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class NpyBench {
    private Path deflated;
    private Path stored;
    private Path npy;

    @Setup
    public void setup() {
        deflated = CodecBenchData.file("osm_scene.npz");
        stored = CodecBenchData.file("osm_scene_stored.npz");
        npy = CodecBenchData.file("gsd_10.npy");
    }

    @Benchmark
    public Raster npzDeflatedRaster() throws IOException {
        return Npz.readRaster(deflated, "gsd_10");
    }

    @Benchmark
    public NdArray npzDeflatedArray() throws IOException {
        return Npz.read(deflated, "gsd_10");
    }

    @Benchmark
    public Raster npzStoredRaster() throws IOException {
        return Npz.readRaster(stored, "gsd_10");
    }

    @Benchmark
    public Raster npyRaster() throws IOException {
        return Npy.readRaster(npy);
    }

    @Benchmark
    public NdArray npyArrayMapped() throws IOException {
        return Npy.read(npy);
    }
}
