package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.tile.EdgePolicy;
import org.landcover4j.core.tile.Tile;
import org.landcover4j.core.tile.TileGrid;
import org.landcover4j.core.tile.Tiles;
import org.landcover4j.io.Rasters;
import org.landcover4j.io.png.Png;
import org.landcover4j.io.tiff.GeoTiff;

class TileCommandTest {

    /** A 2-band 300x200 UINT16 GeoTIFF, pixel (b, r, c) = 1000*b + r + 3*c + 1, nodata 0 when asked. */
    private static ShortRaster raster(boolean nodata) {
        var m = RasterMetadata.of(DataType.UINT16, 2, 200, 300)
                .withGeoReference(GeoReference.of(Crs.epsg(32630), GeoTransform.northUp(399960, 1400040, 10)));
        if (nodata) {
            m = m.withNodata(0);
        }
        short[][] bands = new short[2][300 * 200];
        for (int b = 0; b < 2; b++) {
            for (int r = 0; r < 200; r++) {
                for (int c = 0; c < 300; c++) {
                    bands[b][r * 300 + c] = (short) (1000 * b + r + 3 * c + 1);
                }
            }
        }
        return ShortRaster.wrap(m, bands);
    }

    @Test
    void paddedTilesOfAGeoTiffEqualTheLibrarysCut(@TempDir Path tmp) throws IOException {
        ShortRaster src = raster(true);
        Path tif = tmp.resolve("scene.tif");
        GeoTiff.write(tif, src);
        Path out = tmp.resolve("tiles");
        var r = LandcoverCliTest.run("tile", tif.toString(), "--size", "128", "--edge", "pad", "--output", out.toString(),
                "--json", tmp.resolve("t.json").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonOutput.mapper().readTree(tmp.resolve("t.json").toFile());
        assertEquals(6, j.path("tiles").asInt());
        assertEquals(4, j.path("padded_tiles").asInt());
        assertEquals(3, j.path("columns").asInt());
        assertEquals("pad", j.path("edge").asText());
        assertEquals(84, j.path("tile_list").get(5).path("pad_right").asInt());
        var grid = TileGrid.of(src.metadata()).size(128).edge(EdgePolicy.PAD);
        for (Tile t : grid.tiles()) {
            Path f = out.resolve("scene_" + t.row() + "_" + t.col() + ".tif");
            var written = (ShortRaster) Rasters.read(f);
            var expected = (ShortRaster) Tiles.cut(src, t);
            assertEquals(expected.metadata().geoReference(), written.metadata().geoReference(), f.toString());
            assertEquals(128, written.width());
            for (int b = 0; b < 2; b++) {
                assertArrayEquals(expected.unsafeBandArray(b), written.unsafeBandArray(b), f + " band " + b);
            }
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(6, files.count());
        }
        assertTrue(r.out().contains("3 x 2 = 6 tiles (4 padded)"), r.out());
    }

    @Test
    void sen12msPatchingAndShift(@TempDir Path tmp) throws IOException {
        Path tif = tmp.resolve("scene.tif");
        GeoTiff.write(tif, raster(false));
        var r = LandcoverCliTest.run("tile", tif.toString(), "--size", "128", "--stride", "64", "--edge", "SHIFT",
                "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonOutput.mapper().readTree(r.out());
        assertEquals(TileGrid.of(300, 200).size(128).stride(64).edge(EdgePolicy.SHIFT).count(), j.path("tiles").asLong());
        assertEquals(172, j.path("tile_list").get(3).path("x").asInt());   // 0, 64, 128, then shifted to 300-128
        assertEquals(0, j.path("written").asInt());
        var overlap = LandcoverCliTest.run("tile", tif.toString(), "--size", "128", "--overlap", "64", "--edge", "shift",
                "--json", "-");
        assertEquals(j.path("columns"), JsonOutput.mapper().readTree(overlap.out()).path("columns"));
    }

    @Test
    void pngTilesAreCutInMemory(@TempDir Path tmp) throws IOException {
        byte[] px = new byte[96 * 64];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i % 7);
        }
        Path png = tmp.resolve("label.png");
        Png.write(png, ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 64, 96), px));
        Path out = tmp.resolve("blocks");
        var r = LandcoverCliTest.run("tile", png.toString(), "--size", "32", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        var block = (ByteRaster) Rasters.read(out.resolve("label_1_2.tif"));
        assertEquals(px[32 * 96 + 64], block.unsafeBandArray(0)[0]);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(6, files.count());
        }
    }

    @Test
    void optionsThatDoNotFitAreUsageErrors(@TempDir Path tmp) throws IOException {
        Path tif = tmp.resolve("scene.tif");
        GeoTiff.write(tif, raster(false));
        var big = LandcoverCliTest.run("tile", tif.toString(), "--size", "400");
        assertEquals(2, big.code());
        assertTrue(big.err().contains("tile size 400 is larger than the raster (300 pixels) with edge policy DROP"), big.err());
        var noNodata = LandcoverCliTest.run("tile", tif.toString(), "--size", "128", "--edge", "pad",
                "--output", tmp.resolve("o").toString());
        assertEquals(2, noNodata.code());
        assertTrue(noNodata.err().contains("--fill VALUE"), noNodata.err());
        assertEquals(0, LandcoverCliTest.run("tile", tif.toString(), "--size", "128", "--edge", "pad", "--fill", "0",
                "--output", tmp.resolve("o").toString()).code());
        var both = LandcoverCliTest.run("tile", tif.toString(), "--size", "128", "--stride", "64", "--overlap", "64");
        assertEquals(2, both.code());
        var badSize = LandcoverCliTest.run("tile", tif.toString(), "--size", "big");
        assertEquals(2, badSize.code());
        assertTrue(badSize.err().contains("--size takes N or WxH in pixels, got 'big'"), badSize.err());
        var zero = LandcoverCliTest.run("tile", tif.toString(), "--size", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("tile size must be positive, got 0x0"), zero.err());
        var missing = LandcoverCliTest.run("tile", tmp.resolve("absent.tif").toString(), "--size", "8");
        assertEquals(3, missing.code());
    }
}
