package org.landcover4j.taxonomy;

import java.util.List;
import java.util.Objects;

/**
 * Where one source class goes in a {@link Crosswalk}: to one target class, nowhere (explicitly unmapped), or to
 * several target classes with weights (ambiguous).
 *
 * <p>Immutable values. Every variant carries a free-text {@code note} (may be empty) that records why the mapping
 * was chosen; the JSON format keeps it.
 *
 * <ul>
 *   <li>{@link To}: many-to-one or one-to-one.</li>
 *   <li>{@link Unmapped}: the source class has no counterpart (e.g. OpenSentinelMap "military"); lookup tables give
 *       the crosswalk's fill value and harmonisation reports the class as not comparable.</li>
 *   <li>{@link Ambiguous}: the source class covers parts of several target classes (e.g. IGBP "Cropland/Natural
 *       Vegetation Mosaics"). Weights are positive and sum to 1. A lookup table needs one value, so compilation
 *       takes the {@linkplain Ambiguous#dominant() dominant} share (largest weight; on ties the first listed).</li>
 * </ul>
 *
 * {@snippet :
 * Mapping m = Mapping.ambiguous("mosaic of cropland and trees", Mapping.share(41, 0.5), Mapping.share(21, 0.5));
 * switch (m) {
 *     case Mapping.To to -> System.out.println("to " + to.code());
 *     case Mapping.Unmapped u -> System.out.println("unmapped");
 *     case Mapping.Ambiguous a -> System.out.println("mostly " + a.dominant());   // mostly 41
 * }
 * }
 */
public sealed interface Mapping permits Mapping.To, Mapping.Unmapped, Mapping.Ambiguous {

    /** Tolerance on the sum of ambiguous weights. */
    double WEIGHT_TOLERANCE = 1e-6;

    /** Why this mapping was chosen (may be empty). */
    String note();

    /**
     * The source class goes to one target class.
     *
     * @param code the target code
     * @param note why (may be empty)
     */
    record To(int code, String note) implements Mapping {
        /** Validates. */
        public To {
            checkCode(code);
            Objects.requireNonNull(note, "note (use \"\")");
        }

        @Override
        public String toString() {
            return "-> " + code + (note.isEmpty() ? "" : "  (" + note + ")");
        }
    }

    /**
     * The source class has no counterpart in the target taxonomy.
     *
     * @param note why (may be empty)
     */
    record Unmapped(String note) implements Mapping {
        /** Validates. */
        public Unmapped {
            Objects.requireNonNull(note, "note (use \"\")");
        }

        @Override
        public String toString() {
            return "unmapped" + (note.isEmpty() ? "" : "  (" + note + ")");
        }
    }

    /**
     * The source class splits over several target classes.
     *
     * @param shares at least two shares with distinct target codes, positive weights summing to 1 (within
     *               {@link #WEIGHT_TOLERANCE})
     * @param note   why (may be empty)
     */
    record Ambiguous(List<Share> shares, String note) implements Mapping {
        /** Validates and copies the shares. */
        public Ambiguous {
            Objects.requireNonNull(note, "note (use \"\")");
            shares = List.copyOf(shares);
            if (shares.size() < 2) {
                throw new IllegalArgumentException("an ambiguous mapping needs at least two shares, got " + shares);
            }
            double sum = 0;
            for (int i = 0; i < shares.size(); i++) {
                sum += shares.get(i).weight();
                for (int j = 0; j < i; j++) {
                    if (shares.get(j).code() == shares.get(i).code()) {
                        throw new IllegalArgumentException("an ambiguous mapping lists target " + shares.get(i).code()
                                + " twice: " + shares);
                    }
                }
            }
            if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
                throw new IllegalArgumentException("ambiguous weights must sum to 1, got " + sum + " for " + shares);
            }
        }

        /** The target code with the largest weight; on ties the first listed. */
        public int dominant() {
            Share best = shares.get(0);
            for (Share s : shares) {
                if (s.weight() > best.weight()) {
                    best = s;
                }
            }
            return best.code();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("-> ");
            for (int i = 0; i < shares.size(); i++) {
                sb.append(i == 0 ? "" : " | ").append(shares.get(i));
            }
            return sb.append(note.isEmpty() ? "" : "  (" + note + ")").toString();
        }
    }

    /**
     * One part of an ambiguous mapping.
     *
     * @param code   the target code
     * @param weight the share of the source class that belongs to the target, in (0, 1]
     */
    record Share(int code, double weight) {
        /** Validates. */
        public Share {
            checkCode(code);
            if (!(weight > 0 && weight <= 1)) {
                throw new IllegalArgumentException("a share weight must be in (0, 1], got " + weight + " for target "
                        + code);
            }
        }

        @Override
        public String toString() {
            return code + " x" + weight;
        }
    }

    /** Maps to one target. */
    static To to(int code) {
        return new To(code, "");
    }

    /** Maps to one target, with a note. */
    static To to(int code, String note) {
        return new To(code, note);
    }

    /** Explicitly unmapped, with a note saying why. */
    static Unmapped unmapped(String note) {
        return new Unmapped(note);
    }

    /** Splits over several targets. */
    static Ambiguous ambiguous(String note, Share... shares) {
        return new Ambiguous(List.of(shares), note);
    }

    /** One share of an ambiguous mapping. */
    static Share share(int code, double weight) {
        return new Share(code, weight);
    }

    private static void checkCode(int code) {
        if (code < 0 || code > TaxonClass.MAX_CODE) {
            throw new IllegalArgumentException("a target code must be 0.." + TaxonClass.MAX_CODE + ", got " + code);
        }
    }
}
