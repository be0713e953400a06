package org.landcover4j.io.tiff;

import static org.landcover4j.io.tiff.TiffTags.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.GeoTransform;

/**
 * Reads the GeoTIFF and GDAL tags: GeoKeys, transform, CRS and nodata, following GDAL's GTiff driver.
 *
 * <p>Georeferencing is metadata: a damaged GeoKey directory or transform is reported to the warning listener and
 * left out, never fatal.
 */
final class GeoTags {
    private GeoTags() {
    }

    static GeoKeyDirectory keys(Ifd ifd, WarningListener warnings, String source) throws IOException {
        long[] s;
        try {
            s = ifd.longs(GEO_KEY_DIRECTORY, 4 + 4L * 65535);
        } catch (InvalidDataException e) {
            warnings.warning(source, "GeoKeyDirectory ignored: " + e.problem());
            return GeoKeyDirectory.empty();
        }
        if (s == null) {
            return GeoKeyDirectory.empty();
        }
        if (s.length < 4) {
            warnings.warning(source, "GeoKeyDirectory ignored: " + s.length + " values, a header needs 4");
            return GeoKeyDirectory.empty();
        }
        double[] doubles = null;
        String ascii = null;
        List<GeoKeyDirectory.GeoKey> keys = new ArrayList<>();
        int n = (int) s[3];
        if (4 + 4L * n > s.length) {
            warnings.warning(source, "GeoKeyDirectory declares " + n + " keys but holds only " + (s.length - 4) / 4);
            n = (s.length - 4) / 4;
        }
        for (int i = 0; i < n; i++) {
            int id = (int) s[4 + 4 * i];
            int loc = (int) s[5 + 4 * i];
            int count = (int) s[6 + 4 * i];
            int value = (int) s[7 + 4 * i];
            try {
                if (loc == 0) {
                    keys.add(new GeoKeyDirectory.GeoKey(id, 0, new double[] {value}, ""));
                } else if (loc == GEO_DOUBLE_PARAMS) {
                    if (doubles == null) {
                        doubles = ifd.doubles(GEO_DOUBLE_PARAMS, 1 << 20);
                        doubles = doubles == null ? new double[0] : doubles;
                    }
                    if (value < 0 || count < 0 || (long) value + count > doubles.length) {
                        warnings.warning(source, "GeoKey " + id + " points at doubles " + value + "+" + count
                                + " of " + doubles.length + "; ignored");
                        continue;
                    }
                    keys.add(new GeoKeyDirectory.GeoKey(id, loc, java.util.Arrays.copyOfRange(doubles, value, value + count), ""));
                } else if (loc == GEO_ASCII_PARAMS) {
                    if (ascii == null) {
                        ascii = ifd.ascii(GEO_ASCII_PARAMS, 1 << 20);
                        ascii = ascii == null ? "" : ascii;
                    }
                    if (value < 0 || count < 0 || (long) value + count > ascii.length()) {
                        warnings.warning(source, "GeoKey " + id + " points at characters " + value + "+" + count
                                + " of " + ascii.length() + "; ignored");
                        continue;
                    }
                    String t = ascii.substring(value, value + count);
                    while (!t.isEmpty() && (t.endsWith("|") || t.endsWith("\0"))) {
                        t = t.substring(0, t.length() - 1);
                    }
                    keys.add(new GeoKeyDirectory.GeoKey(id, loc, new double[0], t));
                } else if (loc == GEO_KEY_DIRECTORY) {
                    if (value < 0 || count < 0 || (long) value + count > s.length) {
                        warnings.warning(source, "GeoKey " + id + " points outside the directory; ignored");
                        continue;
                    }
                    double[] v = new double[count];
                    for (int j = 0; j < count; j++) {
                        v[j] = s[value + j];
                    }
                    keys.add(new GeoKeyDirectory.GeoKey(id, loc, v, ""));
                } else {
                    warnings.warning(source, "GeoKey " + id + " stored in tag " + loc + "; ignored");
                }
            } catch (InvalidDataException e) {
                warnings.warning(source, "GeoKey " + id + " ignored: " + e.problem());
            }
        }
        return new GeoKeyDirectory((int) s[0], (int) s[1], (int) s[2], keys);
    }

