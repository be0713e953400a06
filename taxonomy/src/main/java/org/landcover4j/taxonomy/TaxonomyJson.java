package org.landcover4j.taxonomy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.landcover4j.core.InvalidDataException;

/**
 * Reads and writes taxonomies and crosswalks as JSON: the format users write to add their own class systems (ESA
 * WorldCover, CORINE, ...) and the one the built-ins are stored in.
 *
 * <h2>Format, version 1</h2>
 *
 * A file holds one JSON object: a <b>taxonomy</b>, a <b>crosswalk</b> or a <b>bundle</b> of both. Keys are
 * case-sensitive; unknown keys are errors (so a typo cannot be silently ignored). The optional {@code "format"} key
 * names the kind ({@code "landcover4j-taxonomy"}, {@code "landcover4j-crosswalk"}, {@code "landcover4j-bundle"}); when
 * it is absent the kind follows from the keys ({@code classes}, {@code mappings}, or {@code taxonomies}/{@code
 * crosswalks}). The optional {@code "version"} must be 1.
 *
 * <pre>{@code
 * {
 *   "format": "landcover4j-taxonomy", "version": 1,
 *   "id": "landcovernet-l2",                      // letters, digits, '.', '_', '-'; no ':'
 *   "name": "LandCoverNet level 2",
 *   "description": "provenance and notes",          // optional
 *   "classes": [
 *     { "code": 1, "name": "Snow/Ice", "colour": "#f5f5ff" },
 *     { "code": 4, "name": "Woody", "colour": "#d64c2b", "description": "optional", "parent": 20 },
 *     { "code": 0, "name": "No Data", "colour": "#000000", "ignore": true }
 *   ]
 * }
 * }</pre>
 *
 * Class keys: {@code code} (integer 0..65535, unique), {@code name} (unique within a level, case-insensitive),
 * {@code colour} ({@code "#rrggbb"}; {@code "color"} is accepted as a synonym), optional {@code description},
 * optional {@code parent} (the code of another class; omit for roots), optional {@code ignore} ({@code true} for
 * no-data/unknown values, which stand outside the tree and cannot have a parent). Levels are not written: they follow
 * from the parent links. Order is display order.
 *
 * <pre>{@code
 * {
 *   "format": "landcover4j-crosswalk", "version": 1,
 *   "from": "igbp", "to": "common",                 // taxonomy ids
 *   "description": "provenance and notes",          // optional
 *   "fill": 0,                                      // optional, 0..255; default: the target's first ignore code
 *   "mappings": [
 *     { "from": 1, "to": 23 },
 *     { "from": 14, "ambiguous": [ { "to": 41, "weight": 0.5 }, { "to": 21, "weight": 0.5 } ], "note": "why" },
 *     { "from": 11, "unmapped": true, "note": "no counterpart" }
 *   ]
 * }
 * }</pre>
 *
 * Mapping keys: {@code from} (a source class), exactly one of {@code to} (a target class), {@code ambiguous} (two or
 * more {@code {to, weight}} with distinct targets and positive weights summing to 1 within 1e-6) or
 * {@code "unmapped": true}; optional {@code note}. Every tree class of the source must be mapped or marked unmapped;
 * ignore classes may be mapped. A bundle is {@code {"format": "landcover4j-bundle", "taxonomies": [...],
 * "crosswalks": [...]}}; its crosswalks may use its own taxonomies and those of the context registry.
 *
 * <h2>Errors</h2>
 *
 * Bad content is an {@link InvalidDataException} whose message names the file and the element: JSON syntax errors
 * with line and column, {@code classes[3] (code 5): unknown key 'colr'}, duplicate codes, dangling parents and
 * parent cycles with the codes and names involved ({@code parent links form a cycle: 3 'A' -> 5 'B' -> 3 'A'}),
 * mappings to unknown classes, unmapped source classes, bad weights. Files larger than {@link #MAX_BYTES} are
 * refused before parsing.
 *
 * <p>Thread safety: stateless; safe to call from many threads.
 *
 * {@snippet :
 * var registry = TaxonomyRegistry.builtIn();
 * TaxonomyJson.write(Path.of("igbp.json"), registry.taxonomy("igbp"));
 * Taxonomy t = TaxonomyJson.readTaxonomy(Path.of("igbp.json"));        // equals the original
 * var mine = registry.load(Path.of("worldcover.json"));                // a registry with your additions
 * }
 */
