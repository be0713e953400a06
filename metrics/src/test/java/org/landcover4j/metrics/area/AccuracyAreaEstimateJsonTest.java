package org.landcover4j.metrics.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landcover4j.metrics.JsonAsserts.get;
import static org.landcover4j.metrics.JsonAsserts.number;
import static org.landcover4j.metrics.JsonAsserts.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landcover4j.metrics.Cases;
import org.landcover4j.metrics.JsonAsserts;
import org.landcover4j.metrics.Pontius;

/** JSON of {@link AccuracyAreaEstimate} and {@link Estimate}: keys, values against getters and by hand, nulls, round trip. */
class AccuracyAreaEstimateJsonTest {

    private static final long[][] TABLE8 = {{66, 0, 5, 4}, {0, 55, 8, 12}, {1, 0, 153, 11}, {2, 1, 9, 313}};
    private static final double[] MAPPED = {200_000, 150_000, 3_200_000, 6_450_000};
    private static final List<String> NAMES = List.of("Deforestation", "Forest gain", "Stable forest",
            "Stable non-forest");

    private static AccuracyAreaEstimate table8(EstimationOptions options) {
        return StratifiedEstimator.olofsson(new int[] {1, 2, 3, 4}, NAMES, TABLE8, MAPPED, 0.09, options);
    }

    /** Every number of an estimate object equals the Java getters (null where they are NaN). */
    private static void sameEstimate(Estimate e, JsonNode o, String what) {
        assertEquals(List.of("value", "standard_error", "half_width", "lower", "upper", "z"), JsonAsserts.keys(o),
                what);
        number(e.value(), o, "value");
        number(e.standardError(), o, "standard_error");
        number(e.halfWidth(), o, "half_width");
        number(e.lower(), o, "lower");
        number(e.upper(), o, "upper");
        number(e.z(), o, "z");
    }

    @Test
    void olofssonTable8JsonHoldsOptionsEstimatesAreasAndPontiusOfTheGetters() {
        AccuracyAreaEstimate est = table8(EstimationOptions.defaults());
        JsonNode j = parse(est.toJson());
        assertEquals(List.of("options", "total_area", "overall_accuracy", "total_disagreement",
                "quantity_disagreement", "allocation_disagreement", "exchange_disagreement", "shift_disagreement",
                "classes", "proportions_map_by_reference", "proportion_standard_errors"), JsonAsserts.keys(j));
        number(1.96, get(j, "options"), "z");
        assertFalse(get(get(j, "options"), "finite_population_correction").asBoolean());
        assertTrue(get(get(j, "options"), "finite_population_correction").isBoolean());
        // 10,000,000 pixels of 0.09 ha
        assertEquals(900_000, get(j, "total_area").asDouble(), 1e-6);
        number(est.totalArea(), j, "total_area");
        sameEstimate(est.overallAccuracy(), get(j, "overall_accuracy"), "OA");
        assertEquals(0.946512, get(get(j, "overall_accuracy"), "value").asDouble(), 5e-7, "Olofsson 2014 OA");
        Pontius p = est.pontius();
        number(p.total(), j, "total_disagreement");
        number(p.quantity(), j, "quantity_disagreement");
        number(p.allocation(), j, "allocation_disagreement");
        number(p.exchange(), j, "exchange_disagreement");
        number(p.shift(), j, "shift_disagreement");
        assertEquals(0.0044932, get(j, "quantity_disagreement").asDouble(), 5e-8, "METRICS.md 2.1 Q");
        assertEquals(0.0534881, get(j, "total_disagreement").asDouble(), 5e-8, "METRICS.md 2.1 D");
        JsonNode classes = get(j, "classes");
        assertEquals(4, classes.size());
        for (int i = 0; i < 4; i++) {
            JsonNode c = classes.get(i);
            assertEquals(i + 1, get(c, "value").asInt());
            assertEquals(NAMES.get(i), get(c, "name").asText());
            sameEstimate(est.usersAccuracy(i), get(c, "users_accuracy"), "UA " + i);
            sameEstimate(est.producersAccuracy(i), get(c, "producers_accuracy"), "PA " + i);
            sameEstimate(est.areaProportion(i), get(c, "area_proportion"), "proportion " + i);
            sameEstimate(est.area(i), get(c, "area"), "area " + i);
            number(p.perClassQuantity()[i], c, "quantity_disagreement");
            number(p.perClassAllocation()[i], c, "allocation_disagreement");
            number(p.perClassExchange()[i], c, "exchange_disagreement");
            number(p.perClassShift()[i], c, "shift_disagreement");
        }
        // by hand: UA of deforestation = 66/75, SE = sqrt(U(1-U)/(n-1)); area = A_tot * sum_i W_i n_i0 / n_i
        JsonNode ua0 = get(classes.get(0), "users_accuracy");
        assertEquals(66.0 / 75, get(ua0, "value").asDouble(), 1e-15);
        assertEquals(Math.sqrt(0.88 * 0.12 / 74), get(ua0, "standard_error").asDouble(), 1e-15);
        assertEquals(0.88 - 1.96 * Math.sqrt(0.88 * 0.12 / 74), get(ua0, "lower").asDouble(), 1e-15);
        double prop0 = 0.02 * 66 / 75 + 0.32 * 1 / 165 + 0.645 * 2 / 325;
        assertEquals(prop0, get(get(classes.get(0), "area_proportion"), "value").asDouble(), 1e-15);
        assertEquals(prop0 * 900_000, get(get(classes.get(0), "area"), "value").asDouble(), 1e-9);
        assertEquals(21_157.76, get(get(classes.get(0), "area"), "value").asDouble(), 0.005, "Olofsson 2014 area");
        assertEquals(0.748661, get(get(classes.get(0), "producers_accuracy"), "value").asDouble(), 5e-7);
        double[][] pm = est.proportionsMapByReference();
        double[][] se = est.proportionStandardErrors();
        for (int i = 0; i < 4; i++) {
            JsonAsserts.numbers(pm[i], get(j, "proportions_map_by_reference").get(i), "p row " + i);
            JsonAsserts.numbers(se[i], get(j, "proportion_standard_errors").get(i), "SE row " + i);
        }
        // rows = MAP class: p_01 = W_0 * n_01 / n_0 = 0 and p_02 = 0.02 * 5 / 75
        assertEquals(0.02 * 5 / 75, get(j, "proportions_map_by_reference").get(0).get(2).asDouble(), 1e-15);
    }

