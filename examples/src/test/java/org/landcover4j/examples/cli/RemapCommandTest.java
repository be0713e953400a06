package org.landcover4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.tiff.GeoTiff;

class RemapCommandTest {

    @TempDir
    Path dir;

    private static final GeoReference GEO = GeoReference.of(Crs.epsg(32630),
            GeoTransform.northUp(399960, 1400040, 10));

    @Test
    void remapsIgbpToDfc2020KeepingTheGeoreference() throws Exception {
        // Band 1 IGBP, band 2 something else (only the primary band is remapped).
        RasterMetadata m = RasterMetadata.of(DataType.UINT8, 2, 2, 4).withGeoReference(GEO);
        ByteRaster in = ByteRaster.wrap(m, new byte[] {1, 5, 6, 9, 14, 17, (byte) 255, 0},
                new byte[] {9, 9, 9, 9, 9, 9, 9, 9});
        Path input = dir.resolve("lc.tif");
        GeoTiff.write(input, in);
        Path output = dir.resolve("dfc.tif");
        Path json = dir.resolve("remap.json");
        CliRun.Result r = LandcoverCliTest.run("remap", "--crosswalk", "igbp:dfc2020", "--input",
                input.toString(), "--output", output.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        Raster out = GeoTiff.read(output);
        assertEquals(DataType.UINT8, out.dataType());
        assertEquals(1, out.bands());
        // torchgeo's table: 1->1, 5->1, 6->2, 9->3, 14->6, 17->10; NoData 255 -> 0; 0 -> 0.
        assertArrayEquals(new byte[] {1, 1, 2, 3, 6, 10, 0, 0}, ((ByteRaster) out).copyBand(0));
        assertEquals(in.geoReference(), out.geoReference());
        assertEquals(List.of(OptionalDouble.of(0)), out.metadata().nodata());
        JsonNode j = JsonOutput.mapper().readTree(json.toFile());
        assertEquals("igbp:dfc2020", j.get("crosswalk").asText());
        assertEquals(2, j.get("fill_pixels").asInt());
        assertEquals(2, j.get("histogram").get("1").asInt());
        assertTrue(r.out().contains("igbp:dfc2020: " + input), r.out());
    }

    @Test
    void remapsUint16LandCoverNetLabelsToLevel1() throws Exception {
        RasterMetadata m = RasterMetadata.of(DataType.UINT16, 2, 1, 8).withGeoReference(GEO).withNodata(0);
        ShortRaster in = ShortRaster.wrap(m, new short[] {0, 1, 2, 3, 4, 5, 6, 7},
                new short[] {100, 100, 100, 100, 100, 100, 100, 100});
        Path input = dir.resolve("labels.tif");
        GeoTiff.write(input, in);
        Path output = dir.resolve("l1.tif");
        CliRun.Result r = LandcoverCliTest.run("remap", "--crosswalk", "landcovernet-l3:landcovernet-l1",
                "--input", input.toString(), "--output", output.toString());
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(new byte[] {0, 1, 1, 1, 1, 2, 2, 2}, ((ByteRaster) GeoTiff.read(output)).copyBand(0));
    }

    @Test
    void otherIntegerTypesInRangeAreAcceptedAndBandCanBeChosen() throws Exception {
        IntRaster in = IntRaster.wrap(RasterMetadata.of(DataType.INT32, 2, 1, 3), new int[] {99, 99, 99},
                new int[] {1, 8, 5});
        Path input = dir.resolve("oem.tif");
        GeoTiff.write(input, in);
        Path output = dir.resolve("c6.tif");
        CliRun.Result r = LandcoverCliTest.run("remap", "--crosswalk", "openearthmap:chesapeake6", "--input",
                input.toString(), "--output", output.toString(), "--band", "2", "--fill", "7");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(new byte[] {1, 6, 4}, ((ByteRaster) GeoTiff.read(output)).copyBand(0));
    }

    @Test
    void errorsFollowTheExitCodeContract() throws Exception {
        Path output = dir.resolve("x.tif");
        CliRun.Result unknown = LandcoverCliTest.run("remap", "--crosswalk", "igbp:globe230k", "--input",
                "in.tif", "--output", output.toString());
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertTrue(unknown.err().contains("unknown crosswalk 'igbp:globe230k'"), unknown.err());
        assertEquals(ExitCodes.USAGE, LandcoverCliTest.run("remap", "--crosswalk", "igbp", "--input", "in.tif",
                "--output", output.toString()).code());
        assertEquals(ExitCodes.USAGE, LandcoverCliTest.run("remap", "--input", "in.tif").code());
        CliRun.Result missing = LandcoverCliTest.run("remap", "--crosswalk", "igbp:dfc2020", "--input",
                dir.resolve("nope.tif").toString(), "--output", output.toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("nope.tif: no such file or directory"), missing.err());
        Path floats = dir.resolve("f.tif");
        GeoTiff.write(floats, FloatRaster.wrap(RasterMetadata.of(DataType.FLOAT32, 1, 1, 2), new float[] {1, 2}));
        CliRun.Result f = LandcoverCliTest.run("remap", "--crosswalk", "igbp:dfc2020", "--input",
                floats.toString(), "--output", output.toString());
        assertEquals(ExitCodes.BAD_INPUT, f.code());
        assertTrue(f.err().contains(floats + ": labels must be integers, found float32"), f.err());
        Path negative = dir.resolve("neg.tif");
        GeoTiff.write(negative, ShortRaster.wrap(RasterMetadata.of(DataType.INT16, 1, 1, 2), new short[] {1, -3}));
        CliRun.Result n = LandcoverCliTest.run("remap", "--crosswalk", "igbp:dfc2020", "--input",
                negative.toString(), "--output", output.toString());
        assertEquals(ExitCodes.BAD_INPUT, n.code());
        assertTrue(n.err().contains("label value -3 at row 0, column 1 is outside 0..65535"), n.err());
        Path one = dir.resolve("one.tif");
        GeoTiff.write(one, ByteRaster.zeros(DataType.UINT8, 1, 2, 2));
        CliRun.Result band = LandcoverCliTest.run("remap", "--crosswalk", "igbp:dfc2020", "--input",
                one.toString(), "--output", output.toString(), "--band", "3");
        assertEquals(ExitCodes.BAD_INPUT, band.code());
        assertTrue(band.err().contains("has 1 band, --band 3 is out of range"), band.err());
    }
}
