package org.landcover4j.core.dataset;

import java.util.Optional;
import org.landcover4j.core.raster.Raster;

/**
 * One decoded sample of a dataset. Each dataset has its own sample type (a record) with typed rasters and
 * fields; this interface is what they share.
 *
 * <p>Implementations are immutable and thread-safe; rasters they hold are immutable. Parts that are expensive and
 * often unused (LandCoverNet's time series of source scenes, OpenSentinelMap's per-date imagery) are decoded only
 * when asked for.
 *
 * {@snippet :
 * Sample s = ds.sample("aachen_1");
 * s.id();                      // "aachen_1"
 * s.primaryLabel();            // Optional[ByteRaster[uint8, 1x1024x1024, EPSG:32632]]
 * }
 */
public interface Sample {

    /** The reference this sample was decoded from. */
    SampleRef ref();

    /** The sample's id. */
    default String id() {
        return ref().id();
    }

    /** The sample's split, if the dataset defines one for it. */
    default Optional<Split> split() {
        return ref().split();
    }

    /**
     * The primary label band as a one-band raster of raw values (SEN12MS: IGBP; LandCoverNet: class; OpenEarthMap
     * and Globe230k: the label; OpenSentinelMap: the land-use channel), empty for unlabelled samples.
     */
    Optional<Raster> primaryLabel();
}
