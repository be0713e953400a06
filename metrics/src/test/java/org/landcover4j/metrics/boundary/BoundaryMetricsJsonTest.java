package org.landcover4j.metrics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landcover4j.metrics.JsonAsserts.get;
import static org.landcover4j.metrics.JsonAsserts.integer;
import static org.landcover4j.metrics.JsonAsserts.number;
import static org.landcover4j.metrics.JsonAsserts.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landcover4j.metrics.Cases;
import org.landcover4j.metrics.JsonAsserts;

/** JSON of {@link BoundaryMetrics}: keys, counts and ratios against getters and by hand, nulls, round trip. */
class BoundaryMetricsJsonTest {

    /** BOUNDARY1's geometry: a 6x6 square at rows 2-7 (reference) and 3-8 (prediction), columns 2-7, in 10x10. */
    private static int[][] shiftedSquare() {
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
        return new int[][] {g, p};
    }

    private static void sameClass(BoundaryMetrics.ClassBoundary c, JsonNode o) {
        assertEquals(List.of("value", "reference_boundary_pixels", "predicted_boundary_pixels",
                "boundary_intersection_pixels", "boundary_union_pixels", "boundary_iou", "reference_contour_pixels",
                "reference_matched_pixels", "predicted_contour_pixels", "predicted_matched_pixels",
                "boundary_precision", "boundary_recall", "boundary_f1"), JsonAsserts.keys(o));
        integer(c.value(), o, "value");
        integer(c.referenceBoundary(), o, "reference_boundary_pixels");
        integer(c.predictionBoundary(), o, "predicted_boundary_pixels");
        integer(c.intersection(), o, "boundary_intersection_pixels");
        integer(c.union(), o, "boundary_union_pixels");
        number(c.boundaryIoU(), o, "boundary_iou");
        integer(c.referenceContour(), o, "reference_contour_pixels");
        integer(c.referenceMatched(), o, "reference_matched_pixels");
        integer(c.predictionContour(), o, "predicted_contour_pixels");
        integer(c.predictionMatched(), o, "predicted_matched_pixels");
        number(c.boundaryPrecision(), o, "boundary_precision");
        number(c.boundaryRecall(), o, "boundary_recall");
        number(c.boundaryF1(), o, "boundary_f1");
    }

    @Test
    void shiftedSquareJsonHasCountsRatiosMeansAndNullsForAnAbsentClass() {
        int[][] gp = shiftedSquare();
        // class 2 never occurs: every ratio 0/0
        BoundaryMetrics r = BoundaryAccumulator.builder().classes(0, 1, 2).dilation(1).build()
                .add(gp[0], gp[1], 10, 10).add(gp[0], gp[0], 10, 10).result();
        String text = r.toJson();
        JsonNode j = parse(text);
        assertEquals(List.of("images", "mean_boundary_iou", "mean_boundary_f1", "defined_iou_classes",
                "defined_f1_classes", "classes"), JsonAsserts.keys(j));
        integer(2, j, "images");
        JsonNode cls = get(j, "classes");
        assertEquals(3, cls.size());
        for (int i = 0; i < 3; i++) {
            sameClass(r.classes().get(i), cls.get(i));
        }
        // by hand (d = 1): each ring has 36 - 16 = 20 pixels, the shifted pair shares 10, the identical pair 20
        JsonNode one = cls.get(1);
        integer(40, one, "reference_boundary_pixels");
        integer(40, one, "predicted_boundary_pixels");
        integer(30, one, "boundary_intersection_pixels");
        integer(50, one, "boundary_union_pixels");
        assertEquals(30.0 / 50, get(one, "boundary_iou").asDouble(), 1e-15);
        JsonNode two = cls.get(2);
        integer(0, two, "boundary_union_pixels");
        for (String k : List.of("boundary_iou", "boundary_precision", "boundary_recall", "boundary_f1")) {
            assertTrue(get(two, k).isNull(), k + " of an absent class: " + two);
        }
        number(r.meanBoundaryIoU(), j, "mean_boundary_iou");
        number(r.meanBoundaryF1(), j, "mean_boundary_f1");
        integer(2, j, "defined_iou_classes");
        integer(2, j, "defined_f1_classes");
        double iou0 = r.classes().get(0).boundaryIoU();
        assertEquals((iou0 + 0.6) / 2, get(j, "mean_boundary_iou").asDouble(), 1e-15, "mean over defined classes");
    }

