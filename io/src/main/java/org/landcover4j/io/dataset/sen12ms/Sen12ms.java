package org.landcover4j.io.dataset.sen12ms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.landcover4j.io.dataset.SpectralBands;

/**
 * Reader of SEN12MS (Schmitt et al. 2019): Sentinel-1 / Sentinel-2 / MODIS land-cover patch triplets.
 *
 * <p>Layout: {@code <root>/ROIs<seed>_<season>/<s1|s2|lc>_<scene>/ROIs<seed>_<season>_<sensor>_<scene>_p<patch>.tif},
 * as the twelve mediaTUM archives extract. A sample is a complete triplet joined by name; files missing one of
 * their three parts are counted in {@link #skipped()} and reported in one warning. Sample ids drop the sensor:
 * {@code ROIs1158_spring_63_p12}. Order: season (spring, summer, fall, winter), scene, patch, numerically.
 *
 * <p>Splits: the official {@code train_list.txt} and {@code test_list.txt} (S2 file names, in the root or in
 * {@code splits/}) assign train and test; when one is absent, {@code SEN12MS_holdOutScenes.txt} fills it in (its
 * scenes are the test scenes, every other patch except the known broken one is train). There is no official
 * validation split: {@link #withValidationSplit(double, long)} moves whole scenes of train into val, as torchgeo's
 * datamodule does. The known broken patch {@value #KNOWN_BROKEN} (NaN in S1) is flagged in its sample's
 * {@code knownIssue} and is never put in train by the hold-out rule.
 *
 * <p>Thread safety: immutable after opening; safe to read from many threads.
 *
 * {@snippet :
 * Sen12ms ds = Sen12ms.open(Path.of("samples/sen12ms"));
 * Sen12ms withVal = ds.withValidationSplit(0.2, 42);      // scene-grouped validation
 * Sen12msSample s = ds.sample(0);
 * s.s2().metadata().bandNames();                          // [B01, B02, ..., B12]
 * }
 */
public final class Sen12ms extends DatasetBase<Sen12msSample> {

    /** The dataset id. */
    public static final String ID = "sen12ms";

    /** The S1 file name of the known broken patch (NaN in S1; removed from the official train list). */
    public static final String KNOWN_BROKEN = "ROIs1868_summer_s1_146_p202";

    /** The sample id of the known broken patch. */
    public static final String KNOWN_BROKEN_ID = "ROIs1868_summer_146_p202";

    static final String EXPECTED = "ROIs<seed>_<season>/ folders (spring, summer, fall, winter) holding "
            + "s1_<scene>/, s2_<scene>/ and lc_<scene>/ patch folders";

    private static final Pattern SEASON_DIR = Pattern.compile("ROIs(\\d{4})_(spring|summer|fall|winter)");
    private static final Pattern SENSOR_DIR = Pattern.compile("(s1|s2|lc)_(\\d{1,6})");
    private static final Pattern FILE = Pattern.compile(
            "ROIs(\\d{4})_(spring|summer|fall|winter)_(s1|s2|lc)_(\\d{1,6})_p(\\d{1,7})\\.tif");
    private static final Pattern HOLD_OUT = Pattern.compile("(ROIs\\d{4}_(?:spring|summer|fall|winter))/"
            + "(?:s1|s2|lc)_(\\d{1,6})");
    private static final List<String> SENSORS = List.of("s1", "s2", "lc");

    /** Band names of the s1 raster. */
    public static final List<String> S1_BANDS = List.of("VV", "VH");
    /** Band names of the lc raster. */
    public static final List<String> LC_BANDS = List.of("IGBP", "LCCS_LC", "LCCS_LU", "LCCS_SH");

    private final Map<String, Key> keys;

    /** Parsed identity of one patch. */
    record Key(Season season, int seed, int scene, int patch) {
        String id() {
            return "ROIs" + seed + "_" + season.id() + "_" + scene + "_p" + patch;
        }

        String group() {
            return "ROIs" + seed + "_" + season.id() + "/" + scene;
        }

        String fileName(String sensor) {
            return "ROIs" + seed + "_" + season.id() + "_" + sensor + "_" + scene + "_p" + patch + ".tif";
        }
    }

    private Sen12ms(Path root, DatasetInfo info, DatasetOptions options, List<SampleRef> refs,
                    List<Skipped> skipped, Map<String, Key> keys) {
        super(root, info, options, refs, skipped);
        this.keys = keys;
    }

    /** Opens a SEN12MS folder with default options. */
    public static Sen12ms open(Path root) throws IOException {
        return open(root, DatasetOptions.defaults());
    }

