package org.landcover4j.metrics.area;

import java.util.List;
import java.util.Locale;
import org.landcover4j.metrics.Pontius;

/**
 * Accuracy and area estimated from a stratified sample: overall, user's and producer's accuracy, class area
 * proportions and areas, each with a standard error and confidence interval, and the estimated population error
 * matrix.
 *
 * <p>Orientation: {@link #proportionsMapByReference()} has rows = MAP class and columns = REFERENCE class, as in
 * Olofsson et al. (2014) and Stehman (2014) (the transpose of {@link org.landcover4j.metrics.ConfusionMatrix}).
 * Areas are in the unit given to {@link StratifiedEstimator} (unit area times population size).
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * var e = StratifiedEstimator.olofsson(counts, mappedPixels, 0.09, EstimationOptions.defaults());
 * e.overallAccuracy().value();     // 0.9465
 * e.area(0).halfWidth();           // 6157.63 ha
 * e.pontius().quantity();          // on the estimated population matrix
 * System.out.println(e);           // a table
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
