package org.landcover4j.metrics.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landcover4j.metrics.JsonAsserts.get;
import static org.landcover4j.metrics.JsonAsserts.integer;
import static org.landcover4j.metrics.JsonAsserts.number;
import static org.landcover4j.metrics.JsonAsserts.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landcover4j.metrics.JsonAsserts;

/** JSON summary of {@link ConsensusResult}: the {@code landcover consensus} keys, values by hand and getters, nulls. */
class ConsensusResultJsonTest {

    /** Every annotator model is written with its numbers, confusion cells null exactly where they are NaN. */
    private static void sameModels(ConsensusResult r, JsonNode j) {
        JsonNode models = get(j, "annotator_models");
        assertEquals(r.annotators().size(), models.size());
        for (int i = 0; i < models.size(); i++) {
            AnnotatorModel m = r.annotators().get(i);
            JsonNode o = models.get(i);
            assertEquals(List.of("name", "labelled_pixels", "accuracy", "agreement_with_consensus",
                    "confusion_true_by_label"), JsonAsserts.keys(o));
            assertEquals(m.name(), get(o, "name").asText());
            integer(m.labels(), o, "labelled_pixels");
            number(m.accuracy(), o, "accuracy");
            number(m.agreement(), o, "agreement_with_consensus");
            double[][] c = m.confusion();
            assertEquals(c.length, get(o, "confusion_true_by_label").size());
            for (int t = 0; t < c.length; t++) {
                JsonAsserts.numbers(c[t], get(o, "confusion_true_by_label").get(t), m.name() + " row " + t);
            }
        }
        JsonAsserts.numbers(r.priors(), get(j, "priors"), "priors");
        JsonAsserts.numbers(r.history(), get(j, "history"), "history");
        long[] hist = r.scoreHistogram();
        assertEquals(101, get(j, "score_histogram").size());
        for (int s = 0; s <= 100; s++) {
            assertEquals(hist[s], get(j, "score_histogram").get(s).asLong(), "score " + s);
        }
    }

    /** METRICS.md 3.1 CONSENSUS1: accuracies 0.92 / 0.75 / 0.60; labels 2, 3, 1, 0, 3; scores 100, 59, 74, 41, 67. */
    @Test
    void weightedVoteSummaryHasTheCommandKeysAndHandValues() {
        Annotations an = Annotations.builder().add("a", new int[] {2, 1, 1, 0, 3}).add("b", new int[] {2, 3, 1, 1, 0})
                .add("c", new int[] {2, 3, 3, 2, 3}).classes(0, 1, 2, 3).build();
        ConsensusResult r = WeightedVote.of(an, 0.92, 0.75, 0.60);
        JsonNode j = parse(r.toJson());
        assertEquals(List.of("method", "width", "height", "annotators", "classes", "iterations", "converged",
                "log_likelihood", "label_pixels", "undecided_pixels", "undecided_label", "empty_pixels", "mean_score",
                "score_100_fraction", "score_histogram", "priors", "annotator_models", "empty_label", "history"),
                JsonAsserts.keys(j));
        assertEquals("weighted-vote", get(j, "method").asText());
        integer(5, j, "width");
        integer(1, j, "height");
        assertEquals("[\"a\",\"b\",\"c\"]", get(j, "annotators").toString());
        assertEquals("[0,1,2,3]", get(j, "classes").toString());
        assertTrue(get(j, "iterations").isNull() && get(j, "converged").isNull(), "votes do not iterate");
        assertTrue(get(j, "log_likelihood").isNull(), "NaN for votes");
        assertEquals("{\"0\":1,\"1\":1,\"2\":1,\"3\":2}", get(j, "label_pixels").toString());
        integer(0, j, "undecided_pixels");
        assertTrue(get(j, "undecided_label").isNull());
        integer(0, j, "empty_pixels");
        assertEquals((100 + 59 + 74 + 41 + 67) / 5.0, get(j, "mean_score").asDouble(), 1e-12);
        assertEquals(0.2, get(j, "score_100_fraction").asDouble(), 1e-15);
        for (int s : new int[] {100, 59, 74, 41, 67}) {
            assertEquals(1, get(j, "score_histogram").get(s).asLong(), "score " + s);
        }
        integer(255, j, "empty_label");
        JsonNode a = get(j, "annotator_models").get(0);
        assertEquals(0.92, get(a, "accuracy").asDouble(), 0.0, "the given weight");
        integer(5, a, "labelled_pixels");
        assertEquals(0.8, get(a, "agreement_with_consensus").asDouble(), 1e-15, "a: 2,1,1,0,3 vs 2,3,1,0,3");
        assertEquals(0.6, get(get(j, "annotator_models").get(2), "agreement_with_consensus").asDouble(), 1e-15,
                "c: 2,3,3,2,3 vs 2,3,1,0,3 agree on pixels 0, 1 and 4");
        assertEquals(0, get(j, "history").size());
        sameModels(r, j);
    }

