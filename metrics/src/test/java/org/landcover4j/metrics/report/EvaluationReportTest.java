package org.landcover4j.metrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.metrics.ConfusionMatrix;
import org.landcover4j.taxonomy.Rgb;
import org.landcover4j.taxonomy.Taxonomy;

/** The report's JSON keys (landcover evaluate contract), table and pictures. */
class EvaluationReportTest {

    private static final ConfusionMatrix CM2 = ConfusionMatrix.of(new int[] {1, 2, 3, 4, 5}, new long[][] {
        {40, 5, 3, 0, 0}, {4, 30, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {3, 1, 0, 0, 0}});

    /** Where to keep the pictures for a look: -Dlandcover4j.plots=DIR, else a temporary folder. */
    private static Path out(Path temp) {
        String p = System.getProperty("landcover4j.plots");
        return p == null ? temp : Path.of(p);
    }

    @Test
    void jsonHasTheContractKeysAndNullForUndefined() throws Exception {
        JsonNode j = new ObjectMapper().readTree(EvaluationReport.of(CM2).toJson());
        for (String key : List.of("pixels", "overall_accuracy", "kappa", "mean_iou", "quantity_disagreement",
                "allocation_disagreement", "classes", "confusion_matrix")) {
            assertTrue(j.has(key), "missing " + key);
        }
        assertEquals(86, j.get("pixels").asLong());
        assertTrue(j.get("pixels").isIntegralNumber());
        assertEquals(CM2.meanIoU(), j.get("mean_iou").asDouble(), 1e-15);
        assertEquals(1 - CM2.overallAccuracy(), j.get("quantity_disagreement").asDouble()
                + j.get("allocation_disagreement").asDouble(), 1e-12);
        JsonNode c4 = j.get("classes").get(3);
        assertEquals(4, c4.get("value").asInt());
        assertTrue(c4.get("iou").isNull(), "class 4 is absent from both: IoU null");
        assertTrue(c4.get("precision").isNull());
        assertEquals(0, c4.get("reference_pixels").asLong());
        assertTrue(c4.get("reference_pixels").isIntegralNumber());
        JsonNode c5 = j.get("classes").get(4);
        assertTrue(c5.get("precision").isNull(), "never predicted: precision null");
        assertEquals(0.0, c5.get("recall").asDouble());
        assertEquals(List.of(1, 2, 3, 4, 5), new ObjectMapper().convertValue(j.get("confusion_matrix").get("values"),
                List.class));
        assertEquals(40, j.get("confusion_matrix").get("counts").get(0).get(0).asLong());
        assertEquals(3, j.get("confusion_matrix").get("counts").get(4).get(0).asLong());
    }

    @Test
    void tableReadsWell() {
        String s = EvaluationReport.of(CM2).withClassNames(Map.of(1, "water", 2, "tree cover")).toString();
        assertTrue(s.contains("Evaluation of 86 pixels, 5 classes"), s);
        assertTrue(s.contains("mean IoU 0.3693 (4 of 5 classes)"), s);
        assertTrue(s.contains("water") && s.contains("tree cover") && s.contains("n/a"), s);
        assertTrue(s.contains("kappa 0.6486 (legacy)"), s);
    }

    @Test
    void picturesRenderWithNamesAndColours(@TempDir Path temp) throws Exception {
        Taxonomy t = Taxonomy.builder("demo", "Demo")
                .root(1, "Water", Rgb.parse("#419bdf")).root(2, "Trees", Rgb.parse("#397d49"))
                .root(3, "Grass", Rgb.parse("#88b053")).root(4, "Flooded vegetation", Rgb.parse("#7a87c6"))
                .root(5, "Built area", Rgb.parse("#c4281b")).build();
        EvaluationReport r = EvaluationReport.of(CM2, t);
        assertEquals("Flooded vegetation", r.classNames().get(3));
        assertEquals(0xc4281b, r.classColours().get(4));
        Path dir = out(temp);
        r.writeHeatmap(dir.resolve("heatmap.png"));
        r.writeBarChart(dir.resolve("bars.png"));
        BufferedImage h = ImageIO.read(dir.resolve("heatmap.png").toFile());
        BufferedImage b = ImageIO.read(dir.resolve("bars.png").toFile());
        assertTrue(h.getWidth() >= 420 && h.getHeight() > 200, h.getWidth() + "x" + h.getHeight());
        assertTrue(b.getWidth() >= 460 && b.getHeight() > 300);
        // the diagonal cell of class 1 (83% recall) is dark; the empty row of class 3 is light grey
        assertNotEquals(0xFFFFFF, h.getRGB(h.getWidth() / 2, h.getHeight() / 2) & 0xFFFFFF);
        // many classes stay legible: cells shrink but the image stays bounded
        long[][] big = new long[40][40];
        int[] values = new int[40];
        for (int i = 0; i < 40; i++) {
            values[i] = i;
            big[i][i] = 100 + i;
            big[i][(i + 1) % 40] = 7;
        }
        EvaluationReport many = EvaluationReport.of(ConfusionMatrix.of(values, big));
        many.writeHeatmap(dir.resolve("heatmap40.png"));
        many.writeBarChart(dir.resolve("bars40.png"));
        assertTrue(many.heatmap().getWidth() < 1400, "bounded width");
    }
}
