package org.landcover4j.io.tiff;

import java.nio.ByteOrder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.landcover4j.io.ColorTable;

/**
 * How {@link GeoTiff#write} lays out and compresses a GeoTIFF.
 *
 * <p>The defaults match what GDAL users expect of an analysis-ready file: DEFLATE with the predictor that suits
 * the type (horizontal differencing for integers, floating-point for floats), 256 x 256 tiles, pixel-interleaved,
 * little-endian, BigTIFF only when the file could pass 4 GiB. Immutable; the {@code with...} methods return
 * changed copies.
 *
 * {@snippet :
 * var opts = GeoTiffWriteOptions.defaults()
 *         .withCompression(TiffCompression.LZW)
 *         .withStrips(16)
 *         .withColorTable(palette);
 * GeoTiff.write(Path.of("label.tif"), raster, opts);
 * }
 *
 * @param compression  {@link TiffCompression#NONE}, {@link TiffCompression#DEFLATE}, {@link TiffCompression#LZW}
 *                     or {@link TiffCompression#PACKBITS}
 * @param deflateLevel 1 (fastest) to 9 (smallest); GDAL's default is 6
 * @param predictor    the predictor; {@link Predictor#AUTO} picks 2 for integers and 3 for floats when compressing
 * @param tiled        tiles (true) or strips (false)
 * @param blockWidth   tile width, a multiple of 16 (ignored for strips)
 * @param blockHeight  tile height, a multiple of 16; for strips the rows per strip, 0 for about 64 KiB per strip
 * @param interleave   pixel- or band-interleaved
 * @param bigTiff      whether to write BigTIFF
 * @param byteOrder    the byte order of the file
 * @param colorTable   a colour map for palette images (one band or the first band, uint8 or uint16); pixel values are
 *                     the indices
 * @param metadata     dataset-level GDAL_METADATA items to write (band descriptions come from the raster's band
 *                     names)
 */
