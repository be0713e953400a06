package org.landcover4j.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process for tests, capturing stdout, stderr and the exit code. */
final class CliRun {

    /** What one run produced. */
    record Result(int code, String out, String err) {
    }

    private CliRun() {
    }

    /** Runs {@code landcover args...} as {@link LandcoverCli#run} does; stdout is captured by swapping {@code System.out} during the run. */
    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            var cl = LandcoverCli.commandLineFor(args);
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            System.out.flush();
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(oldOut);
        }
    }
}
