package org.landcover4j.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.Window;

/**
 * The 80-file GeoTIFF suite written by GDAL ({@code ../shared/tools/make_geotiff_suite.py}) decodes exactly as
 * rasterio decodes it: type, shape, CRC32 and sum of every band, nodata, transform, CRS and overview count.
 *
 * <p>Runs when the suite folder is named by the environment variable {@code LANDCOVER4J_GEOTIFF_SUITE} or the
 * system property {@code landcover4j.geotiffSuite}; skips with a message otherwise. Make the suite with
 * {@code /usr/bin/python3 ../shared/tools/make_geotiff_suite.py /tmp/geotiff_suite}.
 */
class GeoTiffSuiteTest {

    static Path suite() {
        String p = System.getProperty("landcover4j.geotiffSuite");
        if (p == null || p.isBlank()) {
            p = System.getenv("LANDCOVER4J_GEOTIFF_SUITE");
        }
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    static Stream<String> files() {
        Path dir = suite();
        if (dir == null || !Files.isRegularFile(dir.resolve("reference.json"))) {
            return Stream.of("(suite absent)");
        }
        List<String> names = new ArrayList<>();
        TiffTestSupport.readJson(dir.resolve("reference.json")).fieldNames().forEachRemaining(names::add);
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void decodesExactlyAsRasterio(String name) throws Exception {
        Path dir = suite();
        Assumptions.assumeTrue(dir != null && Files.isRegularFile(dir.resolve("reference.json")),
                "skipped: set LANDCOVER4J_GEOTIFF_SUITE (or -Dlandcover4j.geotiffSuite) to a folder made by "
                        + "../shared/tools/make_geotiff_suite.py to check the 80-file suite");
        JsonNode ref = TiffTestSupport.readJson(dir.resolve("reference.json")).get(name);
        Path p = dir.resolve(name);
        Raster r = GeoTiff.read(p);
        assertEquals(ref.get("dtype").asText(), r.dataType().id(), name);
        assertEquals(ref.get("bands").asInt(), r.bands(), name);
        assertEquals(ref.get("height").asInt(), r.height(), name);
        assertEquals(ref.get("width").asInt(), r.width(), name);
        for (int b = 0; b < r.bands(); b++) {
            assertEquals(ref.get("crc32").get(b).asLong(), TiffTestSupport.crc32(r, b), name + " band " + b + " CRC32");
            double sum = 0;
            for (double v : r.bandAsDouble(b)) {
                sum += v;
            }
            assertEquals(ref.get("sums").get(b).asDouble(), sum, Math.abs(sum) * 1e-9, name + " band " + b + " sum");
        }
        JsonNode nd = ref.get("nodata");
        for (var got : r.metadata().nodata()) {
            if (nd.isNull()) {
                assertFalse(got.isPresent(), name);
            } else {
                assertEquals(0, Double.compare(nd.asDouble(), got.orElseThrow()), name + " nodata " + got);
            }
        }
        // rasterio's Affine order is (a, b, c, d, e, f) = (pixel width, row rotation, x origin, ...)
        JsonNode t = ref.get("transform");
        double[] gdal = {t.get(2).asDouble(), t.get(0).asDouble(), t.get(1).asDouble(), t.get(5).asDouble(),
            t.get(3).asDouble(), t.get(4).asDouble()};
        assertArrayEquals(gdal, r.geoReference().orElseThrow().transform().toArray(), name);
        assertEquals(ref.get("crs").asText(), r.geoReference().orElseThrow().crs().orElseThrow().id(), name);
        GeoTiffInfo info = GeoTiff.probe(p);
        assertEquals(ref.get("overviews").size(), info.overviewCount(), name);
        for (int k = 0; k < info.overviewCount(); k++) {
            int factor = ref.get("overviews").get(k).asInt();
            assertEquals((r.width() + factor - 1) / factor, info.overviews().get(k).width(), name + " overview " + k);
        }
        // a window read equals the crop of the full read
        Window w = Window.of(r.width() / 3, r.height() / 5, r.width() / 2, r.height() / 2);
        int[] bands = r.bands() > 2 ? new int[] {r.bands() - 1, 0} : new int[] {0};
        assertTrue(TiffTestSupport.sameSamples(r.window(w).selectBands(bands), GeoTiff.read(p, w, bands)), name);
    }
}
