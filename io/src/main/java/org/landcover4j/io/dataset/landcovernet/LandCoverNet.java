package org.landcover4j.io.dataset.landcovernet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.dataset.BandInfo;
import org.landcover4j.core.dataset.DatasetInfo;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Skipped;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.dataset.DatasetBase;
import org.landcover4j.io.dataset.IndexFiles;
import org.landcover4j.io.dataset.RasterFiles;
import org.landcover4j.io.dataset.SkipCounter;
import org.landcover4j.io.dataset.SpectralBands;

/**
 * Reader of LandCoverNet v1.0 (Radiant Earth, 2018 annual land cover on 256 x 256 Sentinel-2 chips), in both
 * layouts found in real downloads.
 *
 * <p><b>STAC archive</b> (radiant-mlhub {@code download()}): the root holds {@code <id>_labels/collection.json}, one
 * item folder per chip ({@code <id>_labels_<TILE>_<CHIP>/} with {@code labels.tif}, {@code stac.json},
 * {@code source_dates.csv}) and the source collections {@code <id>_source_sentinel_2/}, {@code ..._sentinel_1/},
 * {@code ..._landsat_8/} with one folder of per-band GeoTIFFs per scene. Items come from the collection's
 * {@code item} links; linked items missing on disk (a partial download) are counted and reported in one warning,
 * not an error. The root may also be the labels collection folder itself.
 *
 * <p><b>Source Cooperative / documentation layout</b>: {@code data/v1.0/2018/<TILE>/<CHIP>/} holding
 * {@code <TILE>_<CHIP>_2018_LC_10m.tif} (also accepted without {@code _2018}),
 * {@code <TILE>_<CHIP>_labeling_dates.csv} and {@code S2/}, {@code S1/}, {@code L8/} scene folders. The root is the
 * folder holding {@code data/} (or {@code 2018/} itself). Class names and counts come from STAC only, so this
 * layout has the documented names and no counts.
 *
 * <p>Sample ids are {@code <TILE>_<CHIP>} ({@code 28QDE_00}), sorted; the group is the tile. LandCoverNet defines no
 * splits. Thread safety: immutable after opening; safe to read from many threads.
 *
 * {@snippet :
 * LandCoverNet ds = LandCoverNet.open(Path.of("ref_landcovernet_af_v1"));
 * ds.skipped();    // [Skipped[1977 items linked from collection.json that are not on disk ...]]
 * LandCoverNetSample s = ds.sample("28QDE_00");
 * s.label();                         // class band, uint16, EPSG:32628
 * s.classCountsByValue();            // Optional[{2=3, 3=65533}]
 * }
 */
public final class LandCoverNet extends DatasetBase<LandCoverNetSample> {

    /** The dataset id. */
    public static final String ID = "landcovernet";

    static final String EXPECTED = "a STAC archive folder holding <id>_labels/collection.json with item folders, "
            + "or a folder holding data/v1.0/2018/<TILE>/<CHIP>/<TILE>_<CHIP>_2018_LC_10m.tif";

    /** The class names of the documentation (and of every STAC item's {@code file:values}). */
    public static final Map<Integer, String> DEFAULT_CLASS_NAMES = defaultNames();

    private static final Pattern ITEM = Pattern.compile(".*_(\\d{1,2}[A-Z]{3})_(\\d{2})");
    private static final Pattern TILE = Pattern.compile("\\d{1,2}[A-Z]{3}");
    private static final Pattern CHIP = Pattern.compile("\\d{2}");

    /** The two on-disk layouts this reader understands. */
    public enum Layout {
        /** Radiant MLHub STAC archive: collection.json, item folders, source collections. */
        STAC_ARCHIVE,
        /** {@code data/v1.0/2018/<TILE>/<CHIP>/} with per-asset file names. */
        TILE_CHIP_TREE
    }

    private final Layout layout;

    private LandCoverNet(Path root, DatasetOptions options, List<SampleRef> refs, List<Skipped> skipped,
                         Layout layout) {
        super(root, datasetInfo(), options, refs, skipped);
        this.layout = layout;
    }

