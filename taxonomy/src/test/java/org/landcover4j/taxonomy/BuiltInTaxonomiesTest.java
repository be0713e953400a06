package org.landcover4j.taxonomy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Every built-in taxonomy's codes, names and colours against hand-transcribed values from the named source, and the
 * built-in crosswalks against the tables they come from.
 */
class BuiltInTaxonomiesTest {

    private static final TaxonomyRegistry REG = TaxonomyRegistry.builtIn();

    /** One expected class: code, name, colour. */
    private record C(int code, String name, String colour) {
    }

    private static void assertClasses(String id, List<C> expectedTree, List<C> expectedIgnore) {
        Taxonomy t = REG.taxonomy(id);
        List<C> tree = new ArrayList<>();
        for (TaxonClass c : t.classes()) {
            tree.add(new C(c.code(), c.name(), c.colour().hex()));
        }
        List<C> ignore = new ArrayList<>();
        for (TaxonClass c : t.ignoreClasses()) {
            ignore.add(new C(c.code(), c.name(), c.colour().hex()));
        }
        assertEquals(expectedTree, tree, id + " tree classes");
        assertEquals(expectedIgnore, ignore, id + " ignore classes");
    }

    @Test
    void igbpMatchesSen12msTable2AndMcd12q1Palette() {
        // Codes and names: SEN12MS paper (Schmitt et al. 2019) Table 2, IGBP column; NoData 255 from its caption.
        // Colours: Google Earth Engine catalog MODIS/061/MCD12Q1, LC_Type1 class table.
        assertClasses("igbp", List.of(
                new C(1, "Evergreen Needleleaf Forests", "#05450a"),
                new C(2, "Evergreen Broadleaf Forests", "#086a10"),
                new C(3, "Deciduous Needleleaf Forests", "#54a708"),
                new C(4, "Deciduous Broadleaf Forests", "#78d203"),
                new C(5, "Mixed Forests", "#009900"),
                new C(6, "Closed (Dense) Shrublands", "#c6b044"),
                new C(7, "Open (Sparse) Shrublands", "#dcd159"),
                new C(8, "Woody Savannas", "#dade48"),
                new C(9, "Savannas", "#fbff13"),
                new C(10, "Grasslands", "#b6ff05"),
                new C(11, "Permanent Wetlands", "#27ff87"),
                new C(12, "Croplands", "#c24f44"),
                new C(13, "Urban and Built-Up Lands", "#a5a5a5"),
                new C(14, "Cropland/Natural Vegetation Mosaics", "#ff6d4c"),
                new C(15, "Permanent Snow and Ice", "#69fff8"),
                new C(16, "Barren", "#f9ffa4"),
                new C(17, "Water Bodies", "#1c0dff")),
                List.of(new C(255, "No Data", "#000000")));
        assertEquals(1, REG.taxonomy("igbp").levels());
    }

    @Test
    void dfc2020MatchesTheDfc2020Baseline() {
        // Names and colours: lukasliebel/dfc2020_baseline code/utils.py classnames() and mycmap(); codes 1-10 as
        // torchgeo's DFC2020_CLASS_MAPPING targets, 0 = no data.
        assertClasses("dfc2020", List.of(
                new C(1, "Forest", "#009900"),
                new C(2, "Shrubland", "#c6b044"),
                new C(3, "Savanna", "#fbff13"),
                new C(4, "Grassland", "#b6ff05"),
                new C(5, "Wetlands", "#27ff87"),
                new C(6, "Croplands", "#c24f44"),
                new C(7, "Urban/Built-up", "#a5a5a5"),
                new C(8, "Snow/Ice", "#69fff8"),
                new C(9, "Barren", "#f9ffa4"),
                new C(10, "Water", "#1c0dff")),
                List.of(new C(0, "No Data", "#000000")));
    }

