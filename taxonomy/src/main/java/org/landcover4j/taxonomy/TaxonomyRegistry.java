package org.landcover4j.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Taxonomies and crosswalks by id: the built-ins, plus whatever a user adds or loads from JSON.
 *
 * <p>Taxonomy ids are like {@code "igbp"}; crosswalk ids are {@code "<from>:<to>"} like {@code "igbp:dfc2020"}.
 * {@link #builtIn()} holds every taxonomy and crosswalk listed in {@link BuiltInTaxonomies}, loaded once from JSON
 * resources through {@link TaxonomyJson} (the same loader users use). Registries are immutable: {@link #with},
 * {@link #withCrosswalk} and {@link #load(Path)} return new registries, so the built-in one can be shared freely.
 *
 * <p>Thread safety: immutable; safe to share.
 *
 * {@snippet :
 * var reg = TaxonomyRegistry.builtIn();
 * reg.taxonomies().stream().map(Taxonomy::id).toList();  // [common, igbp, dfc2020, lccs-lc, ...]
 * Crosswalk cw = reg.crosswalk("igbp:dfc2020");
 * Harmonization h = reg.harmonize("landcovernet-l3", "openearthmap");
 * var mine = reg.load(Path.of("esa-worldcover.json"));    // built-ins plus a user taxonomy and its crosswalk
 * }
 */
public final class TaxonomyRegistry {

    /** The built-in JSON resources, in load order (crosswalks may only use taxonomies loaded before them). */
    static final List<String> BUILT_IN_RESOURCES = List.of("sen12ms.json", "landcovernet.json", "openearthmap.json",
            "globe230k.json", "opensentinelmap.json", "common.json");

    private static final TaxonomyRegistry EMPTY = new TaxonomyRegistry(Map.of(), Map.of());

    private final Map<String, Taxonomy> taxonomies;
    private final Map<String, Crosswalk> crosswalks;

    private TaxonomyRegistry(Map<String, Taxonomy> taxonomies, Map<String, Crosswalk> crosswalks) {
        this.taxonomies = taxonomies;
        this.crosswalks = crosswalks;
    }

    /** A registry with nothing in it. */
    public static TaxonomyRegistry empty() {
        return EMPTY;
    }

    /** The built-in taxonomies and crosswalks (loaded on first use, then shared). */
    public static TaxonomyRegistry builtIn() {
        return BuiltIn.INSTANCE;
    }

    private static final class BuiltIn {
        static final TaxonomyRegistry INSTANCE = loadBuiltIns();
    }

    private static TaxonomyRegistry loadBuiltIns() {
        TaxonomyRegistry reg = EMPTY;
        for (String name : BUILT_IN_RESOURCES) {
            String resource = "builtin/" + name;
            try (InputStream in = TaxonomyRegistry.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in taxonomy resource " + resource + " is missing");
                }
                reg = reg.add(TaxonomyJson.read(in, Path.of(resource), reg));
            } catch (IOException e) {
                throw new UncheckedIOException("built-in taxonomy resource " + resource + " is broken", e);
            }
        }
        // The common taxonomy is listed first: it is the one every other maps into.
        Map<String, Taxonomy> ordered = new LinkedHashMap<>();
        ordered.put(BuiltInTaxonomies.COMMON, reg.taxonomy(BuiltInTaxonomies.COMMON));
        ordered.putAll(reg.taxonomies);
        return new TaxonomyRegistry(java.util.Collections.unmodifiableMap(ordered), reg.crosswalks);
    }

    /**
     * A registry of these taxonomies and crosswalks.
     *
     * @throws IllegalArgumentException on a duplicate id, or a crosswalk whose taxonomies are not in the registry
     */
    public static TaxonomyRegistry of(Collection<Taxonomy> taxonomies, Collection<Crosswalk> crosswalks) {
        return EMPTY.add(new TaxonomyJson.Document(List.copyOf(taxonomies), List.copyOf(crosswalks)));
    }

    private TaxonomyRegistry add(TaxonomyJson.Document d) {
        Map<String, Taxonomy> ts = new LinkedHashMap<>(taxonomies);
        for (Taxonomy t : d.taxonomies()) {
            if (ts.putIfAbsent(t.id(), t) != null) {
                throw new IllegalArgumentException("taxonomy '" + t.id() + "' is already registered");
            }
        }
        Map<String, Crosswalk> cs = new LinkedHashMap<>(crosswalks);
        for (Crosswalk c : d.crosswalks()) {
            for (Taxonomy t : List.of(c.source(), c.target())) {
                if (!t.equals(ts.get(t.id()))) {
                    throw new IllegalArgumentException("crosswalk " + c.id() + " uses taxonomy '" + t.id()
                            + "', which " + (ts.containsKey(t.id()) ? "differs from the registered one"
                            : "is not registered"));
                }
            }
            if (cs.putIfAbsent(c.id(), c) != null) {
                throw new IllegalArgumentException("crosswalk " + c.id() + " is already registered");
            }
        }
        return new TaxonomyRegistry(java.util.Collections.unmodifiableMap(ts),
                java.util.Collections.unmodifiableMap(cs));
    }

    /**
     * This registry plus a taxonomy.
     *
     * @throws IllegalArgumentException if the id is taken
     */
    public TaxonomyRegistry with(Taxonomy taxonomy) {
        return add(new TaxonomyJson.Document(List.of(Objects.requireNonNull(taxonomy, "taxonomy")), List.of()));
    }

    /**
     * This registry plus a crosswalk between registered taxonomies.
     *
     * @throws IllegalArgumentException if the id is taken or a taxonomy is not registered
     */
    public TaxonomyRegistry withCrosswalk(Crosswalk crosswalk) {
        return add(new TaxonomyJson.Document(List.of(), List.of(Objects.requireNonNull(crosswalk, "crosswalk"))));
    }

    /**
     * This registry plus the taxonomies and crosswalks of a JSON file (a taxonomy, a crosswalk or a bundle; see
     * {@link TaxonomyJson}). Crosswalks in the file may use this registry's taxonomies.
     *
     * @throws org.landcover4j.core.InvalidDataException if the file is bad or reuses a registered id
     * @throws IOException                               if it cannot be read
     */
    public TaxonomyRegistry load(Path file) throws IOException {
        TaxonomyJson.Document d = TaxonomyJson.read(file, this);
        try {
            return add(d);
        } catch (IllegalArgumentException e) {
            throw new org.landcover4j.core.InvalidDataException(file, e.getMessage());
        }
    }

    // -------------------------------------------------------------------------------------------------- lookups

    /** Every taxonomy, in registration order ({@code common} first in the built-in registry). */
    public List<Taxonomy> taxonomies() {
        return List.copyOf(taxonomies.values());
    }

    /** Every crosswalk, in registration order. */
    public List<Crosswalk> crosswalks() {
        return List.copyOf(crosswalks.values());
    }

    /** The taxonomy with this id, if registered. */
    public Optional<Taxonomy> findTaxonomy(String id) {
        return Optional.ofNullable(taxonomies.get(id));
    }

    /**
     * The taxonomy with this id.
     *
     * @throws IllegalArgumentException listing the known ids when there is none
     */
    public Taxonomy taxonomy(String id) {
        Taxonomy t = taxonomies.get(id);
        if (t == null) {
            throw new IllegalArgumentException("unknown taxonomy '" + id + "'; known: " + taxonomies.keySet());
        }
        return t;
    }

    /** The crosswalk with this id ({@code "from:to"}), if registered. */
    public Optional<Crosswalk> findCrosswalk(String id) {
        return Optional.ofNullable(crosswalks.get(id));
    }

    /**
     * The crosswalk with this id ({@code "from:to"}).
     *
     * @throws IllegalArgumentException listing the known ids when there is none
     */
    public Crosswalk crosswalk(String id) {
        Crosswalk c = crosswalks.get(id);
        if (c == null) {
            throw new IllegalArgumentException("unknown crosswalk '" + id + "'; known: " + crosswalks.keySet());
        }
        return c;
    }

    /** The crosswalk from one taxonomy to another. */
    public Crosswalk crosswalk(String fromId, String toId) {
        return crosswalk(fromId + ":" + toId);
    }

    /** The crosswalks that start from a taxonomy. */
    public List<Crosswalk> crosswalksFrom(String id) {
        List<Crosswalk> out = new ArrayList<>();
        for (Crosswalk c : crosswalks.values()) {
            if (c.source().id().equals(id)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Harmonises a reference taxonomy and a prediction taxonomy through their crosswalks into {@code common}
     * (adaptive: see {@link Harmonization#of}).
     *
     * @throws IllegalArgumentException if a crosswalk to {@code common} is missing
     */
    public Harmonization harmonize(String referenceId, String predictionId) {
        return harmonize(referenceId, predictionId, BuiltInTaxonomies.COMMON);
    }

    /** Harmonises through the crosswalks {@code reference:shared} and {@code prediction:shared}. */
    public Harmonization harmonize(String referenceId, String predictionId, String sharedId) {
        return Harmonization.of(crosswalk(referenceId, sharedId), crosswalk(predictionId, sharedId));
    }

    @Override
    public String toString() {
        return "TaxonomyRegistry[taxonomies=" + taxonomies.keySet() + ", crosswalks=" + crosswalks.keySet() + "]";
    }
}
