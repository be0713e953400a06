package org.landcover4j.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RgbTest {

    @Test
    void parsesAndPrintsHex() {
        Rgb c = Rgb.parse("#D64C2B");
        assertEquals(new Rgb(214, 76, 43), c);
        assertEquals("#d64c2b", c.toString());
        assertEquals(0xd64c2b, c.packed());
        assertEquals(c, Rgb.parse("d64c2b"));
        assertEquals(c, Rgb.ofPacked(0xd64c2b));
        assertEquals("#000000", Rgb.BLACK.hex());
    }

    @Test
    void rejectsBadInput() {
        assertEquals("a colour must be written #rrggbb, got '#12345'",
                assertThrows(IllegalArgumentException.class, () -> Rgb.parse("#12345")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rgb.parse("#12345g"));
        assertThrows(IllegalArgumentException.class, () -> Rgb.of(256, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Rgb.ofPacked(0x1000000));
    }

    @Test
    void luminanceOrdersBlackBelowWhite() {
        assertEquals(0.0, Rgb.BLACK.luminance(), 1e-12);
        assertEquals(1.0, Rgb.of(255, 255, 255).luminance(), 1e-12);
    }
}