public record GeoTiffWriteOptions(TiffCompression compression, int deflateLevel, Predictor predictor, boolean tiled,
                                  int blockWidth, int blockHeight, Interleave interleave, BigTiff bigTiff,
                                  ByteOrder byteOrder, Optional<ColorTable> colorTable, Map<String, String> metadata) {

    /** The predictor to apply before compression. */
    public enum Predictor {
        /** Horizontal differencing (2) for integer types and floating-point (3) for floats, when compressing. */
        AUTO,
        /** No predictor (1). */
        NONE,
        /** Horizontal differencing (2); allowed on every type, as libtiff applies it to the bit pattern. */
        HORIZONTAL,
        /** Floating-point predictor (3); float types only. */
        FLOATING_POINT
    }

    /** Whether to write BigTIFF. */
    public enum BigTiff {
        /** BigTIFF only when the file could exceed 4 GiB. */
        AUTO,
        /** Always BigTIFF. */
        YES,
        /** Never BigTIFF (writing a file that needs it fails). */
        NO
    }

    /** Validates the options. */
    public GeoTiffWriteOptions {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(interleave, "interleave");
        Objects.requireNonNull(bigTiff, "bigTiff");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(colorTable, "colorTable (use Optional.empty())");
        metadata = Map.copyOf(metadata);
        if (compression != TiffCompression.NONE && compression != TiffCompression.DEFLATE
                && compression != TiffCompression.ADOBE_DEFLATE && compression != TiffCompression.LZW
                && compression != TiffCompression.PACKBITS) {
            throw new IllegalArgumentException("the writer supports NONE, DEFLATE, LZW and PACKBITS, got " + compression);
        }
        if (deflateLevel < 1 || deflateLevel > 9) {
            throw new IllegalArgumentException("deflate level must be 1..9, got " + deflateLevel);
        }
        if (tiled && (blockWidth < 16 || blockHeight < 16 || blockWidth % 16 != 0 || blockHeight % 16 != 0
                || blockWidth > 65536 || blockHeight > 65536)) {
            throw new IllegalArgumentException("tile size must be a multiple of 16 in 16..65536, got "
                    + blockWidth + "x" + blockHeight);
        }
        if (!tiled && blockHeight < 0) {
            throw new IllegalArgumentException("rows per strip must be positive (or 0 for automatic), got " + blockHeight);
        }
    }

    /** DEFLATE level 6, automatic predictor, 256 x 256 tiles, pixel-interleaved, little-endian, automatic BigTIFF. */
    public static GeoTiffWriteOptions defaults() {
        return new GeoTiffWriteOptions(TiffCompression.DEFLATE, 6, Predictor.AUTO, true, 256, 256, Interleave.PIXEL,
                BigTiff.AUTO, ByteOrder.LITTLE_ENDIAN, Optional.empty(), Map.of());
    }

    /** A copy with another compression. */
    public GeoTiffWriteOptions withCompression(TiffCompression c) {
        return new GeoTiffWriteOptions(c, deflateLevel, predictor, tiled, blockWidth, blockHeight, interleave, bigTiff,
                byteOrder, colorTable, metadata);
    }

    /** A copy with another DEFLATE level (1..9). */
    public GeoTiffWriteOptions withDeflateLevel(int level) {
        return new GeoTiffWriteOptions(compression, level, predictor, tiled, blockWidth, blockHeight, interleave,
                bigTiff, byteOrder, colorTable, metadata);
    }

    /** A copy with another predictor. */
    public GeoTiffWriteOptions withPredictor(Predictor p) {
        return new GeoTiffWriteOptions(compression, deflateLevel, p, tiled, blockWidth, blockHeight, interleave,
                bigTiff, byteOrder, colorTable, metadata);
    }

    /** A copy writing tiles of {@code width} x {@code height} (multiples of 16). */
    public GeoTiffWriteOptions withTiles(int width, int height) {
        return new GeoTiffWriteOptions(compression, deflateLevel, predictor, true, width, height, interleave, bigTiff,
                byteOrder, colorTable, metadata);
    }

    /** A copy writing strips of {@code rowsPerStrip} rows (0 = about 64 KiB per strip). */
    public GeoTiffWriteOptions withStrips(int rowsPerStrip) {
        return new GeoTiffWriteOptions(compression, deflateLevel, predictor, false, 0, rowsPerStrip, interleave,
                bigTiff, byteOrder, colorTable, metadata);
    }

    /** A copy with another interleave. */
    public GeoTiffWriteOptions withInterleave(Interleave i) {
        return new GeoTiffWriteOptions(compression, deflateLevel, predictor, tiled, blockWidth, blockHeight, i,
                bigTiff, byteOrder, colorTable, metadata);
    }

    /** A copy with another BigTIFF choice. */
    public GeoTiffWriteOptions withBigTiff(BigTiff b) {
        return new GeoTiffWriteOptions(compression, deflateLevel, predictor, tiled, blockWidth, blockHeight, interleave,
                b, byteOrder, colorTable, metadata);
    }

    /** A copy with another byte order. */
    public GeoTiffWriteOptions withByteOrder(ByteOrder o) {
        return new GeoTiffWriteOptions(compression, deflateLevel, predictor, tiled, blockWidth, blockHeight, interleave,
                bigTiff, o, colorTable, metadata);
    }

    /** A copy writing this colour table (palette). */
    public GeoTiffWriteOptions withColorTable(ColorTable table) {
        return new GeoTiffWriteOptions(compression, deflateLevel, predictor, tiled, blockWidth, blockHeight, interleave,
                bigTiff, byteOrder, Optional.of(table), metadata);
    }

    /** A copy writing these dataset-level GDAL_METADATA items. */
    public GeoTiffWriteOptions withMetadata(Map<String, String> items) {
        return new GeoTiffWriteOptions(compression, deflateLevel, predictor, tiled, blockWidth, blockHeight, interleave,
                bigTiff, byteOrder, colorTable, items);
    }
}
