package org.landcover4j.metrics.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.landcover4j.metrics.JsonAsserts;
import org.landcover4j.metrics.consensus.Annotations;

/** JSON of {@link AgreementReport}: the {@code landcover agreement} keys, values by hand, nulls, round trip. */
class AgreementReportJsonTest {

    /**
     * Three annotators, four pixels, classes 1 and 2. Pairs: a-b agree on 3 of 4, a-c on 3, b-c on 2; mean 2/3.
     * Fleiss: per-pixel counts (3,0), (2,1), (0,3), (1,2): P_i = 1, 1/3, 1, 1/3, P_bar = 2/3, p = (1/2, 1/2),
     * P_e = 1/2, kappa = (2/3 - 1/2) / (1/2) = 1/3 (Randolph the same with k = 2). Krippendorff nominal:
     * coincidences o_11 = 4, o_12 = o_21 = 2, o_22 = 4, n = 12: D_o = 4/12, D_e = 72/132, alpha = 1 - 11/18 = 7/18.
     */
    private static Annotations hand() {
        return Annotations.builder().add("a", new int[] {1, 1, 2, 2}).add("b", new int[] {1, 2, 2, 2})
                .add("c", new int[] {1, 1, 2, 1}).build();
    }

    @Test
    void handCaseJsonHasTheCommandKeysAndHandComputedValues() {
        AgreementReport r = AgreementReport.of(hand());
        JsonNode j = parse(r.toJson());
        // the keys of landcover agreement --json (minus pixels and classes, which describe the rasters), then more
        assertEquals(List.of("annotators", "pixel_agreement", "pairs", "fleiss_kappa", "fleiss_pixels",
                "fleiss_excluded_pixels", "randolph_kappa", "krippendorff_alpha", "krippendorff_level",
                "fleiss_raters", "fleiss_observed_agreement", "fleiss_expected_agreement",
                "fleiss_category_proportions", "krippendorff_observed_disagreement",
                "krippendorff_expected_disagreement", "krippendorff_pairable_values", "krippendorff_units",
                "pixel_agreement_matrix", "compared_pixels_matrix"), JsonAsserts.keys(j));
        assertEquals("[\"a\",\"b\",\"c\"]", get(j, "annotators").toString());
        assertEquals(2.0 / 3, get(j, "pixel_agreement").asDouble(), 1e-15);
        JsonNode pairs = get(j, "pairs");
        assertEquals(3, pairs.size());
        double[] agree = {0.75, 0.75, 0.5};
        String[][] names = {{"a", "b"}, {"a", "c"}, {"b", "c"}};
        for (int p = 0; p < 3; p++) {
            JsonNode x = pairs.get(p);
            assertEquals(List.of("a", "b", "agreement", "pixels"), JsonAsserts.keys(x));
            assertEquals(names[p][0], get(x, "a").asText());
            assertEquals(names[p][1], get(x, "b").asText());
            assertEquals(agree[p], get(x, "agreement").asDouble(), 1e-15, "pair " + p);
            integer(4, x, "pixels");
        }
        assertEquals(1.0 / 3, get(j, "fleiss_kappa").asDouble(), 1e-15);
        assertEquals(1.0 / 3, get(j, "randolph_kappa").asDouble(), 1e-15);
        integer(4, j, "fleiss_pixels");
        integer(0, j, "fleiss_excluded_pixels");
        integer(3, j, "fleiss_raters");
        assertEquals(2.0 / 3, get(j, "fleiss_observed_agreement").asDouble(), 1e-15);
        assertEquals(0.5, get(j, "fleiss_expected_agreement").asDouble(), 1e-15);
        JsonAsserts.numbers(new double[] {0.5, 0.5}, get(j, "fleiss_category_proportions"), "p_j");
        assertEquals(7.0 / 18, get(j, "krippendorff_alpha").asDouble(), 1e-15);
        assertEquals("nominal", get(j, "krippendorff_level").asText());
        assertEquals(1.0 / 3, get(j, "krippendorff_observed_disagreement").asDouble(), 1e-15);
        assertEquals(6.0 / 11, get(j, "krippendorff_expected_disagreement").asDouble(), 1e-15);
        number(12, j, "krippendorff_pairable_values");
        integer(4, j, "krippendorff_units");
        JsonAsserts.numbers(new double[] {1, 0.75, 0.75}, get(j, "pixel_agreement_matrix").get(0), "row a");
        assertEquals("[[4,4,4],[4,4,4],[4,4,4]]", get(j, "compared_pixels_matrix").toString());
        // and the same numbers as the getters
        number(r.pixelAgreement().mean(), j, "pixel_agreement");
        number(r.fleiss().kappa(), j, "fleiss_kappa");
        number(r.krippendorff().alpha(), j, "krippendorff_alpha");
    }

