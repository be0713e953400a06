package org.landcover4j.core.dataset;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cheap reference to one sample of a dataset: its id, split, group and files, without any pixels.
 *
 * <p>Readers enumerate references when a dataset is opened and decode a sample only when
 * {@link Dataset#read(SampleRef)} is called. {@code files} maps a role ({@code "s2"}, {@code "image"},
 * {@code "label"}, ...) to the file or folder that holds it, in a stable order; roles a sample lacks are absent.
 * {@code group} is what samples that must not be split apart share (a SEN12MS scene, an OpenEarthMap region, an
 * MGRS tile), for grouped splitting.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * SampleRef ref = ds.refs().get(0);
 * ref.id();          // "aachen_1"
 * ref.split();       // Optional[train]
 * ref.file("label"); // Optional[samples/openearthmap/aachen/labels/aachen_1.tif]
 * }
 *
 * @param id       the sample's name, unique within its dataset
 * @param split    the split the dataset's own split files or columns put it in, empty when none
 * @param group    the group key for grouped splitting (never blank)
 * @param labelled whether the sample has a label raster
 * @param files    role to path, in a stable order (copied; iteration order kept)
 */
public record SampleRef(String id, Optional<Split> split, String group, boolean labelled, Map<String, Path> files) {

    /** Validates and copies the file map, keeping its order. */
    public SampleRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(split, "split (use Optional.empty())");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(files, "files");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a sample id must not be blank");
        }
        if (group.isBlank()) {
            throw new IllegalArgumentException("the group of sample '" + id + "' must not be blank");
        }
        var copy = new LinkedHashMap<String, Path>();
        files.forEach((role, path) -> copy.put(Objects.requireNonNull(role, "role"),
                Objects.requireNonNull(path, () -> "path of role " + role)));
        files = Collections.unmodifiableMap(copy);
    }

    /** The file or folder that holds {@code role}, if the sample has it. */
    public Optional<Path> file(String role) {
        return Optional.ofNullable(files.get(role));
    }

    /** A copy of this reference in another split (empty: none). */
    public SampleRef withSplit(Optional<Split> newSplit) {
        return new SampleRef(id, newSplit, group, labelled, files);
    }

    @Override
    public String toString() {
        return "SampleRef[" + id + (split.isPresent() ? ", " + split.get() : "") + ", group=" + group
                + (labelled ? "" : ", unlabelled") + ", files=" + files.keySet() + "]";
    }
}
