package org.landcover4j.io.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.Sample;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.raster.Raster;

/**
 * The uniform checklist every dataset reader passes on the project's generated samples: open (directly and through
 * {@link Datasets}), count, splits, order, first and last sample decoded, band names, taxonomy, georeferencing,
 * skips reported, missing required part, corrupt file, concurrent reads.
 *
 * @param <S> the sample type
 */
public abstract class DatasetChecklist<S extends Sample> {

    /** Opens {@code root} with the reader under test (not through {@link Datasets}). */
    protected abstract Dataset<S> open(Path root, DatasetOptions options) throws IOException;

    /** The dataset's id. */
    protected abstract String id();

    /** The expected taxonomy id. */
    protected abstract String taxonomyId();

    /** Expected ids in order. */
    protected abstract List<String> expectedIds();

    /** Expected split counts. */
    protected abstract Map<Split, Integer> expectedSplits();

    /** Expected number of skip entries (reasons) and their total count. */
    protected abstract long[] expectedSkips();

    /** Dataset-specific checks of a decoded sample (band names, types, georeferencing). */
    protected abstract void checkSample(S sample) throws IOException;

    /** Makes the generated dataset miss a required part; returns a fragment the error message must contain. */
    protected abstract String removeRequiredPart(Path root) throws IOException;

    /** Corrupts one file of the sample with this id; returns that file. */
    protected abstract Path corruptOneFile(Path root, SampleRef ref) throws IOException;

    /** The folder of the shared generated copy (generated once per test class). */
    protected abstract Path shared() throws IOException;

    /** A fresh folder per test. */
    @TempDir
    protected Path scratch;

    protected final Dataset<S> openShared(DatasetTesting.Warnings w) throws IOException {
        return open(shared(), w.options());
    }

    @Test
    void opensDirectlyAndThroughDatasets() throws IOException {
        var w = new DatasetTesting.Warnings();
        Dataset<S> direct = open(shared(), w.options());
        Dataset<?> detected = Datasets.open(shared(), new DatasetTesting.Warnings().options());
        assertEquals(direct.getClass(), detected.getClass());
        assertEquals(id(), direct.info().id());
        assertEquals(Datasets.detect(shared()).orElseThrow(), id());
        assertEquals(direct.refs(), detected.refs());
        assertTrue(direct.toString().startsWith(direct.info().name() + "[root=" + shared() + ", samples="
                + expectedIds().size() + ", splits={"), direct.toString());
    }

    @Test
    void countsOrderAndSplits() throws IOException {
        var ds = openShared(new DatasetTesting.Warnings());
        assertEquals(expectedIds(), ds.refs().stream().map(SampleRef::id).toList());
        assertEquals(expectedIds().size(), ds.size());
        assertEquals(expectedSplits(), ds.splitCounts());
        for (var e : expectedSplits().entrySet()) {
            assertEquals(e.getValue(), ds.refs(e.getKey()).size(), e.getKey().id());
        }
        assertEquals(new ArrayList<>(expectedSplits().keySet()), ds.info().splits());
        assertEquals(taxonomyId(), ds.info().taxonomyId());
    }

    @Test
    void skipsAreCountedAndReportedOnce() throws IOException {
        var w = new DatasetTesting.Warnings();
        var ds = openShared(w);
        long[] want = expectedSkips();
        assertEquals(want[0], ds.skipped().size(), ds.skipped().toString());
        assertEquals(want[1], ds.skipped().stream().mapToLong(s -> s.count()).sum(), ds.skipped().toString());
        for (var s : ds.skipped()) {
            assertEquals(1, w.lines.stream().filter(l -> l.contains(s.message())).count(), w.toString());
        }
    }

    @Test
    void firstAndLastSamplesDecode() throws IOException {
        var ds = openShared(new DatasetTesting.Warnings());
        S first = ds.sample(0);
        S last = ds.sample(ds.size() - 1);
        assertEquals(expectedIds().get(0), first.id());
        assertEquals(expectedIds().get(expectedIds().size() - 1), last.id());
        checkSample(first);
        checkSample(last);
        assertEquals(first.ref(), ds.find(first.id()).orElseThrow());
    }

