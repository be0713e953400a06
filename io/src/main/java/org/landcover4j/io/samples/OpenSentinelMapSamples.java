package org.landcover4j.io.samples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.io.dataset.opensentinelmap.OpenSentinelMap;
import org.landcover4j.io.npy.NdArray;
import org.landcover4j.io.npy.NpyDtype;

/**
 * Writes an OpenSentinelMap-shaped folder: {@code spatial_cell_info.csv} with an index column, reordered and extra
 * columns and three rows without files; {@code osm_categories.json}; 192 x 192 three-channel label PNGs with the
 * special values 254 and 255; and {@code .npz} imagery for two cells (one of them without a label image), in files
 * whose name order differs from their date order.
 */
final class OpenSentinelMapSamples {

    private record Cell(long id, String tile, double x0, double y0, String split, boolean label, List<String> npz) {
    }

    private OpenSentinelMapSamples() {
    }

    static Path write(Path root, long seed) throws IOException {
        List<Cell> cells = List.of(
                new Cell(82543044, "43QEU", 600000, 2101920, "training", true,
                        List.of("S2A_43QEU_20190305_0_L2A.npz", "S2B_43QEU_20181120_0_L2A.npz")),
                new Cell(82543045, "43QEU", 601920, 2101920, "training", true, List.of()),
                new Cell(82543046, "43QEU", 603840, 2101920, "training", true, List.of()),
                new Cell(82543047, "43QEU", 605760, 2101920, "training", false, List.of()),
                new Cell(119316571, "33UUP", 400000, 5401920, "testing", true, List.of()),
                new Cell(119316572, "33UUP", 401920, 5401920, "testing", false,
                        List.of("S2A_33UUP_20200612_0_L2A.npz")),
                new Cell(119316573, "33UUP", 403840, 5401920, "testing", false, List.of()),
                new Cell(5012345, "19HCS", 300000, 6301920, "validation", true, List.of()),
                new Cell(7000001, "31UDQ", 440000, 5501920, "training", false, List.of()));
        StringBuilder csv = new StringBuilder(",cell_id,split,MGRS_tile,max_lat,min_lat,min_lon,max_lon,area_km2\n");
        int row = 0;
        for (Cell c : cells) {
            double[] b = OpenSentinelMap.wgs84Bounds(c.tile(), c.x0(), c.y0());
            csv.append(row++).append(',').append(c.id()).append(',').append(c.split()).append(',').append(c.tile())
                    .append(',').append(b[3]).append(',').append(b[1]).append(',').append(b[0]).append(',')
                    .append(b[2]).append(",3.6864\n");
        }
        Out.text(root.resolve("spatial_cell_info.csv"), csv.toString());
        writeCategories(root);
        int index = 0;
        for (Cell c : cells) {
            Synth s = new Synth(seed * 100 + index++);
            if (c.label()) {
                Out.png(root.resolve("osm_label_images_v10").resolve(c.tile()).resolve(c.id() + ".png"),
                        label(s, c.id() == 5012345));
            }
            for (String name : c.npz()) {
                Out.npz(root.resolve("osm_sentinel_imagery").resolve(c.tile()).resolve(Long.toString(c.id()))
                        .resolve(name), imagery(s));
            }
        }
        return root;
    }

    /** Channel 1 land use (0-11, 254 in gaps), channel 2 water/road (12/13 or 254), channel 3 building (14 or 254). */
    private static ByteRaster label(Synth s, boolean unlabeledCorner) {
        int n = 192;
        int[] landUse = s.regions(n, n, 10, new int[] {0, 1, 1, 2, 2, 3, 4, 5, 11, 254});
        int[] water = s.regions(n, n, 8, new int[] {12, 254, 254, 254});
        int[] building = new int[n * n];
        java.util.Arrays.fill(building, 254);
        for (int k = 0; k < 12; k++) {
            int bx = s.nextInt(n - 8);
            int by = s.nextInt(n - 8);
            for (int y = by; y < by + 6; y++) {
                for (int x = bx; x < bx + 6; x++) {
                    building[y * n + x] = 14;
                }
            }
        }
        int roadRow = 40 + s.nextInt(100);
        for (int x = 0; x < n; x++) {
            water[roadRow * n + x] = 13;
            water[(roadRow + 1) * n + x] = 13;
        }
        if (unlabeledCorner) {
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 64; x++) {
                    landUse[y * n + x] = 255;
                    water[y * n + x] = 255;
                    building[y * n + x] = 255;
                }
            }
        }
        RasterMetadata m = RasterMetadata.of(DataType.UINT8, 3, n, n);
        return ByteRaster.wrap(m, Synth.toBytes(landUse), Synth.toBytes(water), Synth.toBytes(building));
    }

    /** gsd_10 (192,192,4), gsd_20 (96,96,6), gsd_60 (32,32,2) float32 = DN / 10000, scl (96,96) uint8, bad_percent. */
    private static Map<String, NdArray> imagery(Synth s) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        out.put("gsd_10", channelsLast(s, 192, 4));
        out.put("gsd_20", channelsLast(s, 96, 6));
        out.put("gsd_60", channelsLast(s, 32, 2));
        out.put("scl", NdArray.ofBytes(NpyDtype.UINT8, Synth.toBytes(s.regions(96, 96, 5, new int[] {4, 5, 6, 8})),
                96, 96));
        out.put("bad_percent", NdArray.ofDoubles(new double[] {s.between(0, 24) / 100.0}));
        return out;
    }

    private static NdArray channelsLast(Synth s, int size, int channels) {
        float[] v = new float[size * size * channels];
        for (int c = 0; c < channels; c++) {
            int[] dn = s.smoothInts(size, size, 200 + 100 * c, 3500 + 400 * c, 1);
            for (int i = 0; i < dn.length; i++) {
                v[i * channels + c] = dn[i] / 10000f;
            }
        }
        return NdArray.ofFloats(v, size, size, channels);
    }

    private static void writeCategories(Path root) throws IOException {
        ObjectNode json = Out.mapper().createObjectNode();
        json.put("version", 10);
        ArrayNode channels = json.putArray("channels");
        Object[][][] defs = {
            {{"wooded", 0, 2}, {"agricultural", 1, 5}, {"residential", 2, 50}, {"industrial", 3, 96},
                {"commercial", 4, 95}, {"recreation", 5, 99}, {"airport", 6, 93}, {"quarry", 7, 92},
                {"military", 8, 90}, {"desert_sand", 9, 10}, {"mountain_rock", 10, 1}, {"other_natural", 11, 4}},
            {{"water", 12, 96}, {"road", 13, 97}},
            {{"building", 14, 100}}};
        String[] names = {"OSM_land_use", "OSM_water_and_roads", "buildings"};
        String[][] tags = {{"landuse", "forest"}, {"natural", "water"}, {"building", "yes"}};
        for (int c = 0; c < defs.length; c++) {
            ObjectNode ch = channels.addObject();
            ch.put("name", names[c]);
            ObjectNode labels = ch.putObject("labels");
            for (Object[] d : defs[c]) {
                ObjectNode l = labels.putObject((String) d[0]);
                l.put("value", (Integer) d[1]);
                l.put("precedence", (Integer) d[2]);
                l.putArray("osm_tags").addObject().put(tags[c][0], c == 0 ? (String) d[0] : tags[c][1]);
            }
            labels.putObject("none").put("value", 254);
            labels.putObject("unlabeled").put("value", 255);
        }
        Out.json(root.resolve("osm_categories.json"), json);
    }
}
