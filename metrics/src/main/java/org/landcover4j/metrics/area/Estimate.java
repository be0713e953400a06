package org.landcover4j.metrics.area;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.landcover4j.metrics.internal.JsonSupport;

/**
 * A design-based estimate with its standard error and a normal-approximation confidence interval.
 *
 * <p>The interval is {@code value ± z * standardError}; {@code z} comes from {@link EstimationOptions} (1.96 by
 * default, as in Olofsson et al. 2014). NaN means undefined: a ratio whose denominator estimate is 0, or a
 * standard error from a stratum with a single sample unit.
 *
 * <p>JSON ({@link #toJson()}): {@code value}, {@code standard_error}, {@code half_width}, {@code lower},
 * {@code upper}, {@code z}; undefined numbers are {@code null}. {@link #fromJson(String)} reads {@code value},
 * {@code standard_error} and {@code z} (the other keys follow from them).
 *
 * {@snippet :
 * Estimate oa = estimate.overallAccuracy();
 * oa.value();       // 0.9465
 * oa.halfWidth();   // 0.0185 at z = 1.96
 * oa.toJson();      // {"value" : 0.9465..., "standard_error" : 0.0094..., ..., "z" : 1.96}
 * }
 *
 * @param value         the estimate
 * @param standardError its estimated standard error
 * @param z             the normal quantile of the interval
 */
public record Estimate(double value, double standardError, double z) {

    /** Checks that z is positive and the standard error is not negative. */
    public Estimate {
        if (!(z > 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("z must be positive and finite, got " + z);
        }
        if (standardError < 0) {
            throw new IllegalArgumentException("standardError must be >= 0, got " + standardError);
        }
    }

    /** Half the width of the confidence interval: z times the standard error. */
    public double halfWidth() {
        return z * standardError;
    }

    /** Lower bound of the confidence interval. */
    public double lower() {
        return value - halfWidth();
    }

    /** Upper bound of the confidence interval. */
    public double upper() {
        return value + halfWidth();
    }

    /** The estimate and standard error multiplied by a constant (for example a total area). */
    public Estimate times(double factor) {
        return new Estimate(value * factor, standardError * Math.abs(factor), z);
    }

    /** The estimate as a JSON object (snake_case keys, undefined values as null). */
    public ObjectNode toJsonNode() {
        ObjectNode o = JsonSupport.object();
        JsonSupport.put(o, "value", value);
        JsonSupport.put(o, "standard_error", standardError);
        JsonSupport.put(o, "half_width", halfWidth());
        JsonSupport.put(o, "lower", lower());
        JsonSupport.put(o, "upper", upper());
        JsonSupport.put(o, "z", z);
        return o;
    }

    /** The estimate as indented JSON. */
    public String toJson() {
        return JsonSupport.write(toJsonNode());
    }

    /**
     * Reads an estimate written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not such an object (naming the field and what was found)
     */
    public static Estimate fromJson(String json) {
        return read(JsonSupport.read(json), "");
    }

    static Estimate read(JsonNode o, String path) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("JSON field " + path + " must be an object, got " + o);
        }
        double z = JsonSupport.doubleValue(JsonSupport.field(o, "z", path), JsonSupport.at(path, "z"));
        double se = JsonSupport.doubleValue(o, "standard_error", path);
        if (!(z > 0) || Double.isInfinite(z) || se < 0) {
            throw new IllegalArgumentException("JSON field " + path + ": z must be positive and the standard error"
                    + " not negative, got z = " + z + ", standard_error = " + se);
        }
        return new Estimate(JsonSupport.doubleValue(o, "value", path), se, z);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6g ± %.6g (SE %.6g)", value, halfWidth(), standardError);
    }
}