    /** The CRS named by the keys: the EPSG code of the projected or geographic CRS, or WKT from a citation. */
    static Optional<Crs> crs(GeoKeyDirectory keys) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        int model = keys.intValue(GeoKeyDirectory.GT_MODEL_TYPE).orElse(0);
        int pcs = keys.intValue(GeoKeyDirectory.PROJECTED_CS_TYPE).orElse(0);
        int gcs = keys.intValue(GeoKeyDirectory.GEOGRAPHIC_TYPE).orElse(0);
        if (model != 2 && pcs > 0 && pcs < GeoKeyDirectory.USER_DEFINED) {
            return Optional.of(Crs.epsg(pcs));
        }
        if (model != 1 && gcs > 0 && gcs < GeoKeyDirectory.USER_DEFINED) {
            return Optional.of(Crs.epsg(gcs));
        }
        for (int id : new int[] {GeoKeyDirectory.PCS_CITATION, GeoKeyDirectory.GT_CITATION, GeoKeyDirectory.GEOG_CITATION}) {
            Optional<String> t = keys.text(id);
            if (t.isPresent()) {
                String w = t.get().strip();
                if (w.startsWith("ESRI PE String = ")) {
                    w = w.substring("ESRI PE String = ".length()).strip();
                }
                String u = w.toUpperCase(Locale.ROOT);
                for (String p : new String[] {"PROJCS[", "GEOGCS[", "PROJCRS[", "GEOGCRS[", "GEODCRS[", "COMPD_CS[",
                    "COMPOUNDCRS[", "BOUNDCRS[", "GEOCCS["}) {
                    if (u.startsWith(p)) {
                        return Optional.of(Crs.wkt(w));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The pixel-to-world transform from ModelPixelScale + ModelTiepoint or ModelTransformation, as GDAL reads it. */
    static Optional<GeoTransform> transform(Ifd ifd, GeoKeyDirectory keys, WarningListener warnings, String source)
            throws IOException {
        double[] gt = null;
        try {
            double[] scale = ifd.doubles(MODEL_PIXEL_SCALE, 1 << 16);
            double[] tie = ifd.doubles(MODEL_TIEPOINT, 6L << 16);
            double[] matrix = ifd.doubles(MODEL_TRANSFORMATION, 1 << 16);
            if (scale != null && scale.length >= 2 && scale[0] != 0 && scale[1] != 0) {
                if (tie != null && tie.length >= 6) {
                    double sy = scale[1] < 0 ? scale[1] : -scale[1]; // GDAL: a negative ScaleY still means north-up
                    gt = new double[] {tie[3] - tie[0] * scale[0], scale[0], 0, tie[4] - tie[1] * sy, 0, sy};
                }
            } else if (matrix != null && matrix.length == 16) {
                gt = new double[] {matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]};
            } else if (tie != null && tie.length >= 6) {
                warnings.warning(source, (tie.length / 6) + " tie points without ModelPixelScale (ground control "
                        + "points) are not supported; the raster is read without a transform");
            }
        } catch (InvalidDataException e) {
            warnings.warning(source, "georeferencing ignored: " + e.problem());
            return Optional.empty();
        }
        if (gt == null) {
            return Optional.empty();
        }
        if (keys.intValue(GeoKeyDirectory.GT_RASTER_TYPE).orElse(1) == 2) {
            // PixelIsPoint: GDAL moves the origin half a pixel to the corner
            gt[0] -= gt[1] * 0.5 + gt[2] * 0.5;
            gt[3] -= gt[4] * 0.5 + gt[5] * 0.5;
        }
        try {
            return Optional.of(GeoTransform.fromArray(gt));
        } catch (IllegalArgumentException e) {
            warnings.warning(source, "georeferencing ignored: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** GDAL_NODATA: "0", "-9999", "nan", "inf", "-1e+38"... */
    static OptionalDouble nodata(Ifd ifd, WarningListener warnings, String source) throws IOException {
        String s;
        try {
            s = ifd.ascii(GDAL_NODATA, 1024);
        } catch (InvalidDataException e) {
            warnings.warning(source, "GDAL_NODATA ignored: " + e.problem());
            return OptionalDouble.empty();
        }
        if (s == null) {
            return OptionalDouble.empty();
        }
        return parseNodata(s.strip(), warnings, source);
    }

    static OptionalDouble parseNodata(String s, WarningListener warnings, String source) {
        String l = s.toLowerCase(Locale.ROOT);
        switch (l) {
            case "nan", "-nan", "+nan" -> {
                return OptionalDouble.of(Double.NaN);
            }
            case "inf", "+inf", "infinity", "+infinity", "1.#inf" -> {
                return OptionalDouble.of(Double.POSITIVE_INFINITY);
            }
            case "-inf", "-infinity", "-1.#inf" -> {
                return OptionalDouble.of(Double.NEGATIVE_INFINITY);
            }
            default -> {
                try {
                    return OptionalDouble.of(Double.parseDouble(l));
                } catch (NumberFormatException e) {
                    warnings.warning(source, "GDAL_NODATA '" + s + "' is not a number; ignored");
                    return OptionalDouble.empty();
                }
            }
        }
    }
}
