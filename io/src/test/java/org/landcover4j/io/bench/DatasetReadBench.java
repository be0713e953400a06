package org.landcover4j.io.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.io.dataset.globe230k.Globe230k;
import org.landcover4j.io.dataset.globe230k.Globe230kSample;
import org.landcover4j.io.dataset.openearthmap.OpenEarthMap;
import org.landcover4j.io.dataset.openearthmap.OpenEarthMapSample;
import org.landcover4j.io.dataset.sen12ms.Sen12ms;
import org.landcover4j.io.dataset.sen12ms.Sen12msSample;
import org.landcover4j.io.samples.SampleGenerator;
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
 * Samples per second decoded by the dataset readers, on generated samples at real sizes: SEN12MS triplets (S1
 * 2 x 256 x 256 float32, S2 13 x 256 x 256 uint16, LC 4 x 256 x 256 uint8, DEFLATE GeoTIFF), OpenEarthMap tiles
 * (1024 x 1024 x 3 uint8 image + 1024 x 1024 label, DEFLATE GeoTIFF; 7 of 9 labelled, one 1000 x 900) and
 * Globe230k patches (512 x 512 JPEG + PNG label; 7 of 8 labelled, one with DEM/NDVI/VV-VH float32 GeoTIFFs).
 * Each call reads the next sample of the dataset, round robin, per thread. The GeoTIFFs are written twice: DEFLATE
 * with predictor ({@code compression=deflate}) and uncompressed strips ({@code compression=none}, how the real
 * LandCoverNet source bands and torchgeo's SEN12MS fixtures are stored).
 *
 * <p>The samples are written once (deterministically) into {@code -Dlandcover4j.bench.samples}
 * (default {@code /tmp/landcover4j-dataset-bench}), one subfolder per compression;
 * {@code io/src/test/python/time_dataset_reads.py} times a rasterio/PIL loop over the same files. Run single-threaded with GeoTIFF's own strip parallelism off, then with
 * two threads:
 * {@snippet lang=sh :
 * scripts/bench --module io DatasetReadBench -- -t 1 -jvmArgsAppend -Dlandcover4j.tiff.threads=1
 * scripts/bench --module io DatasetReadBench -- -t 2 -jvmArgsAppend -Dlandcover4j.tiff.threads=1
 * }
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class DatasetReadBench {

    /** The opened datasets and their references. */
    @State(Scope.Benchmark)
    public static class Data {
        /** GeoTIFF compression of the samples: {@code deflate} or {@code none}. */
        @Param({"deflate", "none"})
        public String compression;

        Sen12ms sen12ms;
        OpenEarthMap openEarthMap;
        Globe230k globe230k;
        List<SampleRef> senRefs;
        List<SampleRef> oemRefs;
        List<SampleRef> globeRefs;

        @Setup
        public void setup() throws IOException {
            Path dir = samples(compression);
            var options = DatasetOptions.defaults().withWarnings((s, m) -> { });
            sen12ms = Sen12ms.open(dir.resolve("sen12ms"), options);
            openEarthMap = OpenEarthMap.open(dir.resolve("openearthmap"), options);
            globe230k = Globe230k.open(dir.resolve("globe230k"), options);
            senRefs = sen12ms.refs();
            oemRefs = openEarthMap.refs();
            globeRefs = globe230k.refs();
        }
    }

    /** Writes the real-size samples once; later runs (and the Python loop) reuse them. */
    static synchronized Path samples(String compression) throws IOException {
        Path dir = Path.of(System.getProperty("landcover4j.bench.samples", "/tmp/landcover4j-dataset-bench"))
                .resolve(compression);
        Path done = dir.resolve(".complete");
        if (!Files.exists(done)) {
            var g = SampleGenerator.defaults().withRealSizes();
            if (compression.equals("none")) {
                g = g.withUncompressedTiffs();
            }
            g.sen12ms(dir.resolve("sen12ms"));
            g.openEarthMap(dir.resolve("openearthmap"));
            g.globe230k(dir.resolve("globe230k"));
            Files.writeString(done, g + "\n");
        }
        return dir;
    }

    /** Each thread walks the samples in its own round robin. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public Sen12msSample sen12ms(Data d, Cursor c) throws IOException {
        return d.sen12ms.read(d.senRefs.get(c.next++ % d.senRefs.size()));
    }

    @Benchmark
    public OpenEarthMapSample openEarthMap(Data d, Cursor c) throws IOException {
        return d.openEarthMap.read(d.oemRefs.get(c.next++ % d.oemRefs.size()));
    }

    @Benchmark
    public Globe230kSample globe230k(Data d, Cursor c) throws IOException {
        return d.globe230k.read(d.globeRefs.get(c.next++ % d.globeRefs.size()));
    }

    /** Writes the samples without running a benchmark (for the Python loop): {@code java ... DatasetReadBench}. */
    public static void main(String[] args) throws IOException {
        System.out.println(samples("deflate"));
        System.out.println(samples("none"));
    }
}
