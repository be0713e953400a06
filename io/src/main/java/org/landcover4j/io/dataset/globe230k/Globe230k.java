package org.landcover4j.io.dataset.globe230k;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
 * Reader of Globe230k (Shi et al., Journal of Remote Sensing 2023): 512 x 512 RGB patches with 10-class labels and
 * optional DEM, NDVI and Sentinel-1 modalities.
 *
 * <p>Layout: {@code <root>/image_patch/<name>.jpg}, {@code <root>/label_patch/<name>.png}, optional
 * {@code dem_patch/}, {@code ndvi_patch/}, {@code vvvh_patch/} with {@code <name>.tif}, and {@code train_num.txt},
 * {@code val_num.txt}, {@code test_num.txt} naming patches by bare name ({@code data_3}), as mmsegmentation-based
 * code expects it. The raw layout that the same code's converter reads is recognised too (which one the Zenodo
 * archive holds is unconfirmed): {@code RGB/patch_image/}, {@code patch_label/}, {@code DEM/patch_dem_selected/},
 * {@code NDVI/patch_ndvi_selected/}, {@code VVVH/patch_vvvh_selected/} and {@code train.txt}, {@code val.txt},
 * {@code test.txt}; {@link #layout()} tells which was found. A sample is an image; images without a label PNG are
 * unlabelled samples. Labels without an image, and split names without an image, are counted and reported.
 *
 * <p>Order: by the number in the name, then by name. Thread safety: immutable after opening; safe to read from
 * many threads.
 *
 * {@snippet :
 * Globe230k ds = Globe230k.open(Path.of("samples/globe230k"));
 * Globe230kSample s = ds.sample(0);
 * s.label();     // Optional[ByteRaster[uint8, 1x512x512]]
 * }
 */
public final class Globe230k extends DatasetBase<Globe230kSample> {

    /** The dataset id. */
    public static final String ID = "globe230k";

    static final String EXPECTED = "a folder holding image_patch/<name>.jpg and label_patch/<name>.png (optional "
            + "dem_patch/, ndvi_patch/, vvvh_patch/ and train_num.txt, val_num.txt, test_num.txt), or the raw layout "
            + "RGB/patch_image/<name>.jpg and patch_label/<name>.png (optional DEM/patch_dem_selected/, "
            + "NDVI/patch_ndvi_selected/, VVVH/patch_vvvh_selected/ and train.txt, val.txt, test.txt)";

    /**
     * Where the parts of a Globe230k folder live, relative to its root.
     *
     * @param name       {@code "mmseg"} or {@code "raw"}
     * @param images     folder of the RGB JPEGs
     * @param labels     folder of the label PNGs
     * @param modalities folders of the optional GeoTIFF modalities, by role ({@code dem}, {@code ndvi}, {@code vvvh})
     * @param splitFiles split list files, train, val, test
     */
    public record Layout(String name, String images, String labels, Map<String, String> modalities,
                         List<String> splitFiles) {
        /** Copies the collections. */
        public Layout {
            modalities = Collections.unmodifiableMap(new LinkedHashMap<>(modalities));
            splitFiles = List.copyOf(splitFiles);
        }
    }

    /** The layout of the mmsegmentation configs: {@code image_patch/}, {@code label_patch/}, {@code *_num.txt}. */
    public static final Layout MMSEG = new Layout("mmseg", "image_patch", "label_patch",
            orderedMap("dem", "dem_patch", "ndvi", "ndvi_patch", "vvvh", "vvvh_patch"),
            List.of("train_num.txt", "val_num.txt", "test_num.txt"));

    /** The raw layout the mmsegmentation converter reads: {@code RGB/patch_image/}, {@code patch_label/}, ... */
    public static final Layout RAW = new Layout("raw", "RGB/patch_image", "patch_label",
            orderedMap("dem", "DEM/patch_dem_selected", "ndvi", "NDVI/patch_ndvi_selected",
                    "vvvh", "VVVH/patch_vvvh_selected"),
            List.of("train.txt", "val.txt", "test.txt"));

    private final Layout layout;

    private Globe230k(Path root, DatasetInfo info, DatasetOptions options, List<SampleRef> refs,
                      List<Skipped> skipped, Layout layout) {
        super(root, info, options, refs, skipped);
        this.layout = layout;
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The layout this folder was found in: {@link #MMSEG} or {@link #RAW}. */
    public Layout layout() {
        return layout;
    }

    /** The layout of a folder, from the folder of its images; empty when it holds neither layout's image folder. */
    static Optional<Layout> detect(Path root) {
        for (Layout l : List.of(MMSEG, RAW)) {
            if (Files.isDirectory(root.resolve(l.images()))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    static DatasetInfo datasetInfo(List<Split> splits) {
        double nan = Double.NaN;
        List<BandInfo> bands = List.of(
                BandInfo.other("image", "red", "red, 8-bit RGB", nan),
                BandInfo.other("image", "green", "green, 8-bit RGB", nan),
                BandInfo.other("image", "blue", "blue, 8-bit RGB", nan),
                BandInfo.other("label", "label", "land cover class 1-10, 0 = unlabelled (ignore)", nan),
                BandInfo.other("dem", "elevation", "digital elevation model", nan),
                BandInfo.other("ndvi", "NDVI", "normalised difference vegetation index (NaN where unknown)", nan),
                BandInfo.other("vvvh", "VV", "Sentinel-1 backscatter, VV, dB", nan),
                BandInfo.other("vvvh", "VH", "Sentinel-1 backscatter, VH, dB", nan));
        return new DatasetInfo(ID, "Globe230k", "globe230k", bands, nan, nan, splits,
                "Shi et al. 2023, Globe230k, Journal of Remote Sensing, doi:10.34133/remotesensing.0078");
    }

    /** Opens a Globe230k folder with default options. */
    public static Globe230k open(Path root) throws IOException {
        return open(root, DatasetOptions.defaults());
    }

    /**
     * Opens a Globe230k folder.
     *
     * @throws InvalidDataException when {@code image_patch/} or {@code label_patch/} is missing, or a split file is
     *                              unreadable
     * @throws IOException          when a folder cannot be listed
     */
    public static Globe230k open(Path root, DatasetOptions options) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new InvalidDataException(root, "no such folder; expected " + EXPECTED);
        }
        Layout layout = detect(root).orElseThrow(() -> new InvalidDataException(root,
                "has no image_patch/ folder (the RGB JPEGs) and no RGB/patch_image/ folder; expected " + EXPECTED));
        Path imageDir = root.resolve(layout.images());
        Path labelDir = root.resolve(layout.labels());
        if (!Files.isDirectory(labelDir)) {
            throw new InvalidDataException(root, "has no " + layout.labels() + "/ folder (the label PNGs; "
                    + layout.images() + "/ is there); expected " + EXPECTED);
        }
        options.progress().progress(0, -1, "listing Globe230k patches");
        Set<String> images = stems(imageDir, ".jpg", ".jpeg");
        Set<String> labels = stems(labelDir, ".png");
        Map<String, Set<String>> optional = new LinkedHashMap<>();
        for (var m : layout.modalities().entrySet()) {
            Path dir = root.resolve(m.getValue());
            if (Files.isDirectory(dir)) {
                optional.put(m.getKey(), stems(dir, ".tif", ".tiff"));
            }
        }
        SkipCounter skips = new SkipCounter(3);
        Map<String, Split> splitOf = new HashMap<>();
        List<Split> defined = new ArrayList<>();
        for (String f : layout.splitFiles()) {
            Path file = root.resolve(f);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            int end = f.indexOf('_') > 0 ? f.indexOf('_') : f.indexOf('.');
            Split split = Split.parse(f.substring(0, end)).orElseThrow();
            defined.add(split);
            for (String line : IndexFiles.lines(file)) {
                String name = line.substring(line.lastIndexOf('/') + 1);
                int dot = name.lastIndexOf('.');
                String stem = dot > 0 ? name.substring(0, dot) : name;
                Split before = splitOf.putIfAbsent(stem, split);
                if (before != null && before != split) {
                    skips.add("names listed in more than one split file (the first listing is kept)", stem);
                }
                if (!images.contains(stem)) {
                    skips.add("names in the split files without an image", f + ": " + stem);
                }
            }
        }
        List<String> ordered = images.stream().sorted(Comparator.comparingLong(Globe230k::number)
                .thenComparing(Comparator.naturalOrder())).toList();
        List<SampleRef> refs = new ArrayList<>(ordered.size());
        Map<String, String> imageFileNames = fileNames(imageDir);
        for (String stem : ordered) {
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("image", imageDir.resolve(imageFileNames.get(stem)));
            boolean labelled = labels.contains(stem);
            if (labelled) {
                files.put("label", labelDir.resolve(stem + ".png"));
            }
            for (var e : optional.entrySet()) {
                if (e.getValue().contains(stem)) {
                    files.put(e.getKey(), root.resolve(layout.modalities().get(e.getKey())).resolve(stem + ".tif"));
                }
            }
            refs.add(new SampleRef(stem, Optional.ofNullable(splitOf.get(stem)), stem, labelled, files));
        }
        for (String l : labels) {
            if (!images.contains(l)) {
                skips.add("label PNGs without an image", l + ".png");
            }
        }
        options.progress().progress(refs.size(), refs.size(), "listing Globe230k patches");
        skips.report(options.warnings(), root.toString());
        return new Globe230k(root, datasetInfo(defined.stream().sorted().toList()), options, refs, skips.toList(),
                layout);
    }

    private static Map<String, String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jpg") || n.endsWith(".jpeg"))
                    .collect(Collectors.toMap(n -> n.substring(0, n.lastIndexOf('.')), n -> n, (a, b) -> a.compareTo(b) <= 0 ? a : b));
        }
    }

    private static Set<String> stems(Path dir, String... extensions) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> {
                        for (String e : extensions) {
                            if (n.endsWith(e)) {
                                return true;
                            }
                        }
                        return false;
                    })
                    .map(n -> n.substring(0, n.lastIndexOf('.')))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static long number(String stem) {
        int end = stem.length();
        int start = end;
        while (start > 0 && Character.isDigit(stem.charAt(start - 1))) {
            start--;
        }
        return start == end || end - start > 18 ? Long.MAX_VALUE : Long.parseLong(stem.substring(start, end));
    }

    @Override
    protected Globe230kSample decode(SampleRef ref) throws InvalidDataException {
        Path imageFile = ref.files().get("image");
        Raster image = RasterFiles.named(RasterFiles.requireBands(RasterFiles.read(imageFile), imageFile, 3,
                "red, green, blue"), List.of("red", "green", "blue"));
        Optional<Raster> label = part(ref, "label", 1, List.of("label"), image, imageFile);
        Optional<Raster> dem = part(ref, "dem", 1, List.of("elevation"), image, imageFile);
        Optional<Raster> ndvi = part(ref, "ndvi", 1, List.of("NDVI"), image, imageFile);
        Optional<Raster> vvvh = part(ref, "vvvh", 2, List.of("VV", "VH"), image, imageFile);
        return new Globe230kSample(ref, image, label, dem, ndvi, vvvh);
    }

    private static Optional<Raster> part(SampleRef ref, String role, int bands, List<String> names, Raster image,
                                         Path imageFile) throws InvalidDataException {
        Optional<Path> file = ref.file(role);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Raster r = RasterFiles.requireBands(RasterFiles.read(file.get()), file.get(), bands, String.join(", ", names));
        RasterFiles.requireSameSize(r, file.get(), image, imageFile);
        return Optional.of(RasterFiles.named(r, names));
    }

    @Override
    public Optional<Raster> readLabel(SampleRef ref) throws InvalidDataException {
        Optional<Path> file = checkOwned(ref).file("label");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RasterFiles.named(RasterFiles.requireBands(RasterFiles.read(file.get()), file.get(), 1,
                "label"), List.of("label")));
    }
}
