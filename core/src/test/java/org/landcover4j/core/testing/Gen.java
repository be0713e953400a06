package org.landcover4j.core.testing;

import java.util.SplittableRandom;

/**
 * A small seeded generator for property-style tests (we do not use jqwik: see the README's dependency notes).
 *
 * <p>Every test that draws random data creates one {@code Gen} from a seed and puts {@link #toString()} (which
 * prints the seed) in its assertion messages, so a failure can be replayed with {@code new Gen(seed)}.
 * The seed comes from the system property {@code landcover4j.seed} when set, else from the given default.
 *
 * {@snippet :
 * var g = Gen.seeded(42);
 * byte[] labels = g.bytes(1021, 0, 9);       // 1021 values in 0..9
 * assertArrayEquals(expected, actual, g.toString());
 * }
 */
public final class Gen {
    private final long seed;
    private final SplittableRandom random;

    public Gen(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** A generator seeded from {@code -Dlandcover4j.seed} if set, else {@code defaultSeed}. */
    public static Gen seeded(long defaultSeed) {
        String s = System.getProperty("landcover4j.seed");
        return new Gen(s == null || s.isBlank() ? defaultSeed : Long.parseLong(s.trim()));
    }

    public long seed() {
        return seed;
    }

    public int nextInt(int boundExclusive) {
        return random.nextInt(boundExclusive);
    }

    public int between(int minInclusive, int maxInclusive) {
        return random.nextInt(minInclusive, maxInclusive + 1);
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Lengths that exercise vector tails: 0, 1, primes, odd sizes, powers of two and neighbours. */
    public static int[] awkwardLengths() {
        return new int[] {0, 1, 2, 3, 7, 13, 31, 63, 64, 65, 97, 127, 128, 129, 255, 256, 257, 509, 1021, 4099, 65537};
    }

    public byte[] bytes(int n, int min, int max) {
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
            a[i] = (byte) between(min, max);
        }
        return a;
    }

    public short[] shorts(int n, int min, int max) {
        short[] a = new short[n];
        for (int i = 0; i < n; i++) {
            a[i] = (short) between(min, max);
        }
        return a;
    }

    /** Floats mixing ordinary values with the extremes: NaN, infinities, zeros of both signs, subnormals, max. */
    public float[] floatsWithExtremes(int n) {
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE,
            -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f};
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = chance(0.1) ? special[nextInt(special.length)] : (float) ((random.nextDouble() - 0.5) * 20000);
        }
        return a;
    }

    /** Labels where a fraction {@code correct} of {@code reference} is copied and the rest drawn in 0..max. */
    public byte[] noisyCopy(byte[] reference, double correct, int max) {
        byte[] a = new byte[reference.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = chance(correct) ? reference[i] : (byte) between(0, max);
        }
        return a;
    }

    @Override
    public String toString() {
        return "seed=" + seed + " (replay with -Dlandcover4j.seed=" + seed + ")";
    }
}
