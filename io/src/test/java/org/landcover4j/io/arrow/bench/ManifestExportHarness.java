package org.landcover4j.io.arrow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.landcover4j.io.arrow.ManifestWriter;

/**
 * A timing harness for the manifest-export target: writes a synthetic index of N rows (default 100,000) through
 * {@link ManifestWriter} R times (default 5) and prints, per round, the rows per second, the peak heap in use
 * (the sum of the heap memory pools' peak usage, reset before each round: an upper bound on the live heap, garbage
 * included) and the peak off-heap memory of Arrow's allocator; then, in one more untimed round, the live heap after
 * a full GC at every tenth of the export. Run it in a JVM limited to a 256 MB heap:
 *
 * <pre>
 * java -Xmx256m --add-opens=java.base/java.nio=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
 *      -cp io/target-export/test-classes:io/target-export/classes:$(cat io/target-export/bench.classpath) \
 *      org.landcover4j.io.arrow.bench.ManifestExportHarness [ROWS] [ROUNDS] [BATCH]
 * </pre>
 *
 * The first round includes JIT warm-up. Exit code 1 when the best round is below 50,000 rows/s.
 */
public final class ManifestExportHarness {

    private ManifestExportHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : ManifestWriter.DEFAULT_BATCH_SIZE;
        Path dir = Files.createTempDirectory("manifest-harness");
        Path file = dir.resolve("manifest.arrow");
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "rows=%d rounds=%d batch=%d max heap=%.0f MB, %s %s%n", rows, rounds, batch,
                maxHeap / 1e6, System.getProperty("java.vm.name"), Runtime.version());
        System.out.println("round   seconds    rows/s  peak heap MB  arrow off-heap MB  file MB");
        double best = 0;
        long worstHeap = 0;
        for (int r = 1; r <= rounds; r++) {
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                p.resetPeakUsage();
            }
            long t0 = System.nanoTime();
            long offHeap;
            try (ManifestWriter w = ManifestWriter.create(file, batch)) {
                for (SyntheticIndex it = new SyntheticIndex(rows); it.hasNext(); ) {
                    w.write(it.next());
                }
                w.commit();
                offHeap = w.peakOffHeapBytes();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            long heap = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                    heap += p.getPeakUsage().getUsed();
                }
            }
            double rate = rows / s;
            best = Math.max(best, rate);
            worstHeap = Math.max(worstHeap, heap);
            System.out.printf(Locale.ROOT, "%5d %9.3f %9.0f %13.1f %18.1f %8.1f%n", r, s, rate, heap / 1e6,
                    offHeap / 1e6, Files.size(file) / 1e6);
        }
        // one more, untimed round: the live heap (after a full GC) at every tenth of the export
        long live = 0;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (ManifestWriter w = ManifestWriter.create(file, batch)) {
            long i = 0;
            for (SyntheticIndex it = new SyntheticIndex(rows); it.hasNext(); i++) {
                w.write(it.next());
                if (i % Math.max(1, rows / 10) == 0) {
                    System.gc();
                    live = Math.max(live, memory.getHeapMemoryUsage().getUsed());
                }
            }
            w.commit();
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
        System.out.printf(Locale.ROOT, "best %.0f rows/s; peak heap at most %.1f MB, live heap during the export at "
                + "most %.1f MB (limit %.0f MB)%n", best, worstHeap / 1e6, live / 1e6, maxHeap / 1e6);
        if (best < 50_000) {
            System.exit(1);
        }
    }
}
