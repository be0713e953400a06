package org.landcover4j.core.split;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;
import org.landcover4j.core.dataset.Split;

/**
 * Relative sizes of the train, val and test splits, such as Globe230k's {@code 7:1:2} or OpenEarthMap's
 * {@code 6:1:3}.
 *
 * <p>The three weights are normalised by their sum; {@link #fraction(Split)} gives the share of each split.
 * A weight of 0 leaves a split empty (SEN12MS has only train and test: {@code Ratios.of(9, 0, 1)}); the text form
 * {@link #parse(String)} asks for three positive parts.
 *
 * <p>A sample (or group, or block) with hash value {@code u = SplitHash.unit(seed, key)} goes to train when
 * {@code u < fraction(TRAIN)}, to val when {@code u < fraction(TRAIN) + fraction(VAL)}, and to test otherwise.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * var r = Ratios.parse("7:1:2");
 * r.fraction(Split.VAL);        // 0.1
 * Ratios.parse("0.6:0.1:0.3");  // 6:1:3 as fractions
 * Ratios.parse("7:1:0");        // IllegalArgumentException: ratio parts must be positive
 * }
 *
 * @param train weight of the train split
 * @param val   weight of the val split
 * @param test  weight of the test split
 */
public record Ratios(double train, double val, double test) {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    /** Validates that the weights are finite, non-negative and not all zero. */
    public Ratios {
        for (double v : new double[] {train, val, test}) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("ratio weights must be finite and non-negative, got "
                        + fmt(train) + ":" + fmt(val) + ":" + fmt(test));
            }
        }
        if (train + val + test <= 0) {
            throw new IllegalArgumentException("ratio weights must not all be zero, got " + fmt(train) + ":"
                    + fmt(val) + ":" + fmt(test));
        }
    }

    /** Ratios with these weights (0 leaves a split empty). */
    public static Ratios of(double train, double val, double test) {
        return new Ratios(train, val, test);
    }

    /**
     * Parses {@code "train:val:test"}, for example {@code "7:1:2"}, {@code "70:10:20"} or {@code "0.7:0.1:0.2"}.
     *
     * <p>Every part must be a positive number. Whole numbers are parts of their sum; when any part has a
     * fraction, the parts must sum to 1 (or to 100, as percentages) so that they form a whole.
     *
     * @throws IllegalArgumentException naming the text when it has not three parts, a part is not a positive
     *                                  number, or fractional parts do not sum to 1 or 100
     */
    public static Ratios parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("ratios '" + text + "' must have three parts train:val:test, like 7:1:2; got "
                    + parts.length);
        }
        double[] v = new double[3];
        BigDecimal exactSum = BigDecimal.ZERO;
        boolean fractional = false;
        String[] names = {"train", "val", "test"};
        for (int i = 0; i < 3; i++) {
            String p = parts[i].strip();
            if (!NUMBER.matcher(p).matches()) {
                throw new IllegalArgumentException("ratios '" + text + "': " + names[i] + " part '" + p + "' is not a number");
            }
            v[i] = Double.parseDouble(p);
            if (!(v[i] > 0) || !Double.isFinite(v[i])) {
                throw new IllegalArgumentException("ratios '" + text + "': parts must be positive, got " + p + " for "
                        + names[i]);
            }
            fractional |= v[i] != Math.rint(v[i]);
            exactSum = exactSum.add(new BigDecimal(p));
        }
        double sum = exactSum.doubleValue();
        if (fractional && Math.abs(sum - 1) > 1e-9 && Math.abs(sum - 100) > 1e-7) {
            throw new IllegalArgumentException("ratios '" + text + "' sum to " + exactSum.stripTrailingZeros().toPlainString()
                    + ": fractional parts must sum to 1 (or 100); use whole parts such as 7:1:2 for shares of their sum");
        }
        return new Ratios(v[0], v[1], v[2]);
    }

    /** The share of {@code split}, in {@code [0, 1]}; the three shares sum to 1. */
    public double fraction(Split split) {
        double w = switch (split) {
            case TRAIN -> train;
            case VAL -> val;
            case TEST -> test;
        };
        return w / (train + val + test);
    }

    /** The split of a value {@code u} in {@code [0, 1)} by cumulative shares (see the class description). */
    public Split splitOf(double u) {
        double sum = train + val + test;
        if (u < train / sum) {
            return Split.TRAIN;
        }
        // with test == 0 the bound is exactly 1.0, so no value reaches test
        return u < (train + val) / sum ? Split.VAL : Split.TEST;
    }

    /** The smallest positive share and its split. */
    Split smallestSplit() {
        Split best = null;
        for (Split s : Split.values()) {
            double f = fraction(s);
            if (f > 0 && (best == null || f < fraction(best))) {
                best = s;
            }
        }
        return best;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The text form, {@code "7:1:2"}. */
    @Override
    public String toString() {
        return fmt(train) + ":" + fmt(val) + ":" + fmt(test);
    }
}
