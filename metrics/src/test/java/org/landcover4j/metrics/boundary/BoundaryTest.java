package org.landcover4j.metrics.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.metrics.Cases;
import org.landcover4j.metrics.ConfusionMatrix;

/** BOUNDARY1 from metrics_cases.json, inline hand cases, and the fast masks against a literal erosion. */
class BoundaryTest {

    private static int[] flat(int[][] m) {
        int w = m[0].length;
        int[] out = new int[m.length * w];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * w, w);
        }
        return out;
    }

    @Test
    void boundary1FromJsonBoundaryIouApiConvention() {
        JsonNode c = Cases.byId("BOUNDARY1_BOUNDARY_IOU");
        int[] gt = flat(Cases.intMatrix(c.get("gt")));
        int[] pred = flat(Cases.intMatrix(c.get("pred")));
        JsonNode e = c.get("expected");
        assertEquals(e.get("mask_iou").asDouble(), ConfusionMatrix.fromLabels(gt, pred, 0, 1).classMetrics(1).iou(), 1e-12);
        for (int d : new int[] {1, 2}) {
            JsonNode x = e.get("d=" + d);
            var b = BoundaryAccumulator.builder().classes(1).dilation(d).build().add(gt, pred, 10, 10).result()
                    .forClass(1);
            assertEquals(x.get("boundary_gt_pixels").asLong(), b.referenceBoundary(), "d=" + d);
            assertEquals(x.get("boundary_pred_pixels").asLong(), b.predictionBoundary(), "d=" + d);
            assertEquals(x.get("intersection").asLong(), b.intersection(), "d=" + d);
            assertEquals(x.get("union").asLong(), b.union(), "d=" + d);
            assertEquals(x.get("boundary_iou").asDouble(), b.boundaryIoU(), 1e-12, "d=" + d);
        }
        var acc = BoundaryAccumulator.builder().build();
        assertEquals(e.get("default_dilation_for_10x10").asInt(), acc.dilationFor(10, 10),
                "d = max(1, round(0.02 * diagonal))");
        var dflt = acc.add(gt, pred, 10, 10).result().forClass(1);
        assertEquals(e.get("d=1").get("boundary_iou").asDouble(), dflt.boundaryIoU(), 1e-12);
    }

    @Test
    void boundary1BorderCaseImageBorderIsBoundary() {
        JsonNode bc = Cases.byId("BOUNDARY1_BOUNDARY_IOU").get("expected").get("border_case");
        int[] mask = flat(Cases.intMatrix(bc.get("mask")));
        int[] expected = flat(Cases.intMatrix(bc.get("boundary_d1")));
        boolean[] b = new boolean[100];
        BoundaryMasks.boundary(mask, 10, 10, 1, b);
        for (int i = 0; i < 100; i++) {
            if (mask[i] == 1) {
                assertEquals(expected[i] == 1, b[i], "pixel " + i);
            }
        }
    }

    @Test
    void inlineSquareShiftedByOnePixel() {
        // the BOUNDARY1 geometry built here: a 6x6 square at rows 2-7 (reference) and 3-8 (prediction), cols 2-7
        int[] g = new int[100];
        int[] p = new int[100];
        for (int y = 0; y < 10; y++) {
            for (int x = 2; x < 8; x++) {
                if (y >= 2 && y < 8) {
                    g[y * 10 + x] = 1;
                }
                if (y >= 3 && y < 9) {
                    p[y * 10 + x] = 1;
                }
            }
        }
        // d = 1: each ring has 36 - 16 = 20 pixels; they share columns 2 and 7 on rows 3-7: 10 pixels
        var r = BoundaryAccumulator.builder().classes(1).dilation(1).build().add(g, p, 10, 10).result().forClass(1);
        assertEquals(20, r.referenceBoundary());
        assertEquals(20, r.predictionBoundary());
        assertEquals(10, r.intersection());
        assertEquals(1.0 / 3, r.boundaryIoU(), 1e-15);
        // the whole image of one class: the boundary is the frame, 36 of 100 pixels at d = 1
        int[] all = new int[100];
        var f = BoundaryAccumulator.builder().dilation(1).build().add(all, all, 10, 10).result().forClass(0);
        assertEquals(36, f.referenceBoundary());
        assertEquals(1.0, f.boundaryIoU());
        assertTrue(Double.isNaN(f.boundaryF1()), "no contour inside the image: BF undefined");
    }

    /** Literal mask_to_boundary: per class, pad with 0, erode with a 3x3 square d times, subtract. */
    private static boolean[] literalBoundary(int[] labels, int h, int w, int d) {
        boolean[] out = new boolean[h * w];
        java.util.Set<Integer> values = new java.util.TreeSet<>();
        for (int v : labels) {
            values.add(v);
        }
        for (int c : values) {
            boolean[] m = new boolean[h * w];
            for (int i = 0; i < m.length; i++) {
                m[i] = labels[i] == c;
            }
            boolean[] eroded = m.clone();
            for (int it = 0; it < d; it++) {
                boolean[] next = new boolean[h * w];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        boolean all = true;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int yy = y + dy;
                                int xx = x + dx;
                                all &= yy >= 0 && yy < h && xx >= 0 && xx < w && eroded[yy * w + xx];
                            }
                        }
                        next[y * w + x] = all;
                    }
                }
                eroded = next;
            }
            for (int i = 0; i < m.length; i++) {
                if (m[i] && !eroded[i]) {
                    out[i] = true;
                }
            }
        }
        return out;
    }

    @RepeatedTest(12)
    void fastBoundaryEqualsLiteralErosion(RepetitionInfo info) {
        Gen g = Gen.seeded(11_000 + info.getCurrentRepetition());
        int h = g.between(1, 40);
        int w = g.between(1, 40);
        int[] labels = new int[h * w];
        // blobs: mostly smooth regions with some noise
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                labels[y * w + x] = g.chance(0.05) ? g.nextInt(4) : ((y / 7) + (x / 9)) % 3;
            }
        }
        for (int d = 1; d <= 4; d++) {
            boolean[] fast = new boolean[h * w];
            BoundaryMasks.boundary(labels, h, w, d, fast);
            assertArrayEquals(literalBoundary(labels, h, w, d), fast, g + " " + w + "x" + h + " d=" + d);
        }
    }

    @RepeatedTest(8)
    void boundaryF1MatchesBruteForce(RepetitionInfo info) {
        Gen g = Gen.seeded(12_000 + info.getCurrentRepetition());
        int h = g.between(5, 30);
        int w = g.between(5, 30);
        int[] ref = new int[h * w];
        int[] pred = new int[h * w];
        int sy = g.between(0, 3);
        int sx = g.between(0, 3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ref[y * w + x] = ((y / 6) + (x / 8)) % 3;
                pred[y * w + x] = g.chance(0.03) ? g.nextInt(3) : (((y + sy) / 6) + ((x + sx) / 8)) % 3;
            }
        }
        double theta = g.between(0, 30) / 10.0;
        var r = BoundaryAccumulator.builder().tolerance(theta).build().add(ref, pred, h, w).result();
        boolean[] cg = new boolean[h * w];
        boolean[] cp = new boolean[h * w];
        BoundaryMasks.contour(ref, h, w, cg);
        BoundaryMasks.contour(pred, h, w, cp);
        for (int c = 0; c < 3; c++) {
            long pc = 0;
            long pm = 0;
            long gc = 0;
            long gm = 0;
            for (int i = 0; i < h * w; i++) {
                if (cp[i] && pred[i] == c) {
                    pc++;
                    pm += near(i, c, ref, cg, h, w, theta) ? 1 : 0;
                }
                if (cg[i] && ref[i] == c) {
                    gc++;
                    gm += near(i, c, pred, cp, h, w, theta) ? 1 : 0;
                }
            }
            var b = r.forClass(c);
            assertEquals(pc, b.predictionContour(), g + " class " + c);
            assertEquals(pm, b.predictionMatched(), g + " class " + c + " theta " + theta);
            assertEquals(gc, b.referenceContour(), g + " class " + c);
            assertEquals(gm, b.referenceMatched(), g + " class " + c + " theta " + theta);
        }
    }

    private static boolean near(int i, int c, int[] labels, boolean[] contour, int h, int w, double theta) {
        int y = i / w;
        int x = i % w;
        for (int j = 0; j < h * w; j++) {
            int dy = j / w - y;
            int dx = j % w - x;
            if (contour[j] && labels[j] == c && dy * dy + dx * dx <= theta * theta) {
                return true;
            }
        }
        return false;
    }

    @Test
    void perfectPredictionScoresOneAndMergeEqualsPooled() {
        Gen g = Gen.seeded(13_000);
        int h = 40;
        int w = 50;
        int[][] refs = new int[3][];
        int[][] preds = new int[3][];
        var all = BoundaryAccumulator.builder().ignore(9).build();
        var parts = new BoundaryAccumulator[3];
        for (int k = 0; k < 3; k++) {
            refs[k] = new int[h * w];
            preds[k] = new int[h * w];
            for (int i = 0; i < h * w; i++) {
                refs[k][i] = ((i / w) / (5 + k) + (i % w) / 7) % 4;
                preds[k][i] = g.chance(0.9) ? refs[k][i] : g.nextInt(4);
            }
            refs[k][0] = 9;
            all.add(refs[k], preds[k], h, w);
            parts[k] = BoundaryAccumulator.builder().ignore(9).build().add(refs[k], preds[k], h, w);
        }
        var merged = parts[2].merge(parts[0]).merge(parts[1]).result();
        assertEquals(all.result().classes(), merged.classes(), g.toString());
        assertNull(merged.forClass(9), "ignore values are not scored classes");
        var perfect = BoundaryAccumulator.builder().build().add(refs[0], refs[0].clone(), h, w).result();
        assertEquals(1.0, perfect.meanBoundaryIoU(), 0);
        assertEquals(1.0, perfect.meanBoundaryF1(), 0);
        assertTrue(merged.toString().contains("mean boundary IoU"), merged.toString());
    }

    @Test
    void badSizesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> BoundaryAccumulator.builder().build().add(new int[10], new int[12], 2, 5));
        assertTrue(e.getMessage().contains("12"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BoundaryAccumulator.builder().dilation(0));
    }
}
