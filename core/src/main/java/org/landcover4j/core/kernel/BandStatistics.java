package org.landcover4j.core.kernel;

/**
 * Summary statistics of one band: the number of valid samples, their min, max, mean and population standard
 * deviation.
 *
 * <p>Made by {@link Kernels#statistics(float[], byte[])} and its uint8/uint16 twins, which skip masked samples
 * (and NaN, for float). With no valid sample, {@code count} is 0 and every other component is NaN
 * ({@link #EMPTY}). Immutable and thread safe.
 *
 * {@snippet :
 * BandStatistics s = Kernels.statistics(band, mask);
 * // BandStatistics[count=1048576, min=0.0, max=9120.0, mean=1537.2, std=612.9]
 * float[] z = new float[band.length];
 * Kernels.standardize(band, (float) s.mean(), (float) s.std(), z);
 * }
 *
 * @param count the number of valid samples (non-negative)
 * @param min   the smallest valid sample (NaN when count is 0)
 * @param max   the largest valid sample (NaN when count is 0)
 * @param mean  the arithmetic mean (NaN when count is 0)
 * @param std   the population standard deviation, sqrt(sum((x - mean)^2) / count) (NaN when count is 0)
 */
public record BandStatistics(long count, double min, double max, double mean, double std) {

    /** The statistics of no sample: count 0, everything else NaN. */
    public static final BandStatistics EMPTY =
            new BandStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Validates the components. */
    public BandStatistics {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        if (count == 0 && !(Double.isNaN(min) && Double.isNaN(max) && Double.isNaN(mean) && Double.isNaN(std))) {
            throw new IllegalArgumentException("statistics of no sample must be NaN, got min=" + min + ", max=" + max
                    + ", mean=" + mean + ", std=" + std);
        }
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " is greater than max " + max);
        }
        if (std < 0) {
            throw new IllegalArgumentException("std must not be negative, got " + std);
        }
    }

    /** Whether there was no valid sample. */
    public boolean isEmpty() {
        return count == 0;
    }
}
