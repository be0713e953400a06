package org.landcover4j.io.tiff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.ProgressListener;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.Window;
import org.landcover4j.io.DecodeLimits;

/**
 * Reads and writes GeoTIFF files: one-call entry points over {@link GeoTiffReader} and the writer.
 *
 * <p>Reading covers classic TIFF and BigTIFF in either byte order; strips and tiles; pixel- and band-interleaved
 * layouts; {@code uint8, int8, uint16, int16, uint32, int32, float32, float64} with any number of bands; no
 * compression, LZW, DEFLATE (codes 8 and 32946) and PackBits, with predictors 1, 2 and 3, all decoded by
 * landcover4j itself. Other compressions (JPEG, CCITT, ...) and 1- to 15-bit samples are read through the
 * TwelveMonkeys TIFF plugin. Palette images keep their indices as pixel values; the colour table is in
 * {@link GeoTiffInfo#colorTable()}. Georeferencing comes from ModelPixelScale + ModelTiepoint or
 * ModelTransformation and the GeoKeys, nodata from GDAL_NODATA, band names from GDAL_METADATA descriptions.
 * Overviews (reduced-resolution IFDs of COGs and GDAL files, or SubIFDs) are read with {@link #readOverview}.
 *
 * <p>Bad input (truncated or hostile files) raises {@link InvalidDataException} naming the file and the problem;
 * memory is bounded by the requested output and {@link DecodeLimits}. Bands are 0-based everywhere.
 *
 * <p>Performance: reads that decode more than 1 MiB spread their strips or tiles over the available processors;
 * the system property {@code landcover4j.tiff.threads} caps the threads (1 = calling thread only).
 *
 * <p>Thread safety: all methods are stateless and safe to call concurrently.
 *
 * {@snippet :
 * GeoTiffInfo info = GeoTiff.probe(Path.of("labels.tif"));        // header only
 * Raster all = GeoTiff.read(Path.of("labels.tif"));
 * Raster quarter = GeoTiff.read(Path.of("s2.tif"), Window.of(0, 0, 128, 128), 3, 2, 1);
 * GeoTiff.write(Path.of("out.tif"), all, GeoTiffWriteOptions.defaults());
 * }
 */
public final class GeoTiff {
    private GeoTiff() {
    }

    /** Reads the header only: size, bands, type, layout, compression, overviews, georeferencing, nodata, palette. */
    public static GeoTiffInfo probe(Path path) throws IOException {
        return probe(path, DecodeLimits.defaults());
    }

    /** Reads the header only, with these limits on dimensions and bands. */
    public static GeoTiffInfo probe(Path path, DecodeLimits limits) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(path, limits, WarningListener.logging())) {
            return r.info();
        }
    }

    /** Reads every band of the full-resolution image. */
    public static Raster read(Path path) throws IOException {
        return read(path, DecodeLimits.defaults());
    }

    /** Reads every band of the full-resolution image, with these limits. */
    public static Raster read(Path path, DecodeLimits limits) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(path, limits)) {
            return r.read();
        }
    }

    /**
     * Reads a window of the selected bands (0-based; none = all), decoding only the strips or tiles it touches.
     *
     * @throws IllegalArgumentException if the window is not inside the image or a band does not exist
     */
    public static Raster read(Path path, Window window, int... bands) throws IOException {
        return read(path, DecodeLimits.defaults(), window, bands);
    }

    /** Reads a window of the selected bands with these limits. */
    public static Raster read(Path path, DecodeLimits limits, Window window, int... bands) throws IOException {
        Objects.requireNonNull(window, "window");
        try (GeoTiffReader r = GeoTiffReader.open(path, limits)) {
            return r.read(window, bands);
        }
    }

    /** Reads the selected bands (0-based) of the whole image; band-interleaved files decode only those planes. */
    public static Raster readBands(Path path, int... bands) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(path)) {
            return r.readBands(bands);
        }
    }

    /**
     * Reads overview {@code level} (0 = the largest reduced-resolution image, as GDAL counts), all bands.
     *
     * @throws IllegalArgumentException if the file has no such overview
     */
    public static Raster readOverview(Path path, int level) throws IOException {
        return readOverview(path, DecodeLimits.defaults(), level);
    }

    /** Reads overview {@code level} with these limits. */
    public static Raster readOverview(Path path, DecodeLimits limits, int level) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(path, limits)) {
            return r.readOverview(level);
        }
    }

    /** Reads a window of the selected bands of overview {@code level}. */
    public static Raster readOverview(Path path, int level, Window window, int... bands) throws IOException {
        return readOverview(path, DecodeLimits.defaults(), level, window, bands);
    }

    /** Reads a window of the selected bands of overview {@code level}, with these limits. */
    public static Raster readOverview(Path path, DecodeLimits limits, int level, Window window, int... bands)
            throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(path, limits)) {
            return r.readOverview(level, window, bands);
        }
    }

    /** Reads the selected bands (0-based) of the whole image, with these limits. */
    public static Raster readBands(Path path, DecodeLimits limits, int... bands) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(path, limits)) {
            return r.readBands(bands);
        }
    }

    /** Writes {@code raster} with the {@linkplain GeoTiffWriteOptions#defaults() default options}. */
    public static void write(Path path, Raster raster) throws IOException {
        write(path, raster, GeoTiffWriteOptions.defaults());
    }

    /**
     * Writes {@code raster} as a GeoTIFF: its georeference (EPSG code as GeoKeys, transform as pixel scale and tie
     * point, or as a matrix when rotated), its nodata (GDAL_NODATA) and band names (GDAL_METADATA descriptions).
     *
     * @throws IllegalArgumentException if the options do not suit the raster (a colour table on float data, a
     *                                  floating-point predictor on integers, different nodata per band)
     */
    public static void write(Path path, Raster raster, GeoTiffWriteOptions options) throws IOException {
        write(path, raster, options, ProgressListener.none());
    }

    /** Writes {@code raster}, reporting progress in chunks written. */
    public static void write(Path path, Raster raster, GeoTiffWriteOptions options, ProgressListener progress)
            throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(raster, "raster");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        new TiffWriter(raster, options).write(path, progress);
    }
}
