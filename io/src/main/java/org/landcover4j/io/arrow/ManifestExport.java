package org.landcover4j.io.arrow;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import org.landcover4j.core.ProgressListener;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.tile.TileGrid;

/**
 * Writes the manifest of a dataset (and optionally its tile table) as Arrow IPC files: samples decoded on several
 * threads, rows written in the dataset's order, memory bounded.
 *
 * <p>Each sample's row is computed by {@link Manifests#row} on one of {@link #threads(int)} threads; at most a few
 * samples per thread are in flight at once, and rows leave through {@link ManifestWriter}'s fixed-size record
 * batches, so memory does not grow with the dataset. The output is the same for any thread count. With
 * {@link #tiles(Path, UnaryOperator)} a tile table ({@link TileTables}) is written in the same pass: the grid is laid
 * over each sample's primary label (unlabelled samples: over the first raster file, or OpenSentinelMap's cell).
 *
 * <p>Failure: a sample that cannot be read, a grid that does not fit a sample, or an output that cannot be
 * written stops the export with the exception (naming the file or sample), and no output file is left behind: each
 * file is written beside its target and moved into place only at the end (the tile table first, then the
 * manifest; if the manifest cannot be moved, the tile table just written is removed again).
 *
 * <p>Immutable: every setter returns a new export; {@link #write(Path)} may be called from any thread.
 *
 * {@snippet :
 * ManifestSummary s = Manifests.export(ds)
 *         .threads(4)
 *         .tiles(Path.of("tiles.arrow"), grid -> grid.size(256).stride(128).edge(EdgePolicy.PAD))
 *         .progress((done, total, task) -> System.err.print("\r" + done + "/" + total))
 *         .write(Path.of("manifest.arrow"));
 * }
 */
public final class ManifestExport {

    private final Dataset<?> dataset;
    private final int threads;
    private final int batchSize;
    private final ProgressListener progress;
    private final Path tilesFile;
    private final UnaryOperator<TileGrid> grid;

    private ManifestExport(Dataset<?> dataset, int threads, int batchSize, ProgressListener progress, Path tilesFile,
                           UnaryOperator<TileGrid> grid) {
        this.dataset = dataset;
        this.threads = threads;
        this.batchSize = batchSize;
        this.progress = progress;
        this.tilesFile = tilesFile;
        this.grid = grid;
    }

    /** An export of {@code dataset}: one thread per available processor, default batch size, no tile table. */
    public static ManifestExport of(Dataset<?> dataset) {
        return new ManifestExport(Objects.requireNonNull(dataset, "dataset"),
                Runtime.getRuntime().availableProcessors(), ManifestWriter.DEFAULT_BATCH_SIZE, ProgressListener.none(),
                null, null);
    }

