package org.landcover4j.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landcover4j.metrics.agreement.FleissKappa;
import org.landcover4j.metrics.agreement.KrippendorffAlpha;
import org.landcover4j.metrics.agreement.PixelAgreement;
import org.landcover4j.metrics.consensus.Annotations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code landcover agreement}: inter-annotator agreement of several label maps of the same pixels (pairwise pixel
 * agreement, Fleiss' kappa, Krippendorff's alpha).
 */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Inter-annotator agreement of label maps of the same pixels: pairwise pixel agreement (the "
            + "share of pixels two annotators label alike), Fleiss' kappa and Krippendorff's alpha (nominal).")
public final class AgreementCommand implements Callable<Integer> {

    @Mixin
    JsonOutput json;

    @Option(names = "--annotation", paramLabel = "FILE", required = true,
            description = "An annotator's label raster (uint8, band 1); repeat for each annotator (at least 2).")
    List<Path> annotations;

    @Option(names = "--missing", paramLabel = "VALUE",
            description = "Label value meaning 'not labelled' (a missing rating; Fleiss' kappa skips such pixels).")
    Integer missing;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "nominal",
            description = "Krippendorff level of measurement: nominal (default), ordinal, interval, ratio.")
    String level;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (annotations.size() < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "agreement needs at least 2 --annotation files, got " + annotations.size());
        }
        KrippendorffAlpha.Level lvl;
        try {
            lvl = KrippendorffAlpha.Level.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --level '" + level
                    + "'; expected one of: nominal, ordinal, interval, ratio");
        }
        Annotations an = ConsensusCommand.AnnotationInputs.read(annotations, missing, null, null, 0);
        PixelAgreement pa = PixelAgreement.of(an);
        FleissKappa fk = FleissKappa.of(an);
        KrippendorffAlpha ka = KrippendorffAlpha.of(an, lvl);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("annotators", an.names());
        m.put("pixels", (long) an.pixels());
        m.put("classes", an.classValues());
        m.put("pixel_agreement", pa.mean());
        List<Map<String, Object>> pairs = new ArrayList<>();
        List<String> names = an.names();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("a", names.get(i));
                p.put("b", names.get(j));
                p.put("agreement", pa.agreement(i, j));
                p.put("pixels", pa.comparedPixels()[i][j]);
                pairs.add(p);
            }
        }
        m.put("pairs", pairs);
        m.put("fleiss_kappa", fk.kappa());
        m.put("fleiss_pixels", fk.subjects());
        m.put("fleiss_excluded_pixels", fk.excludedSubjects());
        m.put("randolph_kappa", fk.randolphKappa());
        m.put("krippendorff_alpha", ka.alpha());
        m.put("krippendorff_level", lvl.name().toLowerCase(Locale.ROOT));
        if (json.requested()) {
            json.write(m);
        }
        if (!json.toStdout()) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "agreement of %d annotators over %dx%d pixels, classes %s%n",
                    names.size(), an.width(), an.height(), java.util.Arrays.toString(an.classValues())));
            sb.append(String.format(Locale.ROOT, "  pixel agreement (mean of pairs): %s%n", fmt(pa.mean())));
            for (Map<String, Object> p : pairs) {
                sb.append(String.format(Locale.ROOT, "    %s vs %s: %s of %d pixels%n", p.get("a"), p.get("b"),
                        fmt((Double) p.get("agreement")), (Long) p.get("pixels")));
            }
            sb.append(String.format(Locale.ROOT, "  Fleiss' kappa: %s over %d pixels%s%n", fmt(fk.kappa()),
                    fk.subjects(), fk.excludedSubjects() > 0
                            ? " (" + fk.excludedSubjects() + " pixels without every rating skipped)" : ""));
            sb.append(String.format(Locale.ROOT, "  Krippendorff's alpha (%s): %s",
                    lvl.name().toLowerCase(Locale.ROOT), fmt(ka.alpha())));
            System.out.println(sb);
        }
        return ExitCodes.OK;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.4f", v);
    }
}
