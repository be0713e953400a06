package org.landcover4j.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.split.ClassAwareSplit.Sample;

class ClassAwareSplitTest {

    /**
     * Three regions of 10 images. Each region has a rare class in exactly one image ({@code rare}) and common
     * classes 1-3 everywhere. A random 6:1:3 cut puts the rare image in train with probability 0.6 per region, so
     * a single trial covers every region's classes in train with probability 0.216; the best of many should.
     */
    private static List<Sample> constructed() {
        List<Sample> samples = new ArrayList<>();
        String[] regions = {"aachen", "kyoto", "lima"};
        int[] rare = {11, 12, 13};
        for (int g = 0; g < regions.length; g++) {
            for (int i = 1; i <= 10; i++) {
                Set<Integer> classes = new HashSet<>(Set.of(1, 2, 3));
                if (i == 4) {
                    classes.add(rare[g]);
                }
                if (i % 3 == 0) {
                    classes.add(20 + g);   // a less rare class, in 3 images of the region
                }
                samples.add(new Sample(regions[g] + "_" + i, regions[g], classes));
            }
        }
        return samples;
    }

    /** Independent check of coverage straight from the assignment. */
    private static int[] coverage(List<Sample> samples, SplitAssignment a) {
        Map<String, Set<Integer>> all = new HashMap<>();
        Map<String, Set<Integer>> train = new HashMap<>();
        Map<String, Set<Integer>> test = new HashMap<>();
        for (Sample s : samples) {
            all.computeIfAbsent(s.group(), k -> new HashSet<>()).addAll(s.classes());
            Split split = a.split(s.id()).orElseThrow();
            if (split == Split.TRAIN) {
                train.computeIfAbsent(s.group(), k -> new HashSet<>()).addAll(s.classes());
            } else if (split == Split.TEST) {
                test.computeIfAbsent(s.group(), k -> new HashSet<>()).addAll(s.classes());
            }
        }
        int covered = 0;
        int testCovered = 0;
        for (var e : all.entrySet()) {
            if (train.getOrDefault(e.getKey(), Set.of()).containsAll(e.getValue())) {
                covered++;
            }
            testCovered += (int) test.getOrDefault(e.getKey(), Set.of()).stream().filter(e.getValue()::contains).count();
        }
        return new int[] {covered, testCovered};
    }

    @Test
    void choosesASplitWhoseTrainCoversEveryClassOfEachRegion() {
        List<Sample> samples = constructed();
        var r = ClassAwareSplit.of(Ratios.parse("6:1:3")).seed(5).trials(200).assign(samples);
        assertTrue(r.trainCoversEveryClass(), r.toString());
        int[] cov = coverage(samples, r.assignment());
        assertEquals(3, cov[0]);
        assertEquals(cov[1], r.testClassesCovered());
        assertEquals(3, r.groups());
        assertEquals(3 * 5, r.testClassesPossible());   // per region: 1, 2, 3, rare, 20+g
        // every region is cut 6:1:3 exactly
        for (String region : List.of("aachen", "kyoto", "lima")) {
            int[] counts = new int[3];
            for (int i = 1; i <= 10; i++) {
                counts[r.assignment().split(region + "_" + i).orElseThrow().ordinal()]++;
            }
            assertEquals(List.of(6, 1, 3), List.of(counts[0], counts[1], counts[2]), region);
        }
        // and it is at least as good as every single trial it searched (one trial = the first trial of the search)
        var single = ClassAwareSplit.of(Ratios.parse("6:1:3")).seed(5).trials(1).assign(samples);
        int[] one = coverage(samples, single.assignment());
        assertTrue(cov[0] > one[0] || cov[0] == one[0] && cov[1] >= one[1], r + " vs " + single);
    }