    /**
     * Decodes samples on {@code n} threads (1: on the calling thread).
     *
     * @throws IllegalArgumentException if {@code n} is not positive
     */
    public ManifestExport threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + n);
        }
        return new ManifestExport(dataset, n, batchSize, progress, tilesFile, grid);
    }

    /**
     * Writes record batches of {@code rows} rows.
     *
     * @throws IllegalArgumentException if {@code rows} is not positive
     */
    public ManifestExport batchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batch size must be 1 or more, got " + rows);
        }
        return new ManifestExport(dataset, threads, rows, progress, tilesFile, grid);
    }

    /** Reports progress (samples done of all samples, task {@code "export"}) to {@code listener}. */
    public ManifestExport progress(ProgressListener listener) {
        return new ManifestExport(dataset, threads, batchSize, Objects.requireNonNull(listener, "listener"),
                tilesFile, grid);
    }

    /**
     * Also writes a tile table to {@code file}: {@code grid} receives a grid over each sample (its size and
     * georeference set) and returns it configured, e.g. {@code g -> g.size(256).edge(EdgePolicy.PAD)}.
     */
    public ManifestExport tiles(Path file, UnaryOperator<TileGrid> grid) {
        return new ManifestExport(dataset, threads, batchSize, progress, Objects.requireNonNull(file, "file"),
                Objects.requireNonNull(grid, "grid"));
    }

    /**
     * Writes the manifest to {@code file} (and the tile table, if asked for).
     *
     * @return what was written
     * @throws org.landcover4j.core.InvalidDataException naming the file when a sample cannot be read
     * @throws IOException              when an output cannot be written (the message names it)
     * @throws IllegalArgumentException naming the sample when the tile grid does not fit it
     */
    public ManifestSummary write(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (tilesFile != null && file.toAbsolutePath().normalize().equals(tilesFile.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the manifest and the tile table cannot both be written to " + file);
        }
        IntPredicate ignore = Manifests.ignorePredicate(dataset);
        IntPredicate tileIgnore = ignore == null ? v -> false : ignore;
        String id = dataset.info().id();
        List<SampleRef> refs = dataset.refs();
        long labelled = 0;
        Map<String, Long> splits = new LinkedHashMap<>();
        for (Split s : Split.values()) {
            splits.put(s.id(), 0L);
        }
        Map<Integer, Long> histogram = new TreeMap<>();
        progress.progress(0, refs.size(), "export");
        try (ManifestWriter manifest = ManifestWriter.create(file, batchSize);
             TableWriter tiles = tilesFile == null ? null : TableWriter.create(tilesFile, TileTables.columns(),
                     batchSize);
             Prefetch work = new Prefetch(refs, threads, ref -> compute(ref, ignore, tileIgnore))) {
            for (int i = 0; i < refs.size(); i++) {
                Result r = work.next();
                manifest.write(r.row());
                if (tiles != null) {
                    for (Object[] t : r.tiles()) {
                        tiles.write(t);
                    }
                }
                if (refs.get(i).labelled()) {
                    labelled++;
                }
                r.row().split().ifPresent(s -> splits.merge(s, 1L, Long::sum));
                r.row().labelHistogram().forEach((v, c) -> histogram.merge(v, c, Math::addExact));
                progress.progress(i + 1, refs.size(), "export");
            }
            if (tiles != null) {
                tiles.commit();
            }
            try {
                manifest.commit();
            } catch (IOException | RuntimeException e) {
                if (tilesFile != null) {
                    Files.deleteIfExists(tilesFile);
                }
                throw e;
            }
            splits.values().removeIf(v -> v == 0);
            return new ManifestSummary(id, manifest.rows(), labelled, splits,
                    tiles == null ? OptionalLong.empty() : OptionalLong.of(tiles.rows()), histogram);
        }
    }

    /** One sample's manifest row and tile rows. */
    private record Result(ManifestRow row, List<Object[]> tiles) {
    }

    private Result compute(SampleRef ref, IntPredicate ignore, IntPredicate tileIgnore)
            throws org.landcover4j.core.InvalidDataException {
        Manifests.Facts f = Manifests.facts(dataset, ref, ignore);
        if (tilesFile == null) {
            return new Result(f.row(), List.of());
        }
        if (f.width() == 0) {
            return new Result(f.row(), List.of());
        }
        TileGrid base = TileGrid.of(f.width(), f.height());
        if (f.geo().isPresent()) {
            base = base.georeferenced(f.geo().get());
        }
        try {
            TileGrid g = Objects.requireNonNull(grid.apply(base), "the grid function returned null");
            return new Result(f.row(), TileTables.rows(dataset.info().id(), ref.id(), f.row().split(), g, f.label(),
                    f.row().labelHistogram(), tileIgnore));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sample " + ref.id() + " (" + f.width() + "x" + f.height() + " pixels): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ManifestExport[" + dataset + ", threads=" + threads + ", batch=" + batchSize
                + (tilesFile != null ? ", tiles=" + tilesFile : "") + "]";
    }

    /** Work on one sample that may throw what reading a sample throws. */
    @FunctionalInterface
    private interface Task {
        Result apply(SampleRef ref) throws IOException;
    }

    /**
     * Computes results on a pool, a bounded number ahead of the consumer, and hands them out in input order.
     * With one thread everything runs on the caller.
     */
    private static final class Prefetch implements AutoCloseable {
        private final List<SampleRef> refs;
        private final Task task;
        private final ExecutorService pool;
        private final ArrayDeque<Future<Result>> queue = new ArrayDeque<>();
        private final int window;
        private int submitted;
        private int taken;

        Prefetch(List<SampleRef> refs, int threads, Task task) {
            this.refs = refs;
            this.task = task;
            int n = Math.min(threads, Math.max(1, refs.size()));
            this.window = n * 4;
            if (n == 1) {
                pool = null;
            } else {
                AtomicInteger count = new AtomicInteger();
                pool = Executors.newFixedThreadPool(n, r -> {
                    Thread t = new Thread(r, "landcover-export-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
        }

        Result next() throws IOException {
            if (pool == null) {
                return task.apply(refs.get(taken++));
            }
            while (submitted < refs.size() && queue.size() < window) {
                SampleRef ref = refs.get(submitted++);
                queue.add(pool.submit(() -> task.apply(ref)));
            }
            Future<Result> f = queue.poll();
            taken++;
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while exporting");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) {
                    throw io;
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                if (c instanceof Error err) {
                    throw err;
                }
                throw new IOException(c);
            }
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }
}
