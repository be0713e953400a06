package org.landcover4j.io.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.RasterMetadata;

/**
 * Writes an {@code OpenEarthMap_wo_xBD}-shaped folder: 9 images in 4 regions (names with {@code _} and {@code -}),
 * 5 train and 2 val images with labels, 2 test images without labels (as in the public release), one image of an
 * odd size, four different CRSs (UTM, EPSG:4326, EPSG:3857, a transverse Mercator known only by WKT), and an xBD-style
 * label without its image, listed in {@code train.txt}.
 */
final class OpenEarthMapSamples {

    /** A transverse Mercator national grid known only by WKT (the parameters of Poland's CS92). */
    static final String TM_WKT = "PROJCS[\"landcover4j sample TM (CS92 parameters)\",GEOGCS[\"GRS 1980\","
            + "DATUM[\"unknown\",SPHEROID[\"GRS 1980\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],"
            + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
            + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",19],"
            + "PARAMETER[\"scale_factor\",0.9993],PARAMETER[\"false_easting\",500000],"
            + "PARAMETER[\"false_northing\",-5300000],UNIT[\"metre\",1]]";

    private record Image(String region, int n, String split, boolean labelled, boolean odd) {
        String name() {
            return region + "_" + n + ".tif";
        }
    }

    private static final int[] CLASSES = {1, 2, 3, 4, 5, 6, 7, 8};

    private OpenEarthMapSamples() {
    }

    static Path write(Path root, long seed, boolean realSize) throws IOException {
        List<Image> images = List.of(
                new Image("aachen", 1, "train", true, false),
                new Image("aachen", 2, "train", true, false),
                new Image("aachen", 10, "val", true, false),
                new Image("buenos_aires", 3, "train", true, false),
                new Image("buenos_aires", 4, "val", true, false),
                new Image("kujawsko-pomorskie", 7, "train", true, false),
                new Image("kujawsko-pomorskie", 8, "test", false, true),
                new Image("les_cayes", 1, "train", true, false),
                new Image("les_cayes", 2, "test", false, false));
        int size = realSize ? 1024 : 256;
        StringBuilder train = new StringBuilder();
        StringBuilder val = new StringBuilder();
        StringBuilder test = new StringBuilder();
        int index = 0;
        for (Image im : images) {
            int w = im.odd() ? (realSize ? 1000 : 250) : size;
            int h = im.odd() ? (realSize ? 900 : 200) : size;
            Synth s = new Synth(seed * 100 + index++);
            GeoReference geo = geo(im.region(), im.n());
            RasterMetadata mi = RasterMetadata.of(DataType.UINT8, 3, h, w).withGeoReference(geo)
                    .withBandNames("red", "green", "blue");
            byte[][] rgb = new byte[3][];
            int[] parcels = s.regionIds(w, h, 24);
            int[][] colours = {s.recode(parcels, new int[] {60, 90, 120, 150, 180}),
                s.recode(parcels, new int[] {70, 100, 130, 160}), s.recode(parcels, new int[] {50, 80, 110, 140})};
            for (int b = 0; b < 3; b++) {
                int[] texture = s.smoothInts(w, h, 0, 60, 2);
                int[] v = new int[w * h];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.min(255, colours[b][i] + texture[i]);
                }
                rgb[b] = Synth.toBytes(v);
            }
            Path regionDir = root.resolve(im.region());
            Out.tiff(regionDir.resolve("images").resolve(im.name()), ByteRaster.wrap(mi, rgb));
            if (im.labelled()) {
                int[] cls = s.recode(parcels, CLASSES);
                for (int k = 0; k < 5; k++) {
                    cls[s.nextInt(cls.length)] = 0;   // stray "unknown" pixels, as in the real masks
                }
                RasterMetadata ml = RasterMetadata.of(DataType.UINT8, 1, h, w).withGeoReference(geo);
                Out.tiff(regionDir.resolve("labels").resolve(im.name()), ByteRaster.wrap(ml, Synth.toBytes(cls)));
            }
            (switch (im.split()) {
                case "train" -> train;
                case "val" -> val;
                default -> test;
            }).append(im.name()).append('\n');
        }
        // an xBD tile: the label is in the release, the image must be fetched from xView2 (see xbd_files.csv)
        Synth s = new Synth(seed * 100 + 99);
        RasterMetadata ml = RasterMetadata.of(DataType.UINT8, 1, size, size).withGeoReference(geo("les_cayes", 9));
        Out.tiff(root.resolve("les_cayes").resolve("labels").resolve("les_cayes_9.tif"),
                ByteRaster.wrap(ml, Synth.toBytes(s.regions(size, size, 10, CLASSES))));
        train.append("les_cayes_9.tif\n");
        Out.text(root.resolve("train.txt"), train.toString());
        Out.text(root.resolve("val.txt"), val.toString());
        Out.text(root.resolve("test.txt"), test.toString());
        Out.text(root.resolve("xbd_files.csv"), "hurricane-matthew_00000009_pre_disaster.png,les_cayes_9.tif\n");
        return root;
    }

    private static GeoReference geo(String region, int n) {
        return switch (region) {
            case "aachen" -> GeoReference.of(Crs.epsg(32632), GeoTransform.northUp(294000 + 512.0 * n, 5628000, 0.5));
            case "buenos_aires" -> GeoReference.of(Crs.epsg(4326), new GeoTransform(-58.45 + 0.005 * n, 4.5e-6, 0,
                    -34.6, 0, -4.5e-6));
            case "kujawsko-pomorskie" -> GeoReference.of(Crs.wkt(TM_WKT), GeoTransform.northUp(470000 + 400.0 * n,
                    590000, 0.25));
            default -> GeoReference.of(Crs.epsg(3857), GeoTransform.northUp(-8222000 + 600.0 * n, 2062000, 0.3));
        };
    }
}