    /**
     * Opens a SEN12MS folder: lists the season and sensor folders, joins triplets, reads the split lists.
     *
     * @throws InvalidDataException when no season folder, or no folder of one of the three sensors, exists, or
     *                              when a split list is unreadable
     * @throws IOException          when a folder cannot be listed
     */
    public static Sen12ms open(Path root, DatasetOptions options) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new InvalidDataException(root, "no such folder; expected a SEN12MS folder holding " + EXPECTED);
        }
        List<Path> seasonDirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.isDirectory(p) && SEASON_DIR.matcher(p.getFileName().toString()).matches())
                    .forEach(seasonDirs::add);
        }
        if (seasonDirs.isEmpty()) {
            throw new InvalidDataException(root, "has no ROIs<seed>_<season> folder; expected " + EXPECTED);
        }
        seasonDirs.sort(Comparator.comparing(p -> seasonOf(p).ordinal()));
        SkipCounter skips = new SkipCounter(3);
        // key -> [s1, s2, lc]
        Map<Key, Path[]> triplets = new TreeMap<>(Comparator.comparing((Key k) -> k.season().ordinal())
                .thenComparingInt(Key::seed).thenComparingInt(Key::scene).thenComparingInt(Key::patch));
        Set<String> sensorsSeen = new HashSet<>();
        int dirsDone = 0;
        List<Path> sensorDirs = new ArrayList<>();
        for (Path seasonDir : seasonDirs) {
            try (Stream<Path> s = Files.list(seasonDir)) {
                s.filter(Files::isDirectory).sorted().forEach(sensorDirs::add);
            }
        }
        for (Path dir : sensorDirs) {
            options.progress().progress(dirsDone++, sensorDirs.size(), "listing SEN12MS scenes");
            Matcher dm = SENSOR_DIR.matcher(dir.getFileName().toString());
            if (!dm.matches()) {
                continue;
            }
            String sensor = dm.group(1);
            sensorsSeen.add(sensor);
            Matcher sm = SEASON_DIR.matcher(dir.getParent().getFileName().toString());
            sm.matches();
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                String name = f.getFileName().toString();
                Matcher fm = FILE.matcher(name);
                if (!fm.matches() || !fm.group(1).equals(sm.group(1)) || !fm.group(2).equals(sm.group(2))
                        || !fm.group(3).equals(sensor) || Integer.parseInt(fm.group(4)) != Integer.parseInt(dm.group(2))) {
                    if (name.endsWith(".tif")) {
                        skips.add("files whose name does not match their folder (expected ROIs<seed>_<season>_"
                                + "<sensor>_<scene>_p<patch>.tif)", seasonDirName(dir) + "/" + name);
                    }
                    continue;
                }
                Key key = new Key(Season.parse(fm.group(2)).orElseThrow(), Integer.parseInt(fm.group(1)),
                        Integer.parseInt(fm.group(4)), Integer.parseInt(fm.group(5)));
                triplets.computeIfAbsent(key, k -> new Path[3])[SENSORS.indexOf(sensor)] = f;
            }
        }
        options.progress().progress(sensorDirs.size(), sensorDirs.size(), "listing SEN12MS scenes");
        for (String sensor : SENSORS) {
            if (!sensorsSeen.contains(sensor)) {
                throw new InvalidDataException(root, "has no " + sensor + "_<scene> folder in any ROIs<seed>_<season>"
                        + " folder; expected " + EXPECTED + " (extract every ROIs*_" + sensor + ".tar.gz archive here)");
            }
        }

        Splits splits = Splits.load(root, skips, options);
        List<SampleRef> refs = new ArrayList<>(triplets.size());
        Map<String, Key> keys = new HashMap<>(triplets.size() * 2);
        Set<String> listedFound = new HashSet<>();
        for (var e : triplets.entrySet()) {
            Key k = e.getKey();
            Path[] p = e.getValue();
            if (p[0] == null || p[1] == null || p[2] == null) {
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    if (p[i] == null) {
                        missing.add(SENSORS.get(i));
                    }
                }
                skips.add("patches without a complete s1/s2/lc triplet", k.id() + " (no " + String.join(", ", missing)
                        + ")");
                continue;
            }
            Optional<Split> split = splits.splitOf(k);
            if (split.isPresent()) {
                listedFound.add(k.id());
            }
            var files = new java.util.LinkedHashMap<String, Path>();
            files.put("s1", p[0]);
            files.put("s2", p[1]);
            files.put("lc", p[2]);
            refs.add(new SampleRef(k.id(), split, k.group(), true, files));
            keys.put(k.id(), k);
        }
        splits.reportMissing(listedFound, skips);
        skips.report(options.warnings(), root.toString());
        return new Sen12ms(root, datasetInfo(splits.defined()), options, refs, skips.toList(), Collections.unmodifiableMap(keys));
    }

    private static String seasonDirName(Path sensorDir) {
        return sensorDir.getParent().getFileName() + "/" + sensorDir.getFileName();
    }

    private static Season seasonOf(Path seasonDir) {
        Matcher m = SEASON_DIR.matcher(seasonDir.getFileName().toString());
        m.matches();
        return Season.parse(m.group(2)).orElseThrow();
    }

    static DatasetInfo datasetInfo(List<Split> splits) {
        List<BandInfo> bands = new ArrayList<>(SpectralBands.sentinel1("s1", "dB"));
        bands.addAll(SpectralBands.sentinel2("s2", SpectralBands.S2_ALL_13));
        bands.add(BandInfo.other("lc", "IGBP", "MODIS MCD12Q1 IGBP land cover (LC_Type1), values 1-17", 500));
        bands.add(BandInfo.other("lc", "LCCS_LC", "MODIS MCD12Q1 LCCS land cover (LC_Prop1)", 500));
        bands.add(BandInfo.other("lc", "LCCS_LU", "MODIS MCD12Q1 LCCS land use (LC_Prop2)", 500));
        bands.add(BandInfo.other("lc", "LCCS_SH", "MODIS MCD12Q1 LCCS surface hydrology (LC_Prop3)", 500));
        return new DatasetInfo(ID, "SEN12MS", "igbp", bands, 10, 10, splits,
                "Schmitt et al. 2019, SEN12MS, ISPRS Annals IV-2/W7; mediaTUM m1474000");
    }

    /**
     * The sample ids named by a split list ({@code train_list.txt} or {@code test_list.txt}: one S2, S1 or LC
     * file name per line), in file order.
     *
     * @throws InvalidDataException naming the line when one is not a SEN12MS file name
     */
    public static List<String> readSplitList(Path file) throws InvalidDataException {
        List<String> lines = IndexFiles.lines(file);
        List<String> ids = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i);
            int slash = name.lastIndexOf('/');
            Matcher m = FILE.matcher(slash >= 0 ? name.substring(slash + 1) : name);
            if (!m.matches()) {
                throw new InvalidDataException(file, "line " + (i + 1) + ": '" + name + "' is not a SEN12MS file name"
                        + " (expected ROIs<seed>_<season>_s2_<scene>_p<patch>.tif)");
            }
            ids.add("ROIs" + m.group(1) + "_" + m.group(2) + "_" + Integer.parseInt(m.group(4)) + "_p"
                    + Integer.parseInt(m.group(5)));
        }
        return ids;
    }

    /**
     * The scene groups named by {@code SEN12MS_holdOutScenes.txt} (lines like {@code ROIs1158_spring/s1_63}), as
     * group keys {@code ROIs1158_spring/63}.
     */
    public static Set<String> readHoldOutScenes(Path file) throws InvalidDataException {
        List<String> lines = IndexFiles.lines(file);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = HOLD_OUT.matcher(lines.get(i));
            if (!m.matches()) {
                throw new InvalidDataException(file, "line " + (i + 1) + ": '" + lines.get(i) + "' is not a scene"
                        + " folder (expected ROIs<seed>_<season>/s1_<scene>)");
            }
            out.add(m.group(1) + "/" + Integer.parseInt(m.group(2)));
        }
        return out;
    }

    /** The official splits found in the folder. */
    private record Splits(Path trainFile, Path testFile, Path holdOutFile, Set<String> train, Set<String> test,
                          Set<String> holdOut, List<Split> defined) {

        static Splits load(Path root, SkipCounter skips, DatasetOptions options) throws InvalidDataException {
            Path train = find(root, "train_list.txt");
            Path test = find(root, "test_list.txt");
            Path hold = find(root, "SEN12MS_holdOutScenes.txt");
            Set<String> tr = train == null ? Set.of() : new LinkedHashSet<>(readSplitList(train));
            Set<String> te = test == null ? Set.of() : new LinkedHashSet<>(readSplitList(test));
            Set<String> ho = hold == null ? Set.of() : readHoldOutScenes(hold);
            if (train != null && test != null) {
                long both = tr.stream().filter(te::contains).count();
                if (both > 0) {
                    options.warnings().warning(root.toString(), both + " patches are listed in both train_list.txt"
                            + " and test_list.txt; they are put in test");
                }
            }
            List<Split> defined = train == null && test == null && hold == null ? List.of()
                    : List.of(Split.TRAIN, Split.TEST);
            return new Splits(train, test, hold, tr, te, ho, defined);
        }

        private static Path find(Path root, String name) {
            for (Path p : List.of(root.resolve(name), root.resolve("splits").resolve(name))) {
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
            return null;
        }

        Optional<Split> splitOf(Key k) {
            String id = k.id();
            boolean inTest = testFile != null ? test.contains(id) : holdOutFile != null && holdOut.contains(k.group());
            if (inTest) {
                return Optional.of(Split.TEST);
            }
            boolean inTrain = trainFile != null ? train.contains(id)
                    : holdOutFile != null && !holdOut.contains(k.group()) && !id.equals(KNOWN_BROKEN_ID);
            return inTrain ? Optional.of(Split.TRAIN) : Optional.empty();
        }

        void reportMissing(Set<String> found, SkipCounter skips) {
            for (var e : List.of(Map.entry("train_list.txt", train), Map.entry("test_list.txt", test))) {
                for (String id : e.getValue()) {
                    if (!found.contains(id)) {
                        skips.add("names in " + e.getKey() + " without a complete triplet on disk", id);
                    }
                }
            }
        }
    }

    /**
     * A copy of this dataset in which a fraction of the training scenes (whole scenes, so that no scene is in both)
     * forms a validation split, like torchgeo's {@code group_shuffle_split}: the train scenes are shuffled with the
     * seed and the first {@code round(fraction * scenes)} become validation (at least one when {@code fraction > 0}
     * and there are two or more scenes).
     *
     * @param fraction share of training scenes moved to validation, in [0, 1)
     * @param seed     shuffle seed; the same seed gives the same split
     * @throws IllegalArgumentException if {@code fraction} is out of range or the dataset has no train split
     */
    public Sen12ms withValidationSplit(double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
        }
        List<String> groups = refs().stream().filter(r -> r.split().equals(Optional.of(Split.TRAIN)))
                .map(SampleRef::group).distinct().sorted().toList();
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no training samples to take a validation split from in " + this);
        }
        List<String> shuffled = new ArrayList<>(groups);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            Collections.swap(shuffled, i, rnd.nextInt(i + 1));
        }
        int n = (int) Math.round(fraction * groups.size());
        if (n == 0 && fraction > 0 && groups.size() >= 2) {
            n = 1;
        }
        n = Math.min(n, groups.size() - 1);
        Set<String> val = new HashSet<>(shuffled.subList(0, n));
        List<SampleRef> refs = new ArrayList<>(size());
        for (SampleRef r : refs()) {
            refs.add(r.split().equals(Optional.of(Split.TRAIN)) && val.contains(r.group())
                    ? r.withSplit(Optional.of(Split.VAL)) : r);
        }
        return new Sen12ms(root(), datasetInfo(List.of(Split.TRAIN, Split.VAL, Split.TEST)), options(), refs, skipped(),
                keys);
    }

    @Override
    protected Sen12msSample decode(SampleRef ref) throws InvalidDataException {
        Key k = keys.get(ref.id());
        Path p1 = ref.files().get("s1");
        Path p2 = ref.files().get("s2");
        Path pl = ref.files().get("lc");
        Raster s1 = RasterFiles.named(RasterFiles.requireBands(RasterFiles.read(p1), p1, 2, "Sentinel-1 VV, VH"),
                S1_BANDS);
        Raster s2 = RasterFiles.named(RasterFiles.requireBands(RasterFiles.read(p2), p2, 13,
                "Sentinel-2 B01-B12 with B8A and B10"), SpectralBands.S2_ALL_13);
        Raster lc = RasterFiles.named(RasterFiles.requireBands(RasterFiles.read(pl), pl, 4,
                "IGBP, LCCS land cover, land use, surface hydrology"), LC_BANDS);
        RasterFiles.requireSameSize(s1, p1, s2, p2);
        RasterFiles.requireSameSize(lc, pl, s2, p2);
        Optional<String> issue = ref.id().equals(KNOWN_BROKEN_ID)
                ? Optional.of(KNOWN_BROKEN + " contains NaN in S1 and is removed from the official train list")
                : Optional.empty();
        return new Sen12msSample(ref, k.season(), k.seed(), k.scene(), k.patch(), s1, s2, lc, issue);
    }

    /** Decodes only the IGBP band of a sample's land-cover file. */
    @Override
    public Optional<Raster> readLabel(SampleRef ref) throws InvalidDataException {
        Path pl = checkOwned(ref).files().get("lc");
        Raster lc = RasterFiles.requireBands(RasterFiles.read(pl), pl, 4,
                "IGBP, LCCS land cover, land use, surface hydrology");
        return Optional.of(RasterFiles.named(lc.selectBands(0), List.of("IGBP")));
    }
}
