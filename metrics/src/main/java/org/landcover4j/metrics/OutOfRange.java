package org.landcover4j.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pixels left out of a {@link ConfusionMatrix} because a label was not in its class set, with the offending values.
 *
 * <p>A pixel whose (non-ignored) reference value or predicted value is not one of the declared classes is not
 * scored: it is counted here instead, never dropped silently. {@code referenceValues} and
 * {@code predictionValues} count, per offending value, the pixels where that side had it (a pixel where both
 * sides are outside counts once in {@code pixels} and once in each map).
 *
 * {@snippet :
 * OutOfRange o = cm.outOfRange();
 * if (!o.isEmpty()) System.err.println(o);   // "12 pixels outside the class set: prediction 7 (12)"
 * }
 *
 * @param pixels           pixels left out
 * @param referenceValues  offending reference values and their pixel counts, ascending
 * @param predictionValues offending predicted values and their pixel counts, ascending
 */
public record OutOfRange(long pixels, SortedMap<Long, Long> referenceValues, SortedMap<Long, Long> predictionValues) {

    private static final OutOfRange NONE = new OutOfRange(0, new TreeMap<>(), new TreeMap<>());

    /** Copies the maps and checks the counts. */
    public OutOfRange {
        if (pixels < 0) {
            throw new IllegalArgumentException("pixels must be >= 0, got " + pixels);
        }
        referenceValues = Collections.unmodifiableSortedMap(new TreeMap<>(referenceValues));
        predictionValues = Collections.unmodifiableSortedMap(new TreeMap<>(predictionValues));
        long ref = referenceValues.values().stream().mapToLong(Long::longValue).sum();
        long pred = predictionValues.values().stream().mapToLong(Long::longValue).sum();
        if (ref > pixels || pred > pixels || (pixels > 0 && ref + pred < pixels)) {
            throw new IllegalArgumentException("value counts (reference " + ref + ", prediction " + pred
                    + ") do not fit " + pixels + " pixels");
        }
    }

    /** No pixel out of range. */
    public static OutOfRange none() {
        return NONE;
    }

    /** Whether every counted pixel was in the class set. */
    public boolean isEmpty() {
        return pixels == 0;
    }

    /** The sum of this and {@code other}. */
    public OutOfRange plus(OutOfRange other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        return new OutOfRange(Math.addExact(pixels, other.pixels), add(referenceValues, other.referenceValues),
                add(predictionValues, other.predictionValues));
    }

    private static SortedMap<Long, Long> add(Map<Long, Long> a, Map<Long, Long> b) {
        TreeMap<Long, Long> m = new TreeMap<>(a);
        b.forEach((k, v) -> m.merge(k, v, Math::addExact));
        return m;
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "no pixel outside the class set";
        }
        StringBuilder sb = new StringBuilder().append(pixels).append(pixels == 1 ? " pixel" : " pixels")
                .append(" outside the class set:");
        describe(sb, "reference", referenceValues);
        describe(sb, "prediction", predictionValues);
        return sb.toString();
    }

    private static void describe(StringBuilder sb, String side, Map<Long, Long> values) {
        if (values.isEmpty()) {
            return;
        }
        sb.append(' ').append(side);
        int shown = 0;
        for (var e : values.entrySet()) {
            if (shown++ == 8) {
                sb.append(" ... (").append(values.size()).append(" values)");
                break;
            }
            sb.append(' ').append(e.getKey()).append(" (").append(e.getValue()).append(')');
        }
        sb.append(';');
    }
}
