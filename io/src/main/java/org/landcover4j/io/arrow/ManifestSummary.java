package org.landcover4j.io.arrow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What an export wrote: rows of the manifest, how many were labelled, rows per split, rows of the tile table, and
 * the dataset-wide histogram of the primary label band.
 *
 * <p>Immutable.
 *
 * {@snippet :
 * ManifestSummary s = Manifests.export(ds).write(Path.of("manifest.arrow"));
 * s.rows();            // 9
 * s.splits();          // {train=5, val=2, test=2}
 * s.tileRows();        // OptionalLong.empty: no tile table was asked for
 * }
 *
 * @param dataset        dataset id
 * @param rows           manifest rows (samples)
 * @param labelledRows   rows with a label histogram
 * @param splits         rows per split id ({@code train}, {@code val}, {@code test}), samples without a split not
 *                       counted; in that order
 * @param tileRows       rows of the tile table, when one was written
 * @param labelHistogram pixel count of every raw value of the primary label band over all labelled samples
 */
public record ManifestSummary(String dataset, long rows, long labelledRows, Map<String, Long> splits,
                              OptionalLong tileRows, Map<Integer, Long> labelHistogram) {

    /** Validates and copies. */
    public ManifestSummary {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(tileRows, "tileRows (use OptionalLong.empty())");
        splits = Collections.unmodifiableMap(new LinkedHashMap<>(splits));
        labelHistogram = Collections.unmodifiableSortedMap(new TreeMap<>(labelHistogram));
        if (rows < 0 || labelledRows < 0 || labelledRows > rows) {
            throw new IllegalArgumentException("row counts must satisfy 0 <= labelled <= rows, got rows=" + rows
                    + ", labelled=" + labelledRows);
        }
    }

    @Override
    public String toString() {
        return "ManifestSummary[" + dataset + ", rows=" + rows + ", labelled=" + labelledRows + ", splits=" + splits
                + (tileRows.isPresent() ? ", tiles=" + tileRows.getAsLong() : "") + "]";
    }
}
