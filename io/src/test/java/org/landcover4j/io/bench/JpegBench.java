package org.landcover4j.io.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.DecodeLimits;
import org.landcover4j.io.jpeg.Jpeg;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JPEG decode time: landcover4j's {@link Jpeg} (its own baseline decoder for these files, file to band-sequential
 * raster) beside plain {@code ImageIO.read} (file to BufferedImage, through whichever reader ImageIO picks:
 * TwelveMonkeys when it is on the class path), on the real 512x512 Globe230k patches ({@code file}) and on the
 * Globe230k-shaped JPEGs that {@link DatasetReadBench} decodes ({@link Dataset}: every
 * {@code globe230k/image_patch/*.jpg} under {@code -Dlandcover4j.bench.samples}, default
 * {@code /tmp/landcover4j-dataset-bench}, subfolder none; one operation decodes one file, round robin), and
 * ({@link ScalarDataset}) the same with the decoder's SIMD kernels switched off. Compare with Pillow's time from
 * {@code io/src/test/python/time_codecs.py} or a {@code np.asarray(Image.open(f))} loop.
 *
 * <p>Run: {@code scripts/bench --module io 'JpegBench'}
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

    /**
     * The Globe230k-shaped JPEGs of the dataset benchmark, one file per operation, round robin: landcover4j and
     * plain ImageIO. Run: {@code scripts/bench --module io 'JpegBench.Dataset'}.
     */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    @Fork(1)
    @State(Scope.Thread)
    public static class Dataset {
        List<Path> files;
        int next;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            Path dir = Path.of(System.getProperty("landcover4j.bench.samples", "/tmp/landcover4j-dataset-bench"))
                    .resolve("none/globe230k/image_patch");
            files = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jpg")) {
                    ds.forEach(files::add);
                }
            }
            if (files.isEmpty()) {
                throw new IllegalStateException(dir + " has no JPEGs: run DatasetReadBench once (it writes them)");
            }
            files.sort(null);
        }

        Path next() {
            Path p = files.get(next);
            next = (next + 1) % files.size();
            return p;
        }

        @Benchmark
        public Raster landcover4j() throws IOException {
            return Jpeg.read(next(), DecodeLimits.defaults());
        }

        @Benchmark
        public BufferedImage imageIoRead() throws IOException {
            return ImageIO.read(next().toFile());
        }
    }

    /** {@link Dataset} with the JPEG decoder's SIMD kernels off ({@code -Dlandcover4j.kernels=scalar}). */
    @Fork(value = 1, jvmArgsAppend = "-Dlandcover4j.kernels=scalar")
    public static class ScalarDataset extends Dataset {
    }
}
