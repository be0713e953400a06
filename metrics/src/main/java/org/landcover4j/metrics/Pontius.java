package org.landcover4j.metrics;

import java.util.Arrays;

/**
 * Pontius components of disagreement between two maps, as proportions of the total: quantity and allocation
 * (Pontius and Millones 2011), allocation split into exchange and shift (Pontius and Santacruz 2014).
 *
 * <p>Definitions over proportions {@code p_ij} (the matrix divided by its total), with {@code r_g} and
 * {@code c_g} the row and column sums of class {@code g}: quantity {@code q_g = |r_g - c_g|}, allocation
 * {@code a_g = 2 min(r_g - p_gg, c_g - p_gg)}, exchange {@code e_g = sum_{i != g} 2 min(p_ig, p_gi)}, shift
 * {@code s_g = a_g - e_g}. Totals are half the per-class sums, so {@code total = quantity + allocation} and
 * {@code allocation = exchange + shift}. Every component is symmetric in reference and prediction, so the matrix
 * orientation does not matter. An empty matrix gives NaN everywhere.
 *
 * {@snippet :
 * Pontius p = cm.pontius();
 * p.quantity();      // 0.025 on METRICS.md case CM1
 * p.allocation();    // 0.1333
 * Pontius.ofProportions(estimate.proportionsMapByReference());   // on a stratified population estimate
 * }
 *
 * @param total             total disagreement D = 1 - sum of the diagonal
 * @param quantity          quantity disagreement Q
 * @param allocation        allocation disagreement A = D - Q
 * @param exchange          exchange E, part of A
 * @param shift             shift S = A - E
 * @param perClassQuantity   q_g for each class (their sum is 2Q)
 * @param perClassAllocation a_g for each class (their sum is 2A)
 * @param perClassExchange   e_g for each class (their sum is 2E)
 * @param perClassShift      s_g for each class (their sum is 2S)
 */
public record Pontius(double total, double quantity, double allocation, double exchange, double shift,
                      double[] perClassQuantity, double[] perClassAllocation, double[] perClassExchange,
                      double[] perClassShift) {

    /** Copies the arrays and checks they have one entry per class. */
    public Pontius {
        perClassQuantity = perClassQuantity.clone();
        perClassAllocation = perClassAllocation.clone();
        perClassExchange = perClassExchange.clone();
        perClassShift = perClassShift.clone();
        int k = perClassQuantity.length;
        if (perClassAllocation.length != k || perClassExchange.length != k || perClassShift.length != k) {
            throw new IllegalArgumentException("per-class arrays must have the same length");
        }
    }

    /**
     * The components of a square matrix of proportions (or of any non-negative weights, which are normalised by
     * their sum first).
     *
     * @throws IllegalArgumentException if the matrix is not square or holds negative or non-finite values
     */
    public static Pontius ofProportions(double[][] matrix) {
        int k = matrix.length;
        double sum = 0;
        for (double[] row : matrix) {
            if (row.length != k) {
                throw new IllegalArgumentException("matrix must be square, got a row of " + row.length + " in " + k);
            }
            for (double v : row) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("matrix cells must be finite and non-negative, got " + v);
                }
                sum += v;
            }
        }
        double[][] p = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                p[i][j] = matrix[i][j] / sum;   // NaN when the matrix is empty
            }
        }
        return compute(p);
    }

    static Pontius compute(double[][] p) {
        int k = p.length;
        double[] q = new double[k];
        double[] a = new double[k];
        double[] e = new double[k];
        double[] s = new double[k];
        double diag = 0;
        for (int g = 0; g < k; g++) {
            double row = 0;
            double col = 0;
            for (int i = 0; i < k; i++) {
                row += p[g][i];
                col += p[i][g];
            }
            diag += p[g][g];
            q[g] = Math.abs(row - col);
            a[g] = 2 * Math.min(row - p[g][g], col - p[g][g]);
            double ex = 0;
            for (int i = 0; i < k; i++) {
                if (i != g) {
                    ex += 2 * Math.min(p[i][g], p[g][i]);
                }
            }
            e[g] = ex;
            s[g] = a[g] - e[g];
        }
        double total = k == 0 ? Double.NaN : 1 - diag;
        double quantity = half(q);
        double allocation = half(a);
        double exchange = half(e);
        return new Pontius(total, quantity, allocation, exchange, allocation - exchange, q, a, e, s);
    }

    private static double half(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 ? Double.NaN : sum / 2;
    }

    @Override
    public double[] perClassQuantity() {
        return perClassQuantity.clone();
    }

    @Override
    public double[] perClassAllocation() {
        return perClassAllocation.clone();
    }

    @Override
    public double[] perClassExchange() {
        return perClassExchange.clone();
    }

    @Override
    public double[] perClassShift() {
        return perClassShift.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pontius p && Double.compare(total, p.total) == 0
                && Double.compare(quantity, p.quantity) == 0 && Double.compare(allocation, p.allocation) == 0
                && Double.compare(exchange, p.exchange) == 0 && Double.compare(shift, p.shift) == 0
                && Arrays.equals(perClassQuantity, p.perClassQuantity)
                && Arrays.equals(perClassAllocation, p.perClassAllocation)
                && Arrays.equals(perClassExchange, p.perClassExchange) && Arrays.equals(perClassShift, p.perClassShift);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(total) * 31 + Arrays.hashCode(perClassQuantity);
    }

    @Override
    public String toString() {
        return "Pontius[disagreement " + Fmt.num(total) + " = quantity " + Fmt.num(quantity) + " + allocation "
                + Fmt.num(allocation) + " (exchange " + Fmt.num(exchange) + ", shift " + Fmt.num(shift) + ")]";
    }
}