    @Test
    void deterministicAndIndependentOfInputOrder() {
        List<Sample> samples = constructed();
        var split = ClassAwareSplit.of(Ratios.parse("6:1:3")).seed(77).trials(50);
        var a = split.assign(samples);
        List<Sample> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, new Random(1));
        var b = split.assign(shuffled);
        assertEquals(a.trial(), b.trial());
        for (Sample s : samples) {
            assertEquals(a.assignment().split(s.id()), b.assignment().split(s.id()), s.id());
        }
        assertEquals(a.assignment(), split.assign(samples).assignment());
        // the assignment keeps the input order
        assertEquals(shuffled.get(0).id(), b.assignment().ids().get(0));
    }

    @Test
    void reportsWhenNoTrialCanCoverEveryClass() {
        List<Sample> samples = new ArrayList<>(constructed());
        // a region of two images with disjoint classes: 6:1:3 of 2 is 1 train + 1 test, train misses one class
        samples.add(new Sample("oslo_1", "oslo", Set.of(1)));
        samples.add(new Sample("oslo_2", "oslo", Set.of(2)));
        AtomicLong calls = new AtomicLong();
        var r = ClassAwareSplit.of(Ratios.parse("6:1:3")).seed(5).trials(40)
                .assign(samples, (done, total, task) -> calls.incrementAndGet());
        assertFalse(r.trainCoversEveryClass(), r.toString());
        assertEquals(3, r.groupsCoveredByTrain());
        assertEquals(4, r.groups());
        assertEquals(40, r.trialsRun());
        assertEquals(40, calls.get());
        assertTrue(r.toString().startsWith("ClassAwareSplit.Result[trial "), r.toString());
    }

    @Test
    void stopsEarlyOnAPerfectTrial() {
        // one class per region and 10 images each: any trial covers everything in train and test
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(new Sample("a_" + i, "a", Set.of(1)));
        }
        var r = ClassAwareSplit.of(Ratios.parse("6:1:3")).trials(1000).assign(samples);
        assertEquals(1, r.trialsRun());
        assertEquals(0, r.trial());
        assertEquals(1, r.testClassesCovered());
    }

    @Test
    void badInput() {
        var split = ClassAwareSplit.of(Ratios.parse("6:1:3"));
        assertThrows(IllegalArgumentException.class, () -> split.trials(0));
        assertThrows(IllegalArgumentException.class, () -> new Sample("a_1", " ", Set.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new Sample("a_1", "a", Set.of(-1)));
        var dup = List.of(new Sample("a_1", "a", Set.of(1)), new Sample("a_1", "b", Set.of(2)));
        assertEquals("sample id 'a_1' appears more than once",
                assertThrows(IllegalArgumentException.class, () -> split.assign(dup)).getMessage());
        assertEquals(List.of(1, 0, 0), toList(split.quotas(1)));
        assertEquals(List.of(1, 0, 1), toList(split.quotas(2)));
        assertEquals(List.of(2, 0, 1), toList(split.quotas(3)));
        assertEquals(List.of(6, 1, 3), toList(split.quotas(10)));
        assertEquals(List.of(4, 1, 2), toList(split.quotas(7)));   // 4.2, 0.7, 2.1
    }

    @Test
    void classesFromALabelRaster() {
        var u8 = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 2, 3).withNodata(255),
                new byte[] {0, 1, 5, 5, (byte) 255, 1});
        assertEquals(Set.of(1, 5), ClassAwareSplit.classesOf(u8, 0));
        assertEquals(List.of(0, 1, 5), List.copyOf(ClassAwareSplit.classesOf(u8)));
        var u16 = ShortRaster.wrap(RasterMetadata.of(DataType.UINT16, 1, 1, 3), new short[] {7, (short) 65535, 7});
        assertEquals(Set.of(7, 65535), ClassAwareSplit.classesOf(u16));
        var i8 = ByteRaster.wrap(RasterMetadata.of(DataType.INT8, 1, 1, 2), new byte[] {-1, 3});
        assertThrows(IllegalArgumentException.class, () -> ClassAwareSplit.classesOf(i8));
        assertEquals(Set.of(3), ClassAwareSplit.classesOf(i8, -1));
        var i32 = IntRaster.wrap(RasterMetadata.of(DataType.INT32, 1, 1, 2), new int[] {100_000, 2});
        assertEquals(Set.of(2, 100_000), ClassAwareSplit.classesOf(i32));
        var f = FloatRaster.wrap(RasterMetadata.of(DataType.FLOAT32, 1, 1, 1), new float[] {1});
        assertThrows(IllegalArgumentException.class, () -> ClassAwareSplit.classesOf(f));
        var ref = new SampleRef("aachen_1", Optional.empty(), "aachen", true, Map.of());
        assertEquals(new Sample("aachen_1", "aachen", Set.of(1, 5)), Sample.of(ref, ClassAwareSplit.classesOf(u8, 0)));
    }

    private static List<Integer> toList(int[] a) {
        return List.of(a[0], a[1], a[2]);
    }
}
