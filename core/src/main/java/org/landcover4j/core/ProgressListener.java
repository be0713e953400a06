package org.landcover4j.core;

/**
 * Receives progress of long operations (enumerating a dataset, evaluating a directory, exporting a manifest).
 *
 * <p>Calls come from the working thread or threads; implementations must be thread-safe and cheap. {@code total}
 * is {@code -1} when unknown.
 *
 * {@snippet :
 * ProgressListener p = (done, total, what) -> System.err.printf("%s %d/%d%n", what, done, total);
 * }
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Reports that {@code done} of {@code total} units of {@code task} are complete.
     *
     * @param done  units finished so far
     * @param total units in all, or -1 when unknown
     * @param task  a short name of the work, for display
     */
    void progress(long done, long total, String task);

    /** A listener that does nothing. */
    static ProgressListener none() {
        return (done, total, task) -> { };
    }
}
