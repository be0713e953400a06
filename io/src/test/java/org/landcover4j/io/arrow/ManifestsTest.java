package org.landcover4j.io.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.Datasets;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.tile.EdgePolicy;
import org.landcover4j.core.tile.TileGrid;
import org.landcover4j.io.dataset.DatasetTesting;
import org.landcover4j.io.dataset.landcovernet.LandCoverNetSample;
import org.landcover4j.io.samples.SampleGenerator;
import org.landcover4j.taxonomy.Taxonomy;
import org.landcover4j.taxonomy.TaxonomyRegistry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/** Manifests of the five datasets (generated samples): one row per sample, values against independent oracles. */
class ManifestsTest {

    static final List<String> DATASETS = List.of("sen12ms", "landcovernet", "openearthmap", "opensentinelmap",
            "globe230k");

    /** The generated samples have deliberate oddities that readers warn about; the reader tests check those. */
    static final DatasetOptions QUIET = DatasetOptions.defaults().withWarnings(WarningListener.ignore());

    @TempDir
    static Path samples;
    static Map<String, Path> roots;

    @TempDir
    Path out;

    @BeforeAll
    static void generate() throws IOException {
        roots = SampleGenerator.writeAll(samples);
    }

    static Dataset<?> open(String id) throws IOException {
        Dataset<?> ds = Datasets.open(roots.get(id), QUIET);
        assertEquals(id, ds.info().id());
        return ds;
    }

