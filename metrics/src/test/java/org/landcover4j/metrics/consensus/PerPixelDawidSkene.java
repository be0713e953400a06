package org.landcover4j.metrics.consensus;

/**
 * A deliberately plain per-pixel implementation of crowd-kit 1.4.1's Dawid-Skene (no tuple aggregation, linear
 * probabilities in the M-step, log2 in the E-step as crowd-kit), used as an oracle for the tuple-based code.
 */
final class PerPixelDawidSkene {
    private PerPixelDawidSkene() {
    }

    /** labels[a][p]: class value or 0 = missing; returns the posterior per pixel (null for unlabelled pixels). */
    static double[][] run(int[][] labels, int[] classValues, int maxIter, double tol) {
        int n = labels.length;
        int px = labels[0].length;
        int k = classValues.length;
        int[][] y = new int[n][px];
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < px; p++) {
                y[a][p] = labels[a][p] == 0 ? -1 : java.util.Arrays.binarySearch(classValues, labels[a][p]);
            }
        }
        double[][] post = new double[px][];
        int tasks = 0;
        int annotations = 0;
        for (int p = 0; p < px; p++) {
            int m = 0;
            double[] v = new double[k];
            for (int a = 0; a < n; a++) {
                if (y[a][p] >= 0) {
                    v[y[a][p]]++;
                    m++;
                }
            }
            if (m > 0) {
                for (int c = 0; c < k; c++) {
                    v[c] /= m;
                }
                post[p] = v;
                tasks++;
                annotations += m;
            }
        }
        double[] priors = priors(post, k, tasks);
        double[][][] err = mStep(y, post, k);
        double loss = Double.NEGATIVE_INFINITY;
        for (int it = 0; it < maxIter; it++) {
            for (int p = 0; p < px; p++) {
                if (post[p] == null) {
                    continue;
                }
                double[] l = new double[k];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    l[c] = Math.log(Math.max(priors[c], 1e-10)) / Math.log(2);
                    for (int a = 0; a < n; a++) {
                        if (y[a][p] >= 0) {
                            l[c] += Math.log(err[a][y[a][p]][c]) / Math.log(2);
                        }
                    }
                    max = Math.max(max, l[c]);
                }
                double s = 0;
                for (int c = 0; c < k; c++) {
                    l[c] = Math.pow(2, l[c] - max);
                    s += l[c];
                }
                for (int c = 0; c < k; c++) {
                    post[p][c] = l[c] / s;
                }
            }
            priors = priors(post, k, tasks);
            err = mStep(y, post, k);
            double joint = 0;
            double ent = 0;
            for (int p = 0; p < px; p++) {
                if (post[p] == null) {
                    continue;
                }
                for (int a = 0; a < n; a++) {
                    if (y[a][p] >= 0) {
                        for (int c = 0; c < k; c++) {
                            if (post[p][c] != 0) {
                                joint += post[p][c] * (Math.log(err[a][y[a][p]][c]) + Math.log(Math.max(priors[c], 1e-10)));
                            }
                        }
                    }
                }
                for (int c = 0; c < k; c++) {
                    double q = Math.max(post[p][c], 1e-10);
                    ent -= q * Math.log(q);
                }
            }
            double newLoss = (joint + ent) / annotations;
            if (newLoss - loss < tol) {
                break;
            }
            loss = newLoss;
        }
        return post;
    }

    private static double[] priors(double[][] post, int k, int tasks) {
        double[] pr = new double[k];
        for (double[] v : post) {
            if (v != null) {
                for (int c = 0; c < k; c++) {
                    pr[c] += v[c];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            pr[c] /= tasks;
        }
        return pr;
    }

    private static double[][][] mStep(int[][] y, double[][] post, int k) {
        int n = y.length;
        double[][][] e = new double[n][k][k];
        boolean[][] used = new boolean[n][k];
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < post.length; p++) {
                if (y[a][p] >= 0) {
                    used[a][y[a][p]] = true;
                    for (int c = 0; c < k; c++) {
                        e[a][y[a][p]][c] += post[p][c];
                    }
                }
            }
            for (int obs = 0; obs < k; obs++) {
                if (used[a][obs]) {
                    for (int c = 0; c < k; c++) {
                        e[a][obs][c] = Math.max(e[a][obs][c], 1e-10);
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int obs = 0; obs < k; obs++) {
                    s += e[a][obs][c];
                }
                for (int obs = 0; obs < k; obs++) {
                    e[a][obs][c] /= s;
                }
            }
        }
        return e;
    }
}
