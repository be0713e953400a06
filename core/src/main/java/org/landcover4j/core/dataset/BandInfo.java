package org.landcover4j.core.dataset;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one band of a dataset's rasters measures: name, the raster it belongs to, centre wavelength and native
 * ground sampling distance.
 *
 * <p>Immutable. Wavelengths are centre wavelengths in nanometres (Sentinel-2A values for Sentinel-2), empty for
 * bands that are not optical reflectance (SAR backscatter, labels, masks, elevation, indices).
 *
 * {@snippet :
 * var b = BandInfo.optical("s2", "B04", "red", 664.6, 10);
 * b.wavelengthNm();    // OptionalDouble[664.6]
 * }
 *
 * @param group            the raster of the sample that holds the band ({@code "s2"}, {@code "image"}, ...)
 * @param name             the band's name, as used in band-name lists of rasters
 * @param description      a short human description
 * @param wavelengthNm     centre wavelength in nm, empty when not optical
 * @param resolutionMeters native ground sampling distance in metres (NaN when unknown, e.g. Globe230k images)
 */
public record BandInfo(String group, String name, String description, OptionalDouble wavelengthNm,
                       double resolutionMeters) {

    /** Validates the components. */
    public BandInfo {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(wavelengthNm, "wavelengthNm (use OptionalDouble.empty())");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a band name must not be blank");
        }
        if (wavelengthNm.isPresent() && !(wavelengthNm.getAsDouble() > 0)) {
            throw new IllegalArgumentException("band " + name + ": wavelength must be positive, got " + wavelengthNm);
        }
        if (resolutionMeters <= 0) {
            throw new IllegalArgumentException("band " + name + ": resolution must be positive or NaN, got "
                    + resolutionMeters);
        }
    }

    /** An optical band with a centre wavelength. */
    public static BandInfo optical(String group, String name, String description, double wavelengthNm,
                                   double resolutionMeters) {
        return new BandInfo(group, name, description, OptionalDouble.of(wavelengthNm), resolutionMeters);
    }

    /** A band without a wavelength (SAR, label, mask, elevation, index). */
    public static BandInfo other(String group, String name, String description, double resolutionMeters) {
        return new BandInfo(group, name, description, OptionalDouble.empty(), resolutionMeters);
    }

    @Override
    public String toString() {
        return group + "/" + name + (wavelengthNm.isPresent() ? " " + wavelengthNm.getAsDouble() + " nm" : "")
                + (Double.isNaN(resolutionMeters) ? "" : " @" + fmt(resolutionMeters) + " m");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
