package org.landcover4j.io.dataset.globe230k;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.DatasetProvider;

/**
 * Registers {@link Globe230k} with {@link org.landcover4j.core.dataset.Datasets}: recognises a folder holding an
 * {@code image_patch/} folder, or {@code RGB/patch_image/} of the raw layout (opening then also requires the label
 * folder of that layout).
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * new Globe230kProvider().recognizes(Path.of("samples/globe230k"));   // true
 * }
 */
public final class Globe230kProvider implements DatasetProvider {

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public Globe230kProvider() {
    }

    @Override
    public String id() {
        return Globe230k.ID;
    }

    @Override
    public String name() {
        return "Globe230k";
    }

    @Override
    public String expectedLayout() {
        return Globe230k.EXPECTED;
    }

    @Override
    public boolean recognizes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        return Globe230k.detect(dir).isPresent();
    }

    @Override
    public Dataset<?> open(Path dir, DatasetOptions options) throws IOException {
        return Globe230k.open(dir, options);
    }
}
