package org.landcover4j.taxonomy;

import java.util.Locale;
import java.util.Objects;

/**
 * An opaque 24-bit sRGB colour, printed as {@code #rrggbb}.
 *
 * <p>Immutable and thread-safe. Components are 0..255. {@link #toString()} and {@link #hex()} give the lower-case
 * hexadecimal form used in the JSON format and by most dataset documentation; {@link #parse(String)} reads it back
 * (with or without {@code #}, any case).
 *
 * {@snippet :
 * var water = Rgb.parse("#0000ff");
 * water.blue();      // 255
 * water.packed();    // 0x0000ff
 * water;             // #0000ff
 * }
 *
 * @param red   0..255
 * @param green 0..255
 * @param blue  0..255
 */
public record Rgb(int red, int green, int blue) {

    /** Black, the colour of no-data classes that have no published colour. */
    public static final Rgb BLACK = new Rgb(0, 0, 0);

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is outside 0..255
     */
    public Rgb {
        check("red", red);
        check("green", green);
        check("blue", blue);
    }

    private static void check(String name, int v) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException(name + " must be 0..255, got " + v);
        }
    }

    /** A colour from its three components. */
    public static Rgb of(int red, int green, int blue) {
        return new Rgb(red, green, blue);
    }

    /** A colour from a packed {@code 0xRRGGBB} value (higher bits must be zero). */
    public static Rgb ofPacked(int rgb) {
        if ((rgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("packed RGB must fit 24 bits, got 0x" + Integer.toHexString(rgb));
        }
        return new Rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }

    /**
     * Parses {@code #rrggbb} or {@code rrggbb} (any case).
     *
     * @throws IllegalArgumentException if the text is not six hexadecimal digits with an optional leading '#'
     */
    public static Rgb parse(String hex) {
        Objects.requireNonNull(hex, "hex");
        String s = hex.startsWith("#") ? hex.substring(1) : hex;
        if (s.length() != 6) {
            throw new IllegalArgumentException("a colour must be written #rrggbb, got '" + hex + "'");
        }
        int v = 0;
        for (int i = 0; i < 6; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                throw new IllegalArgumentException("a colour must be written #rrggbb, got '" + hex + "'");
            }
            v = v << 4 | d;
        }
        return ofPacked(v);
    }

    /** The packed {@code 0xRRGGBB} value. */
    public int packed() {
        return red << 16 | green << 8 | blue;
    }

    /** The lower-case {@code #rrggbb} form. */
    public String hex() {
        return String.format(Locale.ROOT, "#%06x", packed());
    }

    /** Relative luminance in 0..1 (sRGB, ITU-R BT.709 weights on linearised components), for choosing text colours. */
    public double luminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    private static double linear(int c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** The {@code #rrggbb} form. */
    @Override
    public String toString() {
        return hex();
    }
}
