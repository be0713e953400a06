package org.landcover4j.metrics.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every consensus case of {@code metrics_cases.json}; test names carry the convention checked. */
class ConsensusReferenceCasesTest {
    private static final double EM = 1e-6;
    private static final double EXACT = 1e-9;

    // ---------------------------------------------------------------- CONSENSUS1

    @Test
    void consensus1LandCoverNetNormalisedWeightedVoteMatchesPosteriorLabelAndScore() {
        JsonNode c = ReferenceCases.consensusCase("CONSENSUS1_LANDCOVERNET_BMA");
        double[] acc = ReferenceCases.doubles(c.get("annotator_accuracy"));
        JsonNode pixels = c.get("pixels");
        int n = acc.length;
        int[][] labels = new int[n][pixels.size()];
        for (int p = 0; p < pixels.size(); p++) {
            int[] l = ReferenceCases.ints(pixels.get(p).get("labels"));
            for (int a = 0; a < n; a++) {
                labels[a][p] = l[a];
            }
        }
        int k = c.get("num_classes").asInt();
        Annotations.Builder b = Annotations.builder().classes(range(k));
        for (int a = 0; a < n; a++) {
            b.add("a" + a, labels[a]);
        }
        ConsensusResult r = WeightedVote.of(b.build(), acc);
        double sumAcc = 0;
        for (double v : acc) {
            sumAcc += v;
        }
        for (int p = 0; p < pixels.size(); p++) {
            JsonNode px = pixels.get(p);
            double[] post = ReferenceCases.doubles(px.get("posterior"));
            double[] unnorm = ReferenceCases.doubles(px.get("unnormalised_score"));
            for (int j = 0; j < k; j++) {
                assertEquals(post[j], r.posterior(0, p, j), EXACT, "posterior, pixel " + p + " class " + j);
                assertEquals(unnorm[j], r.posterior(0, p, j) * sumAcc, EXACT, "unnormalised score, pixel " + p);
            }
            assertEquals(px.get("consensus_label").asInt(), r.label(0, p), "label, pixel " + p);
            double max = 0;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, r.posterior(0, p, j));
            }
            assertEquals(px.get("consensus_score_percent").asDouble(), 100 * max, EXACT, "score %, pixel " + p);
            assertEquals(Math.round(px.get("consensus_score_percent").asDouble()), r.score(0, p), "uint8 score " + p);
        }
    }

    // ---------------------------------------------------------------- CONSENSUS2

    private static Annotations consensus2(JsonNode c) {
        List<String> tasks = new ArrayList<>();
        c.get("tasks").forEach(t -> tasks.add(t.asText()));
        Map<String, int[]> byWorker = new LinkedHashMap<>();
        for (JsonNode a : c.get("annotations")) {
            int[] l = byWorker.computeIfAbsent(a.get("worker").asText(), w -> {
                int[] x = new int[tasks.size()];
                java.util.Arrays.fill(x, Annotations.MISSING);
                return x;
            });
            l[tasks.indexOf(a.get("task").asText())] = a.get("label").asInt();
        }
        Annotations.Builder b = Annotations.builder();
        byWorker.forEach(b::add);
        return b.build();
    }

    @Test
    void consensus2DawidSkeneMatchesCrowdKit141NumpyReference() {
        JsonNode c = ReferenceCases.consensusCase("CONSENSUS2_DAWID_SKENE");
        Annotations an = consensus2(c);
        assertEquals(List.of("w0", "w1", "w2", "w3"), an.names());
        ConsensusResult r = DawidSkene.fit(an, DawidSkene.Options.defaults());
        JsonNode e = c.get("expected").get("numpy_reference");
        assertPosterior(ReferenceCases.matrix(e.get("probas")), r, EM);
        assertLabels(ReferenceCases.ints(e.get("labels")), r);
        assertArrayEquals(ReferenceCases.doubles(e.get("priors")), r.priors(), EM, "priors");
        assertEquals(e.get("iterations").asInt(), r.iterations(), "iterations");
        assertArrayEquals(ReferenceCases.doubles(e.get("loss_history")), r.history(), EM, "loss history (ELBO/len)");
        assertTrue(r.converged());
        JsonNode errors = e.get("errors_worker_observed_true");
        for (int w = 0; w < 4; w++) {
            double[][] expected = ReferenceCases.matrix(errors.get(w)); // [observed][true]
            AnnotatorModel m = r.annotators().get(w);
            for (int obs = 0; obs < 3; obs++) {
                for (int t = 0; t < 3; t++) {
                    assertEquals(expected[obs][t], m.probability(t, obs), EM, "errors w" + w + " obs " + obs + " true " + t);
                }
            }
        }
        // crowd-kit's own run: same labels, probas equal up to its in-place 1e-10 clipping
        JsonNode ck = c.get("expected").get("crowdkit_1_4_1_run");
        assertLabels(ReferenceCases.ints(ck.get("labels")), r);
        assertPosterior(ReferenceCases.matrix(ck.get("probas")), r, EM);
        assertEquals(ck.get("iterations").asInt(), r.iterations());
    }

    @Test
    void consensus2MajorityVoteMatchesCrowdKitIdxmaxTieRuleAndSkills() {
        JsonNode c = ReferenceCases.consensusCase("CONSENSUS2_DAWID_SKENE");
        ConsensusResult r = WeightedVote.majority(consensus2(c));
        JsonNode e = c.get("expected").get("majority_vote");
        assertPosterior(ReferenceCases.matrix(e.get("probas")), r, EXACT);
        assertLabels(ReferenceCases.ints(e.get("labels")), r);
        double[] skills = ReferenceCases.doubles(e.get("worker_skills_vs_mv"));
        for (int w = 0; w < 4; w++) {
            assertEquals(skills[w], r.annotators().get(w).accuracy(), EXACT, "skill vs MV, w" + w);
        }
    }

    @Test
    void consensus2OneCoinDawidSkeneMatchesCrowdKit141() {
        JsonNode c = ReferenceCases.consensusCase("CONSENSUS2_DAWID_SKENE");
        ConsensusResult r = DawidSkene.fitOneCoin(consensus2(c), DawidSkene.Options.defaults());
        JsonNode e = c.get("expected").get("one_coin_dawid_skene");
        assertPosterior(ReferenceCases.matrix(e.get("probas")), r, EM);
        assertLabels(ReferenceCases.ints(e.get("labels")), r);
        double[] skills = ReferenceCases.doubles(e.get("skills"));
        for (int w = 0; w < 4; w++) {
            assertEquals(skills[w], r.annotators().get(w).accuracy(), EM, "skill w" + w);
        }
    }

    // ---------------------------------------------------------------- CONSENSUS3 / CONSENSUS4 binary

    private static Annotations masks(List<int[]> masks, int height, int width) {
        Annotations.Builder b = Annotations.builder().shape(height, width);
        for (int i = 0; i < masks.size(); i++) {
            b.add("rater " + i, masks.get(i));
        }
        return b.build();
    }

    @Test
    void consensus3BinaryStapleItkAlgorithmMatchesProbabilityPqAndIterations() {
        JsonNode c = ReferenceCases.consensusCase("CONSENSUS3_BINARY_MASKS");
        List<int[]> masks = new ArrayList<>();
        JsonNode first = null;
        for (var it = c.get("masks").fields(); it.hasNext(); ) {
            var f = it.next();
            masks.add(ReferenceCases.grid(f.getValue()));
            first = f.getValue();
        }
        int h = first.size();
        int w = first.get(0).size();
        ConsensusResult r = Staple.binary(masks(masks, h, w), Staple.BinaryOptions.foreground(1));
        JsonNode e = c.get("expected").get("staple_binary_numpy_ITK_algorithm");
        assertBinaryStaple(r, ReferenceCases.grid(e.get("probability")), e.get("probability"),
                ReferenceCases.grid(e.get("mask_at_0_5")), ReferenceCases.doubles(e.get("sensitivity_p")),
                ReferenceCases.doubles(e.get("specificity_q")), e.get("elapsed_iterations_itk_convention").asInt(), w);
    }

    @Test
    void consensus4BinaryStapleMatchesItk521() {
        JsonNode c = ReferenceCases.consensusCase("CONSENSUS4_STAPLE").get("binary");
        List<int[]> masks = new ArrayList<>();
        for (JsonNode m : c.get("masks")) {
            masks.add(ReferenceCases.grid(m));
        }
        JsonNode m0 = c.get("masks").get(0);
        int h = m0.size();
        int w = m0.get(0).size();
        ConsensusResult r = Staple.binary(masks(masks, h, w), Staple.BinaryOptions.foreground(1));
        JsonNode e = c.get("expected");
        assertBinaryStaple(r, null, e.get("probability"), ReferenceCases.grid(e.get("mask_W_gt_0_5")),
                ReferenceCases.doubles(e.get("sensitivity")), ReferenceCases.doubles(e.get("specificity")),
                e.get("itk_elapsed_iterations").asInt(), w);
    }

    private static void assertBinaryStaple(ConsensusResult r, int[] unused, JsonNode prob, int[] mask, double[] p,
                                           double[] q, int itkIterations, int w) {
        for (int row = 0; row < prob.size(); row++) {
            for (int col = 0; col < w; col++) {
                assertEquals(prob.get(row).get(col).asDouble(), r.posterior(row, col, 1), EM,
                        "W at row " + row + " col " + col);
                assertEquals(mask[row * w + col], r.label(row, col), "mask at row " + row + " col " + col);
            }
        }
        for (int a = 0; a < p.length; a++) {
            AnnotatorModel m = r.annotators().get(a);
            assertEquals(p[a], m.probability(1, 1), EM, "sensitivity p of rater " + a);
            assertEquals(q[a], m.probability(0, 0), EM, "specificity q of rater " + a);
        }
        assertEquals(itkIterations, r.iterations() - 1, "ITK ElapsedIterations = passes - 1");
        assertTrue(r.converged());
    }

    // ---------------------------------------------------------------- CONSENSUS4 multi-label

    private static Annotations raters(JsonNode raters) {
        Annotations.Builder b = Annotations.builder();
        int h = raters.get(0).size();
        int w = raters.get(0).get(0).size();
        b.shape(h, w);
        for (int i = 0; i < raters.size(); i++) {
            b.add("rater " + i, ReferenceCases.grid(raters.get(i)));
        }
        return b.build();
    }

    @Test
    void consensus4MultiLabelStapleMatchesItk521ConfusionMatricesPriorsAndOutput() {
        JsonNode c = ReferenceCases.consensusCase("CONSENSUS4_STAPLE").get("multilabel");
        Annotations an = raters(c.get("raters"));
        ConsensusResult r = Staple.multiLabel(an, Staple.MultiLabelOptions.defaults());
        JsonNode e = c.get("expected");
        int[] out = ReferenceCases.grid(e.get("output"));
        int w = an.width();
        for (int p = 0; p < out.length; p++) {
            assertEquals(out[p], r.label(p / w, p % w), "output pixel " + p);
        }
        double[] prior = ReferenceCases.doubles(e.get("prior"));
        int k = an.classes();
        assertEquals(3, k);
        assertArrayEquals(java.util.Arrays.copyOf(prior, k), r.priors(), EXACT, "pooled priors");
        assertEquals(0.0, prior[k], "ITK's extra prior entry for the undecided label");
        double[][][] itk = Staple.itkConfusion(r);
        JsonNode cms = e.get("confusion_matrices_rows_observed_cols_true");
        for (int a = 0; a < cms.size(); a++) {
            double[][] expected = ReferenceCases.matrix(cms.get(a));
            for (int obs = 0; obs < k; obs++) {
                assertArrayEquals(expected[obs], itk[a][obs], EM, "rater " + a + " observed " + obs);
            }
            assertArrayEquals(new double[k], expected[k], 0.0, "ITK's undecided observation row is all zero");
        }
        assertEquals(3, r.undecidedLabel().getAsInt(), "undecided = max label + 1");
        assertEquals(e.get("elapsed_iterations").asInt(), r.iterations() - 1,
                "ITK 5.2.1 reports the 0-based index of the last pass");
        assertTrue(r.converged());
    }

    @Test
    void consensus4MultiLabelStapleVotingTieSeedingSkippedAsAfterItkPr6579() {
        JsonNode c = ReferenceCases.consensusCase("CONSENSUS4_STAPLE").get("multilabel_voting_tie");
        Annotations an = raters(c.get("raters"));
        ConsensusResult r = Staple.multiLabel(an, Staple.MultiLabelOptions.defaults());
        int w = an.width();
        int[] after = ReferenceCases.grid(c.get("expected_after_itk_pr_6579"));
        int[] before = ReferenceCases.grid(c.get("expected_itk_5_2"));
        for (int p = 0; p < after.length; p++) {
            assertEquals(after[p], r.label(p / w, p % w), "pixel " + p);
            assertEquals(before[p], r.label(p / w, p % w), "pixel " + p + " (ITK 5.2 gives the same labels here)");
        }
    }

    // ---------------------------------------------------------------- helpers

    static int[] range(int k) {
        int[] r = new int[k];
        for (int i = 0; i < k; i++) {
            r[i] = i;
        }
        return r;
    }

    private static void assertPosterior(double[][] expected, ConsensusResult r, double tol) {
        for (int t = 0; t < expected.length; t++) {
            for (int c = 0; c < expected[t].length; c++) {
                assertEquals(expected[t][c], r.posterior(0, t, c), tol, "posterior of task " + t + " class " + c);
            }
        }
    }

    private static void assertLabels(int[] expected, ConsensusResult r) {
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], r.label(0, t), "label of task " + t);
        }
    }
}
