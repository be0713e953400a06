package org.landcover4j.io.png;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.ColorTable;
import org.landcover4j.io.DecodeLimits;
import org.landcover4j.io.testing.FuzzRun;
import org.landcover4j.io.testing.Mutator;

/**
 * Seeded mutation fuzzing of the PNG decoder. Runs in the build's small-heap "fuzz" execution (-Xmx64m): every
 * mutant decodes or fails with InvalidDataException, within a second, without running out of memory. Half of the
 * mutants get their chunk CRCs re-sealed so that mutations reach the header checks, the inflater and the filters.
 */
@Tag("fuzz")
class PngFuzzTest {
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedPngsNeverEscapeAsAnythingButInvalidData() throws Exception {
        Gen gen = Gen.seeded(20260301);
        byte[][] seeds = {
            Files.readAllBytes(PngTest.resource("osm_label_rgb8.png")),
            Files.readAllBytes(PngTest.resource("palette_p8.png")),
            Files.readAllBytes(PngTest.resource("grey16_i16.png")),
            Files.readAllBytes(PngTest.resource("bilevel_1.png")),
            Files.readAllBytes(PngTest.resource("grey_la8.png")),
            interlacedSeed(gen),
            Png.encode(PngTest.randomBytes(gen, 1, 9, 13, 0, 3), PngWriteOptions.defaults()
                    .withPalette(ColorTable.ofRgb(new int[] {1, 2, 3, 4}))),
        };
        DecodeLimits limits = DecodeLimits.defaults();
        var outcome = FuzzRun.run("PNG", gen, seeds, FuzzRun.iterations(6000),
                b -> gen.chance(0.5) ? Mutator.fixPngCrcs(b) : b, (b, i) -> Png.decode(b, limits));
        assertTrue(outcome.decoded() > 0 && outcome.rejected() > 0, outcome.toString());
    }

    private static byte[] interlacedSeed(Gen gen) throws Exception {
        Path f = Files.createTempFile("fuzz", ".png");
        try {
            PngTest.writeWithImageIo(PngTest.jdkImage("grey2", 19, 11, gen), f, true);
            return Files.readAllBytes(f);
        } finally {
            Files.delete(f);
        }
    }
}