    @Test
    void stapleSummaryHasIterationsUndecidedLabelAndNullsForUndefinedRates() {
        // multi-label STAPLE writes its undecided label on the mixed pixels (ConsensusTest)
        int[] a = {0, 0, 0, 1, 1, 1, 0, 1};
        int[] b = {0, 0, 0, 1, 1, 1, 1, 0};
        ConsensusResult r = Staple.multiLabel(Annotations.builder().add("a", a).add("b", b).build(),
                Staple.MultiLabelOptions.defaults());
        JsonNode j = parse(r.toJson());
        assertEquals("staple", get(j, "method").asText());
        integer(r.iterations(), j, "iterations");
        assertTrue(get(j, "iterations").asInt() > 0);
        assertEquals(r.converged(), get(j, "converged").asBoolean());
        assertTrue(get(j, "converged").isBoolean());
        number(r.logLikelihood(), j, "log_likelihood");
        integer(2, j, "undecided_pixels");
        integer(2, j, "undecided_label");
        assertEquals("{\"0\":3,\"1\":3}", get(j, "label_pixels").toString());
        // undecided pixels score 0 and count in the histogram
        assertEquals((6 * 100) / 8.0, get(j, "mean_score").asDouble(), 1e-12);
        assertEquals(r.history().length, get(j, "history").size());
        sameModels(r, j);
        // binary STAPLE without foreground: sensitivity 0/0 is null
        ConsensusResult none = Staple.binary(Annotations.builder().add("a", new int[] {0, 0, 0})
                .add("b", new int[] {0, 0, 0}).classes(0, 1).build(), Staple.BinaryOptions.foreground(1));
        JsonNode n = parse(none.toJson());
        JsonNode conf = get(get(n, "annotator_models").get(0), "confusion_true_by_label");
        assertTrue(conf.get(1).get(1).isNull(), conf.toString());
        sameModels(none, n);
    }

    @Test
    void emptyPixelsAndDawidSkeneFit() {
        Annotations an = Annotations.builder().add("a", new int[] {4, 0, 2}).add("b", new int[] {3, 0, 2})
                .add("c", new int[] {0, 0, 2}).missingValue(0).build();
        ConsensusResult vote = WeightedVote.of(an, 0.9, 0.6, 0.3);
        JsonNode v = parse(vote.toJson());
        integer(1, v, "empty_pixels");
        integer(0, v, "empty_label");
        // the empty pixel is not scored: two labelled pixels, scores 60 and 100
        assertEquals(80, get(v, "mean_score").asDouble(), 1e-12);
        assertEquals(0.5, get(v, "score_100_fraction").asDouble(), 1e-15);
        integer(1, get(v, "annotator_models").get(2), "labelled_pixels");
        ConsensusResult ds = DawidSkene.fit(an, DawidSkene.Options.defaults());
        JsonNode d = parse(ds.toJson());
        assertEquals("dawid-skene", get(d, "method").asText());
        integer(ds.iterations(), d, "iterations");
        number(ds.logLikelihood(), d, "log_likelihood");
        assertTrue(get(d, "log_likelihood").isNumber(), "a fitted model has a likelihood");
        assertEquals(ds.iterations(), get(d, "history").size(), "one ELBO per iteration");
        sameModels(ds, d);
    }
}
