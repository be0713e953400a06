package org.landcover4j.io.arrow;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One row of a dataset manifest: what a sample is and where its files are, without its pixels.
 *
 * <p>Immutable. Maps are copied into sorted maps so that rows print and serialise deterministically. The bounds
 * written to the manifest are the footprint's envelope.
 *
 * {@snippet :
 * var row = new ManifestRow("openearthmap", "aachen_1", Optional.of("train"),
 *         Map.of("image", "aachen/images/aachen_1.tif", "label", "aachen/labels/aachen_1.tif"),
 *         Optional.of("EPSG:32632"), Optional.of(footprint), Map.of(1, 1200L, 5, 64336L), Map.of());
 * }
 *
 * @param dataset        dataset id ({@code "sen12ms"}, {@code "landcovernet"}, ...)
 * @param id             sample id, unique within the dataset
 * @param split          the sample's split ({@code "train"}, {@code "val"}, {@code "test"}) if it has one
 * @param files          role (e.g. {@code "image"}, {@code "label"}, {@code "s2"}) to path, relative to the dataset root
 * @param crs            {@code "EPSG:<code>"} or WKT, when the sample is georeferenced
 * @param footprint      the sample's footprint in {@code crs}, when georeferenced
 * @param labelHistogram pixel count of every raw value of the primary label band (empty when unlabelled)
 * @param statistics     further per-sample statistics by name (e.g. {@code "consensus_mean"}); NaN allowed
 */
public record ManifestRow(String dataset, String id, Optional<String> split, Map<String, String> files,
                          Optional<String> crs, Optional<Geometry> footprint, Map<Integer, Long> labelHistogram,
                          Map<String, Double> statistics) {

    /** Validates and copies. */
    public ManifestRow {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(split, "split (use Optional.empty())");
        Objects.requireNonNull(crs, "crs (use Optional.empty())");
        Objects.requireNonNull(footprint, "footprint (use Optional.empty())");
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
        labelHistogram = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labelHistogram));
        statistics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(statistics));
        for (var e : labelHistogram.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("label histogram count must be non-negative, got "
                        + e.getValue() + " for value " + e.getKey() + " in sample " + id);
            }
        }
    }

    /** The footprint's envelope, when there is a footprint. */
    public Optional<Envelope> bounds() {
        return footprint.map(Geometry::getEnvelopeInternal);
    }
}
