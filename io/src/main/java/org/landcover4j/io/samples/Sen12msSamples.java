package org.landcover4j.io.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;

/**
 * Writes a small SEN12MS tree: 8 complete triplets over four seasons and five scenes, one incomplete patch (no lc),
 * the known broken patch (NaN block in S1), official-style split lists and a hold-out scene list.
 */
final class Sen12msSamples {

    private record Patch(String season, int seed, int scene, int patch, int epsg, String split) {
        String name(String sensor) {
            return "ROIs" + seed + "_" + season + "_" + sensor + "_" + scene + "_p" + patch + ".tif";
        }

        String folder() {
            return "ROIs" + seed + "_" + season;
        }
    }

    static final List<String> S2_BANDS = List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A",
            "B09", "B10", "B11", "B12");
    private static final int[] IGBP = {1, 2, 4, 5, 8, 9, 10, 11, 12, 13, 14, 16, 17};
    private static final int[] LCCS_LC = {1, 2, 11, 12, 13, 14, 15, 21, 22, 31, 32, 41, 42, 43};
    private static final int[] LCCS_LU = {1, 2, 3, 9, 10, 20, 25, 30, 36, 40};
    private static final int[] LCCS_SH = {1, 2, 3, 10, 20, 27, 50, 51};

    private Sen12msSamples() {
    }

    static Path write(Path root, long seed, boolean realSize) throws IOException {
        int size = realSize ? 256 : 64;
        List<Patch> patches = List.of(
                new Patch("spring", 1158, 1, 1, 32632, "train"),
                new Patch("spring", 1158, 1, 2, 32632, "train"),
                new Patch("spring", 1158, 4, 1, 32633, "train"),
                new Patch("summer", 1868, 146, 201, 32618, "train"),
                new Patch("summer", 1868, 146, 202, 32618, null),   // the known broken patch: in no list
                new Patch("fall", 1970, 3, 1, 32737, "test"),
                new Patch("fall", 1970, 3, 2, 32737, "test"),
                new Patch("winter", 2017, 5, 1, 32655, "test"));
        Out.dir(root);
        StringBuilder train = new StringBuilder();
        StringBuilder test = new StringBuilder();
        int index = 0;
        for (Patch p : patches) {
            writeTriplet(root, p, size, seed * 1000 + index++, true);
            if ("train".equals(p.split())) {
                train.append(p.name("s2")).append('\n');
            } else if ("test".equals(p.split())) {
                test.append(p.name("s2")).append('\n');
            }
        }
        // an incomplete patch: s1 and s2 without lc (skipped and reported by the reader)
        writeTriplet(root, new Patch("spring", 1158, 1, 3, 32632, null), size, seed * 1000 + index, false);
        Out.text(root.resolve("train_list.txt"), train.toString());
        Out.text(root.resolve("test_list.txt"), test.toString());
        Out.text(root.resolve("SEN12MS_holdOutScenes.txt"), "ROIs1970_fall/s1_3\nROIs2017_winter/s1_5\n");
        return root;
    }

    private static void writeTriplet(Path root, Patch p, int size, long seed, boolean withLc) throws IOException {
        Synth s = new Synth(seed);
        double x0 = 300000 + p.scene() * 20480.0 + p.patch() * size * 10.0;
        double y0 = 4000000 + p.scene() * 10240.0;
        GeoReference geo = GeoReference.of(Crs.epsg(p.epsg()), GeoTransform.northUp(x0, y0, 10));
        int n = size * size;
        Path season = root.resolve(p.folder());

        float[] vv = s.smoothFloats(size, size, -22, -6, 0.01);
        float[] vh = s.smoothFloats(size, size, -29, -13, 0.01);
        boolean broken = p.scene() == 146 && p.patch() == 202;
        if (broken) {
            for (int i = 0; i < size * (size / 8); i++) {
                vv[i] = Float.NaN;
                vh[i] = Float.NaN;
            }
        } else if (p.scene() == 1 && p.patch() == 2) {
            vv[n / 2] = Float.NaN;
            vh[n / 3] = Float.NaN;
        }
        RasterMetadata m1 = RasterMetadata.of(DataType.FLOAT32, 2, size, size).withGeoReference(geo)
                .withBandNames("VV", "VH");
        Out.tiff(season.resolve("s1_" + p.scene()).resolve(p.name("s1")), FloatRaster.wrap(m1, vv, vh));

        short[][] s2 = new short[13][];
        for (int b = 0; b < 13; b++) {
            int lo = b == 10 ? 5 : 200 + 40 * b;
            int hi = b == 10 ? 60 : 2500 + 250 * b;
            s2[b] = Synth.toShorts(s.smoothInts(size, size, lo, hi, 1));
        }
        RasterMetadata m2 = RasterMetadata.of(DataType.UINT16, 13, size, size).withGeoReference(geo)
                .withBandNames(S2_BANDS);
        Out.tiff(season.resolve("s2_" + p.scene()).resolve(p.name("s2")), ShortRaster.wrap(m2, s2));

        if (withLc) {
            int[] regions = s.regionIds(size, size, 12);
            List<byte[]> lc = new ArrayList<>();
            for (int[] codes : List.of(IGBP, LCCS_LC, LCCS_LU, LCCS_SH)) {
                lc.add(Synth.toBytes(s.recode(regions, codes)));
            }
            RasterMetadata ml = RasterMetadata.of(DataType.UINT8, 4, size, size).withGeoReference(geo)
                    .withBandNames("IGBP", "LCCS_LC", "LCCS_LU", "LCCS_SH");
            Out.tiff(season.resolve("lc_" + p.scene()).resolve(p.name("lc")),
                    ByteRaster.wrap(ml, lc.toArray(new byte[0][])));
        }
    }
}
