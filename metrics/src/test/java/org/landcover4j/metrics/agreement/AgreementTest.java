package org.landcover4j.metrics.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.core.testing.SharedData;
import org.landcover4j.metrics.consensus.Annotations;

class AgreementTest {
    private static final double EXACT = 1e-9;
    private static final double NAN = Double.NaN;

    /** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders, 12 units, missing. */
    private static final double[][] KRIPPENDORFF_2011 = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3},
        {NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN},
    };

    @Test
    void agree1FleissKappaStatsmodelsFleissAndRandolphMatchReference() throws IOException {
        JsonNode c = null;
        for (JsonNode n : new ObjectMapper().readTree(SharedData.require("reference/metrics_cases.json").toFile())
                .get("agreement_and_other_cases")) {
            if (n.get("id").asText().equals("AGREE1_FLEISS_KAPPA")) {
                c = n;
            }
        }
        JsonNode t = c.get("table_subjects_x_categories");
        long[][] table = new long[t.size()][];
        for (int i = 0; i < table.length; i++) {
            table[i] = new long[t.get(i).size()];
            for (int j = 0; j < table[i].length; j++) {
                table[i][j] = t.get(i).get(j).asLong();
            }
        }
        FleissKappa f = FleissKappa.of(table);
        JsonNode e = c.get("expected");
        assertEquals(e.get("fleiss_kappa").asDouble(), f.kappa(), EXACT);
        assertEquals(e.get("statsmodels_fleiss").asDouble(), f.kappa(), EXACT);
        assertEquals(e.get("statsmodels_randolph").asDouble(), f.randolphKappa(), EXACT);
        assertEquals(e.get("P_bar").asDouble(), f.observedAgreement(), EXACT);
        assertEquals(e.get("P_e").asDouble(), f.expectedAgreement(), EXACT);
        for (int j = 0; j < 5; j++) {
            assertEquals(e.get("p_j").get(j).asDouble(), f.categoryProportions()[j], EXACT, "p_j " + j);
        }
        for (int i = 0; i < table.length; i++) {
            assertEquals(e.get("P_i").get(i).asDouble(), FleissKappa.subjectAgreement(table[i]), EXACT, "P_i " + i);
        }
        assertEquals(c.get("raters_per_subject").asInt(), f.raters());
        assertEquals(0.210, f.kappa(), 0.0005, "published 0.210 (Fleiss 1971 via Wikipedia)");
    }

    @Test
    void krippendorff2011PublishedExampleAllFourLevelsToPrintedPrecision() {
        assertEquals(0.743, alpha(KrippendorffAlpha.Level.NOMINAL), 0.0005);
        assertEquals(0.815, alpha(KrippendorffAlpha.Level.ORDINAL), 0.0005);
        assertEquals(0.849, alpha(KrippendorffAlpha.Level.INTERVAL), 0.0005);
        assertEquals(0.797, alpha(KrippendorffAlpha.Level.RATIO), 0.0005);
        // full precision from an independent numpy implementation of the same coincidence-matrix formulas
        assertEquals(0.743421052631579, alpha(KrippendorffAlpha.Level.NOMINAL), EXACT);
        assertEquals(0.8491071428571428, alpha(KrippendorffAlpha.Level.INTERVAL), EXACT);
        KrippendorffAlpha k = KrippendorffAlpha.ofRatings(KRIPPENDORFF_2011, KrippendorffAlpha.Level.NOMINAL);
        assertEquals(40, k.pairableValues(), 0.0, "units 1..11 have 40 pairable values (unit 12 has one)");
        assertEquals(11, k.units());
    }

    private static double alpha(KrippendorffAlpha.Level level) {
        return KrippendorffAlpha.ofRatings(KRIPPENDORFF_2011, level).alpha();
    }

    @Test
    void krippendorffFromAnnotationsWithMissingValueEqualsRatingsForm() {
        int missing = 0;
        int[][] coder = new int[4][12];
        for (int c = 0; c < 4; c++) {
            for (int u = 0; u < 12; u++) {
                coder[c][u] = Double.isNaN(KRIPPENDORFF_2011[c][u]) ? missing : (int) KRIPPENDORFF_2011[c][u];
            }
        }
        Annotations.Builder b = Annotations.builder().missingValue(missing).shape(3, 4);
        for (int c = 0; c < 4; c++) {
            b.add("coder " + c, raster(3, 4, coder[c]));
        }
        Annotations an = b.build();
        for (KrippendorffAlpha.Level level : KrippendorffAlpha.Level.values()) {
            assertEquals(alpha(level), KrippendorffAlpha.of(an, level).alpha(), EXACT, level.name());
        }
        assertEquals(KrippendorffAlpha.Level.NOMINAL, KrippendorffAlpha.of(an).level(), "nominal is the default");
    }

    @Test
    void krippendorffCountTableFormEqualsRatingsForm() {
        double[] values = {1, 2, 3, 4, 5};
        long[][] counts = new long[12][5];
        for (double[] coder : KRIPPENDORFF_2011) {
            for (int u = 0; u < 12; u++) {
                if (!Double.isNaN(coder[u])) {
                    counts[u][(int) coder[u] - 1]++;
                }
            }
        }
        for (KrippendorffAlpha.Level level : KrippendorffAlpha.Level.values()) {
            assertEquals(alpha(level), KrippendorffAlpha.ofCounts(counts, values, level).alpha(), EXACT, level.name());
        }
    }

    @Test
    void krippendorffPerfectAgreementIsOneAndNoVariationIsUndefined() {
        double[][] perfect = {{1, 2, 3, 1}, {1, 2, 3, 1}};
        assertEquals(1.0, KrippendorffAlpha.ofRatings(perfect, KrippendorffAlpha.Level.NOMINAL).alpha(), EXACT);
        double[][] constant = {{2, 2, 2}, {2, 2, 2}};
        assertTrue(Double.isNaN(KrippendorffAlpha.ofRatings(constant, KrippendorffAlpha.Level.NOMINAL).alpha()),
                "D_e = 0: undefined");
        double[][] unpaired = {{1, NAN}, {NAN, 2}};
        assertTrue(Double.isNaN(KrippendorffAlpha.ofRatings(unpaired, KrippendorffAlpha.Level.NOMINAL).alpha()),
                "no pairable value: undefined");
    }

    @Test
    void fleissHandComputedTwoRatersTwoCategories() {
        // 4 subjects, 2 raters: agree, agree, disagree, agree. P_i = 1, 1, 0, 1 -> P_bar = 0.75
        // p = (5/8, 3/8) -> P_e = 34/64 -> kappa = (0.75 - 34/64) / (1 - 34/64) = 14/30; Randolph P_e = 1/2 -> 0.5
        long[][] table = {{2, 0}, {0, 2}, {1, 1}, {2, 0}};
        FleissKappa f = FleissKappa.of(table);
        assertEquals(0.75, f.observedAgreement(), EXACT);
        assertEquals(34.0 / 64, f.expectedAgreement(), EXACT);
        assertEquals(14.0 / 30, f.kappa(), EXACT);
        assertEquals(0.5, f.randolphKappa(), EXACT);
    }

    @Test
    void fleissOneCategoryIsUndefined() {
        FleissKappa f = FleissKappa.of(new long[][] {{3, 0}, {3, 0}});
        assertTrue(Double.isNaN(f.kappa()), f.toString());
        assertEquals(1.0, f.observedAgreement(), EXACT);
    }

    @Test
    void fleissRejectsUnequalRaterCountsNamingTheRow() {
        var e = assertThrows(IllegalArgumentException.class, () -> FleissKappa.of(new long[][] {{2, 1}, {1, 1}}));
        assertTrue(e.getMessage().contains("row 1 has 2 ratings, row 0 has 3"), e.getMessage());
    }

    @RepeatedTest(5)
    void fleissAndAlphaFromRastersEqualTheTableFormsOnRandomData(RepetitionInfo rep) {
        Gen g = Gen.seeded(600 + rep.getCurrentRepetition());
        int h = g.between(1, 30);
        int w = g.between(1, 30);
        int n = g.between(2, 5);
        int[][] labels = new int[n][h * w];
        byte[] truth = g.bytes(h * w, 1, 4);
        Annotations.Builder b = Annotations.builder().missingValue(0);
        for (int a = 0; a < n; a++) {
            byte[] l = g.noisyCopy(truth, 0.7, 4);
            for (int p = 0; p < l.length; p++) {
                labels[a][p] = l[p];
            }
            b.add("a" + a, raster(h, w, labels[a]));
        }
        Annotations an = b.build();
        int k = an.classes();
        int[] cls = an.classValues();
        // explicit tables
        java.util.List<long[]> complete = new java.util.ArrayList<>();
        double[][] ratings = new double[n][h * w];
        for (int p = 0; p < h * w; p++) {
            long[] row = new long[k];
            int present = 0;
            for (int a = 0; a < n; a++) {
                int v = labels[a][p];
                ratings[a][p] = v == 0 ? NAN : v;
                if (v != 0) {
                    row[Arrays.binarySearch(cls, v)]++;
                    present++;
                }
            }
            if (present == n) {
                complete.add(row);
            }
        }
        if (!complete.isEmpty()) {
            FleissKappa expected = FleissKappa.of(complete.toArray(long[][]::new));
            FleissKappa actual = FleissKappa.of(an);
            assertEquals(expected.kappa(), actual.kappa(), EXACT, g.toString());
            assertEquals(h * w - complete.size(), actual.excludedSubjects(), g.toString());
        }
        for (KrippendorffAlpha.Level level : KrippendorffAlpha.Level.values()) {
            assertEquals(KrippendorffAlpha.ofRatings(ratings, level).alpha(), KrippendorffAlpha.of(an, level).alpha(),
                    EXACT, level + " " + g);
        }
        // pairwise agreement by brute force
        PixelAgreement pa = PixelAgreement.of(an);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long both = 0;
                long same = 0;
                for (int p = 0; p < h * w; p++) {
                    if (labels[i][p] != 0 && labels[j][p] != 0) {
                        both++;
                        same += labels[i][p] == labels[j][p] ? 1 : 0;
                    }
                }
                assertEquals(both, pa.comparedPixels()[i][j], g.toString());
                assertEquals(both == 0 ? NAN : (double) same / both, pa.agreement(i, j), EXACT, g.toString());
            }
        }
    }

    @Test
    void pixelAgreementOfTwoAnnotationsIsTheirOverallAccuracy() {
        // 10 pixels, 8 equal: the OpenEarthMap-style 80% agreement
        int[] a = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        int[] b = {1, 1, 2, 2, 3, 3, 4, 4, 1, 2};
        PixelAgreement pa = PixelAgreement.of(Annotations.builder().add("first", a).add("second", b).build());
        assertEquals(0.8, pa.mean(), EXACT);
        assertEquals(0.8, pa.agreement(0, 1), EXACT);
        assertEquals(1.0, pa.agreement(1, 1), EXACT);
        assertEquals(10, pa.comparedPixels()[0][1]);
        assertTrue(pa.toString().contains("first vs second: 0.8000 of 10 pixels"), pa.toString());
        AgreementReport r = AgreementReport.of(Annotations.builder().add("first", a).add("second", b).build());
        assertEquals(pa, r.pixelAgreement());
    }

    static ByteRaster raster(int h, int w, int[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, h, w), b);
    }
}