    @Test
    void lccsLayersMatchSen12msTable2AndMcd12q1Palettes() {
        // Codes and names: SEN12MS paper Table 2 (LCCS LC / LU / SH columns). Colours: Earth Engine catalog
        // MODIS/061/MCD12Q1 LC_Prop1 / LC_Prop2 / LC_Prop3 class tables.
        List<C> noData = List.of(new C(255, "No Data", "#000000"));
        assertClasses("lccs-lc", List.of(
                new C(1, "Barren", "#f9ffa4"),
                new C(2, "Permanent Snow and Ice", "#69fff8"),
                new C(3, "Water Bodies", "#1c0dff"),
                new C(11, "Evergreen Needleleaf Forests", "#05450a"),
                new C(12, "Evergreen Broadleaf Forests", "#086a10"),
                new C(13, "Deciduous Needleleaf Forests", "#54a708"),
                new C(14, "Deciduous Broadleaf Forests", "#78d203"),
                new C(15, "Mixed Broadleaf/Needleleaf Forests", "#005a00"),
                new C(16, "Mixed Broadleaf Evergreen/Deciduous Forests", "#009900"),
                new C(21, "Open Forests", "#006c00"),
                new C(22, "Sparse Forests", "#00d000"),
                new C(31, "Dense Herbaceous", "#b6ff05"),
                new C(32, "Sparse Herbaceous", "#98d604"),
                new C(41, "Closed (Dense) Shrublands", "#dcd159"),
                new C(42, "Shrubland/Grassland Mosaics", "#f1fb58"),
                new C(43, "Open (Sparse) Shrublands", "#fbee65")), noData);
        assertClasses("lccs-lu", List.of(
                new C(1, "Barren", "#f9ffa4"),
                new C(2, "Permanent Snow and Ice", "#69fff8"),
                new C(3, "Water Bodies", "#1c0dff"),
                new C(9, "Urban and Built-Up Lands", "#a5a5a5"),
                new C(10, "Dense Forests", "#003f00"),
                new C(20, "Open Forests", "#006c00"),
                new C(25, "Forest/Cropland Mosaics", "#e3ff77"),
                new C(30, "Natural Herbaceous", "#b6ff05"),
                new C(35, "Natural Herbaceous/Croplands Mosaics", "#93ce04"),
                new C(36, "Herbaceous Croplands", "#77a703"),
                new C(40, "Shrublands", "#dcd159")), noData);
        assertClasses("lccs-sh", List.of(
                new C(1, "Barren", "#f9ffa4"),
                new C(2, "Permanent Snow and Ice", "#69fff8"),
                new C(3, "Water Bodies", "#1c0dff"),
                new C(10, "Dense Forests", "#003f00"),
                new C(20, "Open Forests", "#006c00"),
                new C(27, "Woody Wetlands", "#72834a"),
                new C(30, "Grasslands", "#b6ff05"),
                new C(40, "Shrublands", "#c6b044"),
                new C(50, "Herbaceous Wetlands", "#3aba73"),
                new C(51, "Tundra", "#1e9db3")), noData);
    }

    @Test
    void landcovernetLevel3MatchesTheOfficialDocumentation() {
        // LandCoverNet documentation / stac.json file:values / GeoTIFF palette (datasets/FORMATS.md section 2.4).
        assertClasses("landcovernet-l3", List.of(
                new C(1, "Water", "#0000ff"),
                new C(2, "Artificial Bareground", "#888888"),
                new C(3, "Natural Bareground", "#d1a46d"),
                new C(4, "Permanent Snow/Ice", "#f5f5ff"),
                new C(5, "Woody Vegetation", "#d64c2b"),
                new C(6, "Cultivated Vegetation", "#186818"),
                new C(7, "(Semi) Natural Vegetation", "#00ff00")),
                List.of(new C(0, "No Data", "#000000")));
    }

