package org.landcover4j.io.dataset.globe230k;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.testing.SharedData;
import org.landcover4j.io.dataset.DatasetChecklist;
import org.landcover4j.io.dataset.DatasetTesting;
import org.landcover4j.io.png.Png;
import org.landcover4j.io.samples.SampleGenerator;

class Globe230kTest extends DatasetChecklist<Globe230kSample> {

    @TempDir
    static Path generated;

    @BeforeAll
    static void generateOnce() throws IOException {
        SampleGenerator.writeGlobe230k(generated.resolve("globe230k"));
    }

    @Override
    protected Path shared() {
        return generated.resolve("globe230k");
    }

    @Override
    protected Dataset<Globe230kSample> open(Path root, DatasetOptions options) throws IOException {
        return Globe230k.open(root, options);
    }

    @Override
    protected String id() {
        return "globe230k";
    }

    @Override
    protected String taxonomyId() {
        return "globe230k";
    }

    @Override
    protected List<String> expectedIds() {
        return List.of("data_1", "data_2", "data_3", "data_5", "data_6", "data_10", "data_12", "data_20");
    }

    @Override
    protected Map<Split, Integer> expectedSplits() {
        var m = new LinkedHashMap<Split, Integer>();
        m.put(Split.TRAIN, 5);
        m.put(Split.VAL, 1);
        m.put(Split.TEST, 2);
        return m;
    }

    @Override
    protected long[] expectedSkips() {
        return new long[] {2, 2};   // data_99 in test_num.txt without image; label_patch/data_7.png without image
    }

    @Override
    protected void checkSample(Globe230kSample s) {
        assertEquals(512, s.image().width());
        assertEquals(512, s.image().height());
        assertEquals(List.of("red", "green", "blue"), s.image().metadata().bandNames());
        assertTrue(s.image().geoReference().isEmpty(), "Globe230k has no georeferencing");
        s.label().ifPresent(l -> {
            assertEquals(DataType.UINT8, l.dataType());
            for (double v : l.bandAsDouble(0)) {
                assertTrue(v >= 0 && v <= 10, "class " + v);
            }
            assertEquals(0.0, l.getDouble(0, 0, 0), "the top strip is 0 = ignore");
        });
        assertEquals(s.id().equals("data_3"), s.dem().isPresent());
        assertEquals(s.id().equals("data_3"), s.ndvi().isPresent());
        assertEquals(s.id().equals("data_3"), s.vvvh().isPresent());
    }

    @Override
    protected String removeRequiredPart(Path root) throws IOException {
        DatasetTesting.deleteTree(root.resolve("label_patch"));
        return "has no label_patch/ folder";
    }

    @Override
    protected Path corruptOneFile(Path root, SampleRef ref) throws IOException {
        Path f = ref.files().get("image");
        DatasetTesting.truncate(f);
        return f;
    }

    @Test
    void optionalModalitiesKeepNan() throws IOException {
        var ds = Globe230k.open(shared(), new DatasetTesting.Warnings().options());
        Globe230kSample s = ds.sample("data_3");
        assertEquals(List.of("VV", "VH"), s.vvvh().orElseThrow().metadata().bandNames());
        int nan = 0;
        for (double v : s.ndvi().orElseThrow().bandAsDouble(0)) {
            nan += Double.isNaN(v) ? 1 : 0;
        }
        assertEquals(40 * 60, nan);
        assertEquals(DataType.FLOAT32, s.dem().orElseThrow().dataType());
        assertTrue(ds.sample("data_20").label().isEmpty());
        assertTrue(ds.find("data_20").orElseThrow().split().equals(java.util.Optional.of(Split.TEST)));
    }

    @Test
    void realGlobe230kJpegsDecodeLikePil() throws IOException {
        Path images = SharedData.require("datasets/fixtures/globe230k/image_patch");
        Path root = scratch.resolve("real");
        Files.createDirectories(root.resolve("label_patch"));
        DatasetTesting.copyTree(images, root.resolve("image_patch"));
        // the fixtures have no labels (none were published); give one image a label so the folder is complete
        Png.write(root.resolve("label_patch/data_113.png"), ByteRaster.zeros(DataType.UINT8, 1, 512, 512));
        var ds = Globe230k.open(root, new DatasetTesting.Warnings().options());
        assertEquals(List.of("data_113", "data_123", "data_315", "data_603", "data_977", "data_1039", "data_1391",
                "data_1626"), ds.refs().stream().map(SampleRef::id).toList());
        // channel means from PIL 9.4 (python3-pil) over the same files: the decoders agree within 0.5
        Map<String, double[]> pil = Map.of(
                "data_1039", new double[] {63.421, 86.713, 99.224},
                "data_113", new double[] {106.846, 122.587, 122.015},
                "data_123", new double[] {127.449, 134.211, 135.13},
                "data_1391", new double[] {84.372, 105.609, 94.959},
                "data_1626", new double[] {94.268, 108.597, 97.65},
                "data_315", new double[] {166.315, 157.141, 148.278},
                "data_603", new double[] {87.467, 91.274, 57.419},
                "data_977", new double[] {56.831, 90.411, 90.705});
        for (SampleRef r : ds.refs()) {
            Globe230kSample s = ds.read(r);
            RasterMetadata m = s.image().metadata();
            assertEquals(3, m.bands());
            assertEquals(512, m.width());
            for (int b = 0; b < 3; b++) {
                double sum = 0;
                for (double v : s.image().bandAsDouble(b)) {
                    sum += v;
                }
                assertEquals(pil.get(r.id())[b], sum / (512 * 512), 0.5, r.id() + " band " + b);
            }
            assertEquals(r.id().equals("data_113"), s.label().isPresent());
        }
    }

