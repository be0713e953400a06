package org.landcover4j.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.testing.SharedData;

/**
 * The real files in {@code ../shared/datasets/fixtures} decode to the values and georeferencing GDAL reports
 * (recorded by {@code make_fixture_expectations.py} into fixtures_expected.json: checksum, CRC32 of the band bytes,
 * min, max, sum, nodata, transform, EPSG), and LandCoverNet labels match the independent oracle in their
 * stac.json (per-class pixel counts of band 1).
 */
class GeoTiffFixturesTest {

    static final JsonNode EXPECTED = TiffTestSupport.readJson(TiffTestSupport.golden("fixtures_expected.json"));

    static Stream<String> files() {
        List<String> names = new ArrayList<>();
        EXPECTED.fieldNames().forEachRemaining(names::add);
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void decodesAsGdalReports(String relative) throws Exception {
        Path p = SharedData.require("datasets/fixtures/" + relative);
        JsonNode e = EXPECTED.get(relative);
        Raster r = GeoTiff.read(p);
        assertEquals(e.get("dtype").asText(), r.dataType().id(), relative);
        assertEquals(e.get("bands").asInt(), r.bands(), relative);
        assertEquals(e.get("width").asInt(), r.width(), relative);
        assertEquals(e.get("height").asInt(), r.height(), relative);
        GeoTiffInfo info = GeoTiff.probe(p);
        for (int b = 0; b < r.bands(); b++) {
            JsonNode eb = e.get("band").get(b);
            String what = relative + " band " + (b + 1);
            assertEquals(eb.get("crc32").asLong(), TiffTestSupport.crc32(r, b), what + " CRC32");
            assertEquals(eb.get("checksum").asInt(), TiffTestSupport.gdalChecksum(r, b), what + " GDAL checksum");
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (double v : r.bandAsDouble(b)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            assertEquals(eb.get("min").asDouble(), min, what + " min");
            assertEquals(eb.get("max").asDouble(), max, what + " max");
            assertEquals(eb.get("sum").asDouble(), sum, Math.abs(sum) * 1e-12, what + " sum");
            JsonNode nd = eb.get("nodata");
            var got = r.metadata().nodata().get(b);
            if (nd.isNull()) {
                assertFalse(got.isPresent(), what + " nodata");
            } else {
                assertEquals(nd.asDouble(), got.orElseThrow(), what + " nodata");
            }
            int colors = eb.get("colors").asInt();
            if (b == 0) {
                assertEquals(colors, info.colorTable().map(c -> c.size()).orElse(0), what + " colour table");
            }
        }
        double[] gt = new double[6];
        for (int i = 0; i < 6; i++) {
            gt[i] = e.get("transform").get(i).asDouble();
        }
        assertArrayEquals(gt, r.geoReference().orElseThrow().transform().toArray(), relative);
        assertEquals(e.get("epsg").asInt(), r.geoReference().orElseThrow().crs().orElseThrow().epsgCode(), relative);
    }

    static Stream<String> landCoverNetChips() {
        return files().filter(f -> f.endsWith("labels.tif"));
    }

    @ParameterizedTest
    @MethodSource("landCoverNetChips")
    void landCoverNetHistogramEqualsStacCounts(String relative) throws Exception {
        Path labels = SharedData.require("datasets/fixtures/" + relative);
        JsonNode stac = TiffTestSupport.readJson(labels.resolveSibling("stac.json"));
        Map<String, Integer> valueOf = new TreeMap<>();
        for (JsonNode v : stac.at("/assets/labels/file:values")) {
            valueOf.put(v.get("summary").asText(), v.get("value").get(0).asInt());
        }
        Map<Integer, Long> expected = new TreeMap<>();
        for (JsonNode c : stac.at("/properties/label:overviews/0/counts")) {
            expected.put(valueOf.get(c.get("name").asText()), c.get("count").asLong());
        }
        ShortRaster r = (ShortRaster) GeoTiff.readBands(labels, 0);
        Map<Integer, Long> hist = new TreeMap<>();
        for (short v : r.unsafeBandArray(0)) {
            int k = v & 0xFFFF;
            if (k != 0) { // stac.json omits No Data
                hist.merge(k, 1L, Long::sum);
            }
        }
        assertEquals(expected, hist, relative);
        GeoTiffInfo info = GeoTiff.probe(labels);
        assertTrue(info.hasPalette(), relative);
        var ct = info.colorTable().orElseThrow();
        assertEquals(65536, ct.size());
        assertEquals(0x0000ffff, ct.rgba(1), "Water is #0000ff");
        assertEquals(0x00000000, ct.rgba(0), "No Data is transparent");
    }
}
