package org.landcover4j.examples.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code landcover demo}: a short tour of the library on data it makes itself (no download needed).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "A tour of the library on built-in sample data (no download needed).")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    JsonOutput json;

    @Option(names = "--seed", description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Override
    public Integer call() {
        Map<String, Object> result = new LinkedHashMap<>();
        boolean text = !json.toStdout();
        say(text, "landcover4j demo");
        say(text, "  kernels: " + Kernels.implementation()
                + (Kernels.usesVector() ? "" : " (run with " + Kernels.ENABLE_FLAG + " for SIMD)"));
        result.put("kernels", Kernels.implementation());

        // 1. A synthetic 10-class label map of 1024x1024 pixels at 10 m in UTM zone 30N.
        int size = 1024;
        SplittableRandom random = new SplittableRandom(seed);
        byte[] reference = new byte[size * size];
        for (int i = 0; i < reference.length; i++) {
            int row = i / size;
            int col = i % size;
            reference[i] = (byte) (((row / 128) * 3 + (col / 128)) % 10);
        }
        var meta = RasterMetadata.of(DataType.UINT8, 1, size, size)
                .withGeoReference(GeoReference.of(Crs.utm(30, true), GeoTransform.northUp(399960, 1400040, 10)))
                .withBandNames("class");
        ByteRaster label = ByteRaster.wrap(meta, reference);
        say(text, "  reference label: " + label);
        result.put("reference", label.toString());

        // 2. A prediction that is right on 90% of the pixels.
        byte[] prediction = reference.clone();
        for (int i = 0; i < prediction.length; i++) {
            if (random.nextDouble() < 0.1) {
                prediction[i] = (byte) random.nextInt(10);
            }
        }

        // 3. Remap classes through a lookup table (merge class 9 into 8, as a crosswalk would).
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) (v == 9 ? 8 : v);
        }
        byte[] merged = new byte[reference.length];
        Kernels.remap(reference, lut, merged);
        long[] hist = new long[256];
        Kernels.histogram(merged, null, hist);
        say(text, String.format(Locale.ROOT, "  after merging class 9 into 8: class 8 has %,d pixels, class 9 has %,d",
                hist[8], hist[9]));
        result.put("merged_class_8_pixels", hist[8]);

        // 4. Confusion matrix and overall accuracy.
        long[] counts = new long[11 * 11];
        Kernels.confusion(reference, prediction, 10, null, counts);
        long diagonal = 0;
        long total = 0;
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
                total += counts[r * 11 + c];
                if (r == c) {
                    diagonal += counts[r * 11 + c];
                }
            }
        }
        double oa = (double) diagonal / total;
        say(text, String.format(Locale.ROOT, "  overall accuracy of a 90%%-correct prediction: %.4f over %,d pixels",
                oa, total));
        result.put("overall_accuracy", oa);

        // 5. A window keeps its georeference.
        var tile = label.window(Window.of(256, 256, 256, 256));
        say(text, "  tile at (256, 256): " + tile.metadata().footprint().orElseThrow());
        result.put("tile_footprint_wkt", tile.metadata().footprint().orElseThrow().toText());

        if (json.requested()) {
            json.write(result);
        }
        return ExitCodes.OK;
    }

    private static void say(boolean text, String line) {
        if (text) {
            System.out.println(line);
        }
    }
}
