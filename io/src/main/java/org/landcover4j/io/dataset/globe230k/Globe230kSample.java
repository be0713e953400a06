package org.landcover4j.io.dataset.globe230k;

import java.util.Objects;
import java.util.Optional;
import org.landcover4j.core.dataset.Sample;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.raster.Raster;

/**
 * One decoded Globe230k patch: an RGB JPEG, its label PNG and, when downloaded, the DEM, NDVI and Sentinel-1
 * VV/VH patches.
 *
 * <p>{@code image}: 3 bands {@code red}, {@code green}, {@code blue}, uint8, 512 x 512, no georeference.
 * {@code label}: 1 band, classes 1-10, 0 = unlabelled (ignore). {@code dem}: 1 band elevation; {@code ndvi}: 1 band,
 * NaN kept as stored; {@code vvvh}: 2 bands {@code VV}, {@code VH} in dB. Optional parts are empty when their folder
 * or file is absent.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * Globe230kSample s = ds.sample("data_3");
 * s.ndvi().ifPresent(n -> System.out.println(n.getDouble(0, 0, 0)));   // may be NaN
 * }
 *
 * @param ref   the reference it was decoded from
 * @param image RGB image
 * @param label label mask, empty when the patch has no label PNG
 * @param dem   elevation, when present
 * @param ndvi  NDVI, when present
 * @param vvvh  Sentinel-1 VV and VH, when present
 */
public record Globe230kSample(SampleRef ref, Raster image, Optional<Raster> label, Optional<Raster> dem,
                              Optional<Raster> ndvi, Optional<Raster> vvvh) implements Sample {

    /** Validates non-null components and equal sizes. */
    public Globe230kSample {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(image, "image");
        for (Optional<Raster> o : java.util.List.of(label, dem, ndvi, vvvh)) {
            Objects.requireNonNull(o, "optional parts must be Optional.empty(), not null");
            o.ifPresent(r -> {
                if (r.width() != image.width() || r.height() != image.height()) {
                    throw new IllegalArgumentException(r + " and image " + image + " differ in size");
                }
            });
        }
    }

    /** The label mask. */
    @Override
    public Optional<Raster> primaryLabel() {
        return label;
    }

    @Override
    public String toString() {
        return "Globe230kSample[" + ref.id() + ", image=" + image.metadata()
                + label.map(l -> ", label=" + l.metadata()).orElse(", unlabelled")
                + dem.map(r -> ", dem").orElse("") + ndvi.map(r -> ", ndvi").orElse("")
                + vvvh.map(r -> ", vvvh").orElse("") + "]";
    }
}
