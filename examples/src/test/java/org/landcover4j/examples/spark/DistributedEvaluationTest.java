package org.landcover4j.examples.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.arrow.Manifests;
import org.landcover4j.io.png.Png;
import org.landcover4j.io.samples.SampleGenerator;
import org.landcover4j.io.tiff.GeoTiff;
import org.landcover4j.metrics.ConfusionMatrix;

/**
 * The Spark job on {@code local[2]} against the single-machine result (they must be equal), on generated
 * OpenEarthMap (uint8 labels, unlabelled test images) and LandCoverNet (uint16 labels with nodata 0) samples with
 * noisy predictions. One SparkContext for the class.
 */
class DistributedEvaluationTest {

    @TempDir
    static Path dir;
    static JavaSparkContext sc;
    static Path oem;
    static Path lcn;
    static Path oemPredictions;
    static Path lcnPredictions;
    static Gen gen = Gen.seeded(20_251_121L);

    @BeforeAll
    static void setUp() throws IOException {
        oem = SampleGenerator.writeOpenEarthMap(dir.resolve("openearthmap"));
        lcn = SampleGenerator.writeLandCoverNet(dir.resolve("landcovernet"));
        oemPredictions = predictions(oem, dir.resolve("oem-pred"), false);
        lcnPredictions = predictions(lcn, dir.resolve("lcn-pred"), true);
        sc = new JavaSparkContext(DistributedEvaluation.localConf("local[2]"));
        sc.setLogLevel("ERROR");
    }

    @AfterAll
    static void tearDown() {
        if (sc != null) {
            sc.close();
        }
    }

    private static Dataset<?> open(Path root) throws IOException {
        return Datasets.open(root, DatasetOptions.defaults().withWarnings(WarningListener.ignore()));
    }

    /** A prediction for every labelled sample: the label with about a fifth of its pixels changed (seeded). */
    static Path predictions(Path root, Path out, boolean tiff) throws IOException {
        Files.createDirectories(out);
        Dataset<?> ds = open(root);
        for (SampleRef ref : ds.refs()) {
            if (!ref.labelled()) {
                continue;
            }
            Raster label = ds.readLabel(ref).orElseThrow();
            Raster pred;
            if (label instanceof ByteRaster b) {
                byte[] p = gen.noisyCopy(b.copyBand(0), 0.8, 9);
                pred = ByteRaster.wrap(label.metadata().withNodata(List.of(java.util.OptionalDouble.empty())), p);
            } else {
                short[] s = ((ShortRaster) label).copyBand(0);
                for (int i = 0; i < s.length; i++) {
                    if (gen.chance(0.2)) {
                        s[i] = (short) gen.between(0, 8);
                    }
                }
                pred = ShortRaster.wrap(label.metadata(), s);
            }
            if (tiff) {
                GeoTiff.write(out.resolve(ref.id() + ".tif"), pred);
            } else {
                Png.write(out.resolve(ref.id() + ".png"), pred);
            }
        }
        return out;
    }

    static void assertSameResult(DistributedEvaluation.Result expected, DistributedEvaluation.Result actual,
                                 String msg) {
        assertEquals(expected.dataset(), actual.dataset(), msg);
        assertEquals(expected.samples(), actual.samples(), msg);
        assertEquals(expected.labelledSamples(), actual.labelledSamples(), msg);
        assertEquals(expected.evaluatedSamples(), actual.evaluatedSamples(), msg);
        assertEquals(expected.classHistogram(), actual.classHistogram(), msg);
        assertEquals(expected.confusion().isPresent(), actual.confusion().isPresent(), msg);
        if (expected.confusion().isPresent()) {
            ConfusionMatrix e = expected.confusion().get();
            ConfusionMatrix a = actual.confusion().get();
            assertArrayEquals(e.classValues(), a.classValues(), msg);
            assertArrayEquals(e.counts(), a.counts(), msg);
            assertEquals(e.ignoredPixels(), a.ignoredPixels(), msg);
            assertEquals(e.outOfRange().pixels(), a.outOfRange().pixels(), msg);
            assertEquals(e.toJson(), a.toJson(), msg);
        }
    }

    @Test
    void openEarthMapOnSparkEqualsTheSingleMachineResult() throws Exception {
        var local = DistributedEvaluation.computeLocally(oem, Optional.of(oemPredictions), List.of(0L));
        for (int partitions : new int[] {0, 1, 3, 9}) {
            var spark = DistributedEvaluation.compute(sc, oem, Optional.of(oemPredictions), List.of(0L), partitions);
            assertSameResult(local, spark, "partitions " + partitions + ", " + gen);
        }
        Dataset<?> ds = open(oem);
        assertEquals(ds.size(), local.samples());
        assertTrue(local.labelledSamples() < local.samples(), "the generated OpenEarthMap has unlabelled test images");
        assertEquals(local.labelledSamples(), local.evaluatedSamples());
        // an independent path to the histogram: the manifest export's dataset-wide summary
        var summary = Manifests.export(ds).threads(1).write(dir.resolve("oem.arrow"));
        assertEquals(summary.labelHistogram(), local.classHistogram());
        ConfusionMatrix m = local.confusion().orElseThrow();
        long total = local.classHistogram().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(total, m.pixels() + m.ignoredPixels(), "every label pixel is counted or ignored");
        assertEquals(local.classHistogram().getOrDefault(0, 0L), m.ignoredPixels(), "ignore 0: the unknown class");
        double oa = m.overallAccuracy();
        assertTrue(oa > 0.75 && oa < 0.95, "about 80 % of the pixels were kept: " + oa + " " + gen);
    }

