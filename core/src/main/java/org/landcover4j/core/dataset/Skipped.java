package org.landcover4j.core.dataset;

import java.util.List;
import java.util.Objects;

/**
 * One kind of thing a reader left out while enumerating a dataset, with how many and a few examples.
 *
 * <p>Readers never skip silently: every skip is counted in a {@code Skipped} entry of {@link Dataset#skipped()} and
 * reported once (a summary line, not one line per item) to the dataset's warning listener.
 *
 * {@snippet :
 * ds.skipped();   // [Skipped[12 rows of spatial_cell_info.csv without label image or imagery, e.g. [1001, 1002]]]
 * }
 *
 * @param reason   what was skipped and why, as a phrase
 * @param count    how many were skipped (at least 1)
 * @param examples up to a few of the skipped names
 */
public record Skipped(String reason, long count, List<String> examples) {

    /** Validates and copies. */
    public Skipped {
        Objects.requireNonNull(reason, "reason");
        examples = List.copyOf(examples);
        if (count < 1) {
            throw new IllegalArgumentException("a skip entry needs a positive count, got " + count);
        }
    }

    /** The one-line summary: {@code "<count> <reason>, e.g. <examples>"}. */
    public String message() {
        return count + " " + reason + (examples.isEmpty() ? "" : ", e.g. " + String.join(", ", examples));
    }

    @Override
    public String toString() {
        return "Skipped[" + message() + "]";
    }
}
