package org.landcover4j.io.dataset;

import java.util.ArrayList;
import java.util.List;
import org.landcover4j.core.dataset.BandInfo;

/**
 * Band tables of the sensors behind the datasets: Sentinel-2 MSI (Sentinel-2A centre wavelengths, ESA S2 MSI
 * spectral response v3.1), Sentinel-1 C-band SAR and Landsat 8 OLI.
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * List<BandInfo> s2 = SpectralBands.sentinel2("s2", SpectralBands.S2_ALL_13);
 * }
 */
public final class SpectralBands {

    /** The 13 Sentinel-2 band names in product order (with B8A after B08 and B10 cirrus). */
    public static final List<String> S2_ALL_13 = List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08",
            "B8A", "B09", "B10", "B11", "B12");

    /** The 12 Sentinel-2 L2A bands (no B10), in product order. */
    public static final List<String> S2_L2A_12 = List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08",
            "B8A", "B09", "B11", "B12");

    /** The 7 Landsat 8 OLI reflective bands of Collection 2 Level 2. */
    public static final List<String> L8_SR_7 = List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07");

    private SpectralBands() {
    }

    /** Sentinel-2 band info for the given names, in the given order. */
    public static List<BandInfo> sentinel2(String group, List<String> names) {
        List<BandInfo> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(sentinel2Band(group, n));
        }
        return out;
    }

    /**
     * One Sentinel-2 band.
     *
     * @throws IllegalArgumentException for an unknown band name
     */
    public static BandInfo sentinel2Band(String group, String name) {
        return switch (name) {
            case "B01" -> BandInfo.optical(group, name, "coastal aerosol", 442.7, 60);
            case "B02" -> BandInfo.optical(group, name, "blue", 492.4, 10);
            case "B03" -> BandInfo.optical(group, name, "green", 559.8, 10);
            case "B04" -> BandInfo.optical(group, name, "red", 664.6, 10);
            case "B05" -> BandInfo.optical(group, name, "red edge 1", 704.1, 20);
            case "B06" -> BandInfo.optical(group, name, "red edge 2", 740.5, 20);
            case "B07" -> BandInfo.optical(group, name, "red edge 3", 782.8, 20);
            case "B08" -> BandInfo.optical(group, name, "near infrared", 832.8, 10);
            case "B8A" -> BandInfo.optical(group, name, "narrow near infrared", 864.7, 20);
            case "B09" -> BandInfo.optical(group, name, "water vapour", 945.1, 60);
            case "B10" -> BandInfo.optical(group, name, "SWIR cirrus", 1373.5, 60);
            case "B11" -> BandInfo.optical(group, name, "SWIR 1", 1613.7, 20);
            case "B12" -> BandInfo.optical(group, name, "SWIR 2", 2202.4, 20);
            default -> throw new IllegalArgumentException("unknown Sentinel-2 band '" + name + "'");
        };
    }

    /** Landsat 8 OLI band info for the given names. */
    public static List<BandInfo> landsat8(String group, List<String> names) {
        List<BandInfo> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(switch (n) {
                case "B01" -> BandInfo.optical(group, n, "coastal aerosol", 443.0, 30);
                case "B02" -> BandInfo.optical(group, n, "blue", 482.0, 30);
                case "B03" -> BandInfo.optical(group, n, "green", 561.5, 30);
                case "B04" -> BandInfo.optical(group, n, "red", 654.5, 30);
                case "B05" -> BandInfo.optical(group, n, "near infrared", 865.0, 30);
                case "B06" -> BandInfo.optical(group, n, "SWIR 1", 1608.5, 30);
                case "B07" -> BandInfo.optical(group, n, "SWIR 2", 2200.5, 30);
                default -> throw new IllegalArgumentException("unknown Landsat 8 band '" + n + "'");
            });
        }
        return out;
    }

    /** Sentinel-1 VV and VH backscatter (no wavelength: C-band SAR at 5.405 GHz). */
    public static List<BandInfo> sentinel1(String group, String unit) {
        return List.of(BandInfo.other(group, "VV", "C-band SAR backscatter, VV polarisation, " + unit, 10),
                BandInfo.other(group, "VH", "C-band SAR backscatter, VH polarisation, " + unit, 10));
    }
}