    @Test
    void optionsAreWrittenAsUsed() {
        var est = table8(EstimationOptions.defaults().withZ(EstimationOptions.Z_95));
        JsonNode j = parse(est.toJson());
        number(EstimationOptions.Z_95, get(j, "options"), "z");
        number(EstimationOptions.Z_95, get(j, "overall_accuracy"), "z");
        assertEquals(0.018483, get(get(j, "overall_accuracy"), "half_width").asDouble(), 5e-7, "OA ± at qnorm(0.975)");
        var fpc = StratifiedEstimator.estimate(stehman2014(), 1.0,
                EstimationOptions.defaults().withFinitePopulationCorrection(true));
        JsonNode f = parse(fpc.toJson());
        assertTrue(get(get(f, "options"), "finite_population_correction").asBoolean());
        // Stehman (2014) published SE of OA, matched only with the correction
        assertEquals(0.08464219, get(get(f, "overall_accuracy"), "standard_error").asDouble(), 1e-8);
        assertEquals("A", get(get(f, "classes").get(0), "name").asText());
        assertEquals('A', get(get(f, "classes").get(0), "value").asInt());
    }

    @Test
    void undefinedEstimatesAreNullNotNaN() {
        // class 2 never mapped: user's accuracy 0/0
        var never = StratifiedEstimator.estimate(StratifiedSample.builder().stratum("a", 100).units("a", 1, 1, 3)
                .units("a", 1, 2, 2).build());
        String text = never.toJson();
        JsonNode j = parse(text);
        JsonNode ua = get(get(j, "classes").get(1), "users_accuracy");
        assertTrue(get(ua, "value").isNull(), text);
        assertTrue(get(ua, "lower").isNull() && get(ua, "upper").isNull(), text);
        number(0.4, get(get(j, "classes").get(1), "area_proportion"), "value");
        assertEquals("2", get(get(j, "classes").get(1), "name").asText(), "no names: the value as text");
        // a stratum with one unit: no standard error
        var single = StratifiedEstimator.estimate(StratifiedSample.builder().stratum("a", 100).stratum("b", 100)
                .unit("a", 1, 1).units("b", 2, 2, 3).unit("b", 2, 1).build());
        JsonNode oa = get(parse(single.toJson()), "overall_accuracy");
        assertEquals(0.875, get(oa, "value").asDouble(), 1e-15);
        assertTrue(get(oa, "standard_error").isNull() && get(oa, "half_width").isNull(), oa.toString());
    }

