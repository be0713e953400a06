package org.landcover4j.io.dataset.landcovernet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.dataset.BandStack;
import org.landcover4j.io.dataset.RasterFiles;

/**
 * One source scene of a LandCoverNet chip's time series: a folder of single-band GeoTIFFs of one sensor on one
 * date, decoded only when {@link #read()} is called.
 *
 * <p>Band files are recognised in both namings found in real downloads: the STAC archive's {@code B02.tif} and the
 * per-asset naming {@code <TILE>_<CHIP>_<YYYYMMDD>_<BAND>_10m.tif} (old MLHub API and the {@code data/v1.0/2018}
 * layout). Bands are ordered as in {@link Sensor#bands()}, unknown extra bands after them by name.
 *
 * <p>Immutable and thread-safe (reading lists the folder and decodes the files on each call).
 *
 * {@snippet :
 * SourceScene scene = SourceScene.open(Path.of("52UEA_08_20180720"));   // a lone scene folder
 * scene.bandNames();    // [B01, B02, ..., B12, CLD, SCL]
 * Raster all = scene.read();            // 14 bands, uint16
 * Raster rgb = scene.read("B04", "B03", "B02");
 * }
 *
 * @param sensor the source sensor
 * @param date   acquisition date
 * @param id     the scene's name (its folder name)
 * @param folder the folder holding its band files (may be absent on disk after a partial download)
 */
public record SourceScene(Sensor sensor, LocalDate date, String id, Path folder) {

    private static final Pattern PER_ASSET = Pattern.compile("(?:.+_)?(\\d{8})_([A-Za-z0-9]+)_10m\\.tiff?");
    private static final Pattern PLAIN = Pattern.compile("([A-Za-z0-9]+)\\.tiff?");
    private static final Pattern DATE_IN_NAME = Pattern.compile("(?<!\\d)(\\d{8})(?!\\d)");

    /** Validates non-null components. */
    public SourceScene {
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(folder, "folder");
    }

    /** Order of a time series: by date, then sensor (S2, S1, L8), then id. */
    public static final Comparator<SourceScene> ORDER = Comparator.comparing(SourceScene::date)
            .thenComparing(SourceScene::sensor).thenComparing(SourceScene::id);

    /**
     * Opens a lone scene folder, such as one downloaded through the old per-asset API
     * ({@code 52UEA_08_20180720/52UEA_08_20180720_B02_10m.tif ...}). The date is the last 8-digit run of the folder
     * name; the sensor comes from the parent folder ({@code S2}, {@code S1}, {@code L8} or a STAC source
     * collection) or else from the band names ({@code B8A}, {@code CLD} or {@code SCL}: Sentinel-2; {@code VV} or
     * {@code VH}: Sentinel-1; {@code B01}-{@code B07} only: Landsat 8).
     *
     * @throws InvalidDataException when the folder is missing, has no date in its name, or no recognised band file
     */
    public static SourceScene open(Path folder) throws InvalidDataException {
        String name = folder.getFileName().toString();
        LocalDate date = dateIn(name).orElseThrow(() -> new InvalidDataException(folder,
                "has no date (YYYYMMDD) in its name; expected <TILE>_<CHIP>_<YYYYMMDD>"));
        Optional<Sensor> sensor = Sensor.fromCollectionName(name);
        Path parent = folder.toAbsolutePath().getParent();
        if (sensor.isEmpty() && parent != null && parent.getFileName() != null) {
            String p = parent.getFileName().toString();
            sensor = Sensor.fromFolderName(p).or(() -> Sensor.fromCollectionName(p + "_"));
        }
        if (sensor.isEmpty()) {
            Map<String, Path> files = listBands(folder);
            if (files.isEmpty()) {
                throw new InvalidDataException(folder, "holds no band file (expected <BAND>.tif or "
                        + "<TILE>_<CHIP>_<YYYYMMDD>_<BAND>_10m.tif)");
            }
            if (files.containsKey("B8A") || files.containsKey("CLD") || files.containsKey("SCL")) {
                sensor = Optional.of(Sensor.SENTINEL_2);
            } else if (files.containsKey("VV") || files.containsKey("VH")) {
                sensor = Optional.of(Sensor.SENTINEL_1);
            } else if (Sensor.LANDSAT_8.bands().containsAll(files.keySet())) {
                sensor = Optional.of(Sensor.LANDSAT_8);
            } else {
                throw new InvalidDataException(folder, "cannot tell the sensor from the bands " + files.keySet()
                        + "; put the folder under S2/, S1/ or L8/");
            }
        }
        return new SourceScene(sensor.get(), date, name, folder);
    }

