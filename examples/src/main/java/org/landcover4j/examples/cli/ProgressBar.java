package org.landcover4j.examples.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.landcover4j.core.ProgressListener;

/**
 * A one-line progress bar on stderr, shown only when stderr is a terminal (CLI.md: nothing on stderr otherwise).
 *
 * <p>The launcher tells whether stderr is a terminal through the system property {@code landcover.stderr.tty};
 * redraws are throttled to ten per second. Thread-safe.
 *
 * {@snippet :
 * try (var bar = ProgressBar.forStderr()) {
 *     reader.forEach(sample -> ..., bar);   // any API taking a ProgressListener
 * }
 * }
 */
public final class ProgressBar implements ProgressListener, AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private long lastDraw;
    private boolean drawn;

    private ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** A bar on stderr, enabled when stderr is a terminal. */
    public static ProgressBar forStderr() {
        return new ProgressBar(System.err, Boolean.getBoolean("landcover.stderr.tty"));
    }

    /** A bar that always draws on {@code out} (for tests). */
    static ProgressBar alwaysOn(PrintStream out) {
        return new ProgressBar(out, true);
    }

    /** Whether anything will be drawn. */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public synchronized void progress(long done, long total, String task) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (!finished && drawn && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        drawn = true;
        out.print("\r" + render(done, total, task));
        out.flush();
    }

    static String render(long done, long total, String task) {
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s %,d", task, done);
        }
        double f = Math.min(1.0, Math.max(0.0, (double) done / total));
        int filled = (int) Math.round(f * WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3.0f%% %,d/%,d", task, "#".repeat(filled),
                "-".repeat(WIDTH - filled), f * 100, done, total);
    }

    /** Ends the line if a bar was drawn. */
    @Override
    public synchronized void close() {
        if (enabled && drawn) {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
