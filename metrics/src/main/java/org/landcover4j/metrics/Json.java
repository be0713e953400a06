package org.landcover4j.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.landcover4j.metrics.internal.JsonSupport;

/**
 * Jackson helpers of the metrics package: NaN and infinities are written as null, output is indented. A thin
 * front to {@link JsonSupport}, which the subpackages share.
 */
final class Json {
    static final ObjectMapper MAPPER = JsonSupport.mapper();

    private Json() {
    }

    static String write(JsonNode node) {
        return JsonSupport.write(node);
    }

    static JsonNode read(String json) {
        return JsonSupport.read(json);
    }

    static JsonNode field(JsonNode o, String name) {
        return JsonSupport.field(o, name, "");
    }

    static long longValue(JsonNode n, String what) {
        return JsonSupport.longValue(n, what);
    }

    static int intValue(JsonNode n, String what) {
        return JsonSupport.intValue(n, what);
    }

    /** Puts a double, or null when it is NaN or infinite (undefined). */
    static void put(ObjectNode o, String key, double v) {
        JsonSupport.put(o, key, v);
    }

    /** Adds a double, or null when it is NaN or infinite. */
    static void add(ArrayNode a, double v) {
        JsonSupport.add(a, v);
    }

    static ArrayNode array(ObjectNode o, String key, double[] values) {
        return JsonSupport.array(o, key, values);
    }
}
