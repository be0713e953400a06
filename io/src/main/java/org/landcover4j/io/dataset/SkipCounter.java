package org.landcover4j.io.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.dataset.Skipped;

/**
 * Counts what a reader leaves out while enumerating, by reason, keeping a few examples, and reports one summary
 * warning per reason.
 *
 * <p>Not thread-safe: one enumeration uses one counter.
 *
 * {@snippet :
 * var skips = new SkipCounter(3);
 * skips.add("rows of spatial_cell_info.csv without label image or imagery", "1001");
 * skips.report(warnings, "samples/opensentinelmap/spatial_cell_info.csv");
 * List<Skipped> list = skips.toList();
 * }
 */
public final class SkipCounter {
    private final int maxExamples;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();

    /** A counter that keeps up to {@code maxExamples} examples per reason. */
    public SkipCounter(int maxExamples) {
        if (maxExamples < 0) {
            throw new IllegalArgumentException("maxExamples must be >= 0, got " + maxExamples);
        }
        this.maxExamples = maxExamples;
    }

    /** Counts one skipped item. */
    public void add(String reason, String example) {
        counts.computeIfAbsent(reason, k -> new long[1])[0]++;
        List<String> ex = examples.computeIfAbsent(reason, k -> new ArrayList<>());
        if (ex.size() < maxExamples) {
            ex.add(example);
        }
    }

    /** The number skipped for this reason. */
    public long count(String reason) {
        long[] c = counts.get(reason);
        return c == null ? 0 : c[0];
    }

    /** Whether nothing was skipped. */
    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The skips, one entry per reason, in the order reasons first occurred. */
    public List<Skipped> toList() {
        List<Skipped> out = new ArrayList<>();
        counts.forEach((reason, c) -> out.add(new Skipped(reason, c[0], examples.get(reason))));
        return out;
    }

    /** Sends one summary warning per reason to {@code listener}. */
    public void report(WarningListener listener, String source) {
        for (Skipped s : toList()) {
            listener.warning(source, "skipped " + s.message());
        }
    }
}
