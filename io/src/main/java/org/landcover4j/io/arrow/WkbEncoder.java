package org.landcover4j.io.arrow;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/** Encodes geometries as 2-D little-endian ISO WKB, the encoding GeoArrow's {@code geoarrow.wkb} names. */
final class WkbEncoder {
    private final WKBWriter writer = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, false);

    byte[] encode(Geometry g) {
        return writer.write(g);
    }
}
