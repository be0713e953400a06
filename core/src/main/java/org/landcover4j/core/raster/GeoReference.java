package org.landcover4j.core.raster;

import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Where a raster lies on the Earth: a pixel-to-world transform and, when known, its CRS.
 *
 * {@snippet :
 * var g = new GeoReference(Optional.of(Crs.epsg(32630)), GeoTransform.northUp(399960, 1400040, 10));
 * g.footprint(256, 256);   // POLYGON ((399960 1400040, 402520 1400040, ...)) with SRID 32630
 * }
 *
 * @param crs       the coordinate reference system, empty when the file declares none
 * @param transform pixel corner to world coordinates
 */
public record GeoReference(Optional<Crs> crs, GeoTransform transform) {

    /** Validates non-null components. */
    public GeoReference {
        Objects.requireNonNull(crs, "crs (use Optional.empty())");
        Objects.requireNonNull(transform, "transform");
    }

    /** A georeference with a CRS. */
    public static GeoReference of(Crs crs, GeoTransform transform) {
        return new GeoReference(Optional.of(crs), transform);
    }

    /** The georeference of a window whose upper-left pixel is ({@code col}, {@code row}). */
    public GeoReference forWindow(int col, int row) {
        return new GeoReference(crs, transform.forWindow(col, row));
    }

    /**
     * The footprint of a {@code width} x {@code height} raster as a JTS polygon in this CRS (SRID = EPSG code or 0).
     * Corners are pixel corners, in order upper-left, upper-right, lower-right, lower-left, closed.
     */
    public Polygon footprint(int width, int height) {
        var factory = new GeometryFactory(new PrecisionModel(), crs.flatMap(c -> c.epsg().isPresent()
                ? Optional.of(c.epsgCode()) : Optional.empty()).orElse(0));
        Coordinate[] ring = {
            new Coordinate(transform.x(0, 0), transform.y(0, 0)),
            new Coordinate(transform.x(width, 0), transform.y(width, 0)),
            new Coordinate(transform.x(width, height), transform.y(width, height)),
            new Coordinate(transform.x(0, height), transform.y(0, height)),
            new Coordinate(transform.x(0, 0), transform.y(0, 0)),
        };
        return factory.createPolygon(ring);
    }

    @Override
    public String toString() {
        return "GeoReference[" + crs.map(Crs::toString).orElse("no CRS") + ", "
                + java.util.Arrays.toString(transform.toArray()) + "]";
    }
}
