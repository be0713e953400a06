package org.landcover4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Checks on the JSON the results write, parsed with a plain mapper independent of the code under test. */
public final class JsonAsserts {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private JsonAsserts() {
    }

    /** Parses text with a default Jackson mapper; fails on NaN/Infinity tokens, which strict JSON forbids. */
    public static JsonNode parse(String json) {
        assertFalse(json.contains("NaN") || json.contains("Infinity"), "non-finite number written: " + json);
        try {
            return PLAIN.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field, which must be present. */
    public static JsonNode get(JsonNode o, String key) {
        JsonNode n = o.get(key);
        assertNotNull(n, "missing key \"" + key + "\" in " + o);
        return n;
    }

    /** The field is null when {@code expected} is NaN (or infinite), else exactly {@code expected}. */
    public static void number(double expected, JsonNode o, String key) {
        JsonNode n = get(o, key);
        if (!Double.isFinite(expected)) {
            assertTrue(n.isNull(), key + ": expected null for " + expected + ", got " + n);
        } else {
            assertTrue(n.isNumber(), key + ": expected a number, got " + n);
            assertEquals(expected, n.asDouble(), 0.0, key);
        }
    }

    /** The field is within {@code tol} of {@code expected} (null when expected is NaN). */
    public static void close(double expected, JsonNode o, String key, double tol) {
        JsonNode n = get(o, key);
        if (Double.isNaN(expected)) {
            assertTrue(n.isNull(), key + ": expected null, got " + n);
        } else {
            assertTrue(n.isNumber(), key + ": expected a number, got " + n);
            assertEquals(expected, n.asDouble(), tol, key);
        }
    }

    /** An integer field equal to {@code expected}. */
    public static void integer(long expected, JsonNode o, String key) {
        JsonNode n = get(o, key);
        assertTrue(n.isIntegralNumber(), key + ": expected an integer, got " + n);
        assertEquals(expected, n.asLong(), key);
    }

    /** The array's entries, each null exactly where {@code expected} is NaN, else equal. */
    public static void numbers(double[] expected, JsonNode array, String what) {
        assertTrue(array.isArray(), what + ": expected an array, got " + array);
        assertEquals(expected.length, array.size(), what + " length");
        for (int i = 0; i < expected.length; i++) {
            JsonNode n = array.get(i);
            if (Double.isNaN(expected[i])) {
                assertTrue(n.isNull(), what + "[" + i + "]: expected null, got " + n);
            } else {
                assertEquals(expected[i], n.asDouble(), 0.0, what + "[" + i + "]");
            }
        }
    }

    /** The field names of an object, in order. */
    public static List<String> keys(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