    @Test
    void landcovernetTreeFollowsTable1() {
        // LandCoverNet paper Table 1: level 1 Bare / Vegetation; level 2 Snow/Ice, Water, Bare Ground under Bare and
        // Woody, Non-Woody under Vegetation; level 3 the seven label classes.
        Taxonomy t = REG.taxonomy("landcovernet");
        assertEquals(3, t.levels());
        assertEquals(List.of("Bare", "Vegetation"), t.level(1).stream().map(TaxonClass::name).toList());
        assertEquals(List.of("Snow/Ice", "Water", "Bare Ground", "Woody", "Non-Woody"),
                t.level(2).stream().map(TaxonClass::name).toList());
        Map<Integer, List<String>> expectedPaths = Map.of(
                1, List.of("Bare", "Water", "Water"),
                2, List.of("Bare", "Bare Ground", "Artificial Bareground"),
                3, List.of("Bare", "Bare Ground", "Natural Bareground"),
                4, List.of("Bare", "Snow/Ice", "Permanent Snow/Ice"),
                5, List.of("Vegetation", "Woody", "Woody Vegetation"),
                6, List.of("Vegetation", "Non-Woody", "Cultivated Vegetation"),
                7, List.of("Vegetation", "Non-Woody", "(Semi) Natural Vegetation"));
        expectedPaths.forEach((code, path) ->
                assertEquals(path, t.path(code).stream().map(TaxonClass::name).toList(), "path of " + code));
        // Level-3 codes and colours are the label codes and official colours.
        assertEquals("#d64c2b", t.get(5).colour().hex());
        assertEquals(List.of("Bare", "Vegetation"),
                REG.taxonomy("landcovernet-l1").classes().stream().map(TaxonClass::name).toList());
        assertEquals(List.of("Snow/Ice", "Water", "Bare Ground", "Woody", "Non-Woody"),
                REG.taxonomy("landcovernet-l2").classes().stream().map(TaxonClass::name).toList());
    }

    @Test
    void landcovernetRollUps() {
        // Hand-derived from Table 1: label code -> level 2 (1 Snow/Ice, 2 Water, 3 Bare Ground, 4 Woody, 5 Non-Woody)
        // and level 1 (1 Bare, 2 Vegetation).
        int[] toL2 = {0, 2, 3, 3, 1, 4, 5, 5};
        int[] toL1 = {0, 1, 1, 1, 1, 2, 2, 2};
        Crosswalk l3l2 = REG.crosswalk("landcovernet-l3:landcovernet-l2");
        Crosswalk l3l1 = REG.crosswalk("landcovernet-l3:landcovernet-l1");
        Crosswalk l2l1 = REG.crosswalk("landcovernet-l2:landcovernet-l1");
        Crosswalk hl1 = REG.crosswalk("landcovernet:landcovernet-l1");
        Crosswalk hl2 = REG.crosswalk("landcovernet:landcovernet-l2");
        Crosswalk hl3 = REG.crosswalk("landcovernet:landcovernet-l3");
        for (int code = 0; code <= 7; code++) {
            assertEquals(toL2[code], l3l2.lookup(code), "l3->l2 of " + code);
            assertEquals(toL1[code], l3l1.lookup(code), "l3->l1 of " + code);
            assertEquals(toL2[code], hl2.lookup(code), "tree->l2 of " + code);
            assertEquals(toL1[code], hl1.lookup(code), "tree->l1 of " + code);
            assertEquals(code, hl3.lookup(code), "tree->l3 of " + code);
            assertEquals(toL1[code], l2l1.lookup(toL2[code]), "l2->l1 of " + toL2[code]);
        }
        // The uint16 tables (LandCoverNet labels are uint16) agree, and codes 8..65535 get the fill 0.
        byte[] lut = l3l1.compileU16();
        for (int v = 0; v < 65536; v++) {
            assertEquals(v <= 7 ? toL1[v] : 0, lut[v] & 0xFF, "uint16 table at " + v);
        }
        // The generic roll-up of the tree agrees with the built-in crosswalks.
        Taxonomy t = REG.taxonomy("landcovernet");
        for (int code = 1; code <= 7; code++) {
            assertEquals(t.get(code).parent().getAsInt(), Crosswalk.rollUp(t, 2).lookup(code));
            String l2Name = t.rollUp(code, 2).name();
            assertEquals(l2Name, REG.taxonomy("landcovernet-l2").get(toL2[code]).name());
            assertEquals(t.rollUp(code, 1).name(), REG.taxonomy("landcovernet-l1").get(toL1[code]).name());
        }
        // Coarser classes of the tree cannot be represented at a finer level.
        assertInstanceOf(Mapping.Unmapped.class, hl3.find(20).orElseThrow());
        assertInstanceOf(Mapping.Unmapped.class, hl2.find(10).orElseThrow());
    }

