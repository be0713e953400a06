package org.landcover4j.io.dataset.opensentinelmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.dataset.BandInfo;
import org.landcover4j.core.dataset.DatasetInfo;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Skipped;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.dataset.DatasetBase;
import org.landcover4j.io.dataset.IndexFiles;
import org.landcover4j.io.dataset.RasterFiles;
import org.landcover4j.io.dataset.SkipCounter;
import org.landcover4j.io.dataset.SpectralBands;

/**
 * Reader of OpenSentinelMap (Johnson, Treible, Crispell, CVPR-W 2022): OpenStreetMap label images over 1920 m
 * cells with multi-year Sentinel-2 time series.
 *
 * <p>Layout: {@code <root>/spatial_cell_info.csv} (required; read by column name, extra or reordered columns
 * tolerated: {@code cell_id}, {@code MGRS_tile}, {@code min_lon}, {@code max_lon}, {@code min_lat}, {@code max_lat},
 * optional {@code split} with {@code training}/{@code validation}/{@code testing}), {@code osm_categories.json}
 * (optional; built-in version-10 definition when absent, with a warning), {@code osm_label_images_v10/<MGRS>/<cell>.png}
 * and {@code osm_sentinel_imagery/<MGRS>/<cell>/*.npz}. A sample is a cell with a label image or an imagery folder;
 * CSV rows with neither (the real CSV lists about 15,600 such cells) are counted and reported in one warning.
 * Imagery files are sorted by the first 8-digit date in their names.
 *
 * <p>Georeferencing is not stored in the files; it is rebuilt from the MGRS tile's UTM zone (north for latitude
 * bands N-X) and the WGS 84 bounds: the bounds' centre is projected, the 1920 m cell laid around it, and the corner
 * snapped to the 10 m grid when it lies within 1.5 m of it (cells are Sentinel-2 grid aligned; the centre of the
 * bounds is within a metre of the cell centre).
 *
 * <p>Order: MGRS tile, then cell id. Thread safety: immutable after opening; safe to read from many threads.
 *
 * {@snippet :
 * OpenSentinelMap ds = OpenSentinelMap.open(Path.of("samples/opensentinelmap"));
 * ds.skipped();        // [Skipped[3 rows of spatial_cell_info.csv without label image or imagery, e.g. ...]]
 * OpenSentinelMapSample s = ds.sample(0);
 * s.geoReference();    // EPSG:326xx, 10 m, north up
 * }
 */
public final class OpenSentinelMap extends DatasetBase<OpenSentinelMapSample> {

    /** The dataset id. */
    public static final String ID = "opensentinelmap";

    /** The cell edge in metres. */
    public static final double CELL_METERS = 1920;