public final class TaxonomyJson {

    /** The format version this library reads and writes. */
    public static final int VERSION = 1;

    /** The largest file accepted (16 MiB): far more than any class system needs. */
    public static final long MAX_BYTES = 16L << 20;

    static final String TAXONOMY = "landcover4j-taxonomy";
    static final String CROSSWALK = "landcover4j-crosswalk";
    static final String BUNDLE = "landcover4j-bundle";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Set<String> TAXONOMY_KEYS = Set.of("format", "version", "id", "name", "description",
            "classes");
    private static final Set<String> CLASS_KEYS = Set.of("code", "name", "colour", "color", "description", "parent",
            "ignore");
    private static final Set<String> CROSSWALK_KEYS = Set.of("format", "version", "from", "to", "description", "fill",
            "mappings");
    private static final Set<String> MAPPING_KEYS = Set.of("from", "to", "ambiguous", "unmapped", "note");
    private static final Set<String> SHARE_KEYS = Set.of("to", "weight");
    private static final Set<String> BUNDLE_KEYS = Set.of("format", "version", "taxonomies", "crosswalks");

    private TaxonomyJson() {
    }

    /**
     * What one JSON document holds.
     *
     * @param taxonomies the taxonomies, in file order
     * @param crosswalks the crosswalks, in file order
     */
    public record Document(List<Taxonomy> taxonomies, List<Crosswalk> crosswalks) {
        /** Copies the lists. */
        public Document {
            taxonomies = List.copyOf(taxonomies);
            crosswalks = List.copyOf(crosswalks);
        }
    }

    // -------------------------------------------------------------------------------------------------- reading

