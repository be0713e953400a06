package org.landcover4j.metrics.roc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** JSON of {@link MultiLabelRoc} and {@link ClassRoc}: keys, values by hand and against getters, nulls, round trip. */
class MultiLabelRocJsonTest {

    /**
     * Class 0: positives 0.9, 0.5, negatives 0.5, 0.1: AUC = 3.5/4, AP = 0.5 * 1 + 0.5 * 2/3. Class 1: only
     * positives, so AUC undefined and AP = 1. Class 2: only negatives, AUC and AP undefined.
     */
    private static MultiLabelRoc handCase() {
        return MultiLabelRocAccumulator.exact(3).add(
                new float[][] {{0.9f, 0.5f, 0.5f, 0.1f}, {0.3f, 0.2f, 0.4f, 0.6f}, {0.1f, 0.2f, 0.3f, 0.4f}},
                new byte[][] {{1, 1, 0, 0}, {1, 1, 1, 1}, {0, 0, 0, 0}}, null).result();
    }

    @Test
    void handCaseJsonHasPerClassCountsAucApDefinedFlagAndMacroMeans() {
        MultiLabelRoc r = handCase();
        JsonNode j = parse(r.toJson());
        assertEquals(List.of("macro_auc", "macro_average_precision", "defined_classes", "classes"),
                JsonAsserts.keys(j));
        JsonNode c0 = get(j, "classes").get(0);
        assertEquals(List.of("class_index", "positives", "negatives", "auc", "average_precision", "defined",
                "reason"), JsonAsserts.keys(c0));
        integer(0, c0, "class_index");
        integer(2, c0, "positives");
        integer(2, c0, "negatives");
        assertEquals(0.875, get(c0, "auc").asDouble(), 1e-15);
        assertEquals(0.5 + 1.0 / 3, get(c0, "average_precision").asDouble(), 1e-15);
        assertTrue(get(c0, "defined").asBoolean());
        assertTrue(get(c0, "reason").isNull());
        JsonNode c1 = get(j, "classes").get(1);
        integer(4, c1, "positives");
        integer(0, c1, "negatives");
        assertTrue(get(c1, "auc").isNull(), c1.toString());
        assertEquals(1.0, get(c1, "average_precision").asDouble(), 0.0);
        assertFalse(get(c1, "defined").asBoolean());
        assertEquals("no negative pixels", get(c1, "reason").asText());
        JsonNode c2 = get(j, "classes").get(2);
        assertTrue(get(c2, "auc").isNull() && get(c2, "average_precision").isNull(), c2.toString());
        assertEquals("no positive pixels", get(c2, "reason").asText());
        assertEquals(0.875, get(j, "macro_auc").asDouble(), 1e-15, "over the one defined class");
        assertEquals((0.5 + 1.0 / 3 + 1.0) / 2, get(j, "macro_average_precision").asDouble(), 1e-15);
        integer(1, j, "defined_classes");
        for (int i = 0; i < 3; i++) {
            ClassRoc c = r.classes().get(i);
            JsonNode o = get(j, "classes").get(i);
            number(c.auc(), o, "auc");
            number(c.averagePrecision(), o, "average_precision");
            assertEquals(c.defined(), get(o, "defined").asBoolean());
            assertEquals(parse(c.toJsonNode().toString()), o, "ClassRoc.toJsonNode is the entry");
        }
        number(r.macroAuc(), j, "macro_auc");
        number(r.macroAveragePrecision(), j, "macro_average_precision");
    }

    @Test
    void noClassDefinedGivesNullMeans() {
        JsonNode j = parse(MultiLabelRocAccumulator.exact(2).result().toJson());
        assertTrue(get(j, "macro_auc").isNull() && get(j, "macro_average_precision").isNull(), j.toString());
        integer(0, j, "defined_classes");
    }

    @Test
    void roundTripGivesAnEqualResultAndTheSameText() {
        for (MultiLabelRoc r : List.of(handCase(), MultiLabelRocAccumulator.exact(2).result(),
                MultiLabelRocAccumulator.binned(3, 7).add(
                        new float[][] {{0.9f, 0.5f, 0.5f, 0.1f}, {0.3f, 0.2f, 0.4f, 0.6f}, {0.1f, 0.2f, 0.3f, 0.4f}},
                        new byte[][] {{1, 1, 0, 0}, {1, 0, 1, 0}, {0, 0, 0, 1}}, null).result())) {
            String text = r.toJson();
            MultiLabelRoc back = MultiLabelRoc.fromJson(text);
            assertEquals(r, back, text);
            assertEquals(text, back.toJson());
        }
    }

    @Test
    void readingRejectsContradictionsAndMissingFieldsNamingThem() {
        String text = handCase().toJson();
        ObjectNode o = (ObjectNode) parse(text);
        ((ObjectNode) o.get("classes").get(1)).put("defined", true);
        var e = assertThrows(IllegalArgumentException.class, () -> MultiLabelRoc.fromJson(o.toString()));
        assertTrue(e.getMessage().contains("classes[1].defined") && e.getMessage().contains("no negative pixels"),
                e.getMessage());
        ObjectNode o2 = (ObjectNode) parse(text);
        ((ObjectNode) o2.get("classes").get(2)).remove("auc");
        var e2 = assertThrows(IllegalArgumentException.class, () -> MultiLabelRoc.fromJson(o2.toString()));
        assertTrue(e2.getMessage().contains("classes[2].auc"), e2.getMessage());
        ObjectNode o3 = (ObjectNode) parse(text);
        ((ObjectNode) o3.get("classes").get(0)).put("positives", 2.5);
        var e3 = assertThrows(IllegalArgumentException.class, () -> MultiLabelRoc.fromJson(o3.toString()));
        assertTrue(e3.getMessage().contains("classes[0].positives") && e3.getMessage().contains("2.5"),
                e3.getMessage());
    }

    @Test
    void auc1JsonMatchesReferenceCase() {
        JsonNode c = Cases.byId("AUC1_MULTILABEL_PER_CLASS");
        double[][] scores = Cases.doubleMatrix(c.get("scores"));
        int[][] targets = Cases.intMatrix(c.get("targets"));
        boolean[] unlabeled = new boolean[scores.length];
        for (int i = 0; i < unlabeled.length; i++) {
            unlabeled[i] = c.get("unlabeled_mask").get(i).asInt() != 0;
        }
        JsonNode e = c.get("expected");
        JsonNode j = parse(MultiLabelRocAccumulator.exact(3).addRows(scores, targets, unlabeled).result().toJson());
        double[] auc = Cases.doubles(e.get("per_class_auc"));
        for (int i = 0; i < 3; i++) {
            JsonAsserts.close(auc[i], get(j, "classes").get(i), "auc", 1e-12);
        }
        JsonAsserts.close(e.get("macro_auc_defined_classes").asDouble(), j, "macro_auc", 1e-12);
        integer(2, j, "defined_classes");
    }
}
