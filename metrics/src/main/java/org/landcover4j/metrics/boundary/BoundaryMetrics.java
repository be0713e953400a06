package org.landcover4j.metrics.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.landcover4j.metrics.internal.JsonSupport;

/**
 * Boundary IoU and boundary F-score per class, accumulated over a dataset by {@link BoundaryAccumulator}.
 *
 * <p>Every ratio is NaN when its denominator is 0 (a class without boundary pixels in either map); the means leave
 * such classes out and say how many took part.
 *
 * <p>JSON ({@link #toJson()}, read back by {@link #fromJson(String)}): {@code images}, {@code mean_boundary_iou},
 * {@code mean_boundary_f1}, {@code defined_iou_classes} and {@code defined_f1_classes} (how many classes each mean
 * covers), and {@code classes}, one object per class ({@link ClassBoundary#toJsonNode()}): its counts and its
 * {@code boundary_iou}, {@code boundary_precision}, {@code boundary_recall}, {@code boundary_f1}; undefined ratios
 * are {@code null}. Only the counts are read back; the ratios and means follow from them.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * BoundaryMetrics b = acc.result();
 * b.classes().get(0).boundaryIoU();
 * b.meanBoundaryIoU();
 * b.meanBoundaryF1();
 * Files.writeString(Path.of("boundary.json"), b.toJson());
 * }
 */
public final class BoundaryMetrics {

    /**
     * The boundary scores of one class.
     *
     * @param value                  class value
     * @param referenceBoundary      |B(G)|: reference boundary pixels
     * @param predictionBoundary     |B(P)|: predicted boundary pixels
     * @param intersection           |B(G) ∩ B(P)|
     * @param predictionContour      predicted contour pixels
     * @param predictionMatched      predicted contour pixels within theta of a reference contour pixel
     * @param referenceContour       reference contour pixels
     * @param referenceMatched       reference contour pixels within theta of a predicted contour pixel
     */
    public record ClassBoundary(int value, long referenceBoundary, long predictionBoundary, long intersection,
                                long predictionContour, long predictionMatched, long referenceContour,
                                long referenceMatched) {

        /** |B(G) ∪ B(P)|. */
        public long union() {
            return referenceBoundary + predictionBoundary - intersection;
        }

        /** Boundary IoU: intersection over union (NaN when the union is empty). */
        public double boundaryIoU() {
            return ratio(intersection, union());
        }

        /** Boundary precision: matched predicted contour pixels over predicted contour pixels. */
        public double boundaryPrecision() {
            return ratio(predictionMatched, predictionContour);
        }

        /** Boundary recall: matched reference contour pixels over reference contour pixels. */
        public double boundaryRecall() {
            return ratio(referenceMatched, referenceContour);
        }

        /**
         * Boundary F-score 2PR/(P+R); 0 when one side has contour pixels and none match, NaN when neither map has
         * a contour of the class.
         */
        public double boundaryF1() {
            double p = boundaryPrecision();
            double r = boundaryRecall();
            if (predictionContour == 0 && referenceContour == 0) {
                return Double.NaN;
            }
            if (Double.isNaN(p) || Double.isNaN(r)) {
                return 0;   // contour on one side only: nothing can match
            }
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /**
         * The class as a JSON object: {@code value}, {@code reference_boundary_pixels},
         * {@code predicted_boundary_pixels}, {@code boundary_intersection_pixels}, {@code boundary_union_pixels},
         * {@code boundary_iou}, {@code reference_contour_pixels}, {@code reference_matched_pixels},
         * {@code predicted_contour_pixels}, {@code predicted_matched_pixels}, {@code boundary_precision},
         * {@code boundary_recall}, {@code boundary_f1} (undefined ratios as null).
         */
        public ObjectNode toJsonNode() {
            ObjectNode o = JsonSupport.object();
            o.put("value", value);
            o.put("reference_boundary_pixels", referenceBoundary);
            o.put("predicted_boundary_pixels", predictionBoundary);
            o.put("boundary_intersection_pixels", intersection);
            o.put("boundary_union_pixels", union());
            JsonSupport.put(o, "boundary_iou", boundaryIoU());
            o.put("reference_contour_pixels", referenceContour);
            o.put("reference_matched_pixels", referenceMatched);
            o.put("predicted_contour_pixels", predictionContour);
            o.put("predicted_matched_pixels", predictionMatched);
            JsonSupport.put(o, "boundary_precision", boundaryPrecision());
            JsonSupport.put(o, "boundary_recall", boundaryRecall());
            JsonSupport.put(o, "boundary_f1", boundaryF1());
            return o;
        }

        static ClassBoundary read(JsonNode o, String path) {
            if (o == null || !o.isObject()) {
                throw new IllegalArgumentException("JSON field " + path + " must be an object, got " + o);
            }
            int value = JsonSupport.intValue(JsonSupport.field(o, "value", path), JsonSupport.at(path, "value"));
            long gb = JsonSupport.count(o, "reference_boundary_pixels", path);
            long pb = JsonSupport.count(o, "predicted_boundary_pixels", path);
            long inter = JsonSupport.count(o, "boundary_intersection_pixels", path);
            long gc = JsonSupport.count(o, "reference_contour_pixels", path);
            long gm = JsonSupport.count(o, "reference_matched_pixels", path);
            long pc = JsonSupport.count(o, "predicted_contour_pixels", path);
            long pm = JsonSupport.count(o, "predicted_matched_pixels", path);
            if (inter > Math.min(gb, pb) || gm > gc || pm > pc) {
                throw new IllegalArgumentException("JSON field " + path + ": inconsistent counts, intersection "
                        + inter + " of boundaries " + gb + " and " + pb + ", matched " + gm + " of " + gc
                        + " reference and " + pm + " of " + pc + " predicted contour pixels");
            }
            return new ClassBoundary(value, gb, pb, inter, pc, pm, gc, gm);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "class %d: boundary IoU %.4f (%d/%d), BF %.4f (P %.4f, R %.4f)", value,
                    boundaryIoU(), intersection, union(), boundaryF1(), boundaryPrecision(), boundaryRecall());
        }
    }

