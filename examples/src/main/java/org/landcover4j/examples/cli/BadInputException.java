package org.landcover4j.examples.cli;

/**
 * Raised by commands for bad input data that is not already an {@link java.io.IOException}: the command line maps
 * it to exit code 3 and prints its message as one line on stderr.
 *
 * {@snippet :
 * throw new BadInputException("reference.tif and prediction.tif differ in size: 256x256 vs 512x512");
 * }
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message naming the file and the problem. */
    public BadInputException(String message) {
        super(message);
    }

    /** Creates the exception with a cause (shown only with {@code --debug}). */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
