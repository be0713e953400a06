package org.landcover4j.core.raster;

import java.util.Optional;

/**
 * A multi-band raster held in memory: immutable pixels in primitive arrays, band-sequential.
 *
 * <p>Storage: one primitive array per band, pixel ({@code row}, {@code col}) at index {@code row*width + col}.
 * Unsigned types live in the signed primitive of the same width and are read unsigned by the typed getters
 * ({@code ByteRaster.get} returns 0..255 for {@link DataType#UINT8}).
 *
 * <p>Copy and view semantics: rasters are immutable, so operations that keep whole bands
 * ({@link #selectBands(int...)}, {@link #withMetadata(RasterMetadata)}) share storage with the original, while
 * {@link #window(Window)} copies the window's pixels. Factories named {@code wrap} take ownership of the arrays
 * they are given (the caller must not change them afterwards); factories named {@code copyOf} copy. Typed
 * classes expose {@code copyBand(b)} (a fresh copy) and {@code unsafeBandArray(b)}, the live storage for kernels
 * and codecs that only read it.
 *
 * <p>Thread safety: instances are immutable and safe to share between threads.
 *
 * {@snippet :
 * ByteRaster label = ByteRaster.zeros(DataType.UINT8, 1, 256, 256);
 * Raster tile = label.window(Window.of(0, 0, 128, 128));  // a copy of 128x128 pixels
 * double v = tile.getDouble(0, 10, 20);
 * }
 */
public sealed interface Raster permits ByteRaster, ShortRaster, IntRaster, FloatRaster, DoubleRaster {

    /** Type, shape, georeference, nodata and band names. */
    RasterMetadata metadata();

    /** Number of bands. */
    default int bands() {
        return metadata().bands();
    }

    /** Number of rows. */
    default int height() {
        return metadata().height();
    }

    /** Number of columns. */
    default int width() {
        return metadata().width();
    }

    /** The storage type. */
    default DataType dataType() {
        return metadata().dataType();
    }

    /** Where the raster lies, when georeferenced. */
    default Optional<GeoReference> geoReference() {
        return metadata().geoReference();
    }

    /** The sample at ({@code band}, {@code row}, {@code col}) as a double, read unsigned for unsigned types. */
    double getDouble(int band, int row, int col);

    /** The pixels of one band converted to doubles (a new array; unsigned types read unsigned). */
    double[] bandAsDouble(int band);

    /** A new raster holding a copy of the window's pixels, with georeference moved to the window's corner. */
    Raster window(Window window);

    /** A raster of the selected bands in the given order, sharing their storage with this one. */
    Raster selectBands(int... bands);

    /**
     * The same pixels with other metadata (band names, nodata, georeference); storage is shared.
     *
     * @throws IllegalArgumentException if the new metadata changes type, band count or size
     */
    Raster withMetadata(RasterMetadata metadata);
}
