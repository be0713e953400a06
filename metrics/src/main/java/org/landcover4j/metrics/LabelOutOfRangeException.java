package org.landcover4j.metrics;

/**
 * A label value outside the declared class set, raised by a strict {@link ConfusionAccumulator}.
 *
 * <p>The message names the side (reference or prediction), the value, the pixel index and the class set, for
 * example {@code "prediction value 7 at pixel 1234 is not in the class set [0, 1, 2]"}. Callers that know the file
 * (the command line) add its name.
 *
 * {@snippet :
 * try {
 *     acc.add(reference, prediction);
 * } catch (LabelOutOfRangeException e) {
 *     System.err.println(path + ": " + e.getMessage());
 * }
 * }
 */
public final class LabelOutOfRangeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String side;
    private final long value;
    private final long pixel;

    LabelOutOfRangeException(String side, long value, long pixel, String classSet) {
        super(side + " value " + value + " at pixel " + pixel + " is not in the class set " + classSet);
        this.side = side;
        this.value = value;
        this.pixel = pixel;
    }

    /** {@code "reference"} or {@code "prediction"}. */
    public String side() {
        return side;
    }

    /** The offending label value. */
    public long value() {
        return value;
    }

    /** The index of the pixel within the array (or band) that was added. */
    public long pixel() {
        return pixel;
    }
}
