package org.landcover4j.io.dataset.landcovernet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.DatasetProvider;

/**
 * Registers {@link LandCoverNet} with {@link org.landcover4j.core.dataset.Datasets}: recognises a folder holding an
 * {@code <id>_labels/} collection folder (or being one), or a {@code data/v1.0/2018} tree.
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * new LandCoverNetProvider().recognizes(Path.of("samples/landcovernet"));   // true
 * }
 */
public final class LandCoverNetProvider implements DatasetProvider {

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public LandCoverNetProvider() {
    }

    @Override
    public String id() {
        return LandCoverNet.ID;
    }

    @Override
    public String name() {
        return "LandCoverNet";
    }

    @Override
    public String expectedLayout() {
        return LandCoverNet.EXPECTED;
    }

    @Override
    public boolean recognizes(Path dir) {
        try {
            return Files.isDirectory(dir)
                    && (!LandCoverNet.labelCollections(dir).isEmpty() || LandCoverNet.tileTree(dir).isPresent());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Dataset<?> open(Path dir, DatasetOptions options) throws IOException {
        return LandCoverNet.open(dir, options);
    }
}
