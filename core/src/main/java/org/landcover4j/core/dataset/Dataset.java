package org.landcover4j.core.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.Raster;

/**
 * An opened dataset folder: cheap, ordered sample references, and typed samples decoded on request.
 *
 * <p>Opening a dataset ({@link Datasets#open(Path)}, or a reader's own {@code open}) reads only the folder layout
 * and the small index files (split lists, CSV, STAC collection); pixels are decoded by {@link #read(SampleRef)}.
 * The order of {@link #refs()} is deterministic (sorted by the dataset's natural key) and the same on every
 * machine. A corrupt file makes reading that one sample fail with an {@link InvalidDataException} naming the
 * file; the other samples stay readable.
 *
 * <p>Thread safety: implementations are immutable after opening and safe to read from many threads at once.
 * {@link #close()} releases nothing today (readers hold no open files between calls) but datasets are
 * {@code AutoCloseable} so that future readers (for example over zip archives) can.
 *
 * {@snippet :
 * try (var ds = Datasets.open(Path.of("samples/openearthmap"))) {
 *     System.out.println(ds);          // OpenEarthMap[root=samples/openearthmap, samples=9, splits={train=5, val=2, test=2}]
 *     for (SampleRef ref : ds.refs(Split.TRAIN)) {
 *         Sample s = ds.read(ref);
 *         s.primaryLabel().ifPresent(label -> System.out.println(ref.id() + " " + label));
 *     }
 * }
 * }
 *
 * @param <S> the dataset's sample type
 */
public interface Dataset<S extends Sample> extends AutoCloseable {

    /** Identity, taxonomy, bands, resolution and splits of this dataset. */
    DatasetInfo info();

    /** The folder the dataset was opened from, as given. */
    Path root();

    /** Every sample reference, in deterministic order. */
    List<SampleRef> refs();

    /** The references of one split, in the same order as {@link #refs()}. */
    default List<SampleRef> refs(Split split) {
        return refs().stream().filter(r -> r.split().equals(Optional.of(split))).toList();
    }

    /** Number of samples. */
    default int size() {
        return refs().size();
    }

    /**
     * Sample counts per split defined by the dataset's own files, in the order train, val, test; splits the
     * dataset does not define are absent, and samples in no split are not counted.
     */
    Map<Split, Integer> splitCounts();

    /** The reference with this id, if any. */
    Optional<SampleRef> find(String id);

    /**
     * Decodes one sample.
     *
     * @throws InvalidDataException naming the file when one of the sample's files is missing, corrupt or
     *                              inconsistent with the others
     * @throws IllegalArgumentException if {@code ref} does not belong to this dataset
     */
    S read(SampleRef ref) throws InvalidDataException;

    /**
     * Decodes the sample with this id.
     *
     * @throws NoSuchElementException naming the id when the dataset has no such sample
     */
    default S sample(String id) throws InvalidDataException {
        return read(find(id).orElseThrow(() -> new NoSuchElementException(
                "no sample '" + id + "' in " + this)));
    }

    /** Decodes the sample at position {@code index} of {@link #refs()}. */
    default S sample(int index) throws InvalidDataException {
        return read(refs().get(index));
    }

    /**
     * Decodes only the primary label band of a sample (see {@link Sample#primaryLabel()}), without its imagery;
     * empty for unlabelled samples.
     *
     * @throws InvalidDataException naming the label file when it is corrupt
     */
    Optional<Raster> readLabel(SampleRef ref) throws InvalidDataException;

    /** What was left out while enumerating, counted (never silently). */
    List<Skipped> skipped();

    /** Releases nothing today; see the class comment. */
    @Override
    default void close() {
    }
}
