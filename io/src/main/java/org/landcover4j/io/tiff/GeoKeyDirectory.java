package org.landcover4j.io.tiff;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The raw GeoKeys of a GeoTIFF (tag 34735 with its double and ASCII parameter tags), in file order.
 *
 * <p>landcover4j derives an EPSG code from these keys when the file names one (see {@link GeoTiffInfo#crs()});
 * every other key is kept here unchanged, so that a caller can interpret user-defined projections itself.
 * Immutable and thread-safe.
 *
 * {@snippet :
 * var keys = GeoTiff.probe(path).geoKeys();
 * keys.intValue(GeoKeyDirectory.PROJECTED_CS_TYPE);   // OptionalInt[32630]
 * keys.text(GeoKeyDirectory.GT_CITATION);             // Optional[WGS 84 / UTM zone 30N]
 * }
 *
 * @param version       KeyDirectoryVersion (1)
 * @param revision      KeyRevision (1)
 * @param minorRevision MinorRevision (0 or 1)
 * @param keys          the keys in file order
 */
public record GeoKeyDirectory(int version, int revision, int minorRevision, List<GeoKey> keys) {

    /** GTModelTypeGeoKey: 1 projected, 2 geographic, 3 geocentric. */
    public static final int GT_MODEL_TYPE = 1024;
    /** GTRasterTypeGeoKey: 1 PixelIsArea, 2 PixelIsPoint. */
    public static final int GT_RASTER_TYPE = 1025;
    /** GTCitationGeoKey. */
    public static final int GT_CITATION = 1026;
    /** GeographicTypeGeoKey: EPSG code of a geographic CRS. */
    public static final int GEOGRAPHIC_TYPE = 2048;
    /** GeogCitationGeoKey. */
    public static final int GEOG_CITATION = 2049;
    /** GeogAngularUnitsGeoKey. */
    public static final int GEOG_ANGULAR_UNITS = 2054;
    /** ProjectedCSTypeGeoKey: EPSG code of a projected CRS. */
    public static final int PROJECTED_CS_TYPE = 3072;
    /** PCSCitationGeoKey. */
    public static final int PCS_CITATION = 3073;
    /** ProjLinearUnitsGeoKey. */
    public static final int PROJ_LINEAR_UNITS = 3076;
    /** VerticalCSTypeGeoKey. */
    public static final int VERTICAL_CS_TYPE = 4096;
    /** The code GeoTIFF uses for "user-defined". */
    public static final int USER_DEFINED = 32767;

    /** Validates and copies. */
    public GeoKeyDirectory {
        keys = List.copyOf(keys);
    }

    /** A directory without keys (a TIFF without GeoTIFF tags). */
    public static GeoKeyDirectory empty() {
        return new GeoKeyDirectory(0, 0, 0, List.of());
    }

    /** Whether there are no keys. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The key with this id, if present. */
    public Optional<GeoKey> key(int id) {
        for (GeoKey k : keys) {
            if (k.id() == id) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The first numeric value of a key, as an int, if present and numeric. */
    public OptionalInt intValue(int id) {
        return key(id).filter(k -> k.numbers.length > 0).map(k -> OptionalInt.of((int) k.numbers[0]))
                .orElse(OptionalInt.empty());
    }

    /** The text of an ASCII key (without GeoTIFF's trailing {@code |}), if present. */
    public Optional<String> text(int id) {
        return key(id).filter(k -> k.location() == TiffTags.GEO_ASCII_PARAMS).map(GeoKey::text);
    }

    @Override
    public String toString() {
        return "GeoKeyDirectory" + keys;
    }

    /**
     * One GeoKey: its id, where its value lives (0 = inline short, 34736 = double parameters, 34737 = ASCII
     * parameters), and the value: numbers for short and double keys, text for ASCII keys.
     *
     * @param id       the key id (1024, 2048, 3072, ...)
     * @param location the tag holding the value, or 0 for a value inline in the directory
     * @param numbers  numeric values (shorts or doubles); empty for ASCII keys
     * @param text     the ASCII value; empty for numeric keys
     */
    public record GeoKey(int id, int location, double[] numbers, String text) {

        /** Validates and copies. */
        public GeoKey {
            numbers = numbers.clone();
            Objects.requireNonNull(text, "text");
        }

        /** A copy of the numeric values. */
        @Override
        public double[] numbers() {
            return numbers.clone();
        }

        /** The key's name from the GeoTIFF specification, or "GeoKey&lt;id&gt;" when unknown. */
        public String name() {
            return switch (id) {
                case 1024 -> "GTModelTypeGeoKey";
                case 1025 -> "GTRasterTypeGeoKey";
                case 1026 -> "GTCitationGeoKey";
                case 2048 -> "GeographicTypeGeoKey";
                case 2049 -> "GeogCitationGeoKey";
                case 2050 -> "GeogGeodeticDatumGeoKey";
                case 2051 -> "GeogPrimeMeridianGeoKey";
                case 2052 -> "GeogLinearUnitsGeoKey";
                case 2054 -> "GeogAngularUnitsGeoKey";
                case 2056 -> "GeogEllipsoidGeoKey";
                case 2057 -> "GeogSemiMajorAxisGeoKey";
                case 2058 -> "GeogSemiMinorAxisGeoKey";
                case 2059 -> "GeogInvFlatteningGeoKey";
                case 2061 -> "GeogPrimeMeridianLongGeoKey";
                case 3072 -> "ProjectedCSTypeGeoKey";
                case 3073 -> "PCSCitationGeoKey";
                case 3074 -> "ProjectionGeoKey";
                case 3075 -> "ProjCoordTransGeoKey";
                case 3076 -> "ProjLinearUnitsGeoKey";
                case 3082 -> "ProjFalseEastingGeoKey";
                case 3083 -> "ProjFalseNorthingGeoKey";
                case 3088 -> "ProjCenterLongGeoKey";
                case 3089 -> "ProjCenterLatGeoKey";
                case 3092 -> "ProjScaleAtNatOriginGeoKey";
                case 4096 -> "VerticalCSTypeGeoKey";
                case 4097 -> "VerticalCitationGeoKey";
                case 4098 -> "VerticalDatumGeoKey";
                case 4099 -> "VerticalUnitsGeoKey";
                default -> "GeoKey" + id;
            };
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GeoKey k && k.id == id && k.location == location && Arrays.equals(k.numbers, numbers)
                    && k.text.equals(text);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, location, Arrays.hashCode(numbers), text);
        }

        @Override
        public String toString() {
            String v;
            if (location == TiffTags.GEO_ASCII_PARAMS) {
                v = '"' + text + '"';
            } else if (numbers.length == 1) {
                double x = numbers[0];
                v = x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
            } else {
                v = Arrays.toString(numbers);
            }
            return name() + "(" + id + ")=" + v;
        }
    }
}
