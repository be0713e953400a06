package org.landcover4j.metrics.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.landcover4j.metrics.consensus.Annotations;
import org.landcover4j.metrics.internal.JsonSupport;

/**
 * The three agreement statistics of a set of annotations at once: pairwise pixel agreement, Fleiss' kappa and
 * nominal Krippendorff's alpha. This is what {@code landcover agreement} prints.
 *
 * <p>JSON ({@link #toJson()}, read back by {@link #fromJson(String)}) uses the keys of {@code landcover agreement
 * --json} for what the report holds: {@code annotators}, {@code pixel_agreement} (mean over pairs), {@code pairs}
 * ({@code a}, {@code b}, {@code agreement}, {@code pixels} compared), {@code fleiss_kappa}, {@code fleiss_pixels},
 * {@code fleiss_excluded_pixels}, {@code randolph_kappa}, {@code krippendorff_alpha}, {@code krippendorff_level};
 * then the rest of the three statistics: {@code fleiss_raters}, {@code fleiss_observed_agreement},
 * {@code fleiss_expected_agreement}, {@code fleiss_category_proportions},
 * {@code krippendorff_observed_disagreement}, {@code krippendorff_expected_disagreement},
 * {@code krippendorff_pairable_values}, {@code krippendorff_units}, {@code pixel_agreement_matrix} and
 * {@code compared_pixels_matrix} (annotator by annotator). Undefined values are {@code null}. The command's
 * {@code pixels} and {@code classes} describe the input rasters, which the report does not keep.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * AgreementReport r = AgreementReport.of(Annotations.of(a, b, c));
 * System.out.println(r);
 * Files.writeString(Path.of("agreement.json"), r.toJson());
 * }
 *
 * @param pixelAgreement pairwise agreement
 * @param fleiss         Fleiss' kappa over pixels every annotator labelled
 * @param krippendorff   nominal Krippendorff's alpha
 */
public record AgreementReport(PixelAgreement pixelAgreement, FleissKappa fleiss, KrippendorffAlpha krippendorff) {

    /** Validates non-null parts. */
    public AgreementReport {
        Objects.requireNonNull(pixelAgreement, "pixelAgreement");
        Objects.requireNonNull(fleiss, "fleiss");
        Objects.requireNonNull(krippendorff, "krippendorff");
    }

    /** All three statistics of {@code annotations} (Krippendorff nominal). */
    public static AgreementReport of(Annotations annotations) {
        return new AgreementReport(PixelAgreement.of(annotations), FleissKappa.of(annotations),
                KrippendorffAlpha.of(annotations));
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /** The report as a JSON tree (snake_case keys, undefined values as null; see the class comment). */
    public ObjectNode toJsonNode() {
        ObjectNode o = JsonSupport.object();
        List<String> names = pixelAgreement.names();
        ArrayNode an = o.putArray("annotators");
        names.forEach(an::add);
        JsonSupport.put(o, "pixel_agreement", pixelAgreement.mean());
        long[][] compared = pixelAgreement.comparedPixels();
        ArrayNode pairs = o.putArray("pairs");
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                ObjectNode p = pairs.addObject();
                p.put("a", names.get(i));
                p.put("b", names.get(j));
                JsonSupport.put(p, "agreement", pixelAgreement.agreement(i, j));
                p.put("pixels", compared[i][j]);
            }
        }
        JsonSupport.put(o, "fleiss_kappa", fleiss.kappa());
        o.put("fleiss_pixels", fleiss.subjects());
        o.put("fleiss_excluded_pixels", fleiss.excludedSubjects());
        JsonSupport.put(o, "randolph_kappa", fleiss.randolphKappa());
        JsonSupport.put(o, "krippendorff_alpha", krippendorff.alpha());
        o.put("krippendorff_level", krippendorff.level().name().toLowerCase(Locale.ROOT));
        o.put("fleiss_raters", fleiss.raters());
        JsonSupport.put(o, "fleiss_observed_agreement", fleiss.observedAgreement());
        JsonSupport.put(o, "fleiss_expected_agreement", fleiss.expectedAgreement());
        JsonSupport.array(o, "fleiss_category_proportions", fleiss.categoryProportions());
        JsonSupport.put(o, "krippendorff_observed_disagreement", krippendorff.observedDisagreement());
        JsonSupport.put(o, "krippendorff_expected_disagreement", krippendorff.expectedDisagreement());
        JsonSupport.put(o, "krippendorff_pairable_values", krippendorff.pairableValues());
        o.put("krippendorff_units", krippendorff.units());
        JsonSupport.matrix(o, "pixel_agreement_matrix", pixelAgreement.agreement());
        JsonSupport.matrix(o, "compared_pixels_matrix", compared);
        return o;
    }

    /** The report as indented JSON. */
    public String toJson() {
        return JsonSupport.write(toJsonNode());
    }

    /**
     * Reads a report written by {@link #toJson()} (from the full keys; {@code pairs} repeats the matrices).
     *
     * @throws IllegalArgumentException if the text is not such an object (naming the field and what was found)
     */
    public static AgreementReport fromJson(String json) {
        JsonNode o = JsonSupport.read(json);
        JsonNode an = JsonSupport.arrayField(o, "annotators", "");
        List<String> names = new ArrayList<>(an.size());
        for (int i = 0; i < an.size(); i++) {
            JsonNode n = an.get(i);
            if (!n.isTextual()) {
                throw new IllegalArgumentException("JSON field annotators[" + i + "] must be a string, got " + n);
            }
            names.add(n.textValue());
        }
        int n = names.size();
        PixelAgreement pa = new PixelAgreement(names, JsonSupport.doubleMatrix(o, "pixel_agreement_matrix", "", n),
                JsonSupport.longMatrix(o, "compared_pixels_matrix", "", n),
                JsonSupport.doubleValue(o, "pixel_agreement", ""));
        long subjects = JsonSupport.count(o, "fleiss_pixels", "");
        long excluded = JsonSupport.count(o, "fleiss_excluded_pixels", "");
        int raters = JsonSupport.intValue(JsonSupport.field(o, "fleiss_raters", ""), "fleiss_raters");
        FleissKappa fk = new FleissKappa(JsonSupport.doubleValue(o, "fleiss_kappa", ""),
                JsonSupport.doubleValue(o, "randolph_kappa", ""),
                JsonSupport.doubleValue(o, "fleiss_observed_agreement", ""),
                JsonSupport.doubleValue(o, "fleiss_expected_agreement", ""),
                JsonSupport.doubles(o, "fleiss_category_proportions", "", -1), subjects, raters, excluded);
        String level = JsonSupport.text(o, "krippendorff_level", "");
        KrippendorffAlpha.Level lvl;
        try {
            lvl = KrippendorffAlpha.Level.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JSON field krippendorff_level must be nominal, ordinal, interval or"
                    + " ratio, got \"" + level + "\"", e);
        }
        KrippendorffAlpha ka = new KrippendorffAlpha(JsonSupport.doubleValue(o, "krippendorff_alpha", ""), lvl,
                JsonSupport.doubleValue(o, "krippendorff_observed_disagreement", ""),
                JsonSupport.doubleValue(o, "krippendorff_expected_disagreement", ""),
                JsonSupport.doubleValue(o, "krippendorff_pairable_values", ""),
                JsonSupport.count(o, "krippendorff_units", ""));
        return new AgreementReport(pa, fk, ka);
    }

    @Override
    public String toString() {
        return "AgreementReport\n  " + pixelAgreement.toString().replace("\n", "\n  ") + "\n  " + fleiss + "\n  "
                + krippendorff;
    }
}
