package org.landcover4j.metrics.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.landcover4j.metrics.AbsentClassPolicy;
import org.landcover4j.metrics.ClassMetrics;
import org.landcover4j.metrics.ConfusionMatrix;
import org.landcover4j.metrics.MacroAverage;
import org.landcover4j.metrics.PerClassMetric;
import org.landcover4j.metrics.Pontius;
import org.landcover4j.metrics.internal.JsonSupport;
import org.landcover4j.taxonomy.TaxonClass;
import org.landcover4j.taxonomy.Taxonomy;

/**
 * The evaluation of a prediction against a reference: one confusion matrix with its metrics, as a readable table,
 * JSON, and PNG pictures (a row-normalised heat map of the matrix and a per-class bar chart of IoU and F1).
 *
 * <p>Conventions: rows = reference, columns = prediction; 0/0 is NaN in Java and {@code null} in JSON; the mean IoU
 * leaves out classes absent from both reference and prediction and reports how many took part; kappa is given for
 * comparison with older papers only (Pontius and Millones 2011). Class names and colours come from a
 * {@link Taxonomy} when one is given (classes it lacks keep their value as name and get a grey swatch).
 *
 * <p>The JSON holds, at least, the keys of the {@code landcover evaluate} contract: {@code pixels},
 * {@code overall_accuracy}, {@code kappa}, {@code mean_iou}, {@code quantity_disagreement},
 * {@code allocation_disagreement}, {@code classes} ({@code value}, {@code iou}, {@code precision}, {@code recall},
 * {@code f1}, {@code reference_pixels}, {@code predicted_pixels}) and {@code confusion_matrix} ({@code values},
 * {@code counts}); further keys are added.
 *
 * <p>Immutable and thread-safe. Rendering uses {@code java.awt} off-screen and works headless.
 *
 * {@snippet :
 * var report = EvaluationReport.of(cm, TaxonomyRegistry.builtIn().taxonomy("openearthmap"));
 * System.out.println(report);                 // the table
 * Files.writeString(Path.of("eval.json"), report.toJson());
 * report.writeHeatmap(Path.of("confusion.png"));
 * report.writeBarChart(Path.of("classes.png"));
 * }
 */
public final class EvaluationReport {
    private final ConfusionMatrix matrix;
    private final List<String> names;
    private final List<Integer> colours;   // packed RGB or null for none

