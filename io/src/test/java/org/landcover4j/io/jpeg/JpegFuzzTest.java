package org.landcover4j.io.jpeg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.DecodeLimits;
import org.landcover4j.io.testing.FuzzRun;

/**
 * Seeded mutation fuzzing of the JPEG reader (marker scan, limits, the own baseline decoder, the JDK decoder and
 * the TwelveMonkeys fallback), in the small-heap "fuzz" execution: every mutant decodes or fails with
 * InvalidDataException.
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
            JpegDecoderTest.encode(JpegDecoderTest.image(Gen.seeded(6), 40, 24, false, 0), 0.8f, 2, 1, 2),
        };
        DecodeLimits limits = DecodeLimits.defaults();
        int[] own = new int[2];                            // mutants the own decoder took: decoded, rejected
        var outcome = FuzzRun.run("JPEG", gen, seeds, FuzzRun.iterations(3000), b -> b, (b, i) -> {
            boolean ours;
            try {
                ours = JpegDecoder.plan(b, b.length, null) != null;
            } catch (InvalidDataException e) {
                ours = true;                               // its own table checks rejected it
            }
            try {
                Jpeg.decode(b, limits);
                own[0] += ours ? 1 : 0;
            } catch (InvalidDataException e) {
                own[1] += ours ? 1 : 0;
                throw e;
            }
        });
        assertTrue(outcome.decoded() > 0 && outcome.rejected() > 0, outcome.toString());
        // three of the five seeds (and a restart-interval one) are baseline: most mutants exercise the own decoder
        assertTrue(own[0] > 100 && own[1] > 100, "own decoder: " + own[0] + " decoded, " + own[1] + " rejected; "
                + outcome);
    }
}
