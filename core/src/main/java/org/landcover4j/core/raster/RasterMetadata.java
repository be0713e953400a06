package org.landcover4j.core.raster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Polygon;

/**
 * What a raster is, without its pixels: data type, band count, size, georeference, per-band nodata, band names.
 *
 * <p>Immutable. Sizes are validated so that one band fits a Java array ({@code height*width <= Integer.MAX_VALUE}).
 * {@code nodata} and {@code bandNames} have one entry per band. Use the {@code with...} methods to derive changed
 * copies.
 *
 * {@snippet :
 * var m = RasterMetadata.of(DataType.UINT16, 13, 256, 256)
 *         .withNodata(0)
 *         .withBandNames("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B10", "B11", "B12");
 * m.pixelsPerBand();   // 65536
 * }
 *
 * @param dataType     sample storage type
 * @param bands        number of bands, at least 1
 * @param height       rows
 * @param width        columns
 * @param geoReference where the raster lies, empty when not georeferenced
 * @param nodata       one entry per band, empty where no nodata is declared (NaN allowed for float types)
 * @param bandNames    one entry per band (never null; defaults to "1", "2", ...)
 */
public record RasterMetadata(DataType dataType, int bands, int height, int width,
                             Optional<GeoReference> geoReference, List<OptionalDouble> nodata,
                             List<String> bandNames) {

    /** Validates and copies the lists. */
    public RasterMetadata {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(geoReference, "geoReference (use Optional.empty())");
        if (bands < 1) {
            throw new IllegalArgumentException("a raster needs at least one band, got " + bands);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("raster size must be positive, got " + width + "x" + height);
        }
        if ((long) height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a band of " + width + "x" + height + " pixels does not fit a Java array");
        }
        nodata = List.copyOf(nodata);
        bandNames = List.copyOf(bandNames);
        if (nodata.size() != bands) {
            throw new IllegalArgumentException("nodata needs one entry per band (" + bands + "), got " + nodata.size());
        }
        if (bandNames.size() != bands) {
            throw new IllegalArgumentException("bandNames needs one entry per band (" + bands + "), got " + bandNames.size());
        }
    }

    /** Metadata with no georeference, no nodata and band names "1".."n". */
    public static RasterMetadata of(DataType dataType, int bands, int height, int width) {
        List<String> names = new ArrayList<>(Math.max(bands, 0));
        for (int b = 1; b <= bands; b++) {
            names.add(Integer.toString(b));
        }
        return new RasterMetadata(dataType, bands, height, width, Optional.empty(),
                Collections.nCopies(Math.max(bands, 0), OptionalDouble.empty()), names);
    }

    /** Pixels in one band. */
    public int pixelsPerBand() {
        return height * width;
    }

    /** Bytes the pixels take in memory, as a long. */
    public long byteSize() {
        return (long) pixelsPerBand() * bands * dataType.bytes();
    }

    /** A copy with this georeference. */
    public RasterMetadata withGeoReference(GeoReference g) {
        return new RasterMetadata(dataType, bands, height, width, Optional.ofNullable(g), nodata, bandNames);
    }

    /** A copy with the same nodata value on every band. */
    public RasterMetadata withNodata(double value) {
        return withNodata(Collections.nCopies(bands, OptionalDouble.of(value)));
    }

    /** A copy with per-band nodata. */
    public RasterMetadata withNodata(List<OptionalDouble> perBand) {
        return new RasterMetadata(dataType, bands, height, width, geoReference, perBand, bandNames);
    }

    /** A copy with these band names. */
    public RasterMetadata withBandNames(String... names) {
        return withBandNames(List.of(names));
    }

    /** A copy with these band names. */
    public RasterMetadata withBandNames(List<String> names) {
        return new RasterMetadata(dataType, bands, height, width, geoReference, nodata, names);
    }

    /** A copy with another data type (same shape and metadata). */
    public RasterMetadata withDataType(DataType type) {
        return new RasterMetadata(type, bands, height, width, geoReference, nodata, bandNames);
    }

    /** A copy with another size; the georeference is kept as is (callers adjust it for resampling). */
    public RasterMetadata withSize(int newHeight, int newWidth) {
        return new RasterMetadata(dataType, bands, newHeight, newWidth, geoReference, nodata, bandNames);
    }

    /** The metadata of a window: same type and bands, the window's size, the georeference moved to its corner. */
    public RasterMetadata forWindow(Window w) {
        w.requireWithin(width, height);
        return new RasterMetadata(dataType, bands, w.height(), w.width(),
                geoReference.map(g -> g.forWindow(w.x(), w.y())), nodata, bandNames);
    }

    /** The metadata of a band subset, in the given order. */
    public RasterMetadata forBands(int... selected) {
        if (selected.length == 0) {
            throw new IllegalArgumentException("select at least one band");
        }
        List<OptionalDouble> nd = new ArrayList<>(selected.length);
        List<String> names = new ArrayList<>(selected.length);
        for (int b : selected) {
            Objects.checkIndex(b, bands);
            nd.add(nodata.get(b));
            names.add(bandNames.get(b));
        }
        return new RasterMetadata(dataType, selected.length, height, width, geoReference, nd, names);
    }

    /** The footprint polygon in the raster's CRS, when georeferenced. */
    public Optional<Polygon> footprint() {
        return geoReference.map(g -> g.footprint(width, height));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(dataType.id()).append(", ").append(bands).append('x').append(height).append('x').append(width);
        geoReference.ifPresent(g -> sb.append(", ").append(g.crs().map(Crs::toString).orElse("no CRS")));
        if (nodata.stream().anyMatch(OptionalDouble::isPresent)) {
            sb.append(", nodata=").append(nodata.stream()
                    .map(o -> o.isPresent() ? fmt(o.getAsDouble()) : "none").toList());
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : Double.toString(v);
    }
}
