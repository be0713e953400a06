package org.landcover4j.io.samples;

import java.util.SplittableRandom;

/**
 * Seeded synthetic pixels for the sample generator: smooth fields (sums of low-frequency waves) and region maps
 * (nearest of a few seed points), reproducible bit for bit.
 *
 * <p>Only {@link StrictMath} is used, so the same seed gives the same values on every JVM and CPU. Not
 * thread-safe (one instance per generated file).
 */
final class Synth {
    private final SplittableRandom random;

    Synth(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    /**
     * A smooth field in [0, 1]: the normalised sum of {@code waves} plane waves of 0.3 to 3 cycles across the
     * image, evaluated separably (sin(a + b) = sin a cos b + cos a sin b).
     */
    double[] smooth(int width, int height, int waves) {
        double[] out = new double[width * height];
        double total = 0;
        for (int k = 0; k < waves; k++) {
            double amp = 0.5 + random.nextDouble();
            double fx = (0.3 + 2.7 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            double fy = 0.3 + 2.7 * random.nextDouble();
            double phase = 2 * StrictMath.PI * random.nextDouble();
            total += amp;
            double[] sx = new double[width];
            double[] cx = new double[width];
            for (int x = 0; x < width; x++) {
                double a = 2 * StrictMath.PI * fx * x / width + phase;
                sx[x] = StrictMath.sin(a);
                cx[x] = StrictMath.cos(a);
            }
            for (int y = 0; y < height; y++) {
                double b = 2 * StrictMath.PI * fy * y / height;
                double sy = StrictMath.sin(b);
                double cy = StrictMath.cos(b);
                int o = y * width;
                for (int x = 0; x < width; x++) {
                    out[o + x] += amp * (sx[x] * cy + cx[x] * sy);
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = total == 0 ? 0.5 : 0.5 + 0.5 * out[i] / total;
        }
        return out;
    }

    /** A smooth field scaled to [min, max] with uniform integer noise of +-{@code noise}, rounded and clamped. */
    int[] smoothInts(int width, int height, int min, int max, int noise) {
        double[] f = smooth(width, height, 4);
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            int v = (int) StrictMath.rint(min + (max - min) * f[i]) + (noise > 0 ? between(-noise, noise) : 0);
            out[i] = Math.max(min, Math.min(max, v));
        }
        return out;
    }

    /** A smooth float field in [min, max] rounded to multiples of {@code step}. */
    float[] smoothFloats(int width, int height, double min, double max, double step) {
        double[] f = smooth(width, height, 4);
        float[] out = new float[f.length];
        for (int i = 0; i < f.length; i++) {
            double v = min + (max - min) * f[i];
            out[i] = (float) (StrictMath.rint(v / step) * step);
        }
        return out;
    }

    /**
     * A region map: {@code seeds} random points; every pixel takes the index of its nearest point (a Voronoi
     * partition: compact regions like land-cover parcels).
     */
    int[] regionIds(int width, int height, int seeds) {
        int[] px = new int[seeds];
        int[] py = new int[seeds];
        for (int s = 0; s < seeds; s++) {
            px[s] = random.nextInt(width);
            py[s] = random.nextInt(height);
        }
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                long best = Long.MAX_VALUE;
                int v = 0;
                for (int s = 0; s < seeds; s++) {
                    long dx = x - px[s];
                    long dy = y - py[s];
                    long d = dx * dx + dy * dy;
                    if (d < best) {
                        best = d;
                        v = s;
                    }
                }
                out[y * width + x] = v;
            }
        }
        return out;
    }

    /** A region map whose regions take values drawn from {@code values}. */
    int[] regions(int width, int height, int seeds, int[] values) {
        return recode(regionIds(width, height, seeds), values);
    }

    /** Maps each distinct value of {@code regions} to a value drawn from {@code choices} (consistent per region). */
    int[] recode(int[] regions, int[] choices) {
        int[] table = new int[65536];
        boolean[] set = new boolean[65536];
        int[] out = new int[regions.length];
        for (int i = 0; i < regions.length; i++) {
            int r = regions[i];
            if (!set[r]) {
                table[r] = choices[random.nextInt(choices.length)];
                set[r] = true;
            }
            out[i] = table[r];
        }
        return out;
    }

    static byte[] toBytes(int[] v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    static short[] toShorts(int[] v) {
        short[] out = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (short) v[i];
        }
        return out;
    }
}
