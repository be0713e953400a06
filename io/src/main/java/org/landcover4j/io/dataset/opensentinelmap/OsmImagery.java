package org.landcover4j.io.dataset.opensentinelmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.dataset.BandStack;

/**
 * The decoded Sentinel-2 imagery of one OpenSentinelMap cell on one date (one {@code .npz} file).
 *
 * <p>{@code gsd10}: {@code B02, B03, B04, B08} at 10 m (192 x 192); {@code gsd20}: {@code B05, B06, B07, B8A, B11,
 * B12} at 20 m (96 x 96); {@code gsd60}: {@code B01, B09} at 60 m (32 x 32); all float32 bottom-of-atmosphere
 * reflectance (DN / 10000, values above 1 kept), converted from the file's channels-last arrays to bands.
 * {@code scl}: Sen2Cor scene classification at 20 m, when the file has it; {@code badPercent}: the file's share of
 * bad SCL pixels, when present. Each raster carries the cell's reconstructed UTM georeference at its own pixel
 * size.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * OsmImagery im = sample.scenes().get(0).read();
 * FloatRaster all = im.allBandsOn10m(Resampling.BILINEAR);   // 12 bands B01..B12 (no B10) at 10 m
 * }
 *
 * @param gsd10      10 m bands
 * @param gsd20      20 m bands
 * @param gsd60      60 m bands
 * @param scl        scene classification, if present
 * @param badPercent share of bad pixels 0-1, if present
 */
public record OsmImagery(FloatRaster gsd10, FloatRaster gsd20, FloatRaster gsd60, Optional<Raster> scl,
                         OptionalDouble badPercent) {

    /** Band names of {@code gsd10}. */
    public static final List<String> GSD10_BANDS = List.of("B02", "B03", "B04", "B08");
    /** Band names of {@code gsd20}. */
    public static final List<String> GSD20_BANDS = List.of("B05", "B06", "B07", "B8A", "B11", "B12");
    /** Band names of {@code gsd60}. */
    public static final List<String> GSD60_BANDS = List.of("B01", "B09");
    /** Band order of {@link #allBandsOn10m(Resampling)}. */
    public static final List<String> ALL_BANDS = List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08",
            "B8A", "B09", "B11", "B12");

    /** Validates non-null components. */
    public OsmImagery {
        Objects.requireNonNull(gsd10, "gsd10");
        Objects.requireNonNull(gsd20, "gsd20");
        Objects.requireNonNull(gsd60, "gsd60");
        Objects.requireNonNull(scl, "scl (use Optional.empty())");
        Objects.requireNonNull(badPercent, "badPercent (use OptionalDouble.empty())");
    }

    /** The 20 m bands resampled onto the 10 m grid. */
    public FloatRaster gsd20On10m(Resampling method) {
        return method.resample(gsd20, gsd10.width(), gsd10.height(), gsd10.geoReference().orElse(null));
    }

    /** The 60 m bands resampled onto the 10 m grid. */
    public FloatRaster gsd60On10m(Resampling method) {
        return method.resample(gsd60, gsd10.width(), gsd10.height(), gsd10.geoReference().orElse(null));
    }

    /** All 12 bands on the 10 m grid, in Sentinel-2 order {@link #ALL_BANDS}. */
    public FloatRaster allBandsOn10m(Resampling method) {
        FloatRaster b20 = gsd20On10m(method);
        FloatRaster b60 = gsd60On10m(method);
        List<Raster> parts = new ArrayList<>();
        for (String b : ALL_BANDS) {
            int i = GSD10_BANDS.indexOf(b);
            if (i >= 0) {
                parts.add(gsd10.selectBands(i));
            } else if ((i = GSD20_BANDS.indexOf(b)) >= 0) {
                parts.add(b20.selectBands(i));
            } else {
                parts.add(b60.selectBands(GSD60_BANDS.indexOf(b)));
            }
        }
        return (FloatRaster) BandStack.stack(parts, ALL_BANDS);
    }

    /** The georeference of the 10 m grid, if known. */
    public Optional<GeoReference> geoReference() {
        return gsd10.geoReference();
    }
}
