package org.landcover4j.metrics.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON conventions of the metrics results, in one place: snake_case keys, undefined values (NaN, infinities)
 * written as {@code null} and read back as NaN, counts as integers, indented output; readers name the field
 * (with its path, such as {@code classes[2].auc}) and what they found when the input does not fit.
 *
 * <p><b>Internal:</b> public only so that the metrics subpackages can share it; not part of the library's API,
 * and it may change without notice. Use the {@code toJson()} / {@code fromJson(String)} methods of the results.
 *
 * <p>Stateless and thread-safe; the Jackson mapper is created on first use.
 *
 * {@snippet :
 * ObjectNode o = JsonSupport.object();
 * JsonSupport.put(o, "iou", Double.NaN);         // "iou" : null
 * String text = JsonSupport.write(o);
 * double iou = JsonSupport.doubleValue(JsonSupport.read(text), "iou", "");   // NaN
 * }
 */
public final class JsonSupport {

    /** Created on first use, so that callers that never write JSON do not pay for Jackson's start-up. */
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private JsonSupport() {
    }

    /** The shared mapper (indented output; it does not close the streams it writes to). */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A tree as indented JSON text. */
    public static String write(JsonNode node) {
        try {
            return mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Parses text that must hold one JSON object.
     *
     * @throws IllegalArgumentException if the text is not valid JSON or not an object
     */
    public static JsonNode read(String json) {
        if (json == null) {
            throw new IllegalArgumentException("expected a JSON object, got null");
        }
        try {
            JsonNode n = mapper().readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("expected a JSON object, got "
                        + (n == null || n.isMissingNode() ? "nothing" : n.getNodeType()));
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The path of field {@code name} under {@code path} ({@code ""} for the root). */
    public static String at(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    /** The path of element {@code i} of the array at {@code path}. */
    public static String at(String path, int i) {
        return path + "[" + i + "]";
    }

    /**
     * A field that must be present and not null.
     *
     * @throws IllegalArgumentException naming the field when it is missing or null
     */
    public static JsonNode field(JsonNode o, String name, String path) {
        JsonNode n = o == null ? null : o.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("JSON field \"" + at(path, name) + "\" is missing");
        }
        return n;
    }

    /**
     * A field that must be present (it may be null).
     *
     * @throws IllegalArgumentException naming the field when it is missing
     */
    public static JsonNode present(JsonNode o, String name, String path) {
        JsonNode n = o == null ? null : o.get(name);
        if (n == null) {
            throw new IllegalArgumentException("JSON field \"" + at(path, name) + "\" is missing");
        }
        return n;
    }

    /** An object-valued field. */
    public static JsonNode objectField(JsonNode o, String name, String path) {
        JsonNode n = field(o, name, path);
        if (!n.isObject()) {
            throw new IllegalArgumentException("JSON field " + at(path, name) + " must be an object, got " + n);
        }
        return n;
    }

    /** An array-valued field. */
    public static JsonNode arrayField(JsonNode o, String name, String path) {
        JsonNode n = field(o, name, path);
        if (!n.isArray()) {
            throw new IllegalArgumentException("JSON field " + at(path, name) + " must be an array, got " + n);
        }
        return n;
    }

    /** A 64-bit integer; {@code what} names it in the message. */
    public static long longValue(JsonNode n, String what) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("JSON field " + what + " must be an integer, got " + n);
        }
        return n.asLong();
    }

    /** A 32-bit integer; {@code what} names it in the message. */
    public static int intValue(JsonNode n, String what) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException("JSON field " + what + " must be a 32-bit integer, got " + n);
        }
        return n.asInt();
    }

    /** A non-negative 64-bit integer field (a count). */
    public static long count(JsonNode o, String name, String path) {
        long v = longValue(field(o, name, path), at(path, name));
        if (v < 0) {
            throw new IllegalArgumentException("JSON field " + at(path, name) + " must be >= 0, got " + v);
        }
        return v;
    }

    /** A number, or NaN for {@code null} (undefined); {@code what} names it in the message. */
    public static double doubleValue(JsonNode n, String what) {
        if (n == null) {
            throw new IllegalArgumentException("JSON field " + what + " is missing");
        }
        if (n.isNull()) {
            return Double.NaN;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException("JSON field " + what + " must be a number or null, got " + n);
        }
        return n.asDouble();
    }

    /** A number field, NaN when it is {@code null}; the field must be present. */
    public static double doubleValue(JsonNode o, String name, String path) {
        return doubleValue(present(o, name, path), at(path, name));
    }

