package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/src/main/jshell/startup.jsh}, the script {@code ./landcover shell} loads: every snippet compiles
 * against the current API (imports resolve, no ambiguous names, helpers compile), and the helpers that need no
 * files work. Runs in-process with JShell's local execution engine (no second JVM).
 */
class JShellStartupTest {

    /** JShell's DEFAULT startup imports, which startup.jsh builds on. */
    private static final List<String> DEFAULT_IMPORTS = List.of("java.io", "java.math", "java.net", "java.nio.file",
            "java.util", "java.util.concurrent", "java.util.function", "java.util.prefs", "java.util.regex",
            "java.util.stream");

    @Test
    void startupScriptCompilesAndItsHelpersWork() throws Exception {
        Path script = Path.of("src/main/jshell/startup.jsh");
        assertTrue(Files.isRegularFile(script), "run from the examples module folder: " + script.toAbsolutePath());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (JShell js = JShell.builder().executionEngine("local").out(ps).err(ps).build()) {
            js.addToClasspath(System.getProperty("java.class.path"));
            for (String p : DEFAULT_IMPORTS) {
                eval(js, "import " + p + ".*;");
            }
            SourceCodeAnalysis sca = js.sourceCodeAnalysis();
            String rest = Files.readString(script);
            List<String> snippets = new ArrayList<>();
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo ci = sca.analyzeCompletion(rest);
                if (ci.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    break;   // only comments left
                }
                assertTrue(ci.completeness().isComplete(), "incomplete snippet at: " + rest);
                snippets.add(ci.source());
                eval(js, ci.source());
                rest = ci.remaining();
            }
            assertTrue(snippets.size() > 20, "too few snippets: " + snippets);

            // the main types resolve without ambiguity among the imported packages
            List<String> types = List.of("Raster", "ByteRaster", "Window", "Datasets", "Dataset", "Sample", "Split",
                    "TileGrid", "Tiles", "RandomSplit", "GroupedSplit", "TaxonomyRegistry", "Crosswalk",
                    "ConfusionAccumulator", "ConfusionMatrix", "EvaluationReport", "WeightedVote", "Annotations",
                    "AgreementReport", "Rasters", "GeoTiff", "Png", "Manifests", "SampleGenerator", "Sen12ms",
                    "OpenEarthMap", "LandCoverNet", "OpenSentinelMap", "Globe230k", "Kernels");
            eval(js, types.stream().map(t -> t + ".class").collect(Collectors.joining(", ", "List.of(", ")")));

            // the helpers on a synthetic OpenEarthMap-like label: classes 1..8 and one ignore pixel (0)
            eval(js, "byte[] px = new byte[64 * 64];");
            eval(js, "for (int i = 1; i < px.length; i++) px[i] = (byte) (1 + i % 8);");
            eval(js, "var label = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 64, 64), px);");
            eval(js, "var same = score(label, noisy(label, \"openearthmap\", 0.0, 1), \"openearthmap\");");
            assertEquals("1.0", value(js, "same.overallAccuracy()"));
            assertEquals("1", value(js, "same.matrix().ignoredPixels()"));
            eval(js, "var report = score(label, noisy(label, \"openearthmap\", 0.3, 7), \"openearthmap\");");
            double oa = Double.parseDouble(value(js, "report.overallAccuracy()"));
            // 30% of the pixels take a random one of 8 classes: about 1 - 0.3 * 7/8 = 0.74 stay right
            assertTrue(oa > 0.70 && oa < 0.78, "OA " + oa);
            assertEquals("0", value(js, "report.matrix().outOfRange().pixels()"));
            assertEquals("true", value(js, "noisy(label, \"openearthmap\", 0.3, 7).get(0, 0, 0) == 0"));
        }
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("Exception"), out.toString(StandardCharsets.UTF_8));
    }

    private static List<SnippetEvent> eval(JShell js, String source) {
        assertTrue(js.sourceCodeAnalysis().analyzeCompletion(source).remaining().isBlank(),
                "eval takes one snippet at a time: " + source);
        List<SnippetEvent> events = js.eval(source);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;   // updates of earlier snippets
            }
            String diagnostics = js.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("; "));
            assertEquals(Snippet.Status.VALID, e.status(), source + ": " + diagnostics);
            assertNull(e.exception(), source + ": " + e.exception());
        }
        return events;
    }

    private static String value(JShell js, String expression) {
        List<SnippetEvent> events = eval(js, expression);
        return events.get(events.size() - 1).value();
    }
}