    @Test
    void undefinedStatisticsAreNull() {
        // one class only: P_e = 1 (Fleiss undefined), k = 1 (Randolph undefined), no variation (alpha undefined)
        Annotations same = Annotations.builder().add("a", new int[] {3, 3, 3}).add("b", new int[] {3, 3, 3}).build();
        JsonNode j = parse(AgreementReport.of(same).toJson());
        number(1.0, j, "pixel_agreement");
        for (String k : List.of("fleiss_kappa", "randolph_kappa", "krippendorff_alpha")) {
            assertTrue(get(j, k).isNull(), k + ": " + j);
        }
        // two annotators who never label the same pixel (0 = missing): agreement undefined, Fleiss skips all
        Annotations disjoint = Annotations.builder().add("a", new int[] {1, 2, 0, 0}).add("b", new int[] {0, 0, 2, 1})
                .missingValue(0).build();
        JsonNode d = parse(AgreementReport.of(disjoint).toJson());
        assertTrue(get(d, "pixel_agreement").isNull(), d.toString());
        assertTrue(get(get(d, "pairs").get(0), "agreement").isNull(), d.toString());
        integer(0, get(d, "pairs").get(0), "pixels");
        integer(4, d, "fleiss_excluded_pixels");
        integer(0, d, "fleiss_pixels");
        assertTrue(get(d, "pixel_agreement_matrix").get(0).get(1).isNull(), d.toString());
    }

    @Test
    void otherLevelsAreNamedAndRoundTripIsExact() {
        Annotations an = hand();
        List<AgreementReport> cases = List.of(AgreementReport.of(an),
                new AgreementReport(PixelAgreement.of(an), FleissKappa.of(an),
                        KrippendorffAlpha.of(an, KrippendorffAlpha.Level.INTERVAL)),
                AgreementReport.of(Annotations.builder().add("a", new int[] {3, 3, 3}).add("b", new int[] {3, 3, 3})
                        .build()),
                AgreementReport.of(Annotations.builder().add("a", new int[] {1, 2, 0, 0})
                        .add("b", new int[] {0, 0, 2, 1}).missingValue(0).build()));
        assertEquals("interval", get(parse(cases.get(1).toJson()), "krippendorff_level").asText());
        for (AgreementReport r : cases) {
            String text = r.toJson();
            AgreementReport back = AgreementReport.fromJson(text);
            assertEquals(r, back, text);
            assertEquals(text, back.toJson());
        }
    }

    @Test
    void readingRejectsBrokenInputNamingTheField() {
        String text = AgreementReport.of(hand()).toJson();
        ObjectNode o = (ObjectNode) parse(text);
        o.put("krippendorff_level", "cardinal");
        var e = assertThrows(IllegalArgumentException.class, () -> AgreementReport.fromJson(o.toString()));
        assertTrue(e.getMessage().contains("krippendorff_level") && e.getMessage().contains("cardinal"),
                e.getMessage());
        ObjectNode o2 = (ObjectNode) parse(text);
        ((com.fasterxml.jackson.databind.node.ArrayNode) o2.get("compared_pixels_matrix").get(2)).add(4);
        var e2 = assertThrows(IllegalArgumentException.class, () -> AgreementReport.fromJson(o2.toString()));
        assertTrue(e2.getMessage().contains("compared_pixels_matrix[2]"), e2.getMessage());
        ObjectNode o3 = (ObjectNode) parse(text);
        o3.remove("fleiss_raters");
        var e3 = assertThrows(IllegalArgumentException.class, () -> AgreementReport.fromJson(o3.toString()));
        assertTrue(e3.getMessage().contains("fleiss_raters"), e3.getMessage());
    }
}