    /** A boolean field. */
    public static boolean booleanValue(JsonNode o, String name, String path) {
        JsonNode n = field(o, name, path);
        if (!n.isBoolean()) {
            throw new IllegalArgumentException("JSON field " + at(path, name) + " must be true or false, got " + n);
        }
        return n.booleanValue();
    }

    /** A text field, or {@code null} when it is null; the field must be present. */
    public static String textOrNull(JsonNode o, String name, String path) {
        JsonNode n = present(o, name, path);
        if (n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("JSON field " + at(path, name) + " must be a string, got " + n);
        }
        return n.textValue();
    }

    /** A text field that must not be null. */
    public static String text(JsonNode o, String name, String path) {
        String s = textOrNull(o, name, path);
        if (s == null) {
            throw new IllegalArgumentException("JSON field \"" + at(path, name) + "\" is missing");
        }
        return s;
    }

    /** An array of numbers (null entries as NaN), of the expected length when {@code length >= 0}. */
    public static double[] doubles(JsonNode o, String name, String path, int length) {
        JsonNode a = arrayField(o, name, path);
        String p = at(path, name);
        checkLength(a, p, length);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubleValue(a.get(i), at(p, i));
        }
        return out;
    }

    /** A square matrix of numbers (null entries as NaN) with {@code size} rows and columns. */
    public static double[][] doubleMatrix(JsonNode o, String name, String path, int size) {
        JsonNode a = arrayField(o, name, path);
        String p = at(path, name);
        checkLength(a, p, size);
        double[][] out = new double[size][];
        for (int i = 0; i < size; i++) {
            JsonNode row = a.get(i);
            String rp = at(p, i);
            if (!row.isArray()) {
                throw new IllegalArgumentException("JSON field " + rp + " must be an array, got " + row);
            }
            checkLength(row, rp, size);
            out[i] = new double[size];
            for (int j = 0; j < size; j++) {
                out[i][j] = doubleValue(row.get(j), at(rp, j));
            }
        }
        return out;
    }

    /** A square matrix of integers with {@code size} rows and columns. */
    public static long[][] longMatrix(JsonNode o, String name, String path, int size) {
        JsonNode a = arrayField(o, name, path);
        String p = at(path, name);
        checkLength(a, p, size);
        long[][] out = new long[size][];
        for (int i = 0; i < size; i++) {
            JsonNode row = a.get(i);
            String rp = at(p, i);
            if (!row.isArray()) {
                throw new IllegalArgumentException("JSON field " + rp + " must be an array, got " + row);
            }
            checkLength(row, rp, size);
            out[i] = new long[size];
            for (int j = 0; j < size; j++) {
                out[i][j] = longValue(row.get(j), at(rp, j));
            }
        }
        return out;
    }

    private static void checkLength(JsonNode a, String path, int length) {
        if (length >= 0 && a.size() != length) {
            throw new IllegalArgumentException("JSON field " + path + " must have " + length + " entries, got "
                    + a.size());
        }
    }

    /** Puts a double, or null when it is NaN or infinite (undefined). */
    public static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** Adds a double, or null when it is NaN or infinite. */
    public static void add(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    /** Puts an array of doubles (undefined entries as null). */
    public static ArrayNode array(ObjectNode o, String key, double[] values) {
        ArrayNode a = o.putArray(key);
        for (double v : values) {
            add(a, v);
        }
        return a;
    }

    /** Puts an array of integers. */
    public static ArrayNode array(ObjectNode o, String key, long[] values) {
        ArrayNode a = o.putArray(key);
        for (long v : values) {
            a.add(v);
        }
        return a;
    }

    /** Puts an array of integers. */
    public static ArrayNode array(ObjectNode o, String key, int[] values) {
        ArrayNode a = o.putArray(key);
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    /** Puts a matrix of doubles as an array of rows (undefined entries as null). */
    public static ArrayNode matrix(ObjectNode o, String key, double[][] rows) {
        ArrayNode a = o.putArray(key);
        for (double[] row : rows) {
            ArrayNode r = a.addArray();
            for (double v : row) {
                add(r, v);
            }
        }
        return a;
    }

    /** Puts a matrix of integers as an array of rows. */
    public static ArrayNode matrix(ObjectNode o, String key, long[][] rows) {
        ArrayNode a = o.putArray(key);
        for (long[] row : rows) {
            ArrayNode r = a.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
        return a;
    }
}
