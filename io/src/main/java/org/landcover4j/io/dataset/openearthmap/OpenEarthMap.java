package org.landcover4j.io.dataset.openearthmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.dataset.BandInfo;
import org.landcover4j.core.dataset.DatasetInfo;
import org.landcover4j.core.dataset.DatasetOptions;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Skipped;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.dataset.DatasetBase;
import org.landcover4j.io.dataset.IndexFiles;
import org.landcover4j.io.dataset.RasterFiles;
import org.landcover4j.io.dataset.SkipCounter;

/**
 * Reader of OpenEarthMap (Xia et al., WACV 2023) as distributed on Zenodo ({@code OpenEarthMap_wo_xBD/}).
 *
 * <p>Layout: {@code <root>/<region>/images/<region>_<n>.tif} with {@code <region>/labels/<region>_<n>.tif}, and
 * {@code train.txt}, {@code val.txt}, {@code test.txt} in the root naming files <em>with</em> {@code .tif}. A sample
 * is an image, labelled or not: test images have no label in the public release and yield unlabelled samples.
 * The region is the file stem up to its last {@code _} (regions such as {@code buenos_aires} and
 * {@code kujawsko-pomorskie} contain {@code _} and {@code -}). Label masks without an image (the xBD tiles, whose
 * images are distributed separately) and split-file names without an image are counted and reported.
 *
 * <p>Order: region, then the tile number, numerically. Thread safety: immutable after opening; safe to read from
 * many threads.
 *
 * {@snippet :
 * OpenEarthMap ds = OpenEarthMap.open(Path.of("samples/openearthmap"));
 * // OpenEarthMap[root=samples/openearthmap, samples=9, splits={train=5, val=2, test=2}]
 * OpenEarthMapSample s = ds.sample("aachen_1");
 * s.image().geoReference();   // the file's own CRS and transform
 * }
 */
public final class OpenEarthMap extends DatasetBase<OpenEarthMapSample> {

    /** The dataset id. */
    public static final String ID = "openearthmap";

    static final String EXPECTED = "the OpenEarthMap_wo_xBD folder holding <region>/images/<region>_<n>.tif, "
            + "<region>/labels/ and train.txt, val.txt, test.txt";

    private static final List<String> SPLIT_FILES = List.of("train.txt", "val.txt", "test.txt");

    private OpenEarthMap(Path root, DatasetInfo info, DatasetOptions options, List<SampleRef> refs,
                         List<Skipped> skipped) {
        super(root, info, options, refs, skipped);
    }

    static DatasetInfo datasetInfo(List<Split> splits) {
        List<BandInfo> bands = List.of(
                BandInfo.other("image", "red", "red, 8-bit aerial / satellite RGB", 0.25),
                BandInfo.other("image", "green", "green, 8-bit aerial / satellite RGB", 0.25),
                BandInfo.other("image", "blue", "blue, 8-bit aerial / satellite RGB", 0.25),
                BandInfo.other("label", "label", "land cover class 1-8, 0 = unknown", 0.25));
        return new DatasetInfo(ID, "OpenEarthMap", "openearthmap", bands, 0.25, 0.5, splits,
                "Xia et al. 2023, OpenEarthMap, WACV; Zenodo record 7223446");
    }

    /** Opens an OpenEarthMap folder with default options. */
    public static OpenEarthMap open(Path root) throws IOException {
        return open(root, DatasetOptions.defaults());
    }