    private static Map<Integer, String> defaultNames() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(0, "No Data");
        m.put(1, "Water");
        m.put(2, "Artificial Bareground");
        m.put(3, "Natural Bareground");
        m.put(4, "Permanent Snow/Ice");
        m.put(5, "Woody Vegetation");
        m.put(6, "Cultivated Vegetation");
        m.put(7, "(Semi) Natural Vegetation");
        return java.util.Collections.unmodifiableMap(m);
    }

    static DatasetInfo datasetInfo() {
        List<BandInfo> bands = new ArrayList<>();
        bands.add(BandInfo.other("label", "class", "land cover class 0-7 (0 = no data)", 10));
        bands.add(BandInfo.other("label", "consensus", "annotator consensus score 0-100", 10));
        bands.addAll(SpectralBands.sentinel2("s2", SpectralBands.S2_L2A_12));
        bands.add(BandInfo.other("s2", "CLD", "Sen2Cor cloud probability 0-100", 20));
        bands.add(BandInfo.other("s2", "SCL", "Sen2Cor scene classification 0-11", 20));
        bands.addAll(SpectralBands.sentinel1("s1", "GRD"));
        bands.addAll(SpectralBands.landsat8("l8", SpectralBands.L8_SR_7));
        return new DatasetInfo(ID, "LandCoverNet", "landcovernet", bands, 10, 10, List.of(),
                "Alemohammad et al. 2020, LandCoverNet v1.0, Radiant MLHub, doi:10.34911/rdnt.d2ce8i");
    }

    /** Which layout this dataset was opened in. */
    public Layout layout() {
        return layout;
    }

    /** Opens a LandCoverNet folder with default options. */
    public static LandCoverNet open(Path root) throws IOException {
        return open(root, DatasetOptions.defaults());
    }

    /**
     * Opens a LandCoverNet folder in either layout.
     *
     * @throws InvalidDataException when neither layout is found, or {@code collection.json} is unreadable
     * @throws IOException          when a folder cannot be listed
     */
    public static LandCoverNet open(Path root, DatasetOptions options) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new InvalidDataException(root, "no such folder; expected " + EXPECTED);
        }
        List<Path> collections = labelCollections(root);
        if (!collections.isEmpty()) {
            return openStac(root, collections, options);
        }
        Optional<Path> tree = tileTree(root);
        if (tree.isPresent()) {
            return openTree(root, tree.get(), options);
        }
        throw new InvalidDataException(root, "holds neither a LandCoverNet labels collection nor a data/v1.0/2018 "
                + "tree; expected " + EXPECTED);
    }

    /** The labels collection folders: {@code <id>_labels/} children holding collection.json, or the root itself. */
    static List<Path> labelCollections(Path root) {
        if (Files.isRegularFile(root.resolve("collection.json"))
                && root.toAbsolutePath().normalize().getFileName().toString().endsWith("_labels")) {
            return List.of(root);
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> p.getFileName().toString().endsWith("_labels") && Files.isDirectory(p)).sorted()
                    .forEach(out::add);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /** The folder holding the tile folders of the {@code data/v1.0/2018} layout, if {@code root} has one. */
    static Optional<Path> tileTree(Path root) {
        for (Path c : List.of(root.resolve("data").resolve("v1.0").resolve("2018"), root.resolve("v1.0").resolve("2018"),
                root.resolve("2018"))) {
            if (Files.isDirectory(c)) {
                return Optional.of(c);
            }
        }
        Path name = root.toAbsolutePath().normalize().getFileName();
        if (name != null && name.toString().equals("2018") && hasTileFolder(root)) {
            return Optional.of(root);
        }
        return Optional.empty();
    }

    private static boolean hasTileFolder(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> Files.isDirectory(p) && TILE.matcher(p.getFileName().toString()).matches());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static LandCoverNet openStac(Path root, List<Path> collections, DatasetOptions options)
            throws IOException {
        SkipCounter skips = new SkipCounter(3);
        Map<String, SampleRef> refs = new java.util.TreeMap<>();
        for (Path labels : collections) {
            Path collectionFile = labels.resolve("collection.json");
            if (!Files.isRegularFile(collectionFile)) {
                throw new InvalidDataException(labels, "has no collection.json; expected the STAC collection of the "
                        + "labels with one item link per chip");
            }
            JsonNode collection = IndexFiles.json(collectionFile);
            JsonNode links = collection.path("links");
            if (!links.isArray()) {
                throw new InvalidDataException(collectionFile, "has no 'links' array; expected a STAC collection");
            }
            Set<Path> itemDirs = new LinkedHashSet<>();
            int linked = 0;
            for (JsonNode link : links) {
                if (!"item".equals(link.path("rel").asText())) {
                    continue;
                }
                String href = link.path("href").asText("");
                if (href.isEmpty()) {
                    throw new InvalidDataException(collectionFile, "item link " + linked + " has no href");
                }
                linked++;
                Path item = labels.resolve(href).normalize();
                Path dir = href.endsWith(".json") ? item.getParent() : item;
                itemDirs.add(dir);
            }
            Set<Path> onDisk = new HashSet<>();
            try (Stream<Path> s = Files.list(labels)) {
                s.filter(p -> Files.isRegularFile(p.resolve("stac.json"))).forEach(p -> onDisk.add(p.normalize()));
            }
            List<Path> unlinked = onDisk.stream().filter(p -> !itemDirs.contains(p)).sorted().toList();
            if (!unlinked.isEmpty()) {
                options.warnings().warning(collectionFile.toString(), unlinked.size() + " item folders on disk are not "
                        + "linked from collection.json; they are included (e.g. " + unlinked.get(0).getFileName() + ")");
                itemDirs.addAll(unlinked);
            }
            int done = 0;
            for (Path dir : itemDirs) {
                options.progress().progress(done++, itemDirs.size(), "listing LandCoverNet chips");
                String name = dir.getFileName().toString();
                if (!Files.isRegularFile(dir.resolve("stac.json"))) {
                    skips.add("items linked from collection.json that are not on disk (a partial download?)", name);
                    continue;
                }
                Matcher m = ITEM.matcher(name);
                if (!m.matches()) {
                    skips.add("item folders whose name does not end in _<TILE>_<CHIP>", name);
                    continue;
                }
                Path labelFile = dir.resolve("labels.tif");
                if (!Files.isRegularFile(labelFile)) {
                    skips.add("items without labels.tif", name);
                    continue;
                }
                String id = m.group(1) + "_" + m.group(2);
                if (refs.containsKey(id)) {
                    skips.add("items whose chip appears in more than one labels collection", name);
                    continue;
                }
                Map<String, Path> files = new LinkedHashMap<>();
                files.put("label", labelFile);
                files.put("stac", dir.resolve("stac.json"));
                Path dates = dir.resolve("source_dates.csv");
                if (Files.isRegularFile(dates)) {
                    files.put("source_dates", dates);
                }
                refs.put(id, new SampleRef(id, Optional.empty(), m.group(1), true, files));
            }
            options.progress().progress(itemDirs.size(), itemDirs.size(), "listing LandCoverNet chips");
        }
        skips.report(options.warnings(), root.toString());
        return new LandCoverNet(root, options, List.copyOf(refs.values()), skips.toList(), Layout.STAC_ARCHIVE);
    }

    private static LandCoverNet openTree(Path root, Path tree, DatasetOptions options) throws IOException {
        SkipCounter skips = new SkipCounter(3);
        List<Path> tiles;
        try (Stream<Path> s = Files.list(tree)) {
            tiles = s.filter(p -> Files.isDirectory(p) && TILE.matcher(p.getFileName().toString()).matches())
                    .sorted().toList();
        }
        if (tiles.isEmpty()) {
            throw new InvalidDataException(tree, "has no <TILE> folder (such as 36SWF); expected " + EXPECTED);
        }
        List<SampleRef> refs = new ArrayList<>();
        int done = 0;
        for (Path tileDir : tiles) {
            options.progress().progress(done++, tiles.size(), "listing LandCoverNet tiles");
            String tile = tileDir.getFileName().toString();
            List<Path> chips;
            try (Stream<Path> s = Files.list(tileDir)) {
                chips = s.filter(p -> Files.isDirectory(p) && CHIP.matcher(p.getFileName().toString()).matches())
                        .sorted().toList();
            }
            for (Path chipDir : chips) {
                String chip = chipDir.getFileName().toString();
                String id = tile + "_" + chip;
                Path label = firstExisting(chipDir, id + "_2018_LC_10m.tif", id + "_LC_10m.tif");
                if (label == null) {
                    skips.add("chip folders without a <TILE>_<CHIP>_2018_LC_10m.tif label file", tile + "/" + chip);
                    continue;
                }
                Map<String, Path> files = new LinkedHashMap<>();
                files.put("label", label);
                Path dates = firstExisting(chipDir, id + "_labeling_dates.csv", "labeling_dates.csv");
                if (dates != null) {
                    files.put("source_dates", dates);
                }
                files.put("chip", chipDir);
                refs.add(new SampleRef(id, Optional.empty(), tile, true, files));
            }
        }
        options.progress().progress(tiles.size(), tiles.size(), "listing LandCoverNet tiles");
        if (refs.isEmpty() && skips.isEmpty()) {
            throw new InvalidDataException(tree, "has tile folders but no <CHIP> folder with a label file; expected "
                    + EXPECTED);
        }
        skips.report(options.warnings(), root.toString());
        return new LandCoverNet(root, options, refs, skips.toList(), Layout.TILE_CHIP_TREE);
    }

    private static Path firstExisting(Path dir, String... names) {
        for (String n : names) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    protected LandCoverNetSample decode(SampleRef ref) throws InvalidDataException {
        String tile = ref.group();
        String chip = ref.id().substring(ref.id().lastIndexOf('_') + 1);
        Map<Integer, String> names = DEFAULT_CLASS_NAMES;
        Optional<Map<String, Long>> counts = Optional.empty();
        List<SourceScene> scenes = new ArrayList<>();
        Path labelFile = ref.files().get("label");
        Optional<Path> stacFile = ref.file("stac");
        if (stacFile.isPresent()) {
            Path stac = stacFile.get();
            JsonNode item = IndexFiles.json(stac);
            String href = item.path("assets").path("labels").path("href").asText("labels.tif");
            labelFile = stac.getParent().resolve(href).normalize();
            names = classNames(item, stac);
            counts = classCounts(item, stac);
            scenes = stacScenes(item, stac);
        } else {
            scenes = treeScenes(ref.files().get("chip"));
        }
        List<LocalDate> dates = ref.file("source_dates").isPresent() ? readDates(ref.files().get("source_dates"))
                : List.of();
        Raster both = RasterFiles.requireBands(RasterFiles.read(labelFile), labelFile, 2,
                "band 1 class, band 2 consensus score");
        Raster label = RasterFiles.named(both.selectBands(0), List.of("class"));
        Raster consensus = RasterFiles.named(both.selectBands(1), List.of("consensus"));
        return new LandCoverNetSample(ref, tile, chip, label, consensus, names, counts, dates, scenes);
    }

    @Override
    public Optional<Raster> readLabel(SampleRef ref) throws InvalidDataException {
        Path labelFile = checkOwned(ref).files().get("label");
        Raster both = RasterFiles.requireBands(RasterFiles.read(labelFile), labelFile, 2,
                "band 1 class, band 2 consensus score");
        return Optional.of(RasterFiles.named(both.selectBands(0), List.of("class")));
    }

    private static Map<Integer, String> classNames(JsonNode item, Path stac) throws InvalidDataException {
        JsonNode values = item.path("assets").path("labels").path("file:values");
        if (!values.isArray() || values.isEmpty()) {
            return DEFAULT_CLASS_NAMES;
        }
        Map<Integer, String> out = new LinkedHashMap<>();
        for (JsonNode v : values) {
            JsonNode value = v.path("value");
            String summary = v.path("summary").asText(null);
            if (summary == null) {
                throw new InvalidDataException(stac, "assets.labels.file:values entry " + v + " has no summary");
            }
            if (value.isArray()) {
                for (JsonNode x : value) {
                    if (!x.canConvertToInt()) {
                        throw new InvalidDataException(stac, "assets.labels.file:values value " + x
                                + " is not an integer");
                    }
                    out.put(x.asInt(), summary);
                }
            } else if (value.canConvertToInt()) {
                out.put(value.asInt(), summary);
            } else {
                throw new InvalidDataException(stac, "assets.labels.file:values entry " + v + " has no integer value");
            }
        }
        return out;
    }

    private static Optional<Map<String, Long>> classCounts(JsonNode item, Path stac) throws InvalidDataException {
        JsonNode overviews = item.path("properties").path("label:overviews");
        if (!overviews.isArray() || overviews.isEmpty()) {
            return Optional.empty();
        }
        JsonNode chosen = overviews.get(0);
        for (JsonNode o : overviews) {
            if ("land_cover_type".equals(o.path("property_key").asText())) {
                chosen = o;
                break;
            }
        }
        JsonNode counts = chosen.path("counts");
        if (!counts.isArray()) {
            return Optional.empty();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonNode c : counts) {
            String name = c.path("name").asText(null);
            JsonNode count = c.path("count");
            if (name == null || !count.canConvertToLong() || count.asLong() < 0) {
                throw new InvalidDataException(stac, "label:overviews count entry " + c
                        + " is not {\"name\": <class>, \"count\": <non-negative integer>}");
            }
            out.merge(name, count.asLong(), Long::sum);
        }
        return Optional.of(out);
    }

    private List<SourceScene> stacScenes(JsonNode item, Path stac) {
        List<SourceScene> out = new ArrayList<>();
        int ignored = 0;
        String example = null;
        for (JsonNode link : item.path("links")) {
            if (!"source".equals(link.path("rel").asText())) {
                continue;
            }
            String href = link.path("href").asText("");
            Path target = stac.getParent().resolve(href).normalize();
            Path folder = href.endsWith(".json") ? target.getParent() : target;
            String name = folder == null || folder.getFileName() == null ? href : folder.getFileName().toString();
            Optional<Sensor> sensor = Sensor.fromCollectionName(name);
            Optional<LocalDate> date = SourceScene.dateIn(name);
            if (folder == null || sensor.isEmpty() || date.isEmpty()) {
                ignored++;
                example = href;
                continue;
            }
            out.add(new SourceScene(sensor.get(), date.get(), name, folder));
        }
        if (ignored > 0) {
            options().warnings().warning(stac.toString(), "ignored " + ignored + " source links whose target names no"
                    + " sensor collection and date (e.g. " + example + ")");
        }
        return out;
    }

    private List<SourceScene> treeScenes(Path chipDir) throws InvalidDataException {
        List<SourceScene> out = new ArrayList<>();
        for (Sensor sensor : Sensor.values()) {
            Path dir = chipDir.resolve(sensor.folderName());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> folders;
            try (Stream<Path> s = Files.list(dir)) {
                folders = s.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList();
            } catch (IOException e) {
                throw new InvalidDataException(dir, "cannot be listed: " + e.getMessage(), e);
            }
            for (Path f : folders) {
                String name = f.getFileName().toString();
                Optional<LocalDate> date = SourceScene.dateIn(name);
                if (date.isEmpty()) {
                    options().warnings().warning(f.toString(), "scene folder has no YYYYMMDD date in its name; ignored");
                    continue;
                }
                out.add(new SourceScene(sensor, date.get(), name, f));
            }
        }
        return out;
    }

    /**
     * Reads {@code source_dates.csv} / {@code labeling_dates.csv}: a header row, then rows {@code <index>,<YYYYMMDD>}.
     *
     * @throws InvalidDataException naming the line when a data row holds no date
     */
    public static List<LocalDate> readDates(Path file) throws InvalidDataException {
        List<String> lines = IndexFiles.lines(file);
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LocalDate date = null;
            for (String field : lines.get(i).split(",")) {
                String f = field.strip();
                if (f.length() == 8 && f.chars().allMatch(Character::isDigit)) {
                    try {
                        date = LocalDate.parse(f, DateTimeFormatter.BASIC_ISO_DATE);
                    } catch (DateTimeParseException e) {
                        throw new InvalidDataException(file, "line " + (i + 1) + ": '" + f + "' is not a valid date");
                    }
                }
            }
            if (date == null) {
                if (i == 0) {
                    continue; // the header row (",<TILE>")
                }
                throw new InvalidDataException(file, "line " + (i + 1) + ": '" + lines.get(i)
                        + "' holds no YYYYMMDD date; expected <index>,<YYYYMMDD>");
            }
            out.add(date);
        }
        return out;
    }
}
