package org.landcover4j.io.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
 * PNG decode time per file: landcover4j's decoder (file to band-sequential raster) beside the JDK's ImageIO
 * reader (file to BufferedImage only, which flatters it: no copy to bands). Compare with Pillow's time from
 * {@code io/src/test/python/time_codecs.py} on the same files.
 *
 * <p>Run: {@code scripts/bench --module io PngBench}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PngBench {
    @Param({"globe_label_512.png", "osm_label_192.png", "rgb_512.png", "grey16_256.png"})
    public String file;

    private Path path;

    @Setup
    public void setup() {
        path = CodecBenchData.file(file);
    }

    @Benchmark
    public Raster landcover4j() throws IOException {
        return Png.read(path);
    }

    @Benchmark
    public BufferedImage imageIo() throws IOException {
        return ImageIO.read(path.toFile());
    }
}