    /**
     * Reads a taxonomy, crosswalk or bundle file.
     *
     * @param context taxonomies that crosswalks in the file may refer to (besides the file's own)
     * @throws InvalidDataException naming the file and the bad element
     * @throws IOException          if the file cannot be read
     */
    public static Document read(Path file, TaxonomyRegistry context) throws IOException {
        Objects.requireNonNull(file, "file");
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new InvalidDataException(file, "file is " + size + " bytes; taxonomy files are limited to "
                    + MAX_BYTES + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file, context);
        }
    }

    /**
     * Reads a document from a stream ({@code name} labels error messages, e.g. a resource path).
     *
     * @throws InvalidDataException naming {@code name} and the bad element
     */
    public static Document read(InputStream in, Path name, TaxonomyRegistry context) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(context, "context");
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidDataException(name, "more than " + MAX_BYTES + " bytes; taxonomy files are limited to "
                    + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            JsonLocation loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InvalidDataException(name, "not valid JSON" + at + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidDataException(name, "empty file; expected a JSON object");
        }
        return new Reader(name, context).document(root);
    }

    /**
     * Reads a file that holds exactly one taxonomy.
     *
     * @throws InvalidDataException if the file is bad or holds something else
     */
    public static Taxonomy readTaxonomy(Path file) throws IOException {
        Document d = read(file, TaxonomyRegistry.empty());
        if (d.taxonomies().size() != 1 || !d.crosswalks().isEmpty()) {
            throw new InvalidDataException(file, "expected one taxonomy, found " + d.taxonomies().size()
                    + " taxonomies and " + d.crosswalks().size() + " crosswalks");
        }
        return d.taxonomies().get(0);
    }

    /**
     * Reads a file that holds exactly one crosswalk; its taxonomies come from {@code context}.
     *
     * @throws InvalidDataException if the file is bad, holds something else, or names an unknown taxonomy
     */
    public static Crosswalk readCrosswalk(Path file, TaxonomyRegistry context) throws IOException {
        Document d = read(file, context);
        if (d.crosswalks().size() != 1 || !d.taxonomies().isEmpty()) {
            throw new InvalidDataException(file, "expected one crosswalk, found " + d.crosswalks().size()
                    + " crosswalks and " + d.taxonomies().size() + " taxonomies");
        }
        return d.crosswalks().get(0);
    }

    /** Walks a parsed document, turning every problem into an InvalidDataException that names the element. */
    private static final class Reader {
        private final Path file;
        private final TaxonomyRegistry context;
        private final Map<String, Taxonomy> own = new LinkedHashMap<>();

        Reader(Path file, TaxonomyRegistry context) {
            this.file = file;
            this.context = context;
        }

        InvalidDataException error(String where, String problem) {
            return new InvalidDataException(file, where.isEmpty() ? problem : where + ": " + problem);
        }

        Document document(JsonNode root) throws InvalidDataException {
            if (!root.isObject()) {
                throw error("", "expected a JSON object at the top, found " + kind(root));
            }
            String format = optionalText(root, "format", "").orElse(null);
            int version = root.has("version") ? integer(root, "version", "", 0, Integer.MAX_VALUE) : VERSION;
            if (version != VERSION) {
                throw error("", "version " + version + " is not supported; this library reads version " + VERSION);
            }
            if (format == null) {
                if (root.has("classes")) {
                    format = TAXONOMY;
                } else if (root.has("mappings")) {
                    format = CROSSWALK;
                } else if (root.has("taxonomies") || root.has("crosswalks")) {
                    format = BUNDLE;
                } else {
                    throw error("", "cannot tell what this is: expected a taxonomy (with \"classes\"), a crosswalk "
                            + "(with \"mappings\") or a bundle (with \"taxonomies\"/\"crosswalks\")");
                }
            }
            switch (format) {
                case TAXONOMY -> {
                    return new Document(List.of(taxonomy(root, "")), List.of());
                }
                case CROSSWALK -> {
                    return new Document(List.of(), List.of(crosswalk(root, "")));
                }
                case BUNDLE -> {
                    checkKeys(root, BUNDLE_KEYS, "");
                    List<Taxonomy> ts = new ArrayList<>();
                    List<Crosswalk> cs = new ArrayList<>();
                    JsonNode tn = optionalArray(root, "taxonomies", "");
                    for (int i = 0; i < tn.size(); i++) {
                        ts.add(taxonomy(tn.get(i), "taxonomies[" + i + "]"));
                    }
                    JsonNode cn = optionalArray(root, "crosswalks", "");
                    for (int i = 0; i < cn.size(); i++) {
                        cs.add(crosswalk(cn.get(i), "crosswalks[" + i + "]"));
                    }
                    return new Document(ts, cs);
                }
                default -> throw error("", "unknown format '" + format + "'; expected " + TAXONOMY + ", " + CROSSWALK
                        + " or " + BUNDLE);
            }
        }

        Taxonomy taxonomy(JsonNode n, String where) throws InvalidDataException {
            if (!n.isObject()) {
                throw error(where, "expected a taxonomy object, found " + kind(n));
            }
            checkKeys(n, TAXONOMY_KEYS, where);
            checkFormat(n, TAXONOMY, where);
            String id = text(n, "id", where);
            String at = where.isEmpty() ? "taxonomy '" + id + "'" : where + " (taxonomy '" + id + "')";
            String name = text(n, "name", at);
            String description = optionalText(n, "description", at).orElse("");
            JsonNode classes = array(n, "classes", at);
            List<Taxonomy.Entry> entries = new ArrayList<>(classes.size());
            for (int i = 0; i < classes.size(); i++) {
                JsonNode c = classes.get(i);
                String cw = at + ": classes[" + i + "]";
                if (!c.isObject()) {
                    throw error(cw, "expected a class object, found " + kind(c));
                }
                if (c.has("code") && c.get("code").isIntegralNumber() && c.get("code").canConvertToInt()) {
                    cw += " (code " + c.get("code").asInt() + ")";
                }
                checkKeys(c, CLASS_KEYS, cw);
                int code = integer(c, "code", cw, 0, TaxonClass.MAX_CODE);
                String cname = text(c, "name", cw);
                if (c.has("colour") && c.has("color")) {
                    throw error(cw, "has both \"colour\" and \"color\"; use one");
                }
                String colourKey = c.has("color") ? "color" : "colour";
                Rgb colour;
                try {
                    colour = Rgb.parse(text(c, colourKey, cw));
                } catch (IllegalArgumentException e) {
                    throw error(cw, colourKey + ": " + e.getMessage());
                }
                String cdesc = optionalText(c, "description", cw).orElse("");
                Integer parent = null;
                if (c.has("parent") && !c.get("parent").isNull()) {
                    parent = integer(c, "parent", cw, 0, TaxonClass.MAX_CODE);
                }
                boolean ignore = false;
                if (c.has("ignore")) {
                    if (!c.get("ignore").isBoolean()) {
                        throw error(cw, "\"ignore\" must be true or false, found " + kind(c.get("ignore")));
                    }
                    ignore = c.get("ignore").booleanValue();
                }
                entries.add(new Taxonomy.Entry(code, cname, colour, cdesc, parent, ignore));
            }
            Taxonomy t;
            try {
                Taxonomy.checkId(id, "taxonomy id");
                Taxonomy.Builder b = Taxonomy.builder(id, name).description(description);
                for (Taxonomy.Entry e : entries) {
                    b.add(e.code(), e.name(), e.colour(), e.description(), e.parent(), e.ignore());
                }
                t = b.build();
            } catch (IllegalArgumentException e) {
                throw error(where, e.getMessage());
            }
            if (own.putIfAbsent(t.id(), t) != null) {
                throw error(where, "taxonomy id '" + t.id() + "' appears twice in this file");
            }
            return t;
        }

        Crosswalk crosswalk(JsonNode n, String where) throws InvalidDataException {
            if (!n.isObject()) {
                throw error(where, "expected a crosswalk object, found " + kind(n));
            }
            checkKeys(n, CROSSWALK_KEYS, where);
            checkFormat(n, CROSSWALK, where);
            String fromId = text(n, "from", where);
            String toId = text(n, "to", where);
            String at = (where.isEmpty() ? "" : where + " ") + "(crosswalk " + fromId + ":" + toId + ")";
            Taxonomy from = resolve(fromId, at, "from");
            Taxonomy to = resolve(toId, at, "to");
            Crosswalk.Builder b = Crosswalk.builder(from, to)
                    .description(optionalText(n, "description", at).orElse(""));
            if (n.has("fill")) {
                b.fill(integer(n, "fill", at, 0, 255));
            }
            JsonNode mappings = array(n, "mappings", at);
            for (int i = 0; i < mappings.size(); i++) {
                JsonNode m = mappings.get(i);
                String mw = at + ": mappings[" + i + "]";
                if (!m.isObject()) {
                    throw error(mw, "expected a mapping object, found " + kind(m));
                }
                if (m.has("from") && m.get("from").isIntegralNumber() && m.get("from").canConvertToInt()) {
                    mw += " (from " + m.get("from").asInt() + ")";
                }
                checkKeys(m, MAPPING_KEYS, mw);
                int src = integer(m, "from", mw, 0, TaxonClass.MAX_CODE);
                String note = optionalText(m, "note", mw).orElse("");
                int kinds = (m.has("to") ? 1 : 0) + (m.has("ambiguous") ? 1 : 0) + (m.has("unmapped") ? 1 : 0);
                if (kinds != 1) {
                    throw error(mw, "needs exactly one of \"to\", \"ambiguous\" or \"unmapped\", found " + kinds);
                }
                Mapping mapping;
                try {
                    if (m.has("to")) {
                        mapping = Mapping.to(integer(m, "to", mw, 0, TaxonClass.MAX_CODE), note);
                    } else if (m.has("unmapped")) {
                        if (!m.get("unmapped").isBoolean() || !m.get("unmapped").booleanValue()) {
                            throw error(mw, "\"unmapped\" must be true (omit the mapping's other keys), found "
                                    + m.get("unmapped"));
                        }
                        mapping = Mapping.unmapped(note);
                    } else {
                        JsonNode shares = m.get("ambiguous");
                        if (!shares.isArray()) {
                            throw error(mw, "\"ambiguous\" must be an array of {to, weight}, found " + kind(shares));
                        }
                        List<Mapping.Share> list = new ArrayList<>();
                        for (int j = 0; j < shares.size(); j++) {
                            JsonNode s = shares.get(j);
                            String sw = mw + ": ambiguous[" + j + "]";
                            if (!s.isObject()) {
                                throw error(sw, "expected {to, weight}, found " + kind(s));
                            }
                            checkKeys(s, SHARE_KEYS, sw);
                            int code = integer(s, "to", sw, 0, TaxonClass.MAX_CODE);
                            JsonNode w = s.get("weight");
                            if (w == null || !w.isNumber()) {
                                throw error(sw, "\"weight\" must be a number, found " + (w == null ? "nothing"
                                        : kind(w)));
                            }
                            list.add(Mapping.share(code, w.doubleValue()));
                        }
                        mapping = new Mapping.Ambiguous(list, note);
                    }
                    b.put(src, mapping);
                } catch (IllegalArgumentException e) {
                    throw error(mw, e.getMessage());
                }
            }
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw error(where, e.getMessage());
            }
        }

        Taxonomy resolve(String id, String where, String key) throws InvalidDataException {
            Taxonomy t = own.get(id);
            if (t == null) {
                t = context.findTaxonomy(id).orElse(null);
            }
            if (t == null) {
                List<String> known = new ArrayList<>(own.keySet());
                context.taxonomies().forEach(x -> {
                    if (!known.contains(x.id())) {
                        known.add(x.id());
                    }
                });
                throw error(where, "\"" + key + "\" names taxonomy '" + id + "', which is not defined; known: "
                        + known);
            }
            return t;
        }

        void checkFormat(JsonNode n, String expected, String where) throws InvalidDataException {
            if (n.has("format")) {
                String f = text(n, "format", where);
                if (!f.equals(expected)) {
                    throw error(where, "\"format\" is '" + f + "' where a " + expected + " is expected");
                }
            }
        }

        void checkKeys(JsonNode n, Set<String> known, String where) throws InvalidDataException {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    throw error(where, "unknown key '" + k + "'; expected one of " + new java.util.TreeSet<>(known));
                }
            }
        }

        String text(JsonNode n, String key, String where) throws InvalidDataException {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                throw error(where, "missing \"" + key + "\"");
            }
            if (!v.isTextual()) {
                throw error(where, "\"" + key + "\" must be a string, found " + kind(v));
            }
            return v.textValue();
        }

        Optional<String> optionalText(JsonNode n, String key, String where) throws InvalidDataException {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isTextual()) {
                throw error(where, "\"" + key + "\" must be a string, found " + kind(v));
            }
            return Optional.of(v.textValue());
        }

        int integer(JsonNode n, String key, String where, int min, int max) throws InvalidDataException {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                throw error(where, "missing \"" + key + "\"");
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
                throw error(where, "\"" + key + "\" must be an integer in " + min + ".." + max + ", found " + v);
            }
            return v.intValue();
        }

        JsonNode array(JsonNode n, String key, String where) throws InvalidDataException {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                throw error(where, "missing \"" + key + "\"");
            }
            if (!v.isArray()) {
                throw error(where, "\"" + key + "\" must be an array, found " + kind(v));
            }
            return v;
        }

        JsonNode optionalArray(JsonNode n, String key, String where) throws InvalidDataException {
            JsonNode v = n.get(key);
            return v == null || v.isNull() ? JsonNodeFactory.instance.arrayNode() : array(n, key, where);
        }

        private static String kind(JsonNode n) {
            return switch (n.getNodeType()) {
                case ARRAY -> "an array";
                case OBJECT -> "an object";
                case STRING -> "the string " + n;
                case NUMBER -> "the number " + n;
                case BOOLEAN -> n.toString();
                case NULL -> "null";
                default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    // -------------------------------------------------------------------------------------------------- writing

    /** Writes one taxonomy (UTF-8, one class per line). */
    public static void write(Path file, Taxonomy taxonomy) throws IOException {
        Files.writeString(file, toJson(taxonomy), StandardCharsets.UTF_8);
    }

    /** Writes one crosswalk (UTF-8, one mapping per line). */
    public static void write(Path file, Crosswalk crosswalk) throws IOException {
        Files.writeString(file, toJson(crosswalk), StandardCharsets.UTF_8);
    }

    /** Writes a bundle of taxonomies and crosswalks. */
    public static void write(Path file, List<Taxonomy> taxonomies, List<Crosswalk> crosswalks) throws IOException {
        Files.writeString(file, toJson(taxonomies, crosswalks), StandardCharsets.UTF_8);
    }

    /** The JSON text of a taxonomy. */
    public static String toJson(Taxonomy taxonomy) {
        ObjectNode n = taxonomyNode(taxonomy);
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("format", TAXONOMY);
        doc.put("version", VERSION);
        doc.setAll(n);
        return pretty(doc);
    }

    /** The JSON text of a crosswalk (taxonomies are referred to by id). */
    public static String toJson(Crosswalk crosswalk) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("format", CROSSWALK);
        doc.put("version", VERSION);
        doc.setAll(crosswalkNode(crosswalk));
        return pretty(doc);
    }

    /** The JSON text of a bundle. */
    public static String toJson(List<Taxonomy> taxonomies, List<Crosswalk> crosswalks) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("format", BUNDLE);
        doc.put("version", VERSION);
        ArrayNode ts = doc.putArray("taxonomies");
        taxonomies.forEach(t -> ts.add(taxonomyNode(t)));
        ArrayNode cs = doc.putArray("crosswalks");
        crosswalks.forEach(c -> cs.add(crosswalkNode(c)));
        return pretty(doc);
    }

    private static ObjectNode taxonomyNode(Taxonomy t) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", t.id());
        n.put("name", t.name());
        if (!t.description().isEmpty()) {
            n.put("description", t.description());
        }
        ArrayNode classes = n.putArray("classes");
        for (TaxonClass c : t.allClasses()) {
            ObjectNode cn = classes.addObject();
            cn.put("code", c.code());
            cn.put("name", c.name());
            cn.put("colour", c.colour().hex());
            c.parent().ifPresent(p -> cn.put("parent", p));
            if (c.ignore()) {
                cn.put("ignore", true);
            }
            if (!c.description().isEmpty()) {
                cn.put("description", c.description());
            }
        }
        return n;
    }

    private static ObjectNode crosswalkNode(Crosswalk cw) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("from", cw.source().id());
        n.put("to", cw.target().id());
        if (!cw.description().isEmpty()) {
            n.put("description", cw.description());
        }
        n.put("fill", cw.fill());
        ArrayNode ms = n.putArray("mappings");
        for (Map.Entry<Integer, Mapping> e : cw.mappings().entrySet()) {
            ObjectNode mn = ms.addObject();
            mn.put("from", e.getKey());
            switch (e.getValue()) {
                case Mapping.To to -> mn.put("to", to.code());
                case Mapping.Unmapped u -> mn.put("unmapped", true);
                case Mapping.Ambiguous a -> {
                    ArrayNode shares = mn.putArray("ambiguous");
                    for (Mapping.Share s : a.shares()) {
                        shares.addObject().put("to", s.code()).put("weight", s.weight());
                    }
                }
            }
            if (!e.getValue().note().isEmpty()) {
                mn.put("note", e.getValue().note());
            }
        }
        return n;
    }

    // Layout: the top object and the objects of "taxonomies"/"crosswalks" are expanded one key per line; the entries
    // of "classes"/"mappings" are written one per line; everything else is inline.
    private static final Set<String> EXPANDED_OBJECT_ARRAYS = Set.of("taxonomies", "crosswalks");
    private static final Set<String> ONE_PER_LINE_ARRAYS = Set.of("classes", "mappings");

    private static String pretty(ObjectNode doc) {
        StringBuilder sb = new StringBuilder();
        expandedObject(sb, doc, "");
        return sb.append('\n').toString();
    }

    private static void expandedObject(StringBuilder sb, JsonNode n, String indent) {
        sb.append("{\n");
        String in = indent + "  ";
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            sb.append(in).append(quote(f.getKey())).append(": ");
            JsonNode v = f.getValue();
            if (v.isArray() && (EXPANDED_OBJECT_ARRAYS.contains(f.getKey()) || ONE_PER_LINE_ARRAYS.contains(f.getKey()))
                    && !v.isEmpty()) {
                sb.append("[\n");
                for (int i = 0; i < v.size(); i++) {
                    sb.append(in).append("  ");
                    if (EXPANDED_OBJECT_ARRAYS.contains(f.getKey())) {
                        expandedObject(sb, v.get(i), in + "  ");
                    } else {
                        inline(sb, v.get(i));
                    }
                    sb.append(i + 1 < v.size() ? ",\n" : "\n");
                }
                sb.append(in).append(']');
            } else {
                inline(sb, v);
            }
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        sb.append(indent).append('}');
    }

    private static void inline(StringBuilder sb, JsonNode n) {
        if (n.isObject()) {
            sb.append("{ ");
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                sb.append(first ? "" : ", ").append(quote(f.getKey())).append(": ");
                inline(sb, f.getValue());
                first = false;
            }
            sb.append(first ? "}" : " }");
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                sb.append(i == 0 ? " " : ", ");
                inline(sb, n.get(i));
            }
            sb.append(n.isEmpty() ? "]" : " ]");
        } else {
            sb.append(n.toString());
        }
    }

    private static String quote(String s) {
        return JsonNodeFactory.instance.textNode(s).toString();
    }
}