    @Test
    void everySampleDecodesAndLabelsMatchReadLabel() throws IOException {
        var ds = openShared(new DatasetTesting.Warnings());
        for (SampleRef ref : ds.refs()) {
            S s = ds.read(ref);
            checkSample(s);
            var label = ds.readLabel(ref);
            assertEquals(ref.labelled(), label.isPresent(), ref.id());
            assertEquals(ref.labelled(), s.primaryLabel().isPresent(), ref.id());
            if (label.isPresent()) {
                Raster a = label.get();
                Raster b = s.primaryLabel().get();
                assertEquals(1, a.bands());
                assertEquals(DatasetTesting.checksum(b), DatasetTesting.checksum(a), ref.id());
            }
        }
    }

    @Test
    void unknownIdsAndForeignRefsAreRejected() throws IOException {
        var ds = openShared(new DatasetTesting.Warnings());
        assertTrue(ds.find("no such sample").isEmpty());
        var e = assertThrows(java.util.NoSuchElementException.class, () -> ds.sample("no such sample"));
        assertTrue(e.getMessage().contains("no such sample"), e.getMessage());
        SampleRef ref = ds.refs().get(0);
        SampleRef foreign = new SampleRef(ref.id(), ref.split(), ref.group(), ref.labelled(),
                Map.of("x", Path.of("elsewhere")));
        assertThrows(IllegalArgumentException.class, () -> ds.read(foreign));
    }

    @Test
    void missingRequiredPartFailsAtOpenSayingWhat() throws IOException {
        Path root = scratch.resolve("broken");
        DatasetTesting.copyTree(shared(), root);
        String expected = removeRequiredPart(root);
        var e = assertThrows(InvalidDataException.class, () -> open(root, new DatasetTesting.Warnings().options()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void corruptFileFailsOnlyItsSampleNamingTheFile() throws IOException {
        Path root = scratch.resolve("corrupt");
        DatasetTesting.copyTree(shared(), root);
        var ds0 = open(root, new DatasetTesting.Warnings().options());
        SampleRef victim = ds0.refs().get(ds0.size() / 2);
        Path file = corruptOneFile(root, victim);
        var ds = open(root, new DatasetTesting.Warnings().options());
        assertEquals(ds0.refs(), ds.refs(), "enumeration is not affected by a corrupt file");
        var e = assertThrows(InvalidDataException.class, () -> ds.read(ds.find(victim.id()).orElseThrow()));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        for (SampleRef r : ds.refs()) {
            if (!r.id().equals(victim.id())) {
                assertNotNull(ds.read(r));
            }
        }
    }

    @Test
    void concurrentReadsGiveTheSameSamples() throws Exception {
        var ds = openShared(new DatasetTesting.Warnings());
        Map<String, Long> sequential = new LinkedHashMap<>();
        for (SampleRef r : ds.refs()) {
            sequential.put(r.id(), fingerprint(ds.read(r)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int rep = 0; rep < 2; rep++) {
                for (int i = 0; i < ds.size(); i++) {
                    int index = i;
                    futures.add(pool.submit(() -> new long[] {index, fingerprint(ds.sample(index))}));
                }
            }
            for (Future<long[]> f : futures) {
                long[] r = f.get();
                assertEquals(sequential.get(ds.refs().get((int) r[0]).id()), r[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A fingerprint of a sample's primary label (or, unlabelled, of its id). */
    protected long fingerprint(S s) throws IOException {
        return s.primaryLabel().map(DatasetTesting::checksum).orElse((long) s.id().hashCode());
    }

    @Test
    void infoNamesTheBandsOfEveryRaster() throws IOException {
        var ds = openShared(new DatasetTesting.Warnings());
        assertFalse(ds.info().bands().isEmpty());
        assertInstanceOf(String.class, ds.info().reference());
        for (var b : ds.info().bands()) {
            assertFalse(b.name().isBlank());
        }
    }
}