    /**
     * Opens an OpenEarthMap folder.
     *
     * @throws InvalidDataException when no {@code <region>/images/} folder or no {@code <region>/labels/} folder
     *                              exists, or a split file is unreadable
     * @throws IOException          when a folder cannot be listed
     */
    public static OpenEarthMap open(Path root, DatasetOptions options) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new InvalidDataException(root, "no such folder; expected " + EXPECTED);
        }
        List<Path> regions;
        try (Stream<Path> s = Files.list(root)) {
            regions = s.filter(p -> Files.isDirectory(p.resolve("images")) || Files.isDirectory(p.resolve("labels")))
                    .sorted().toList();
        }
        if (regions.stream().noneMatch(p -> Files.isDirectory(p.resolve("images")))) {
            throw new InvalidDataException(root, "has no <region>/images/ folder; expected " + EXPECTED);
        }
        if (regions.stream().noneMatch(p -> Files.isDirectory(p.resolve("labels")))) {
            throw new InvalidDataException(root, "has no <region>/labels/ folder (the label masks); expected "
                    + EXPECTED);
        }
        SkipCounter skips = new SkipCounter(3);
        Map<String, Split> splitOf = new HashMap<>();
        List<Split> defined = new ArrayList<>();
        Map<String, String> listedIn = new LinkedHashMap<>();
        for (String f : SPLIT_FILES) {
            Path file = root.resolve(f);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Split split = Split.parse(f.substring(0, f.indexOf('.'))).orElseThrow();
            defined.add(split);
            for (String line : IndexFiles.lines(file)) {
                String name = line.substring(line.lastIndexOf('/') + 1);
                String stem = name.endsWith(".tif") ? name.substring(0, name.length() - 4) : name;
                Split before = splitOf.putIfAbsent(stem, split);
                if (before != null && before != split) {
                    skips.add("names listed in more than one split file (the first listing is kept)", stem);
                }
                listedIn.putIfAbsent(stem, f);
            }
        }
        List<Entry> entries = new ArrayList<>();
        int done = 0;
        int mismatched = 0;
        String mismatchExample = null;
        for (Path regionDir : regions) {
            options.progress().progress(done++, regions.size(), "listing OpenEarthMap regions");
            Set<String> images = listTifs(regionDir.resolve("images"));
            Set<String> labels = listTifs(regionDir.resolve("labels"));
            for (String name : images) {
                String stem = name.substring(0, name.lastIndexOf('.'));
                String region = regionOf(stem);
                if (!region.equals(regionDir.getFileName().toString())) {
                    mismatched++;
                    mismatchExample = regionDir.getFileName() + "/images/" + name;
                }
                Map<String, Path> files = new LinkedHashMap<>();
                files.put("image", regionDir.resolve("images").resolve(name));
                boolean labelled = labels.contains(name);
                if (labelled) {
                    files.put("label", regionDir.resolve("labels").resolve(name));
                }
                entries.add(new Entry(region, tileNumber(stem), stem,
                        new SampleRef(stem, Optional.ofNullable(splitOf.get(stem)), region, labelled, files)));
            }
            for (String name : labels) {
                if (!images.contains(name)) {
                    skips.add("label masks without an image (xBD images are distributed separately; see "
                            + "xbd_files.csv)", regionDir.getFileName() + "/labels/" + name);
                }
            }
        }
        options.progress().progress(regions.size(), regions.size(), "listing OpenEarthMap regions");
        if (mismatched > 0) {
            options.warnings().warning(root.toString(), mismatched + " images are in a folder other than their "
                    + "region (the stem up to the last '_'), e.g. " + mismatchExample + "; the name's region is used");
        }
        entries.sort(Comparator.comparing(Entry::region).thenComparingLong(Entry::number)
                .thenComparing(Entry::stem));
        Set<String> ids = new HashSet<>();
        List<SampleRef> refs = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (!ids.add(e.stem())) {
                skips.add("images whose name appears in more than one region folder", e.ref().files().get("image")
                        .toString());
                continue;
            }
            refs.add(e.ref());
        }
        for (var e : listedIn.entrySet()) {
            if (!ids.contains(e.getKey())) {
                skips.add("names in the split files without an image file", e.getValue() + ": " + e.getKey() + ".tif");
            }
        }
        skips.report(options.warnings(), root.toString());
        return new OpenEarthMap(root, datasetInfo(defined.stream().sorted().toList()), options, refs, skips.toList());
    }

    private record Entry(String region, long number, String stem, SampleRef ref) {
    }

    private static Set<String> listTifs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tif") || n.endsWith(".tiff"))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    /** The region of a file stem: everything before its last {@code _} (the whole stem when it has none). */
    public static String regionOf(String stem) {
        int i = stem.lastIndexOf('_');
        return i > 0 ? stem.substring(0, i) : stem;
    }

    private static long tileNumber(String stem) {
        int i = stem.lastIndexOf('_');
        String n = i >= 0 ? stem.substring(i + 1) : "";
        if (n.isEmpty() || n.length() > 18 || !n.chars().allMatch(Character::isDigit)) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(n);
    }

    @Override
    protected OpenEarthMapSample decode(SampleRef ref) throws InvalidDataException {
        Path imageFile = ref.files().get("image");
        Raster image = RasterFiles.named(RasterFiles.requireBands(RasterFiles.read(imageFile), imageFile, 3,
                "red, green, blue"), List.of("red", "green", "blue"));
        Optional<Raster> label = Optional.empty();
        if (ref.file("label").isPresent()) {
            Path labelFile = ref.files().get("label");
            Raster l = RasterFiles.requireBands(RasterFiles.read(labelFile), labelFile, 1, "the class mask");
            RasterFiles.requireSameSize(l, labelFile, image, imageFile);
            label = Optional.of(RasterFiles.named(l, List.of("label")));
        }
        return new OpenEarthMapSample(ref, ref.group(), image, label);
    }

    @Override
    public Optional<Raster> readLabel(SampleRef ref) throws InvalidDataException {
        Optional<Path> labelFile = checkOwned(ref).file("label");
        if (labelFile.isEmpty()) {
            return Optional.empty();
        }
        Raster l = RasterFiles.requireBands(RasterFiles.read(labelFile.get()), labelFile.get(), 1, "the class mask");
        return Optional.of(RasterFiles.named(l, List.of("label")));
    }
}
