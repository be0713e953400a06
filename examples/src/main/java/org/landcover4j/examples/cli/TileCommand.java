package org.landcover4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.Window;
import org.landcover4j.core.tile.EdgePolicy;
import org.landcover4j.core.tile.Tile;
import org.landcover4j.core.tile.TileGrid;
import org.landcover4j.core.tile.Tiles;
import org.landcover4j.io.RasterFormat;
import org.landcover4j.io.Rasters;
import org.landcover4j.io.tiff.GeoTiff;
import org.landcover4j.io.tiff.GeoTiffInfo;
import org.landcover4j.io.tiff.GeoTiffReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code landcover tile RASTER --size N [--stride N | --overlap N] [--edge drop|pad|shift] [--output DIR]}: cuts a
 * raster into a regular grid of tiles ({@link TileGrid}) and, with {@code --output}, writes each as a GeoTIFF with
 * its own georeference.
 *
 * <p>A GeoTIFF is read one tile window at a time (only the strips or tiles under the window are decoded), so a tile
 * never decodes the whole file; other formats are decoded once and cut in memory. Padded tiles ({@code --edge pad})
 * are filled with each band's nodata, or with {@code --fill} for bands that declare none. Without {@code --output}
 * the command only reports the grid.
 *
 * <p>Exit codes: 2 for options that do not fit the raster (a tile larger than the raster with drop or shift, a
 * padded tile without nodata or {@code --fill}), 3 for a bad raster file, 1 when a tile cannot be written.
 */
@Command(name = "tile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Cut RASTER into a grid of tiles (size, stride or overlap, edge policy) and write them as GeoTIFFs, "
                + "each with its window's georeference. SEN12MS patching: --size 256 --stride 128; LandCoverNet "
                + "annotation blocks: --size 32.")