    static final String EXPECTED = "a folder holding spatial_cell_info.csv, osm_categories.json, "
            + "osm_label_images_v10/<MGRS>/<cell>.png and/or osm_sentinel_imagery/<MGRS>/<cell>/*.npz";

    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{8})(?!\\d)");

    private final OsmCategories categories;
    private final Map<String, Cell> cells;

    /** What the CSV says about one cell. */
    private record Cell(long id, String tile, double minLon, double maxLon, double minLat, double maxLat,
                        GeoReference geo) {
    }

    private OpenSentinelMap(Path root, DatasetInfo info, DatasetOptions options, List<SampleRef> refs,
                            List<Skipped> skipped, OsmCategories categories, Map<String, Cell> cells) {
        super(root, info, options, refs, skipped);
        this.categories = categories;
        this.cells = cells;
    }

    static DatasetInfo datasetInfo(List<Split> splits, OsmCategories categories) {
        List<BandInfo> bands = new ArrayList<>();
        for (String name : categories.channelNames()) {
            bands.add(BandInfo.other("label", name, "OpenStreetMap label channel", 10));
        }
        for (String b : OsmImagery.GSD10_BANDS) {
            bands.add(SpectralBands.sentinel2Band("gsd_10", b));
        }
        for (String b : OsmImagery.GSD20_BANDS) {
            bands.add(SpectralBands.sentinel2Band("gsd_20", b));
        }
        for (String b : OsmImagery.GSD60_BANDS) {
            bands.add(SpectralBands.sentinel2Band("gsd_60", b));
        }
        bands.add(BandInfo.other("scl", "SCL", "Sen2Cor scene classification 0-11", 20));
        return new DatasetInfo(ID, "OpenSentinelMap", "osm-landuse", bands, 10, 10, splits,
                "Johnson, Treible, Crispell 2022, OpenSentinelMap, CVPR Workshops");
    }

    /** The label definition in use (from {@code osm_categories.json}, or the built-in one). */
    public OsmCategories categories() {
        return categories;
    }

    /** Opens an OpenSentinelMap folder with default options. */
    public static OpenSentinelMap open(Path root) throws IOException {
        return open(root, DatasetOptions.defaults());
    }

    /**
     * Opens an OpenSentinelMap folder.
     *
     * @throws InvalidDataException when {@code spatial_cell_info.csv} is missing, unreadable or lacks a required
     *                              column, when {@code osm_categories.json} is malformed, or when neither the
     *                              label-image nor the imagery folder exists
     * @throws IOException          when a folder cannot be listed
     */
    public static OpenSentinelMap open(Path root, DatasetOptions options) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new InvalidDataException(root, "no such folder; expected " + EXPECTED);
        }
        Path csvFile = root.resolve("spatial_cell_info.csv");
        if (!Files.isRegularFile(csvFile)) {
            throw new InvalidDataException(root, "has no spatial_cell_info.csv; expected " + EXPECTED);
        }
        Optional<Path> labelDir = child(root, "osm_label_images");
        Optional<Path> imageryDir = child(root, "osm_sentinel_imagery");
        if (labelDir.isEmpty() && imageryDir.isEmpty()) {
            throw new InvalidDataException(root, "has neither an osm_label_images_v10/ nor an osm_sentinel_imagery/ "
                    + "folder; expected " + EXPECTED);
        }
        OsmCategories categories;
        Optional<Path> catFile = categoriesFile(root);
        if (catFile.isPresent()) {
            categories = OsmCategories.read(catFile.get());
        } else {
            categories = OsmCategories.defaults();
            options.warnings().warning(root.toString(), "no osm_categories.json; using the built-in version-10 "
                    + "label definition");
        }

        IndexFiles.Table csv = IndexFiles.csv(csvFile);
        int cId = csv.requireColumn("cell_id");
        int cTile = csv.requireColumn("MGRS_tile");
        int cMinLon = csv.requireColumn("min_lon");
        int cMaxLon = csv.requireColumn("max_lon");
        int cMinLat = csv.requireColumn("min_lat");
        int cMaxLat = csv.requireColumn("max_lat");
        int cSplit = csv.column("split");

        SkipCounter skips = new SkipCounter(3);
        Map<String, Set<String>> labelListing = new HashMap<>();
        Map<String, Set<String>> imageryListing = new HashMap<>();
        Map<String, SampleRef> refs = new java.util.TreeMap<>();
        Map<String, Cell> cells = new HashMap<>();
        Set<Split> defined = EnumSet.noneOf(Split.class);
        Map<String, Integer> unknownSplits = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        int rowNo = 0;
        int total = csv.rows().size();
        for (List<String> row : csv.rows()) {
            rowNo++;
            if ((rowNo & 4095) == 0) {
                options.progress().progress(rowNo, total, "indexing OpenSentinelMap cells");
            }
            String idText = IndexFiles.Table.cell(row, cId);
            String tile = IndexFiles.Table.cell(row, cTile).toUpperCase(java.util.Locale.ROOT);
            long id;
            double minLon;
            double maxLon;
            double minLat;
            double maxLat;
            try {
                id = Long.parseLong(idText);
                minLon = Double.parseDouble(IndexFiles.Table.cell(row, cMinLon));
                maxLon = Double.parseDouble(IndexFiles.Table.cell(row, cMaxLon));
                minLat = Double.parseDouble(IndexFiles.Table.cell(row, cMinLat));
                maxLat = Double.parseDouble(IndexFiles.Table.cell(row, cMaxLat));
            } catch (NumberFormatException e) {
                skips.add("rows of spatial_cell_info.csv with unparseable numbers", "line " + (rowNo + 1));
                continue;
            }
            GeoReference geo;
            try {
                geo = reconstruct(tile, minLon, maxLon, minLat, maxLat);
            } catch (IllegalArgumentException e) {
                skips.add("rows of spatial_cell_info.csv with an invalid MGRS tile or bounds", "line " + (rowNo + 1)
                        + " (" + e.getMessage() + ")");
                continue;
            }
            Optional<Split> split = Optional.empty();
            if (cSplit >= 0) {
                String s = IndexFiles.Table.cell(row, cSplit);
                split = Split.parse(s);
                if (split.isPresent()) {
                    defined.add(split.get());
                } else {
                    unknownSplits.merge(s, 1, Integer::sum);
                }
            }
            entries.add(new Entry(new Cell(id, tile, minLon, maxLon, minLat, maxLat, geo), split, rowNo + 1));
        }
        options.progress().progress(total, total, "indexing OpenSentinelMap cells");
        for (Entry e : entries) {
            Cell c = e.cell();
            String key = Long.toString(c.id());
            if (cells.containsKey(key)) {
                skips.add("rows of spatial_cell_info.csv repeating a cell id", key + " (line " + e.line() + ")");
                continue;
            }
            Map<String, Path> files = new LinkedHashMap<>();
            if (labelDir.isPresent()) {
                if (!labelListing.containsKey(c.tile())) {
                    labelListing.put(c.tile(), list(labelDir.get().resolve(c.tile()), false));
                }
                if (labelListing.get(c.tile()).contains(key + ".png")) {
                    files.put("label", labelDir.get().resolve(c.tile()).resolve(key + ".png"));
                }
            }
            if (imageryDir.isPresent()) {
                if (!imageryListing.containsKey(c.tile())) {
                    imageryListing.put(c.tile(), list(imageryDir.get().resolve(c.tile()), true));
                }
                if (imageryListing.get(c.tile()).contains(key)) {
                    files.put("imagery", imageryDir.get().resolve(c.tile()).resolve(key));
                }
            }
            if (files.isEmpty()) {
                skips.add("rows of spatial_cell_info.csv without label image or imagery", key);
                continue;
            }
            cells.put(key, c);
            refs.put(c.tile() + "/" + String.format("%020d", c.id()),
                    new SampleRef(key, e.split(), c.tile(), files.containsKey("label"), files));
        }
        if (!unknownSplits.isEmpty()) {
            options.warnings().warning(csvFile.toString(), "split values not understood (cells left in no split): "
                    + unknownSplits);
        }
        skips.report(options.warnings(), csvFile.toString());
        return new OpenSentinelMap(root, datasetInfo(defined.stream().sorted().toList(), categories), options,
                List.copyOf(refs.values()), skips.toList(), categories, java.util.Collections.unmodifiableMap(cells));
    }

    private record Entry(Cell cell, Optional<Split> split, int line) {
    }

    private static Optional<Path> child(Path root, String prefix) throws IOException {
        Path exact = root.resolve(prefix.equals("osm_label_images") ? "osm_label_images_v10" : prefix);
        if (Files.isDirectory(exact)) {
            return Optional.of(exact);
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith(prefix)).sorted()
                    .findFirst();
        }
    }

    private static Optional<Path> categoriesFile(Path root) throws IOException {
        Path exact = root.resolve("osm_categories.json");
        if (Files.isRegularFile(exact)) {
            return Optional.of(exact);
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().startsWith("osm_categories")
                    && p.getFileName().toString().endsWith(".json")).sorted().findFirst();
        }
    }

    private static Set<String> list(Path dir, boolean dirs) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> dirs ? Files.isDirectory(p) : Files.isRegularFile(p))
                    .map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /**
     * The 10 m UTM georeference of a cell from its MGRS tile and WGS 84 bounds (see the class description).
     *
     * @throws IllegalArgumentException for a malformed tile id or bounds that are not an ordered box on the Earth
     */
    public static GeoReference reconstruct(String mgrsTile, double minLon, double maxLon, double minLat,
                                           double maxLat) {
        if (!(minLon >= -180 && maxLon <= 180 && minLon <= maxLon && minLat < maxLat && minLat >= -90
                && maxLat <= 90) || minLon == maxLon) {
            throw new IllegalArgumentException("bounds lon " + minLon + ".." + maxLon + ", lat " + minLat + ".."
                    + maxLat + " are not an ordered box on the Earth");
        }
        // a 1920 m cell spans far less than 180 degrees: a wider box straddles the antimeridian
        double centreLon = maxLon - minLon > 180 ? (maxLon + minLon + 360) / 2 : (minLon + maxLon) / 2;
        Utm.Zone zone = Utm.zoneOf(mgrsTile);
        double[] c = Utm.forward(zone, centreLon, (minLat + maxLat) / 2);
        double x = snap(c[0] - CELL_METERS / 2);
        double y = snap(c[1] + CELL_METERS / 2);
        return GeoReference.of(zone.crs(), GeoTransform.northUp(x, y, 10));
    }

    /**
     * The WGS 84 bounds {@code [minLon, minLat, maxLon, maxLat]} of the cell whose upper-left corner is
     * ({@code originX}, {@code originY}) in the UTM zone of {@code mgrsTile}: the box around the cell's four corners,
     * as {@code spatial_cell_info.csv} records it (a cell straddling the antimeridian gets {@code minLon} near -180
     * and {@code maxLon} near 180, which {@link #reconstruct} recognises). The inverse of {@link #reconstruct}.
     */
    public static double[] wgs84Bounds(String mgrsTile, double originX, double originY) {
        Utm.Zone zone = Utm.zoneOf(mgrsTile);
        double[][] ll = new double[4][];
        int i = 0;
        for (double[] corner : new double[][] {{originX, originY}, {originX + CELL_METERS, originY},
            {originX, originY - CELL_METERS}, {originX + CELL_METERS, originY - CELL_METERS}}) {
            ll[i++] = Utm.inverse(zone, corner[0], corner[1]);
        }
        // longitudes relative to the first corner, so that a cell on the antimeridian is not 360 degrees wide
        double ref = ll[0][0];
        double minLon = Double.POSITIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        for (double[] p : ll) {
            double lon = ref + (p[0] - ref) - 360 * Math.floor((p[0] - ref + 180) / 360);
            minLon = Math.min(minLon, lon);
            maxLon = Math.max(maxLon, lon);
            minLat = Math.min(minLat, p[1]);
            maxLat = Math.max(maxLat, p[1]);
        }
        if (minLon < -180 || maxLon >= 180) {   // straddles: report as [east side, west side], min > max
            double a = minLon < -180 ? minLon + 360 : minLon;
            double b = maxLon >= 180 ? maxLon - 360 : maxLon;
            return new double[] {Math.min(a, b), minLat, Math.max(a, b), maxLat};
        }
        return new double[] {minLon, minLat, maxLon, maxLat};
    }

    private static double snap(double v) {
        double r = Math.rint(v / 10) * 10;
        return Math.abs(r - v) <= 1.5 ? r : v;
    }

    /** The date in an imagery file name (its first stand-alone 8-digit run), if any. */
    static Optional<LocalDate> dateOf(String name) {
        Matcher m = DATE.matcher(name);
        while (m.find()) {
            try {
                return Optional.of(LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE));
            } catch (DateTimeParseException e) {
                // not a date: try the next run
            }
        }
        return Optional.empty();
    }

    @Override
    protected OpenSentinelMapSample decode(SampleRef ref) throws InvalidDataException {
        Cell c = cells.get(ref.id());
        Optional<Raster> label = readChannels(ref, c);
        List<OsmScene> scenes = new ArrayList<>();
        Optional<Path> dir = ref.file("imagery");
        if (dir.isPresent()) {
            List<Path> files;
            try (Stream<Path> s = Files.list(dir.get())) {
                files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".npz")).toList();
            } catch (IOException e) {
                throw new InvalidDataException(dir.get(), "cannot be listed: " + e.getMessage(), e);
            }
            int undated = 0;
            for (Path f : files) {
                String name = f.getFileName().toString();
                Optional<LocalDate> date = dateOf(name);
                if (date.isEmpty()) {
                    undated++;
                    continue;
                }
                scenes.add(new OsmScene(date.get(), name, f, Optional.of(c.geo())));
            }
            if (undated > 0) {
                options().warnings().warning(dir.get().toString(), "skipped " + undated
                        + " .npz files without a YYYYMMDD date in their name");
            }
            scenes.sort(Comparator.comparing(OsmScene::date).thenComparing(OsmScene::name));
        }
        return new OpenSentinelMapSample(ref, c.id(), c.tile(), List.of(c.minLon(), c.minLat(), c.maxLon(),
                c.maxLat()), c.geo(), label, categories, scenes);
    }

    private Optional<Raster> readChannels(SampleRef ref, Cell c) throws InvalidDataException {
        Optional<Path> file = ref.file("label");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Raster r = RasterFiles.read(file.get());
        int want = categories.channels().size();
        if (r.bands() != want) {
            throw new InvalidDataException(file.get(), "has " + r.bands() + " channels; expected " + want + " "
                    + categories.channelNames());
        }
        if (r.dataType() != org.landcover4j.core.raster.DataType.UINT8) {
            throw new InvalidDataException(file.get(), "holds " + r.dataType() + " samples; expected uint8");
        }
        return Optional.of(r.withMetadata(r.metadata().withBandNames(categories.channelNames())
                .withGeoReference(c.geo())));
    }

    /** Decodes the land-use channel (PNG channel 1) of a cell's label image. */
    @Override
    public Optional<Raster> readLabel(SampleRef ref) throws InvalidDataException {
        Cell c = cells.get(checkOwned(ref).id());
        return readChannels(ref, c).map(r -> r.selectBands(0));
    }
}
