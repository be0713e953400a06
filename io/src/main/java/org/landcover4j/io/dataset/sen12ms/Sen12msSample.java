package org.landcover4j.io.dataset.sen12ms;

import java.util.Objects;
import java.util.Optional;
import org.landcover4j.core.dataset.Sample;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.raster.Raster;

/**
 * One decoded SEN12MS patch triplet: Sentinel-1, Sentinel-2 and MODIS land cover over the same 256 x 256 pixels.
 *
 * <p>{@code s1}: 2 bands {@code VV}, {@code VH}, backscatter in dB as float32, NaN kept as it is in the file.
 * {@code s2}: 13 bands {@code B01 ... B12} including {@code B8A} and {@code B10}, uint16 reflectance x 10000.
 * {@code lc}: 4 bands {@code IGBP}, {@code LCCS_LC}, {@code LCCS_LU}, {@code LCCS_SH} (uint8 or uint16 as stored).
 * Every raster keeps the CRS and transform of its file.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * Sen12msSample s = ds.sample("ROIs1158_spring_63_p12");
 * s.season();          // SPRING
 * s.igbp();            // the IGBP band, one band
 * s.s1().getDouble(0, 0, 0);   // VV in dB, possibly NaN
 * }
 *
 * @param ref        the reference it was decoded from
 * @param season     the season folder
 * @param seed       the seed number of the season folder ({@code ROIs<seed>_<season>})
 * @param scene      the scene number
 * @param patch      the patch number within the scene
 * @param s1         Sentinel-1 VV, VH
 * @param s2         Sentinel-2, 13 bands
 * @param lc         land cover, 4 bands
 * @param knownIssue a note when this patch is a known bad sample ({@code ROIs1868_summer_s1_146_p202}: NaN in S1,
 *                   removed from the official train list), empty otherwise
 */
public record Sen12msSample(SampleRef ref, Season season, int seed, int scene, int patch, Raster s1, Raster s2,
                            Raster lc, Optional<String> knownIssue) implements Sample {

    /** Validates non-null components. */
    public Sen12msSample {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(s1, "s1");
        Objects.requireNonNull(s2, "s2");
        Objects.requireNonNull(lc, "lc");
        Objects.requireNonNull(knownIssue, "knownIssue (use Optional.empty())");
    }

    /** The IGBP band of {@code lc} (band 1), as a one-band raster sharing its storage. */
    public Raster igbp() {
        return lc.selectBands(0);
    }

    /** Same as {@link #igbp()}. */
    @Override
    public Optional<Raster> primaryLabel() {
        return Optional.of(igbp());
    }

    @Override
    public String toString() {
        return "Sen12msSample[" + ref.id() + ", s1=" + s1.metadata() + ", s2=" + s2.metadata() + ", lc="
                + lc.metadata() + knownIssue.map(k -> ", known issue: " + k).orElse("") + "]";
    }
}
