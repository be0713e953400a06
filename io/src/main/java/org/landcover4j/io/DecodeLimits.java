package org.landcover4j.io;

/**
 * Caps that bound what a decoder may allocate, whatever a file declares.
 *
 * <p>Every codec checks the declared output size (width x height x bands x bytes per sample) against
 * {@link #maxOutputBytes()} before allocating, and stops inflating a compressed chunk once it exceeds the size the
 * chunk can legitimately have. The default cap is 2 GiB or a quarter of the maximum heap, whichever is smaller;
 * the system property {@code landcover4j.maxDecodeBytes} overrides it.
 *
 * {@snippet :
 * var limits = DecodeLimits.defaults().withMaxOutputBytes(64L << 20);   // 64 MiB
 * }
 *
 * @param maxOutputBytes  largest decoded size accepted, in bytes
 * @param maxDimension    largest width or height accepted, in pixels
 * @param maxBands        largest number of bands (or samples per pixel) accepted
 */
public record DecodeLimits(long maxOutputBytes, int maxDimension, int maxBands) {

    /** The system property that overrides the default {@link #maxOutputBytes()}. */
    public static final String MAX_BYTES_PROPERTY = "landcover4j.maxDecodeBytes";

    /** Validates that every cap is positive. */
    public DecodeLimits {
        if (maxOutputBytes <= 0 || maxDimension <= 0 || maxBands <= 0) {
            throw new IllegalArgumentException("decode limits must be positive, got bytes=" + maxOutputBytes
                    + ", dimension=" + maxDimension + ", bands=" + maxBands);
        }
    }

    /** The defaults: min(2 GiB, max heap / 4) bytes (or the system property), 1,048,576 px, 65,535 bands. */
    public static DecodeLimits defaults() {
        String p = System.getProperty(MAX_BYTES_PROPERTY);
        long bytes = p != null && !p.isBlank() ? Long.parseLong(p.trim())
                : Math.min(2L << 30, Math.max(Runtime.getRuntime().maxMemory() / 4, 1L << 20));
        return new DecodeLimits(bytes, 1 << 20, 65535);
    }

    /** A copy with another byte cap. */
    public DecodeLimits withMaxOutputBytes(long bytes) {
        return new DecodeLimits(bytes, maxDimension, maxBands);
    }

    /** Whether a declared output of {@code bytes} bytes is acceptable. */
    public boolean allows(long bytes) {
        return bytes >= 0 && bytes <= maxOutputBytes;
    }
}
