package org.landcover4j.core.raster;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A coordinate reference system, named by an EPSG code, by WKT, or both.
 *
 * <p>landcover4j does not reproject; it carries the CRS faithfully from file to file and prints it as
 * {@code "EPSG:<code>"} when a code is known.
 *
 * {@snippet :
 * Crs utm = Crs.epsg(32630);
 * utm.id();             // "EPSG:32630"
 * Crs.utm(30, true);    // EPSG:32630 (WGS 84 / UTM zone 30N)
 * }
 *
 * @param epsgCode the EPSG code, or 0 when none is known
 * @param wkt      the WKT text, or the empty string when none is known
 */
public record Crs(int epsgCode, String wkt) {

    /** Validates that the CRS names at least one of a code or a WKT. */
    public Crs {
        Objects.requireNonNull(wkt, "wkt (use \"\" for none)");
        if (epsgCode < 0) {
            throw new IllegalArgumentException("EPSG code must be positive, got " + epsgCode);
        }
        if (epsgCode == 0 && wkt.isBlank()) {
            throw new IllegalArgumentException("a CRS needs an EPSG code or a WKT");
        }
    }

    /** The CRS with this EPSG code. */
    public static Crs epsg(int code) {
        if (code <= 0) {
            throw new IllegalArgumentException("EPSG code must be positive, got " + code);
        }
        return new Crs(code, "");
    }

    /** A CRS known only by its WKT. */
    public static Crs wkt(String wkt) {
        return new Crs(0, wkt);
    }

    /** WGS 84 / UTM in {@code zone} (1-60), northern or southern hemisphere: EPSG 326zz or 327zz. */
    public static Crs utm(int zone, boolean north) {
        if (zone < 1 || zone > 60) {
            throw new IllegalArgumentException("UTM zone must be 1..60, got " + zone);
        }
        return epsg((north ? 32600 : 32700) + zone);
    }

    /** The EPSG code when one is known. */
    public OptionalInt epsg() {
        return epsgCode == 0 ? OptionalInt.empty() : OptionalInt.of(epsgCode);
    }

    /** {@code "EPSG:<code>"} when a code is known, the WKT otherwise. */
    public String id() {
        return epsgCode != 0 ? "EPSG:" + epsgCode : wkt;
    }

    @Override
    public String toString() {
        return epsgCode != 0 ? "EPSG:" + epsgCode : (wkt.length() > 60 ? wkt.substring(0, 57) + "..." : wkt);
    }
}
