package org.landcover4j.metrics.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.testing.Gen;

/** Hand-verified cases (always run), properties with {@link Gen}, and input validation. */
class ConsensusTest {
    private static final double EXACT = 1e-9;

    static ByteRaster raster(int h, int w, int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, h, w), b);
    }

    static ByteRaster raster(int h, int w, byte[] v) {
        return ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, h, w), v.clone());
    }

    // ------------------------------------------------------------ METRICS.md 3.1 CONSENSUS1, by hand

    /**
     * METRICS.md section 3.1: accuracies 0.92 / 0.75 / 0.60 (sum 2.27). (1,3,3): P(3) = 1.35/2.27 = 0.594714;
     * (1,1,3): 1.67/2.27 = 0.735683; (0,1,2): 0.92/2.27 = 0.405286; (3,0,3): 1.52/2.27 = 0.669604.
     */
    @Test
    void consensus1TableLandCoverNetNormalisedWeightedVoteByHand() {
        ByteRaster a = raster(1, 5, 2, 1, 1, 0, 3);
        ByteRaster b = raster(1, 5, 2, 3, 1, 1, 0);
        ByteRaster c = raster(1, 5, 2, 3, 3, 2, 3);
        Annotations an = Annotations.builder().add("a", a).add("b", b).add("c", c).classes(0, 1, 2, 3).build();
        ConsensusResult r = WeightedVote.of(an, 0.92, 0.75, 0.60);
        assertArrayEquals(new int[] {2, 3, 1, 0, 3}, labels(r));
        double[] top = {1.0, 1.35 / 2.27, 1.67 / 2.27, 0.92 / 2.27, 1.52 / 2.27};
        double[] printed = {1.0, 0.594714, 0.735683, 0.405286, 0.669604};
        int[] score = {100, 59, 74, 41, 67};
        for (int p = 0; p < 5; p++) {
            int l = r.label(0, p);
            assertEquals(top[p], r.posterior(0, p, l), EXACT, "pixel " + p);
            assertEquals(printed[p], r.posterior(0, p, l), 5e-7, "printed table, pixel " + p);
            assertEquals(score[p], r.score(0, p), "uint8 score, pixel " + p);
        }
        assertEquals(0.75 / 2.27, r.posterior(0, 3, 1), EXACT, "(0,1,2): P(1)");
        assertEquals(0.60 / 2.27, r.posterior(0, 3, 2), EXACT, "(0,1,2): P(2)");
        assertEquals(0.0, r.posterior(0, 3, 3), 0.0);
        ByteRaster s = r.scores();
        assertEquals(DataType.UINT8, s.dataType());
        assertEquals(41, s.get(0, 0, 3));
        assertEquals(ConsensusMethod.WEIGHTED_VOTE, r.method());
        assertEquals(0.92, r.annotators().get(0).accuracy(), 0.0);
        assertTrue(r.toString().startsWith("ConsensusResult[method=weighted-vote, size=5x1, classes=[0, 1, 2, 3]"),
                r.toString());
    }

    @Test
    void rastersCarryLabelsScoresPosteriorBandsAndGeoreference() {
        var geo = GeoReference.of(Crs.epsg(32630), GeoTransform.northUp(399960, 1400040, 10));
        RasterMetadata m = RasterMetadata.of(DataType.UINT8, 1, 2, 2).withGeoReference(geo);
        ByteRaster a = ByteRaster.wrap(m, new byte[] {1, 1, 5, 7});
        ByteRaster b = ByteRaster.wrap(m, new byte[] {1, 5, 5, 7});
        ByteRaster c = ByteRaster.wrap(m, new byte[] {1, 5, 7, 5});
        ConsensusResult r = WeightedVote.majority(Annotations.of(a, b, c));
        assertArrayEquals(new int[] {1, 5, 7}, r.classValues());
        ByteRaster label = r.labels();
        assertEquals(Optional.of(geo), label.geoReference());
        assertArrayEquals(new byte[] {1, 5, 5, 7}, label.copyBand(0));
        assertArrayEquals(new byte[] {100, 67, 67, 67}, r.scores().copyBand(0));
        FloatRaster post = r.posterior();
        assertEquals(3, post.bands());
        assertEquals(List.of("class 1", "class 5", "class 7"), post.metadata().bandNames());
        assertEquals(Optional.of(geo), post.geoReference());
        assertEquals(2f / 3, post.get(1, 1, 0), 1e-7);
        assertArrayEquals(new long[] {1, 2, 1}, r.labelCounts());
        long[] hist = r.scoreHistogram();
        assertEquals(1, hist[100]);
        assertEquals(3, hist[67]);
    }

    @Test
    void tiesGoToTheFirstClassInSortedOrder() {
        // two annotators with equal weight disagree: 3 vs 7 -> 3 (crowd-kit idxmax); 7 vs 3 -> 3 as well
        Annotations an = Annotations.builder().add("x", raster(1, 2, 7, 3)).add("y", raster(1, 2, 3, 7)).build();
        ConsensusResult r = WeightedVote.of(an, 0.8, 0.8);
        assertArrayEquals(new int[] {3, 3}, labels(r));
        assertEquals(50, r.score(0, 0));
        assertArrayEquals(new int[] {3, 3}, labels(WeightedVote.majority(an)));
        assertArrayEquals(new int[] {3, 3}, labels(DawidSkene.fit(an, DawidSkene.Options.defaults())));
    }

    @Test
    void missingLabelsRenormaliseOverPresentAnnotatorsAndEmptyPixelsAreFlagged() {
        // missing value 0; pixel 0: only a and b (0.9 vs 0.6) -> P = 0.9/1.5; pixel 1: nobody; pixel 2: all agree
        Annotations an = Annotations.builder()
                .add("a", raster(1, 3, 4, 0, 2))
                .add("b", raster(1, 3, 3, 0, 2))
                .add("c", raster(1, 3, 0, 0, 2))
                .missingValue(0).build();
        ConsensusResult r = WeightedVote.of(an, 0.9, 0.6, 0.3);
        assertArrayEquals(new int[] {2, 3, 4}, an.classValues());
        assertEquals(4, r.label(0, 0));
        assertEquals(0.9 / 1.5, r.posterior(0, 0, 2), EXACT);
        assertEquals(0, r.label(0, 1), "empty pixel gets the missing value");
        assertEquals(0, r.score(0, 1));
        assertTrue(Double.isNaN(r.posterior(0, 1, 0)));
        assertEquals(1, r.emptyPixels());
        assertEquals(100, r.score(0, 2));
        assertEquals(1, r.annotators().get(2).labels(), "c labelled only pixel 2");
        ConsensusResult ds = DawidSkene.fit(an, DawidSkene.Options.defaults());
        assertEquals(0, ds.label(0, 1));
        assertEquals(1, ds.emptyPixels());
    }

    // ------------------------------------------------------------ properties

    @RepeatedTest(10)
    void unanimousPixelsScore100UnderEveryVote(RepetitionInfo rep) {
        Gen g = Gen.seeded(100 + rep.getCurrentRepetition());
        int h = g.between(1, 40);
        int w = g.between(1, 40);
        int n = g.between(2, 6);
        byte[] truth = g.bytes(h * w, 0, 9);
        Annotations.Builder b = Annotations.builder();
        List<byte[]> all = new ArrayList<>();
        double[] acc = new double[n];
        for (int a = 0; a < n; a++) {
            byte[] l = g.noisyCopy(truth, 0.8, 9);
            all.add(l);
            b.add("a" + a, raster(h, w, l));
            acc[a] = 0.05 + 0.95 * g.nextDouble();
        }
        Annotations an = b.build();
        for (ConsensusResult r : List.of(WeightedVote.of(an, acc), WeightedVote.majority(an))) {
            ByteRaster s = r.scores();
            ByteRaster lab = r.labels();
            for (int p = 0; p < h * w; p++) {
                boolean unanimous = true;
                for (byte[] l : all) {
                    unanimous &= l[p] == all.get(0)[p];
                }
                if (unanimous) {
                    assertEquals(100, s.get(0, p / w, p % w), "pixel " + p + " " + g);
                    assertEquals(all.get(0)[p] & 0xFF, lab.get(0, p / w, p % w), g.toString());
                } else {
                    assertTrue(s.get(0, p / w, p % w) < 100, "split pixel " + p + " " + g);
                }
            }
        }
    }

    @RepeatedTest(10)
    void permutingAnnotatorsWithTheirAccuraciesLeavesTheWeightedVoteUnchanged(RepetitionInfo rep) {
        Gen g = Gen.seeded(200 + rep.getCurrentRepetition());
        int h = g.between(1, 30);
        int w = g.between(1, 30);
        int n = g.between(2, 6);
        byte[] truth = g.bytes(h * w, 1, 6);
        byte[][] labels = new byte[n][];
        double[] acc = new double[n];
        for (int a = 0; a < n; a++) {
            labels[a] = g.noisyCopy(truth, 0.6, 6);
            // coarse weights make exact float ties between sums likely
            acc[a] = g.chance(0.5) ? (1 + g.nextInt(10)) / 10.0 : 0.01 + 0.99 * g.nextDouble();
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = g.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        Annotations.Builder b1 = Annotations.builder();
        Annotations.Builder b2 = Annotations.builder();
        double[] acc2 = new double[n];
        for (int a = 0; a < n; a++) {
            b1.add("a" + a, raster(h, w, labels[a]));
            b2.add("a" + perm[a], raster(h, w, labels[perm[a]]));
            acc2[a] = acc[perm[a]];
        }
        ConsensusResult r1 = WeightedVote.of(b1.build(), acc);
        ConsensusResult r2 = WeightedVote.of(b2.build(), acc2);
        assertArrayEquals(r1.labels().copyBand(0), r2.labels().copyBand(0), g + " perm " + Arrays.toString(perm));
        assertArrayEquals(r1.scores().copyBand(0), r2.scores().copyBand(0), g.toString());
        FloatRaster p1 = r1.posterior();
        FloatRaster p2 = r2.posterior();
        for (int k = 0; k < p1.bands(); k++) {
            assertArrayEquals(p1.copyBand(k), p2.copyBand(k), g.toString());
        }
    }

    @RepeatedTest(5)
    void everyModelReturnsTheCommonLabelsWhenAllAnnotatorsAgree(RepetitionInfo rep) {
        Gen g = Gen.seeded(300 + rep.getCurrentRepetition());
        int h = g.between(2, 50);
        int w = g.between(2, 50);
        byte[] truth = g.bytes(h * w, 0, g.between(1, 12));
        int n = g.between(2, 5);
        Annotations.Builder b = Annotations.builder();
        for (int a = 0; a < n; a++) {
            b.add("a" + a, raster(h, w, truth));
        }
        Annotations an = b.build();
        List<ConsensusResult> results = List.of(
                DawidSkene.fit(an, DawidSkene.Options.defaults()),
                DawidSkene.fitOneCoin(an, DawidSkene.Options.defaults()),
                DawidSkene.fit(an, DawidSkene.Options.defaults().withSmoothing(1)),
                Staple.multiLabel(an, Staple.MultiLabelOptions.defaults()),
                WeightedVote.majority(an));
        for (ConsensusResult r : results) {
            assertArrayEquals(truth, r.labels().copyBand(0), r.method() + " " + g);
            assertEquals(0, r.undecidedPixels(), g.toString());
        }
    }

    /** The tuple-aggregated EM equals a plain per-pixel implementation of crowd-kit's algorithm. */
    @RepeatedTest(4)
    void dawidSkeneOnTuplesEqualsPerPixelReference(RepetitionInfo rep) {
        Gen g = Gen.seeded(400 + rep.getCurrentRepetition());
        int h = g.between(5, 40);
        int w = g.between(5, 40);
        int n = g.between(2, 4);
        int maxLabel = g.between(2, 5);
        byte[] truth = g.bytes(h * w, 1, maxLabel);
        Annotations.Builder b = Annotations.builder().missingValue(0);
        int[][] lab = new int[n][h * w];
        for (int a = 0; a < n; a++) {
            byte[] l = g.noisyCopy(truth, 0.5 + 0.1 * a, maxLabel);
            for (int p = 0; p < l.length; p++) {
                if (g.chance(0.05)) {
                    l[p] = 0;
                }
                lab[a][p] = l[p];
            }
            b.add("a" + a, raster(h, w, l));
        }
        Annotations an = b.build();
        DawidSkene.Options opt = DawidSkene.Options.defaults().withMaxIterations(7);
        ConsensusResult r = DawidSkene.fit(an, opt);
        double[][] ref = PerPixelDawidSkene.run(lab, an.classValues(), 7, opt.tolerance());
        for (int p = 0; p < h * w; p++) {
            for (int c = 0; c < an.classes(); c++) {
                double expected = ref[p] == null ? Double.NaN : ref[p][c];
                assertEquals(expected, r.posterior(p / w, p % w, c), 1e-9, "pixel " + p + " class " + c + " " + g);
            }
        }
    }

    // ------------------------------------------------------------ gold labels, smoothing, STAPLE ties

    @Test
    void goldLabelsAreClampedAndTeachDawidSkeneWhichAnnotatorsFlipLabels() {
        // truth alternates 0/1; annotator "good" is right, "flip1" and "flip2" always swap 0 and 1
        int n = 40;
        int[] good = new int[n];
        int[] flip = new int[n];
        int[] gold = new int[n];
        Arrays.fill(gold, Annotations.MISSING);
        for (int p = 0; p < n; p++) {
            good[p] = p % 2;
            flip[p] = 1 - p % 2;
            if (p < 12) {
                gold[p] = p % 2;
            }
        }
        var builder = Annotations.builder().add("good", good).add("flip1", flip).add("flip2", flip.clone());
        ConsensusResult plain = DawidSkene.fit(builder.build(), DawidSkene.Options.defaults());
        assertArrayEquals(flip, labels(plain), "without gold the majority wins");
        ConsensusResult clamped = DawidSkene.fit(builder.gold(gold).build(), DawidSkene.Options.defaults());
        assertArrayEquals(good, labels(clamped), "gold labels reveal that flip1 and flip2 swap the classes");
        for (int p = 0; p < 12; p++) {
            assertEquals(1.0, clamped.posterior(0, p, p % 2), 0.0, "clamped gold pixel " + p);
        }
        assertTrue(clamped.annotators().get(1).probability(0, 1) > 0.99, clamped.toString());
    }

    @Test
    void smoothingKeepsConfusionEntriesAwayFromZeroWherePlainEmDegenerates() {
        // a small lopsided table: class 2 is used once, by one annotator
        int[] a = {0, 0, 1, 1, 0, 1, 0, 1, 2, 0};
        int[] b = {0, 0, 1, 1, 0, 1, 1, 1, 0, 0};
        int[] c = {0, 1, 1, 1, 0, 0, 0, 1, 0, 0};
        Annotations an = Annotations.builder().add("a", a).add("b", b).add("c", c).build();
        ConsensusResult plain = DawidSkene.fit(an, DawidSkene.Options.defaults());
        ConsensusResult smooth = DawidSkene.fit(an, DawidSkene.Options.defaults().withSmoothing(1.0));
        double plainMin = 1;
        double smoothMin = 1;
        for (int w = 0; w < 3; w++) {
            for (int t = 0; t < 3; t++) {
                for (int o = 0; o < 3; o++) {
                    double pv = plain.annotators().get(w).probability(t, o);
                    if (pv > 0) {
                        plainMin = Math.min(plainMin, pv);
                    }
                    smoothMin = Math.min(smoothMin, smooth.annotators().get(w).probability(t, o));
                }
            }
        }
        assertTrue(plainMin < 1e-6, "plain EM reaches (near-)zero confusion entries: " + plainMin + "\n" + plain);
        assertTrue(smoothMin > 1.0 / (10 + 3), "smoothing bounds every entry below by a/(n + K a): " + smoothMin);
        for (int p = 0; p < 10; p++) {
            for (int k = 0; k < 3; k++) {
                double v = smooth.posterior(0, p, k);
                assertTrue(v > 1e-6 && v < 1 - 1e-6, "smoothed posterior strictly inside (0, 1) at " + p);
            }
        }
        assertTrue(smooth.converged());
        assertTrue(Double.isFinite(smooth.logLikelihood()));
    }

    @Test
    void multiLabelStapleWritesTheUndecidedLabelWhenNoClassWins() {
        // (0,0) x3, (1,1) x3, (0,1), (1,0): the vote ties are skipped when seeding, so both raters' matrices say
        // "label k only for true class k", and the mixed pixels get probability 0 for every class: undecided
        int[] a = {0, 0, 0, 1, 1, 1, 0, 1};
        int[] b = {0, 0, 0, 1, 1, 1, 1, 0};
        Annotations an = Annotations.builder().add("a", a).add("b", b).build();
        ConsensusResult dflt = Staple.multiLabel(an, Staple.MultiLabelOptions.defaults());
        assertEquals(2, dflt.undecidedLabel().getAsInt(), "default = max label + 1");
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2}, labels(dflt));
        ConsensusResult r = Staple.multiLabel(an, Staple.MultiLabelOptions.defaults().withUndecidedLabel(255));
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 255, 255}, labels(r));
        assertEquals(2, r.undecidedPixels());
        assertTrue(Double.isNaN(r.posterior(0, 6, 0)), "no class has positive probability");
        assertEquals(0, r.score(0, 6));
        assertEquals(100, r.score(0, 0));
        assertTrue(r.toString().contains("undecided=2"), r.toString());
        // with a rater who sometimes disagrees with the vote, mixed pixels get a real posterior and a winner
        int[] c = {0, 0, 1, 1, 1, 1, 0, 1};
        ConsensusResult three = Staple.multiLabel(Annotations.builder().add("a", a).add("b", b).add("c", c).build(),
                Staple.MultiLabelOptions.defaults());
        assertEquals(0, three.undecidedPixels(), three.toString());
    }

    @Test
    void multiLabelStapleUndecidedLabelMustFitUint8() {
        int[] a = {0, 255};
        int[] b = {0, 255};
        Annotations an = Annotations.builder().add("a", a).add("b", b).build();
        var e = assertThrows(IllegalArgumentException.class,
                () -> Staple.multiLabel(an, Staple.MultiLabelOptions.defaults()));
        assertTrue(e.getMessage().contains("256"), e.getMessage());
        assertArrayEquals(new int[] {0, 255}, labels(Staple.multiLabel(an,
                Staple.MultiLabelOptions.defaults().withUndecidedLabel(254))));
    }

    @Test
    void binaryStapleWithoutForegroundIsAllBackgroundWithUndefinedSensitivity() {
        Annotations an = Annotations.builder().add("a", new int[] {0, 0, 0}).add("b", new int[] {0, 0, 0})
                .classes(0, 1).build();
        ConsensusResult r = Staple.binary(an, Staple.BinaryOptions.foreground(1));
        assertArrayEquals(new int[] {0, 0, 0}, labels(r));
        assertEquals(0.0, r.posterior(0, 0, 1), 0.0);
        assertTrue(Double.isNaN(r.annotators().get(0).probability(1, 1)), "sensitivity undefined without foreground");
    }

    @Test
    void binaryStapleTreatsEveryOtherClassAsBackground() {
        // foreground 5; classes 3 and 7 are background
        Annotations an = Annotations.builder()
                .add("a", new int[] {5, 5, 3, 7, 5, 3})
                .add("b", new int[] {5, 5, 7, 7, 3, 3})
                .add("c", new int[] {5, 3, 3, 3, 5, 7}).build();
        ConsensusResult r = Staple.binary(an, Staple.BinaryOptions.foreground(5));
        assertArrayEquals(new int[] {0, 1}, r.classValues());
        assertArrayEquals(new int[] {1, 1, 0, 0, 1, 0}, labels(r));
        assertEquals(1.0, r.priors()[0] + r.priors()[1], EXACT);
        assertEquals(7.0 / 18, r.priors()[1], EXACT, "g = mean of the masks: 3 + 2 + 2 foreground of 18");
    }

    // ------------------------------------------------------------ expert accuracy

    @Test
    void expertAccuracyIsTheAgreementRateOverExpertPixelsPooledAndPerBlock() {
        // 2x4 grid, blocks of 2x2: left block expert-labelled, right block not (value 0 = none)
        ByteRaster expert = raster(2, 4, 1, 2, 0, 0, 1, 2, 0, 0);
        ByteRaster x = raster(2, 4, 1, 2, 3, 3, 1, 1, 3, 3);   // 3 of 4 expert pixels right
        ByteRaster y = raster(2, 4, 2, 2, 3, 3, 2, 2, 3, 3);   // 2 of 4
        ByteRaster z = raster(2, 4, 1, 2, 3, 3, 1, 2, 3, 3);   // 4 of 4
        Annotations an = Annotations.builder().add("x", x).add("y", y).add("z", z).gold(expert, 0).build();
        ExpertAccuracy acc = ExpertAccuracy.estimate(an, 2);
        assertArrayEquals(new double[] {0.75, 0.5, 1.0}, acc.accuracies(), EXACT);
        assertEquals(4, acc.annotators().get(0).comparedPixels());
        assertEquals(1, acc.annotators().get(0).blocks());
        assertEquals(0.75, acc.annotators().get(0).meanBlockAccuracy(), EXACT);
        ConsensusResult r = WeightedVote.of(an, acc.accuracies());
        assertEquals(3, r.label(0, 2));
        assertTrue(acc.toString().contains("x: accuracy=0.7500 (3 of 4 pixels), mean over 1 blocks=0.7500"),
                acc.toString());
    }

    @Test
    void expertAccuracyFailsForAnAnnotatorWithoutOverlap() {
        ByteRaster expert = raster(1, 4, 1, 2, 0, 0);
        ByteRaster x = raster(1, 4, 1, 2, 3, 3);
        ByteRaster y = raster(1, 4, 0, 0, 3, 3);
        Annotations an = Annotations.builder().add("x", x).add("lazy", y).missingValue(0).gold(expert, 0).build();
        var e = assertThrows(IllegalArgumentException.class, () -> ExpertAccuracy.estimate(an));
        assertTrue(e.getMessage().contains("annotator 2 ('lazy') labelled none of the 2 expert-labelled pixels"),
                e.getMessage());
        Annotations noGold = Annotations.builder().add("x", x).add("y", x).build();
        assertThrows(IllegalArgumentException.class, () -> ExpertAccuracy.estimate(noGold));
    }

    // ------------------------------------------------------------ validation

    @Test
    void rejectsAnnotatorsOfDifferentShapesNamingTheAnnotator() {
        var e = assertThrows(IllegalArgumentException.class, () -> Annotations.builder()
                .add("a.tif", raster(2, 2, 1, 1, 1, 1)).add("b.tif", raster(1, 4, 1, 1, 1, 1)).build());
        assertEquals("annotator 2 ('b.tif') is 4x1 pixels, but annotator 1 ('a.tif') is 2x2", e.getMessage());
    }

    @Test
    void rejectsAccuraciesOutsideZeroOneNamingAnnotatorAndValue() {
        Annotations an = Annotations.builder().add("a", raster(1, 2, 1, 2)).add("b", raster(1, 2, 1, 1)).build();
        for (double bad : new double[] {0.0, -0.1, 1.2, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> WeightedVote.of(an, 0.9, bad));
            assertTrue(e.getMessage().contains("annotator 2 ('b') must be in (0, 1], got " + bad), e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> WeightedVote.of(an, 0.9));
        assertTrue(e.getMessage().contains("got 1 accuracies [0.9] for 2 annotators [a, b]"), e.getMessage());
        WeightedVote.of(an, 1.0, 1.0); // 1 is allowed
    }

    @Test
    void rejectsFewerThanTwoAnnotators() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Annotations.builder().add("only", raster(1, 1, 1)).build());
        assertEquals("consensus and agreement need at least 2 annotators, got 1", e.getMessage());
    }

    @Test
    void rejectsLabelsOutsideTheClassSetNamingAnnotatorValueAndPosition() {
        var e = assertThrows(IllegalArgumentException.class, () -> Annotations.builder()
                .add("a", raster(2, 3, 1, 2, 3, 1, 2, 3)).add("b", raster(2, 3, 1, 2, 3, 1, 9, 3))
                .classes(1, 2, 3).build());
        assertEquals("annotator 2 ('b') has label 9 at row 1, column 1, which is not in the class set [1, 2, 3]",
                e.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> Annotations.builder()
                .add("a", new int[] {1, 2}).add("b", new int[] {1, 2}).gold(new int[] {4, -1}).classes(1, 2).build());
        assertTrue(g.getMessage().startsWith("the gold labels has label 4"), g.getMessage());
        var neg = assertThrows(IllegalArgumentException.class, () -> Annotations.builder()
                .add("a", new int[] {1, -7}).add("b", new int[] {1, 2}).build());
        assertTrue(neg.getMessage().contains("label -7"), neg.getMessage());
    }

    @Test
    void rejectsNonUint8RastersAndAMissingValueInsideTheClassSet() {
        ByteRaster int8 = ByteRaster.wrap(RasterMetadata.of(DataType.INT8, 1, 1, 2), new byte[] {1, 2});
        var e = assertThrows(IllegalArgumentException.class,
                () -> Annotations.builder().add("a", int8).add("b", raster(1, 2, 1, 2)).build());
        assertTrue(e.getMessage().contains("annotator 1 ('a') has int8 samples"), e.getMessage());
        var m = assertThrows(IllegalArgumentException.class, () -> Annotations.builder()
                .add("a", raster(1, 2, 1, 2)).add("b", raster(1, 2, 1, 2)).classes(0, 1, 2).missingValue(0).build());
        assertTrue(m.getMessage().contains("missing value 0 is also in the class set"), m.getMessage());
    }

    @Test
    void optionsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new DawidSkene.Options(0, 1e-5, 0));
        assertThrows(IllegalArgumentException.class, () -> DawidSkene.Options.defaults().withSmoothing(-1));
        assertThrows(IllegalArgumentException.class, () -> Staple.BinaryOptions.foreground(256));
        assertThrows(IllegalArgumentException.class, () -> Staple.MultiLabelOptions.defaults().withPriors(0.5, -1));
        assertEquals(ConsensusMethod.DAWID_SKENE, ConsensusMethod.fromId("dawid-skene"));
        var e = assertThrows(IllegalArgumentException.class, () -> ConsensusMethod.fromId("vote"));
        assertTrue(e.getMessage().contains("weighted-vote"), e.getMessage());
    }

    @Test
    void tuplesAggregateIdenticalLabelCombinationsAndMapEveryPixel() {
        Annotations an = Annotations.builder()
                .add("a", raster(2, 3, 1, 1, 2, 1, 1, 2))
                .add("b", raster(2, 3, 1, 1, 2, 1, 2, 2)).build();
        LabelTuples t = an.tuples();
        assertEquals(3, t.size());
        assertEquals(3, t.count(0), "(1,1) on 3 pixels");
        assertEquals(2, t.count(1), "(2,2) on 2 pixels");
        assertEquals(1, t.count(2), "(1,2) once");
        assertEquals(2, t.tupleOf(4));
        assertFalse(an.hasGold());
        assertTrue(an.toString().contains("tuples=3"), an.toString());
    }

    @Test
    void manyAnnotatorsUseTheGeneralTupleMapAndStillAggregate() {
        // 10 annotators x 200 classes need 80 bits per tuple: falls back to the general hash map
        Gen g = Gen.seeded(7);
        int n = 10;
        Annotations.Builder b = Annotations.builder().classes(range(200));
        byte[] base = g.bytes(500, 0, 199);
        for (int a = 0; a < n; a++) {
            b.add("a" + a, raster(1, 500, base));
        }
        Annotations an = b.build();
        ConsensusResult r = WeightedVote.majority(an);
        assertArrayEquals(base, r.labels().copyBand(0));
        assertTrue(an.tuples().size() <= 200);
    }

    static int[] range(int k) {
        int[] r = new int[k];
        for (int i = 0; i < k; i++) {
            r[i] = i;
        }
        return r;
    }

    static int[] labels(ConsensusResult r) {
        int[] out = new int[r.width() * r.height()];
        for (int p = 0; p < out.length; p++) {
            out[p] = r.label(p / r.width(), p % r.width());
        }
        return out;
    }
}
