package org.landcover4j.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.landcover4j.core.InvalidDataException;

class TaxonomyJsonTest {

    private static final TaxonomyRegistry REG = TaxonomyRegistry.builtIn();

    @TempDir
    Path dir;

    static Stream<Taxonomy> taxonomies() {
        return REG.taxonomies().stream();
    }

    static Stream<Crosswalk> crosswalks() {
        return REG.crosswalks().stream();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("taxonomies")
    void everyBuiltInTaxonomyRoundTrips(Taxonomy t) throws IOException {
        Path f = dir.resolve(t.id() + ".json");
        TaxonomyJson.write(f, t);
        Taxonomy back = TaxonomyJson.readTaxonomy(f);
        assertEquals(t, back, t.id());
        assertEquals(TaxonomyJson.toJson(t), TaxonomyJson.toJson(back), "writing is deterministic");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("crosswalks")
    void everyBuiltInCrosswalkRoundTrips(Crosswalk cw) throws IOException {
        Path f = dir.resolve("cw.json");
        TaxonomyJson.write(f, cw);
        Crosswalk back = TaxonomyJson.readCrosswalk(f, REG);
        assertEquals(cw, back, cw.id());
        assertEquals(cw.mappings(), back.mappings());
    }

    @Test
    void bundleRoundTripsAndCrosswalksMayUseTheBundlesOwnTaxonomies() throws IOException {
        Taxonomy mine = Taxonomy.builder("mine", "Mine").root(1, "Roofs", Rgb.parse("#aa0000"))
                .root(2, "Lawn", Rgb.parse("#00aa00")).root(3, "Shadow", Rgb.BLACK).ignore(0, "nd", Rgb.BLACK).build();
        Crosswalk cw = Crosswalk.builder(mine, REG.taxonomy("common")).map(1, 17, "roofs are buildings")
                .ambiguous(2, "lawn or meadow", Mapping.share(42, 2.0 / 3), Mapping.share(41, 1.0 / 3))
                .unmapped(3, "shadow hides the cover").build();
        Path f = dir.resolve("bundle.json");
        TaxonomyJson.write(f, List.of(mine), List.of(cw));
        TaxonomyJson.Document d = TaxonomyJson.read(f, REG);
        assertEquals(List.of(mine), d.taxonomies());
        assertEquals(List.of(cw), d.crosswalks());
        TaxonomyRegistry extended = REG.load(f);
        assertEquals(cw, extended.crosswalk("mine:common"));
        assertEquals(17, extended.harmonize("mine", "openearthmap").groups().stream()
                .filter(g -> g.reference().stream().anyMatch(c -> c.code() == 1)).findFirst().orElseThrow()
                .target().code());
    }

    @Test
    void readsTheDocumentedExampleAndTheColorSynonym() throws IOException {
        Taxonomy t = read("""
                {
                  "format": "landcover4j-taxonomy", "version": 1,
                  "id": "landcovernet-l2x",
                  "name": "LandCoverNet level 2",
                  "classes": [
                    { "code": 20, "name": "Vegetation", "color": "#00FF00" },
                    { "code": 4, "name": "Woody", "colour": "#d64c2b", "description": "optional", "parent": 20 },
                    { "code": 0, "name": "No Data", "colour": "#000000", "ignore": true }
                  ]
                }
                """);
        assertEquals(2, t.levels());
        assertEquals(Rgb.parse("#00ff00"), t.get(20).colour());
        assertEquals("optional", t.get(4).description());
        assertTrue(t.get(0).ignore());
        // Without "format" the kind follows from the keys.
        Taxonomy inferred = read("{\"id\": \"x\", \"name\": \"X\", \"classes\": [{\"code\": 1, \"name\": \"A\", "
                + "\"colour\": \"#010203\"}]}");
        assertEquals("x", inferred.id());
    }

    private Taxonomy read(String json) throws IOException {
        Path f = dir.resolve("t.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return TaxonomyJson.readTaxonomy(f);
    }

    private String error(String json) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> TaxonomyJson.read(f, REG));
        assertEquals(f, e.file());
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e.problem();
    }

    private static String taxonomy(String classes) {
        return "{\"id\": \"t\", \"name\": \"T\", \"classes\": [" + classes + "]}";
    }

    @Test
    void everyTaxonomyValidationErrorNamesTheElement() throws IOException {
        assertEquals("taxonomy 't': duplicate code 1: 'A' and 'B'", error(taxonomy(
                "{\"code\": 1, \"name\": \"A\", \"colour\": \"#000000\"},"
                + "{\"code\": 1, \"name\": \"B\", \"colour\": \"#000000\"}")));
        assertEquals("taxonomy 't': class 2 'B' names parent 7, which is not a class of this taxonomy", error(taxonomy(
                "{\"code\": 1, \"name\": \"A\", \"colour\": \"#000000\"},"
                + "{\"code\": 2, \"name\": \"B\", \"colour\": \"#000000\", \"parent\": 7}")));
        assertEquals("taxonomy 't': parent links form a cycle: 2 'B' -> 3 'C' -> 2 'B'", error(taxonomy(
                "{\"code\": 1, \"name\": \"A\", \"colour\": \"#000000\"},"
                + "{\"code\": 2, \"name\": \"B\", \"colour\": \"#000000\", \"parent\": 3},"
                + "{\"code\": 3, \"name\": \"C\", \"colour\": \"#000000\", \"parent\": 2}")));
        assertEquals("taxonomy 't': classes[0] (code 1): unknown key 'colr'; expected one of [code, color, colour, "
                + "description, ignore, name, parent]", error(taxonomy(
                "{\"code\": 1, \"name\": \"A\", \"colr\": \"#000000\"}")));
        assertEquals("taxonomy 't': classes[0] (code 1): colour: a colour must be written #rrggbb, got 'red'",
                error(taxonomy("{\"code\": 1, \"name\": \"A\", \"colour\": \"red\"}")));
        assertEquals("taxonomy 't': classes[1]: missing \"code\"", error(taxonomy(
                "{\"code\": 1, \"name\": \"A\", \"colour\": \"#000000\"}, {\"name\": \"B\", \"colour\": \"#000000\"}")));
        assertEquals("taxonomy 't': classes[0] (code 1): missing \"name\"", error(taxonomy(
                "{\"code\": 1, \"colour\": \"#000000\"}")));
        assertEquals("taxonomy 't': classes[0]: \"code\" must be an integer in 0..65535, found 1.5", error(taxonomy(
                "{\"code\": 1.5, \"name\": \"A\", \"colour\": \"#000000\"}")));
        assertEquals("taxonomy 't': classes[0] (code 70000): \"code\" must be an integer in 0..65535, found 70000",
                error(taxonomy("{\"code\": 70000, \"name\": \"A\", \"colour\": \"#000000\"}")));
        assertEquals("taxonomy 't': classes[0] (code 1): has both \"colour\" and \"color\"; use one", error(taxonomy(
                "{\"code\": 1, \"name\": \"A\", \"colour\": \"#000000\", \"color\": \"#000000\"}")));
        assertEquals("taxonomy 't': classes[0] (code 1): \"ignore\" must be true or false, found the string \"yes\"",
                error(taxonomy("{\"code\": 1, \"name\": \"A\", \"colour\": \"#000000\", \"ignore\": \"yes\"}")));
        assertEquals("taxonomy 't': \"classes\" must be an array, found an object",
                error("{\"id\": \"t\", \"name\": \"T\", \"classes\": {}}"));
        assertTrue(error("{\"id\": \"a:b\", \"name\": \"T\", \"classes\": []}")
                .startsWith("taxonomy id 'a:b' must be 1-64 letters"));
    }

    private static final String CW_HEAD = "{\"from\": \"landcovernet-l1\", \"to\": \"common\", \"mappings\": [";

    @Test
    void everyCrosswalkValidationErrorNamesTheElement() throws IOException {
        assertEquals("(crosswalk landcovernet-l1:common): mappings[0] (from 1): needs exactly one of \"to\", "
                + "\"ambiguous\" or \"unmapped\", found 2", error(CW_HEAD + "{\"from\": 1, \"to\": 1, \"unmapped\": true}]}"));
        assertEquals("crosswalk landcovernet-l1:common: maps source class 2 Vegetation to 99, which is not a class of "
                + "'common'", error(CW_HEAD + "{\"from\": 1, \"to\": 1}, {\"from\": 2, \"to\": 99}]}"));
        assertEquals("crosswalk landcovernet-l1:common: does not map source class 2 Vegetation; map it or mark it "
                + "unmapped", error(CW_HEAD + "{\"from\": 1, \"to\": 1}]}"));
        assertEquals("crosswalk landcovernet-l1:common: maps 9, which is not a class of 'landcovernet-l1'",
                error(CW_HEAD + "{\"from\": 1, \"to\": 1}, {\"from\": 2, \"to\": 2}, {\"from\": 9, \"to\": 2}]}"));
        assertEquals("(crosswalk landcovernet-l1:common): mappings[1] (from 1): crosswalk landcovernet-l1:common maps "
                + "source code 1 twice", error(CW_HEAD + "{\"from\": 1, \"to\": 1}, {\"from\": 1, \"to\": 2}]}"));
        assertTrue(error(CW_HEAD + "{\"from\": 1, \"ambiguous\": [{\"to\": 1, \"weight\": 0.5}, {\"to\": 2, "
                + "\"weight\": 0.3}]}, {\"from\": 2, \"to\": 2}]}").startsWith("(crosswalk landcovernet-l1:common): "
                + "mappings[0] (from 1): ambiguous weights must sum to 1, got 0.8"));
        assertEquals("(crosswalk landcovernet-l1:common): mappings[0] (from 1): ambiguous[1]: \"weight\" must be a "
                + "number, found the string \"half\"", error(CW_HEAD + "{\"from\": 1, \"ambiguous\": [{\"to\": 1, "
                + "\"weight\": 0.5}, {\"to\": 2, \"weight\": \"half\"}]}]}"));
        assertEquals("(crosswalk landcovernet-l1:common): mappings[0] (from 1): \"unmapped\" must be true (omit the "
                + "mapping's other keys), found false", error(CW_HEAD + "{\"from\": 1, \"unmapped\": false}]}"));
        assertTrue(error("{\"from\": \"nope\", \"to\": \"common\", \"mappings\": []}").startsWith(
                "(crosswalk nope:common): \"from\" names taxonomy 'nope', which is not defined; known: [common, "));
        assertEquals("(crosswalk landcovernet-l1:common): \"fill\" must be an integer in 0..255, found 300",
                error("{\"from\": \"landcovernet-l1\", \"to\": \"common\", \"fill\": 300, \"mappings\": []}"));
    }

    @Test
    void documentLevelErrors() throws IOException {
        assertTrue(error("{\"id\": \"t\", \"name\": \"T\",\n \"classes\": [,]}").startsWith(
                "not valid JSON at line 2, column"), "syntax errors give line and column");
        assertTrue(error("{\"id\": \"t\", \"id\": \"u\"}").contains("Duplicate field 'id'"));
        assertEquals("expected a JSON object at the top, found an array", error("[]"));
        assertEquals("empty file; expected a JSON object", error(""));
        assertEquals("version 2 is not supported; this library reads version 1",
                error("{\"version\": 2, \"id\": \"t\", \"name\": \"T\", \"classes\": []}"));
        assertEquals("unknown format 'landcover4j-palette'; expected landcover4j-taxonomy, landcover4j-crosswalk or "
                + "landcover4j-bundle", error("{\"format\": \"landcover4j-palette\"}"));
        assertTrue(error("{\"name\": \"T\"}").startsWith("cannot tell what this is"));
        assertEquals("taxonomies[1]: taxonomy id 't' appears twice in this file", error("{\"taxonomies\": ["
                + taxonomy("{\"code\": 1, \"name\": \"A\", \"colour\": \"#000000\"}") + ", "
                + taxonomy("{\"code\": 1, \"name\": \"A\", \"colour\": \"#000000\"}") + "]}"));
        Path t = dir.resolve("one.json");
        Files.writeString(t, TaxonomyJson.toJson(REG.taxonomy("igbp")));
        var wrongKind = assertThrows(InvalidDataException.class, () -> TaxonomyJson.readCrosswalk(t, REG));
        assertEquals("expected one crosswalk, found 0 crosswalks and 1 taxonomies", wrongKind.problem());
    }

    @Test
    void loadingIntoARegistryRejectsTakenIds() throws IOException {
        Path t = dir.resolve("igbp.json");
        TaxonomyJson.write(t, REG.taxonomy("igbp"));
        var e = assertThrows(InvalidDataException.class, () -> REG.load(t));
        assertEquals("taxonomy 'igbp' is already registered", e.problem());
    }

    @Test
    void refusesHugeFilesBeforeParsing() throws IOException {
        Path f = dir.resolve("huge.json");
        try (var ch = Files.newByteChannel(f, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.position(TaxonomyJson.MAX_BYTES);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}));
        }
        var e = assertThrows(InvalidDataException.class, () -> TaxonomyJson.read(f, REG));
        assertTrue(e.problem().startsWith("file is 16777217 bytes; taxonomy files are limited to 16777216 bytes"));
    }

    @Test
    void writesOneClassPerLine() {
        String json = TaxonomyJson.toJson(REG.taxonomy("landcovernet-l1"));
        assertTrue(json.startsWith("{\n  \"format\": \"landcover4j-taxonomy\",\n  \"version\": 1,\n  \"id\": "
                + "\"landcovernet-l1\",\n"), json);
        assertTrue(json.contains("\n    { \"code\": 1, \"name\": \"Bare\", \"colour\": \"#d1a46d\", "), json);
    }
}
