package org.landcover4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Skipped;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code landcover info DATASET_DIR}: detects which dataset a folder holds and summarises it (CLI.md): samples,
 * labelled samples, split sizes, and the histogram of raw values of the primary label band over all labelled
 * samples.
 *
 * <p>Labels are decoded on several threads (each with its own counts, merged at the end). Warnings of the reader
 * (skipped rows, partial downloads) go to stderr, one line each.
 */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Detect which dataset DATASET_DIR holds (SEN12MS, LandCoverNet, OpenEarthMap, OpenSentinelMap, "
            + "Globe230k) and summarise it: samples, labelled samples, split sizes and the histogram of raw values of "
            + "the primary label band (SEN12MS IGBP, LandCoverNet class, OpenEarthMap label, OpenSentinelMap land use, "
            + "Globe230k label) over every labelled sample.")
public final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATASET_DIR", description = "The dataset's root folder, as distributed.")
    Path dir;

    @Mixin
    JsonOutput json;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads decoding labels (default: the available processors).")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> result;
        try (ProgressBar bar = ProgressBar.forStderr()) {
            DatasetOptions options = DatasetOptions.defaults()
                    .withWarnings((source, message) -> {
                        synchronized (err) {
                            err.println("landcover: warning: " + source + ": " + message);
                            err.flush();
                        }
                    })
                    .withProgress(bar);
            try (Dataset<?> ds = Datasets.open(dir, options)) {
                result = summarise(ds, bar);
            }
        }
        if (json.requested()) {
            json.write(result);
        }
        if (!json.toStdout()) {
            printText(result);
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> summarise(Dataset<?> ds, ProgressBar bar) throws IOException {
        List<SampleRef> labelled = ds.refs().stream().filter(SampleRef::labelled).toList();
        Histogram histogram = histogram(ds, labelled, bar);
        Map<String, Object> splits = new LinkedHashMap<>();
        for (Map.Entry<Split, Integer> e : ds.splitCounts().entrySet()) {
            splits.put(e.getKey().id(), e.getValue());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", ds.info().id());
        out.put("name", ds.info().name());
        out.put("root", dir.toString());
        out.put("samples", ds.size());
        out.put("labelled_samples", labelled.size());
        out.put("splits", splits);
        out.put("label_histogram", histogram.toJson());
        out.put("taxonomy", ds.info().taxonomyId());
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (Skipped s : ds.skipped()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reason", s.reason());
            m.put("count", s.count());
            skipped.add(m);
        }
        out.put("skipped", skipped);
        return out;
    }

    /** Counts of raw label values: uint8 and uint16 through the histogram kernel, anything else in a map. */
    private static final class Histogram {
        final long[] u8 = new long[256];
        final long[] u16 = new long[65536];
        final long[] i16 = new long[65536];
        final TreeMap<Double, Long> other = new TreeMap<>(Histogram::compareValues);

        void add(Raster r) {
            if (r instanceof ByteRaster b && r.dataType() == DataType.UINT8) {
                Kernels.histogram(b.unsafeBandArray(0), null, u8);
            } else if (r instanceof ShortRaster s && r.dataType() == DataType.UINT16) {
                Kernels.histogram(s.unsafeBandArray(0), null, u16);
            } else if (r instanceof ShortRaster s && r.dataType() == DataType.INT16) {
                Kernels.histogram(s.unsafeBandArray(0), null, i16);
            } else {
                for (double v : r.bandAsDouble(0)) {
                    other.merge(v, 1L, Long::sum);
                }
            }
        }

        void merge(Histogram h) {
            for (int i = 0; i < 256; i++) {
                u8[i] += h.u8[i];
            }
            for (int i = 0; i < 65536; i++) {
                u16[i] += h.u16[i];
                i16[i] += h.i16[i];
            }
            h.other.forEach((v, c) -> other.merge(v, c, Long::sum));
        }

        /** Value (as a string, sorted numerically) to count, for every value that occurs. */
        Map<String, Long> toJson() {
            TreeMap<Double, Long> all = new TreeMap<>(Histogram::compareValues);
            all.putAll(other);
            for (int i = 0; i < 256; i++) {
                if (u8[i] != 0) {
                    all.merge((double) i, u8[i], Long::sum);
                }
            }
            for (int i = 0; i < 65536; i++) {
                if (u16[i] != 0) {
                    all.merge((double) i, u16[i], Long::sum);
                }
                if (i16[i] != 0) {
                    all.merge((double) (short) i, i16[i], Long::sum);
                }
            }
            Map<String, Long> out = new LinkedHashMap<>();
            all.forEach((v, c) -> out.put(key(v), c));
            return out;
        }

        static int compareValues(Double a, Double b) {
            return Double.compare(a, b);   // NaN sorts last
        }

        static String key(double v) {
            if (Double.isNaN(v)) {
                return "NaN";
            }
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private Histogram histogram(Dataset<?> ds, List<SampleRef> labelled, ProgressBar bar) throws IOException {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + n);
        }
        n = Math.max(1, Math.min(n, labelled.size()));
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "landcover-info");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Histogram>> parts = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                parts.add(pool.submit(() -> {
                    Histogram h = new Histogram();
                    for (int i = next.getAndIncrement(); i < labelled.size(); i = next.getAndIncrement()) {
                        Optional<Raster> label = ds.readLabel(labelled.get(i));
                        label.ifPresent(h::add);
                        bar.progress(done.incrementAndGet(), labelled.size(), "reading labels");
                    }
                    return h;
                }));
            }
            Histogram total = new Histogram();
            for (Future<Histogram> f : parts) {
                total.merge(f.get());
            }
            return total;
        } catch (ExecutionException e) {
            next.set(Integer.MAX_VALUE);
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidDataException(dir, "interrupted while reading labels");
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static void printText(Map<String, Object> r) {
        var out = System.out;
        out.printf(Locale.ROOT, "dataset:          %s (%s)%n", r.get("dataset"), r.get("name"));
        out.printf(Locale.ROOT, "root:             %s%n", r.get("root"));
        out.printf(Locale.ROOT, "samples:          %,d%n", (Integer) r.get("samples"));
        out.printf(Locale.ROOT, "labelled samples: %,d%n", (Integer) r.get("labelled_samples"));
        Map<String, Object> splits = (Map<String, Object>) r.get("splits");
        out.printf(Locale.ROOT, "splits:           %s%n", splits.isEmpty() ? "none defined by the dataset"
                : String.join(", ", splits.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        out.printf(Locale.ROOT, "taxonomy:         %s%n", r.get("taxonomy"));
        for (Map<String, Object> s : (List<Map<String, Object>>) r.get("skipped")) {
            out.printf(Locale.ROOT, "skipped:          %,d %s%n", (Long) s.get("count"), s.get("reason"));
        }
        Map<String, Long> hist = (Map<String, Long>) r.get("label_histogram");
        long total = hist.values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "label histogram:  %,d pixels, %d distinct values%n", total, hist.size());
        for (var e : hist.entrySet()) {
            out.printf(Locale.ROOT, "  %8s %,15d  %6.2f%%%n", e.getKey(), e.getValue(),
                    total == 0 ? 0.0 : 100.0 * e.getValue() / total);
        }
        out.flush();
    }
}
