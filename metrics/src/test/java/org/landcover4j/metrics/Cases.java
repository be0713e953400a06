package org.landcover4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.landcover4j.core.testing.SharedData;

/** Loads ../shared/reference/metrics_cases.json (tests skip when it is absent) and compares numbers. */
public final class Cases {
    public static final double TOL = 1e-9;
    private static JsonNode root;

    private Cases() {
    }

    public static synchronized JsonNode root() {
        if (root == null) {
            Path p = SharedData.require("reference/metrics_cases.json");
            try {
                root = new ObjectMapper().readTree(p.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    /** The cases of one list as (id, node) arguments. */
    public static Stream<Arguments> list(String key) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root().get(key)) {
            out.add(Arguments.of(c.get("id").asText(), c));
        }
        return out.stream();
    }

    /** The case with this id from any list. */
    public static JsonNode byId(String id) {
        for (JsonNode list : root()) {
            if (list.isArray()) {
                for (JsonNode c : list) {
                    if (c.has("id") && c.get("id").asText().equals(id)) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError("no case " + id + " in metrics_cases.json");
    }

    /** A number, or NaN for JSON null. */
    public static double num(JsonNode n) {
        if (n == null) {
            throw new AssertionError("missing value");
        }
        return n.isNull() ? Double.NaN : n.asDouble();
    }

    public static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = num(a.get(i));
        }
        return out;
    }

    public static long[][] longMatrix(JsonNode a) {
        long[][] out = new long[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new long[a.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = a.get(i).get(j).asLong();
            }
        }
        return out;
    }

    public static double[][] doubleMatrix(JsonNode a) {
        double[][] out = new double[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(a.get(i));
        }
        return out;
    }

    public static int[][] intMatrix(JsonNode a) {
        int[][] out = new int[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[a.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = a.get(i).get(j).asInt();
            }
        }
        return out;
    }

    /** The field of {@code node} whose name starts with {@code prefix} (the JSON keys name conventions verbosely). */
    public static JsonNode startingWith(JsonNode node, String prefix) {
        var it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.startsWith(prefix)) {
                return node.get(f);
            }
        }
        fail("no key starting with \"" + prefix + "\" in " + node);
        return null;
    }

    /** Equal within tol, NaN equal to NaN (null = undefined). */
    public static void close(double expected, double actual, double tol, String what) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertEquals(Double.isNaN(expected), Double.isNaN(actual),
                    what + ": expected " + expected + " but got " + actual);
            return;
        }
        assertTrue(Math.abs(expected - actual) <= tol, what + ": expected " + expected + " but got " + actual
                + " (tolerance " + tol + ")");
    }

    public static void close(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }

    public static double[] nanToZero(double[] a) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = 0;
            }
        }
        return out;
    }
}
