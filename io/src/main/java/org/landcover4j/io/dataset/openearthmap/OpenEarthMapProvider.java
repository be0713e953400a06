package org.landcover4j.io.dataset.openearthmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.DatasetProvider;

/**
 * Registers {@link OpenEarthMap} with {@link org.landcover4j.core.dataset.Datasets}: recognises a folder holding at
 * least one {@code <region>/images/} folder.
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * new OpenEarthMapProvider().recognizes(Path.of("samples/openearthmap"));   // true
 * }
 */
public final class OpenEarthMapProvider implements DatasetProvider {

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public OpenEarthMapProvider() {
    }

    @Override
    public String id() {
        return OpenEarthMap.ID;
    }

    @Override
    public String name() {
        return "OpenEarthMap";
    }

    @Override
    public String expectedLayout() {
        return OpenEarthMap.EXPECTED;
    }

    @Override
    public boolean recognizes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> Files.isDirectory(p.resolve("images")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Dataset<?> open(Path dir, DatasetOptions options) throws IOException {
        return OpenEarthMap.open(dir, options);
    }
}