    @Test
    void openEarthMapMatchesPaperTable2() {
        // OpenEarthMap paper (Xia et al. 2023) Table 2 names and hex colours; codes from bao18/open_earth_map utils.py.
        assertClasses("openearthmap", List.of(
                new C(1, "Bareland", "#800000"),
                new C(2, "Rangeland", "#00ff24"),
                new C(3, "Developed space", "#949494"),
                new C(4, "Road", "#ffffff"),
                new C(5, "Tree", "#226126"),
                new C(6, "Water", "#0045ff"),
                new C(7, "Agriculture land", "#4bb549"),
                new C(8, "Building", "#de1f07")),
                List.of(new C(0, "Unknown", "#000000")));
    }

    @Test
    void globe230kMatchesZenodoPageAndDf2rqPalette() {
        // Codes and names: Globe230k Zenodo page ("1#cropland ... 10#ice/snow"); palette: I3ab/DF2RQ
        // mmseg/datasets/globe230k.py METAINFO (RGB triples converted to hex by hand).
        assertClasses("globe230k", List.of(
                new C(1, "Cropland", "#fcfacd"),      // 252,250,205
                new C(2, "Forest", "#007b4f"),        // 0,123,79
                new C(3, "Grass", "#9ddd6a"),         // 157,221,106
                new C(4, "Shrubland", "#4dd09f"),     // 77,208,159
                new C(5, "Wetland", "#6fd0f2"),       // 111,208,242
                new C(6, "Water", "#0a4e97"),         // 10,78,151
                new C(7, "Tundra", "#5c6a37"),        // 92,106,55
                new C(8, "Impervious", "#9b2416"),    // 155,36,22
                new C(9, "Bareland", "#cdcdcd"),      // 205,205,205
                new C(10, "Ice/snow", "#d3f2ff")),    // 211,242,255
                List.of(new C(0, "Unlabelled", "#000000")));
    }

    @Test
    void osmLanduseMatchesOpenSentinelMapCategories() {
        // Values and names: datasets/FORMATS.md section 4.3 (olmoearth / terratorch readings of osm_categories.json);
        // 254 none / 255 unlabeled per olmoearth. Colours: openstreetmap-carto (chosen by landcover4j).
        String[] names = {"wooded", "agricultural", "residential", "industrial", "commercial", "recreation", "airport",
            "quarry", "military", "desert_sand", "mountain_rock", "other_natural", "water", "road", "building"};
        Taxonomy t = REG.taxonomy("osm-landuse");
        for (int code = 0; code < names.length; code++) {
            assertEquals(names[code], t.get(code).name(), "osm code " + code);
            assertFalse(t.get(code).ignore());
        }
        assertEquals("none", t.get(254).name());
        assertFalse(t.get(254).ignore(), "none is a known negative, not missing data");
        assertEquals("unlabeled", t.get(255).name());
        assertTrue(t.get(255).ignore());
        assertEquals(16, t.classes().size());
        assertEquals("#add19e", t.get(0).colour().hex());   // carto @forest
        assertEquals("#d9d0c9", t.get(14).colour().hex());  // carto @building-fill
        // Channels: land use 0-11, water and roads 12-13, buildings 14.
        for (int code = 0; code <= 11; code++) {
            assertEquals(1, BuiltInTaxonomies.osmChannel(code));
        }
        assertEquals(2, BuiltInTaxonomies.osmChannel(12));
        assertEquals(2, BuiltInTaxonomies.osmChannel(13));
        assertEquals(3, BuiltInTaxonomies.osmChannel(14));
        assertTrue(t.get(13).description().contains("water and roads"));
    }

    @Test
    void igbpToDfc2020IsTorchgeosTable() {
        // torchgeo datamodules/sen12ms.py DFC2020_CLASS_MAPPING, indexed by IGBP value.
        int[] torchgeo = {0, 1, 1, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 6, 8, 9, 10};
        byte[] lut = REG.crosswalk("igbp:dfc2020").compileU8();
        for (int v = 0; v < torchgeo.length; v++) {
            assertEquals(torchgeo[v], lut[v] & 0xFF, "IGBP value " + v);
        }
        assertEquals(0, lut[255] & 0xFF, "IGBP NoData maps to DFC2020 no data");
        for (int v = 18; v < 255; v++) {
            assertEquals(0, lut[v] & 0xFF, "unknown IGBP value " + v);
        }
    }

