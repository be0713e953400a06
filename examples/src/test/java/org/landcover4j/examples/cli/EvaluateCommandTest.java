package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.png.Png;
import org.landcover4j.io.tiff.GeoTiff;

/** {@code landcover evaluate} end to end: contract keys and values, pairing, errors and exit codes, threads. */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    private static final ObjectMapper M = new ObjectMapper();

    private static CliRun.Result run(String... args) {
        return ConsensusCommandTest.run(args);
    }

    private Path png(Path folder, String name, int h, int w, int... v) throws Exception {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        Files.createDirectories(folder);
        Path p = folder.resolve(name);
        Png.write(p, ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, h, w), b));
        return p;
    }

    private Path tif(Path folder, String name, RasterMetadata meta, byte[]... bands) throws Exception {
        Files.createDirectories(folder);
        Path p = folder.resolve(name);
        GeoTiff.write(p, ByteRaster.wrap(meta, bands));
        return p;
    }

    private JsonNode json(CliRun.Result r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return M.readTree(r.out());
    }

    @Test
    void twoFilesGiveTheContractKeysAndHandValues() throws Exception {
        // reference 255 = declared nodata (excluded); counted pairs: (0,0) (0,0) (0,1) (1,1) (1,1) (1,2) (2,2) (2,0)
        var meta = RasterMetadata.of(DataType.UINT8, 1, 3, 3);
        Path ref = tif(dir, "ref.tif", meta.withNodata(255), new byte[] {0, 0, 0, 1, 1, 1, 2, 2, (byte) 255});
        Path pred = tif(dir, "pred.tif", meta, new byte[] {0, 0, 1, 1, 1, 2, 2, 0, 1});
        JsonNode j = json(run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString(), "--json", "-"));
        assertEquals(8, j.get("pixels").asLong());
        assertTrue(j.get("pixels").isIntegralNumber());
        assertEquals(5.0 / 8, j.get("overall_accuracy").asDouble(), 1e-15);
        // IoU: class 0: 2/(3+3-2) = 0.5, class 1: 2/(3+3-2) = 0.5, class 2: 1/(2+2-1) = 1/3
        assertEquals((0.5 + 0.5 + 1.0 / 3) / 3, j.get("mean_iou").asDouble(), 1e-15);
        // kappa: p_o = 5/8, p_e = (3*3 + 3*3 + 2*2)/64 = 22/64
        assertEquals((5.0 / 8 - 22.0 / 64) / (1 - 22.0 / 64), j.get("kappa").asDouble(), 1e-12);
        assertEquals(0.0, j.get("quantity_disagreement").asDouble(), 1e-15);
        assertEquals(3.0 / 8, j.get("allocation_disagreement").asDouble(), 1e-15);
        assertEquals(List.of(0, 1, 2), M.convertValue(j.get("confusion_matrix").get("values"), List.class));
        assertEquals(M.readTree("[[2,1,0],[0,2,1],[1,0,1]]"), j.get("confusion_matrix").get("counts"));
        JsonNode c2 = j.get("classes").get(2);
        assertEquals(2, c2.get("value").asInt());
        assertEquals(0.5, c2.get("precision").asDouble(), 1e-15);
        assertEquals(0.5, c2.get("recall").asDouble(), 1e-15);
        assertEquals(0.5, c2.get("f1").asDouble(), 1e-15);
        assertEquals(2, c2.get("reference_pixels").asLong());
        assertEquals(2, c2.get("predicted_pixels").asLong());
        for (String k : List.of("iou", "precision", "recall", "f1", "reference_pixels", "predicted_pixels")) {
            assertTrue(c2.has(k), k);
        }
    }

    @Test
    void readableSummaryWithoutJsonAndPlots() throws Exception {
        Path ref = png(dir, "r.png", 2, 3, 1, 1, 2, 2, 3, 3);
        Path pred = png(dir, "p.png", 2, 3, 1, 2, 2, 2, 3, 1);
        Path plot = dir.resolve("plots/cm.png");
        Path bars = dir.resolve("plots/bars.png");
        var r = run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString(), "--plot",
                plot.toString(), "--bar-plot", bars.toString(), "--taxonomy", "openearthmap");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Evaluation of 6 pixels, 3 classes"), r.out());
        assertTrue(r.out().contains("mean IoU"), r.out());
        assertTrue(ImageIO.read(plot.toFile()).getWidth() > 100);
        assertTrue(ImageIO.read(bars.toFile()).getWidth() > 100);
        assertEquals("", r.err(), "nothing on stderr when it is not a terminal");
    }

    @Test
    void directoriesArePairedByNameWithoutExtensionAndPooled() throws Exception {
        Path refs = dir.resolve("ref");
        Path preds = dir.resolve("pred");
        png(refs, "a.png", 1, 4, 0, 0, 1, 255);
        tif(refs, "b.tif", RasterMetadata.of(DataType.UINT8, 1, 1, 3), new byte[] {1, 1, 2});
        Files.writeString(refs.resolve("README.txt"), "not a raster");
        tif(preds, "a.tif", RasterMetadata.of(DataType.UINT8, 1, 1, 4), new byte[] {0, 1, 1, 0});
        png(preds, "b.png", 1, 3, 1, 2, 2);
        JsonNode j = json(run("evaluate", "--reference", refs.toString(), "--prediction", preds.toString(),
                "--ignore", "255", "--json", "-"));
        assertEquals(6, j.get("pixels").asLong());
        assertEquals(M.readTree("[[1,1,0],[0,2,1],[0,0,1]]"), j.get("confusion_matrix").get("counts"));
        assertEquals(1, j.get("ignored_pixels").asLong());
    }

    @Test
    void unmatchedNamesExitThreeListingThem() throws Exception {
        Path refs = dir.resolve("ref");
        Path preds = dir.resolve("pred");
        png(refs, "a.png", 1, 1, 0);
        png(refs, "only_ref.png", 1, 1, 0);
        png(preds, "a.png", 1, 1, 0);
        png(preds, "only_pred.png", 1, 1, 0);
        var r = run("evaluate", "--reference", refs.toString(), "--prediction", preds.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("only_ref") && r.err().contains("only_pred"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void sizeMismatchExitsThreeNamingTheFiles() throws Exception {
        Path ref = png(dir, "r.png", 2, 2, 0, 0, 0, 0);
        Path pred = png(dir, "p.png", 1, 4, 0, 0, 0, 0);
        var r = run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("p.png") && r.err().contains("r.png") && r.err().contains("4x1")
                && r.err().contains("2x2"), r.err());
    }

    @Test
    void badInputsExitThree() throws Exception {
        Path ref = png(dir, "r.png", 1, 2, 0, 1);
        var missing = run("evaluate", "--reference", ref.toString(), "--prediction", dir.resolve("nope.png").toString());
        assertEquals(3, missing.code());
        assertTrue(missing.err().contains("nope.png"), missing.err());
        var mixed = run("evaluate", "--reference", ref.toString(), "--prediction", dir.toString());
        assertEquals(3, mixed.code());
        assertTrue(mixed.err().contains("directory"), mixed.err());
        Path notRaster = dir.resolve("x.png");
        Files.writeString(notRaster, "hello");
        var corrupt = run("evaluate", "--reference", ref.toString(), "--prediction", notRaster.toString());
        assertEquals(3, corrupt.code());
        assertTrue(corrupt.err().contains("x.png"), corrupt.err());
        Path f = dir.resolve("f.tif");
        GeoTiff.write(f, FloatRaster.zeros(DataType.FLOAT32, 1, 1, 2));
        var flt = run("evaluate", "--reference", f.toString(), "--prediction", ref.toString());
        assertEquals(3, flt.code());
        assertTrue(flt.err().contains("f.tif") && flt.err().contains("float32"), flt.err());
        var band = run("evaluate", "--reference", ref.toString(), "--prediction", ref.toString(), "--band", "2");
        assertEquals(3, band.code());
        assertTrue(band.err().contains("--band 2"), band.err());
        var usage = run("evaluate", "--reference", ref.toString());
        assertEquals(2, usage.code());
    }

    @Test
    void bandSelectsTheBandOfMultiBandRasters() throws Exception {
        var meta = RasterMetadata.of(DataType.UINT16, 2, 1, 3);
        Path ref = dir.resolve("r.tif");
        Path pred = dir.resolve("p.tif");
        GeoTiff.write(ref, ShortRaster.wrap(meta, new short[] {9, 9, 9}, new short[] {300, 301, 301}));
        GeoTiff.write(pred, ShortRaster.wrap(meta, new short[] {9, 9, 9}, new short[] {300, 300, 301}));
        JsonNode j = json(run("evaluate", "--reference", ref.toString(), "--prediction", pred.toString(), "--band", "2",
                "--json", "-"));
        assertEquals(List.of(300, 301), M.convertValue(j.get("confusion_matrix").get("values"), List.class));
        assertEquals(2.0 / 3, j.get("overall_accuracy").asDouble(), 1e-15);
    }

    @Test
    void threadsDoNotChangeTheResult() throws Exception {
        Gen g = Gen.seeded(16_000);
        Path refs = dir.resolve("ref");
        Path preds = dir.resolve("pred");
        for (int i = 0; i < 24; i++) {
            int h = 17;
            int w = 23;
            byte[] r = g.bytes(h * w, 0, 6);
            byte[] p = g.noisyCopy(r, 0.7, 6);
            Files.createDirectories(refs);
            Files.createDirectories(preds);
            Png.write(refs.resolve("t" + i + ".png"), ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, h, w), r));
            Png.write(preds.resolve("t" + i + ".png"), ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, h, w), p));
        }
        Path one = dir.resolve("one.json");
        Path four = dir.resolve("four.json");
        assertEquals(0, run("evaluate", "--reference", refs.toString(), "--prediction", preds.toString(), "--ignore",
                "6", "--threads", "1", "--json", one.toString()).code());
        var r4 = run("evaluate", "--reference", refs.toString(), "--prediction", preds.toString(), "--ignore", "6",
                "--threads", "4", "--json", four.toString());
        assertEquals(0, r4.code(), r4.err());
        assertTrue(r4.out().contains("(24 pairs)"), r4.out());
        assertEquals(M.readTree(one.toFile()), M.readTree(four.toFile()), g.toString());
        assertFalse(M.readTree(one.toFile()).get("mean_iou").isNull());
    }
}
