package org.landcover4j.core.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.landcover4j.core.split.GroupKeys;
import org.landcover4j.core.split.GroupedSplit;
import org.landcover4j.core.split.RandomSplit;
import org.landcover4j.core.split.Ratios;
import org.landcover4j.core.split.SpatialBlockSplit;
import org.landcover4j.core.split.SplitAssignment;
import org.landcover4j.core.split.SplitHash;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Split assignment of 1,000,000 sample ids (target: under one second), by hash only, into a
 * {@link SplitAssignment}, grouped by SEN12MS scene, and a spatial block split with a buffer over 100,000 tiles.
 *
 * <p>Ids look like SEN12MS S2 names ({@code ROIs1158_spring_s2_124_p100}, 27-30 characters).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SplitBench {
    private static final String[] SEASONS = {"ROIs1158_spring", "ROIs1868_summer", "ROIs1970_fall", "ROIs2017_winter"};

    private List<String> ids;
    private Map<String, Geometry> footprints;
    private final RandomSplit random = RandomSplit.of(Ratios.parse("7:1:2")).seed(42);
    private final GroupedSplit grouped = GroupedSplit.of(Ratios.parse("8:1:1")).seed(42);
    private final SpatialBlockSplit spatial = SpatialBlockSplit.of(Ratios.parse("7:1:2")).blockSize(10_000).seed(42)
            .buffer(1_000, SpatialBlockSplit.BufferAction.DROP);

    @Setup
    public void setup() {
        ids = new ArrayList<>(1_000_000);
        outer:
        for (String season : SEASONS) {
            for (int scene = 1; scene <= 150; scene++) {
                for (int patch = 1; patch <= 1667; patch++) {
                    ids.add(season + "_s2_" + scene + "_p" + patch);
                    if (ids.size() == 1_000_000) {
                        break outer;
                    }
                }
            }
        }
        // 100,000 tiles of 2.56 km (SEN12MS patches) on a 316 x 317 grid in one UTM zone
        GeometryFactory f = new GeometryFactory(new PrecisionModel(), 32630);
        footprints = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            double x = 300_000 + (i % 316) * 2560.0;
            double y = 4_000_000 + (i / 316) * 2560.0;
            footprints.put("tile_" + i, f.toGeometry(new Envelope(x, x + 2560, y, y + 2560)));
        }
    }

    /** Hash and threshold only: the cost per id of deciding its split. */
    @Benchmark
    public long hashMillionIds() {
        long trainCount = 0;
        for (String id : ids) {
            trainCount += SplitHash.unit(42, id) < 0.7 ? 1 : 0;
        }
        return trainCount;
    }

    /** The whole job: assign 1,000,000 ids and build the immutable assignment (duplicate check, index). */
    @Benchmark
    public SplitAssignment assignMillionIds() {
        return random.assign(ids);
    }

    /** Grouped by SEN12MS scene (600 groups): parse the scene from each id, then assign. */
    @Benchmark
    public SplitAssignment groupedMillionIdsByScene() {
        return grouped.assign(ids, GroupKeys.sen12msScene());
    }

    /** Spatial blocks of 10 km with a 1 km buffer over 100,000 tile footprints. */
    @Benchmark
    public SplitAssignment spatialHundredThousandTiles() {
        return spatial.assign(footprints);
    }
}
