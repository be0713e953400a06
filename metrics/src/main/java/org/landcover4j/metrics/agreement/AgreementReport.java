package org.landcover4j.metrics.agreement;

import java.util.Objects;
import org.landcover4j.metrics.consensus.Annotations;

/**
 * The three agreement statistics of a set of annotations at once: pairwise pixel agreement, Fleiss' kappa and
 * nominal Krippendorff's alpha. This is what {@code landcover agreement} prints.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * AgreementReport r = AgreementReport.of(Annotations.of(a, b, c));
 * System.out.println(r);
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

    @Override
    public String toString() {
        return "AgreementReport\n  " + pixelAgreement.toString().replace("\n", "\n  ") + "\n  " + fleiss + "\n  "
                + krippendorff;
    }
}
