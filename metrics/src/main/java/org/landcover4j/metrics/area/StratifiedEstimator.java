package org.landcover4j.metrics.area;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Design-based estimators of accuracy and area from a stratified random sample: Stehman (2014) for any strata,
 * which is Olofsson et al. (2014) when the strata are the map classes.
 *
 * <p>Every quantity is a stratified total or a ratio of stratified totals of per-unit indicators (Stehman 2014):
 * area of class k, {@code y = [reference = k]}; overall accuracy, {@code y = [map = reference]}; user's accuracy of
 * k, {@code y = [map = reference = k]} over {@code x = [map = k]}; producer's accuracy, the same {@code y} over
 * {@code x = [reference = k]}; error-matrix cell (a, b), {@code y = [map = a, reference = b]}. Totals
 * {@code Y = sum_h N_h ybar_h} with variance {@code sum_h N_h^2 (1 - f_h) s_yh^2 / n_h}; ratios {@code R = Y / X}
 * with variance {@code (1 / X^2) sum_h N_h^2 (1 - f_h)(s_yh^2 + R^2 s_xh^2 - 2 R s_xyh) / n_h}, where
 * {@code f_h = n_h / N_h} with the finite-population correction and 0 without.
 *
 * <p>Undefined results are NaN: a ratio whose denominator estimate is 0 (a class never mapped or never in the
 * reference sample), and standard errors when a stratum has a single unit ({@code n_h - 1 = 0}).
 *
 * <p>Thread safety: stateless.
 *
 * {@snippet :
 * // Olofsson et al. (2014) Table 8: rows = map class, columns = reference class
 * long[][] counts = {{66, 0, 5, 4}, {0, 55, 8, 12}, {1, 0, 153, 11}, {2, 1, 9, 313}};
 * double[] mappedPixels = {200_000, 150_000, 3_200_000, 6_450_000};
 * var e = StratifiedEstimator.olofsson(counts, mappedPixels, 0.09, EstimationOptions.defaults());
 * e.area(0);                // 21157.76 ± 6157.63 ha
 * e.producersAccuracy(0);   // 0.7487 ± 0.2133
 * }
 */
public final class StratifiedEstimator {

    private StratifiedEstimator() {
    }

    /** Estimates with unit area 1 and default options (z = 1.96, no finite-population correction). */
    public static AccuracyAreaEstimate estimate(StratifiedSample sample) {
        return estimate(sample, 1.0, EstimationOptions.defaults());
    }

    /**
     * Estimates accuracy and area from a stratified sample.
     *
     * @param unitArea area of one sampling unit in the user's unit (for example 0.09 ha for a 30 m pixel)
     * @throws IllegalArgumentException if {@code unitArea} is not positive, or with the finite-population
     *                                  correction a stratum has more sample units than its population
     */
    public static AccuracyAreaEstimate estimate(StratifiedSample sample, double unitArea, EstimationOptions options) {
        if (!(unitArea > 0) || Double.isInfinite(unitArea)) {
            throw new IllegalArgumentException("unitArea must be positive and finite, got " + unitArea);
        }
        if (options.finitePopulationCorrection()) {
            for (int h = 0; h < sample.strata().size(); h++) {
                if (sample.sampleSize(h) > sample.populationSize(h)) {
                    throw new IllegalArgumentException("stratum " + sample.strata().get(h) + " has "
                            + sample.sampleSize(h) + " sample units but a population of " + sample.populationSize(h)
                            + "; the finite-population correction needs n_h <= N_h");
                }
            }
        }
        return new Engine(sample, options).run(unitArea);
    }

    /**
     * Olofsson et al. (2014): strata are the map classes 0..k-1.
     *
     * @param countsMapByReference sample counts, rows = MAP class (stratum), columns = REFERENCE class
     * @param mappedUnits          mapped sampling units (pixels) of each map class
     * @param unitArea             area of one unit in the user's unit
     * @throws IllegalArgumentException if sizes differ, or a map class has no sample unit (naming it)
     */
    public static AccuracyAreaEstimate olofsson(long[][] countsMapByReference, double[] mappedUnits, double unitArea,
                                                EstimationOptions options) {
        int[] classes = new int[countsMapByReference.length];
        Arrays.setAll(classes, i -> i);
        return olofsson(classes, null, countsMapByReference, mappedUnits, unitArea, options);
    }

    /**
     * Olofsson et al. (2014) with class values and optional names (strata are named after the classes).
     *
     * @param countsMapByReference sample counts, rows = MAP class (stratum), columns = REFERENCE class
     * @throws IllegalArgumentException if sizes differ, or a map class has no sample unit (naming it)
     */
    public static AccuracyAreaEstimate olofsson(int[] classes, List<String> classNames, long[][] countsMapByReference,
                                                double[] mappedUnits, double unitArea, EstimationOptions options) {
        int k = classes.length;
        if (countsMapByReference.length != k || mappedUnits.length != k) {
            throw new IllegalArgumentException("need " + k + " rows of counts and " + k + " mapped sizes, got "
                    + countsMapByReference.length + " and " + mappedUnits.length);
        }
        var b = StratifiedSample.builder().classes(classes);
        if (classNames != null) {
            b.classNames(classNames);
        }
        for (int i = 0; i < k; i++) {
            String stratum = classNames != null ? classNames.get(i) : Integer.toString(classes[i]);
            b.stratum(stratum, mappedUnits[i]);
            if (countsMapByReference[i].length != k) {
                throw new IllegalArgumentException("row " + i + " of the counts has " + countsMapByReference[i].length
                        + " entries, expected " + k);
            }
            for (int j = 0; j < k; j++) {
                b.units(stratum, classes[i], classes[j], countsMapByReference[i][j]);
            }
        }
        return estimate(b.build(), unitArea, options);
    }

