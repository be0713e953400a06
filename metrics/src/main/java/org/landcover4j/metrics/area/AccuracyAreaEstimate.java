package org.landcover4j.metrics.area;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.landcover4j.metrics.Pontius;
import org.landcover4j.metrics.internal.JsonSupport;

/**
 * Accuracy and area estimated from a stratified sample: overall, user's and producer's accuracy, class area
 * proportions and areas, each with a standard error and confidence interval, and the estimated population error
 * matrix.
 *
 * <p>Orientation: {@link #proportionsMapByReference()} has rows = MAP class and columns = REFERENCE class, as in
 * Olofsson et al. (2014) and Stehman (2014) (the transpose of {@link org.landcover4j.metrics.ConfusionMatrix}).
 * Areas are in the unit given to {@link StratifiedEstimator} (unit area times population size).
 *
 * <p>JSON ({@link #toJson()}, read back by {@link #fromJson(String)}): {@code options} ({@code z},
 * {@code finite_population_correction}), {@code total_area}, {@code overall_accuracy}, the Pontius components of
 * the estimated population matrix as in {@code EvaluationReport} ({@code total_disagreement},
 * {@code quantity_disagreement}, {@code allocation_disagreement}, {@code exchange_disagreement},
 * {@code shift_disagreement}), {@code classes} (per class {@code value}, {@code name}, {@code users_accuracy},
 * {@code producers_accuracy}, {@code area_proportion}, {@code area}, and the per-class Pontius components
 * {@code quantity_disagreement} ... {@code shift_disagreement}, which sum to twice the totals),
 * {@code proportions_map_by_reference} and {@code proportion_standard_errors} (rows = MAP class). Each estimate is
 * an object with {@code value}, {@code standard_error}, {@code half_width}, {@code lower}, {@code upper} and
 * {@code z} ({@link Estimate#toJson()}); undefined numbers are {@code null}. Keys that follow from others (areas,
 * Pontius, interval bounds) are ignored when reading.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * var e = StratifiedEstimator.olofsson(counts, mappedPixels, 0.09, EstimationOptions.defaults());
 * e.overallAccuracy().value();     // 0.9465
 * e.area(0).halfWidth();           // 6157.63 ha
 * e.pontius().quantity();          // on the estimated population matrix
 * System.out.println(e);           // a table
 * Files.writeString(Path.of("area.json"), e.toJson());
 * AccuracyAreaEstimate again = AccuracyAreaEstimate.fromJson(Files.readString(Path.of("area.json")));
 * }
 */
public final class AccuracyAreaEstimate {
    private final int[] classes;
    private final List<String> names;
    private final Estimate overall;
    private final List<Estimate> users;
    private final List<Estimate> producers;
    private final List<Estimate> proportions;
    private final double[][] p;
    private final double[][] pse;
    private final double totalArea;
    private final EstimationOptions options;

    AccuracyAreaEstimate(int[] classes, List<String> names, Estimate overall, List<Estimate> users,
                         List<Estimate> producers, List<Estimate> proportions, double[][] p, double[][] pse,
                         double totalArea, EstimationOptions options) {
        this.classes = classes;
        this.names = names;
        this.overall = overall;
        this.users = List.copyOf(users);
        this.producers = List.copyOf(producers);
        this.proportions = List.copyOf(proportions);
        this.p = p;
        this.pse = pse;
        this.totalArea = totalArea;
        this.options = options;
    }

    /** The class values, in order (a copy). */
    public int[] classes() {
        return classes.clone();
    }

    /** The name of class {@code i} (its value as text when no names were given). */
    public String className(int i) {
        return names != null ? names.get(i) : Integer.toString(classes[i]);
    }

    /** The options used. */
    public EstimationOptions options() {
        return options;
    }

    /** Overall accuracy. */
    public Estimate overallAccuracy() {
        return overall;
    }

    /** User's accuracy of class {@code i} (NaN when the class was never mapped in the sample). */
    public Estimate usersAccuracy(int i) {
        return users.get(i);
    }

