package org.landcover4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.raster.Window;
import org.landcover4j.core.testing.Gen;

/** Accumulation paths against a naive oracle, merging, tiling, degenerate and bad input; inline hand cases. */
class ConfusionAccumulatorTest {

    /** The definition: what the accumulator must produce, counted pixel by pixel. */
    private record Oracle(int[] values, long[][] counts, long ignored, long oorPixels, TreeMap<Long, Long> oorRef,
                          TreeMap<Long, Long> oorPred) {

        static Oracle of(long[] ref, long[] pred, int[] classes, long[] ignore, Long nodata) {
            TreeSet<Long> ign = new TreeSet<>();
            for (long v : ignore) {
                ign.add(v);
            }
            if (nodata != null) {
                ign.add(nodata);
            }
            int[] values = classes;
            if (values == null) {
                TreeSet<Integer> present = new TreeSet<>();
                for (int i = 0; i < ref.length; i++) {
                    if (!ign.contains(ref[i])) {
                        present.add((int) ref[i]);
                        present.add((int) pred[i]);
                    }
                }
                values = present.stream().mapToInt(Integer::intValue).toArray();
            }
            int k = values.length;
            long[][] counts = new long[k][k];
            long ignored = 0;
            long oor = 0;
            TreeMap<Long, Long> oorRef = new TreeMap<>();
            TreeMap<Long, Long> oorPred = new TreeMap<>();
            for (int i = 0; i < ref.length; i++) {
                if (ign.contains(ref[i])) {
                    ignored++;
                    continue;
                }
                int a = indexOf(values, ref[i]);
                int b = indexOf(values, pred[i]);
                if (a < 0 || b < 0) {
                    oor++;
                    if (a < 0) {
                        oorRef.merge(ref[i], 1L, Long::sum);
                    }
                    if (b < 0) {
                        oorPred.merge(pred[i], 1L, Long::sum);
                    }
                    continue;
                }
                counts[a][b]++;
            }
            return new Oracle(values, counts, ignored, oor, oorRef, oorPred);
        }

        private static int indexOf(int[] values, long v) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == v) {
                    return i;
                }
            }
            return -1;
        }

        void check(ConfusionMatrix m, String what) {
            assertArrayEquals(values, m.classValues(), what + " class values");
            assertArrayEquals(counts, m.counts(), what + " counts");
            assertEquals(ignored, m.ignoredPixels(), what + " ignored");
            assertEquals(oorPixels, m.outOfRange().pixels(), what + " out-of-range pixels");
            assertEquals(oorRef, m.outOfRange().referenceValues(), what + " out-of-range reference values");
            assertEquals(oorPred, m.outOfRange().predictionValues(), what + " out-of-range prediction values");
        }
    }

    private static long[] unsigned(byte[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] & 0xFF;
        }
        return out;
    }

    private static long[] unsigned(short[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] & 0xFFFF;
        }
        return out;
    }

    private static long[] widen(int[] a) {
        return Arrays.stream(a).asLongStream().toArray();
    }

    // ------------------------------------------------------------------------------------ inline hand cases

    @Test
    void handCountedSmallMapsGiveTheHandMatrix() {
        // reference and prediction of 12 pixels, classes 0..2, 255 = ignore; counted by hand:
        //   ref 0: pred 0,0,1   ref 1: pred 1,1,2,0   ref 2: pred 2,2   ignored: 2 pixels (pred anything)
        byte[] ref = {0, 0, 0, 1, 1, 1, 1, 2, 2, (byte) 255, (byte) 255, 2};
        byte[] pred = {0, 0, 1, 1, 1, 2, 0, 2, 2, 0, 7, 1};
        var acc = ConfusionAccumulator.builder().classes(0, 1, 2).ignore(255).build();
        ConfusionMatrix m = acc.add(ref, pred).result();
        assertArrayEquals(new long[][] {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}}, m.counts());
        assertEquals(10, m.pixels());
        assertEquals(2, m.ignoredPixels());
        assertTrue(m.outOfRange().isEmpty(), "ignored pixels never count as out of range");
        assertEquals(6.0 / 10, m.overallAccuracy(), 1e-15);
        // IoU: class 0: 2/(3+3-2)=0.5; class 1: 2/(4+4-2)=1/3; class 2: 2/(3+3-2)=0.5
        assertArrayEquals(new double[] {0.5, 1.0 / 3, 0.5}, m.iou(), 1e-15);
        assertEquals((0.5 + 1.0 / 3 + 0.5) / 3, m.meanIoU(), 1e-15);
    }

    @Test
    void cm1InlineByHand() {
        // METRICS.md case CM1, values worked out by hand (kappa: p_o = 101/120, p_e = 5205/14400)
        var m = ConfusionMatrix.of(new int[] {0, 1, 2}, new long[][] {{50, 3, 2}, {5, 30, 5}, {0, 4, 21}})
                .withClassNames(List.of("water", "forest", "crop"));
        assertEquals(101.0 / 120, m.overallAccuracy(), 1e-15);
        assertArrayEquals(new double[] {50.0 / 60, 30.0 / 47, 21.0 / 32}, m.iou(), 1e-15);
        assertEquals(6915.0 / 9195, m.kappa(), 1e-12);
        assertEquals(30.0 / 37, m.classMetrics(1).precision(), 1e-15);
        assertEquals(0.75, m.classMetrics(1).recall(), 1e-15);
        // Pontius: quantity = (0 + 3 + 3) / 2 / 120 = 0.025
        assertEquals(0.025, m.pontius().quantity(), 1e-15);
        assertEquals(1 - m.overallAccuracy(), m.pontius().quantity() + m.pontius().allocation(), 1e-15);
        // F2 of forest: 5*30 / (5*30 + 4*10 + 7)
        assertEquals(150.0 / 197, m.classMetrics(1).fBeta(2), 1e-15);
        String s = m.toString();
        assertTrue(s.contains("forest") && s.contains("OA 0.8417"), s);
    }

    @Test
    void cm2InlineAbsentClassPolicies() {
        var m = ConfusionMatrix.of(new long[][] {{40, 5, 3, 0, 0}, {4, 30, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0},
            {3, 1, 0, 0, 0}});
        double iou0 = 40.0 / 55;
        double iou1 = 30.0 / 40;
        assertEquals((iou0 + iou1) / 4, m.meanIoU(AbsentClassPolicy.EXCLUDE), 1e-15);
        assertEquals((iou0 + iou1) / 5, m.meanIoU(AbsentClassPolicy.ZERO), 1e-15);
        assertEquals((iou0 + iou1 + 1) / 5, m.meanIoU(AbsentClassPolicy.ONE), 1e-15);
        assertTrue(Double.isNaN(m.meanIoU(AbsentClassPolicy.NAN)));
        MacroAverage a = m.macro(PerClassMetric.IOU, AbsentClassPolicy.EXCLUDE);
        assertEquals(4, a.definedClasses());
        assertEquals(5, a.classes());
        assertTrue(Double.isNaN(m.classMetrics(3).iou()), "class 3 absent from both: IoU is 0/0");
        assertTrue(Double.isNaN(m.classMetrics(4).precision()), "class 4 never predicted: precision is 0/0");
        assertEquals(0.0, m.classMetrics(4).recall());
    }

    // ---------------------------------------------------------------------------------- paths vs oracle

    @RepeatedTest(8)
    void uint8IdentityClassesMatchTheOracle(RepetitionInfo info) {
        Gen g = Gen.seeded(1000 + info.getCurrentRepetition());
        for (int n : Gen.awkwardLengths()) {
            byte[] ref = g.bytes(n, 0, 12);
            byte[] pred = g.noisyCopy(ref, 0.7, 11);
            var acc = ConfusionAccumulator.builder().classes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9).ignore(11, 255).build();
            Oracle.of(unsigned(ref), unsigned(pred), new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new long[] {11, 255}, null)
                    .check(acc.add(ref, pred).result(), g + " n=" + n);
        }
    }

    @RepeatedTest(8)
    void uint8ArbitraryClassListMatchesTheOracle(RepetitionInfo info) {
        Gen g = Gen.seeded(2000 + info.getCurrentRepetition());
        int[] classes = {7, 3, 200, 0, 254};
        for (int n : Gen.awkwardLengths()) {
            byte[] ref = new byte[n];
            byte[] pred = new byte[n];
            int[] pool = {7, 3, 200, 0, 254, 9, 255};
            for (int i = 0; i < n; i++) {
                ref[i] = (byte) pool[g.nextInt(pool.length)];
                pred[i] = g.chance(0.6) ? ref[i] : (byte) pool[g.nextInt(pool.length)];
            }
            var acc = ConfusionAccumulator.builder().classes(classes).ignore(255).build();
            Oracle.of(unsigned(ref), unsigned(pred), classes, new long[] {255}, null)
                    .check(acc.add(ref, pred).result(), g + " n=" + n);
        }
    }

    @RepeatedTest(4)
    void uint16PathsMatchTheOracle(RepetitionInfo info) {
        Gen g = Gen.seeded(3000 + info.getCurrentRepetition());
        for (int n : new int[] {0, 1, 63, 1021, 70_001}) {
            short[] ref = g.shorts(n, 0, 20);
            short[] pred = new short[n];
            for (int i = 0; i < n; i++) {
                pred[i] = g.chance(0.6) ? ref[i] : (short) g.between(0, 20);
            }
            if (n > 3) {
                ref[1] = (short) 60000;
                pred[2] = (short) 65535;
            }
            int[] identity = new int[17];
            Arrays.setAll(identity, i -> i);
            var a = ConfusionAccumulator.builder().classes(identity).ignore(20).build();
            Oracle.of(unsigned(ref), unsigned(pred), identity, new long[] {20}, null)
                    .check(a.add(ref, pred).result(), g + " identity n=" + n);
            int[] list = {19, 1, 2, 3, 60000, 5};
            var b = ConfusionAccumulator.builder().classes(list).ignore(20).build();
            Oracle.of(unsigned(ref), unsigned(pred), list, new long[] {20}, null)
                    .check(b.add(ref, pred).result(), g + " list n=" + n);
            var c = ConfusionAccumulator.builder().ignore(20).build();
            Oracle.of(unsigned(ref), unsigned(pred), null, new long[] {20}, null)
                    .check(c.add(ref, pred).result(), g + " discovering n=" + n);
        }
    }

    @Test
    void manyClassesTakeTheGeneralPath() {
        Gen g = Gen.seeded(4000);
        int[] classes = new int[300];
        Arrays.setAll(classes, i -> 1000 + i * 3);
        int n = 5000;
        short[] ref = new short[n];
        short[] pred = new short[n];
        for (int i = 0; i < n; i++) {
            ref[i] = (short) (1000 + 3 * g.nextInt(310));
            pred[i] = g.chance(0.5) ? ref[i] : (short) (1000 + 3 * g.nextInt(300));
        }
        var acc = ConfusionAccumulator.forClasses(classes);
        Oracle.of(unsigned(ref), unsigned(pred), classes, new long[0], null).check(acc.add(ref, pred).result(), g.toString());
    }

    @Test
    void intAndSignedRastersMatchTheOracle() {
        Gen g = Gen.seeded(5000);
        int n = 999;
        int[] ref = new int[n];
        int[] pred = new int[n];
        for (int i = 0; i < n; i++) {
            ref[i] = g.between(-3, 5);
            pred[i] = g.chance(0.6) ? ref[i] : g.between(-3, 6);
        }
        ref[3] = Integer.MIN_VALUE;
        int[] classes = {-2, -1, 0, 1, 2, 3, 4};
        var acc = ConfusionAccumulator.builder().classes(classes).ignore(-3).build();
        Oracle.of(widen(ref), widen(pred), classes, new long[] {-3}, null).check(acc.add(ref, pred).result(), g.toString());
        var d = ConfusionAccumulator.builder().ignore(-3).build();
        Oracle.of(widen(ref), widen(pred), null, new long[] {-3}, null).check(d.add(ref, pred).result(), g.toString());

        // the same values as int16 rasters with a declared nodata of 4 on the reference
        short[] r16 = new short[n];
        short[] p16 = new short[n];
        for (int i = 0; i < n; i++) {
            r16[i] = (short) Math.max(ref[i], -3);
            p16[i] = (short) pred[i];
        }
        var meta = RasterMetadata.of(DataType.INT16, 1, 27, 37);
        var rr = ShortRaster.wrap(meta.withNodata(4), r16);
        var pr = ShortRaster.wrap(meta, p16);
        var e = ConfusionAccumulator.builder().classes(classes).ignore(-3).build().add(rr, pr).result();
        long[] rl = new long[n];
        long[] pl = new long[n];
        for (int i = 0; i < n; i++) {
            rl[i] = r16[i];
            pl[i] = p16[i];
        }
        Oracle.of(rl, pl, classes, new long[] {-3}, 4L).check(e, "int16 with nodata");
    }

    @Test
    void uint32ValuesAboveIntRangeAreOutOfRangeNotWrapped() {
        var meta = RasterMetadata.of(DataType.UINT32, 1, 1, 4);
        var ref = IntRaster.wrap(meta, new int[] {1, 2, -1, 1});          // -1 is 4294967295
        var pred = IntRaster.wrap(meta, new int[] {1, 2, 1, -2});
        var m = ConfusionAccumulator.forClasses(1, 2).add(ref, pred).result();
        assertEquals(2, m.pixels());
        assertEquals(2, m.outOfRange().pixels());
        assertEquals(1L, m.outOfRange().referenceValues().get(4294967295L));
        assertEquals(1L, m.outOfRange().predictionValues().get(4294967294L));
        var d = ConfusionAccumulator.discovering().add(ref, pred).result();
        assertArrayEquals(new int[] {1, 2}, d.classValues());
        assertEquals(2, d.outOfRange().pixels());
    }

    @RepeatedTest(4)
    void discoveringUint8MatchesTheOracleWithNodataAndIgnore(RepetitionInfo info) {
        Gen g = Gen.seeded(6000 + info.getCurrentRepetition());
        int h = 61;
        int w = 67;
        byte[] ref = g.bytes(h * w, 0, 255);
        byte[] pred = g.noisyCopy(ref, 0.5, 255);
        var meta = RasterMetadata.of(DataType.UINT8, 1, h, w);
        var acc = ConfusionAccumulator.builder().ignore(3).build();
        acc.add(ByteRaster.wrap(meta.withNodata(200), ref), ByteRaster.wrap(meta, pred));
        Oracle.of(unsigned(ref), unsigned(pred), null, new long[] {3}, 200L).check(acc.result(), g.toString());
        // nodata off
        var off = ConfusionAccumulator.builder().honourNodata(false).build();
        off.add(ByteRaster.wrap(meta.withNodata(200), ref), ByteRaster.wrap(meta, pred));
        Oracle.of(unsigned(ref), unsigned(pred), null, new long[0], null).check(off.result(), g + " nodata off");
    }

    @Test
    void discoveringUint8GrowsItsRangeAcrossCalls() {
        Gen g = Gen.seeded(6200);
        var acc = ConfusionAccumulator.builder().ignore(254).build();
        java.io.ByteArrayOutputStream allRef = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream allPred = new java.io.ByteArrayOutputStream();
        for (int max : new int[] {0, 2, 1, 7, 13, 14, 40, 255, 3}) {
            byte[] ref = g.bytes(777, 0, max);
            byte[] pred = g.noisyCopy(ref, 0.6, max);
            acc.add(ref, pred);
            allRef.writeBytes(ref);
            allPred.writeBytes(pred);
            Oracle.of(unsigned(allRef.toByteArray()), unsigned(allPred.toByteArray()), null, new long[] {254}, null)
                    .check(acc.result(), g + " after max " + max);
        }
    }

    @Test
    void nodataOnDeclaredClassesTakesBothUint8Paths() {
        Gen g = Gen.seeded(6100);
        byte[] ref = g.bytes(5000, 0, 6);
        byte[] pred = g.noisyCopy(ref, 0.5, 6);
        var meta = RasterMetadata.of(DataType.UINT8, 1, 50, 100).withNodata(6);
        for (int[] classes : new int[][] {{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}}) {
            var m = ConfusionAccumulator.forClasses(classes)
                    .add(ByteRaster.wrap(meta, ref), ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 50, 100), pred))
                    .result();
            Oracle.of(unsigned(ref), unsigned(pred), classes, new long[0], 6L).check(m, Arrays.toString(classes));
        }
    }

    // ---------------------------------------------------------------------------------------- merging

    private static ConfusionMatrix randomMatrix(Gen g, int[] values) {
        long[][] c = new long[values.length][values.length];
        for (long[] row : c) {
            for (int j = 0; j < row.length; j++) {
                row[j] = g.chance(0.3) ? 0 : g.nextInt(1000);
            }
        }
        return ConfusionMatrix.of(values, c);
    }

    @RepeatedTest(20)
    void mergeIsAssociativeAndCommutative(RepetitionInfo info) {
        Gen g = Gen.seeded(7000 + info.getCurrentRepetition());
        int[][] lists = {{0, 1, 2}, {2, 0, 5}, {0, 1, 2}, {9}};
        ConfusionMatrix a = randomMatrix(g, lists[g.nextInt(4)]);
        ConfusionMatrix b = randomMatrix(g, lists[g.nextInt(4)]);
        ConfusionMatrix c = randomMatrix(g, lists[g.nextInt(4)]);
        assertEquals(a.merge(b).merge(c), a.merge(b.merge(c)), g + " associative");
        assertEquals(a.merge(b), b.merge(a), g + " commutative");
        assertEquals(a.total() + b.total(), a.merge(b).total(), g + " totals add");
    }

    @RepeatedTest(10)
    void accumulatorMergeEqualsOneAccumulatorInAnyOrder(RepetitionInfo info) {
        Gen g = Gen.seeded(8000 + info.getCurrentRepetition());
        byte[][] refs = new byte[3][];
        byte[][] preds = new byte[3][];
        for (int i = 0; i < 3; i++) {
            refs[i] = g.bytes(g.between(0, 3000), 0, 9);
            preds[i] = g.noisyCopy(refs[i], 0.6, 9);
        }
        for (boolean declared : new boolean[] {true, false}) {
            var builder = ConfusionAccumulator.builder().ignore(9);
            if (declared) {
                builder.classes(0, 1, 2, 3, 4, 5, 6, 7);
            }
            var all = builder.build();
            var parts = new ConfusionAccumulator[3];
            for (int i = 0; i < 3; i++) {
                all.add(refs[i], preds[i]);
                parts[i] = all.emptyCopy().add(refs[i], preds[i]);
            }
            var left = parts[0].emptyCopy().merge(parts[0]).merge(parts[1]).merge(parts[2]);
            var right = parts[2].emptyCopy().merge(parts[2]).merge(parts[1].emptyCopy().merge(parts[1]).merge(parts[0]));
            assertEquals(all.result(), left.result(), g + " declared=" + declared);
            assertEquals(all.result(), right.result(), g + " declared=" + declared);
            var viaMatrices = parts[0].result().merge(parts[1].result()).merge(parts[2].result());
            if (declared) {
                assertEquals(all.result(), viaMatrices, g.toString());
            } else {
                assertEquals(all.result().compact(), viaMatrices.compact(), g.toString());
            }
            var fromJson = builder.build().merge(ConfusionMatrix.fromJson(parts[0].result().toJson()))
                    .merge(parts[1]).merge(parts[2].result());
            assertEquals(all.result(), fromJson.result(), g + " via JSON");
        }
    }

    @Test
    void mergingDifferentClassSetsIsRefused() {
        var a = ConfusionAccumulator.forClasses(0, 1);
        var b = ConfusionAccumulator.forClasses(0, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> a.merge(b));
        assertTrue(e.getMessage().contains("[0, 1]") && e.getMessage().contains("[0, 2]"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> a.merge(ConfusionMatrix.of(new int[] {0, 5}, new long[][] {{1, 0}, {0, 1}})));
        assertTrue(e2.getMessage().contains("5"), e2.getMessage());
    }

    // ------------------------------------------------------------------------------------------ tiling

    @ParameterizedTest(name = "tile size {0}: per-tile accumulation equals the whole image")
    @ValueSource(ints = {1, 7, 16, 33, 100})
    void perTileEqualsWholeImage(int tile) {
        Gen g = Gen.seeded(9000 + tile);
        int h = 97;
        int w = 131;
        byte[] ref = g.bytes(h * w, 0, 6);
        byte[] pred = g.noisyCopy(ref, 0.7, 6);
        var meta = RasterMetadata.of(DataType.UINT8, 1, h, w).withNodata(6);
        var rr = ByteRaster.wrap(meta, ref);
        var pr = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, h, w), pred);
        ConfusionMatrix whole = ConfusionAccumulator.forClasses(0, 1, 2, 3, 4).add(rr, pr).result();
        var tiled = ConfusionAccumulator.forClasses(0, 1, 2, 3, 4);
        for (int y = 0; y < h; y += tile) {
            for (int x = 0; x < w; x += tile) {
                Window win = Window.of(x, y, Math.min(tile, w - x), Math.min(tile, h - y));
                tiled.add(rr.window(win), pr.window(win));
            }
        }
        assertEquals(whole, tiled.result(), g.toString());
        // rows through the ranged array API
        var rows = ConfusionAccumulator.forClasses(0, 1, 2, 3, 4);
        var noNodata = ConfusionAccumulator.forClasses(0, 1, 2, 3, 4).add(ref, pred).result();
        for (int y = 0; y < h; y++) {
            rows.add(ref, y * w, pred, y * w, w);
        }
        assertEquals(noNodata, rows.result(), g.toString());
    }

    // ----------------------------------------------------------------------------------- properties

    @RepeatedTest(10)
    void transposingSwapsPrecisionAndRecall(RepetitionInfo info) {
        Gen g = Gen.seeded(10_000 + info.getCurrentRepetition());
        ConfusionMatrix m = randomMatrix(g, new int[] {0, 1, 2, 3});
        ConfusionMatrix t = m.transpose();
        Cases.close(m.precision(), t.recall(), 0, g.toString());
        Cases.close(m.recall(), t.precision(), 0, g.toString());
        Cases.close(m.iou(), t.iou(), 1e-15, g.toString());
        Cases.close(m.kappa(), t.kappa(), 1e-12, g.toString());
        assertEquals(m, t.transpose());
    }

    @Test
    void weightedMatrixWithIntegralWeightsEqualsCounted() {
        long[][] c = {{5, 1, 0}, {2, 7, 1}, {0, 0, 3}};
        double[][] w = {{5, 1, 0}, {2, 7, 1}, {0, 0, 3}};
        var counted = ConfusionMatrix.of(c);
        var weighted = ConfusionMatrix.ofWeights(new int[] {0, 1, 2}, w);
        assertTrue(weighted.isWeighted());
        assertArrayEquals(counted.iou(), weighted.iou(), 0);
        assertEquals(counted.kappa(KappaWeighting.QUADRATIC), weighted.kappa(KappaWeighting.QUADRATIC), 0);
        assertEquals(counted.pontius(), weighted.pontius());
        assertThrows(IllegalStateException.class, () -> weighted.count(0, 0));
        assertEquals(2 * counted.total(), weighted.merge(counted).total());
        assertEquals(weighted, ConfusionMatrix.fromJson(weighted.toJson()));
    }

    @Test
    void jsonRoundTripKeepsEverything() {
        byte[] ref = {0, 1, 2, 9, 1, (byte) 255};
        byte[] pred = {0, 1, 7, 1, 1, 0};
        var m = ConfusionAccumulator.builder().classes(0, 1, 2).classNames(List.of("a", "b", "c")).ignore(255)
                .build().add(ref, pred).result();
        assertEquals(m, ConfusionMatrix.fromJson(m.toJson()));
        String json = m.toJson();
        assertTrue(json.contains("\"out_of_range\"") && json.contains("\"ignored_pixels\" : 1"), json);
        var bad = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.fromJson("{\"values\": [0, 1], \"counts\": [[1, 2], [3, -4]]}"));
        assertTrue(bad.getMessage().contains("-4"), bad.getMessage());
        var notInt = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.fromJson("{\"values\": [0], \"counts\": [[1.5]]}"));
        assertTrue(notInt.getMessage().contains("counts[0][0]"), notInt.getMessage());
    }

    // -------------------------------------------------------------------------------------- degenerate

    @Test
    void emptyInputGivesNaNEverywhereNotZero() {
        var m = ConfusionAccumulator.forClasses(0, 1, 2).add(new byte[0], new byte[0]).result();
        assertEquals(0, m.pixels());
        for (double v : new double[] {m.overallAccuracy(), m.meanIoU(), m.microIoU(), m.frequencyWeightedIoU(),
            m.kappa(), m.mcc(), m.balancedAccuracy(), m.balancedAccuracyAdjusted(), m.macroF1(), m.weightedF1(),
            m.meanUsersAccuracy(), m.pontius().total(), m.pontius().quantity(), m.pontius().allocation()}) {
            assertTrue(Double.isNaN(v), "expected NaN for an empty matrix, got " + v);
        }
        assertEquals(0, m.macro(PerClassMetric.IOU, AbsentClassPolicy.EXCLUDE).definedClasses());
        assertEquals(0.0, m.meanIoU(AbsentClassPolicy.ZERO), "ZERO policy counts absent classes as 0 by definition");
        assertTrue(m.toString().contains("NaN"), m.toString());
    }

    @Test
    void allIgnoredIsEmptyWithTheIgnoredCount() {
        byte[] ref = new byte[100];
        Arrays.fill(ref, (byte) 255);
        var m = ConfusionAccumulator.builder().classes(0, 1).ignore(255).build().add(ref, new byte[100]).result();
        assertEquals(0, m.pixels());
        assertEquals(100, m.ignoredPixels());
        assertTrue(Double.isNaN(m.overallAccuracy()));
        assertTrue(Double.isNaN(m.meanIoU()));
        var d = ConfusionAccumulator.builder().ignore(255).build().add(ref, new byte[100]).result();
        assertEquals(0, d.size());
        assertEquals(100, d.ignoredPixels());
        assertTrue(Double.isNaN(d.kappa()));
    }

    @Test
    void singleClassPerfectAgreementHasNaNKappaAndMcc() {
        byte[] ref = new byte[25];
        Arrays.fill(ref, (byte) 1);
        var m = ConfusionAccumulator.forClasses(0, 1).add(ref, ref.clone()).result();
        assertEquals(1.0, m.overallAccuracy());
        assertEquals(1.0, m.meanIoU(), "class 0 absent from both is excluded");
        assertTrue(Double.isNaN(m.kappa()), "kappa is 0/0 (sklearn#14256)");
        assertTrue(Double.isNaN(m.mcc()));
        assertTrue(Double.isNaN(m.balancedAccuracyAdjusted()));
        var one = ConfusionAccumulator.forClasses(1).add(ref, ref.clone()).result();
        assertEquals(1.0, one.meanIoU());
        assertTrue(Double.isNaN(one.kappa(KappaWeighting.QUADRATIC)));
    }

    // ------------------------------------------------------------------------------------------- bad input

    @Test
    void mismatchedSizesNameBothShapes() {
        var a = ByteRaster.zeros(DataType.UINT8, 1, 256, 256);
        var b = ByteRaster.zeros(DataType.UINT8, 1, 512, 512);
        var e = assertThrows(IllegalArgumentException.class, () -> ConfusionAccumulator.discovering().add(a, b));
        assertTrue(e.getMessage().contains("256x256") && e.getMessage().contains("512x512"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> ConfusionAccumulator.discovering().add(new byte[3], new byte[4]));
        assertTrue(e2.getMessage().contains("3") && e2.getMessage().contains("4"), e2.getMessage());
    }

    @Test
    void strictModeNamesTheValueAndLeavesTheAccumulatorUnchanged() {
        var acc = ConfusionAccumulator.builder().classes(0, 1, 2).ignore(255).strict(true).build();
        acc.add(new byte[] {0, 1}, new byte[] {0, 1});
        byte[] ref = {0, 1, 2, (byte) 255, 1};
        byte[] pred = {0, 1, 2, 9, 7};
        var e = assertThrows(LabelOutOfRangeException.class, () -> acc.add(ref, pred));
        assertEquals("prediction", e.side());
        assertEquals(7, e.value());
        assertEquals(4, e.pixel());
        assertTrue(e.getMessage().contains("prediction value 7 at pixel 4") && e.getMessage().contains("[0, 1, 2]"),
                e.getMessage());
        assertEquals(2, acc.pixels(), "nothing of the failed call was recorded");
        var e2 = assertThrows(LabelOutOfRangeException.class,
                () -> ConfusionAccumulator.builder().classes(4, 5).strict(true).build()
                        .add(new short[] {4, 6}, new short[] {4, 5}));
        assertEquals("reference", e2.side());
        assertEquals(6, e2.value());
    }

    @Test
    void lenientModeReportsOutOfRangeValues() {
        byte[] ref = {0, 1, 2, 3, 3, 1};
        byte[] pred = {0, 1, 9, 9, 1, 1};
        var m = ConfusionAccumulator.forClasses(0, 1, 2).add(ref, pred).result();
        assertEquals(3, m.pixels());
        OutOfRange o = m.outOfRange();
        assertEquals(3, o.pixels());
        assertEquals(2L, o.referenceValues().get(3L));
        assertEquals(2L, o.predictionValues().get(9L));
        assertTrue(o.toString().contains("reference 3 (2)") && o.toString().contains("prediction 9 (2)"), o.toString());
        assertTrue(m.toString().contains("outside the class set"), m.toString());
        assertFalse(m.outOfRange().isEmpty());
    }

    @Test
    void nonIntegerRastersAndMissingBandsAreRefused() {
        var f = FloatRaster.zeros(DataType.FLOAT32, 1, 4, 4);
        var b = ByteRaster.zeros(DataType.UINT8, 1, 4, 4);
        var e = assertThrows(IllegalArgumentException.class, () -> ConfusionAccumulator.discovering().add(f, b));
        assertTrue(e.getMessage().contains("float32"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> ConfusionAccumulator.discovering().add(b, b, 1));
        assertTrue(e2.getMessage().contains("band index 1"), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfusionAccumulator.forClasses(1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ConfusionAccumulator.forClasses());
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new long[][] {{1, 2}, {3}}));
    }
}
