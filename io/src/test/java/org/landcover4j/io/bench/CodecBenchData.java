package org.landcover4j.io.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.landcover4j.io.jpeg.Jpeg;
import org.landcover4j.io.npy.Npy;
import org.landcover4j.io.npy.Npz;
import org.landcover4j.io.png.Png;

/**
 * Where the codec benchmarks find their inputs: the folder {@code io/src/test/python/time_codecs.py} writes
 * (system property {@code landcover4j.bench.data}, default {@code /tmp/landcover4j-codec-bench}) and the real
 * Globe230k JPEG patches in {@code ../shared} (property {@code landcover4j.shared}, default {@code ../shared}
 * from the working directory).
 *
 * <p>{@link #main} is the Java twin of {@code time_codecs.py}: the same files, the same protocol (untimed decodes,
 * here for 2 s so that the JIT has compiled the decoder, 20 in Python; then N timed; median of the thread's CPU
 * time, median and minimum of wall-clock time), for side-by-side
 * figures on a machine too loaded for JMH's wall-clock scores to mean much.
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

    /** A decode to time. */
    @FunctionalInterface
    private interface Decode {
        Object run() throws IOException;
    }

    /**
     * Prints CPU and wall times per decode, as {@code time_codecs.py} does.
     *
     * @param args {@code [repeat]}, default 300
     */
    public static void main(String[] args) throws IOException {
        int repeat = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        List<String[]> names = new ArrayList<>();
        for (String f : new String[] {"globe_label_512.png", "osm_label_192.png", "rgb_512.png", "grey16_256.png"}) {
            names.add(new String[] {"png", f});
        }
        for (String f : new String[] {"data_1039.jpg", "data_113.jpg", "data_123.jpg", "data_1391.jpg",
            "data_1626.jpg", "data_315.jpg", "data_603.jpg", "data_977.jpg"}) {
            names.add(new String[] {"jpeg", f});
        }
        names.add(new String[] {"npz", "osm_scene.npz:gsd_10"});
        names.add(new String[] {"npz", "osm_scene_stored.npz:gsd_10"});
        names.add(new String[] {"npy", "gsd_10.npy"});
        System.out.printf(Locale.ROOT, "# landcover4j, Java %s; load average %.2f%n", Runtime.version(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-6s %-32s %12s %12s %12s%n", "format", "file", "cpu_med_us", "wall_med_us",
                "wall_min_us");
        for (String[] n : names) {
            Decode d = switch (n[0]) {
                case "png" -> {
                    Path p = file(n[1]);
                    yield () -> Png.read(p);
                }
                case "jpeg" -> {
                    Path p = globe230kJpeg(n[1]);
                    yield () -> Jpeg.read(p);
                }
                case "npz" -> {
                    Path p = file(n[1].substring(0, n[1].indexOf(':')));
                    yield () -> Npz.readRaster(p, "gsd_10");
                }
                default -> {
                    Path p = file(n[1]);
                    yield () -> Npy.readRaster(p);
                }
            };
            double[] t = time(d, repeat);
            System.out.printf(Locale.ROOT, "%-6s %-32s %12.1f %12.1f %12.1f%n", n[0], n[1], t[0], t[1], t[2]);
        }
    }

    private static double[] time(Decode d, int repeat) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = System.nanoTime() + 2_000_000_000L;   // the JIT needs more warm-up than CPython's 20 decodes
        for (int i = 0; i < 20 || System.nanoTime() < until; i++) {
            d.run();
        }
        long[] cpu = new long[repeat];
        long[] wall = new long[repeat];
        for (int i = 0; i < repeat; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            if (d.run() == null) {
                throw new IllegalStateException("no result");
            }
            wall[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new double[] {cpu[repeat / 2] / 1e3, wall[repeat / 2] / 1e3, wall[0] / 1e3};
    }
}
