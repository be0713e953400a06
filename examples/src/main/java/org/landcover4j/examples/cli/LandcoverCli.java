package org.landcover4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.landcover4j.core.InvalidDataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;

/**
 * The {@code landcover} command line: the library's public API behind a stable contract (CLI.md).
 *
 * <p>Exit codes: 0 success, 2 usage error (with a usage line), 3 bad input data (one line on stderr naming the
 * file and the problem; {@code --debug} adds the stack trace), 1 anything else. Commands are registered in
 * {@link #COMMANDS}; each lives in its own class in this package. {@link #run} builds only the command it is asked
 * to run (picocli's reflection over every command class costs about a quarter of a second at start-up); help and
 * errors without a known command see them all.
 *
 * {@snippet :
 * int code = LandcoverCli.run("raster", "label.tif", "--json", "-");
 * }
 */
@Command(name = "landcover",
        mixinStandardHelpOptions = true,
        versionProvider = LandcoverCli.Version.class,
        description = "Read, harmonise, process and score land-cover benchmark datasets.",
        synopsisSubcommandLabel = "COMMAND")
public final class LandcoverCli implements Runnable {

    /** The commands, in the order the usage help lists them; further commands register here, one line each. */
    static final Map<String, Class<?>> COMMANDS = commands(
            "help", HelpCommand.class,
            "demo", DemoCommand.class,
            "consensus", ConsensusCommand.class, "agreement", AgreementCommand.class,
            "taxonomy", TaxonomyCommand.class, "remap", RemapCommand.class,
            "evaluate", EvaluateCommand.class,
            "raster", RasterCommand.class,
            "info", InfoCommand.class,
            "export", ExportCommand.class,
            "tile", TileCommand.class, "split", SplitCommand.class,
            "samples", SamplesCommand.class);

    /** Name, class, name, class...: names are written out, as reading each class's annotation costs start-up time. */
    private static Map<String, Class<?>> commands(Object... nameClass) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameClass.length; i += 2) {
            m.put((String) nameClass[i], (Class<?>) nameClass[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces for errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Entry point: runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        return commandLineFor(args).execute(args);
    }

    /** The configured picocli command line with every command (exit-code and error handling installed). */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /** The command line {@link #run} uses for these arguments: with the requested command only, when there is one. */
    static CommandLine commandLineFor(String... args) {
        return commandLine(requestedCommand(args));
    }

    /**
     * The command named by the first argument that is not a top-level option, when it is a known command other than
     * {@code help}; null otherwise (then every command is registered, for usage help and suggestions).
     */
    static String requestedCommand(String... args) {
        for (String a : args) {
            if (a.equals("--debug")) {
                continue;
            }
            return !a.startsWith("-") && !a.equals("help") && COMMANDS.containsKey(a) ? a : null;
        }
        return null;
    }

    private static CommandLine commandLine(String only) {
        CommandLine cl = new CommandLine(new LandcoverCli());
        COMMANDS.forEach((name, c) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, c);
            }
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(LandcoverCli::onParameterError);
        cl.setExecutionExceptionHandler(LandcoverCli::onExecutionError);
        return cl;
    }

    private static int onParameterError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("landcover: " + ex.getMessage());
        err.print(cmd.getHelp().fullSynopsis());
        String path = commandPath(cmd);
        err.println("Try 'landcover help" + (path.isEmpty() ? "" : " " + path) + "' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String commandPath(CommandLine cmd) {
        String q = cmd.getCommandSpec().qualifiedName(" ");
        return q.startsWith("landcover") ? q.substring("landcover".length()).trim() : q;
    }

    private static int onExecutionError(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean debug = parsed != null && isDebug(parsed);
        PrintWriter err = cmd.getErr();
        int code = exitCodeOf(ex);
        err.println("landcover: " + describe(ex));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean isDebug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Maps an exception to the contract's exit code: bad input data is 3, everything else 1. */
    static int exitCodeOf(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u && u.getCause() instanceof InvalidDataException
                ? u.getCause() : ex;
        if (t instanceof InvalidDataException || t instanceof BadInputException
                || t instanceof NoSuchFileException || t instanceof AccessDeniedException) {
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILURE;
    }

    /** One line: what went wrong, naming the file. */
    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or directory";
        }
        if (t instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        } else if (!(t instanceof IOException) && !(t instanceof BadInputException)
                && !(t instanceof IllegalArgumentException)) {
            msg = t.getClass().getSimpleName() + ": " + msg;
        }
        return msg.replace('\n', ' ');
    }

    /** Supplies {@code --version}: the library version and the kernel implementation in use. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LandcoverCli.class.getPackage().getImplementationVersion();
            return new String[] {
                "landcover " + (v == null ? "0.1.0-SNAPSHOT" : v),
                String.format(Locale.ROOT, "Java %s (%s), kernels: %s", Runtime.version(),
                        System.getProperty("java.vendor"), org.landcover4j.core.kernel.Kernels.implementation()),
            };
        }
    }
}
