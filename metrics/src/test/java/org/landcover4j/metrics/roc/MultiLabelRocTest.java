package org.landcover4j.metrics.roc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.metrics.Cases;

/** AUC1 from metrics_cases.json, hand cases, and exact/binned results against pairwise definitions. */
class MultiLabelRocTest {

    @Test
    void auc1FromJsonUnlabeledExcludedNoneNegativeTiesHalf() {
        JsonNode c = Cases.byId("AUC1_MULTILABEL_PER_CLASS");
        double[][] scores = Cases.doubleMatrix(c.get("scores"));
        int[][] targets = Cases.intMatrix(c.get("targets"));
        boolean[] unlabeled = new boolean[scores.length];
        for (int i = 0; i < unlabeled.length; i++) {
            unlabeled[i] = c.get("unlabeled_mask").get(i).asInt() != 0;
        }
        JsonNode e = c.get("expected");
        for (var acc : new MultiLabelRocAccumulator[] {MultiLabelRocAccumulator.exact(3),
            MultiLabelRocAccumulator.binned(3, 11)}) {
            MultiLabelRoc r = acc.addRows(scores, targets, unlabeled).result();
            Cases.close(Cases.doubles(e.get("per_class_auc")), r.auc(), 1e-12, acc + " per-class AUC (sklearn, ties 1/2)");
            Cases.close(e.get("macro_auc_defined_classes").asDouble(), r.macroAuc(), 1e-12, acc + " macro over defined");
            assertEquals(2, r.definedClasses());
            assertEquals("no positive pixels", r.classes().get(2).reason(), "class 2 has no positive after exclusion");
        }
    }

    @Test
    void handCaseWithTiesAndAveragePrecision() {
        // positives 0.9, 0.5; negatives 0.5, 0.1: pairs won 1 + 1 + 0.5 + 1 = 3.5 of 4
        // AP: threshold 0.9 -> P=1, R=1/2; threshold 0.5 -> P=2/3, R=1; AP = 0.5*1 + 0.5*2/3
        var acc = MultiLabelRocAccumulator.exact(1);
        acc.add(new float[][] {{0.9f, 0.5f, 0.5f, 0.1f}}, new byte[][] {{1, 1, 0, 0}}, null);
        ClassRoc r = acc.result().classes().get(0);
        assertEquals(0.875, r.auc(), 1e-15);
        assertEquals(0.5 + 1.0 / 3, r.averagePrecision(), 1e-15);
        assertNull(r.reason());
        var none = MultiLabelRocAccumulator.exact(1).add(new float[][] {{0.3f, 0.2f}}, new byte[][] {{1, 1}}, null)
                .result().classes().get(0);
        assertTrue(Double.isNaN(none.auc()));
        assertEquals("no negative pixels", none.reason());
        assertEquals(1.0, none.averagePrecision(), 0, "AP is defined without negatives");
        var empty = MultiLabelRocAccumulator.exact(1).result().classes().get(0);
        assertTrue(Double.isNaN(empty.auc()) && Double.isNaN(empty.averagePrecision()));
        assertTrue(Double.isNaN(MultiLabelRocAccumulator.exact(2).result().macroAuc()));
    }

