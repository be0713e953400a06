package org.landcover4j.metrics.roc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.landcover4j.metrics.internal.JsonSupport;

/**
 * ROC AUC and average precision of one class of a multi-label map.
 *
 * <p>{@code auc} is the Mann-Whitney probability that a positive pixel scores above a negative one, ties counting
 * 1/2 (scikit-learn {@code roc_auc_score}). {@code averagePrecision} is scikit-learn's
 * {@code average_precision_score}: the sum over distinct thresholds of (R_n - R_{n-1}) P_n. When the class has no
 * positive or no negative pixel the AUC is NaN and {@code reason} says why (scikit-learn raises instead); average
 * precision is NaN without positives.
 *
 * {@snippet :
 * ClassRoc c = roc.classes().get(2);
 * if (Double.isNaN(c.auc())) System.out.println(c.reason());   // "no positive pixels"
 * }
 *
 * @param classIndex       the class (band) index
 * @param positives        labelled pixels where the class is present
 * @param negatives        labelled pixels where it is absent ('none' pixels included)
 * @param auc              ROC AUC, NaN when undefined
 * @param averagePrecision PR AUC as average precision, NaN when undefined
 * @param reason           why the AUC is undefined, or {@code null}
 */
public record ClassRoc(int classIndex, long positives, long negatives, double auc, double averagePrecision,
                       String reason) {

    /** Checks the counts. */
    public ClassRoc {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + positives + " and " + negatives);
        }
    }

    /** Whether the AUC is defined. */
    public boolean defined() {
        return reason == null;
    }

    /**
     * The class as a JSON object: {@code class_index}, {@code positives}, {@code negatives}, {@code auc},
     * {@code average_precision} (null when undefined), {@code defined} and {@code reason} (null when defined).
     */
    public ObjectNode toJsonNode() {
        ObjectNode o = JsonSupport.object();
        o.put("class_index", classIndex);
        o.put("positives", positives);
        o.put("negatives", negatives);
        JsonSupport.put(o, "auc", auc);
        JsonSupport.put(o, "average_precision", averagePrecision);
        o.put("defined", defined());
        if (reason == null) {
            o.putNull("reason");
        } else {
            o.put("reason", reason);
        }
        return o;
    }

    static ClassRoc read(JsonNode o, String path) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("JSON field " + path + " must be an object, got " + o);
        }
        int index = JsonSupport.intValue(JsonSupport.field(o, "class_index", path), JsonSupport.at(path, "class_index"));
        long pos = JsonSupport.count(o, "positives", path);
        long neg = JsonSupport.count(o, "negatives", path);
        double auc = JsonSupport.doubleValue(o, "auc", path);
        double ap = JsonSupport.doubleValue(o, "average_precision", path);
        boolean defined = JsonSupport.booleanValue(o, "defined", path);
        String reason = JsonSupport.textOrNull(o, "reason", path);
        if (defined != (reason == null)) {
            throw new IllegalArgumentException("JSON field " + JsonSupport.at(path, "defined") + " is " + defined
                    + " but reason is " + (reason == null ? "null" : "\"" + reason + "\""));
        }
        return new ClassRoc(index, pos, neg, auc, ap, reason);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "class %d: AUC %s, AP %s (%d positive, %d negative)%s", classIndex,
                fmt(auc), fmt(averagePrecision), positives, negatives, reason == null ? "" : " - " + reason);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.4f", v);
    }
}
