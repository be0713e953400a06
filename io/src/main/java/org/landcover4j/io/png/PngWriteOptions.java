package org.landcover4j.io.png;

import java.util.Objects;
import java.util.Optional;
import org.landcover4j.io.ColorTable;

/**
 * How {@link Png#write(java.nio.file.Path, org.landcover4j.core.raster.Raster, PngWriteOptions)} encodes a raster.
 *
 * <p>With a palette, a one-band 8-bit raster is written as a palette image: its values are the indices, the
 * table goes to {@code PLTE} (and its alpha, when not all opaque, to {@code tRNS}); the index bit depth is the
 * smallest of 1, 2, 4, 8 that addresses every entry. Immutable.
 *
 * {@snippet :
 * var options = PngWriteOptions.defaults().withPalette(ColorTable.ofRgb(new int[] {0x000000, 0xff0000}));
 * Png.write(Path.of("mask.png"), mask, options);
 * }
 *
 * @param palette          colour table for a palette image, or empty for grey / grey+alpha / RGB / RGBA
 * @param compressionLevel zlib level 0 (store) to 9 (smallest); 6 is zlib's and PIL's default
 */
public record PngWriteOptions(Optional<ColorTable> palette, int compressionLevel) {

    /** Validates the level and that a palette has at most 256 entries. */
    public PngWriteOptions {
        Objects.requireNonNull(palette, "palette (use Optional.empty())");
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compression level must be 0..9, got " + compressionLevel);
        }
        palette.ifPresent(p -> {
            if (p.size() > 256) {
                throw new IllegalArgumentException("a PNG palette has at most 256 entries, got " + p.size());
            }
        });
    }

    /** No palette, compression level 6. */
    public static PngWriteOptions defaults() {
        return new PngWriteOptions(Optional.empty(), 6);
    }

    /** A copy that writes a palette image with this colour table. */
    public PngWriteOptions withPalette(ColorTable table) {
        return new PngWriteOptions(Optional.of(table), compressionLevel);
    }

    /** A copy with another zlib level (0..9). */
    public PngWriteOptions withCompressionLevel(int level) {
        return new PngWriteOptions(palette, level);
    }
}