    private static double pairwiseAuc(float[] s, byte[] t) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (t[i] == 1 && t[j] == 0) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }

    private static double thresholdAp(float[] s, byte[] t) {
        TreeSet<Float> thresholds = new TreeSet<>();
        long p = 0;
        for (int i = 0; i < s.length; i++) {
            thresholds.add(s[i]);
            p += t[i];
        }
        if (p == 0) {
            return Double.NaN;
        }
        double ap = 0;
        double prev = 0;
        for (float th : thresholds.descendingSet()) {
            long tp = 0;
            long fp = 0;
            for (int i = 0; i < s.length; i++) {
                if (s[i] >= th) {
                    tp += t[i];
                    fp += 1 - t[i];
                }
            }
            double recall = (double) tp / p;
            ap += (recall - prev) * tp / (tp + fp);
            prev = recall;
        }
        return ap;
    }

    @RepeatedTest(10)
    void exactAndBinnedMatchPairwiseDefinitions(RepetitionInfo info) {
        Gen g = Gen.seeded(14_000 + info.getCurrentRepetition());
        int n = g.between(1, 400);
        int classes = 3;
        float[][] s = new float[classes][n];
        byte[][] t = new byte[classes][n];
        byte[] u = new byte[n];
        for (int i = 0; i < n; i++) {
            u[i] = (byte) (g.chance(0.1) ? 1 : 0);
            for (int c = 0; c < classes; c++) {
                t[c][i] = (byte) (g.chance(0.3 * (c + 0.2)) ? 1 : 0);
                // scores on the 64 levels k/63 so that binning with 64 bins is exact; many ties
                s[c][i] = Math.min(63, (int) (64 * (t[c][i] * 0.3 + g.nextDouble() * 0.7))) / 63f;
            }
        }
        var exact = MultiLabelRocAccumulator.exact(classes).add(s, t, u).result();
        var binned = MultiLabelRocAccumulator.binned(classes, 64).add(s, t, u).result();
        for (int c = 0; c < classes; c++) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                m += u[i] == 0 ? 1 : 0;
            }
            float[] ls = new float[m];
            byte[] lt = new byte[m];
            for (int i = 0, k = 0; i < n; i++) {
                if (u[i] == 0) {
                    ls[k] = s[c][i];
                    lt[k++] = t[c][i];
                }
            }
            Cases.close(pairwiseAuc(ls, lt), exact.classes().get(c).auc(), 1e-12, g + " exact AUC class " + c);
            Cases.close(thresholdAp(ls, lt), exact.classes().get(c).averagePrecision(), 1e-12, g + " exact AP " + c);
            Cases.close(exact.classes().get(c).auc(), binned.classes().get(c).auc(), 1e-12, g + " binned AUC " + c);
            Cases.close(exact.classes().get(c).averagePrecision(), binned.classes().get(c).averagePrecision(), 1e-12,
                    g + " binned AP " + c);
        }
    }

    @RepeatedTest(5)
    void mergeEqualsPooled(RepetitionInfo info) {
        Gen g = Gen.seeded(15_000 + info.getCurrentRepetition());
        for (int bins : new int[] {0, 256}) {
            var all = bins == 0 ? MultiLabelRocAccumulator.exact(2) : MultiLabelRocAccumulator.binned(2, bins);
            var a = bins == 0 ? MultiLabelRocAccumulator.exact(2) : MultiLabelRocAccumulator.binned(2, bins);
            var b = bins == 0 ? MultiLabelRocAccumulator.exact(2) : MultiLabelRocAccumulator.binned(2, bins);
            for (int part = 0; part < 2; part++) {
                int n = g.between(0, 300);
                float[][] s = new float[2][n];
                byte[][] t = new byte[2][n];
                for (int c = 0; c < 2; c++) {
                    for (int i = 0; i < n; i++) {
                        t[c][i] = (byte) (g.chance(0.4) ? 1 : 0);
                        s[c][i] = (float) g.nextDouble();
                    }
                }
                all.add(s, t, null);
                (part == 0 ? a : b).add(s, t, null);
            }
            assertEquals(all.result(), b.merge(a).result(), g + " bins=" + bins);
        }
    }

    @Test
    void rasterInputAndBadInput() {
        var meta = RasterMetadata.of(DataType.FLOAT32, 2, 1, 3);
        var scores = FloatRaster.wrap(meta, new float[] {0.9f, 0.1f, 0.5f}, new float[] {0.2f, 0.8f, 0.4f});
        var targets = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 2, 1, 3), new byte[] {1, 0, 0},
                new byte[] {0, 1, 1});
        var mask = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 1, 3), new byte[] {0, 0, 1});
        var r = MultiLabelRocAccumulator.exact(2).add(scores, targets, mask).result();
        assertEquals(1.0, r.classes().get(0).auc());
        assertEquals(1.0, r.classes().get(1).auc());
        var e = assertThrows(IllegalArgumentException.class, () -> MultiLabelRocAccumulator.exact(1)
                .add(new float[][] {{0.1f, 0.2f}}, new byte[][] {{1, 2}}, null));
        assertTrue(e.getMessage().contains("pixel 1") && e.getMessage().contains("is 2"), e.getMessage());
        var nan = assertThrows(IllegalArgumentException.class, () -> MultiLabelRocAccumulator.exact(1)
                .add(new float[][] {{Float.NaN}}, new byte[][] {{1}}, null));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MultiLabelRocAccumulator.exact(2).merge(
                MultiLabelRocAccumulator.binned(2, 8)));
        var shape = assertThrows(IllegalArgumentException.class,
                () -> MultiLabelRocAccumulator.exact(2).add(scores, ByteRaster.zeros(DataType.UINT8, 2, 2, 3), null));
        assertTrue(shape.getMessage().contains("3x1") && shape.getMessage().contains("3x2"), shape.getMessage());
    }
}
