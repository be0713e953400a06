package org.landcover4j.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A colour table (palette): for each pixel value {@code i} in {@code 0..size()-1}, an RGBA colour.
 *
 * <p>Palette rasters keep their indices as pixel values; the colour table says how to show them. PNG files carry
 * one in {@code PLTE} (+ {@code tRNS} for alpha), GeoTIFF files in the {@code ColorMap} tag. Components are
 * 8-bit (0..255); alpha is 255 (opaque) unless the file says otherwise.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * var table = ColorTable.ofRgb(new int[] {0x000000, 0x419bdf, 0x397d49});   // 3 opaque colours
 * table.red(1);     // 0x41
 * table.rgba(2);    // 0x397d49ff
 * }
 */
public final class ColorTable {
    /** The most entries a table may have (16-bit indices). */
    public static final int MAX_SIZE = 65536;

    private final int[] rgba;

    private ColorTable(int[] rgba) {
        if (rgba.length == 0 || rgba.length > MAX_SIZE) {
            throw new IllegalArgumentException("a colour table has 1.." + MAX_SIZE + " entries, got " + rgba.length);
        }
        this.rgba = rgba;
    }

    /** A table from packed {@code 0xRRGGBBAA} values (copied). */
    public static ColorTable ofRgba(int[] rgba) {
        return new ColorTable(Objects.requireNonNull(rgba, "rgba").clone());
    }

    /** A table of opaque colours from packed {@code 0xRRGGBB} values (copied). */
    public static ColorTable ofRgb(int[] rgb) {
        Objects.requireNonNull(rgb, "rgb");
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = (rgb[i] << 8) | 0xFF;
        }
        return new ColorTable(out);
    }

    /** Number of entries. */
    public int size() {
        return rgba.length;
    }

    /** Entry {@code i} as packed {@code 0xRRGGBBAA}. */
    public int rgba(int i) {
        return rgba[Objects.checkIndex(i, rgba.length)];
    }

    /** Red component of entry {@code i}, 0..255. */
    public int red(int i) {
        return rgba(i) >>> 24;
    }

    /** Green component of entry {@code i}, 0..255. */
    public int green(int i) {
        return (rgba(i) >>> 16) & 0xFF;
    }

    /** Blue component of entry {@code i}, 0..255. */
    public int blue(int i) {
        return (rgba(i) >>> 8) & 0xFF;
    }

    /** Alpha component of entry {@code i}, 0..255 (255 = opaque). */
    public int alpha(int i) {
        return rgba(i) & 0xFF;
    }

    /** Whether any entry is not fully opaque. */
    public boolean hasAlpha() {
        for (int v : rgba) {
            if ((v & 0xFF) != 0xFF) {
                return true;
            }
        }
        return false;
    }

    /** All entries as packed {@code 0xRRGGBBAA} (a copy). */
    public int[] toRgbaArray() {
        return rgba.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColorTable t && Arrays.equals(rgba, t.rgba);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rgba);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ColorTable[").append(rgba.length).append(" entries: ");
        int shown = Math.min(rgba.length, 4);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format("#%08x", rgba[i]));
        }
        return sb.append(rgba.length > shown ? ", ...]" : "]").toString();
    }
}