    @Test
    void sen12msEvaluationMergesTheClassesOfSection5() {
        // SEN12MS paper Section 5: Open Forests (20) + Forest/Cropland Mosaic (25) -> joint Open Forests;
        // Natural Herbaceous (30) + Herbaceous Croplands (36) + Natural Herbaceous/Croplands Mosaic (35) -> Herbaceous.
        Crosswalk cw = REG.crosswalk("lccs-lu:sen12ms-eval");
        Map<Integer, Integer> expected = Map.ofEntries(Map.entry(1, 1), Map.entry(2, 2), Map.entry(3, 3),
                Map.entry(9, 9), Map.entry(10, 10), Map.entry(20, 20), Map.entry(25, 20), Map.entry(30, 30),
                Map.entry(35, 30), Map.entry(36, 30), Map.entry(40, 40), Map.entry(255, 255));
        expected.forEach((from, to) -> assertEquals(to, cw.lookup(from), "LCCS LU " + from));
        Taxonomy eval = REG.taxonomy("sen12ms-eval");
        assertEquals(8, eval.classes().size());
        assertEquals("Open Forests", eval.get(20).name());
        assertEquals("Herbaceous", eval.get(30).name());
    }

    @Test
    void openEarthMapToChesapeakeSixFollowsTable7() {
        // OpenEarthMap paper Section 6 / Table 7: Bare, Other, Road, Tree, Water, Build; codes 1-6 in column order.
        Taxonomy c6 = REG.taxonomy("chesapeake6");
        assertEquals(List.of("Bareland", "Other", "Road", "Tree", "Water", "Building"),
                c6.classes().stream().map(TaxonClass::name).toList());
        int[] expected = {0, 1, 2, 2, 3, 4, 5, 2, 6};   // indexed by OpenEarthMap code 0..8
        Crosswalk cw = REG.crosswalk("openearthmap:chesapeake6");
        for (int code = 0; code <= 8; code++) {
            assertEquals(expected[code], cw.lookup(code), "OpenEarthMap " + code);
        }
    }

    @Test
    void cliContractIdsAreAllPresent() {
        // ../shared/CLI.md: built-in taxonomy ids include at least these.
        for (String id : List.of("igbp", "dfc2020", "lccs-lc", "lccs-lu", "lccs-sh", "landcovernet", "landcovernet-l1",
                "landcovernet-l2", "landcovernet-l3", "openearthmap", "globe230k", "osm-landuse", "common")) {
            assertTrue(REG.findTaxonomy(id).isPresent(), id);
        }
        assertTrue(REG.findCrosswalk("igbp:dfc2020").isPresent());
        assertEquals(17, REG.taxonomy("igbp").classes().size());
        assertEquals(10, REG.taxonomy("dfc2020").classes().size());
        assertEquals(8, REG.taxonomy("openearthmap").classes().size());
        assertEquals(10, REG.taxonomy("globe230k").classes().size());
    }

    @Test
    void everyDatasetTaxonomyMapsToCommon() {
        for (String id : List.of("igbp", "dfc2020", "lccs-lc", "lccs-lu", "lccs-sh", "landcovernet", "landcovernet-l1",
                "landcovernet-l2", "landcovernet-l3", "openearthmap", "globe230k", "osm-landuse")) {
            Crosswalk cw = REG.crosswalk(id + ":common");
            assertEquals(0, cw.fill(), id);
            for (TaxonClass c : cw.source().ignoreClasses()) {
                assertEquals(0, cw.lookup(c.code()), id + " ignore class " + c.label() + " goes to common's no data");
            }
        }
    }