    /** The last stand-alone 8-digit run of a name, as a date. */
    static Optional<LocalDate> dateIn(String name) {
        Matcher m = DATE_IN_NAME.matcher(name);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(last, DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the scene's folder is on disk. */
    public boolean present() {
        return Files.isDirectory(folder);
    }

    /**
     * The band files of this scene, band name to file, in canonical order.
     *
     * @throws InvalidDataException when the folder is missing (a partial download) or cannot be listed
     */
    public Map<String, Path> bandFiles() throws InvalidDataException {
        Map<String, Path> found = listBands(folder);
        Map<String, Path> ordered = new LinkedHashMap<>();
        for (String b : sensor.bands()) {
            if (found.containsKey(b)) {
                ordered.put(b, found.remove(b));
            }
        }
        found.keySet().stream().sorted().forEach(b -> ordered.put(b, found.get(b)));
        return ordered;
    }

    private static Map<String, Path> listBands(Path folder) throws InvalidDataException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(folder, "source scene folder is missing (a partial download?)", e);
        } catch (IOException e) {
            throw new InvalidDataException(folder, "cannot be listed: " + e.getMessage(), e);
        }
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path f : files) {
            String n = f.getFileName().toString();
            Matcher m = PER_ASSET.matcher(n);
            if (m.matches()) {
                out.put(m.group(2), f);
                continue;
            }
            m = PLAIN.matcher(n);
            if (m.matches()) {
                out.put(m.group(1), f);
            }
        }
        return out;
    }

    /** The names of the bands on disk, in canonical order. */
    public List<String> bandNames() throws InvalidDataException {
        return List.copyOf(bandFiles().keySet());
    }

    /**
     * Decodes every band and stacks them in canonical order (a common data type; see {@link BandStack}).
     *
     * @throws InvalidDataException naming the file when a band is missing, corrupt or of another size
     */
    public Raster read() throws InvalidDataException {
        Map<String, Path> files = bandFiles();
        if (files.isEmpty()) {
            throw new InvalidDataException(folder, "holds no band file (expected <BAND>.tif or "
                    + "<TILE>_<CHIP>_<YYYYMMDD>_<BAND>_10m.tif)");
        }
        return stack(files, List.copyOf(files.keySet()));
    }

    /**
     * Decodes the named bands, in the given order.
     *
     * @throws InvalidDataException when a band is not on disk or a file is corrupt
     */
    public Raster read(String... bands) throws InvalidDataException {
        if (bands.length == 0) {
            throw new IllegalArgumentException("name at least one band");
        }
        Map<String, Path> files = bandFiles();
        for (String b : bands) {
            if (!files.containsKey(b)) {
                throw new InvalidDataException(folder, "has no band " + b + "; bands on disk: " + files.keySet());
            }
        }
        return stack(files, List.of(bands));
    }

    private Raster stack(Map<String, Path> files, List<String> bands) throws InvalidDataException {
        List<Raster> rasters = new ArrayList<>(bands.size());
        Path firstFile = null;
        for (String b : bands) {
            Path f = files.get(b);
            Raster r = RasterFiles.requireBands(RasterFiles.read(f), f, 1, "one band per file");
            if (!rasters.isEmpty()) {
                RasterFiles.requireSameSize(r, f, rasters.get(0), firstFile);
            } else {
                firstFile = f;
            }
            rasters.add(r);
        }
        return BandStack.stack(rasters, bands);
    }

    @Override
    public String toString() {
        return "SourceScene[" + sensor + " " + date + ", " + id + (present() ? "" : ", not on disk") + "]";
    }
}
