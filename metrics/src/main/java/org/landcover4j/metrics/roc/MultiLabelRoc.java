package org.landcover4j.metrics.roc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.landcover4j.metrics.internal.JsonSupport;

/**
 * Per-class ROC AUC and average precision of a multi-label map, with macro means over the classes where they are
 * defined.
 *
 * <p>JSON ({@link #toJson()}, read back by {@link #fromJson(String)}): {@code macro_auc},
 * {@code macro_average_precision}, {@code defined_classes} and {@code classes}, one object per class
 * ({@link ClassRoc#toJsonNode()}); undefined values are {@code null}. The macro means are recomputed on reading.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * MultiLabelRoc r = acc.result();
 * r.macroAuc();            // mean over classes with positives and negatives
 * r.definedClasses();
 * Files.writeString(Path.of("roc.json"), r.toJson());
 * }
 *
 * @param classes per-class results, in class order
 */
public record MultiLabelRoc(List<ClassRoc> classes) {

    /** Copies the list. */
    public MultiLabelRoc {
        classes = List.copyOf(classes);
    }

    /** Mean AUC over classes where it is defined (NaN when none is). */
    public double macroAuc() {
        return mean(true);
    }

    /** Mean average precision over classes where it is defined. */
    public double macroAveragePrecision() {
        return mean(false);
    }

    /** Classes whose AUC is defined. */
    public int definedClasses() {
        return (int) classes.stream().filter(ClassRoc::defined).count();
    }

    /** Per-class AUC values (NaN where undefined). */
    public double[] auc() {
        return classes.stream().mapToDouble(ClassRoc::auc).toArray();
    }

    /** Per-class average precision values (NaN where undefined). */
    public double[] averagePrecision() {
        return classes.stream().mapToDouble(ClassRoc::averagePrecision).toArray();
    }

    private double mean(boolean auc) {
        double s = 0;
        int n = 0;
        for (ClassRoc c : classes) {
            double v = auc ? c.auc() : c.averagePrecision();
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** The result as a JSON tree (snake_case keys, undefined values as null; see the class comment). */
    public ObjectNode toJsonNode() {
        ObjectNode o = JsonSupport.object();
        JsonSupport.put(o, "macro_auc", macroAuc());
        JsonSupport.put(o, "macro_average_precision", macroAveragePrecision());
        o.put("defined_classes", definedClasses());
        ArrayNode a = o.putArray("classes");
        for (ClassRoc c : classes) {
            a.add(c.toJsonNode());
        }
        return o;
    }

    /** The result as indented JSON. */
    public String toJson() {
        return JsonSupport.write(toJsonNode());
    }

    /**
     * Reads a result written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not such an object (naming the field and what was found)
     */
    public static MultiLabelRoc fromJson(String json) {
        JsonNode o = JsonSupport.read(json);
        JsonNode a = JsonSupport.arrayField(o, "classes", "");
        List<ClassRoc> list = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            list.add(ClassRoc.read(a.get(i), JsonSupport.at("classes", i)));
        }
        return new MultiLabelRoc(list);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "MultiLabelRoc[%d classes, macro AUC %.4f over %d defined, macro AP %.4f]", classes.size(), macroAuc(),
                definedClasses(), macroAveragePrecision()));
        for (ClassRoc c : classes) {
            sb.append("\n  ").append(c);
        }
        return sb.toString();
    }
}
