package org.landcover4j.core.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.landcover4j.core.InvalidDataException;

/**
 * Opens a dataset folder with the right reader, recognising the dataset from its layout.
 *
 * <p>Readers are found with {@link ServiceLoader} ({@link DatasetProvider}); with the {@code io} module on the
 * class path these are SEN12MS, LandCoverNet, OpenEarthMap, OpenSentinelMap and Globe230k. Each reader can also
 * be opened directly ({@code Sen12ms.open(path)}, ...), which skips detection and returns the typed reader.
 *
 * <p>Thread safety: all methods are safe to call from many threads.
 *
 * {@snippet :
 * var ds = Datasets.open(Path.of("samples/openearthmap"));
 * ds.info().id();        // "openearthmap"
 * Datasets.detect(Path.of("samples/sen12ms"));   // Optional["sen12ms"]
 * }
 */
public final class Datasets {

    private Datasets() {
    }

    /** The registered providers, sorted by id. */
    public static List<DatasetProvider> providers() {
        List<DatasetProvider> out = new ArrayList<>();
        ServiceLoader.load(DatasetProvider.class, Datasets.class.getClassLoader()).forEach(out::add);
        if (Thread.currentThread().getContextClassLoader() != null
                && Thread.currentThread().getContextClassLoader() != Datasets.class.getClassLoader()) {
            for (DatasetProvider p : ServiceLoader.load(DatasetProvider.class)) {
                if (out.stream().noneMatch(q -> q.id().equals(p.id()))) {
                    out.add(p);
                }
            }
        }
        out.sort(Comparator.comparing(DatasetProvider::id));
        return List.copyOf(out);
    }

    /** The provider with this id, if registered. */
    public static Optional<DatasetProvider> provider(String id) {
        return providers().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The id of the dataset {@code dir} holds, if a registered provider recognises it. */
    public static Optional<String> detect(Path dir) {
        return providers().stream().filter(p -> p.recognizes(dir)).map(DatasetProvider::id).findFirst();
    }

    /** Opens {@code dir} with default options (warnings logged, no progress). */
    public static Dataset<?> open(Path dir) throws IOException {
        return open(dir, DatasetOptions.defaults());
    }

    /**
     * Opens {@code dir} with the reader that recognises it.
     *
     * @throws InvalidDataException when {@code dir} is not a folder, when no reader (or more than one) recognises
     *                              it (the message lists what each reader expects), or when the recognised
     *                              dataset misses a required part
     * @throws IOException          when the folder cannot be listed
     */
    public static Dataset<?> open(Path dir, DatasetOptions options) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidDataException(dir, Files.exists(dir) ? "is not a folder; expected a dataset folder"
                    : "no such folder; expected a dataset folder");
        }
        List<DatasetProvider> all = providers();
        if (all.isEmpty()) {
            throw new IllegalStateException("no dataset readers are registered; put landcover4j-io on the class path");
        }
        List<DatasetProvider> matching = all.stream().filter(p -> p.recognizes(dir)).toList();
        if (matching.isEmpty()) {
            throw new InvalidDataException(dir, "not a recognised dataset folder; expected one of: "
                    + all.stream().map(p -> p.name() + " (" + p.expectedLayout() + ")")
                            .collect(Collectors.joining("; ")));
        }
        if (matching.size() > 1) {
            throw new InvalidDataException(dir, "looks like more than one dataset ("
                    + matching.stream().map(DatasetProvider::name).collect(Collectors.joining(", "))
                    + "); open it with the reader of the one you mean");
        }
        return matching.get(0).open(dir, options);
    }
}
