package org.landcover4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.npy.NdArray;
import org.landcover4j.io.npy.Npz;
import org.landcover4j.io.png.Png;
import org.landcover4j.io.png.PngWriteOptions;
import org.landcover4j.io.tiff.GeoTiff;

class RastersTest {
    @TempDir
    Path tmp;

    private static Path resource(String name) throws Exception {
        return Path.of(RastersTest.class.getResource("/" + name).toURI());
    }

    private static void assertSamePixels(Raster a, Raster b) {
        assertEquals(a.dataType(), b.dataType());
        assertEquals(a.bands(), b.bands());
        assertEquals(a.width(), b.width());
        assertEquals(a.height(), b.height());
        for (int i = 0; i < a.bands(); i++) {
            assertTrue(java.util.Arrays.equals(a.bandAsDouble(i), b.bandAsDouble(i)), "band " + i);
        }
    }

    @Test
    void readsEveryFormatByItsMagicBytesWhateverItsName() throws Exception {
        // PNG with a palette, saved under a misleading name
        byte[] idx = {0, 1, 2, 1, 0, 2};
        var label = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 2, 3), idx);
        var table = ColorTable.ofRgb(new int[] {0x000000, 0xff0000, 0x00ff00});
        Path png = tmp.resolve("label.tif");
        Png.write(png, label, PngWriteOptions.defaults().withPalette(table));
        assertEquals(RasterFormat.PNG, Rasters.detect(png));
        assertSamePixels(label, Rasters.read(png));
        RasterInfo pi = Rasters.probe(png);
        assertEquals(RasterFormat.PNG, pi.format());
        assertEquals(Optional.of(table), pi.colorTable());
        assertEquals(label.metadata(), pi.metadata());

        Path jpg = resource("jpeg/rgb_q90_420.jpg");
        assertEquals(RasterFormat.JPEG, Rasters.detect(jpg));
        assertEquals(List.of(3, 29, 37), List.of(Rasters.read(jpg).bands(), Rasters.read(jpg).height(),
                Rasters.read(jpg).width()));
        assertEquals(RasterFormat.JPEG, Rasters.probe(jpg).format());

        Path npy = resource("npy/hwc_f4.npy");
        assertEquals(RasterFormat.NPY, Rasters.detect(npy));
        RasterInfo ni = Rasters.probe(npy);
        assertEquals(RasterMetadata.of(DataType.FLOAT32, 4, 6, 5), ni.metadata());
        assertEquals(ni.metadata(), Rasters.read(npy).metadata());

        // GeoTIFF with georeferencing and nodata
        var geo = new GeoReference(Optional.of(Crs.epsg(32630)), GeoTransform.northUp(399960, 1400040, 10));
        var s = ShortRaster.wrap(RasterMetadata.of(DataType.UINT16, 2, 3, 4).withGeoReference(geo).withNodata(0),
                new short[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, new short[12]);
        Path tif = tmp.resolve("s.png");
        GeoTiff.write(tif, s);
        assertEquals(RasterFormat.GEOTIFF, Rasters.detect(tif));
        Raster back = Rasters.read(tif);
        assertSamePixels(s, back);
        assertEquals(Optional.of(geo), back.geoReference());
        RasterInfo ti = Rasters.probe(tif);
        assertEquals(RasterFormat.GEOTIFF, ti.format());
        assertEquals(List.of(OptionalDouble.of(0), OptionalDouble.of(0)), ti.metadata().nodata());
        assertEquals(Optional.of(geo), ti.metadata().geoReference());
    }

    @Test
    void namesNpzArraysWithAColon() throws Exception {
        Path npz = resource("npy/osm_deflated.npz");
        Raster g10 = Rasters.read(Path.of(npz + ":gsd_10"));
        assertEquals(List.of(4, 24, 24), List.of(g10.bands(), g10.height(), g10.width()));
        assertSamePixels(Npz.readRaster(npz, "gsd_10"), g10);
        RasterInfo i = Rasters.probe(Path.of(npz + ":scl"));
        assertEquals(RasterFormat.NPZ, i.format());
        assertEquals(npz, i.file());
        assertEquals(RasterMetadata.of(DataType.UINT8, 1, 24, 24), i.metadata());

        var e = assertThrows(InvalidDataException.class, () -> Rasters.read(npz));
        assertTrue(e.getMessage().contains("holds 5 arrays") && e.getMessage().contains(":KEY"), e.getMessage());
        e = assertThrows(InvalidDataException.class, () -> Rasters.read(Path.of(npz + ":nope")));
        assertTrue(e.getMessage().contains("no array 'nope'"), e.getMessage());

        Path single = tmp.resolve("one.npz");
        Npz.write(single, Map.of("x", NdArray.ofFloats(new float[] {1, 2, 3, 4}, 2, 2)), true);
        assertEquals(4.0, Rasters.read(single).getDouble(0, 1, 1));

        e = assertThrows(InvalidDataException.class, () -> Rasters.read(Path.of(resource("jpeg/grey_q90.jpg") + ":x")));
        assertTrue(e.getMessage().contains("not an .npz"), e.getMessage());
    }

    @Test
    void unknownEmptyAndMissingFiles() throws Exception {
        Path gif = tmp.resolve("a.gif");
        Files.write(gif, "GIF89a\1\0".getBytes(StandardCharsets.ISO_8859_1));
        var e = assertThrows(InvalidDataException.class, () -> Rasters.read(gif));
        assertTrue(e.getMessage().startsWith(gif.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("47 49 46 38 39 61 01 00") && e.getMessage().contains("GIF89a"),
                e.getMessage());
        assertThrows(InvalidDataException.class, () -> Rasters.probe(gif));
        Path empty = tmp.resolve("e.png");
        Files.write(empty, new byte[0]);
        e = assertThrows(InvalidDataException.class, () -> Rasters.read(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> Rasters.read(tmp.resolve("missing.png")));
        assertThrows(NoSuchFileException.class, () -> Rasters.read(tmp.resolve("missing.npz:key")));
    }

    @Test
    void detectsEveryMagic() {
        assertEquals(RasterFormat.GEOTIFF, Rasters.detect(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}));
        assertEquals(RasterFormat.GEOTIFF, Rasters.detect(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}));
        assertEquals(RasterFormat.GEOTIFF, Rasters.detect(new byte[] {'I', 'I', 43, 0, 8, 0, 0, 0}));
        assertEquals(RasterFormat.GEOTIFF, Rasters.detect(new byte[] {'M', 'M', 0, 43, 0, 8, 0, 0}));
        assertEquals(RasterFormat.PNG, Rasters.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}));
        assertEquals(RasterFormat.JPEG, Rasters.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(RasterFormat.NPY, Rasters.detect(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}));
        assertEquals(RasterFormat.NPZ, Rasters.detect(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}));
        assertEquals(RasterFormat.NPZ, Rasters.detect(new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0}));
        assertNull(Rasters.detect(new byte[] {'I', 'I', 42}));
        assertNull(Rasters.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 0}));
        assertNull(Rasters.detect(new byte[0]));
    }
}