    /** The histogram of band 0 counted pixel by pixel through getDouble (not through the kernels). */
    static Map<Integer, Long> oracleHistogram(Raster r) {
        Map<Integer, Long> h = new TreeMap<>();
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                h.merge((int) r.getDouble(0, y, x), 1L, Long::sum);
            }
        }
        return h;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sen12ms", "landcovernet", "openearthmap", "opensentinelmap", "globe230k"})
    void oneRowPerSampleWithOracleValues(String id) throws Exception {
        Dataset<?> ds = open(id);
        Path file = out.resolve(id + ".arrow");
        ManifestSummary summary = Manifests.export(ds).threads(3).batchSize(4).write(file);
        ArrowFiles.Table t = ArrowFiles.read(file);
        assertEquals(ManifestWriter.schema(), t.schema());
        assertEquals(ds.size(), t.rows().size());
        assertEquals(ds.size(), summary.rows());
        assertEquals((ds.size() + 3) / 4, t.batches());
        assertEquals(ds.refs().stream().map(SampleRef::id).toList(), t.column("id"));
        Taxonomy tax = TaxonomyRegistry.builtIn().taxonomy(ds.info().taxonomyId());
        Map<Integer, Long> total = new TreeMap<>();
        long labelled = 0;
        for (int i = 0; i < ds.size(); i++) {
            SampleRef ref = ds.refs().get(i);
            Map<String, Object> row = t.rows().get(i);
            assertEquals(id, row.get("dataset"));
            assertEquals(ref.split().map(s -> s.id()).orElse(null), row.get("split"), ref.id());
            @SuppressWarnings("unchecked")
            Map<String, String> files = (Map<String, String>) row.get("files");
            assertEquals(new java.util.TreeSet<>(ref.files().keySet()), files.keySet(), ref.id());
            for (var e : ref.files().entrySet()) {
                String rel = files.get(e.getKey());
                assertFalse(rel.startsWith("/") || rel.contains("\\") || rel.contains(".."), rel);
                assertTrue(Files.isSameFile(e.getValue(), roots.get(id).resolve(rel)), rel);
            }
            @SuppressWarnings("unchecked")
            Map<String, Double> stats = (Map<String, Double>) row.get("statistics");
            @SuppressWarnings("unchecked")
            Map<Integer, Long> hist = (Map<Integer, Long>) row.get("label_histogram");
            Optional<Raster> label = ds.readLabel(ref);
            assertEquals(ref.labelled(), label.isPresent(), ref.id());
            if (label.isPresent()) {
                labelled++;
                Raster l = label.get();
                Map<Integer, Long> expected = oracleHistogram(l);
                assertEquals(expected, hist, ref.id());
                expected.forEach((v, c) -> total.merge(v, c, Long::sum));
                long pixels = (long) l.width() * l.height();
                assertEquals((double) pixels, stats.get("label_pixels"), ref.id());
                long ignored = expected.entrySet().stream().filter(e -> tax.isIgnore(e.getKey()))
                        .mapToLong(Map.Entry::getValue).sum();
                assertEquals((double) ignored / pixels, stats.get("ignore_fraction"), 1e-12, ref.id());
                var valid = expected.entrySet().stream().filter(e -> !tax.isIgnore(e.getKey())).toList();
                assertEquals((double) valid.size(), stats.get("class_count"), ref.id());
                if (!valid.isEmpty()) {
                    long best = valid.stream().mapToLong(Map.Entry::getValue).max().orElseThrow();
                    int majority = valid.stream().filter(e -> e.getValue() == best).mapToInt(Map.Entry::getKey)
                            .min().orElseThrow();
                    assertEquals((double) majority, stats.get("majority_class"), ref.id());
                    assertEquals((double) best / (pixels - ignored), stats.get("majority_fraction"), 1e-12);
                }
                l.geoReference().ifPresentOrElse(g -> {
                    assertEquals(g.crs().map(c -> c.id()).orElse(null), row.get("crs"), ref.id());
                    Geometry fp = readWkb(row.get("footprint"));
                    double px = Math.abs(g.transform().pixelWidth() * g.transform().pixelHeight());
                    assertEquals(px * l.width() * l.height(), fp.getArea(), 1e-6 * fp.getArea(), ref.id());
                    assertEquals(fp.getEnvelopeInternal().getMinX(), (Double) row.get("min_x"), 0.0);
                    assertEquals(fp.getEnvelopeInternal().getMaxY(), (Double) row.get("max_y"), 0.0);
                    assertEquals(g.transform().originX(), (Double) row.get("min_x"), 1e-9);
                }, () -> {
                    assertNull(row.get("footprint"), ref.id());
                    assertNull(row.get("min_x"), ref.id());
                });
            } else {
                assertTrue(hist.isEmpty(), ref.id());
                assertFalse(stats.containsKey("label_pixels"), ref.id());
            }
        }
        assertEquals(labelled, summary.labelledRows());
        assertEquals(total, summary.labelHistogram());
        Map<String, Long> splits = new java.util.LinkedHashMap<>();
        ds.splitCounts().forEach((s, n) -> {
            if (n > 0) {
                splits.put(s.id(), (long) n);
            }
        });
        assertEquals(splits, summary.splits());
        assertTrue(summary.tileRows().isEmpty());
    }

    static Geometry readWkb(Object hex) {
        try {
            return new WKBReader().read(HexFormat.of().parseHex((String) hex));
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unlabelledSamplesTakeTheirFootprintFromTheImageHeader() throws Exception {
        Dataset<?> ds = open("openearthmap");
        var unlabelled = ds.refs().stream().filter(r -> !r.labelled()).toList();
        assertFalse(unlabelled.isEmpty(), "the generated OpenEarthMap has test images without labels");
        for (SampleRef ref : unlabelled) {
            ManifestRow row = Manifests.row(ds, ref);
            Raster image = ((org.landcover4j.io.dataset.openearthmap.OpenEarthMapSample) ds.read(ref)).image();
            var g = image.geoReference().orElseThrow();
            assertEquals(Optional.of(g.footprint(image.width(), image.height())), row.footprint(), ref.id());
            assertEquals(g.crs().map(c -> c.id()), row.crs());
        }
        Dataset<?> osm = open("opensentinelmap");
        for (SampleRef ref : osm.refs()) {
            ManifestRow row = Manifests.row(osm, ref);
            var s = (org.landcover4j.io.dataset.opensentinelmap.OpenSentinelMapSample) osm.read(ref);
            assertEquals(Optional.of(s.geoReference().footprint(192, 192)), row.footprint(), ref.id());
            assertEquals(1920.0 * 1920.0, row.footprint().orElseThrow().getArea(), 1e-6, ref.id());
        }
    }

    @Test
    void landCoverNetConsensusStatisticsAndStacCounts() throws Exception {
        Dataset<?> ds = open("landcovernet");
        for (SampleRef ref : ds.refs()) {
            LandCoverNetSample s = (LandCoverNetSample) ds.read(ref);
            ManifestRow row = Manifests.row(ds, ref);
            Raster c = s.consensus();
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            long hundred = 0;
            long n = (long) c.width() * c.height();
            for (int y = 0; y < c.height(); y++) {
                for (int x = 0; x < c.width(); x++) {
                    double v = c.getDouble(0, y, x);
                    sum += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    hundred += v == 100 ? 1 : 0;
                }
            }
            Map<String, Double> st = row.statistics();
            assertEquals(sum / n, st.get("consensus_mean"), 1e-9, ref.id());
            assertEquals(min, st.get("consensus_min"), ref.id());
            assertEquals(max, st.get("consensus_max"), ref.id());
            assertEquals((double) hundred / n, st.get("consensus_100_fraction"), 1e-12, ref.id());
            assertTrue(max > min, "the generated consensus band varies: " + ref.id());
            // the STAC item's label:overviews counts are an independent record of the label histogram
            Map<Integer, Long> stac = s.classCountsByValue().orElseThrow();
            Map<Integer, Long> classes = new TreeMap<>(row.labelHistogram());
            classes.remove(0);   // the item omits No Data (FORMATS.md 2.5)
            assertEquals(new TreeMap<>(stac), classes, ref.id());
            assertEquals(1.0, st.get("stac_counts_match"), ref.id());
        }
        assertFalse(Manifests.stacMatches(Map.of(1, 10L), Map.of(1, 10L, 2, 1L)));
        assertFalse(Manifests.stacMatches(Map.of(1, 10L), Map.of(1, 9L)));
        assertTrue(Manifests.stacMatches(Map.of(1, 10L, 2, 0L), Map.of(1, 10L)));
        assertTrue(Manifests.stacMatches(Map.of(1, 10L), Map.of(0, 5L, 1, 10L)));
    }

    @Test
    void theFileDoesNotDependOnTheThreadCount() throws Exception {
        for (String id : DATASETS) {
            Dataset<?> ds = open(id);
            Path one = out.resolve(id + "-1.arrow");
            Path four = out.resolve(id + "-4.arrow");
            Manifests.export(ds).threads(1).write(one);
            Manifests.export(ds).threads(4).batchSize(3).write(four);
            // different batching, same rows
            assertEquals(ArrowFiles.read(one).rows(), ArrowFiles.read(four).rows(), id);
            Path again = out.resolve(id + "-4b.arrow");
            Manifests.export(ds).threads(4).batchSize(3).write(again);
            assertArrayEquals(Files.readAllBytes(four), Files.readAllBytes(again), id + ": same settings, same bytes");
            assertEquals(Manifests.rows(ds).toList(), rowsOf(ds), id);
        }
    }

    private static List<ManifestRow> rowsOf(Dataset<?> ds) throws InvalidDataException {
        List<ManifestRow> rows = new ArrayList<>();
        for (SampleRef ref : ds.refs()) {
            rows.add(Manifests.row(ds, ref));
        }
        return rows;
    }

    @Test
    void progressCountsEverySample() throws Exception {
        Dataset<?> ds = open("globe230k");
        List<long[]> calls = new CopyOnWriteArrayList<>();
        Manifests.export(ds).threads(2).progress((done, total, task) -> {
            assertEquals("export", task);
            calls.add(new long[] {done, total});
        }).write(out.resolve("g.arrow"));
        assertEquals(ds.size() + 1, calls.size());
        for (int i = 0; i < calls.size(); i++) {
            assertArrayEquals(new long[] {i, ds.size()}, calls.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sen12ms", "landcovernet", "openearthmap", "opensentinelmap", "globe230k"})
    void tileTableCoversEveryLabelPixel(String id) throws Exception {
        Dataset<?> ds = open(id);
        Path manifest = out.resolve("m.arrow");
        Path tiles = out.resolve("t.arrow");
        ManifestSummary s = Manifests.export(ds).threads(2)
                .tiles(tiles, g -> g.size(48).stride(40).edge(EdgePolicy.PAD)).write(manifest);
        ArrowFiles.Table t = ArrowFiles.read(tiles);
        assertEquals(TableWriter.schema(TileTables.columns()), t.schema());
        assertEquals(t.rows().size(), s.tileRows().orElseThrow());
        Taxonomy tax = TaxonomyRegistry.builtIn().taxonomy(ds.info().taxonomyId());
        int at = 0;
        for (SampleRef ref : ds.refs()) {
            ManifestRow row = Manifests.row(ds, ref);
            Optional<Raster> label = ds.readLabel(ref);
            int w;
            int h;
            if (label.isPresent()) {
                w = label.get().width();
                h = label.get().height();
            } else if (id.equals("opensentinelmap")) {
                w = 192;
                h = 192;
            } else {
                var info = org.landcover4j.io.Rasters.probe(ref.files().values().iterator().next());
                w = info.metadata().width();
                h = info.metadata().height();
            }
            TileGrid grid = TileGrid.of(w, h).size(48).stride(40).edge(EdgePolicy.PAD);
            long labelPixels = 0;
            long validPixels = 0;
            long covered = 0;
            for (int k = 0; k < grid.count(); k++) {
                Map<String, Object> r = t.rows().get(at++);
                assertEquals(ref.id(), r.get("sample_id"));
                assertEquals(k, r.get("tile_index"));
                var tile = grid.tile(k);
                assertEquals(tile.window().x(), r.get("x"));
                assertEquals(tile.window().y(), r.get("y"));
                assertEquals(48, r.get("width"));
                assertEquals(tile.padRight(), r.get("pad_right"));
                covered += (long) tile.window().width() * tile.window().height();
                if (label.isPresent()) {
                    Map<Integer, Long> wh = windowHistogram(label.get(), tile.window());
                    long valid = wh.entrySet().stream().filter(e -> !tax.isIgnore(e.getKey()))
                            .mapToLong(Map.Entry::getValue).sum();
                    assertEquals(valid, r.get("valid_pixels"), ref.id() + " tile " + k);
                    labelPixels += (Long) r.get("label_pixels");
                    validPixels += (Long) r.get("valid_pixels");
                } else {
                    assertNull(r.get("label_pixels"));
                    assertNull(r.get("majority_class"));
                }
                if (row.footprint().isPresent()) {
                    Geometry fp = readWkb(r.get("footprint"));
                    assertEquals(row.crs().orElseThrow(), r.get("crs"));
                    assertTrue(row.footprint().get().getEnvelopeInternal().intersects(fp.getEnvelopeInternal()));
                } else {
                    assertNull(r.get("footprint"));
                }
            }
            assertTrue(covered >= (long) w * h, "PAD with stride <= size covers the raster");
            if (label.isPresent()) {
                Map<Integer, Long> hist = row.labelHistogram();
                long ignored = hist.entrySet().stream().filter(e -> tax.isIgnore(e.getKey()))
                        .mapToLong(Map.Entry::getValue).sum();
                // tiles overlap by 8 pixels, so compare against the same grid's windows, counted independently
                long expectedLabel = 0;
                long expectedValid = 0;
                for (var tile : grid.tiles()) {
                    expectedLabel += (long) tile.window().width() * tile.window().height();
                    expectedValid += windowHistogram(label.get(), tile.window()).entrySet().stream()
                            .filter(e -> !tax.isIgnore(e.getKey())).mapToLong(Map.Entry::getValue).sum();
                }
                assertEquals(expectedLabel, labelPixels, ref.id());
                assertEquals(expectedValid, validPixels, ref.id());
                assertTrue(ignored <= (long) w * h);
            }
        }
        assertEquals(at, t.rows().size());
    }

    static Map<Integer, Long> windowHistogram(Raster r, org.landcover4j.core.raster.Window w) {
        Map<Integer, Long> h = new TreeMap<>();
        for (int y = w.y(); y < w.y() + w.height(); y++) {
            for (int x = w.x(); x < w.x() + w.width(); x++) {
                h.merge((int) r.getDouble(0, y, x), 1L, Long::sum);
            }
        }
        return h;
    }

    @Test
    void aCorruptLabelStopsTheExportNamingTheFileAndLeavesNoFile() throws Exception {
        Path copy = out.resolve("oem");
        DatasetTesting.copyTree(roots.get("openearthmap"), copy);
        Dataset<?> ds = Datasets.open(copy, QUIET);
        SampleRef victim = ds.refs().stream().filter(SampleRef::labelled).reduce((a, b) -> b).orElseThrow();
        Path label = victim.file("label").orElseThrow();
        DatasetTesting.truncate(label);
        Path target = out.resolve("exports");
        Files.createDirectories(target);
        for (int threads : new int[] {1, 3}) {
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> Manifests.export(ds)
                    .threads(threads).batchSize(2).tiles(target.resolve("t.arrow"), g -> g.size(64).edge(EdgePolicy.PAD))
                    .write(target.resolve("m.arrow")));
            assertTrue(e.getMessage().contains(label.getFileName().toString()), e.getMessage());
            try (Stream<Path> left = Files.list(target)) {
                assertEquals(List.of(), left.toList(), "no partial file");
            }
        }
    }

    @Test
    void aGridThatDoesNotFitNamesTheSampleAndLeavesNoFile() throws Exception {
        Dataset<?> ds = open("globe230k");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifests.export(ds)
                .tiles(out.resolve("t.arrow"), g -> g.size(5000)).write(out.resolve("m.arrow")));
        assertTrue(e.getMessage().contains("sample " + ds.refs().get(0).id()), e.getMessage());
        assertTrue(e.getMessage().contains("5000"), e.getMessage());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList());
        }
        assertThrows(IllegalArgumentException.class,
                () -> Manifests.export(ds).tiles(out.resolve("same.arrow"), g -> g.size(8)).write(out.resolve("same.arrow")));
        assertThrows(IllegalArgumentException.class, () -> Manifests.export(ds).threads(0));
        assertThrows(IllegalArgumentException.class, () -> Manifests.export(ds).batchSize(0));
    }

    @Test
    void anOutputThatCannotBeWrittenIsNamed() throws Exception {
        Dataset<?> ds = open("globe230k");
        Path missing = out.resolve("no/such/folder/m.arrow");
        IOException e = assertThrows(IOException.class, () -> Manifests.export(ds).write(missing));
        assertTrue(e.getMessage().contains("no/such/folder"), e.getMessage());
        Path folder = Files.createDirectories(out.resolve("a-folder"));
        e = assertThrows(IOException.class, () -> Manifests.export(ds).write(folder));
        assertTrue(e.getMessage().contains("a-folder"), e.getMessage());
        // the manifest is fine but the tile table's folder is missing: neither file appears
        e = assertThrows(IOException.class, () -> Manifests.export(ds)
                .tiles(out.resolve("nope/t.arrow"), g -> g.size(64)).write(out.resolve("m.arrow")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertFalse(Files.exists(out.resolve("m.arrow")));
    }

    /** Reads a dataset manifest and tile table with apache-arrow for JavaScript under Node. */
    @Test
    void nodeReadsDatasetManifestAndTileTable() throws Exception {
        Path script = Path.of("src/test/node/read_arrow.mjs").toAbsolutePath();
        Assumptions.assumeTrue(ArrowExportTest.onPath("node"), "skipped: 'node' is not on PATH (the CI script installs it)");
        Assumptions.assumeTrue(Files.isDirectory(script.resolveSibling("node_modules/apache-arrow")),
                "skipped: apache-arrow for Node is not installed; run: npm ci --prefix io/src/test/node");
        Dataset<?> ds = open("landcovernet");
        Path manifest = out.resolve("lcn.arrow");
        Path tiles = out.resolve("lcn-tiles.arrow");
        Manifests.export(ds).tiles(tiles, g -> g.size(32)).write(manifest);
        JsonNode m = ArrowExportTest.runNode(script, manifest);
        assertEquals(ds.size(), m.get("num_rows").asInt());
        ManifestRow first = Manifests.row(ds, ds.refs().get(0));
        JsonNode r0 = m.get("rows").get(0);
        assertEquals(first.id(), r0.get("id").asText());
        assertEquals(first.crs().orElseThrow(), r0.get("crs").asText());
        assertEquals(first.files().get("label"), r0.get("files").get("label").asText());
        assertArrayEquals(new WkbEncoder().encode(first.footprint().orElseThrow()),
                HexFormat.of().parseHex(r0.get("footprint").asText()));
        first.labelHistogram().forEach((v, c) -> assertEquals((long) c,
                r0.get("label_histogram").get(String.valueOf(v)).asLong()));
        assertEquals(first.statistics().get("consensus_mean"), r0.get("statistics").get("consensus_mean").asDouble(),
                0.0);
        JsonNode footprintField = m.get("fields").get(5);
        assertEquals("geoarrow.wkb", footprintField.get("metadata").get("ARROW:extension:name").asText());

        JsonNode t = ArrowExportTest.runNode(script, tiles);
        List<String> names = new ArrayList<>();
        t.get("fields").forEach(f -> names.add(f.get("name").asText()));
        assertEquals(TileTables.columns().stream().map(Column::name).toList(), names);
        assertEquals(ds.size() * 64, t.get("num_rows").asInt(), "LandCoverNet's 32x32 blocks: 64 per chip");
        JsonNode tile9 = t.get("rows").get(9);
        assertEquals(first.id(), tile9.get("sample_id").asText());
        assertEquals(32, tile9.get("x").asInt());
        assertEquals(32, tile9.get("y").asInt());
        assertEquals(1024, tile9.get("label_pixels").asLong());
        assertNotNull(tile9.get("majority_class"));
        Raster label = ds.readLabel(ds.refs().get(0)).orElseThrow();
        Map<Integer, Long> wh = windowHistogram(label, org.landcover4j.core.raster.Window.of(32, 32, 32, 32));
        assertEquals(wh.entrySet().stream().filter(e -> e.getKey() != 0).count(), tile9.get("class_count").asLong());
    }
}