    @Test
    void wholeImageOfOneClassHasNoContourSoF1IsNull() {
        int[] all = new int[100];
        BoundaryMetrics r = BoundaryAccumulator.builder().dilation(1).build().add(all, all, 10, 10).result();
        JsonNode c = get(parse(r.toJson()), "classes").get(0);
        integer(36, c, "reference_boundary_pixels");
        number(1.0, c, "boundary_iou");
        assertTrue(get(c, "boundary_f1").isNull(), c.toString());
        JsonNode j = parse(r.toJson());
        assertTrue(get(j, "mean_boundary_f1").isNull());
        integer(0, j, "defined_f1_classes");
        var empty = BoundaryAccumulator.builder().classes(4).build().result();
        JsonNode e = parse(empty.toJson());
        integer(0, e, "images");
        assertTrue(get(e, "mean_boundary_iou").isNull() && get(e, "mean_boundary_f1").isNull(), e.toString());
    }

    @Test
    void roundTripGivesEqualMetricsAndTheSameText() {
        int[][] gp = shiftedSquare();
        List<BoundaryMetrics> cases = List.of(
                BoundaryAccumulator.builder().classes(0, 1, 2).dilation(1).build().add(gp[0], gp[1], 10, 10).result(),
                BoundaryAccumulator.builder().dilation(2).tolerance(1.5).build().add(gp[0], gp[1], 10, 10).result(),
                BoundaryAccumulator.builder().classes(4).build().result());
        for (BoundaryMetrics m : cases) {
            String text = m.toJson();
            BoundaryMetrics back = BoundaryMetrics.fromJson(text);
            assertEquals(m, back, text);
            assertEquals(m.hashCode(), back.hashCode());
            assertEquals(text, back.toJson());
            assertEquals(m.toString(), back.toString());
        }
        assertNotEquals(cases.get(0), cases.get(1));
    }

    @Test
    void readingRejectsInconsistentOrMissingCountsNamingTheField() {
        int[][] gp = shiftedSquare();
        String text = BoundaryAccumulator.builder().dilation(1).build().add(gp[0], gp[1], 10, 10).result().toJson();
        ObjectNode o = (ObjectNode) parse(text);
        ((ObjectNode) o.get("classes").get(1)).put("boundary_intersection_pixels", 21);
        var e = assertThrows(IllegalArgumentException.class, () -> BoundaryMetrics.fromJson(o.toString()));
        assertTrue(e.getMessage().contains("classes[1]") && e.getMessage().contains("21"), e.getMessage());
        ObjectNode o2 = (ObjectNode) parse(text);
        ((ObjectNode) o2.get("classes").get(0)).remove("predicted_matched_pixels");
        var e2 = assertThrows(IllegalArgumentException.class, () -> BoundaryMetrics.fromJson(o2.toString()));
        assertTrue(e2.getMessage().contains("classes[0].predicted_matched_pixels"), e2.getMessage());
        ObjectNode o3 = (ObjectNode) parse(text);
        ((ObjectNode) o3.get("classes").get(0)).put("reference_contour_pixels", -3);
        var e3 = assertThrows(IllegalArgumentException.class, () -> BoundaryMetrics.fromJson(o3.toString()));
        assertTrue(e3.getMessage().contains("-3"), e3.getMessage());
        ObjectNode o4 = (ObjectNode) parse(text);
        ((ObjectNode) o4.get("classes").get(1)).put("value", 0);
        var e4 = assertThrows(IllegalArgumentException.class, () -> BoundaryMetrics.fromJson(o4.toString()));
        assertTrue(e4.getMessage().contains("repeats class 0"), e4.getMessage());
    }

    @Test
    void boundary1JsonMatchesReferenceCase() {
        JsonNode c = Cases.byId("BOUNDARY1_BOUNDARY_IOU");
        int[] gt = flat(Cases.intMatrix(c.get("gt")));
        int[] pred = flat(Cases.intMatrix(c.get("pred")));
        for (int d : new int[] {1, 2}) {
            JsonNode x = c.get("expected").get("d=" + d);
            JsonNode k = get(parse(BoundaryAccumulator.builder().classes(1).dilation(d).build()
                    .add(gt, pred, 10, 10).result().toJson()), "classes").get(0);
            integer(x.get("boundary_gt_pixels").asLong(), k, "reference_boundary_pixels");
            integer(x.get("boundary_pred_pixels").asLong(), k, "predicted_boundary_pixels");
            integer(x.get("intersection").asLong(), k, "boundary_intersection_pixels");
            integer(x.get("union").asLong(), k, "boundary_union_pixels");
            assertEquals(x.get("boundary_iou").asDouble(), get(k, "boundary_iou").asDouble(), 1e-12, "d=" + d);
        }
    }

    private static int[] flat(int[][] m) {
        int w = m[0].length;
        int[] out = new int[m.length * w];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * w, w);
        }
        return out;
    }
}
