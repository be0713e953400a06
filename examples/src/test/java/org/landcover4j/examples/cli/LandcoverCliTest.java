package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.examples.cli.CliRun.Result;

class LandcoverCliTest {

    static CliRun.Result run(String... args) {
        return CliRun.run(args);
    }


    @Test
    void versionAndHelp() {
        Result v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("landcover "), v.out());
        assertTrue(v.out().contains("kernels: "), v.out());
        Result h = run("help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("demo"), h.out());
        Result hd = run("help", "demo");
        assertEquals(0, hd.code());
        assertTrue(hd.out().contains("Usage: landcover demo"), hd.out());
    }

    @Test
    void usageErrorsExitTwoWithAUsageLine() {
        Result r = run("no-such-command");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("Usage: landcover"), r.err());
        Result missing = run();
        assertEquals(ExitCodes.USAGE, missing.code());
        Result badOption = run("demo", "--no-such-option");
        assertEquals(ExitCodes.USAGE, badOption.code());
        assertTrue(badOption.err().contains("Usage: landcover demo"), badOption.err());
    }

    @Test
    void onlyTheRequestedCommandIsBuilt() {
        assertEquals("evaluate", LandcoverCli.requestedCommand("evaluate", "--threads", "1"));
        assertEquals("evaluate", LandcoverCli.requestedCommand("--debug", "evaluate"));
        assertEquals(null, LandcoverCli.requestedCommand("help", "evaluate"));
        assertEquals(null, LandcoverCli.requestedCommand("--version"));
        assertEquals(null, LandcoverCli.requestedCommand("evaluat"));
        assertEquals(null, LandcoverCli.requestedCommand());
        assertEquals(Set.of("evaluate"), LandcoverCli.commandLineFor("evaluate", "-h").getSubcommands().keySet());
        assertEquals(LandcoverCli.COMMANDS.keySet(), LandcoverCli.commandLineFor("help").getSubcommands().keySet());
        // every registered name is the name the command's class declares
        LandcoverCli.COMMANDS.forEach((name, c) -> assertEquals(name,
                c.getAnnotation(picocli.CommandLine.Command.class).name(), c.getName()));
        // the inherited --debug still reaches a command registered on its own, before or after its name
        Result after = run("raster", "/no/such/file.tif", "--debug");
        assertEquals(ExitCodes.BAD_INPUT, after.code(), after.err());
        Result before = run("--debug", "raster", "/no/such/file.tif");
        assertEquals(ExitCodes.BAD_INPUT, before.code(), before.err());
        assertTrue(after.err().contains("\tat "), after.err());
        assertTrue(before.err().contains("\tat "), before.err());
        Result plain = run("raster", "/no/such/file.tif");
        assertTrue(!plain.err().contains("\tat "), plain.err());
        // a misspelt command is a usage error at the top level, as before
        Result typo = run("evaluat");
        assertEquals(ExitCodes.USAGE, typo.code());
        assertTrue(typo.err().contains("Unmatched argument at index 0: 'evaluat'"), typo.err());
    }

    @Test
    void badInputMapsToThreeAndOthersToOne() {
        assertEquals(3, LandcoverCli.exitCodeOf(new InvalidDataException(Path.of("a.tif"), "truncated")));
        assertEquals(3, LandcoverCli.exitCodeOf(new NoSuchFileException("b.tif")));
        assertEquals(3, LandcoverCli.exitCodeOf(new BadInputException("sizes differ")));
        assertEquals(1, LandcoverCli.exitCodeOf(new IllegalStateException("bug")));
        assertEquals("b.tif: no such file or directory", LandcoverCli.describe(new NoSuchFileException("b.tif")));
        assertEquals("a.tif: truncated",
                LandcoverCli.describe(new InvalidDataException(Path.of("a.tif"), "truncated")));
    }

    @Test
    void jsonWritesNanAsNull() throws Exception {
        String s = JsonOutput.mapper().writeValueAsString(Map.of("iou", Double.NaN, "n", 3, "f", Float.NaN));
        JsonNode n = JsonOutput.mapper().readTree(s);
        assertTrue(n.get("iou").isNull(), s);
        assertTrue(n.get("f").isNull(), s);
        assertEquals(3, n.get("n").asInt());
    }

    @Test
    void progressBarRendering() {
        assertEquals("evaluate [###############---------------]  50% 5/10", ProgressBar.render(5, 10, "evaluate"));
        assertEquals("scan 1,234", ProgressBar.render(1234, -1, "scan"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressBar bar = ProgressBar.alwaysOn(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            bar.progress(10, 10, "t");
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("100%"));
        assertTrue(!ProgressBar.forStderr().enabled() || Boolean.getBoolean("landcover.stderr.tty"));
    }
}
