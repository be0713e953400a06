package org.landcover4j.io.dataset.landcovernet;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.landcover4j.core.dataset.Sample;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;

/**
 * One decoded LandCoverNet chip: the 2018 annual label, its consensus score, class names and pixel counts from the
 * STAC item, and the chip's time series of source scenes (decoded only when a scene is read).
 *
 * <p>{@code label}: band 1 of the label file, class 0-7 (0 = no data), uint16 as stored, with the chip's UTM
 * georeference. {@code consensus}: band 2, the annotators' agreement 0-100 (its nodata is independent of band 1's:
 * real files carry scores where the class is 0). {@code classNames}: value to name, from the item's
 * {@code assets.labels."file:values"} (the documentation's names when there is no STAC item).
 * {@code classCounts}: the item's {@code label:overviews} per-class pixel counts by class name, empty without a STAC
 * item. {@code scenes}: sorted by date (then sensor), including scenes linked but not on disk
 * ({@link SourceScene#present()} is false for those).
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * LandCoverNetSample s = ds.sample("28QDE_00");
 * s.classCounts();                    // Optional[{Artificial Bareground=3, Natural Bareground=65533}]
 * ByteRaster mask = s.consensusMask(70);   // 1 where the score is at least 70
 * s.scenes(Sensor.SENTINEL_2).get(0).read("B04", "B03", "B02");
 * }
 *
 * @param ref          the reference it was decoded from
 * @param tile         the Sentinel-2 MGRS tile, e.g. {@code 28QDE}
 * @param chip         the chip number within the tile, two digits
 * @param label        band 1: class
 * @param consensus    band 2: consensus score
 * @param classNames   class value to name
 * @param classCounts  per-class pixel counts of band 1 by class name, as listed in the STAC item
 * @param sourceDates  the dates of the Sentinel-2 scenes used for labelling ({@code source_dates.csv} or
 *                     {@code labeling_dates.csv}), empty when the file is absent
 * @param scenes       the source scenes, sorted by date
 */
public record LandCoverNetSample(SampleRef ref, String tile, String chip, Raster label, Raster consensus,
                                 Map<Integer, String> classNames, Optional<Map<String, Long>> classCounts,
                                 List<LocalDate> sourceDates, List<SourceScene> scenes) implements Sample {

    /** Validates and copies. */
    public LandCoverNetSample {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(tile, "tile");
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(consensus, "consensus");
        classNames = Collections.unmodifiableMap(new LinkedHashMap<>(classNames));
        classCounts = classCounts.map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m)));
        sourceDates = List.copyOf(sourceDates);
        scenes = scenes.stream().sorted(SourceScene.ORDER).toList();
        if (label.width() != consensus.width() || label.height() != consensus.height()) {
            throw new IllegalArgumentException("label and consensus differ in size: " + label + " vs " + consensus);
        }
    }

    /** The class band. */
    @Override
    public Optional<Raster> primaryLabel() {
        return Optional.of(label);
    }

    /** The scenes of one sensor, sorted by date. */
    public List<SourceScene> scenes(Sensor sensor) {
        return scenes.stream().filter(s -> s.sensor() == sensor).toList();
    }

    /** The scenes whose folders are on disk, sorted by date. */
    public List<SourceScene> presentScenes() {
        return scenes.stream().filter(SourceScene::present).toList();
    }

    /** The STAC per-class pixel counts keyed by class value (names mapped through {@link #classNames()}). */
    public Optional<Map<Integer, Long>> classCountsByValue() {
        return classCounts.map(counts -> {
            Map<Integer, Long> out = new LinkedHashMap<>();
            counts.forEach((name, count) -> classNames.forEach((v, n) -> {
                if (n.equals(name)) {
                    out.put(v, count);
                }
            }));
            return Collections.unmodifiableMap(out);
        });
    }

    /**
     * A mask over the chip: 1 where the consensus score is at least {@code minScore}, 0 elsewhere (uint8, with the
     * label's georeference).
     *
     * @throws IllegalArgumentException if {@code minScore} is outside 0..100
     */
    public ByteRaster consensusMask(int minScore) {
        if (minScore < 0 || minScore > 100) {
            throw new IllegalArgumentException("consensus scores are 0..100, got minimum " + minScore);
        }
        int n = consensus.metadata().pixelsPerBand();
        int w = consensus.width();
        byte[] mask = new byte[n];
        for (int i = 0; i < n; i++) {
            mask[i] = consensus.getDouble(0, i / w, i % w) >= minScore ? (byte) 1 : 0;
        }
        var m = label.metadata().withDataType(DataType.UINT8).withBandNames("consensus>=" + minScore)
                .withNodata(List.of(java.util.OptionalDouble.empty()));
        return ByteRaster.wrap(m, mask);
    }

    /**
     * The class band with every pixel whose consensus score is below {@code minScore} set to 0 (no data); the
     * result has the label's type and georeference.
     */
    public Raster labelWithMinConsensus(int minScore) {
        byte[] mask = consensusMask(minScore).unsafeBandArray(0);
        int n = mask.length;
        if (label instanceof ShortRaster s) {
            short[] src = s.unsafeBandArray(0);
            short[] out = new short[n];
            for (int i = 0; i < n; i++) {
                out[i] = mask[i] != 0 ? src[i] : 0;
            }
            return ShortRaster.wrap(label.metadata(), out);
        }
        if (label instanceof ByteRaster b) {
            byte[] src = b.unsafeBandArray(0);
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = mask[i] != 0 ? src[i] : 0;
            }
            return ByteRaster.wrap(label.metadata(), out);
        }
        double[] v = label.bandAsDouble(0);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            out[i] = mask[i] != 0 ? (short) v[i] : 0;
        }
        return ShortRaster.wrap(label.metadata().withDataType(DataType.UINT16), out);
    }

    @Override
    public String toString() {
        return "LandCoverNetSample[" + ref.id() + ", label=" + label.metadata() + ", scenes=" + scenes.size()
                + " (" + presentScenes().size() + " on disk)" + classCounts.map(c -> ", counts=" + c).orElse("") + "]";
    }
}
