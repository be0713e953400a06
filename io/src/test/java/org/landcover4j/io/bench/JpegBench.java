package org.landcover4j.io.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.jpeg.Jpeg;
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
 * JPEG decode time of the real 512x512 Globe230k patches: landcover4j (file to band-sequential raster) beside
 * plain {@code ImageIO.read} (file to BufferedImage, through whichever reader ImageIO picks: TwelveMonkeys when it
 * is on the class path). Compare with Pillow's time from {@code io/src/test/python/time_codecs.py}.
 *
 * <p>Run: {@code scripts/bench --module io JpegBench}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class JpegBench {
    @Param({"data_1039.jpg", "data_113.jpg", "data_123.jpg", "data_1391.jpg", "data_1626.jpg", "data_315.jpg",
        "data_603.jpg", "data_977.jpg"})
    public String file;

    private Path path;

    @Setup
    public void setup() {
        path = CodecBenchData.globe230kJpeg(file);
    }

    @Benchmark
    public Raster landcover4j() throws IOException {
        return Jpeg.read(path);
    }

    @Benchmark
    public BufferedImage imageIoRead() throws IOException {
        return ImageIO.read(path.toFile());
    }
}
