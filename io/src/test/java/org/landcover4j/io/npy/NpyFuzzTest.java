package org.landcover4j.io.npy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.testing.Gen;
import org.landcover4j.io.DecodeLimits;
import org.landcover4j.io.testing.FuzzRun;

/**
 * Seeded mutation fuzzing of the NPY and NPZ readers (header parser, size checks, mapping, zip layer, CRC and
 * inflation bounds), in the small-heap "fuzz" execution: every mutant reads or fails with InvalidDataException.
 */
@Tag("fuzz")
class NpyFuzzTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedNpyFilesNeverEscapeAsAnythingButInvalidData() throws Exception {
        Gen gen = Gen.seeded(20260303);
        byte[][] seeds = {
            Files.readAllBytes(NpyTest.resource("le_f4_C.npy")),
            Files.readAllBytes(NpyTest.resource("be_i2_F.npy")),
            Files.readAllBytes(NpyTest.resource("f4_v3.npy")),
            Files.readAllBytes(NpyTest.resource("scalar_f8.npy")),
            Files.readAllBytes(NpyTest.resource("hwc_f4.npy")),
            Files.readAllBytes(NpyTest.resource("b1_C.npy")),
        };
        Path f = tmp.resolve("fuzz.npy");
        DecodeLimits limits = DecodeLimits.defaults();
        var outcome = FuzzRun.run("NPY", gen, seeds, FuzzRun.iterations(3000), b -> b, (b, i) -> {
            Files.write(f, b);
            NdArray a = Npy.read(f, limits);
            a.toDoubleArray();
            Npy.readRaster(f, i % 2 == 0 ? NdArray.Layout.CHANNELS_LAST : NdArray.Layout.CHANNELS_FIRST, limits);
        });
        assertTrue(outcome.decoded() > 0 && outcome.rejected() > 0, outcome.toString());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedNpzArchivesNeverEscapeAsAnythingButInvalidData() throws Exception {
        Gen gen = Gen.seeded(20260304);
        byte[][] seeds = {
            Files.readAllBytes(NpyTest.resource("osm_deflated.npz")),
            Files.readAllBytes(NpyTest.resource("osm_stored.npz")),
        };
        Path f = tmp.resolve("fuzz.npz");
        DecodeLimits limits = DecodeLimits.defaults();
        var outcome = FuzzRun.run("NPZ", gen, seeds, FuzzRun.iterations(3000), b -> b, (b, i) -> {
            Files.write(f, b);
            try (Npz npz = Npz.open(f, limits)) {
                for (String key : npz.keys()) {
                    npz.header(key);
                    if (i % 2 == 0) {
                        npz.readRaster(key);
                    } else {
                        npz.read(key);
                    }
                }
            }
        });
        assertTrue(outcome.decoded() > 0 && outcome.rejected() > 0, outcome.toString());
    }
}