    /** Producer's accuracy of class {@code i} (NaN when the class never occurs in the reference sample). */
    public Estimate producersAccuracy(int i) {
        return producers.get(i);
    }

    /** User's accuracies of all classes. */
    public List<Estimate> usersAccuracies() {
        return users;
    }

    /** Producer's accuracies of all classes. */
    public List<Estimate> producersAccuracies() {
        return producers;
    }

    /** The estimated proportion of the population whose reference class is class {@code i}. */
    public Estimate areaProportion(int i) {
        return proportions.get(i);
    }

    /** The estimated area of class {@code i} (reference), in the user's unit. */
    public Estimate area(int i) {
        return proportions.get(i).times(totalArea);
    }

    /** Total area of the population in the user's unit. */
    public double totalArea() {
        return totalArea;
    }

    /** The estimated population error matrix as proportions; rows = MAP class, columns = REFERENCE class (copy). */
    public double[][] proportionsMapByReference() {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i].clone();
        }
        return out;
    }

    /** Standard errors of the cells of {@link #proportionsMapByReference()} (a copy). */
    public double[][] proportionStandardErrors() {
        double[][] out = new double[pse.length][];
        for (int i = 0; i < pse.length; i++) {
            out[i] = pse[i].clone();
        }
        return out;
    }

    /** Pontius quantity, allocation, exchange and shift on the estimated population matrix. */
    public Pontius pontius() {
        return Pontius.ofProportions(p);
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /** The estimate as a JSON tree (snake_case keys, undefined values as null; see the class comment). */
    public ObjectNode toJsonNode() {
        ObjectNode o = JsonSupport.object();
        o.set("options", options.toJsonNode());
        JsonSupport.put(o, "total_area", totalArea);
        o.set("overall_accuracy", overall.toJsonNode());
        Pontius pontius = pontius();
        JsonSupport.put(o, "total_disagreement", pontius.total());
        JsonSupport.put(o, "quantity_disagreement", pontius.quantity());
        JsonSupport.put(o, "allocation_disagreement", pontius.allocation());
        JsonSupport.put(o, "exchange_disagreement", pontius.exchange());
        JsonSupport.put(o, "shift_disagreement", pontius.shift());
        double[] q = pontius.perClassQuantity();
        double[] a = pontius.perClassAllocation();
        double[] e = pontius.perClassExchange();
        double[] s = pontius.perClassShift();
        ArrayNode cls = o.putArray("classes");
        for (int i = 0; i < classes.length; i++) {
            ObjectNode c = cls.addObject();
            c.put("value", classes[i]);
            c.put("name", className(i));
            c.set("users_accuracy", users.get(i).toJsonNode());
            c.set("producers_accuracy", producers.get(i).toJsonNode());
            c.set("area_proportion", proportions.get(i).toJsonNode());
            c.set("area", area(i).toJsonNode());
            JsonSupport.put(c, "quantity_disagreement", q[i]);
            JsonSupport.put(c, "allocation_disagreement", a[i]);
            JsonSupport.put(c, "exchange_disagreement", e[i]);
            JsonSupport.put(c, "shift_disagreement", s[i]);
        }
        JsonSupport.matrix(o, "proportions_map_by_reference", p);
        JsonSupport.matrix(o, "proportion_standard_errors", pse);
        return o;
    }

    /** The estimate as indented JSON. */
    public String toJson() {
        return JsonSupport.write(toJsonNode());
    }

    /**
     * Reads an estimate written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not such an object (naming the field and what was found)
     */
    public static AccuracyAreaEstimate fromJson(String json) {
        JsonNode o = JsonSupport.read(json);
        EstimationOptions options = EstimationOptions.read(JsonSupport.objectField(o, "options", ""), "options");
        double total = JsonSupport.doubleValue(JsonSupport.field(o, "total_area", ""), "total_area");
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new IllegalArgumentException("JSON field total_area must be positive and finite, got " + total);
        }
        Estimate overall = Estimate.read(JsonSupport.objectField(o, "overall_accuracy", ""), "overall_accuracy");
        JsonNode cls = JsonSupport.arrayField(o, "classes", "");
        int k = cls.size();
        if (k == 0) {
            throw new IllegalArgumentException("JSON field classes must list at least one class");
        }
        int[] values = new int[k];
        List<String> names = new ArrayList<>(k);
        List<Estimate> ua = new ArrayList<>(k);
        List<Estimate> pa = new ArrayList<>(k);
        List<Estimate> prop = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            String path = JsonSupport.at("classes", i);
            JsonNode c = cls.get(i);
            values[i] = JsonSupport.intValue(JsonSupport.field(c, "value", path), JsonSupport.at(path, "value"));
            for (int j = 0; j < i; j++) {
                if (values[j] == values[i]) {
                    throw new IllegalArgumentException("JSON field " + JsonSupport.at(path, "value") + " repeats class "
                            + values[i]);
                }
            }
            names.add(JsonSupport.text(c, "name", path));
            ua.add(Estimate.read(JsonSupport.objectField(c, "users_accuracy", path),
                    JsonSupport.at(path, "users_accuracy")));
            pa.add(Estimate.read(JsonSupport.objectField(c, "producers_accuracy", path),
                    JsonSupport.at(path, "producers_accuracy")));
            prop.add(Estimate.read(JsonSupport.objectField(c, "area_proportion", path),
                    JsonSupport.at(path, "area_proportion")));
        }
        double[][] p = JsonSupport.doubleMatrix(o, "proportions_map_by_reference", "", k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (!(p[i][j] >= 0) || Double.isInfinite(p[i][j])) {
                    throw new IllegalArgumentException("JSON field proportions_map_by_reference[" + i + "][" + j
                            + "] must be a finite proportion >= 0, got " + p[i][j]);
                }
            }
        }
        double[][] pse = JsonSupport.doubleMatrix(o, "proportion_standard_errors", "", k);
        return new AccuracyAreaEstimate(values, List.copyOf(names), overall, ua, pa, prop, p, pse, total, options);
    }

    /**
     * Equal when classes, names, every estimate, both matrices, the total area and the options are equal (NaN
     * equal to NaN).
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AccuracyAreaEstimate e) || !java.util.Arrays.equals(classes, e.classes)) {
            return false;
        }
        for (int i = 0; i < classes.length; i++) {
            if (!className(i).equals(e.className(i))) {
                return false;
            }
        }
        return overall.equals(e.overall) && users.equals(e.users) && producers.equals(e.producers)
                && proportions.equals(e.proportions) && java.util.Arrays.deepEquals(p, e.p)
                && java.util.Arrays.deepEquals(pse, e.pse) && Double.compare(totalArea, e.totalArea) == 0
                && options.equals(e.options);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(classes) * 31 + overall.hashCode() * 17 + java.util.Arrays.deepHashCode(p);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "AccuracyAreaEstimate[%d classes, z = %s%s]%n", classes.length,
                options.z(), options.finitePopulationCorrection() ? ", finite-population correction" : ""));
        sb.append(String.format(Locale.ROOT, "overall accuracy %.4f ± %.4f%n", overall.value(), overall.halfWidth()));
        sb.append(String.format(Locale.ROOT, "%-20s %18s %18s %28s%n", "class", "user's accuracy",
                "producer's acc.", "area"));
        for (int i = 0; i < classes.length; i++) {
            Estimate a = area(i);
            sb.append(String.format(Locale.ROOT, "%-20s %8.4f ± %7.4f %8.4f ± %7.4f %14.6g ± %11.6g%n",
                    abbreviate(className(i)), users.get(i).value(), users.get(i).halfWidth(),
                    producers.get(i).value(), producers.get(i).halfWidth(), a.value(), a.halfWidth()));
        }
        return sb.toString().stripTrailing();
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 19) + "~";
    }
}
