package org.landcover4j.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the project's companion folder {@code ../shared} (fixtures, reference metric cases) for tests.
 *
 * <p>Tests that need it call {@link #require(String)}, which skips the test with a clear message when the folder
 * is absent (a clone without {@code ../shared}). The location comes from the system property
 * {@code landcover4j.shared} (set by the build) or is searched upward from the working directory.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder, or {@code null} when absent. */
    public static Path root() {
        String p = System.getProperty("landcover4j.shared");
        if (p != null && Files.isDirectory(Path.of(p))) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path c = d.resolveSibling("shared");
            if (Files.isDirectory(c.resolve("datasets"))) {
                return c.normalize();
            }
        }
        return null;
    }

    /**
     * The path {@code relative} inside the shared folder; skips the calling test with a message naming what is
     * missing when the folder or the path does not exist.
     */
    public static Path require(String relative) {
        Path root = root();
        Assumptions.assumeTrue(root != null,
                "skipped: ../shared is absent (the fixtures and reference cases live there; see README)");
        Path p = root.resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "skipped: ../shared/" + relative + " is absent");
        return p;
    }
}
