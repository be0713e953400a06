package org.landcover4j.io.jpeg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.DecodeLimits;
import org.landcover4j.io.testing.FuzzRun;

/**
 * Seeded mutation fuzzing of the JPEG reader (marker scan, limits, the JDK decoder and the TwelveMonkeys
 * fallback), in the small-heap "fuzz" execution: every mutant decodes or fails with InvalidDataException.
 */
@Tag("fuzz")
class JpegFuzzTest {
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void mutatedJpegsNeverEscapeAsAnythingButInvalidData() throws Exception {
        Gen gen = Gen.seeded(20260302);
        byte[][] seeds = {
            Files.readAllBytes(JpegTest.resource("rgb_q90_420.jpg")),
            Files.readAllBytes(JpegTest.resource("rgb_progressive.jpg")),
            Files.readAllBytes(JpegTest.resource("grey_q90.jpg")),
            Files.readAllBytes(JpegTest.resource("cmyk_q90.jpg")),
            Files.readAllBytes(JpegTest.resource("rgb_q75_444.jpg")),
        };
        DecodeLimits limits = DecodeLimits.defaults();
        var outcome = FuzzRun.run("JPEG", gen, seeds, FuzzRun.iterations(3000), b -> b,
                (b, i) -> Jpeg.decode(b, limits));
        assertTrue(outcome.decoded() > 0 && outcome.rejected() > 0, outcome.toString());
    }
}
