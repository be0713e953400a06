package org.landcover4j.io.arrow;

/**
 * The column types of flat Arrow tables written by {@link TableWriter}: what Java value each accepts.
 */
public enum ColumnType {
    /** UTF-8 text; accepts any object (written with {@code toString()}). */
    UTF8,
    /** 32-bit signed integer; accepts {@link Number} (must fit exactly). */
    INT32,
    /** 64-bit signed integer; accepts {@link Number} (must be integral). */
    INT64,
    /** IEEE double; accepts {@link Number}; NaN is written as NaN. */
    FLOAT64,
    /** Boolean; accepts {@link Boolean}. */
    BOOL,
    /** Bytes; accepts {@code byte[]}. */
    BINARY,
    /** A geometry as little-endian ISO WKB (GeoArrow {@code geoarrow.wkb}); accepts a JTS {@code Geometry}. */
    WKB
}
