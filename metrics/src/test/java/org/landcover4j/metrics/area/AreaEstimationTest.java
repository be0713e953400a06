package org.landcover4j.metrics.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landcover4j.metrics.Cases.close;
import static org.landcover4j.metrics.Cases.doubles;
import static org.landcover4j.metrics.Cases.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.landcover4j.metrics.Cases;
import org.landcover4j.metrics.Pontius;

/** Olofsson et al. 2014 (Table 8, from metrics_cases.json and inline) and Stehman 2014 (paper example, inline). */
class AreaEstimationTest {

    private static final long[][] TABLE8 = {{66, 0, 5, 4}, {0, 55, 8, 12}, {1, 0, 153, 11}, {2, 1, 9, 313}};
    private static final double[] MAPPED = {200_000, 150_000, 3_200_000, 6_450_000};

    private static double[] values(IntFunction<Estimate> f, int k) {
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = f.apply(i).value();
        }
        return out;
    }

    private static double[] ses(IntFunction<Estimate> f, int k) {
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = f.apply(i).standardError();
        }
        return out;
    }

    private static double[] halfWidths(IntFunction<Estimate> f, int k) {
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = f.apply(i).halfWidth();
        }
        return out;
    }

    @Test
    void olofsson2014Table8FromJsonClosedForm() {
        JsonNode c = Cases.byId("OLOFSSON2014_TABLE8");
        JsonNode e = c.get("expected");
        long[][] counts = Cases.longMatrix(c.get("sample_counts_rows_map_cols_reference"));
        double[] mapped = doubles(c.get("mapped_area_pixels"));
        double ha = c.get("pixel_area_ha").asDouble();
        var est = StratifiedEstimator.olofsson(counts, mapped, ha, EstimationOptions.defaults());
        double tol = 1e-9;
        close(num(e.get("overall_accuracy")), est.overallAccuracy().value(), tol, "OA");
        close(num(e.get("SE_overall_accuracy")), est.overallAccuracy().standardError(), tol, "SE OA");
        close(doubles(e.get("users_accuracy")), values(est::usersAccuracy, 4), tol, "UA");
        close(doubles(e.get("SE_users_accuracy")), ses(est::usersAccuracy, 4), tol, "SE UA");
        close(doubles(e.get("producers_accuracy")), values(est::producersAccuracy, 4), tol, "PA");
        close(doubles(e.get("SE_producers_accuracy")), ses(est::producersAccuracy, 4), tol, "SE PA (eq. 7, i != j)");
        close(doubles(e.get("area_proportion")), values(est::areaProportion, 4), tol, "area proportion");
        close(doubles(e.get("SE_area_proportion")), ses(est::areaProportion, 4), tol, "SE area proportion");
        close(doubles(e.get("area_ha")), values(est::area, 4), 1e-6, "area ha");
        close(doubles(e.get("SE_area_ha")), ses(est::area, 4), 1e-6, "SE area ha");
        double[][] p = est.proportionsMapByReference();
        JsonNode pe = Cases.startingWith(e, "estimated_area_proportion_matrix_p_ij");
        for (int i = 0; i < 4; i++) {
            close(doubles(pe.get(i)), p[i], tol, "p_ij row " + i);
        }
        JsonNode ci = e.get("CI95_halfwidth[z=1.96 (paper)]");
        close(num(ci.get("overall_accuracy")), est.overallAccuracy().halfWidth(), tol, "CI OA z=1.96");
        close(doubles(ci.get("users_accuracy")), halfWidths(est::usersAccuracy, 4), tol, "CI UA");
        close(doubles(ci.get("producers_accuracy")), halfWidths(est::producersAccuracy, 4), tol, "CI PA");
        close(doubles(ci.get("area_ha")), halfWidths(est::area, 4), 1e-6, "CI area");
        var exact = StratifiedEstimator.olofsson(counts, mapped, ha, EstimationOptions.defaults().withZ(EstimationOptions.Z_95));
        // the key says 1.959964 but the values were computed with R's exact qnorm(0.975)
        JsonNode ci2 = e.get("CI95_halfwidth[z=1.959964 (qnorm(0.975))]");
        close(num(ci2.get("overall_accuracy")), exact.overallAccuracy().halfWidth(), tol, "CI OA z=1.959964");
        close(doubles(ci2.get("producers_accuracy")), halfWidths(exact::producersAccuracy, 4), tol, "CI PA");
        close(doubles(ci2.get("area_ha")), halfWidths(exact::area, 4), 1e-6, "CI area");
    }

    @Test
    void olofsson2014Table8PublishedRoundedValues() {
        JsonNode pub = Cases.byId("OLOFSSON2014_TABLE8").get("published_values_rounded");
        var est = StratifiedEstimator.olofsson(TABLE8, MAPPED, 0.09,
                EstimationOptions.defaults().withZ(EstimationOptions.Z_95));
        close(num(pub.get("overall_accuracy")), est.overallAccuracy().value(), 1e-7, "OA");
        close(num(pub.get("CI95_halfwidth_overall_accuracy")), est.overallAccuracy().halfWidth(), 1e-8, "OA CI");
        close(doubles(pub.get("users_accuracy")), values(est::usersAccuracy, 4), 1e-7, "UA");
        close(doubles(pub.get("producers_accuracy")), values(est::producersAccuracy, 4), 1e-7, "PA");
        close(doubles(pub.get("CI95_halfwidth_users_accuracy")), halfWidths(est::usersAccuracy, 4), 1e-8, "UA CI");
        close(doubles(pub.get("CI95_halfwidth_producers_accuracy")), halfWidths(est::producersAccuracy, 4), 1e-8,
                "PA CI");
        close(doubles(pub.get("area_ha")), values(est::area, 4), 0.1, "area (printed to 0.1 ha)");
        close(doubles(pub.get("CI95_halfwidth_area_ha")), halfWidths(est::area, 4), 0.01, "area CI");
    }

    @Test
    void pontiusOnEstimatedPopulationMatrix() {
        JsonNode e = Cases.byId("OLOFSSON2014_TABLE8").get("expected").get("pontius_on_estimated_population_matrix");
        Pontius p = StratifiedEstimator.olofsson(TABLE8, MAPPED, 0.09, EstimationOptions.defaults()).pontius();
        close(num(e.get("total_disagreement")), p.total(), 1e-9, "D");
        close(num(e.get("quantity")), p.quantity(), 1e-9, "Q");
        close(num(e.get("allocation")), p.allocation(), 1e-9, "A");
        close(num(e.get("exchange")), p.exchange(), 1e-9, "E");
        close(num(e.get("shift")), p.shift(), 1e-9, "S");
        close(doubles(e.get("per_class_quantity")), p.perClassQuantity(), 1e-9, "q");
        close(doubles(e.get("per_class_allocation")), p.perClassAllocation(), 1e-9, "a");
        close(doubles(e.get("per_class_exchange")), p.perClassExchange(), 1e-9, "e");
        close(doubles(e.get("per_class_shift")), p.perClassShift(), 1e-9, "s");
    }

    /** Inline, always runs: Olofsson 2014 printed values (section 5), z = 1.96. */
    @Test
    void olofsson2014InlinePrintedValues() {
        var est = StratifiedEstimator.olofsson(new int[] {1, 2, 3, 4},
                List.of("Deforestation", "Forest gain", "Stable forest", "Stable non-forest"), TABLE8, MAPPED, 0.09,
                EstimationOptions.defaults());
        assertEquals(0.9465, est.overallAccuracy().value(), 5e-5);
        assertEquals(0.0185, est.overallAccuracy().halfWidth(), 5e-5);
        assertEquals(21_158, est.area(0).value(), 0.5);
        assertEquals(6_158, est.area(0).halfWidth(), 0.5);
        assertEquals(0.75, est.producersAccuracy(0).value(), 5e-3);
        assertEquals(0.21, est.producersAccuracy(0).halfWidth(), 5e-3);
        assertEquals(0.88, est.usersAccuracy(0).value(), 1e-12);
        assertEquals("Deforestation", est.className(0));
        assertTrue(est.toString().contains("Stable non-forest"), est.toString());
    }

    /** Stehman (2014) numerical example: strata A-D differ from map classes; published SEs need the FPC. */
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

    @Test
    void stehman2014PaperExampleWithFinitePopulationCorrection() {
        // expected: mapaccuracy::stehman2014 (R) as asserted by PyMapAccuracy tests/test_stehman2014.py, which match
        // the values printed in Stehman (2014) pp. 4932-4936
        var est = StratifiedEstimator.estimate(stehman2014(), 1.0,
                EstimationOptions.defaults().withFinitePopulationCorrection(true));
        assertEquals(0.35, est.areaProportion(0).value(), 1e-9);
        assertEquals(0.20, est.areaProportion(2).value(), 1e-9);
        assertEquals(0.63, est.overallAccuracy().value(), 1e-9);
        assertEquals(0.5744681, est.usersAccuracy(1).value(), 1e-7);
        assertEquals(0.7941176, est.producersAccuracy(1).value(), 1e-7);
        assertEquals(0.08, est.proportionsMapByReference()[1][2], 1e-9);
        assertEquals(0.0822478, est.areaProportion(0).standardError(), 1e-7);
        assertEquals(0.06427977, est.areaProportion(2).standardError(), 1e-8);
        assertEquals(0.08464219, est.overallAccuracy().standardError(), 1e-8);
        assertEquals(0.1247822, est.usersAccuracy(1).standardError(), 1e-7);
        assertEquals(0.1165479, est.producersAccuracy(1).standardError(), 1e-7);
    }

    @Test
    void stehman2014WithoutCorrectionIsSlightlyLarger() {
        var est = StratifiedEstimator.estimate(stehman2014());
        // numpy, same indicators, no FPC: 0.08465616732800196
        assertEquals(0.08465616732800196, est.overallAccuracy().standardError(), 1e-12);
        assertEquals(0.08225975119502044, est.areaProportion(0).standardError(), 1e-12);
    }

    @Test
    void olofssonEqualsStehmanWithMapClassStrata() {
        var viaOlofsson = StratifiedEstimator.olofsson(TABLE8, MAPPED, 1, EstimationOptions.defaults());
        var b = StratifiedSample.builder();
        for (int i = 0; i < 4; i++) {
            b.stratum("s" + i, MAPPED[i]);
            for (int j = 0; j < 4; j++) {
                b.units("s" + i, i, j, TABLE8[i][j]);
            }
        }
        var viaStehman = StratifiedEstimator.estimate(b.build());
        for (int i = 0; i < 4; i++) {
            assertEquals(viaOlofsson.producersAccuracy(i).standardError(),
                    viaStehman.producersAccuracy(i).standardError(), 1e-15);
        }
    }

    @Test
    void stratumWithoutSamplesIsAnErrorNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> StratifiedSample.builder()
                .stratum("north", 100).stratum("desert", 200).unit("north", 1, 1).unit("north", 1, 2).build());
        assertTrue(e.getMessage().contains("desert"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> StratifiedSample.builder()
                .stratum("north", 100).unit("south", 1, 1).build());
        assertTrue(e2.getMessage().contains("south"), e2.getMessage());
        long[][] counts = {{5, 1}, {0, 0}};
        var e3 = assertThrows(IllegalArgumentException.class, () -> StratifiedEstimator.olofsson(counts,
                new double[] {10, 10}, 1, EstimationOptions.defaults()));
        assertTrue(e3.getMessage().contains("stratum 1"), e3.getMessage());
    }

    @Test
    void fpcWithMoreUnitsThanPopulationIsAnError() {
        var sample = StratifiedSample.builder().stratum("tiny", 2).units("tiny", 1, 1, 3).build();
        var e = assertThrows(IllegalArgumentException.class, () -> StratifiedEstimator.estimate(sample, 1,
                EstimationOptions.defaults().withFinitePopulationCorrection(true)));
        assertTrue(e.getMessage().contains("tiny"), e.getMessage());
    }

    @Test
    void singleUnitStratumGivesNaNStandardErrorNotAnException() {
        var sample = StratifiedSample.builder().stratum("a", 100).stratum("b", 100).unit("a", 1, 1)
                .units("b", 2, 2, 3).unit("b", 2, 1).build();
        var est = StratifiedEstimator.estimate(sample);
        assertEquals(0.5 + 0.5 * 0.75, est.overallAccuracy().value(), 1e-12);
        assertTrue(Double.isNaN(est.overallAccuracy().standardError()));
    }

    @Test
    void classNeverMappedHasNaNUsersAccuracy() {
        var sample = StratifiedSample.builder().stratum("a", 100).units("a", 1, 1, 3).units("a", 1, 2, 2).build();
        var est = StratifiedEstimator.estimate(sample);
        assertTrue(Double.isNaN(est.usersAccuracy(1).value()), "class 2 is never mapped");
        assertEquals(0.0, est.producersAccuracy(1).value(), 1e-12);
        assertEquals(0.4, est.areaProportion(1).value(), 1e-12);
    }
}