    private EvaluationReport(ConfusionMatrix matrix, List<String> names, List<Integer> colours) {
        this.matrix = matrix;
        this.names = List.copyOf(names);
        this.colours = colours == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(colours));
    }

    /** A report on a matrix, with the matrix's class names (or values). */
    public static EvaluationReport of(ConfusionMatrix matrix) {
        Objects.requireNonNull(matrix, "matrix");
        List<String> n = new ArrayList<>();
        for (int i = 0; i < matrix.size(); i++) {
            n.add(matrix.className(i));
        }
        return new EvaluationReport(matrix, n, null);
    }

    /** A report whose class names and colours come from a taxonomy, by class value (code). */
    public static EvaluationReport of(ConfusionMatrix matrix, Taxonomy taxonomy) {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Map<Integer, String> n = new HashMap<>();
        Map<Integer, Integer> c = new HashMap<>();
        for (TaxonClass t : taxonomy.allClasses()) {
            n.put(t.code(), t.name());
            c.put(t.code(), (t.colour().red() << 16) | (t.colour().green() << 8) | t.colour().blue());
        }
        return of(matrix).withClassNames(n).withClassColours(c);
    }

    /** A copy with names for some class values (others keep theirs). */
    public EvaluationReport withClassNames(Map<Integer, String> classNames) {
        List<String> n = new ArrayList<>(names);
        for (int i = 0; i < matrix.size(); i++) {
            String s = classNames.get(matrix.classValue(i));
            if (s != null) {
                n.set(i, s);
            }
        }
        return new EvaluationReport(matrix, n, colours);
    }

    /** A copy with display colours (packed 0xRRGGBB) for some class values. */
    public EvaluationReport withClassColours(Map<Integer, Integer> rgbByValue) {
        List<Integer> c = new ArrayList<>();
        for (int i = 0; i < matrix.size(); i++) {
            Integer rgb = rgbByValue.get(matrix.classValue(i));
            c.add(rgb == null && colours != null ? colours.get(i) : rgb);
        }
        return new EvaluationReport(matrix, names, c);
    }

    /** The confusion matrix (rows = reference). */
    public ConfusionMatrix matrix() {
        return matrix;
    }

    /** Class names in matrix order. */
    public List<String> classNames() {
        return names;
    }

    /** Class colours (packed RGB, {@code null} entries where unknown), or {@code null} when none were given. */
    public List<Integer> classColours() {
        return colours;
    }

    /** Per-class metrics with the report's class names. */
    public List<ClassMetrics> classes() {
        List<ClassMetrics> out = new ArrayList<>();
        for (int i = 0; i < matrix.size(); i++) {
            ClassMetrics m = matrix.classMetrics(i);
            out.add(new ClassMetrics(m.value(), names.get(i), m.tp(), m.fp(), m.fn(), m.tn(), m.iou(), m.precision(),
                    m.recall(), m.f1()));
        }
        return out;
    }

    /** Overall accuracy. */
    public double overallAccuracy() {
        return matrix.overallAccuracy();
    }

    /** Mean IoU over classes present in reference or prediction, with the number of classes that took part. */
    public MacroAverage meanIoU() {
        return matrix.macro(PerClassMetric.IOU, AbsentClassPolicy.EXCLUDE);
    }

    /** Macro F1 over classes present in reference or prediction. */
    public MacroAverage macroF1() {
        return matrix.macro(PerClassMetric.F1, AbsentClassPolicy.EXCLUDE);
    }

    /** Cohen's unweighted kappa (legacy). */
    public double kappa() {
        return matrix.kappa();
    }

    /** Pontius disagreement components. */
    public Pontius pontius() {
        return matrix.pontius();
    }

    // -------------------------------------------------------------------------------------------- JSON

    /** The report as a JSON tree (snake_case keys, undefined values as null). */
    public ObjectNode toJsonNode() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("pixels", matrix.pixels());
        put(o, "overall_accuracy", matrix.overallAccuracy());
        put(o, "kappa", matrix.kappa());
        MacroAverage miou = meanIoU();
        put(o, "mean_iou", miou.value());
        Pontius p = matrix.pontius();
        put(o, "quantity_disagreement", p.quantity());
        put(o, "allocation_disagreement", p.allocation());
        put(o, "exchange_disagreement", p.exchange());
        put(o, "shift_disagreement", p.shift());
        o.put("defined_classes", miou.definedClasses());
        put(o, "macro_f1", macroF1().value());
        put(o, "frequency_weighted_iou", matrix.frequencyWeightedIoU());
        put(o, "average_accuracy", matrix.averageAccuracy());
        put(o, "mcc", matrix.mcc());
        o.put("ignored_pixels", matrix.ignoredPixels());
        ObjectNode oor = o.putObject("out_of_range");
        oor.put("pixels", matrix.outOfRange().pixels());
        ObjectNode rv = oor.putObject("reference");
        matrix.outOfRange().referenceValues().forEach((k, v) -> rv.put(Long.toString(k), v));
        ObjectNode pv = oor.putObject("prediction");
        matrix.outOfRange().predictionValues().forEach((k, v) -> pv.put(Long.toString(k), v));
        ArrayNode classes = o.putArray("classes");
        for (int i = 0; i < matrix.size(); i++) {
            ClassMetrics m = matrix.classMetrics(i);
            ObjectNode c = classes.addObject();
            c.put("value", m.value());
            c.put("name", names.get(i));
            put(c, "iou", m.iou());
            put(c, "precision", m.precision());
            put(c, "recall", m.recall());
            put(c, "f1", m.f1());
            putCount(c, "reference_pixels", m.support());
            putCount(c, "predicted_pixels", m.predicted());
        }
        ObjectNode cm = o.putObject("confusion_matrix");
        ArrayNode values = cm.putArray("values");
        for (int i = 0; i < matrix.size(); i++) {
            values.add(matrix.classValue(i));
        }
        ArrayNode rows = cm.putArray("counts");
        for (int i = 0; i < matrix.size(); i++) {
            ArrayNode r = rows.addArray();
            for (int j = 0; j < matrix.size(); j++) {
                if (matrix.isWeighted()) {
                    r.add(matrix.weight(i, j));
                } else {
                    r.add(matrix.count(i, j));
                }
            }
        }
        return o;
    }

    private void putCount(ObjectNode o, String key, double v) {
        if (matrix.isWeighted()) {
            put(o, key, v);
        } else {
            o.put(key, Math.round(v));
        }
    }

    private static void put(ObjectNode o, String key, double v) {
        JsonSupport.put(o, key, v);
    }

    /** The report as indented JSON. */
    public String toJson() {
        return JsonSupport.write(toJsonNode());   // the mapper is created on first use
    }

    // ---------------------------------------------------------------------------------------- pictures

    /** The row-normalised confusion matrix as a heat map with class names (and colours when known). */
    public BufferedImage heatmap() {
        return Charts.heatmap(matrix, names, colours);
    }

    /** A bar chart of per-class IoU and F1. */
    public BufferedImage barChart() {
        return Charts.barChart(matrix, names, colours);
    }

    /**
     * Writes {@link #heatmap()} as a PNG file (parent folders are created).
     *
     * @throws IOException if the file cannot be written
     */
    public void writeHeatmap(Path png) throws IOException {
        write(heatmap(), png);
    }

    /**
     * Writes {@link #barChart()} as a PNG file (parent folders are created).
     *
     * @throws IOException if the file cannot be written
     */
    public void writeBarChart(Path png) throws IOException {
        write(barChart(), png);
    }

    private static void write(BufferedImage image, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException(png + ": no PNG writer available");
        }
    }

    // ------------------------------------------------------------------------------------------- table

    /** A readable summary and per-class table. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        MacroAverage miou = meanIoU();
        Pontius p = matrix.pontius();
        sb.append(String.format(Locale.ROOT, "Evaluation of %,d pixels, %d classes", matrix.pixels(), matrix.size()));
        if (matrix.ignoredPixels() > 0) {
            sb.append(String.format(Locale.ROOT, " (%,d ignored)", matrix.ignoredPixels()));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "  overall accuracy  %s   mean IoU %s (%d of %d classes)   macro F1 %s%n",
                f(matrix.overallAccuracy()), f(miou.value()), miou.definedClasses(), miou.classes(),
                f(macroF1().value())));
        sb.append(String.format(Locale.ROOT,
                "  disagreement: quantity %s, allocation %s (exchange %s, shift %s)   kappa %s (legacy)%n",
                f(p.quantity()), f(p.allocation()), f(p.exchange()), f(p.shift()), f(matrix.kappa())));
        if (!matrix.outOfRange().isEmpty()) {
            sb.append("  ").append(matrix.outOfRange()).append('\n');
        }
        int nameWidth = 5;
        for (String n : names) {
            nameWidth = Math.max(nameWidth, Math.min(28, n.length()));
        }
        sb.append(String.format(Locale.ROOT, "  %6s  %-" + nameWidth + "s %8s %8s %9s %8s %12s %12s%n", "value",
                "class", "IoU", "F1", "precision", "recall", "reference", "predicted"));
        List<ClassMetrics> cls = classes();
        for (ClassMetrics m : cls) {
            String n = m.name().length() > 28 ? m.name().substring(0, 27) + "~" : m.name();
            sb.append(String.format(Locale.ROOT, "  %6d  %-" + nameWidth + "s %8s %8s %9s %8s %12s %12s%n", m.value(),
                    n, f(m.iou()), f(m.f1()), f(m.precision()), f(m.recall()), count(m.support()),
                    count(m.predicted())));
        }
        return sb.toString().stripTrailing();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String count(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
