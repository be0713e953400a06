package org.landcover4j.io.dataset.openearthmap;

import java.util.Objects;
import java.util.Optional;
import org.landcover4j.core.dataset.Sample;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.raster.Raster;

/**
 * One decoded OpenEarthMap tile: an RGB aerial image and, for train and val tiles, its label mask.
 *
 * <p>{@code image}: 3 bands {@code red}, {@code green}, {@code blue}, uint8. {@code label}: 1 band, uint8, classes
 * 1-8 with 0 = unknown; empty for test tiles (the public release withholds their labels). Both keep the file's own
 * CRS and transform, which differ between regions (UTM zones, EPSG:3857, EPSG:4326, national grids) and sizes that
 * are not always 1024 x 1024.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * OpenEarthMapSample s = ds.sample("aachen_1");
 * s.region();     // "aachen"
 * s.label().isPresent();   // true for train and val tiles
 * }
 *
 * @param ref    the reference it was decoded from
 * @param region the region: the file stem up to its last {@code _}
 * @param image  RGB image
 * @param label  label mask, empty for unlabelled tiles
 */
public record OpenEarthMapSample(SampleRef ref, String region, Raster image, Optional<Raster> label)
        implements Sample {

    /** Validates non-null components and equal sizes. */
    public OpenEarthMapSample {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(label, "label (use Optional.empty())");
        label.ifPresent(l -> {
            if (l.width() != image.width() || l.height() != image.height()) {
                throw new IllegalArgumentException("label " + l + " and image " + image + " differ in size");
            }
        });
    }

    /** The label mask. */
    @Override
    public Optional<Raster> primaryLabel() {
        return label;
    }

    @Override
    public String toString() {
        return "OpenEarthMapSample[" + ref.id() + ", region=" + region + ", image=" + image.metadata()
                + label.map(l -> ", label=" + l.metadata()).orElse(", unlabelled") + "]";
    }
}
