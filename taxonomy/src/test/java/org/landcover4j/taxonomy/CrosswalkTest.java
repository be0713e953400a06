package org.landcover4j.taxonomy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.testing.Gen;

class CrosswalkTest {

    private static final Rgb GREY = Rgb.of(128, 128, 128);

    static Stream<Crosswalk> builtIns() {
        return TaxonomyRegistry.builtIn().crosswalks().stream();
    }

    /** The value a table must hold for {@code code}, worked out from the mapping itself (not from lookup()). */
    private static int expected(Crosswalk cw, int code) {
        Mapping m = cw.mappings().get(code);
        if (m instanceof Mapping.To to) {
            return to.code();
        }
        if (m instanceof Mapping.Ambiguous a) {
            int best = a.shares().get(0).code();
            double w = a.shares().get(0).weight();
            for (Mapping.Share s : a.shares()) {
                if (s.weight() > w) {
                    best = s.code();
                    w = s.weight();
                }
            }
            return best;
        }
        return cw.fill();   // unmapped, unmapped ignore class, or not a class
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtIns")
    void compiledTablesEqualTheMappingForEveryCode(Crosswalk cw) {
        byte[] u8 = cw.compileU8();
        byte[] u16 = cw.compileU16();
        assertEquals(256, u8.length);
        assertEquals(65536, u16.length);
        for (int v = 0; v < 65536; v++) {
            int want = expected(cw, v);
            if (v < 256) {
                assertEquals(want, u8[v] & 0xFF, cw.id() + " uint8 table at " + v);
            }
            assertEquals(want, u16[v] & 0xFF, cw.id() + " uint16 table at " + v);
            assertEquals(want, cw.lookup(v), cw.id() + " lookup at " + v);
        }
    }

    private static Taxonomy flat(String id, int... codes) {
        Taxonomy.Builder b = Taxonomy.builder(id, id);
        for (int c : codes) {
            b.root(c, id + c, GREY);
        }
        return b.build();
    }

    @Test
    void builderRejectsMissingUnknownAndDuplicateMappings() {
        Taxonomy a = flat("a", 1, 2, 3);
        Taxonomy b = flat("b", 10, 20);
        var missing = assertThrows(IllegalArgumentException.class,
                () -> Crosswalk.builder(a, b).map(1, 10).map(2, 20).build());
        assertEquals("crosswalk a:b: does not map source class 3 a3; map it or mark it unmapped",
                missing.getMessage());
        var unknownSource = assertThrows(IllegalArgumentException.class,
                () -> Crosswalk.builder(a, b).map(1, 10).map(2, 20).map(3, 20).map(9, 10).build());
        assertEquals("crosswalk a:b: maps 9, which is not a class of 'a'", unknownSource.getMessage());
        var unknownTarget = assertThrows(IllegalArgumentException.class,
                () -> Crosswalk.builder(a, b).map(1, 10).map(2, 30).unmapped(3, "").build());
        assertEquals("crosswalk a:b: maps source class 2 a2 to 30, which is not a class of 'b'",
                unknownTarget.getMessage());
        var unknownShare = assertThrows(IllegalArgumentException.class, () -> Crosswalk.builder(a, b).map(1, 10)
                .map(2, 20).ambiguous(3, "", Mapping.share(10, 0.5), Mapping.share(99, 0.5)).build());
        assertTrue(unknownShare.getMessage().contains("to 99, which is not a class of 'b'"));
        var twice = assertThrows(IllegalArgumentException.class, () -> Crosswalk.builder(a, b).map(1, 10).map(1, 20));
        assertEquals("crosswalk a:b maps source code 1 twice", twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Crosswalk.builder(a, b).fill(256));
    }

    @Test
    void ambiguousWeightsAreChecked() {
        var sum = assertThrows(IllegalArgumentException.class,
                () -> Mapping.ambiguous("", Mapping.share(1, 0.5), Mapping.share(2, 0.4)));
        assertTrue(sum.getMessage().startsWith("ambiguous weights must sum to 1, got 0.9"), sum.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mapping.share(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Mapping.share(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Mapping.ambiguous("", Mapping.share(1, 1.0)));
        var twice = assertThrows(IllegalArgumentException.class,
                () -> Mapping.ambiguous("", Mapping.share(1, 0.5), Mapping.share(1, 0.5)));
        assertTrue(twice.getMessage().contains("lists target 1 twice"));
        // Ties go to the first listed share.
        assertEquals(7, Mapping.ambiguous("", Mapping.share(7, 0.5), Mapping.share(3, 0.5)).dominant());
        assertEquals(3, Mapping.ambiguous("", Mapping.share(7, 0.25), Mapping.share(3, 0.75)).dominant());
    }

    @Test
    void fillDefaultsToTheTargetsIgnoreClassAndCanBeChanged() {
        Taxonomy a = flat("a", 1, 2);
        Taxonomy withIgnore = Taxonomy.builder("b", "b").root(1, "x", GREY).ignore(0, "none", Rgb.BLACK).build();
        Crosswalk cw = Crosswalk.builder(a, withIgnore).map(1, 1).unmapped(2, "no counterpart").build();
        assertEquals(0, cw.fill());
        assertEquals(0, cw.lookup(2));
        assertEquals(0, cw.lookup(77));
        assertEquals(255, Crosswalk.builder(a, flat("c", 1)).map(1, 1).unmapped(2, "").build().fill());
        Crosswalk f = cw.withFill(99);
        assertEquals(99, f.lookup(2));
        assertEquals(99, f.compileU8()[200] & 0xFF);
        assertEquals(1, f.compileU8()[1]);
    }

    @Test
    void compileRefusesTargetsThatDoNotFitAByte() {
        Taxonomy a = flat("a", 1);
        Taxonomy big = flat("big", 300);
        Crosswalk cw = Crosswalk.builder(a, big).map(1, 300).build();
        var e = assertThrows(IllegalStateException.class, cw::compileU8);
        assertEquals("crosswalk a:big maps source class 1 to 300, which does not fit a uint8 lookup table (0..255)",
                e.getMessage());
    }

    @Test
    void applyRemapsUint8AndUint16WithTheSameGeoreference() {
        Crosswalk cw = TaxonomyRegistry.builtIn().crosswalk("igbp:dfc2020");
        GeoReference geo = GeoReference.of(Crs.epsg(32630), GeoTransform.northUp(399960, 1400040, 10));
        RasterMetadata m8 = RasterMetadata.of(DataType.UINT8, 1, 2, 3).withGeoReference(geo).withNodata(255)
                .withBandNames("IGBP");
        ByteRaster in8 = ByteRaster.wrap(m8, new byte[] {1, 8, 14, (byte) 255, 17, 42});
        ByteRaster out8 = cw.apply(in8);
        assertArrayEquals(new byte[] {1, 3, 6, 0, 10, 0}, out8.copyBand(0));
        assertEquals(DataType.UINT8, out8.dataType());
        assertEquals(in8.geoReference(), out8.geoReference());
        assertEquals(List.of("IGBP"), out8.metadata().bandNames());
        assertEquals(List.of(OptionalDouble.of(0)), out8.metadata().nodata(), "fill 0 is DFC2020's no data");

        RasterMetadata m16 = RasterMetadata.of(DataType.UINT16, 2, 1, 4).withGeoReference(geo);
        ShortRaster in16 = ShortRaster.wrap(m16, new short[] {1, 16, 255, (short) 60000}, new short[] {13, 12, 0, 9});
        ByteRaster out16 = cw.apply(in16);
        assertArrayEquals(new byte[] {1, 9, 0, 0}, out16.copyBand(0));
        assertArrayEquals(new byte[] {7, 6, 0, 3}, out16.copyBand(1));
        assertEquals(in16.geoReference(), out16.geoReference());

        var e = assertThrows(IllegalArgumentException.class,
                () -> cw.apply(IntRaster.zeros(DataType.INT32, 1, 2, 2)));
        assertEquals("crosswalk igbp:dfc2020 applies to uint8 or uint16 label rasters, got int32", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cw.apply(ShortRaster.zeros(DataType.INT16, 1, 2, 2)));
    }

    @Test
    void applyDeclaresNoNodataWhenTheFillIsARealClass() {
        Taxonomy a = flat("a", 1, 2);
        Taxonomy b = flat("b", 5, 6);
        Crosswalk cw = Crosswalk.builder(a, b).map(1, 5).unmapped(2, "").fill(6).build();
        ByteRaster out = cw.apply(ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 1, 3), new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {5, 6, 6}, out.copyBand(0));
        assertEquals(List.of(OptionalDouble.empty()), out.metadata().nodata());
    }

    @Test
    void composeFollowsBothAndMultipliesWeights() {
        Taxonomy a = flat("a", 1, 2, 3, 4);
        Taxonomy b = Taxonomy.builder("b", "b").root(10, "x", GREY).root(20, "y", GREY).root(30, "z", GREY)
                .ignore(0, "nd", Rgb.BLACK).build();
        Taxonomy c = flat("c", 100, 200);
        Crosswalk ab = Crosswalk.builder(a, b).map(1, 10).map(2, 0, "to b's no data").unmapped(3, "none")
                .ambiguous(4, "mix", Mapping.share(10, 0.5), Mapping.share(20, 0.25), Mapping.share(30, 0.25))
                .build();
        Crosswalk bc = Crosswalk.builder(b, c).map(10, 100).ambiguous(20, "", Mapping.share(100, 0.5),
                Mapping.share(200, 0.5)).unmapped(30, "z has no counterpart").build();
        Crosswalk ac = ab.andThen(bc);
        assertEquals("a:c", ac.id());
        assertEquals(Mapping.to(100), ac.find(1).orElseThrow());
        assertInstanceOf(Mapping.Unmapped.class, ac.find(2).orElseThrow(), "b's no data is not mapped by b:c");
        assertInstanceOf(Mapping.Unmapped.class, ac.find(3).orElseThrow());
        // 4: 0.5*100 + 0.25*(0.5*100 + 0.5*200) + 0.25*unmapped -> 100: 0.625, 200: 0.125, renormalised by 0.75.
        Mapping.Ambiguous four = assertInstanceOf(Mapping.Ambiguous.class, ac.find(4).orElseThrow());
        assertEquals(100, four.shares().get(0).code());
        assertEquals(0.625 / 0.75, four.shares().get(0).weight(), 1e-12);
        assertEquals(200, four.shares().get(1).code());
        assertEquals(0.125 / 0.75, four.shares().get(1).weight(), 1e-12);
        assertEquals(bc.fill(), ac.fill());
        var wrong = assertThrows(IllegalArgumentException.class, () -> ab.andThen(ab));
        assertEquals("cannot compose a:b with a:b: a:b starts from 'a', not from 'b'", wrong.getMessage());
    }

    @Test
    void inverseOfAOneToOneCrosswalkAndClearErrorsOtherwise() {
        Taxonomy a = Taxonomy.builder("a", "a").root(1, "x", GREY).root(2, "y", GREY).root(3, "z", GREY)
                .ignore(0, "nd", Rgb.BLACK).build();
        Taxonomy b = Taxonomy.builder("b", "b").root(10, "x", GREY).root(20, "y", GREY).root(40, "w", GREY)
                .ignore(255, "nd", Rgb.BLACK).build();
        Crosswalk ab = Crosswalk.builder(a, b).map(1, 10).map(2, 20).unmapped(3, "").map(0, 255).build();
        Crosswalk ba = ab.inverse();
        assertEquals("b:a", ba.id());
        assertEquals(1, ba.lookup(10));
        assertEquals(2, ba.lookup(20));
        assertEquals(0, ba.lookup(255));
        assertInstanceOf(Mapping.Unmapped.class, ba.find(40).orElseThrow());
        assertEquals(0, ba.fill(), "the inverse's fill is the source's no-data code");
        for (int code : new int[] {1, 2, 0}) {
            assertEquals(code, ba.lookup(ab.lookup(code)), "round trip of " + code);
        }
        var many = assertThrows(IllegalArgumentException.class,
                () -> TaxonomyRegistry.builtIn().crosswalk("igbp:dfc2020").inverse());
        assertEquals("cannot invert igbp:dfc2020: target class 1 'Forest' is reached by 5 source classes "
                + "[1, 2, 3, 4, 5], so a target pixel cannot be traced back to one source class", many.getMessage());
        var ambiguous = assertThrows(IllegalArgumentException.class,
                () -> TaxonomyRegistry.builtIn().crosswalk("igbp:common").inverse());
        assertTrue(ambiguous.getMessage().startsWith(
                "cannot invert igbp:common: source class 14 'Cropland/Natural Vegetation Mosaics' is ambiguous"),
                ambiguous.getMessage());
        // LandCoverNet's tree to its label level is one-to-one on the mapped classes.
        Crosswalk back = TaxonomyRegistry.builtIn().crosswalk("landcovernet:landcovernet-l3").inverse();
        for (int code = 0; code <= 7; code++) {
            assertEquals(code, back.lookup(code));
        }
    }

    @Test
    void identityAndRollUp() {
        Taxonomy t = TaxonomyRegistry.builtIn().taxonomy("common");
        Crosswalk id = Crosswalk.identity(t);
        for (TaxonClass c : t.allClasses()) {
            assertEquals(c.code(), id.lookup(c.code()));
        }
        Crosswalk up = Crosswalk.rollUp(t, 2);
        assertEquals(20, up.lookup(23), "evergreen needleleaf forest rolls up to woody vegetation");
        assertEquals(10, up.lookup(10), "water is already at level 2");
        assertEquals(2, Crosswalk.rollUp(t, 1).lookup(52));
        assertEquals(0, up.lookup(0));
    }

    /** A random crosswalk between random flat taxonomies, for property tests. */
    private static Crosswalk randomOneToOne(Gen g, Taxonomy a, Taxonomy b) {
        List<Integer> targets = new ArrayList<>(b.classes().stream().map(TaxonClass::code).toList());
        Crosswalk.Builder cb = Crosswalk.builder(a, b);
        for (TaxonClass c : a.classes()) {
            if (!targets.isEmpty() && g.chance(0.8)) {
                cb.map(c.code(), targets.remove(g.nextInt(targets.size())));
            } else {
                cb.unmapped(c.code(), "");
            }
        }
        return cb.build();
    }

    private static Taxonomy randomFlat(Gen g, String id, int n, int maxCode) {
        Taxonomy.Builder b = Taxonomy.builder(id, id);
        java.util.Set<Integer> used = new java.util.HashSet<>();
        while (used.size() < n) {
            int code = g.between(0, maxCode);
            if (used.add(code)) {
                b.root(code, id + code, GREY);
            }
        }
        return b.build();
    }

    @RepeatedTest(20)
    void composeEqualsLookingUpTwiceAndInverseUndoes(org.junit.jupiter.api.RepetitionInfo rep) {
        Gen g = Gen.seeded(1000 + rep.getCurrentRepetition());
        Taxonomy a = randomFlat(g, "a", g.between(1, 30), 65535);
        Taxonomy b = randomFlat(g, "b", g.between(1, 40), 254);
        Taxonomy c = randomFlat(g, "c", g.between(1, 30), 254);
        Crosswalk ab = randomOneToOne(g, a, b);
        Crosswalk bc = randomOneToOne(g, b, c).withFill(ab.fill());
        Crosswalk ac = ab.andThen(bc);
        byte[] lutAc = ac.compileU16();
        for (TaxonClass x : a.classes()) {
            int mid = ab.lookup(x.code());
            int want = ab.find(x.code()).orElseThrow() instanceof Mapping.To ? bc.lookup(mid) : bc.fill();
            assertEquals(want, lutAc[x.code()] & 0xFF, g.toString() + " code " + x.code());
        }
        Crosswalk inv = ab.inverse();
        for (Map.Entry<Integer, Mapping> e : ab.mappings().entrySet()) {
            if (e.getValue() instanceof Mapping.To to) {
                assertEquals(e.getKey(), inv.lookup(to.code()), g.toString());
            }
        }
    }

    @Test
    void toStringIsATable() {
        String s = TaxonomyRegistry.builtIn().crosswalk("igbp:dfc2020").toString();
        assertTrue(s.startsWith("igbp:dfc2020 (fill 0)\n"), s);
        assertTrue(s.contains("  14 'Cropland/Natural Vegetation Mosaics' -> 6 'Croplands'"), s);
    }
}
