package org.landcover4j.io.samples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.ColorTable;

/**
 * Writes LandCoverNet samples: the Radiant MLHub STAC archive layout (a partial download: the collection links five
 * items, three are on disk; one chip has Sentinel-2, Sentinel-1 and Landsat-8 scenes, another links scenes that
 * were not downloaded) and, for tests, the {@code data/v1.0/2018} tile-chip layout.
 */
final class LandCoverNetSamples {

    static final String ID = "ref_landcovernet_af_v1";
    static final String[] CLASS_NAMES = {"No Data", "Water", "Artificial Bareground", "Natural Bareground",
        "Permanent Snow/Ice", "Woody Vegetation", "Cultivated Vegetation", "(Semi) Natural Vegetation"};
    private static final int[] COLOURS = {0x000000, 0x0000ff, 0x888888, 0xd1a46d, 0xf5f5ff, 0xd64c2b, 0x186818,
        0x00ff00};
    private static final int SIZE = 256;

    private record Chip(String tile, String chip, int epsg, double x0, double y0, boolean onDisk) {
        String id() {
            return tile + "_" + chip;
        }
    }

    private record Scene(String sensor, String date, boolean onDisk) {
    }

    private LandCoverNetSamples() {
    }

    static Path writeStac(Path root, long seed) throws IOException {
        List<Chip> chips = List.of(
                new Chip("28QDE", "00", 32628, 399960, 1990020, true),
                new Chip("28QDE", "01", 32628, 402520, 1990020, true),
                new Chip("28QDE", "02", 32628, 405080, 1990020, false),
                new Chip("30PTV", "28", 32630, 299960, 1290020, false),
                new Chip("31NFH", "17", 32631, 600000, 820000, true));
        Path labels = Out.dir(root.resolve(ID + "_labels"));
        ObjectNode collection = Out.mapper().createObjectNode();
        collection.put("type", "Collection");
        collection.put("id", ID + "_labels");
        collection.put("stac_version", "1.0.0");
        collection.put("description", "LandCoverNet Africa Labels (landcover4j generated sample: synthetic pixels)");
        ArrayNode links = collection.putArray("links");
        links.addObject().put("rel", "self").put("href", "collection.json").put("type", "application/json");
        links.addObject().put("rel", "root").put("href", "collection.json").put("type", "application/json");
        for (Chip c : chips) {
            links.addObject().put("rel", "item").put("href", ID + "_labels_" + c.id() + "/stac.json")
                    .put("type", "application/json");
        }
        collection.put("license", "CC-BY-4.0");
        collection.put("sci:doi", "10.34911/rdnt.d2ce8i");
        Out.json(labels.resolve("collection.json"), collection);

        int index = 0;
        for (Chip c : chips) {
            index++;
            if (!c.onDisk()) {
                continue;
            }
            List<Scene> scenes = c.id().equals("28QDE_00")
                    ? List.of(new Scene("sentinel_2", "20180110", true), new Scene("sentinel_1", "20180105", true),
                            new Scene("landsat_8", "20180118", true), new Scene("sentinel_2", "20180125", false))
                    : List.of(new Scene("sentinel_2", "20180304", false), new Scene("sentinel_1", "20180301", false));
            writeStacChip(root, labels, c, scenes, seed * 100 + index);
        }
        return root;
    }

    private static GeoReference geo(Chip c) {
        return GeoReference.of(Crs.epsg(c.epsg()), GeoTransform.northUp(c.x0(), c.y0(), 10));
    }

    /** Class band (Voronoi parcels, one 0 block) and consensus band (constant per 32 x 32 block). */
    private static short[][] label(Synth s) {
        int[] cls = s.regions(SIZE, SIZE, 14, new int[] {1, 2, 3, 5, 5, 6, 6, 7, 7, 7});
        int[] score = new int[SIZE * SIZE];
        for (int by = 0; by < SIZE / 32; by++) {
            for (int bx = 0; bx < SIZE / 32; bx++) {
                int v = s.between(35, 100);
                boolean noData = by == 7 && bx == 0;
                for (int y = by * 32; y < by * 32 + 32; y++) {
                    for (int x = bx * 32; x < bx * 32 + 32; x++) {
                        score[y * SIZE + x] = v;
                        if (noData) {
                            cls[y * SIZE + x] = 0;   // class 0 with a non-zero score, as in real files
                        }
                    }
                }
            }
        }
        return new short[][] {Synth.toShorts(cls), Synth.toShorts(score)};
    }