    /** Evaluates the indicator estimators over one sample. */
    private static final class Engine {
        private final StratifiedSample s;
        private final EstimationOptions o;
        private final int k;
        private final int strata;
        private final double total;

        Engine(StratifiedSample s, EstimationOptions o) {
            this.s = s;
            this.o = o;
            this.k = s.classes().length;
            this.strata = s.strata().size();
            this.total = s.totalPopulation();
        }

        @FunctionalInterface
        interface Indicator {
            boolean test(int map, int ref);
        }

        /** Per-stratum sums: sum y, sum x, sum xy, n. */
        private double[] sums(int h, Indicator y, Indicator x) {
            double sy = 0;
            double sx = 0;
            double sxy = 0;
            double n = 0;
            for (int m = 0; m < k; m++) {
                for (int r = 0; r < k; r++) {
                    long c = s.count(h, m, r);
                    if (c == 0) {
                        continue;
                    }
                    boolean yy = y.test(m, r);
                    boolean xx = x != null && x.test(m, r);
                    n += c;
                    if (yy) {
                        sy += c;
                    }
                    if (xx) {
                        sx += c;
                    }
                    if (yy && xx) {
                        sxy += c;
                    }
                }
            }
            return new double[] {sy, sx, sxy, n};
        }

        private double fpc(int h, double n) {
            return o.finitePopulationCorrection() ? 1 - n / s.populationSize(h) : 1;
        }

        /** The population total of y and its variance. */
        private double[] total(Indicator y) {
            double t = 0;
            double v = 0;
            for (int h = 0; h < strata; h++) {
                double[] q = sums(h, y, null);
                double n = q[3];
                double nh = s.populationSize(h);
                double mean = q[0] / n;
                double s2 = (q[0] - n * mean * mean) / (n - 1);
                t += nh * mean;
                v += nh * nh * fpc(h, n) * s2 / n;
            }
            return new double[] {t, v};
        }

        /** A population proportion (total / N) as an estimate. */
        private Estimate proportion(Indicator y) {
            double[] tv = total(y);
            return estimate(tv[0] / total, Math.sqrt(tv[1]) / total);
        }

        /** The ratio of the totals of y and x as an estimate. */
        private Estimate ratio(Indicator y, Indicator x) {
            double ty = 0;
            double tx = 0;
            double[][] q = new double[strata][];
            for (int h = 0; h < strata; h++) {
                q[h] = sums(h, y, x);
                double nh = s.populationSize(h);
                ty += nh * q[h][0] / q[h][3];
                tx += nh * q[h][1] / q[h][3];
            }
            if (tx == 0) {
                return estimate(Double.NaN, Double.NaN);
            }
            double r = ty / tx;
            double v = 0;
            for (int h = 0; h < strata; h++) {
                double n = q[h][3];
                double my = q[h][0] / n;
                double mx = q[h][1] / n;
                double s2y = (q[h][0] - n * my * my) / (n - 1);
                double s2x = (q[h][1] - n * mx * mx) / (n - 1);
                double sxy = (q[h][2] - n * mx * my) / (n - 1);
                double nh = s.populationSize(h);
                v += nh * nh * fpc(h, n) * (s2y + r * r * s2x - 2 * r * sxy) / n;
            }
            return estimate(r, Math.sqrt(Math.max(0, v)) / tx);
        }

        private Estimate estimate(double value, double se) {
            return new Estimate(value, Double.isNaN(se) ? Double.NaN : se, o.z());
        }

        AccuracyAreaEstimate run(double unitArea) {
            Estimate oa = proportion((m, r) -> m == r);
            List<Estimate> ua = new ArrayList<>(k);
            List<Estimate> pa = new ArrayList<>(k);
            List<Estimate> area = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                final int cc = c;
                ua.add(ratio((m, r) -> m == cc && r == cc, (m, r) -> m == cc));
                pa.add(ratio((m, r) -> m == cc && r == cc, (m, r) -> r == cc));
                area.add(proportion((m, r) -> r == cc));
            }
            double[][] p = new double[k][k];
            double[][] pse = new double[k][k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    final int aa = a;
                    final int bb = b;
                    Estimate e = proportion((m, r) -> m == aa && r == bb);
                    p[a][b] = e.value();
                    pse[a][b] = e.standardError();
                }
            }
            return new AccuracyAreaEstimate(s.classes(), s.classNames(), oa, ua, pa, area, p, pse,
                    total * unitArea, o);
        }
    }
}
