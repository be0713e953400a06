package org.landcover4j.io.png;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.DecodeLimits;

/**
 * Reads and writes PNG images as rasters, exactly: every sample as stored, palette indices kept.
 *
 * <p>Reading: every colour type and bit depth of the standard (grey 1/2/4/8/16, grey+alpha, palette 1/2/4/8,
 * RGB and RGBA 8/16), interlaced (Adam7) or not. The raster has one band per channel (grey; grey, alpha; red,
 * green, blue[, alpha]; or the palette index), band-sequential, {@code UINT8} for bit depths up to 8 and
 * {@code UINT16} for 16. Samples narrower than 8 bits keep their raw value (a 2-bit grey pixel is 0..3, not
 * scaled to 0..255), like GDAL's {@code NBITS} and unlike PIL. The colour table of a palette image is in
 * {@link #probe(Path)}'s {@link PngInfo#palette()}. No colour management: gamma, ICC profiles and {@code sBIT}
 * are ignored, and so is {@code tRNS} of grey and RGB images.
 *
 * <p>Checks: the signature, every chunk's CRC, the zlib stream's checksum, chunk order, and that the image data
 * has every row. Inflation stops at the declared image size, so a deflate bomb costs no memory, and the declared
 * size is checked against {@link DecodeLimits} before anything is allocated. Problems are
 * {@link InvalidDataException}s naming the file, the chunk or offset, and what was found.
 *
 * <p>Writing: grey, grey+alpha, RGB, RGBA (8 or 16 bits) or, with a palette in the {@link PngWriteOptions}, a
 * palette image; rows are filtered adaptively as libpng does.
 *
 * <p>Thread safety: stateless; all methods may be called from many threads at once.
 *
 * {@snippet :
 * Raster label = Png.read(Path.of("osm_label_images_v10/43QEU/82543044.png"));  // 3 bands, uint8
 * PngInfo info = Png.probe(Path.of("globe230k/label_patch/data_3.png"));       // header only
 * Png.write(Path.of("out.png"), label);
 * }
 */
public final class Png {
    private Png() {
    }

    /**
     * Reads the header of a PNG file: size, bit depth, colour type, interlacing and the palette; stops at the
     * first image data chunk. No decode limit applies (nothing is decoded), except that one band must fit a Java
     * array.
     *
     * @throws InvalidDataException if the file is not a valid PNG up to its image data
     * @throws IOException          if the file cannot be read
     */
    public static PngInfo probe(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new PngDecoder(in, file, PROBE_LIMITS).probe();
        }
    }

    private static final DecodeLimits PROBE_LIMITS = new DecodeLimits(Long.MAX_VALUE, Integer.MAX_VALUE, 65535);

    /**
     * Decodes a PNG file with the default {@link DecodeLimits}, logging tolerated oddities.
     *
     * @throws InvalidDataException if the file is not a valid PNG or exceeds the limits
     * @throws IOException          if the file cannot be read
     */
    public static Raster read(Path file) throws IOException {
        return read(file, DecodeLimits.defaults());
    }

    /**
     * Decodes a PNG file, refusing images whose decoded size exceeds {@code limits}; tolerated oddities are logged
     * (see {@link #read(Path, DecodeLimits, WarningListener)}).
     *
     * @throws InvalidDataException if the file is not a valid PNG or exceeds the limits
     * @throws IOException          if the file cannot be read
     */
    public static Raster read(Path file, DecodeLimits limits) throws IOException {
        return read(file, limits, WarningListener.logging());
    }

    /**
     * Decodes a PNG file, reporting tolerated oddities (image data beyond the last row, an unterminated zlib
     * stream, a non-empty {@code IEND}, palette indices without a colour) to {@code warnings}.
     *
     * @throws InvalidDataException if the file is not a valid PNG or exceeds the limits
     * @throws IOException          if the file cannot be read
     */
    public static Raster read(Path file, DecodeLimits limits, WarningListener warnings) throws IOException {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(warnings, "warnings");
        try (InputStream in = Files.newInputStream(file)) {
            return new PngDecoder(in, file, limits, warnings).decode();
        }
    }

    /**
     * Decodes a PNG held in memory; error messages name no file and tolerated oddities are ignored.
     *
     * @throws InvalidDataException if the bytes are not a valid PNG or exceed the limits
     */
    public static Raster decode(byte[] png, DecodeLimits limits) throws InvalidDataException {
        Objects.requireNonNull(limits, "limits");
        try {
            return new PngDecoder(new ByteArrayInputStream(png), null, limits).decode();
        } catch (InvalidDataException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }

    /**
     * Writes a raster as a grey, grey+alpha, RGB or RGBA PNG (by its band count: 1, 2, 3, 4), 8-bit for
     * {@code UINT8} and 16-bit for {@code UINT16}, zlib level 6.
     *
     * @throws IllegalArgumentException if the raster is not uint8/uint16 or has more than 4 bands
     * @throws IOException              if the file cannot be written
     */
    public static void write(Path file, Raster raster) throws IOException {
        write(file, raster, PngWriteOptions.defaults());
    }

    /**
     * Writes a raster as PNG with the given options (a palette turns a one-band uint8 raster into a palette
     * image).
     *
     * @throws IllegalArgumentException if the raster does not fit the options (see {@link PngWriteOptions})
     * @throws IOException              if the file cannot be written
     */
    public static void write(Path file, Raster raster, PngWriteOptions options) throws IOException {
        Objects.requireNonNull(raster, "raster");
        Objects.requireNonNull(options, "options");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            PngEncoder.encode(raster, options, out);
        }
    }

    /** Encodes a raster as PNG bytes in memory; see {@link #write(Path, Raster, PngWriteOptions)}. */
    public static byte[] encode(Raster raster, PngWriteOptions options) {
        Objects.requireNonNull(raster, "raster");
        Objects.requireNonNull(options, "options");
        var out = new ByteArrayOutputStream();
        try {
            PngEncoder.encode(raster, options, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }
}
