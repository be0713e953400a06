package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.Rasters;
import org.landcover4j.io.tiff.GeoTiff;
import org.landcover4j.examples.cli.CliRun.Result;

/** {@code landcover consensus} and {@code landcover agreement} end to end on small GeoTIFFs. */
class ConsensusCommandTest {
    @TempDir
    Path dir;


    static CliRun.Result run(String... args) {
        return CliRun.run(args);
    }

    private static final GeoReference GEO = GeoReference.of(Crs.epsg(32630), GeoTransform.northUp(399960, 1400040, 10));

    private Path tif(String name, int h, int w, int... v) throws Exception {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        Path p = dir.resolve(name);
        GeoTiff.write(p, ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, h, w).withGeoReference(GEO), b));
        return p;
    }

    private static byte[] band(Path p) throws Exception {
        return ((ByteRaster) Rasters.read(p)).copyBand(0);
    }

    @Test
    void weightedVoteWritesLabelAndScoreLikeLandCoverNet() throws Exception {
        // METRICS.md 3.1: accuracies 0.92 / 0.75 / 0.60
        Path a = tif("a.tif", 1, 5, 2, 1, 1, 0, 3);
        Path b = tif("b.tif", 1, 5, 2, 3, 1, 1, 0);
        Path c = tif("c.tif", 1, 5, 2, 3, 3, 2, 3);
        Path label = dir.resolve("label.tif");
        Path score = dir.resolve("score.tif");
        Path json = dir.resolve("out.json");
        Result r = run("consensus", "--annotation", a.toString(), "--annotation", b.toString(), "--annotation",
                c.toString(), "--accuracy", "0.92,0.75,0.60", "--output", label.toString(), "--score", score.toString(),
                "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(new byte[] {2, 3, 1, 0, 3}, band(label));
        assertArrayEquals(new byte[] {100, 59, 74, 41, 67}, band(score));
        assertEquals(GEO, Rasters.read(label).geoReference().orElseThrow());
        JsonNode j = JsonOutput.mapper().readTree(json.toFile());
        assertEquals("weighted-vote", j.get("method").asText());
        assertTrue(j.get("log_likelihood").isNull(), "undefined for votes: null");
        assertTrue(j.get("iterations").isNull());
        assertEquals(0.92, j.get("annotator_models").get(0).get("accuracy").asDouble(), 0.0);
        assertEquals(0.2, j.get("score_100_fraction").asDouble(), 1e-12);
        assertEquals(1, j.get("score_histogram").get(100).asLong());
        assertTrue(r.out().contains("consensus: weighted-vote over 3 annotators, 5x1 pixels"), r.out());
    }

    @Test
    void dawidSkeneAndStapleReportIterationsInJsonOnStdout() throws Exception {
        Path a = tif("a.tif", 2, 4, 1, 1, 2, 2, 3, 3, 1, 2);
        Path b = tif("b.tif", 2, 4, 1, 1, 2, 2, 3, 1, 1, 2);
        Path c = tif("c.tif", 2, 4, 1, 2, 2, 2, 3, 3, 1, 1);
        for (String method : new String[] {"dawid-skene", "staple", "one-coin-dawid-skene", "majority-vote"}) {
            Path label = dir.resolve(method + ".tif");
            Result r = run("consensus", "--annotation", a.toString(), "--annotation", b.toString(), "--annotation",
                    c.toString(), "--method", method, "--output", label.toString(), "--posterior",
                    dir.resolve(method + "-post.tif").toString(), "--json", "-");
            assertEquals(0, r.code(), r.err());
            JsonNode j = JsonOutput.mapper().readTree(r.out());
            assertEquals(method, j.get("method").asText());
            assertEquals(8, j.get("width").asInt() * j.get("height").asInt());
            if (!method.equals("majority-vote")) {
                assertTrue(j.get("iterations").asInt() >= 1, r.out());
                assertTrue(j.get("converged").asBoolean(), r.out());
            }
            assertArrayEquals(new byte[] {1, 1, 2, 2, 3, 3, 1, 2}, band(label), method);
            assertEquals(3, Rasters.read(dir.resolve(method + "-post.tif")).bands());
        }
    }

    @Test
    void annotationsOfDifferentSizesExitThreeNamingTheFiles() throws Exception {
        Path a = tif("a.tif", 2, 2, 1, 1, 1, 1);
        Path b = tif("b.tif", 1, 4, 1, 1, 1, 1);
        Result r = run("consensus", "--annotation", a.toString(), "--annotation", b.toString(), "--output",
                dir.resolve("l.tif").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains(b + "') is 4x1 pixels, but annotator 1 ('" + a + "') is 2x2"), r.err());
        Result g = run("agreement", "--annotation", a.toString(), "--annotation", b.toString());
        assertEquals(ExitCodes.BAD_INPUT, g.code(), g.err());
    }

    @Test
    void labelsOutsideTheClassSetAndNonUint8RastersExitThree() throws Exception {
        Path a = tif("a.tif", 1, 3, 1, 2, 3);
        Path b = tif("b.tif", 1, 3, 1, 2, 9);
        Result r = run("consensus", "--annotation", a.toString(), "--annotation", b.toString(), "--classes", "1,2,3",
                "--output", dir.resolve("l.tif").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("has label 9 at row 0, column 2, which is not in the class set [1, 2, 3]"), r.err());
        Path s = dir.resolve("s.tif");
        GeoTiff.write(s, ShortRaster.wrap(RasterMetadata.of(DataType.UINT16, 1, 1, 3), new short[] {1, 2, 3}));
        Result u = run("consensus", "--annotation", a.toString(), "--annotation", s.toString(), "--output",
                dir.resolve("l.tif").toString());
        assertEquals(ExitCodes.BAD_INPUT, u.code());
        assertTrue(u.err().contains(s + ": label rasters must be uint8, found uint16"), u.err());
    }

    @Test
    void badOptionValuesAreUsageErrors() throws Exception {
        Path a = tif("a.tif", 1, 2, 1, 2);
        Path b = tif("b.tif", 1, 2, 1, 1);
        String out = dir.resolve("l.tif").toString();
        Result acc = run("consensus", "--annotation", a.toString(), "--annotation", b.toString(), "--accuracy",
                "0.9,1.5", "--output", out);
        assertEquals(ExitCodes.USAGE, acc.code());
        assertTrue(acc.err().contains("must be in (0, 1], got 1.5"), acc.err());
        Result count = run("consensus", "--annotation", a.toString(), "--annotation", b.toString(), "--accuracy",
                "0.9", "--output", out);
        assertEquals(ExitCodes.USAGE, count.code());
        Result method = run("consensus", "--annotation", a.toString(), "--annotation", b.toString(), "--method",
                "vote", "--output", out);
        assertEquals(ExitCodes.USAGE, method.code());
        assertTrue(method.err().contains("expected one of: weighted-vote"), method.err());
        Result one = run("consensus", "--annotation", a.toString(), "--output", out);
        assertEquals(ExitCodes.USAGE, one.code());
        Result missingFile = run("consensus", "--annotation", a.toString(), "--annotation",
                dir.resolve("nope.tif").toString(), "--output", out);
        assertEquals(ExitCodes.BAD_INPUT, missingFile.code());
    }

    @Test
    void expertLabelsGiveTheWeights() throws Exception {
        Path a = tif("a.tif", 1, 6, 1, 2, 1, 2, 1, 2);
        Path b = tif("b.tif", 1, 6, 1, 1, 1, 2, 2, 2);
        Path e = tif("e.tif", 1, 6, 1, 2, 0, 0, 0, 0);   // expert labelled 2 pixels: a right twice, b once
        Path json = dir.resolve("o.json");
        Result r = run("consensus", "--annotation", a.toString(), "--annotation", b.toString(), "--expert",
                e.toString(), "--output", dir.resolve("l.tif").toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonOutput.mapper().readTree(json.toFile());
        assertEquals(1.0, j.get("expert_accuracy").get(0).get("accuracy").asDouble(), 0.0);
        assertEquals(0.5, j.get("expert_accuracy").get(1).get("accuracy").asDouble(), 0.0);
        assertArrayEquals(new byte[] {1, 2, 1, 2, 1, 2}, band(dir.resolve("l.tif")), "a outweighs b");
    }

    @Test
    void agreementReportsPixelAgreementFleissAndKrippendorff() throws Exception {
        // 10 pixels, 8 alike: 80% pixel agreement (OpenEarthMap's inter-annotator figure is this statistic)
        Path a = tif("a.tif", 2, 5, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        Path b = tif("b.tif", 2, 5, 1, 1, 2, 2, 3, 3, 4, 4, 1, 2);
        Result r = run("agreement", "--annotation", a.toString(), "--annotation", b.toString(), "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonOutput.mapper().readTree(r.out());
        assertEquals(0.8, j.get("pixel_agreement").asDouble(), 1e-12);
        assertEquals(10, j.get("pairs").get(0).get("pixels").asLong());
        assertTrue(j.get("fleiss_kappa").isNumber());
        assertTrue(j.get("krippendorff_alpha").isNumber());
        assertEquals("nominal", j.get("krippendorff_level").asText());
        Result text = run("agreement", "--annotation", a.toString(), "--annotation", b.toString());
        assertTrue(text.out().contains("pixel agreement (mean of pairs): 0.8000"), text.out());
        Result constant = run("agreement", "--annotation", tif("c.tif", 1, 2, 3, 3).toString(), "--annotation",
                tif("d.tif", 1, 2, 3, 3).toString(), "--json", "-");
        JsonNode cj = JsonOutput.mapper().readTree(constant.out());
        assertTrue(cj.get("fleiss_kappa").isNull(), "one category: kappa undefined -> null");
        assertTrue(cj.get("krippendorff_alpha").isNull());
        Result lvl = run("agreement", "--annotation", a.toString(), "--annotation", b.toString(), "--level", "bad");
        assertEquals(ExitCodes.USAGE, lvl.code());
    }
}