    private final List<ClassBoundary> classes;
    private final long images;

    BoundaryMetrics(int[] values, long[][] stats, long images) {
        List<ClassBoundary> list = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            long[] s = stats[i];
            list.add(new ClassBoundary(values[i], s[BoundaryAccumulator.G_B], s[BoundaryAccumulator.P_B],
                    s[BoundaryAccumulator.INTER], s[BoundaryAccumulator.P_CONTOUR], s[BoundaryAccumulator.P_MATCHED],
                    s[BoundaryAccumulator.G_CONTOUR], s[BoundaryAccumulator.G_MATCHED]));
        }
        this.classes = Collections.unmodifiableList(list);
        this.images = images;
    }

    private BoundaryMetrics(List<ClassBoundary> classes, long images) {
        this.classes = List.copyOf(classes);
        this.images = images;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    /** Per-class results, in class order. */
    public List<ClassBoundary> classes() {
        return classes;
    }

    /** The result of one class value, or {@code null} when it was never met. */
    public ClassBoundary forClass(int value) {
        for (ClassBoundary c : classes) {
            if (c.value() == value) {
                return c;
            }
        }
        return null;
    }

    /** Images accumulated. */
    public long images() {
        return images;
    }

    /** Mean boundary IoU over classes where it is defined (NaN when none is). */
    public double meanBoundaryIoU() {
        return mean(true);
    }

    /** Mean boundary F-score over classes where it is defined. */
    public double meanBoundaryF1() {
        return mean(false);
    }

    private double mean(boolean iou) {
        double s = 0;
        int n = 0;
        for (ClassBoundary c : classes) {
            double v = iou ? c.boundaryIoU() : c.boundaryF1();
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return ratio(s, n);
    }

    private int defined(boolean iou) {
        int n = 0;
        for (ClassBoundary c : classes) {
            if (!Double.isNaN(iou ? c.boundaryIoU() : c.boundaryF1())) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /** The result as a JSON tree (snake_case keys, undefined values as null; see the class comment). */
    public ObjectNode toJsonNode() {
        ObjectNode o = JsonSupport.object();
        o.put("images", images);
        JsonSupport.put(o, "mean_boundary_iou", meanBoundaryIoU());
        JsonSupport.put(o, "mean_boundary_f1", meanBoundaryF1());
        o.put("defined_iou_classes", defined(true));
        o.put("defined_f1_classes", defined(false));
        ArrayNode a = o.putArray("classes");
        for (ClassBoundary c : classes) {
            a.add(c.toJsonNode());
        }
        return o;
    }

    /** The result as indented JSON. */
    public String toJson() {
        return JsonSupport.write(toJsonNode());
    }

    /**
     * Reads a result written by {@link #toJson()} (the counts; ratios and means are recomputed from them).
     *
     * @throws IllegalArgumentException if the text is not such an object or its counts are inconsistent (naming
     *                                  the field and what was found)
     */
    public static BoundaryMetrics fromJson(String json) {
        JsonNode o = JsonSupport.read(json);
        long images = JsonSupport.count(o, "images", "");
        JsonNode a = JsonSupport.arrayField(o, "classes", "");
        List<ClassBoundary> list = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            ClassBoundary c = ClassBoundary.read(a.get(i), JsonSupport.at("classes", i));
            for (ClassBoundary prev : list) {
                if (prev.value() == c.value()) {
                    throw new IllegalArgumentException("JSON field classes[" + i + "].value repeats class "
                            + c.value());
                }
            }
            list.add(c);
        }
        return new BoundaryMetrics(list, images);
    }

    /** Equal when the per-class counts and the number of images are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BoundaryMetrics b && images == b.images && classes.equals(b.classes);
    }

    @Override
    public int hashCode() {
        return classes.hashCode() * 31 + Long.hashCode(images);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "BoundaryMetrics[%d images, %d classes, mean boundary IoU %.4f, mean BF %.4f]", images, classes.size(),
                meanBoundaryIoU(), meanBoundaryF1()));
        for (ClassBoundary c : classes) {
            sb.append("\n  ").append(c);
        }
        return sb.toString();
    }
}
