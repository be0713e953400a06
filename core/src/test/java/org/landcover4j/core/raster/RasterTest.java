package org.landcover4j.core.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RasterTest {

    private static RasterMetadata meta(DataType t, int bands, int h, int w) {
        return RasterMetadata.of(t, bands, h, w)
                .withGeoReference(GeoReference.of(Crs.epsg(32630), GeoTransform.northUp(1000, 2000, 10)));
    }

    @Test
    void unsignedSamplesReadUnsigned() {
        var b = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, 1, 2), new byte[] {(byte) 255, 7});
        assertEquals(255, b.get(0, 0, 0));
        var s = ShortRaster.wrap(RasterMetadata.of(DataType.UINT16, 1, 1, 1), new short[] {(short) 65535});
        assertEquals(65535, s.get(0, 0, 0));
        var signed = ShortRaster.wrap(RasterMetadata.of(DataType.INT16, 1, 1, 1), new short[] {(short) 65535});
        assertEquals(-1, signed.get(0, 0, 0));
        var u32 = IntRaster.wrap(RasterMetadata.of(DataType.UINT32, 1, 1, 1), new int[] {-1});
        assertEquals(4294967295L, u32.get(0, 0, 0));
        assertEquals(4294967295.0, u32.getDouble(0, 0, 0));
    }

    @Test
    void windowCopiesPixelsAndMovesGeoreference() {
        short[] band = new short[4 * 5];
        for (int i = 0; i < band.length; i++) {
            band[i] = (short) i;
        }
        var r = ShortRaster.wrap(meta(DataType.UINT16, 1, 4, 5), band);
        var w = r.window(Window.of(1, 2, 3, 2));
        assertArrayEquals(new short[] {11, 12, 13, 16, 17, 18}, w.copyBand(0));
        assertEquals(1010.0, w.geoReference().orElseThrow().transform().originX());
        assertEquals(1980.0, w.geoReference().orElseThrow().transform().originY());
        band[11] = 99; // the window is a copy: changing the source does not reach it
        assertEquals(11, w.get(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> r.window(Window.of(3, 0, 3, 1)));
    }

    @Test
    void selectBandsSharesStorageAndCopyBandDoesNot() {
        var r = FloatRaster.wrap(meta(DataType.FLOAT32, 3, 1, 2).withBandNames("a", "b", "c"),
                new float[] {1, 2}, new float[] {3, 4}, new float[] {5, 6});
        var sel = r.selectBands(2, 0);
        assertSame(r.unsafeBandArray(2), sel.unsafeBandArray(0));
        assertEquals(java.util.List.of("c", "a"), sel.metadata().bandNames());
        float[] copy = r.copyBand(0);
        assertNotSame(copy, r.unsafeBandArray(0));
        copy[0] = 42;
        assertEquals(1f, r.get(0, 0, 0));
    }

    @Test
    void rejectsInconsistentShapes() {
        var m = RasterMetadata.of(DataType.UINT8, 2, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> ByteRaster.wrap(m, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> ByteRaster.wrap(m, new byte[4], new byte[3]));
        assertThrows(IllegalArgumentException.class,
                () -> ByteRaster.wrap(RasterMetadata.of(DataType.UINT16, 1, 1, 1), new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> RasterMetadata.of(DataType.UINT8, 1, 65536, 65536));
        assertThrows(IllegalArgumentException.class, () -> new Window(0, 0, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new Window(Integer.MAX_VALUE, 0, 1, 1));
    }

    @Test
    void footprintAndToString() {
        var m = meta(DataType.UINT16, 2, 256, 256).withNodata(0);
        var fp = m.footprint().orElseThrow();
        assertEquals(2560.0 * 2560.0, fp.getArea(), 1e-6);
        assertEquals(32630, fp.getSRID());
        assertEquals("uint16, 2x256x256, EPSG:32630, nodata=[0, 0]", m.toString());
        assertTrue(ShortRaster.zeros(DataType.UINT16, 1, 2, 2).toString().startsWith("ShortRaster[uint16, 1x2x2"));
        assertEquals(Optional.empty(), RasterMetadata.of(DataType.UINT8, 1, 1, 1).geoReference());
        assertEquals(OptionalDouble.of(0), m.nodata().get(1));
    }

    @Test
    void geoTransformGdalOrder() {
        var t = GeoTransform.fromArray(new double[] {399960.0, 10.0, 0.0, 1400040.0, 0.0, -10.0});
        assertArrayEquals(new double[] {399960.0, 10.0, 0.0, 1400040.0, 0.0, -10.0}, t.toArray());
        assertTrue(t.isNorthUp());
        assertEquals(399960.0 + 2560, t.x(256, 0));
        assertEquals("EPSG:32737", Crs.utm(37, false).id());
    }
}
