package org.landcover4j.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.landcover4j.metrics.JsonAsserts;

class JsonSupportTest {

    @Test
    void nonFiniteNumbersAreWrittenAsNullAndReadBackAsNaN() {
        ObjectNode o = JsonSupport.object();
        JsonSupport.put(o, "nan", Double.NaN);
        JsonSupport.put(o, "inf", Double.POSITIVE_INFINITY);
        JsonSupport.put(o, "neg", Double.NEGATIVE_INFINITY);
        JsonSupport.put(o, "x", 0.1);
        JsonSupport.array(o, "a", new double[] {1.5, Double.NaN});
        JsonSupport.matrix(o, "m", new double[][] {{Double.NaN, 2}, {3, 4}});
        String text = JsonSupport.write(o);
        JsonNode j = JsonAsserts.parse(text);
        assertTrue(j.get("nan").isNull() && j.get("inf").isNull() && j.get("neg").isNull(), text);
        assertTrue(text.contains("\n"), "indented");
        JsonNode back = JsonSupport.read(text);
        assertTrue(Double.isNaN(JsonSupport.doubleValue(back, "nan", "")));
        assertEquals(0.1, JsonSupport.doubleValue(back, "x", ""), 0.0, "exact round trip");
        double[] a = JsonSupport.doubles(back, "a", "", 2);
        assertEquals(1.5, a[0], 0.0);
        assertTrue(Double.isNaN(a[1]));
        double[][] m = JsonSupport.doubleMatrix(back, "m", "", 2);
        assertTrue(Double.isNaN(m[0][0]));
        assertArrayEquals(new double[] {3, 4}, m[1], 0.0);
    }

    @Test
    void readersNameTheFieldAndWhatWasFound() {
        JsonNode o = JsonSupport.read("{\"c\": {\"n\": \"many\", \"k\": 1.5, \"big\": 3000000000, \"m\": [[1, 2], [3]]}}");
        JsonNode c = o.get("c");
        var missing = assertThrows(IllegalArgumentException.class, () -> JsonSupport.field(c, "z", "c"));
        assertEquals("JSON field \"c.z\" is missing", missing.getMessage());
        var text = assertThrows(IllegalArgumentException.class, () -> JsonSupport.doubleValue(c, "n", "c"));
        assertTrue(text.getMessage().contains("c.n") && text.getMessage().contains("many"), text.getMessage());
        var frac = assertThrows(IllegalArgumentException.class, () -> JsonSupport.count(c, "k", "c"));
        assertTrue(frac.getMessage().contains("c.k") && frac.getMessage().contains("1.5"), frac.getMessage());
        assertEquals(3_000_000_000L, JsonSupport.count(c, "big", "c"));
        var wide = assertThrows(IllegalArgumentException.class,
                () -> JsonSupport.intValue(c.get("big"), "c.big"));
        assertTrue(wide.getMessage().contains("3000000000"), wide.getMessage());
        var ragged = assertThrows(IllegalArgumentException.class, () -> JsonSupport.longMatrix(c, "m", "c", 2));
        assertEquals("JSON field c.m[1] must have 2 entries, got 1", ragged.getMessage());
        assertNull(JsonSupport.textOrNull(JsonSupport.read("{\"r\": null}"), "r", ""));
        assertThrows(IllegalArgumentException.class, () -> JsonSupport.read("[1]"));
        assertThrows(IllegalArgumentException.class, () -> JsonSupport.read(""));
        var broken = assertThrows(IllegalArgumentException.class, () -> JsonSupport.read("{\"a\": "));
        assertTrue(broken.getMessage().startsWith("not valid JSON"), broken.getMessage());
    }
}
