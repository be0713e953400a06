package org.landcover4j.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A confusion matrix over an explicit list of class values, and every metric computed from it.
 *
 * <p><b>Orientation:</b> rows are the <em>reference</em> (ground truth), columns the <em>prediction</em> (map):
 * {@code count(i, j)} counts pixels whose reference is class {@code i} and prediction class {@code j}, where
 * {@code i} and {@code j} are positions in {@link #classValues()} (scikit-learn and torchmetrics convention;
 * remote-sensing papers transpose it). Counts are {@code long}; a weighted variant ({@link #ofWeights}) holds
 * doubles instead.
 *
 * <p><b>0/0 policy:</b> every metric whose denominator is 0 is NaN (written {@code null} in JSON), never a silent
 * 0 or 1. Macro means leave undefined classes out unless another {@link AbsentClassPolicy} is asked for, and
 * report how many classes were defined ({@link MacroAverage}).
 *
 * <p><b>Bookkeeping:</b> the matrix also carries how many pixels were ignored (ignore values and nodata of the
 * reference) and which pixels fell outside the class set ({@link OutOfRange}); neither is part of the metrics.
 *
 * <p><b>Merging:</b> {@link #merge(ConfusionMatrix)} adds two matrices; it is associative and commutative, so
 * matrices from tiles, threads or machines can be combined in any order. {@link #toJson()} and
 * {@link #fromJson(String)} carry a matrix between processes as a plain value.
 *
 * <p>Thread safety: immutable and safe to share.
 *
 * {@snippet :
 * var cm = ConfusionMatrix.of(new int[] {0, 1, 2}, new long[][] {{50, 3, 2}, {5, 30, 5}, {0, 4, 21}});
 * cm.overallAccuracy();              // 0.8417
 * cm.meanIoU();                      // 0.7093 (classes absent from both are left out)
 * cm.kappa(KappaWeighting.LINEAR);   // 0.7919
 * cm.classMetrics(1).recall();       // 0.75, the producer's accuracy of class 1
 * cm.pontius().allocation();         // 0.1333
 * }
 */
public final class ConfusionMatrix {

    private final int[] values;
    private final List<String> names;
    private final long[] counts;      // k*k row-major, null when weighted
    private final double[] weights;   // k*k row-major, null when counted
    private final long ignoredPixels;
    private final OutOfRange outOfRange;

    // derived, computed once
    private final double[] rowSum;
    private final double[] colSum;
    private final double total;
    private final Map<Integer, Integer> positions;

    private ConfusionMatrix(int[] values, List<String> names, long[] counts, double[] weights, long ignoredPixels,
                            OutOfRange outOfRange) {
        this.values = values;
        this.names = names;
        this.counts = counts;
        this.weights = weights;
        this.ignoredPixels = ignoredPixels;
        this.outOfRange = Objects.requireNonNull(outOfRange, "outOfRange");
        if (ignoredPixels < 0) {
            throw new IllegalArgumentException("ignoredPixels must be >= 0, got " + ignoredPixels);
        }
        int k = values.length;
        this.positions = new HashMap<>(k * 2);
        for (int i = 0; i < k; i++) {
            if (positions.put(values[i], i) != null) {
                throw new IllegalArgumentException("class values must be distinct, " + values[i] + " appears twice in "
                        + Arrays.toString(values));
            }
        }
        if (names != null && names.size() != k) {
            throw new IllegalArgumentException("need one class name per class (" + k + "), got " + names.size());
        }
        rowSum = new double[k];
        colSum = new double[k];
        double t = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = cell(i * k + j);
                rowSum[i] += v;
                colSum[j] += v;
                t += v;
            }
        }
        total = t;
    }

    static ConfusionMatrix internal(int[] values, List<String> names, long[] counts, long ignored, OutOfRange oor) {
        return new ConfusionMatrix(values, names, counts, null, ignored, oor);
    }

    private double cell(int index) {
        return counts != null ? counts[index] : weights[index];
    }

    // ------------------------------------------------------------------------------------------- factories

    /**
     * A matrix over classes 0..k-1 from counts with rows = reference, columns = prediction.
     *
     * @throws IllegalArgumentException if the matrix is not square or has a negative count
     */
    public static ConfusionMatrix of(long[][] counts) {
        int[] v = new int[counts.length];
        Arrays.setAll(v, i -> i);
        return of(v, counts);
    }

    /**
     * A matrix over the given class values from counts with rows = reference, columns = prediction.
     *
     * @param classValues distinct label values, in the order of the rows and columns
     * @param counts      {@code counts[i][j]}: pixels with reference {@code classValues[i]} and prediction
     *                    {@code classValues[j]}
     * @throws IllegalArgumentException if sizes differ, values repeat or a count is negative
     */
    public static ConfusionMatrix of(int[] classValues, long[][] counts) {
        int k = classValues.length;
        checkSquare(counts.length, k);
        long[] c = new long[k * k];
        for (int i = 0; i < k; i++) {
            checkSquare(counts[i].length, k);
            for (int j = 0; j < k; j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException("counts must be >= 0, got " + counts[i][j] + " at row " + i
                            + ", column " + j);
                }
                c[i * k + j] = counts[i][j];
            }
        }
        return new ConfusionMatrix(classValues.clone(), null, c, null, 0, OutOfRange.none());
    }

    /**
     * A weighted matrix (for example pixel areas or sample weights) over the given class values.
     *
     * @throws IllegalArgumentException if sizes differ, values repeat or a weight is negative or not finite
     */
    public static ConfusionMatrix ofWeights(int[] classValues, double[][] weights) {
        int k = classValues.length;
        checkSquare(weights.length, k);
        double[] w = new double[k * k];
        for (int i = 0; i < k; i++) {
            checkSquare(weights[i].length, k);
            for (int j = 0; j < k; j++) {
                double v = weights[i][j];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("weights must be finite and >= 0, got " + v + " at row " + i
                            + ", column " + j);
                }
                w[i * k + j] = v;
            }
        }
        return new ConfusionMatrix(classValues.clone(), null, null, w, 0, OutOfRange.none());
    }

    /**
     * Counts two label arrays over the given classes (a shortcut for a {@link ConfusionAccumulator}); values
     * outside the class set are reported in {@link #outOfRange()}.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static ConfusionMatrix fromLabels(int[] reference, int[] prediction, int... classValues) {
        ConfusionAccumulator acc = ConfusionAccumulator.forClasses(classValues);
        acc.add(reference, prediction);
        return acc.result();
    }

    private static void checkSquare(int n, int k) {
        if (n != k) {
            throw new IllegalArgumentException("the matrix must be " + k + "x" + k + " (one row and column per class)"
                    + ", got a dimension of " + n);
        }
    }

    /**
     * The same matrix with class names (for tables, JSON and plots).
     *
     * @throws IllegalArgumentException if there is not one name per class
     */
    public ConfusionMatrix withClassNames(List<String> classNames) {
        List<String> n = List.copyOf(classNames);
        return new ConfusionMatrix(values, n, counts, weights, ignoredPixels, outOfRange);
    }

    // ------------------------------------------------------------------------------------------- structure

    /** Number of classes. */
    public int size() {
        return values.length;
    }

    /** The class values in row/column order (a copy). */
    public int[] classValues() {
        return values.clone();
    }

    /** The class value at position {@code index}. */
    public int classValue(int index) {
        return values[index];
    }

    /** The position of a class value, or -1 when it is not in the class set. */
    public int indexOf(int classValue) {
        Integer p = positions.get(classValue);
        return p == null ? -1 : p;
    }

    /** The name of the class at {@code index}: its given name, or its value as text. */
    public String className(int index) {
        return names != null ? names.get(index) : Integer.toString(values[index]);
    }

    /** Whether class names were given. */
    public boolean hasClassNames() {
        return names != null;
    }

    /** Whether cells are weights (doubles) rather than counts. */
    public boolean isWeighted() {
        return weights != null;
    }

    /**
     * Pixels with reference class at {@code row} and predicted class at {@code column} (positions).
     *
     * @throws IllegalStateException if the matrix is weighted (use {@link #weight(int, int)})
     */
    public long count(int row, int column) {
        if (counts == null) {
            throw new IllegalStateException("a weighted matrix has no integer counts; use weight(row, column)");
        }
        return counts[Objects.checkIndex(row, size()) * size() + Objects.checkIndex(column, size())];
    }

    /** The cell at ({@code row}, {@code column}) as a double, for counted and weighted matrices. */
    public double weight(int row, int column) {
        return cell(Objects.checkIndex(row, size()) * size() + Objects.checkIndex(column, size()));
    }

    /**
     * The counts as a new array, rows = reference.
     *
     * @throws IllegalStateException if the matrix is weighted
     */
    public long[][] counts() {
        if (counts == null) {
            throw new IllegalStateException("a weighted matrix has no integer counts; use weights()");
        }
        int k = size();
        long[][] out = new long[k][];
        for (int i = 0; i < k; i++) {
            out[i] = Arrays.copyOfRange(counts, i * k, i * k + k);
        }
        return out;
    }

    /** The cells as a new array of doubles, rows = reference. */
    public double[][] weights() {
        int k = size();
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                out[i][j] = cell(i * k + j);
            }
        }
        return out;
    }

    /** Pixels counted in the matrix (the sum of all cells; for a weighted matrix, rounded). */
    public long pixels() {
        if (counts == null) {
            return Math.round(total);
        }
        long s = 0;
        for (long c : counts) {
            s = Math.addExact(s, c);
        }
        return s;
    }

    /** The sum of all cells as a double (the total weight of a weighted matrix). */
    public double total() {
        return total;
    }

    /** Reference pixels of the class at {@code index} (its row sum). */
    public double referenceTotal(int index) {
        return rowSum[index];
    }

    /** Pixels predicted as the class at {@code index} (its column sum). */
    public double predictedTotal(int index) {
        return colSum[index];
    }

    /** Reference pixels excluded because their value was an ignore value or the reference's nodata. */
    public long ignoredPixels() {
        return ignoredPixels;
    }

    /** Pixels excluded because a label was outside the class set, with the values. */
    public OutOfRange outOfRange() {
        return outOfRange;
    }

    // --------------------------------------------------------------------------------------- transformations

    /**
     * The sum of this matrix and {@code other}: associative and commutative.
     *
     * <p>Over the same class list the cells are added. Over different lists the result is over the sorted union
     * of their values (so the result does not depend on the order of merging). Names are kept when known. Weighted
     * plus counted gives a weighted matrix.
     *
     * @throws ArithmeticException if a count overflows a long
     */
    public ConfusionMatrix merge(ConfusionMatrix other) {
        int[] v;
        if (Arrays.equals(values, other.values)) {
            v = values;
        } else {
            TreeSet<Integer> all = new TreeSet<>();
            for (int x : values) {
                all.add(x);
            }
            for (int x : other.values) {
                all.add(x);
            }
            v = all.stream().mapToInt(Integer::intValue).toArray();
        }
        int k = v.length;
        int[] mapA = v == values ? identity(size()) : mapping(v);
        int[] mapB = v == values ? identity(size()) : other.mapping(v);
        List<String> n = mergeNames(v, other);
        OutOfRange oor = outOfRange.plus(other.outOfRange);
        long ignored = Math.addExact(ignoredPixels, other.ignoredPixels);
        if (weights == null && other.weights == null) {
            long[] c = new long[k * k];
            addInto(c, mapA, counts, size());
            addInto(c, mapB, other.counts, other.size());
            return new ConfusionMatrix(v, n, c, null, ignored, oor);
        }
        double[] w = new double[k * k];
        addInto(w, mapA, this);
        addInto(w, mapB, other);
        return new ConfusionMatrix(v, n, null, w, ignored, oor);
    }

    private static int[] identity(int k) {
        int[] m = new int[k];
        Arrays.setAll(m, i -> i);
        return m;
    }

    /** Positions of this matrix's values in a sorted superset. */
    private int[] mapping(int[] sortedTarget) {
        int[] m = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            m[i] = Arrays.binarySearch(sortedTarget, values[i]);
        }
        return m;
    }

    private static void addInto(long[] dst, int[] map, long[] src, int k) {
        int kk = (int) Math.round(Math.sqrt(dst.length));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int d = map[i] * kk + map[j];
                dst[d] = Math.addExact(dst[d], src[i * k + j]);
            }
        }
    }

    private static void addInto(double[] dst, int[] map, ConfusionMatrix src) {
        int kk = (int) Math.round(Math.sqrt(dst.length));
        int k = src.size();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                dst[map[i] * kk + map[j]] += src.cell(i * k + j);
            }
        }
    }

    private List<String> mergeNames(int[] v, ConfusionMatrix other) {
        if (names == null && other.names == null) {
            return null;
        }
        List<String> n = new ArrayList<>(v.length);
        for (int x : v) {
            int a = indexOf(x);
            int b = other.indexOf(x);
            String name = a >= 0 && names != null ? names.get(a)
                    : b >= 0 && other.names != null ? other.names.get(b) : Integer.toString(x);
            n.add(name);
        }
        return n;
    }

    /** The matrix with reference and prediction swapped (precision and recall trade places). */
    public ConfusionMatrix transpose() {
        int k = size();
        long[] c = counts == null ? null : new long[k * k];
        double[] w = weights == null ? null : new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (c != null) {
                    c[j * k + i] = counts[i * k + j];
                } else {
                    w[j * k + i] = weights[i * k + j];
                }
            }
        }
        OutOfRange oor = new OutOfRange(outOfRange.pixels(), outOfRange.predictionValues(),
                outOfRange.referenceValues());
        return new ConfusionMatrix(values, names, c, w, ignoredPixels, oor);
    }

    /**
     * The matrix restricted to classes present in the reference or the prediction (row or column sum above 0),
     * in their current order. Kappa on the compacted matrix equals scikit-learn's with {@code labels=None}.
     */
    public ConfusionMatrix compact() {
        int k = size();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (rowSum[i] > 0 || colSum[i] > 0) {
                keep.add(i);
            }
        }
        return select(keep);
    }

    private ConfusionMatrix select(List<Integer> keep) {
        int k = size();
        int m = keep.size();
        int[] v = new int[m];
        List<String> n = names == null ? null : new ArrayList<>(m);
        long[] c = counts == null ? null : new long[m * m];
        double[] w = weights == null ? null : new double[m * m];
        for (int a = 0; a < m; a++) {
            int i = keep.get(a);
            v[a] = values[i];
            if (n != null) {
                n.add(names.get(i));
            }
            for (int b = 0; b < m; b++) {
                int j = keep.get(b);
                if (c != null) {
                    c[a * m + b] = counts[i * k + j];
                } else {
                    w[a * m + b] = weights[i * k + j];
                }
            }
        }
        return new ConfusionMatrix(v, n == null ? null : List.copyOf(n), c, w, ignoredPixels, outOfRange);
    }

    /**
     * The matrix divided by row sums, column sums or the total; empty rows or columns give NaN cells.
     */
    public double[][] normalized(Normalization how) {
        int k = size();
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double den = switch (how) {
                    case REFERENCE -> rowSum[i];
                    case PREDICTION -> colSum[j];
                    case ALL -> total;
                };
                out[i][j] = Fmt.ratio(cell(i * k + j), den);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- per class

    /** The one-vs-rest scores of the class at {@code index}. */
    public ClassMetrics classMetrics(int index) {
        Objects.checkIndex(index, size());
        double tp = cell(index * size() + index);
        double fp = colSum[index] - tp;
        double fn = rowSum[index] - tp;
        double tn = total - tp - fp - fn;
        return ClassMetrics.of(values[index], className(index), tp, fp, fn, Math.max(0, tn));
    }

    /** The one-vs-rest scores of every class, in class order. */
    public List<ClassMetrics> classMetrics() {
        List<ClassMetrics> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(classMetrics(i));
        }
        return Collections.unmodifiableList(out);
    }

    /** Per-class values of one metric, in class order (NaN where undefined). */
    public double[] perClass(PerClassMetric metric) {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = metric.of(classMetrics(i));
        }
        return out;
    }

    /** Per-class IoU (NaN for classes absent from both reference and prediction). */
    public double[] iou() {
        return perClass(PerClassMetric.IOU);
    }

    /** Per-class F1 = Dice. */
    public double[] f1() {
        return perClass(PerClassMetric.F1);
    }

    /** Per-class precision = user's accuracy. */
    public double[] precision() {
        return perClass(PerClassMetric.PRECISION);
    }

    /** Per-class recall = producer's accuracy. */
    public double[] recall() {
        return perClass(PerClassMetric.RECALL);
    }

    /** Per-class F-beta from counts. */
    public double[] fBeta(double beta) {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = classMetrics(i).fBeta(beta);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ aggregates

    /** Overall accuracy: the diagonal over the total. */
    public double overallAccuracy() {
        return Fmt.ratio(trace(), total);
    }

    private double trace() {
        double t = 0;
        for (int i = 0; i < size(); i++) {
            t += cell(i * size() + i);
        }
        return t;
    }

    /** A macro average of a per-class metric under a policy for undefined classes. */
    public MacroAverage macro(PerClassMetric metric, AbsentClassPolicy policy) {
        return MacroAverage.of(metric, policy, perClass(metric));
    }

    /** Mean IoU over the classes present in reference or prediction (mmseg, torchmetrics macro). */
    public double meanIoU() {
        return meanIoU(AbsentClassPolicy.EXCLUDE);
    }

    /** Mean IoU with an explicit policy for classes absent from both. */
    public double meanIoU(AbsentClassPolicy policy) {
        return macro(PerClassMetric.IOU, policy).value();
    }

    /** Macro F1 over the classes present in reference or prediction. */
    public double macroF1() {
        return macro(PerClassMetric.F1, AbsentClassPolicy.EXCLUDE).value();
    }

    /**
     * Micro IoU: sum of TP over sum of TP + FP + FN. For single-label maps it equals OA / (2 - OA), so it adds
     * nothing to overall accuracy (it is what TorchGeo logs as "IoU").
     */
    public double microIoU() {
        double tp = trace();
        double wrong = total - tp;
        return Fmt.ratio(tp, tp + 2 * wrong);
    }

    /**
     * Frequency-weighted IoU: per-class IoU weighted by reference support / total (torchmetrics
     * {@code average='weighted'}).
     */
    public double frequencyWeightedIoU() {
        return weightedMean(iou(), rowSum);
    }

    /** Support-weighted F1 (scikit-learn {@code average='weighted'}). */
    public double weightedF1() {
        return weightedMean(f1(), rowSum);
    }

    /**
     * A weighted mean of per-class values with the given class weights; classes with weight 0 are left out, a
     * class with positive weight and an undefined value makes the result NaN.
     *
     * @throws IllegalArgumentException if the arrays do not have one entry per class or a weight is negative
     */
    public double weightedMean(double[] perClassValues, double[] classWeights) {
        if (perClassValues.length != size() || classWeights.length != size()) {
            throw new IllegalArgumentException("need one value and one weight per class (" + size() + "), got "
                    + perClassValues.length + " and " + classWeights.length);
        }
        double sum = 0;
        double wsum = 0;
        for (int i = 0; i < size(); i++) {
            double w = classWeights[i];
            if (!(w >= 0)) {
                throw new IllegalArgumentException("class weights must be >= 0, got " + w + " for class "
                        + className(i));
            }
            if (w > 0) {
                sum += w * perClassValues[i];
                wsum += w;
            }
        }
        return Fmt.ratio(sum, wsum);
    }

    /**
     * Average accuracy (AA): mean producer's accuracy over classes present in the reference; equal to
     * {@link #balancedAccuracy()}.
     */
    public double averageAccuracy() {
        return balancedAccuracy();
    }

    /** Balanced accuracy: mean recall over classes present in the reference (scikit-learn). */
    public double balancedAccuracy() {
        double sum = 0;
        int k = 0;
        for (int i = 0; i < size(); i++) {
            if (rowSum[i] > 0) {
                sum += cell(i * size() + i) / rowSum[i];
                k++;
            }
        }
        return Fmt.ratio(sum, k);
    }

    /**
     * Balanced accuracy adjusted for chance: (s - 1/k) / (1 - 1/k) with k the classes present in the reference;
     * NaN when k &lt;= 1.
     */
    public double balancedAccuracyAdjusted() {
        int k = 0;
        for (double r : rowSum) {
            if (r > 0) {
                k++;
            }
        }
        double chance = 1.0 / k;
        return Fmt.ratio(balancedAccuracy() - chance, 1 - chance);
    }

    /** Mean user's accuracy over classes that were predicted. */
    public double meanUsersAccuracy() {
        return macro(PerClassMetric.PRECISION, AbsentClassPolicy.EXCLUDE).value();
    }

    /** Cohen's unweighted kappa (legacy: see Pontius and Millones 2011; prefer OA, UA/PA and Pontius). */
    public double kappa() {
        return kappa(KappaWeighting.NONE);
    }

    /**
     * Cohen's kappa {@code 1 - sum(w O) / sum(w E)} with weights over positions in the class list; NaN when the
     * expected disagreement is 0 (for example a single class).
     */
    public double kappa(KappaWeighting weighting) {
        int k = size();
        if (total == 0) {
            return Double.NaN;
        }
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double w = weighting.weight(i, j);
                if (w != 0) {
                    observed += w * cell(i * k + j) / total;
                    expected += w * (rowSum[i] / total) * (colSum[j] / total);
                }
            }
        }
        return 1 - Fmt.ratio(observed, expected);
    }

    /**
     * Matthews correlation coefficient (multiclass R_K); NaN when a marginal is concentrated on one class
     * (scikit-learn returns 0 there).
     */
    public double mcc() {
        double c = trace();
        double s = total;
        double pt = 0;
        double pp = 0;
        double tt = 0;
        for (int i = 0; i < size(); i++) {
            pt += colSum[i] * rowSum[i];
            pp += colSum[i] * colSum[i];
            tt += rowSum[i] * rowSum[i];
        }
        double den = Math.sqrt((s * s - pp) * (s * s - tt));
        return Fmt.ratio(c * s - pt, den);
    }

    /** Pontius quantity, allocation, exchange and shift disagreement of the matrix as proportions. */
    public Pontius pontius() {
        int k = size();
        double[][] p = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                p[i][j] = cell(i * k + j) / total;
            }
        }
        return Pontius.compute(p);
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /**
     * The matrix as a JSON object: {@code values}, {@code names} (when given), {@code counts} or {@code weights}
     * (rows = reference), {@code ignored_pixels} and {@code out_of_range}.
     */
    public String toJson() {
        return Json.write(toJsonNode());
    }

    ObjectNode toJsonNode() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode v = o.putArray("values");
        for (int x : values) {
            v.add(x);
        }
        if (names != null) {
            ArrayNode n = o.putArray("names");
            names.forEach(n::add);
        }
        ArrayNode rows = o.putArray(counts != null ? "counts" : "weights");
        int k = size();
        for (int i = 0; i < k; i++) {
            ArrayNode r = rows.addArray();
            for (int j = 0; j < k; j++) {
                if (counts != null) {
                    r.add(counts[i * k + j]);
                } else {
                    r.add(weights[i * k + j]);
                }
            }
        }
        o.put("ignored_pixels", ignoredPixels);
        ObjectNode oor = o.putObject("out_of_range");
        oor.put("pixels", outOfRange.pixels());
        ObjectNode rv = oor.putObject("reference");
        outOfRange.referenceValues().forEach((key, c) -> rv.put(Long.toString(key), c));
        ObjectNode pv = oor.putObject("prediction");
        outOfRange.predictionValues().forEach((key, c) -> pv.put(Long.toString(key), c));
        return o;
    }

    /**
     * Reads a matrix written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not such an object (naming the field and what was found)
     */
    public static ConfusionMatrix fromJson(String json) {
        JsonNode o = Json.read(json);
        JsonNode v = Json.field(o, "values");
        int k = v.size();
        int[] values = new int[k];
        for (int i = 0; i < k; i++) {
            values[i] = Json.intValue(v.get(i), "values[" + i + "]");
        }
        List<String> names = null;
        if (o.has("names")) {
            names = new ArrayList<>();
            for (JsonNode n : o.get("names")) {
                names.add(n.asText());
            }
        }
        ConfusionMatrix m;
        if (o.has("counts")) {
            JsonNode rows = o.get("counts");
            long[][] c = new long[rows.size()][];
            for (int i = 0; i < c.length; i++) {
                JsonNode r = rows.get(i);
                c[i] = new long[r.size()];
                for (int j = 0; j < c[i].length; j++) {
                    c[i][j] = Json.longValue(r.get(j), "counts[" + i + "][" + j + "]");
                }
            }
            m = of(values, c);
        } else {
            JsonNode rows = Json.field(o, "weights");
            double[][] w = new double[rows.size()][];
            for (int i = 0; i < w.length; i++) {
                JsonNode r = rows.get(i);
                w[i] = new double[r.size()];
                for (int j = 0; j < w[i].length; j++) {
                    w[i][j] = r.get(j).asDouble();
                }
            }
            m = ofWeights(values, w);
        }
        long ignored = o.has("ignored_pixels") ? Json.longValue(o.get("ignored_pixels"), "ignored_pixels") : 0;
        OutOfRange oor = OutOfRange.none();
        if (o.has("out_of_range")) {
            JsonNode x = o.get("out_of_range");
            oor = new OutOfRange(Json.longValue(Json.field(x, "pixels"), "out_of_range.pixels"),
                    valueCounts(x.get("reference")), valueCounts(x.get("prediction")));
        }
        return new ConfusionMatrix(m.values, names == null ? null : List.copyOf(names), m.counts, m.weights, ignored,
                oor);
    }

    private static TreeMap<Long, Long> valueCounts(JsonNode node) {
        TreeMap<Long, Long> m = new TreeMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> {
                try {
                    m.put(Long.parseLong(e.getKey()), Json.longValue(e.getValue(), e.getKey()));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("out_of_range keys must be integers, got \"" + e.getKey() + "\"");
                }
            });
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------ identity

    /** Equal when class values, names, cells and bookkeeping are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && Arrays.equals(values, m.values) && Objects.equals(names, m.names)
                && Arrays.equals(counts, m.counts) && Arrays.equals(weights, m.weights)
                && ignoredPixels == m.ignoredPixels && outOfRange.equals(m.outOfRange);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Arrays.hashCode(counts) + Arrays.hashCode(weights);
    }

    /** The matrix as a table with a one-line summary (rows = reference, columns = prediction). */
    @Override
    public String toString() {
        int k = size();
        StringBuilder sb = new StringBuilder();
        sb.append("ConfusionMatrix[").append(k).append(k == 1 ? " class, " : " classes, ")
                .append(Fmt.count(total)).append(isWeighted() ? " total weight" : " pixels");
        if (ignoredPixels > 0) {
            sb.append(", ").append(ignoredPixels).append(" ignored");
        }
        if (!outOfRange.isEmpty()) {
            sb.append(", ").append(outOfRange.pixels()).append(" outside the class set");
        }
        sb.append("; rows = reference, columns = prediction]\n");
        int shown = Math.min(k, 20);
        int w = 6;
        for (int i = 0; i < shown; i++) {
            w = Math.max(w, Math.min(16, className(i).length()) + 1);
            for (int j = 0; j < shown; j++) {
                w = Math.max(w, Fmt.count(cell(i * k + j)).length() + 1);
            }
        }
        sb.append(" ".repeat(w));
        for (int j = 0; j < shown; j++) {
            sb.append(Fmt.pad(abbreviate(className(j)), w));
        }
        sb.append(k > shown ? "  ...\n" : "\n");
        for (int i = 0; i < shown; i++) {
            sb.append(Fmt.padRight(abbreviate(className(i)), w));
            for (int j = 0; j < shown; j++) {
                sb.append(Fmt.pad(Fmt.count(cell(i * k + j)), w));
            }
            sb.append(k > shown ? "  ...\n" : "\n");
        }
        if (k > shown) {
            sb.append("... (").append(k - shown).append(" more classes)\n");
        }
        MacroAverage miou = macro(PerClassMetric.IOU, AbsentClassPolicy.EXCLUDE);
        sb.append("OA ").append(Fmt.num(overallAccuracy())).append(", mIoU ").append(Fmt.num(miou.value()))
                .append(" (").append(miou.definedClasses()).append('/').append(k).append(" classes), kappa ")
                .append(Fmt.num(kappa()));
        if (!outOfRange.isEmpty()) {
            sb.append('\n').append(outOfRange);
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 15 ? s : s.substring(0, 14) + "~";
    }
}
