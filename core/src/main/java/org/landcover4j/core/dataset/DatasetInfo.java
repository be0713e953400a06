package org.landcover4j.core.dataset;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Static facts about a dataset: identity, the taxonomy of its labels, its bands, ground sampling distance and the
 * splits it defines.
 *
 * <p>Immutable. {@code taxonomyId} names a built-in taxonomy of the {@code taxonomy} module ({@code "igbp"},
 * {@code "landcovernet"}, {@code "openearthmap"}, {@code "osm-landuse"}, {@code "globe230k"}) that describes the
 * values of the primary label band. {@code bands} lists every band of every raster a sample holds, grouped by
 * raster. Resolution is a range because some datasets mix sources (OpenEarthMap: 0.25 to 0.5 m); both ends are
 * equal when fixed, NaN when unpublished.
 *
 * {@snippet :
 * DatasetInfo info = ds.info();
 * info.taxonomyId();                         // "igbp"
 * info.bandsOf("s2").size();                 // 13
 * info.band("s2", "B08").wavelengthNm();     // OptionalDouble[832.8]
 * }
 *
 * @param id                  short lower-case id ({@code "sen12ms"}, {@code "landcovernet"}, ...)
 * @param name                display name ({@code "SEN12MS"})
 * @param taxonomyId          id of the taxonomy describing the primary label band
 * @param bands               every band of every raster of a sample
 * @param minResolutionMeters finest ground sampling distance of the label grid in metres (NaN when unknown)
 * @param maxResolutionMeters coarsest ground sampling distance of the label grid in metres (NaN when unknown)
 * @param splits              the splits this dataset's files define (empty when none)
 * @param reference           where the dataset comes from (paper or DOI)
 */
public record DatasetInfo(String id, String name, String taxonomyId, List<BandInfo> bands,
                          double minResolutionMeters, double maxResolutionMeters, List<Split> splits,
                          String reference) {

    /** Validates and copies the lists. */
    public DatasetInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(taxonomyId, "taxonomyId");
        Objects.requireNonNull(reference, "reference");
        bands = List.copyOf(bands);
        splits = List.copyOf(splits);
        if (!(minResolutionMeters <= maxResolutionMeters)
                && !(Double.isNaN(minResolutionMeters) && Double.isNaN(maxResolutionMeters))) {
            throw new IllegalArgumentException("resolution range of " + id + " is not ordered: " + minResolutionMeters
                    + " .. " + maxResolutionMeters);
        }
    }

    /** The bands of one raster group, in order. */
    public List<BandInfo> bandsOf(String group) {
        return bands.stream().filter(b -> b.group().equals(group)).toList();
    }

    /** The band names of one raster group, in order. */
    public List<String> bandNames(String group) {
        return bandsOf(group).stream().map(BandInfo::name).toList();
    }

    /** One band by group and name, if the dataset has it. */
    public Optional<BandInfo> band(String group, String name) {
        return bands.stream().filter(b -> b.group().equals(group) && b.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        String res = Double.isNaN(minResolutionMeters) ? "unpublished"
                : (minResolutionMeters == maxResolutionMeters ? fmt(minResolutionMeters)
                        : fmt(minResolutionMeters) + ".." + fmt(maxResolutionMeters)) + " m";
        return "DatasetInfo[" + name + ", taxonomy=" + taxonomyId + ", bands=" + bands.size() + ", resolution=" + res
                + ", splits=" + splits + "]";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
