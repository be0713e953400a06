package org.landcover4j.io.dataset.opensentinelmap;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.io.dataset.IndexFiles;

/**
 * OpenSentinelMap's label definition ({@code osm_categories.json}): the three label channels, their classes with
 * values and precedences, and the names of the special values 254 and 255.
 *
 * <p>The file is read as {@code {"version": 10, "channels": [{"name": ..., "labels": {"<class>": {"value": v,
 * "precedence": p, ...}}}, ...]}}; extra keys (the OSM tag definitions) are ignored, a missing channel name falls
 * back to the built-in one. Entries with value 254 or 255 name the special values (the sources disagree on which
 * is "none" and which "unlabeled", so the file decides); without such entries the names of
 * {@link #defaults()} are used. {@link #defaults()} is version 10 as published (channel 1 land use 0-11, channel 2
 * water 12 and road 13, channel 3 building 14) with the precedences of the real file.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * OsmCategories c = OsmCategories.defaults();
 * c.className(14);       // Optional[building]
 * c.precedence(14);      // 100.0
 * c.specials();          // {254=none, 255=unlabeled}
 * }
 *
 * @param version  the file's version number (0 when absent)
 * @param channels the label channels in PNG channel order
 * @param specials names of the special values 254 and 255
 */
public record OsmCategories(int version, List<Channel> channels, Map<Integer, String> specials) {

    /** The special value meaning "no label here" in the built-in definition. */
    public static final int NONE = 254;
    /** The special value meaning "outside OSM coverage" in the built-in definition. */
    public static final int UNLABELED = 255;

