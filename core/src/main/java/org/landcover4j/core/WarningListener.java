package org.landcover4j.core;

/**
 * Receives recoverable oddities found while reading data: a CSV row without files, a collection item missing on
 * disk, an unusual tag. Fatal problems are {@link InvalidDataException}s instead.
 *
 * <p>Implementations must be thread-safe when the reader they are given to is used from several threads.
 *
 * {@snippet :
 * var warnings = new java.util.concurrent.CopyOnWriteArrayList<String>();
 * WarningListener listener = (source, message) -> warnings.add(source + ": " + message);
 * }
 */
@FunctionalInterface
public interface WarningListener {
    /**
     * Reports one warning.
     *
     * @param source  what the warning is about (a file, a folder, a sample id)
     * @param message one line describing the oddity and what was done about it
     */
    void warning(String source, String message);

    /** A listener that logs each warning through SLF4J at WARN level. */
    static WarningListener logging() {
        var log = org.slf4j.LoggerFactory.getLogger("org.landcover4j.warnings");
        return (source, message) -> log.warn("{}: {}", source, message);
    }

    /** A listener that ignores every warning. */
    static WarningListener ignore() {
        return (source, message) -> { };
    }
}
