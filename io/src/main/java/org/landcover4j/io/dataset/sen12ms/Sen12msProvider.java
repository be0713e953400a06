package org.landcover4j.io.dataset.sen12ms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.DatasetProvider;

/**
 * Registers {@link Sen12ms} with {@link org.landcover4j.core.dataset.Datasets}: recognises a folder holding at
 * least one {@code ROIs<seed>_<season>} folder.
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * new Sen12msProvider().recognizes(Path.of("samples/sen12ms"));   // true
 * }
 */
public final class Sen12msProvider implements DatasetProvider {

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public Sen12msProvider() {
    }

    @Override
    public String id() {
        return Sen12ms.ID;
    }

    @Override
    public String name() {
        return "SEN12MS";
    }

    @Override
    public String expectedLayout() {
        return Sen12ms.EXPECTED;
    }

    @Override
    public boolean recognizes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().matches("ROIs\\d{4}_(spring|summer|fall|winter)")
                    && Files.isDirectory(p));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Dataset<?> open(Path dir, DatasetOptions options) throws IOException {
        return Sen12ms.open(dir, options);
    }
}
