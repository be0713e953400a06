package org.landcover4j.metrics.consensus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.landcover4j.core.testing.SharedData;

/** Loads {@code reference/metrics_cases.json} (skips the calling test when ../shared is absent). */
final class ReferenceCases {
    private ReferenceCases() {
    }

    static JsonNode root() {
        Path p = SharedData.require("reference/metrics_cases.json");
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode consensusCase(String id) {
        return find(root().get("consensus_cases"), id);
    }

    static JsonNode agreementCase(String id) {
        return find(root().get("agreement_and_other_cases"), id);
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode c : list) {
            if (id.equals(c.get("id").asText())) {
                return c;
            }
        }
        throw new AssertionError("case " + id + " is not in metrics_cases.json");
    }

    static double[] doubles(JsonNode n) {
        double[] d = new double[n.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = n.get(i).asDouble();
        }
        return d;
    }

    static int[] ints(JsonNode n) {
        int[] d = new int[n.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = n.get(i).asInt();
        }
        return d;
    }

    static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(n.get(i));
        }
        return m;
    }

    /** A 2-D label grid flattened row-major. */
    static int[] grid(JsonNode n) {
        int h = n.size();
        int w = n.get(0).size();
        int[] out = new int[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                out[r * w + c] = n.get(r).get(c).asInt();
            }
        }
        return out;
    }
}
