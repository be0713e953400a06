package org.landcover4j.core.split;

/**
 * The stable hash behind every hash-based split: a sample's split depends only on the seed and its key.
 *
 * <p>Definition (fixed; changing it would move samples between splits, so it is part of the file format of
 * every split this library writes):
 * <ol>
 *   <li>{@code h = FNV-1a-64(UTF-8 bytes of key)}: offset basis {@code 0xcbf29ce484222325}, prime
 *       {@code 0x100000001b3}; for each byte {@code h = (h ^ byte) * prime}.</li>
 *   <li>{@code hash(seed, key) = mix64(h ^ mix64(seed + 0x9e3779b97f4a7c15))}, where {@code mix64} is the
 *       SplitMix64 finaliser: {@code z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9;
 *       z = (z ^ (z >>> 27)) * 0x94d049bb133111eb; z ^ (z >>> 31)} (64-bit wrapping arithmetic).</li>
 *   <li>{@code unit(seed, key) = (hash >>> 11) * 2^-53}, a number in {@code [0, 1)}.</li>
 * </ol>
 * Nothing depends on {@link String#hashCode()}, on the JVM, or on the order in which keys are seen. Unpaired
 * surrogates in a key are encoded as {@code ?}, as {@link java.nio.charset.StandardCharsets#UTF_8} does.
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * SplitHash.hash(42, "aachen_1");   // the same long on every machine, forever
 * SplitHash.unit(42, "aachen_1");   // in [0, 1)
 * }
 */
public final class SplitHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private SplitHash() {
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mix. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a (64 bit) of the UTF-8 encoding of {@code key}, computed without allocating. */
    public static long fnv1a64(CharSequence key) {
        long h = FNV_OFFSET;
        int n = key.length();
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < 0x80) {
                h = (h ^ c) * FNV_PRIME;
            } else if (c < 0x800) {
                h = (h ^ (0xc0 | (c >> 6))) * FNV_PRIME;
                h = (h ^ (0x80 | (c & 0x3f))) * FNV_PRIME;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(key.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, key.charAt(++i));
                h = (h ^ (0xf0 | (cp >> 18))) * FNV_PRIME;
                h = (h ^ (0x80 | ((cp >> 12) & 0x3f))) * FNV_PRIME;
                h = (h ^ (0x80 | ((cp >> 6) & 0x3f))) * FNV_PRIME;
                h = (h ^ (0x80 | (cp & 0x3f))) * FNV_PRIME;
            } else if (Character.isSurrogate(c)) {
                h = (h ^ '?') * FNV_PRIME;
            } else {
                h = (h ^ (0xe0 | (c >> 12))) * FNV_PRIME;
                h = (h ^ (0x80 | ((c >> 6) & 0x3f))) * FNV_PRIME;
                h = (h ^ (0x80 | (c & 0x3f))) * FNV_PRIME;
            }
        }
        return h;
    }

    /** The 64-bit split hash of {@code key} under {@code seed} (definition on the class). */
    public static long hash(long seed, CharSequence key) {
        return mix64(fnv1a64(key) ^ mix64(seed + GOLDEN));
    }

    /** {@link #hash} mapped to a double in {@code [0, 1)} with 53 random bits. */
    public static double unit(long seed, CharSequence key) {
        return (hash(seed, key) >>> 11) * 0x1.0p-53;
    }

    /** A seed derived from {@code seed} and a trial number, for procedures that try many seeded splits. */
    public static long trialSeed(long seed, int trial) {
        return mix64(seed ^ mix64(GOLDEN * (trial + 1L)));
    }
}