    private static Raster labelRaster(Synth s, GeoReference geo) {
        RasterMetadata m = RasterMetadata.of(DataType.UINT16, 2, SIZE, SIZE).withGeoReference(geo).withNodata(0);
        return ShortRaster.wrap(m, label(s));
    }

    private static ColorTable palette() {
        int[] rgba = new int[65536];
        for (int i = 0; i < COLOURS.length; i++) {
            rgba[i] = (COLOURS[i] << 8) | (i == 0 ? 0 : 0xFF);
        }
        return ColorTable.ofRgba(rgba);
    }

    private static void writeStacChip(Path root, Path labels, Chip c, List<Scene> scenes, long seed)
            throws IOException {
        Synth s = new Synth(seed);
        Path item = Out.dir(labels.resolve(ID + "_labels_" + c.id()));
        Raster label = labelRaster(s, geo(c));
        // real label files carry a 65,536-entry palette on band 1 (about 390 KB); one chip keeps that quirk
        Out.tiff(item.resolve("labels.tif"), label, c.id().equals("28QDE_00")
                ? Out.tiffOptions(label).withColorTable(palette()) : Out.tiffOptions(label));

        long[] counts = new long[8];
        short[] cls = ((ShortRaster) label).unsafeBandArray(0);
        for (short v : cls) {
            counts[v]++;
        }
        ObjectNode stac = Out.mapper().createObjectNode();
        stac.put("type", "Feature");
        stac.put("stac_version", "1.0.0");
        stac.put("id", ID + "_labels_" + c.id());
        ObjectNode props = stac.putObject("properties");
        props.put("datetime", "2018-07-01T00:00:00Z");
        props.put("label:description", "Land Cover Type Classification");
        props.put("label:type", "raster");
        ArrayNode classes = props.putArray("label:classes").addObject().putNull("name").putArray("classes");
        for (int v = 0; v < 8; v++) {
            classes.add(v);
        }
        ObjectNode overview = props.putArray("label:overviews").addObject();
        overview.put("property_key", "land_cover_type");
        ArrayNode countList = overview.putArray("counts");
        for (int v = 1; v < 8; v++) {
            if (counts[v] > 0) {
                countList.addObject().put("name", CLASS_NAMES[v]).put("count", counts[v]);
            }
        }
        ArrayNode links = stac.putArray("links");
        links.addObject().put("rel", "self").put("href", "stac.json").put("type", "application/json");
        links.addObject().put("rel", "parent").put("href", "../collection.json").put("type", "application/json");
        links.addObject().put("rel", "root").put("href", "../collection.json").put("type", "application/json");
        links.addObject().put("rel", "collection").put("href", "../collection.json").put("type", "application/json");
        for (Scene sc : scenes) {
            String collection = ID + "_source_" + sc.sensor();
            links.addObject().put("rel", "source").put("href", "../../" + collection + "/" + collection + "_"
                    + c.id() + "_" + sc.date() + "/stac.json");
        }
        ObjectNode assets = stac.putObject("assets");
        ObjectNode la = assets.putObject("labels");
        la.put("href", "labels.tif");
        la.put("title", "Land Cover");
        ArrayNode values = la.putArray("file:values");
        for (int v = 0; v < 8; v++) {
            ObjectNode e = values.addObject();
            e.putArray("value").add(v);
            e.put("summary", CLASS_NAMES[v]);
        }
        assets.putObject("source_dates").put("href", "source_dates.csv").put("type", "text/csv")
                .put("title", "Source Imagery Dates");
        stac.putArray("stac_extensions").add("https://stac-extensions.github.io/label/v1.0.0/schema.json");
        stac.put("collection", ID + "_labels");
        Out.json(item.resolve("stac.json"), stac);

        Out.text(item.resolve("source_dates.csv"), "," + c.tile() + "\n0,20180108\n1,20180110\n2,20180128\n"
                + "3,20180212\n");

        for (Scene sc : scenes) {
            if (!sc.onDisk()) {
                continue;
            }
            String collection = ID + "_source_" + sc.sensor();
            Path folder = root.resolve(collection).resolve(collection + "_" + c.id() + "_" + sc.date());
            writeScene(folder, sc.sensor(), geo(c), s, name -> name + ".tif");
            ObjectNode src = Out.mapper().createObjectNode();
            src.put("type", "Feature");
            src.put("stac_version", "1.0.0");
            src.put("id", collection + "_" + c.id() + "_" + sc.date());
            src.putObject("properties").put("datetime", sc.date().substring(0, 4) + "-" + sc.date().substring(4, 6)
                    + "-" + sc.date().substring(6) + "T00:00:00Z");
            src.put("collection", collection);
            Out.json(folder.resolve("stac.json"), src);
        }
    }