    @Test
    void roundTripGivesAnEqualEstimateAndTheSameText() {
        List<AccuracyAreaEstimate> cases = List.of(table8(EstimationOptions.defaults()),
                table8(EstimationOptions.defaults().withZ(EstimationOptions.Z_95)),
                StratifiedEstimator.estimate(stehman2014(), 0.25,
                        EstimationOptions.defaults().withFinitePopulationCorrection(true)),
                StratifiedEstimator.estimate(StratifiedSample.builder().stratum("a", 100).units("a", 1, 1, 3)
                        .units("a", 1, 2, 2).build()),
                StratifiedEstimator.estimate(StratifiedSample.builder().stratum("a", 100).stratum("b", 100)
                        .unit("a", 1, 1).units("b", 2, 2, 3).unit("b", 2, 1).build()));
        for (AccuracyAreaEstimate e : cases) {
            String text = e.toJson();
            AccuracyAreaEstimate back = AccuracyAreaEstimate.fromJson(text);
            assertEquals(e, back, text);
            assertEquals(text, back.toJson());
            for (int i = 0; i < e.classes().length; i++) {
                assertEquals(e.area(i), back.area(i));
                assertEquals(e.className(i), back.className(i));
            }
            assertEquals(e.pontius(), back.pontius());
        }
        assertNotEquals(cases.get(0), cases.get(1), "z differs");
    }

