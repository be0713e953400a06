package org.landcover4j.io.dataset.opensentinelmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.DatasetProvider;

/**
 * Registers {@link OpenSentinelMap} with {@link org.landcover4j.core.dataset.Datasets}: recognises a folder holding at
 * {@code spatial_cell_info.csv}.
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * new OpenSentinelMapProvider().recognizes(Path.of("samples/opensentinelmap"));   // true
 * }
 */
public final class OpenSentinelMapProvider implements DatasetProvider {

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public OpenSentinelMapProvider() {
    }

    @Override
    public String id() {
        return OpenSentinelMap.ID;
    }

    @Override
    public String name() {
        return "OpenSentinelMap";
    }

    @Override
    public String expectedLayout() {
        return OpenSentinelMap.EXPECTED;
    }

    @Override
    public boolean recognizes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        return Files.isRegularFile(dir.resolve("spatial_cell_info.csv"));
    }

    @Override
    public Dataset<?> open(Path dir, DatasetOptions options) throws IOException {
        return OpenSentinelMap.open(dir, options);
    }
}
