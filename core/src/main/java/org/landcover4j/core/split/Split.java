package org.landcover4j.core.split;

import java.util.Locale;

/**
 * The three splits of a dataset: {@code train}, {@code val} and {@code test}.
 *
 * <p>{@link #parse(String)} also accepts the names datasets use in their own files (OpenSentinelMap's
 * {@code training}, {@code validation}, {@code testing}).
 *
 * {@snippet :
 * Split.parse("validation");   // VAL
 * Split.TEST.id();             // "test"
 * }
 */
public enum Split {
    /** Samples to train on. */
    TRAIN("train"),
    /** Samples to tune and select models on. */
    VAL("val"),
    /** Held-out samples to report on. */
    TEST("test");

    private final String id;

    Split(String id) {
        this.id = id;
    }

    /** The lower-case name: {@code train}, {@code val} or {@code test}. */
    public String id() {
        return id;
    }

    /**
     * Parses a split name, ignoring case and surrounding blanks: {@code train}/{@code training},
     * {@code val}/{@code valid}/{@code validation}, {@code test}/{@code testing}.
     *
     * @throws IllegalArgumentException naming the value when it is none of these
     */
    public static Split parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "train", "training" -> TRAIN;
            case "val", "valid", "validation" -> VAL;
            case "test", "testing" -> TEST;
            default -> throw new IllegalArgumentException("unknown split '" + name
                    + "'; expected train, val or test (or training, validation, testing)");
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
