package org.landcover4j.io.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.SampleRef;

/**
 * The same protocol as {@code io/src/test/python/time_dataset_reads.py}, in Java, on one or more threads: passes
 * over every sample of the generated real-size datasets, reporting samples per second of wall time (median and best
 * pass, all threads together) and samples per second of the reading threads' own CPU time.
 *
 * <p>CPU time is what stays comparable on a shared, loaded machine, where wall time mostly measures the other
 * processes. With two threads, samples per CPU-second that stay at the one-thread figure mean the threads do not
 * slow each other (no lock, no shared cache line, no allocation stall), i.e. the readers scale with free cores.
 *
 * {@snippet lang=sh :
 * java -Dlandcover4j.tiff.threads=1 -cp ... org.landcover4j.io.bench.DatasetReadRate /tmp/landcover4j-dataset-bench/deflate 10 2
 * }
 */
public final class DatasetReadRate {
    private DatasetReadRate() {
    }

    /** Runs the protocol: {@code DatasetReadRate [SAMPLES_DIR] [PASSES] [THREADS]}. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "/tmp/landcover4j-dataset-bench/deflate");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var options = DatasetOptions.defaults().withWarnings((s, m) -> { });
        System.out.printf(Locale.ROOT, "%s: Java %s, %d timed passes, %d thread(s)%n", root, Runtime.version(),
                passes, threads);
        for (String name : List.of("sen12ms", "openearthmap", "globe230k")) {
            Dataset<?> ds = Datasets.open(root.resolve(name), options);
            List<Double> wall = Collections.synchronizedList(new ArrayList<>());
            AtomicLong cpu = new AtomicLong();
            CyclicBarrier start = new CyclicBarrier(threads);
            CyclicBarrier end = new CyclicBarrier(threads);
            long[] passStart = new long[1];
            List<Thread> workers = new ArrayList<>();
            List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                int offset = t;
                Thread th = new Thread(() -> {
                    try {
                        List<SampleRef> refs = ds.refs();
                        for (int pass = -3; pass < passes; pass++) {   // 3 untimed passes: JIT and page cache
                            if (start.await() == 0) {
                                passStart[0] = System.nanoTime();
                            }
                            long c0 = mx.getCurrentThreadCpuTime();
                            for (int i = 0; i < refs.size(); i++) {
                                ds.read(refs.get((i + offset) % refs.size()));
                            }
                            long c1 = mx.getCurrentThreadCpuTime();
                            if (end.await() == 0 && pass >= 0) {
                                wall.add((double) refs.size() * threads / ((System.nanoTime() - passStart[0]) / 1e9));
                            }
                            if (pass >= 0) {
                                cpu.addAndGet(c1 - c0);
                            }
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                        start.reset();
                        end.reset();
                    }
                });
                workers.add(th);
                th.start();
            }
            for (Thread th : workers) {
                th.join();
            }
            if (!errors.isEmpty()) {
                throw new IOException("a reader thread failed", errors.get(0));
            }
            List<Double> sorted = new ArrayList<>(wall);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "%-14s %3d samples  median %8.1f samples/s  best %8.1f samples/s  "
                    + "cpu %8.1f samples/cpu-s%n", name, ds.size(), sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1), (double) ds.size() * passes * threads / (cpu.get() / 1e9));
        }
    }
}