public final class TileCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RASTER", description = "The raster file (GeoTIFF, PNG, JPEG, NPY, file.npz:key).")
    Path file;

    @Option(names = "--size", paramLabel = "N|WxH", required = true, description = "Tile size in pixels: 256, or 512x256.")
    String size;

    @Option(names = "--stride", paramLabel = "N|WxH", description = "Step between tile origins (default: the tile size).")
    String stride;

    @Option(names = "--overlap", paramLabel = "N", description = "Pixels shared by neighbouring tiles (stride = size - N).")
    Integer overlap;

    @Option(names = "--edge", paramLabel = "POLICY", defaultValue = "drop",
            description = "At the right and bottom edges: drop (only whole tiles), pad (pad with nodata) or shift "
                    + "(move the last tile inward). Default: ${DEFAULT-VALUE}.")
    EdgePolicy edge;

    @Option(names = "--fill", paramLabel = "VALUE", description = "Padding for bands that declare no nodata (declared as their nodata).")
    Double fill;

    @Option(names = "--output", paramLabel = "DIR", description = "Write every tile as DIR/<name>_<row>_<col>.tif.")
    Path output;

    @Mixin
    JsonOutput json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (stride != null && overlap != null) {
            throw usage("give --stride or --overlap, not both");
        }
        int[] wh = pair("--size", size);
        boolean geotiff = Rasters.detect(plainPath()) == RasterFormat.GEOTIFF && !file.toString().contains(".npz:");
        Map<String, Object> out = new LinkedHashMap<>();
        try (GeoTiffReader tif = geotiff ? GeoTiffReader.open(file) : null) {
            Raster whole = null;
            int width;
            int height;
            Optional<GeoReference> geo;
            if (tif != null) {
                GeoTiffInfo info = tif.info();
                width = info.width();
                height = info.height();
                geo = info.geoReference();
                out.put("bands", info.bands());
                out.put("data_type", info.dataType().id());
            } else {
                whole = Rasters.read(file);
                width = whole.width();
                height = whole.height();
                geo = whole.geoReference();
                out.put("bands", whole.bands());
                out.put("data_type", whole.dataType().id());
            }
            TileGrid grid;
            try {
                grid = TileGrid.of(width, height).size(wh[0], wh[1]);
                if (stride != null) {
                    int[] s = pair("--stride", stride);
                    grid = grid.stride(s[0], s[1]);
                }
                if (overlap != null) {
                    grid = grid.overlap(overlap);
                }
                grid = grid.edge(edge);
                if (geo.isPresent()) {
                    grid = grid.georeferenced(geo.get());
                }
                grid.count();
            } catch (IllegalArgumentException e) {
                throw usage(file + ": " + e.getMessage());
            }
            out.put("file", file.toString());
            out.put("width", width);
            out.put("height", height);
            out.put("tile_width", grid.tileWidth());
            out.put("tile_height", grid.tileHeight());
            out.put("stride_x", grid.strideX());
            out.put("stride_y", grid.strideY());
            out.put("edge", grid.edge().name().toLowerCase(Locale.ROOT));
            out.put("columns", grid.columns());
            out.put("rows", grid.rows());
            out.put("tiles", grid.count());
            out.put("padded_tiles", grid.stream().filter(Tile::isPadded).count());
            out.put("output", output == null ? null : output.toString());
            List<Map<String, Object>> list = new ArrayList<>();
            String stem = stem(plainPath());
            int digits = Math.max(String.valueOf(grid.rows() - 1).length(), String.valueOf(grid.columns() - 1).length());
            if (output != null) {
                Files.createDirectories(output);
            }
            try (ProgressBar bar = ProgressBar.forStderr()) {
                long done = 0;
                for (Tile t : grid.tiles()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("index", t.index());
                    m.put("row", t.row());
                    m.put("col", t.col());
                    m.put("x", t.window().x());
                    m.put("y", t.window().y());
                    m.put("width", t.window().width());
                    m.put("height", t.window().height());
                    m.put("pad_right", t.padRight());
                    m.put("pad_bottom", t.padBottom());
                    if (output != null) {
                        Path target = output.resolve(String.format(Locale.ROOT, "%s_%0" + digits + "d_%0" + digits + "d.tif",
                                stem, t.row(), t.col()));
                        GeoTiff.write(target, cut(tif, whole, t));
                        m.put("file", target.toString());
                    }
                    list.add(m);
                    bar.progress(++done, grid.count(), "tiles");
                }
            }
            out.put("written", output == null ? 0 : list.size());
            out.put("tile_list", list);
        }
        if (json.requested()) {
            json.write(out);
        }
        if (!json.toStdout()) {
            printSummary(out);
        }
        return ExitCodes.OK;
    }

    /** The tile's pixels: a windowed read of a GeoTIFF (padded in memory if needed) or a cut of the whole raster. */
    private Raster cut(GeoTiffReader tif, Raster whole, Tile t) throws IOException {
        try {
            if (tif == null) {
                return fill == null ? Tiles.cut(whole, t) : Tiles.cut(whole, t, fill);
            }
            Raster window = tif.read(t.window());
            if (!t.isPadded()) {
                return window;
            }
            Tile local = new Tile(t.index(), t.row(), t.col(), Window.full(window.width(), window.height()),
                    t.padRight(), t.padBottom(), window.geoReference());
            return fill == null ? Tiles.cut(window, local) : Tiles.cut(window, local, fill);
        } catch (IllegalArgumentException e) {
            throw usage(file + ": " + e.getMessage().replace("Tiles.cut(raster, tile, fill)", "--fill VALUE"));
        }
    }

    private Path plainPath() {
        String s = file.toString();
        int npz = s.indexOf(".npz:");
        return npz >= 0 ? Path.of(s.substring(0, npz + 4)) : file;
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private int[] pair(String option, String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 1) {
                int n = Integer.parseInt(parts[0].strip());
                return new int[] {n, n};
            }
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage(option + " takes N or WxH in pixels, got '" + text + "'");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private void printSummary(Map<String, Object> out) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%s: %sx%s pixels, tiles of %sx%s with stride %sx%s, %s: %s x %s = %s tiles (%s padded)%n",
                out.get("file"), out.get("width"), out.get("height"), out.get("tile_width"), out.get("tile_height"),
                out.get("stride_x"), out.get("stride_y"), out.get("edge"), out.get("columns"), out.get("rows"),
                out.get("tiles"), out.get("padded_tiles"));
        if (out.get("output") != null) {
            w.printf("wrote %s tiles to %s%n", out.get("written"), out.get("output"));
        }
        w.flush();
    }
}
