package org.landcover4j.io.png;

/**
 * The five PNG colour types, with the channels each decodes to and the bit depths the standard allows.
 *
 * {@snippet :
 * PngColorType.RGB.channels();       // 3
 * PngColorType.PALETTE.code();       // 3
 * }
 */
public enum PngColorType {
    /** Greyscale, 1 channel; bit depths 1, 2, 4, 8, 16. */
    GREY(0, 1, 1, 2, 4, 8, 16),
    /** Red, green, blue, 3 channels; bit depths 8, 16. */
    RGB(2, 3, 8, 16),
    /** Palette indices, 1 channel plus a colour table; bit depths 1, 2, 4, 8. */
    PALETTE(3, 1, 1, 2, 4, 8),
    /** Greyscale and alpha, 2 channels; bit depths 8, 16. */
    GREY_ALPHA(4, 2, 8, 16),
    /** Red, green, blue and alpha, 4 channels; bit depths 8, 16. */
    RGBA(6, 4, 8, 16);

    private final int code;
    private final int channels;
    private final int[] depths;

    PngColorType(int code, int channels, int... depths) {
        this.code = code;
        this.channels = channels;
        this.depths = depths;
    }

    /** The colour type byte in {@code IHDR}. */
    public int code() {
        return code;
    }

    /** Samples per pixel (a palette pixel is one index). */
    public int channels() {
        return channels;
    }

    /** Whether the standard allows this bit depth for this colour type. */
    public boolean allowsBitDepth(int bitDepth) {
        for (int d : depths) {
            if (d == bitDepth) {
                return true;
            }
        }
        return false;
    }

    /** The colour type with this {@code IHDR} code, or {@code null} when the code is not a PNG colour type. */
    static PngColorType ofCode(int code) {
        for (PngColorType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
