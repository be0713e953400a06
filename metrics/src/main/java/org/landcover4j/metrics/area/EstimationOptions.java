package org.landcover4j.metrics.area;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.landcover4j.metrics.internal.JsonSupport;

/**
 * Options of the stratified estimators: the normal quantile of confidence intervals and the finite-population
 * correction.
 *
 * <p>{@code z = 1.96} by default, the value Olofsson et al. (2014) print; R's {@code qnorm(0.975)} is
 * {@link #Z_95} = 1.959964. The finite-population correction multiplies each stratum's variance by
 * {@code 1 - n_h / N_h}; Stehman (2014)'s published standard errors include it, Olofsson et al. (2014) omit it
 * (negligible when strata hold millions of pixels).
 *
 * {@snippet :
 * var options = EstimationOptions.defaults().withZ(EstimationOptions.Z_95).withFinitePopulationCorrection(true);
 * }
 *
 * @param z                           normal quantile for confidence intervals, positive
 * @param finitePopulationCorrection whether to apply {@code 1 - n_h / N_h}
 */
public record EstimationOptions(double z, boolean finitePopulationCorrection) {

    /** The exact 97.5% normal quantile (R {@code qnorm(0.975)}). */
    public static final double Z_95 = 1.959963984540054;

    /** Checks z. */
    public EstimationOptions {
        if (!(z > 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("z must be positive and finite, got " + z);
        }
    }

    /** z = 1.96, no finite-population correction. */
    public static EstimationOptions defaults() {
        return new EstimationOptions(1.96, false);
    }

    /** A copy with another z. */
    public EstimationOptions withZ(double newZ) {
        return new EstimationOptions(newZ, finitePopulationCorrection);
    }

    /** A copy with the finite-population correction on or off. */
    public EstimationOptions withFinitePopulationCorrection(boolean on) {
        return new EstimationOptions(z, on);
    }

    /** The options as a JSON object: {@code z} and {@code finite_population_correction}. */
    public ObjectNode toJsonNode() {
        ObjectNode o = JsonSupport.object();
        o.put("z", z);
        o.put("finite_population_correction", finitePopulationCorrection);
        return o;
    }

    static EstimationOptions read(JsonNode o, String path) {
        double zz = JsonSupport.doubleValue(JsonSupport.field(o, "z", path), JsonSupport.at(path, "z"));
        if (!(zz > 0) || Double.isInfinite(zz)) {
            throw new IllegalArgumentException("JSON field " + JsonSupport.at(path, "z")
                    + " must be positive and finite, got " + zz);
        }
        return new EstimationOptions(zz, JsonSupport.booleanValue(o, "finite_population_correction", path));
    }
}
