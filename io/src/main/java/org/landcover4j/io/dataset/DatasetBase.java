package org.landcover4j.io.dataset;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetInfo;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Sample;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Skipped;
import org.landcover4j.core.dataset.Split;

/**
 * The shared part of the five dataset readers: an immutable index of sample references with lookup by id, split
 * counts, the skip report and {@code toString}.
 *
 * <p>Subclasses enumerate their folder in a static {@code open} method, then pass the references here and
 * implement {@link #decode(SampleRef)}. The index is built once and never changes, so readers are safe to use from
 * many threads as long as {@code decode} only reads files.
 *
 * {@snippet :
 * OpenEarthMap ds = OpenEarthMap.open(Path.of("samples/openearthmap"));
 * ds.toString();   // "OpenEarthMap[root=samples/openearthmap, samples=9, splits={train=5, val=2, test=2}]"
 * }
 *
 * @param <S> the sample type
 */
public abstract class DatasetBase<S extends Sample> implements Dataset<S> {

    private final Path root;
    private final DatasetInfo info;
    private final DatasetOptions options;
    private final List<SampleRef> refs;
    private final Map<String, SampleRef> byId;
    private final Map<Split, Integer> splitCounts;
    private final List<Skipped> skipped;

    /**
     * Builds the index.
     *
     * @param root          the folder as the user gave it
     * @param info          static dataset facts; {@code info.splits()} lists the splits the files define
     * @param options       listeners
     * @param refs          the references in their final, deterministic order
     * @param skipped       what enumeration left out
     * @throws IllegalArgumentException if two references share an id
     */
    protected DatasetBase(Path root, DatasetInfo info, DatasetOptions options, List<SampleRef> refs,
                          List<Skipped> skipped) {
        this.root = Objects.requireNonNull(root, "root");
        this.info = Objects.requireNonNull(info, "info");
        this.options = Objects.requireNonNull(options, "options");
        this.refs = List.copyOf(refs);
        this.skipped = List.copyOf(skipped);
        Map<String, SampleRef> ids = new HashMap<>(Math.max(16, refs.size() * 2));
        for (SampleRef r : this.refs) {
            if (ids.put(r.id(), r) != null) {
                throw new IllegalArgumentException("two samples share the id '" + r.id() + "'");
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        for (Split s : info.splits()) {
            counts.put(s, 0);
        }
        for (SampleRef r : this.refs) {
            r.split().ifPresent(s -> counts.merge(s, 1, Integer::sum));
        }
        this.splitCounts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    @Override
    public final DatasetInfo info() {
        return info;
    }

    @Override
    public final Path root() {
        return root;
    }

    /** The options this dataset was opened with. */
    public final DatasetOptions options() {
        return options;
    }

    @Override
    public final List<SampleRef> refs() {
        return refs;
    }

    @Override
    public final Map<Split, Integer> splitCounts() {
        return splitCounts;
    }

    @Override
    public final Optional<SampleRef> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public final List<Skipped> skipped() {
        return skipped;
    }

    @Override
    public final S read(SampleRef ref) throws InvalidDataException {
        return decode(checkOwned(ref));
    }

    /**
     * Checks that {@code ref} is one of this dataset's references (same id and files).
     *
     * @throws IllegalArgumentException naming the id otherwise
     */
    protected final SampleRef checkOwned(SampleRef ref) {
        Objects.requireNonNull(ref, "ref");
        SampleRef own = byId.get(ref.id());
        if (own == null || !own.files().equals(ref.files())) {
            throw new IllegalArgumentException("sample " + ref.id() + " does not belong to " + this);
        }
        return ref;
    }

    /** Decodes one sample whose reference has been checked. */
    protected abstract S decode(SampleRef ref) throws InvalidDataException;

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(info.name()).append("[root=").append(root).append(", samples=")
                .append(refs.size()).append(", splits={");
        boolean first = true;
        for (var e : splitCounts.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey().id()).append('=').append(e.getValue());
            first = false;
        }
        return sb.append("}]").toString();
    }
}