    /** Validates and copies. */
    public OsmCategories {
        channels = List.copyOf(channels);
        specials = Collections.unmodifiableMap(new LinkedHashMap<>(specials));
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a category definition needs at least one channel");
        }
    }

    /**
     * One label channel (one PNG channel).
     *
     * @param name    the channel's name ({@code OSM_land_use}, ...)
     * @param classes its classes in file order
     */
    public record Channel(String name, List<OsmClass> classes) {
        /** Validates and copies. */
        public Channel {
            Objects.requireNonNull(name, "name");
            classes = List.copyOf(classes);
        }
    }

    /**
     * One class.
     *
     * @param name       class name ({@code building})
     * @param value      pixel value 0-253
     * @param precedence higher wins when channels are flattened
     */
    public record OsmClass(String name, int value, double precedence) {
        /** Validates. */
        public OsmClass {
            Objects.requireNonNull(name, "name");
            if (value < 0 || value > 253) {
                throw new IllegalArgumentException("class " + name + ": value " + value + " is not in 0..253");
            }
        }
    }

    /** The built-in version-10 definition. */
    public static OsmCategories defaults() {
        List<Channel> ch = List.of(
                new Channel("OSM_land_use", List.of(c("wooded", 0, 2), c("agricultural", 1, 5), c("residential", 2, 50),
                        c("industrial", 3, 96), c("commercial", 4, 95), c("recreation", 5, 99), c("airport", 6, 93),
                        c("quarry", 7, 92), c("military", 8, 90), c("desert_sand", 9, 10), c("mountain_rock", 10, 1),
                        c("other_natural", 11, 4))),
                new Channel("OSM_water_and_roads", List.of(c("water", 12, 96), c("road", 13, 97))),
                new Channel("buildings", List.of(c("building", 14, 100))));
        Map<Integer, String> sp = new LinkedHashMap<>();
        sp.put(NONE, "none");
        sp.put(UNLABELED, "unlabeled");
        return new OsmCategories(10, ch, sp);
    }

    private static OsmClass c(String name, int value, double precedence) {
        return new OsmClass(name, value, precedence);
    }

    /**
     * Reads an {@code osm_categories.json}.
     *
     * @throws InvalidDataException naming the file and the entry when it does not have the structure above
     */
    public static OsmCategories read(Path file) throws InvalidDataException {
        JsonNode root = IndexFiles.json(file);
        JsonNode channels = root.path("channels");
        if (!channels.isArray() || channels.isEmpty()) {
            throw new InvalidDataException(file, "has no non-empty 'channels' array; expected {\"channels\": "
                    + "[{\"labels\": {\"<class>\": {\"value\": ..., \"precedence\": ...}}}]}");
        }
        OsmCategories builtIn = defaults();
        List<Channel> out = new ArrayList<>();
        Map<Integer, String> specials = new LinkedHashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            JsonNode ch = channels.get(i);
            String name = firstText(ch, "name", "channel", "channel_name")
                    .orElse(i < builtIn.channels().size() ? builtIn.channels().get(i).name() : "channel_" + (i + 1));
            JsonNode labels = ch.path("labels");
            if (!labels.isObject()) {
                throw new InvalidDataException(file, "channels[" + i + "] has no 'labels' object");
            }
            List<OsmClass> classes = new ArrayList<>();
            for (var e : labels.properties()) {
                JsonNode value = e.getValue().path("value");
                if (!value.canConvertToInt()) {
                    throw new InvalidDataException(file, "channels[" + i + "].labels." + e.getKey()
                            + " has no integer 'value'");
                }
                int v = value.asInt();
                if (v == 254 || v == 255) {
                    specials.putIfAbsent(v, e.getKey());
                    continue;
                }
                if (v < 0 || v > 253) {
                    throw new InvalidDataException(file, "channels[" + i + "].labels." + e.getKey() + ".value is " + v
                            + "; expected 0..253 (or 254/255 for the special values)");
                }
                JsonNode p = e.getValue().path("precedence");
                double precedence = p.isNumber() ? p.asDouble() : 0;
                classes.add(new OsmClass(e.getKey(), v, precedence));
            }
            out.add(new Channel(name, classes));
        }
        for (var e : builtIn.specials().entrySet()) {
            specials.putIfAbsent(e.getKey(), e.getValue());
        }
        JsonNode version = root.path("version");
        return new OsmCategories(version.canConvertToInt() ? version.asInt() : 0, out, specials);
    }

    private static Optional<String> firstText(JsonNode node, String... keys) {
        for (String k : keys) {
            JsonNode v = node.path(k);
            if (v.isTextual() && !v.asText().isBlank()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }

    /** The class with this value, if any. */
    public Optional<OsmClass> classOf(int value) {
        for (Channel ch : channels) {
            for (OsmClass c : ch.classes()) {
                if (c.value() == value) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** The name of a value: a class name, a special value's name, or empty. */
    public Optional<String> className(int value) {
        Optional<OsmClass> c = classOf(value);
        return c.isPresent() ? Optional.of(c.get().name()) : Optional.ofNullable(specials.get(value));
    }

    /** The precedence of a class value; negative infinity for special and unknown values. */
    public double precedence(int value) {
        return classOf(value).map(OsmClass::precedence).orElse(Double.NEGATIVE_INFINITY);
    }

    /** The channel names, in PNG channel order. */
    public List<String> channelNames() {
        return channels.stream().map(Channel::name).toList();
    }

    /** Whether {@code value} is one of the special values (254, 255). */
    public boolean isSpecial(int value) {
        return value == 254 || value == 255;
    }

    /**
     * A 256-entry table of precedences by value, for flattening: special values get negative infinity, unknown
     * non-special values {@code -Double.MAX_VALUE} (they win over specials, lose to every class).
     */
    double[] precedenceTable() {
        double[] t = new double[256];
        java.util.Arrays.fill(t, -Double.MAX_VALUE);
        t[254] = Double.NEGATIVE_INFINITY;
        t[255] = Double.NEGATIVE_INFINITY;
        for (Channel ch : channels) {
            for (OsmClass c : ch.classes()) {
                t[c.value()] = c.precedence();
            }
        }
        return t;
    }
}