    @Test
    void commonHasTheDocumentedShape() {
        Taxonomy common = REG.taxonomy("common");
        assertEquals(5, common.levels());
        assertEquals(34, common.classes().size());
        assertEquals(List.of("Non-vegetated", "Vegetated"), common.level(1).stream().map(TaxonClass::name).toList());
        assertEquals(List.of("Water", "Snow and ice", "Bare ground", "Woody vegetation", "Non-woody vegetation",
                "Wetland"), common.level(2).stream().map(TaxonClass::name).toList());
        assertEquals(List.of("Buildings", "Roads", "Other developed surfaces"),
                common.children(16).stream().map(TaxonClass::name).toList());
        assertEquals(List.of("Grassland", "Tundra"), common.children(42).stream().map(TaxonClass::name).toList());
        assertEquals(OptionalInt.of(21), common.get(28).parent());
        assertTrue(common.get(0).ignore());
        // Every common code fits a byte, so every crosswalk into common compiles.
        assertTrue(common.maxCode() <= 255);
    }

    @Test
    void igbpThroughDfc2020AgreesWithIgbpToCommon() {
        // For every IGBP class, going through DFC2020 lands on an ancestor-or-self of where igbp:common puts it
        // (DFC2020 only merges classes). Class 14 is ambiguous; its dominant share (cultivated) is compared.
        Taxonomy common = REG.taxonomy("common");
        Crosswalk direct = REG.crosswalk("igbp:common");
        Crosswalk viaDfc = REG.crosswalk("igbp:dfc2020").andThen(REG.crosswalk("dfc2020:common"));
        for (int code = 1; code <= 17; code++) {
            int fine = direct.lookup(code);
            int coarse = viaDfc.lookup(code);
            assertTrue(common.isAncestorOrSelf(coarse, fine), "IGBP " + code + ": " + coarse + " should be an "
                    + "ancestor of " + fine);
        }
    }

    @Test
    void commonCrosswalkJudgementCalls() {
        Taxonomy common = REG.taxonomy("common");
        // IGBP mosaics split with weights 1/2, 1/6, 1/6, 1/6; compiled to cultivated like torchgeo's DFC2020 table.
        Mapping.Ambiguous mosaic = assertInstanceOf(Mapping.Ambiguous.class,
                REG.crosswalk("igbp:common").find(14).orElseThrow());
        assertEquals(4, mosaic.shares().size());
        assertEquals(41, mosaic.dominant());
        assertEquals("Cultivated", common.get(41).name());
        // LCCS forest/cropland mosaics compile to trees, as the SEN12MS evaluation merges them into open forests.
        assertEquals(21, REG.crosswalk("lccs-lu:common").lookup(25));
        // OpenEarthMap's urban split reaches level 4.
        Crosswalk oem = REG.crosswalk("openearthmap:common");
        assertEquals("Buildings", common.get(oem.lookup(8)).name());
        assertEquals("Roads", common.get(oem.lookup(4)).name());
        assertEquals("Other developed surfaces", common.get(oem.lookup(3)).name());
        // Globe230k tundra and wetland.
        Crosswalk globe = REG.crosswalk("globe230k:common");
        assertEquals("Tundra", common.get(globe.lookup(7)).name());
        assertEquals("Wetland", common.get(globe.lookup(5)).name());
        // OSM land-use classes without a land cover are explicitly unmapped.
        Crosswalk osm = REG.crosswalk("osm-landuse:common");
        for (int code : new int[] {5, 6, 8, 11, 254}) {
            assertInstanceOf(Mapping.Unmapped.class, osm.find(code).orElseThrow(), "osm " + code);
        }
        // LandCoverNet's level-1 split is common's level 1.
        Crosswalk lcn = REG.crosswalk("landcovernet:common");
        assertEquals(1, lcn.lookup(10));
        assertEquals(2, lcn.lookup(20));
        for (int code = 1; code <= 7; code++) {
            TaxonClass target = common.get(lcn.lookup(code));
            assertEquals(REG.taxonomy("landcovernet").rollUp(code, 1).code() == 10 ? 1 : 2,
                    common.rollUp(target.code(), 1).code(), "LandCoverNet " + code + " keeps its level-1 side");
        }
    }

    @Test
    void everyBuiltInCompilesToBothTableSizes() {
        for (Crosswalk cw : REG.crosswalks()) {
            assertEquals(256, cw.compileU8().length, cw.id());
            assertArrayEquals(cw.compileU8(), java.util.Arrays.copyOf(cw.compileU16(), 256), cw.id());
        }
    }
}
