package org.landcover4j.io;

/**
 * The raster file formats that {@link Rasters} recognises by their first bytes.
 *
 * {@snippet :
 * Rasters.probe(Path.of("label.png")).format();   // PNG
 * }
 */
public enum RasterFormat {
    /** TIFF or BigTIFF, with or without GeoTIFF tags ({@code II*\0}, {@code MM\0*}, {@code II+\0}, {@code MM\0+}). */
    GEOTIFF,
    /** Portable Network Graphics ({@code \x89PNG\r\n\x1a\n}). */
    PNG,
    /** JPEG / JFIF ({@code FF D8 FF}). */
    JPEG,
    /** A NumPy {@code .npy} array ({@code \x93NUMPY}). */
    NPY,
    /** A NumPy {@code .npz} archive: a zip of {@code .npy} members ({@code PK\3\4}). */
    NPZ
}