    @Test
    void readingRejectsBrokenInputNamingTheField() {
        String text = table8(EstimationOptions.defaults()).toJson();
        ObjectNode o = (ObjectNode) parse(text);
        ((ObjectNode) o.get("classes").get(2)).remove("producers_accuracy");
        var e = assertThrows(IllegalArgumentException.class, () -> AccuracyAreaEstimate.fromJson(o.toString()));
        assertTrue(e.getMessage().contains("classes[2].producers_accuracy"), e.getMessage());
        ObjectNode o2 = (ObjectNode) parse(text);
        ((com.fasterxml.jackson.databind.node.ArrayNode) o2.get("proportions_map_by_reference").get(1)).remove(0);
        var e2 = assertThrows(IllegalArgumentException.class, () -> AccuracyAreaEstimate.fromJson(o2.toString()));
        assertTrue(e2.getMessage().contains("proportions_map_by_reference[1]") && e2.getMessage().contains("4"),
                e2.getMessage());
        ObjectNode o3 = (ObjectNode) parse(text);
        ((ObjectNode) o3.get("options")).put("z", -1);
        var e3 = assertThrows(IllegalArgumentException.class, () -> AccuracyAreaEstimate.fromJson(o3.toString()));
        assertTrue(e3.getMessage().contains("options.z") && e3.getMessage().contains("-1"), e3.getMessage());
        ObjectNode o4 = (ObjectNode) parse(text);
        ((ObjectNode) o4.get("classes").get(0).get("users_accuracy")).put("value", "high");
        var e4 = assertThrows(IllegalArgumentException.class, () -> AccuracyAreaEstimate.fromJson(o4.toString()));
        assertTrue(e4.getMessage().contains("classes[0].users_accuracy.value") && e4.getMessage().contains("high"),
                e4.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AccuracyAreaEstimate.fromJson("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> AccuracyAreaEstimate.fromJson("{\"options\": "));
    }

    @Test
    void estimateJsonByHandAndRoundTrip() {
        Estimate e = new Estimate(0.5, 0.1, 2);
        JsonNode j = parse(e.toJson());
        assertEquals(0.2, get(j, "half_width").asDouble(), 1e-15);
        assertEquals(0.3, get(j, "lower").asDouble(), 1e-15);
        assertEquals(0.7, get(j, "upper").asDouble(), 1e-15);
        assertEquals(e, Estimate.fromJson(e.toJson()));
        Estimate undefined = new Estimate(Double.NaN, Double.NaN, 1.96);
        JsonNode u = parse(undefined.toJson());
        assertTrue(get(u, "value").isNull() && get(u, "standard_error").isNull() && get(u, "upper").isNull());
        assertEquals(undefined, Estimate.fromJson(undefined.toJson()));
        var bad = assertThrows(IllegalArgumentException.class,
                () -> Estimate.fromJson("{\"value\": 1, \"standard_error\": -0.5, \"z\": 1.96}"));
        assertTrue(bad.getMessage().contains("-0.5"), bad.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> Estimate.fromJson("{\"value\": 1, \"z\": 2}"));
        assertTrue(missing.getMessage().contains("standard_error"), missing.getMessage());
    }

    /** The shared reference case: the JSON carries the values mapaccuracy/PyMapAccuracy computed. */
    @Test
    void olofsson2014Table8JsonMatchesReferenceCase() {
        JsonNode c = Cases.byId("OLOFSSON2014_TABLE8");
        JsonNode e = c.get("expected");
        var est = StratifiedEstimator.olofsson(Cases.longMatrix(c.get("sample_counts_rows_map_cols_reference")),
                Cases.doubles(c.get("mapped_area_pixels")), c.get("pixel_area_ha").asDouble(),
                EstimationOptions.defaults());
        JsonNode j = parse(est.toJson());
        Cases.close(Cases.num(e.get("overall_accuracy")), get(get(j, "overall_accuracy"), "value").asDouble(), 1e-9,
                "OA");
        Cases.close(Cases.num(e.get("SE_overall_accuracy")),
                get(get(j, "overall_accuracy"), "standard_error").asDouble(), 1e-9, "SE OA");
        double[] ua = Cases.doubles(e.get("users_accuracy"));
        double[] pa = Cases.doubles(e.get("producers_accuracy"));
        double[] seProp = Cases.doubles(e.get("SE_area_proportion"));
        double[] area = Cases.doubles(e.get("area_ha"));
        double[] seArea = Cases.doubles(e.get("SE_area_ha"));
        for (int i = 0; i < 4; i++) {
            JsonNode k = get(j, "classes").get(i);
            Cases.close(ua[i], get(get(k, "users_accuracy"), "value").asDouble(), 1e-9, "UA " + i);
            Cases.close(pa[i], get(get(k, "producers_accuracy"), "value").asDouble(), 1e-9, "PA " + i);
            Cases.close(seProp[i], get(get(k, "area_proportion"), "standard_error").asDouble(), 1e-9, "SE p " + i);
            Cases.close(area[i], get(get(k, "area"), "value").asDouble(), 1e-6, "area " + i);
            Cases.close(seArea[i], get(get(k, "area"), "standard_error").asDouble(), 1e-6, "SE area " + i);
        }
        JsonNode pon = e.get("pontius_on_estimated_population_matrix");
        Cases.close(Cases.num(pon.get("quantity")), get(j, "quantity_disagreement").asDouble(), 1e-9, "Q");
        Cases.close(Cases.num(pon.get("allocation")), get(j, "allocation_disagreement").asDouble(), 1e-9, "A");
        Cases.close(Cases.num(pon.get("exchange")), get(j, "exchange_disagreement").asDouble(), 1e-9, "E");
        Cases.close(Cases.num(pon.get("shift")), get(j, "shift_disagreement").asDouble(), 1e-9, "S");
    }

    private static StratifiedSample stehman2014() {
        String s = "AAAAAAAAAABBBBBBBBBBCCCCCCCCCCDDDDDDDDDD";
        String m = "AAAAAAABBBABBBBBBBBBBBCCCCCCBBDDDDDDDDDD";
        String r = "AAAAACBABCABBBBBAABBCCCCCDDBBADDDDDDDCCB";
        var b = StratifiedSample.builder().classes('A', 'B', 'C', 'D')
                .classNames(List.of("A", "B", "C", "D"))
                .stratum("A", 40_000).stratum("B", 30_000).stratum("C", 20_000).stratum("D", 10_000);
        for (int i = 0; i < 40; i++) {
            b.unit(String.valueOf(s.charAt(i)), m.charAt(i), r.charAt(i));
        }
        return b.build();
    }
}
