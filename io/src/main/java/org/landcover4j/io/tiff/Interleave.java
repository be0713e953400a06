package org.landcover4j.io.tiff;

/**
 * How a multi-band TIFF stores its samples ({@code PlanarConfiguration}).
 *
 * {@snippet :
 * GeoTiff.probe(path).interleave();   // PIXEL for most GeoTIFFs
 * }
 */
public enum Interleave {
    /** All samples of a pixel together (PlanarConfiguration 1, "chunky"; GDAL's INTERLEAVE=PIXEL). */
    PIXEL,
    /** One plane per band (PlanarConfiguration 2; GDAL's INTERLEAVE=BAND). */
    BAND
}
