package org.landcover4j.examples.cli;

/**
 * The exit codes of the {@code landcover} command line, as fixed by its contract (CLI.md).
 */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Anything else: an unexpected failure. */
    public static final int FAILURE = 1;
    /** Usage error: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** Bad input data: missing, unreadable, corrupt, unsupported or inconsistent files. */
    public static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}