    @Test
    void splitNamesMayCarryAnExtension() throws IOException {
        Path root = scratch.resolve("ext");
        SampleGenerator.writeGlobe230k(root);
        Files.writeString(root.resolve("val_num.txt"), "data_10.jpg\n");
        var ds = Globe230k.open(root, new DatasetTesting.Warnings().options());
        assertEquals(1, ds.splitCounts().get(Split.VAL));
        try (Stream<Path> s = Files.list(root.resolve("image_patch"))) {
            assertEquals(8, s.count());
        }
    }

    /** Same presence, metadata and samples (NaN equal to NaN). */
    private static void assertSame(Optional<Raster> x, Optional<Raster> y, String what) {
        assertEquals(x.isPresent(), y.isPresent(), what);
        if (x.isEmpty()) {
            return;
        }
        assertEquals(x.get().metadata(), y.get().metadata(), what);
        for (int b = 0; b < x.get().bands(); b++) {
            assertTrue(java.util.Arrays.equals(x.get().bandAsDouble(b), y.get().bandAsDouble(b)), what + " band " + b);
        }
    }

    @Test
    void rawLayoutReadsLikeTheMmsegLayout() throws IOException {
        Path mm = shared();
        Path raw = scratch.resolve("raw");
        Map<String, String> moves = new LinkedHashMap<>();
        moves.put("image_patch", "RGB/patch_image");
        moves.put("label_patch", "patch_label");
        moves.put("dem_patch", "DEM/patch_dem_selected");
        moves.put("ndvi_patch", "NDVI/patch_ndvi_selected");
        moves.put("vvvh_patch", "VVVH/patch_vvvh_selected");
        moves.put("train_num.txt", "train.txt");
        moves.put("val_num.txt", "val.txt");
        moves.put("test_num.txt", "test.txt");
        for (var e : moves.entrySet()) {
            Path from = mm.resolve(e.getKey());
            Path to = raw.resolve(e.getValue());
            Files.createDirectories(to.getParent());
            if (Files.isDirectory(from)) {
                DatasetTesting.copyTree(from, to);
            } else {
                Files.copy(from, to);
            }
        }
        var w1 = new DatasetTesting.Warnings();
        var w2 = new DatasetTesting.Warnings();
        Globe230k a = Globe230k.open(mm, w1.options());
        Globe230k b = Globe230k.open(raw, w2.options());
        assertEquals(Globe230k.MMSEG, a.layout());
        assertEquals(Globe230k.RAW, b.layout());
        assertTrue(new Globe230kProvider().recognizes(raw));
        assertEquals(Globe230k.ID, org.landcover4j.core.dataset.Datasets.open(raw).info().id());
        assertEquals(a.refs().stream().map(SampleRef::id).toList(), b.refs().stream().map(SampleRef::id).toList());
        assertEquals(a.splitCounts(), b.splitCounts());
        assertEquals(a.skipped().size(), b.skipped().size());
        for (SampleRef r : a.refs()) {
            Globe230kSample x = a.read(r);
            Globe230kSample y = b.read(b.find(r.id()).orElseThrow());
            assertEquals(r.split(), b.find(r.id()).orElseThrow().split(), r.id());
            assertSame(Optional.of(x.image()), Optional.of(y.image()), r.id());
            assertSame(x.label(), y.label(), r.id());
            assertSame(x.dem(), y.dem(), r.id());
            assertSame(x.ndvi(), y.ndvi(), r.id());
            assertSame(x.vvvh(), y.vvvh(), r.id());
        }
        assertTrue(b.find("data_3").orElseThrow().files().get("dem").endsWith(Path.of("DEM/patch_dem_selected/data_3.tif")));
        // a raw folder without its label folder names the missing part
        Path noLabels = scratch.resolve("raw-no-labels");
        DatasetTesting.copyTree(raw.resolve("RGB"), noLabels.resolve("RGB"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.landcover4j.core.InvalidDataException.class,
                () -> Globe230k.open(noLabels));
        assertTrue(e.getMessage().contains("has no patch_label/ folder"), e.getMessage());
    }
}