    /** The bands of one scene, one single-band GeoTIFF each, named by {@code naming}. */
    private static void writeScene(Path folder, String sensor, GeoReference geo, Synth s,
                                   java.util.function.UnaryOperator<String> naming) throws IOException {
        switch (sensor) {
            case "sentinel_2" -> {
                List<String> bands = List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09",
                        "B11", "B12");
                int k = 0;
                for (String b : bands) {
                    RasterMetadata m = RasterMetadata.of(DataType.UINT16, 1, SIZE, SIZE).withGeoReference(geo)
                            .withNodata(0);
                    short[] v = Synth.toShorts(s.smoothInts(SIZE, SIZE, 300 + 50 * k, 3000 + 300 * k, 0));
                    Out.tiff(folder.resolve(naming.apply(b)), ShortRaster.wrap(m, v));
                    k++;
                }
                RasterMetadata cld = RasterMetadata.of(DataType.UINT8, 1, SIZE, SIZE).withGeoReference(geo)
                        .withNodata(255);
                Out.tiff(folder.resolve(naming.apply("CLD")), ByteRaster.wrap(cld,
                        Synth.toBytes(s.smoothInts(SIZE, SIZE, 0, 100, 0))));
                RasterMetadata scl = RasterMetadata.of(DataType.UINT8, 1, SIZE, SIZE).withGeoReference(geo)
                        .withNodata(0);
                Out.tiff(folder.resolve(naming.apply("SCL")), ByteRaster.wrap(scl,
                        Synth.toBytes(s.regions(SIZE, SIZE, 6, new int[] {4, 5, 6, 8, 9, 10}))));
            }
            case "sentinel_1" -> {
                for (String b : List.of("VV", "VH")) {
                    RasterMetadata m = RasterMetadata.of(DataType.FLOAT32, 1, SIZE, SIZE).withGeoReference(geo);
                    float[] v = s.smoothFloats(SIZE, SIZE, b.equals("VV") ? -20 : -27, b.equals("VV") ? -5 : -12,
                            0.05);
                    Out.tiff(folder.resolve(naming.apply(b)), FloatRaster.wrap(m, v));
                }
            }
            case "landsat_8" -> {
                for (int k = 1; k <= 7; k++) {
                    RasterMetadata m = RasterMetadata.of(DataType.UINT16, 1, SIZE, SIZE).withGeoReference(geo)
                            .withNodata(0);
                    short[] v = Synth.toShorts(s.smoothInts(SIZE, SIZE, 7500 + 100 * k, 15000 + 500 * k, 0));
                    Out.tiff(folder.resolve(naming.apply("B0" + k)), ShortRaster.wrap(m, v));
                }
            }
            default -> throw new IllegalArgumentException("unknown sensor " + sensor);
        }
    }

    /**
     * The {@code data/v1.0/2018/<TILE>/<CHIP>/} layout: chip 36SWF/00 with {@code _2018_LC_10m.tif}, labelling
     * dates and an S2 and an S1 scene; chip 36SWF/01 with the documentation's {@code _LC_10m.tif} naming and no
     * scenes; chip 36SWF/02 without a label file (skipped by the reader).
     */
    static Path writeTileTree(Path root, long seed) throws IOException {
        Path tile = Out.dir(root.resolve("data").resolve("v1.0").resolve("2018").resolve("36SWF"));
        GeoReference g0 = GeoReference.of(Crs.epsg(32636), GeoTransform.northUp(499980, 4000020, 10));
        GeoReference g1 = GeoReference.of(Crs.epsg(32636), GeoTransform.northUp(502540, 4000020, 10));
        Synth s = new Synth(seed * 100 + 77);
        Path c0 = tile.resolve("00");
        Out.tiff(c0.resolve("36SWF_00_2018_LC_10m.tif"), labelRaster(s, g0));
        Out.text(c0.resolve("36SWF_00_labeling_dates.csv"), ",36SWF\n0,20180301\n1,20180411\n");
        writeScene(c0.resolve("S2").resolve("36SWF_00_20180411"), "sentinel_2", g0, s,
                b -> "36SWF_00_20180411_" + b + "_10m.tif");
        writeScene(c0.resolve("S1").resolve("36SWF_00_20180302"), "sentinel_1", g0, s,
                b -> "36SWF_00_20180302_" + b + "_10m.tif");
        Path c1 = tile.resolve("01");
        Out.tiff(c1.resolve("36SWF_01_LC_10m.tif"), labelRaster(s, g1));
        Out.dir(tile.resolve("02").resolve("S2"));
        return root;
    }
}
