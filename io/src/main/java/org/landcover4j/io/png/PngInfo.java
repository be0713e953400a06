package org.landcover4j.io.png;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.io.ColorTable;
import org.landcover4j.io.RasterFormat;
import org.landcover4j.io.RasterInfo;

/**
 * The header of a PNG file: size, bit depth, colour type, interlacing and, for palette images, the colour table
 * ({@code PLTE}, with alpha from {@code tRNS}).
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * PngInfo info = Png.probe(Path.of("label.png"));
 * info.colorType();     // PALETTE
 * info.palette();       // Optional[ColorTable[11 entries: ...]]
 * }
 *
 * @param width      columns, at least 1
 * @param height     rows, at least 1
 * @param bitDepth   bits per sample (per index for palette images)
 * @param colorType  the colour type
 * @param interlaced whether the pixels are stored Adam7-interlaced
 * @param palette    the colour table of a palette image (empty otherwise, or when a non-palette file carries an
 *                   optional suggested palette, which is ignored)
 */
public record PngInfo(int width, int height, int bitDepth, PngColorType colorType, boolean interlaced,
                      Optional<ColorTable> palette) {

    /** Validates the header values. */
    public PngInfo {
        Objects.requireNonNull(colorType, "colorType");
        Objects.requireNonNull(palette, "palette (use Optional.empty())");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("PNG size must be positive, got " + width + "x" + height);
        }
        if (!colorType.allowsBitDepth(bitDepth)) {
            throw new IllegalArgumentException("bit depth " + bitDepth + " is not allowed for " + colorType);
        }
    }

    /** Bands of the decoded raster: one per channel. */
    public int channels() {
        return colorType.channels();
    }

    /** The decoded sample type: UINT16 for 16-bit files, UINT8 otherwise. */
    public DataType dataType() {
        return bitDepth == 16 ? DataType.UINT16 : DataType.UINT8;
    }

    /** The metadata of the raster {@link Png#read(Path)} returns (no georeference, no nodata). */
    public RasterMetadata rasterMetadata() {
        return RasterMetadata.of(dataType(), channels(), height, width);
    }

    /** This header as format-independent {@link RasterInfo}. */
    public RasterInfo rasterInfo(Path file) {
        return new RasterInfo(file, RasterFormat.PNG, rasterMetadata(), palette);
    }
}
