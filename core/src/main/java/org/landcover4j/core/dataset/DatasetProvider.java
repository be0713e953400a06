package org.landcover4j.core.dataset;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Service-provider interface that lets {@link Datasets#open(Path)} find dataset readers without {@code core}
 * depending on any file format.
 *
 * <p>Implementations live in other modules (the {@code io} module provides the five built-in readers) and are
 * registered in {@code META-INF/services/org.landcover4j.core.dataset.DatasetProvider}. They must have a public
 * no-argument constructor, be stateless and be thread-safe.
 *
 * {@snippet :
 * public final class MyProvider implements DatasetProvider {
 *     public String id() { return "mydataset"; }
 *     public String name() { return "My dataset"; }
 *     public String expectedLayout() { return "a folder holding images/ and masks/"; }
 *     public boolean recognizes(Path dir) { return Files.isDirectory(dir.resolve("masks")); }
 *     public Dataset<?> open(Path dir, DatasetOptions o) throws IOException { return MyDataset.open(dir, o); }
 * }
 * }
 */
public interface DatasetProvider {

    /** Short lower-case id, as in {@link DatasetInfo#id()}. */
    String id();

    /** Display name. */
    String name();

    /** One phrase describing the folder this provider recognises, for error messages. */
    String expectedLayout();

    /**
     * Whether {@code dir} looks like this dataset. Cheap (a few directory lookups), never throws, never reads
     * pixels.
     */
    boolean recognizes(Path dir);

    /**
     * Opens {@code dir} as this dataset.
     *
     * @throws org.landcover4j.core.InvalidDataException when a required part is missing or an index file is bad
     * @throws IOException                                when the folder cannot be listed
     */
    Dataset<?> open(Path dir, DatasetOptions options) throws IOException;
}
