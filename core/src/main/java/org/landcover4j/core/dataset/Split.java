package org.landcover4j.core.dataset;

import java.util.Locale;
import java.util.Optional;

/**
 * A named part of a dataset: training, validation or test.
 *
 * <p>Datasets name their splits in different ways (OpenSentinelMap writes {@code training}, {@code validation},
 * {@code testing}; OpenEarthMap has {@code train.txt}, {@code val.txt}, {@code test.txt}); {@link #parse(String)}
 * understands all of them. {@link #id()} is the short name used in JSON output and {@code toString}.
 *
 * {@snippet :
 * Split.parse("validation");   // Optional[val]
 * Split.TRAIN.id();            // "train"
 * }
 */
public enum Split {
    /** Training samples. */
    TRAIN("train"),
    /** Validation samples. */
    VAL("val"),
    /** Test samples. */
    TEST("test");

    private final String id;

    Split(String id) {
        this.id = id;
    }

    /** The short name: {@code train}, {@code val} or {@code test}. */
    public String id() {
        return id;
    }

    /**
     * Parses a split name as datasets write it: {@code train}/{@code training}, {@code val}/{@code valid}/
     * {@code validation}, {@code test}/{@code testing}, in any case, surrounding blanks ignored.
     *
     * @return the split, or empty for any other text
     */
    public static Optional<Split> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "train", "training" -> Optional.of(TRAIN);
            case "val", "valid", "validation" -> Optional.of(VAL);
            case "test", "testing" -> Optional.of(TEST);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
