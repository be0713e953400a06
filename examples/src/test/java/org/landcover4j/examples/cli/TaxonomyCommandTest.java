package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.taxonomy.Taxonomy;
import org.landcover4j.taxonomy.TaxonomyJson;
import org.landcover4j.taxonomy.TaxonomyRegistry;

class TaxonomyCommandTest {

    @TempDir
    Path dir;

    @Test
    void listJsonHasTheContractShape() throws Exception {
        Path f = dir.resolve("list.json");
        CliRun.Result r = LandcoverCliTest.run("taxonomy", "list", "--json", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Taxonomies (15):"), r.out());
        JsonNode root = JsonOutput.mapper().readTree(f.toFile());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("taxonomies", "crosswalks"), keys);
        JsonNode igbp = null;
        for (JsonNode t : root.get("taxonomies")) {
            List<String> tk = new ArrayList<>();
            t.fieldNames().forEachRemaining(tk::add);
            assertEquals(List.of("id", "name", "classes", "levels"), tk);
            if (t.get("id").asText().equals("igbp")) {
                igbp = t;
            }
        }
        assertEquals(17, igbp.get("classes").asInt());
        assertEquals(1, igbp.get("levels").asInt());
        boolean found = false;
        for (JsonNode c : root.get("crosswalks")) {
            List<String> ck = new ArrayList<>();
            c.fieldNames().forEachRemaining(ck::add);
            assertEquals(List.of("id", "from", "to"), ck);
            found |= c.get("id").asText().equals("igbp:dfc2020") && c.get("from").asText().equals("igbp")
                    && c.get("to").asText().equals("dfc2020");
        }
        assertTrue(found);
        for (String id : List.of("igbp", "dfc2020", "lccs-lc", "lccs-lu", "lccs-sh", "landcovernet",
                "landcovernet-l1", "landcovernet-l2", "landcovernet-l3", "openearthmap", "globe230k", "osm-landuse",
                "common")) {
            boolean present = false;
            for (JsonNode t : root.get("taxonomies")) {
                present |= t.get("id").asText().equals(id);
            }
            assertTrue(present, id);
        }
    }

    @Test
    void listJsonToStdoutPrintsOnlyJson() throws Exception {
        CliRun.Result r = LandcoverCliTest.run("taxonomy", "list", "--json", "-");
        assertEquals(0, r.code(), r.err());
        assertEquals(15, JsonOutput.mapper().readTree(r.out()).get("taxonomies").size());
    }

    @Test
    void showPrintsTheTreeWithColoursAndNoEscapesWhenNotATerminal() {
        CliRun.Result r = LandcoverCliTest.run("taxonomy", "show", "landcovernet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("landcovernet: LandCoverNet (14 classes, 3 levels)\n|-- 10 Bare #d1a46d\n"),
                r.out());
        assertTrue(r.out().contains("|   |   `-- 4 Permanent Snow/Ice #f5f5ff\n"), r.out());
        assertTrue(r.out().contains("(ignore) 0 No Data #000000"), r.out());
        assertFalse(r.out().contains("\u001b["), "no ANSI escapes when stdout is not a terminal");
        String ansi = TaxonomyCommand.render(TaxonomyRegistry.builtIn().taxonomy("landcovernet-l3"), true);
        assertTrue(ansi.contains("|-- \u001b[48;2;0;0;255m  \u001b[0m 1 Water #0000ff"), ansi);
    }

    @Test
    void showJsonAndCrosswalks() throws Exception {
        CliRun.Result r = LandcoverCliTest.run("taxonomy", "show", "dfc2020", "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode t = JsonOutput.mapper().readTree(r.out());
        assertEquals("dfc2020", t.get("id").asText());
        assertEquals("Forest", t.get("classes").get(0).get("name").asText());
        assertEquals("#009900", t.get("classes").get(0).get("colour").asText());
        assertTrue(t.get("classes").get(0).get("parent").isNull());
        CliRun.Result c = LandcoverCliTest.run("taxonomy", "show", "igbp:dfc2020", "--json", "-");
        assertEquals(0, c.code(), c.err());
        JsonNode table = JsonOutput.mapper().readTree(c.out()).get("table");
        assertEquals(6, table.get("14").asInt());
        assertEquals(0, table.get("255").asInt());
        CliRun.Result text = LandcoverCliTest.run("taxonomy", "show", "igbp:dfc2020");
        assertTrue(text.out().startsWith("igbp:dfc2020 (fill 0)\n"), text.out());
    }

    @Test
    void unknownIdsAreUsageErrors() {
        CliRun.Result r = LandcoverCliTest.run("taxonomy", "show", "corine");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("unknown taxonomy 'corine'; known: [common, igbp"), r.err());
        assertEquals(ExitCodes.USAGE, LandcoverCliTest.run("taxonomy").code());
        assertEquals(ExitCodes.USAGE, LandcoverCliTest.run("taxonomy", "show", "a:b").code());
    }

    @Test
    void pngLegendHasASwatchOfEveryClass() throws Exception {
        Path png = dir.resolve("legend.png");
        CliRun.Result r = LandcoverCliTest.run("taxonomy", "show", "openearthmap", "--png", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        Taxonomy t = TaxonomyRegistry.builtIn().taxonomy("openearthmap");
        // Every class colour appears as a swatch (the swatch interior is filled with the exact colour).
        for (var c : t.allClasses()) {
            boolean seen = false;
            for (int y = 0; y < img.getHeight() && !seen; y++) {
                for (int x = 0; x < 60 && !seen; x++) {
                    seen = (img.getRGB(x, y) & 0xFFFFFF) == c.colour().packed()
                            && (img.getRGB(x + 1, y) & 0xFFFFFF) == c.colour().packed();
                }
            }
            assertTrue(seen, "swatch of " + c.label() + " " + c.colour());
        }
        assertTrue(img.getHeight() >= 9 * 22, "one row per class");
    }

    @Test
    void userTaxonomyFilesAreLoaded() throws Exception {
        Taxonomy mine = Taxonomy.builder("mine", "Mine").root(1, "Roofs", org.landcover4j.taxonomy.Rgb.parse("#aa0000"))
                .build();
        Path f = dir.resolve("mine.json");
        TaxonomyJson.write(f, mine);
        CliRun.Result r = LandcoverCliTest.run("taxonomy", "show", "mine", "--taxonomy-file", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("`-- 1 Roofs #aa0000"), r.out());
        Files.writeString(f, "{\"id\": \"bad\"}");
        CliRun.Result bad = LandcoverCliTest.run("taxonomy", "list", "--taxonomy-file", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains(f + ": cannot tell what this is"), bad.err());
    }
}
