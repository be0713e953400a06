package org.landcover4j.io.dataset.landcovernet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three sources of LandCoverNet's time series, with their band files in canonical order.
 *
 * <p>Every band of every source is delivered resampled (nearest) onto the chip's 10 m Sentinel-2 grid.
 *
 * {@snippet :
 * Sensor.SENTINEL_2.bands();            // [B01, B02, ..., B12, CLD, SCL]
 * Sensor.fromFolderName("S1");          // Optional[SENTINEL_1]
 * }
 */
public enum Sensor {
    /** Sentinel-2 L2A: 12 reflectance bands (uint16, x 10000), cloud probability CLD and scene classification SCL. */
    SENTINEL_2("sentinel_2", "S2", List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09",
            "B11", "B12", "CLD", "SCL")),
    /** Sentinel-1 GRD: VV and VH backscatter. */
    SENTINEL_1("sentinel_1", "S1", List.of("VV", "VH")),
    /** Landsat 8 Collection 2 Level 2: surface reflectance bands B01 to B07. */
    LANDSAT_8("landsat_8", "L8", List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07"));

    private final String collectionSuffix;
    private final String folderName;
    private final List<String> bands;

    Sensor(String collectionSuffix, String folderName, List<String> bands) {
        this.collectionSuffix = collectionSuffix;
        this.folderName = folderName;
        this.bands = bands;
    }

    /** The suffix of the STAC source collection: {@code <dataset>_source_<suffix>}. */
    public String collectionSuffix() {
        return collectionSuffix;
    }

    /** The folder name in the {@code data/v1.0/2018} layout: {@code S2}, {@code S1}, {@code L8}. */
    public String folderName() {
        return folderName;
    }

    /** The band names in canonical order. */
    public List<String> bands() {
        return bands;
    }

    /** The sensor of a STAC source collection or item name ({@code ..._source_sentinel_2_...}). */
    public static Optional<Sensor> fromCollectionName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Sensor s : values()) {
            if (n.contains("_source_" + s.collectionSuffix)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The sensor of a {@code data/v1.0/2018} layout folder ({@code S2}, {@code S1}, {@code L8}). */
    public static Optional<Sensor> fromFolderName(String name) {
        for (Sensor s : values()) {
            if (s.folderName.equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
