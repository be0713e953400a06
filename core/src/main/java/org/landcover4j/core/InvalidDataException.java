package org.landcover4j.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Bad file content: a checked exception whose message names the file and what is wrong with it.
 *
 * <p>Every reader in landcover4j reports corrupt, truncated, hostile or inconsistent input with this type (or a
 * subclass), never with an unchecked exception. The message has the form {@code "<file>: <problem>"}; the
 * problem names the field or offset, what was expected and what was found.
 *
 * {@snippet :
 * try {
 *     var raster = GeoTiff.read(path);
 * } catch (InvalidDataException e) {
 *     System.err.println(e.getMessage()); // "/data/a.tif: strip 3 offset 99999999 is past the end of the file (1024 bytes)"
 * }
 * }
 */
public class InvalidDataException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    /**
     * Creates an exception for {@code file} (may be {@code null} for in-memory data) with a problem description.
     *
     * @param file    the offending file, or {@code null}
     * @param problem what is wrong, naming field or offset, expected and found
     */
    public InvalidDataException(Path file, String problem) {
        super(format(file, problem));
        this.file = file;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * Creates an exception with a cause.
     *
     * @param file    the offending file, or {@code null}
     * @param problem what is wrong
     * @param cause   the underlying failure
     */
    public InvalidDataException(Path file, String problem, Throwable cause) {
        super(format(file, problem), cause);
        this.file = file;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(Path file, String problem) {
        return file == null ? problem : file + ": " + problem;
    }

    /** The offending file, or {@code null} when the data did not come from a file. */
    public Path file() {
        return file;
    }

    /** The problem without the file name. */
    public String problem() {
        return problem;
    }
}
