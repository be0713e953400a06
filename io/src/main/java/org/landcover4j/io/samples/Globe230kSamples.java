package org.landcover4j.io.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.RasterMetadata;

/**
 * Writes a Globe230k-shaped folder: 8 RGB JPEG patches of 512 x 512 with label PNGs (one patch unlabelled), a
 * label PNG without its image, split files with bare names (one naming a missing patch), and DEM, NDVI (with NaN)
 * and VV/VH patches for one image.
 */
final class Globe230kSamples {

    private record Patch(int n, String split, boolean labelled, boolean modalities) {
        String name() {
            return "data_" + n;
        }
    }

    private static final int[] CLASSES = {1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    private Globe230kSamples() {
    }

    static Path write(Path root, long seed) throws IOException {
        int size = 512;
        List<Patch> patches = List.of(
                new Patch(1, "train", true, false),
                new Patch(2, "train", true, false),
                new Patch(3, "train", true, true),
                new Patch(5, "train", true, false),
                new Patch(6, "train", true, false),
                new Patch(10, "val", true, false),
                new Patch(12, "test", true, false),
                new Patch(20, "test", false, false));
        StringBuilder train = new StringBuilder();
        StringBuilder val = new StringBuilder();
        StringBuilder test = new StringBuilder();
        int index = 0;
        for (Patch p : patches) {
            Synth s = new Synth(seed * 100 + index++);
            int[] parcels = s.regionIds(size, size, 20);
            byte[][] rgb = new byte[3][];
            int[][] base = {s.recode(parcels, new int[] {70, 100, 130, 170}),
                s.recode(parcels, new int[] {80, 110, 140, 160}), s.recode(parcels, new int[] {60, 90, 120})};
            for (int b = 0; b < 3; b++) {
                int[] texture = s.smoothInts(size, size, 0, 50, 3);
                int[] v = new int[size * size];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.min(255, base[b][i] + texture[i]);
                }
                rgb[b] = Synth.toBytes(v);
            }
            RasterMetadata mi = RasterMetadata.of(DataType.UINT8, 3, size, size);
            Out.jpeg(root.resolve("image_patch").resolve(p.name() + ".jpg"), ByteRaster.wrap(mi, rgb), 0.85f);
            if (p.labelled()) {
                int[] cls = s.recode(parcels, CLASSES);
                for (int i = 0; i < size * 4; i++) {
                    cls[i] = 0;   // an unlabelled strip along the top (0 = ignore)
                }
                Out.png(root.resolve("label_patch").resolve(p.name() + ".png"),
                        ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, size, size), Synth.toBytes(cls)));
            }
            if (p.modalities()) {
                float[] dem = s.smoothFloats(size, size, 700, 800, 0.5);
                float[] ndvi = s.smoothFloats(size, size, -0.2, 0.9, 0.01);
                for (int y = 100; y < 140; y++) {
                    for (int x = 200; x < 260; x++) {
                        ndvi[y * size + x] = Float.NaN;   // clouds / no data: NaN, kept by the reader
                    }
                }
                float[] vv = s.smoothFloats(size, size, -22, -12, 0.1);
                float[] vh = s.smoothFloats(size, size, -28, -16, 0.1);
                Out.tiff(root.resolve("dem_patch").resolve(p.name() + ".tif"), FloatRaster.wrap(
                        RasterMetadata.of(DataType.FLOAT32, 1, size, size), dem));
                Out.tiff(root.resolve("ndvi_patch").resolve(p.name() + ".tif"), FloatRaster.wrap(
                        RasterMetadata.of(DataType.FLOAT32, 1, size, size), ndvi));
                Out.tiff(root.resolve("vvvh_patch").resolve(p.name() + ".tif"), FloatRaster.wrap(
                        RasterMetadata.of(DataType.FLOAT32, 2, size, size), vv, vh));
            }
            (switch (p.split()) {
                case "train" -> train;
                case "val" -> val;
                default -> test;
            }).append(p.name()).append('\n');
        }
        Synth s = new Synth(seed * 100 + 99);
        Out.png(root.resolve("label_patch").resolve("data_7.png"), ByteRaster.wrap(
                RasterMetadata.of(DataType.UINT8, 1, size, size), Synth.toBytes(s.regions(size, size, 8, CLASSES))));
        test.append("data_99\n");
        Out.text(root.resolve("train_num.txt"), train.toString());
        Out.text(root.resolve("val_num.txt"), val.toString());
        Out.text(root.resolve("test_num.txt"), test.toString());
        return root;
    }
}