    @Test
    void landCoverNetWithNodataOnSparkEqualsTheSingleMachineResult() throws Exception {
        var local = DistributedEvaluation.computeLocally(lcn, Optional.of(lcnPredictions), List.of());
        var spark = DistributedEvaluation.compute(sc, lcn, Optional.of(lcnPredictions), List.of(), 2);
        assertSameResult(local, spark, gen.toString());
        ConfusionMatrix m = local.confusion().orElseThrow();
        // band 1's declared nodata is 0: those reference pixels are ignored without --ignore
        assertEquals(local.classHistogram().getOrDefault(0, 0L), m.ignoredPixels());
        assertTrue(m.ignoredPixels() > 0, "the generated chips have No Data pixels");
    }

    @Test
    void histogramOnlyWithoutPredictions() throws Exception {
        var local = DistributedEvaluation.computeLocally(oem, Optional.empty(), List.of());
        var spark = DistributedEvaluation.compute(sc, oem, Optional.empty(), List.of(), 4);
        assertSameResult(local, spark, "no predictions");
        assertTrue(spark.confusion().isEmpty());
        assertEquals(0, spark.evaluatedSamples());
        assertTrue(spark.toJsonNode().get("evaluation").isNull());
        assertEquals(spark.classHistogram().get(1), spark.toJsonNode().get("class_histogram").get("1").asLong());
    }

    @Test
    void predictionsThatDoNotPairUpAreNamed() throws Exception {
        Path preds = dir.resolve("bad-pred");
        Files.createDirectories(preds);
        Dataset<?> ds = open(oem);
        SampleRef first = ds.refs().stream().filter(SampleRef::labelled).findFirst().orElseThrow();
        Files.copy(oemPredictions.resolve(first.id() + ".png"), preds.resolve(first.id() + ".png"));
        var e = assertThrows(InvalidDataException.class,
                () -> DistributedEvaluation.compute(sc, oem, Optional.of(preds), List.of(), 2));
        assertTrue(e.getMessage().contains("no prediction for labelled samples"), e.getMessage());
        Files.copy(oemPredictions.resolve(first.id() + ".png"), preds.resolve("not_a_sample.png"));
        e = assertThrows(InvalidDataException.class,
                () -> DistributedEvaluation.compute(sc, oem, Optional.of(preds), List.of(), 2));
        assertTrue(e.getMessage().contains("not_a_sample"), e.getMessage());
        e = assertThrows(InvalidDataException.class, () -> DistributedEvaluation.computeLocally(oem,
                Optional.of(dir.resolve("nope")), List.of()));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        // a prediction of the wrong size fails on the executor, naming the file
        Path wrong = dir.resolve("wrong-pred");
        Files.createDirectories(wrong);
        for (SampleRef ref : ds.refs()) {
            if (ref.labelled() && !ref.id().equals(first.id())) {
                Files.copy(oemPredictions.resolve(ref.id() + ".png"), wrong.resolve(ref.id() + ".png"));
            }
        }
        Png.write(wrong.resolve(first.id() + ".png"), ByteRaster.wrap(
                org.landcover4j.core.raster.RasterMetadata.of(org.landcover4j.core.raster.DataType.UINT8, 1, 5, 7),
                new byte[35]));
        Exception ex = assertThrows(Exception.class,
                () -> DistributedEvaluation.compute(sc, oem, Optional.of(wrong), List.of(), 2));
        Throwable t = ex;
        while (!(t instanceof InvalidDataException) && t.getCause() != null) {
            t = t.getCause();
        }
        String text = t instanceof InvalidDataException ? t.getMessage() : String.valueOf(ex.getMessage());
        assertTrue(text.contains(first.id() + ".png"), text);
    }

    @Test
    void classHistogramMerges() {
        Gen g = new Gen(gen.seed() + 1);
        for (int round = 0; round < 50; round++) {
            ClassHistogram all = new ClassHistogram();
            ClassHistogram a = new ClassHistogram();
            ClassHistogram b = new ClassHistogram();
            java.util.TreeMap<Integer, Long> oracle = new java.util.TreeMap<>();
            for (int i = 0; i < g.between(0, 30); i++) {
                int v = g.between(0, g.chance(0.1) ? 70_000 : 20);
                long c = g.between(0, 1_000);
                (g.chance(0.5) ? a : b).add(Map.of(v, c));
                all.add(Map.of(v, c));
                if (c > 0) {
                    oracle.merge(v, c, Long::sum);
                }
            }
            ClassHistogram ab = new ClassHistogram().merge(a).merge(b);
            ClassHistogram ba = new ClassHistogram().merge(b).merge(a);
            assertEquals(all, ab, g.toString());
            assertEquals(ab, ba, g.toString());
            assertEquals(oracle, ab.toMap(), g.toString());
            assertEquals(oracle.values().stream().mapToLong(Long::longValue).sum(), ab.total());
        }
        assertThrows(IllegalArgumentException.class, () -> new ClassHistogram().add(Map.of(-1, 1L)));
        assertThrows(IllegalArgumentException.class, () -> new ClassHistogram().add(Map.of(1, -1L)));
        assertArrayEquals(new long[] {0, 2}, new ClassHistogram().add(Map.of(1, 2L, 5, 0L)).toArray());
    }
}
