package org.landcover4j.io.arrow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.dataset.Dataset;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.dataset.Split;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.RasterInfo;
import org.landcover4j.io.Rasters;
import org.landcover4j.io.dataset.landcovernet.LandCoverNetSample;
import org.landcover4j.io.dataset.opensentinelmap.OpenSentinelMap;
import org.landcover4j.io.dataset.opensentinelmap.OpenSentinelMapSample;
import org.landcover4j.taxonomy.Taxonomy;
import org.landcover4j.taxonomy.TaxonomyRegistry;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns an opened {@link Dataset} into manifest rows: one {@link ManifestRow} per sample, with its files relative
 * to the dataset root, CRS, footprint, the histogram of its primary label band and per-sample statistics.
 *
 * <p>What a row holds:
 * <ul>
 *   <li>{@code files}: every role of the sample's {@link SampleRef#files()}, as a path relative to the dataset root
 *       with {@code /} separators.</li>
 *   <li>{@code crs} and {@code footprint}: from the primary label's georeference; for unlabelled samples from the
 *       header of the first raster file of the sample ({@link Rasters#probe(Path)}, no pixels decoded), and for
 *       OpenSentinelMap cells from the reconstructed UTM cell. Empty when nothing is georeferenced (Globe230k).</li>
 *   <li>{@code label_histogram}: pixel count of every raw value of the primary label band (nodata and ignore values
 *       included), computed with {@link Kernels#histogram}; empty for unlabelled samples.</li>
 *   <li>{@code statistics} of labelled samples: {@code label_pixels}; with the dataset's taxonomy (its ignore
 *       classes): {@code ignore_fraction} (pixels of ignore classes over all pixels), {@code class_count}
 *       (distinct non-ignore values present), {@code majority_class} and {@code majority_fraction} (the most
 *       frequent non-ignore value, ties to the smaller value, and its share of the non-ignore pixels; NaN when
 *       there is none). LandCoverNet adds the consensus band's {@code consensus_mean}, {@code consensus_min},
 *       {@code consensus_max} and {@code consensus_100_fraction} (share of pixels scored 100) over all pixels of
 *       the chip, and {@code stac_counts_match} (1 when the per-class counts in the chip's STAC item
 *       {@code label:overviews} equal the label histogram, No Data (0) aside since the item omits it; 0 when not;
 *       absent without a STAC item).</li>
 * </ul>
 *
 * <p>Thread safety: stateless; every method may be called from many threads (datasets are thread-safe readers).
 * To write a whole dataset to a file, with several decoding threads and bounded memory, use
 * {@link #export(Dataset)}.
 *
 * {@snippet :
 * try (var ds = Datasets.open(Path.of("samples/openearthmap"))) {
 *     ManifestRow row = Manifests.row(ds, ds.refs().get(0));
 *     row.labelHistogram();                 // {0=1203, 1=5311, ...}
 *     Manifests.export(ds).threads(4).write(Path.of("manifest.arrow"));
 * }
 * }
 */
public final class Manifests {

    private static final ThreadLocal<long[]> SCRATCH16 = ThreadLocal.withInitial(() -> new long[65536]);

    private Manifests() {
    }

    /** An export of {@code dataset} to write: set threads, progress and tiles, then call {@code write}. */
    public static ManifestExport export(Dataset<?> dataset) {
        return ManifestExport.of(dataset);
    }

    /**
     * The manifest row of one sample. Decodes only the primary label (LandCoverNet: the label file's two bands;
     * OpenSentinelMap: the cell's label image), never the imagery.
     *
     * @throws InvalidDataException naming the file when the label is missing or corrupt
     */
    public static ManifestRow row(Dataset<?> dataset, SampleRef ref) throws InvalidDataException {
        return facts(dataset, ref, ignorePredicate(dataset)).row();
    }

    /**
     * The manifest rows of every sample, in the dataset's order, computed lazily on the calling thread.
     * A corrupt sample ends the stream with an {@link UncheckedIOException} whose cause names the file.
     */
    public static Stream<ManifestRow> rows(Dataset<?> dataset) {
        IntPredicate ignore = ignorePredicate(dataset);
        return dataset.refs().stream().map(ref -> {
            try {
                return facts(dataset, ref, ignore).row();
            } catch (InvalidDataException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The pixel count of every value of band 0 of {@code label}, sorted by value; values are read as the raster's
     * data type says (signed types give negative values). Uses {@link Kernels#histogram} for 8- and 16-bit rasters.
     *
     * @throws IllegalArgumentException if the raster holds a non-integer value (floating-point labels must hold
     *                                  whole numbers; NaN pixels are not counted)
     */
    public static Map<Integer, Long> labelHistogram(Raster label) {
        Map<Integer, Long> out = new TreeMap<>();
        int n = label.metadata().pixelsPerBand();
        boolean signed = label.dataType().isSigned();
        if (label instanceof ByteRaster b) {
            long[] counts = new long[256];
            Kernels.histogram(b.unsafeBandArray(0), 0, n, null, 0, counts);
            for (int v = 0; v < 256; v++) {
                if (counts[v] != 0) {
                    out.put(signed ? (int) (byte) v : v, counts[v]);
                }
            }
        } else if (label instanceof ShortRaster s) {
            long[] counts = SCRATCH16.get();
            Kernels.histogram(s.unsafeBandArray(0), 0, n, null, 0, counts);
            for (int v = 0; v < 65536; v++) {
                if (counts[v] != 0) {
                    out.put(signed ? (int) (short) v : v, counts[v]);
                    counts[v] = 0;
                }
            }
        } else {
            int w = label.width();
            for (int r = 0; r < label.height(); r++) {
                for (int c = 0; c < w; c++) {
                    double d = label.getDouble(0, r, c);
                    if (Double.isNaN(d)) {
                        continue;
                    }
                    if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("a label must hold whole numbers in the int range, found "
                                + d + " at row " + r + ", column " + c);
                    }
                    out.merge((int) d, 1L, Long::sum);
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    // ------------------------------------------------------------------------------------------ per sample

    /** What the export knows about one sample: its row and, for tiling, its grid size and label. */
    record Facts(ManifestRow row, int width, int height, Optional<GeoReference> geo, Optional<Raster> label) {
    }

    /** Ignore classes of the dataset's taxonomy, or null when the taxonomy is not a built-in one. */
    static IntPredicate ignorePredicate(Dataset<?> dataset) {
        Optional<Taxonomy> t = TaxonomyRegistry.builtIn().findTaxonomy(dataset.info().taxonomyId());
        return t.<IntPredicate>map(tax -> tax::isIgnore).orElse(null);
    }

    static Facts facts(Dataset<?> ds, SampleRef ref, IntPredicate ignore) throws InvalidDataException {
        Map<String, Double> stats = new LinkedHashMap<>();
        Optional<Raster> label;
        Optional<GeoReference> geo;
        int width = 0;
        int height = 0;
        if (ds.info().id().equals("landcovernet") && ds.read(ref) instanceof LandCoverNetSample s) {
            // the label file's second band is the consensus score: read both bands once
            label = Optional.of(s.label());
            consensusStatistics(s.consensus(), stats);
            Map<Integer, Long> hist = labelHistogram(s.label());
            s.classCountsByValue().ifPresent(c -> stats.put("stac_counts_match", stacMatches(c, hist) ? 1.0 : 0.0));
            return finish(ds, ref, label, s.label().geoReference(), s.label().width(), s.label().height(), hist,
                    stats, ignore);
        }
        label = ref.labelled() ? ds.readLabel(ref) : Optional.empty();
        if (label.isPresent()) {
            Raster l = label.get();
            geo = l.geoReference();
            width = l.width();
            height = l.height();
        } else if (ds.info().id().equals("opensentinelmap") && ds.read(ref) instanceof OpenSentinelMapSample s) {
            // unlabelled cells: the reconstructed UTM cell of spatial_cell_info.csv
            geo = Optional.of(s.geoReference());
            width = (int) Math.round(OpenSentinelMap.CELL_METERS / Math.abs(s.geoReference().transform().pixelWidth()));
            height = width;
        } else {
            Optional<RasterInfo> info = probeFirstRaster(ref);
            geo = info.flatMap(i -> i.metadata().geoReference());
            if (info.isPresent()) {
                width = info.get().metadata().width();
                height = info.get().metadata().height();
            }
        }
        Map<Integer, Long> hist = label.map(Manifests::labelHistogram).orElse(Map.of());
        return finish(ds, ref, label, geo, width, height, hist, stats, ignore);
    }

    private static Facts finish(Dataset<?> ds, SampleRef ref, Optional<Raster> label, Optional<GeoReference> geo,
                                int width, int height, Map<Integer, Long> hist, Map<String, Double> stats,
                                IntPredicate ignore) {
        if (label.isPresent()) {
            labelStatistics(hist, ignore, stats);
        }
        Optional<Geometry> footprint = width > 0 ? geo.map(g -> g.footprint(width, height)) : Optional.empty();
        Optional<String> crs = geo.flatMap(GeoReference::crs).map(c -> c.id());
        ManifestRow row = new ManifestRow(ds.info().id(), ref.id(), ref.split().map(Split::id),
                relativeFiles(ds.root(), ref), crs, footprint, hist, stats);
        return new Facts(row, width, height, geo, label);
    }

    /** The header of the first regular file of the sample that is a raster the library reads. */
    private static Optional<RasterInfo> probeFirstRaster(SampleRef ref) {
        for (Path p : ref.files().values()) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try {
                return Optional.of(Rasters.probe(p));
            } catch (IOException | RuntimeException notARaster) {
                // index files (json, csv) and unreadable headers: try the next file
            }
        }
        return Optional.empty();
    }

    static Map<String, String> relativeFiles(Path root, SampleRef ref) {
        Path base = root.toAbsolutePath().normalize();
        Map<String, String> out = new LinkedHashMap<>();
        ref.files().forEach((role, path) -> {
            Path abs = path.toAbsolutePath().normalize();
            Path rel = abs.startsWith(base) ? base.relativize(abs) : abs;
            List<String> parts = new ArrayList<>();
            for (Path part : rel) {
                parts.add(part.toString());
            }
            out.put(role, (rel.isAbsolute() ? "/" : "") + String.join("/", parts));
        });
        return out;
    }

    static void labelStatistics(Map<Integer, Long> hist, IntPredicate ignore, Map<String, Double> stats) {
        long total = 0;
        for (long c : hist.values()) {
            total += c;
        }
        stats.put("label_pixels", (double) total);
        if (ignore == null) {
            return;
        }
        long ignored = 0;
        long valid = 0;
        int classes = 0;
        int majority = 0;
        long majorityCount = -1;
        for (var e : hist.entrySet()) {
            if (ignore.test(e.getKey())) {
                ignored += e.getValue();
                continue;
            }
            valid += e.getValue();
            classes++;
            if (e.getValue() > majorityCount) {   // sorted map: ties keep the smaller value
                majorityCount = e.getValue();
                majority = e.getKey();
            }
        }
        stats.put("ignore_fraction", total == 0 ? Double.NaN : (double) ignored / total);
        stats.put("class_count", (double) classes);
        stats.put("majority_class", classes == 0 ? Double.NaN : majority);
        stats.put("majority_fraction", valid == 0 ? Double.NaN : (double) majorityCount / valid);
    }

    /** Mean, minimum, maximum and share of 100 of the consensus band over all pixels, exact from its histogram. */
    static void consensusStatistics(Raster consensus, Map<String, Double> stats) {
        Map<Integer, Long> h = labelHistogram(consensus);
        long n = 0;
        double sum = 0;
        long hundred = 0;
        for (var e : h.entrySet()) {
            n += e.getValue();
            sum += (double) e.getKey() * e.getValue();
            if (e.getKey() == 100) {
                hundred = e.getValue();
            }
        }
        TreeMap<Integer, Long> sorted = new TreeMap<>(h);
        stats.put("consensus_mean", n == 0 ? Double.NaN : sum / n);
        stats.put("consensus_min", n == 0 ? Double.NaN : sorted.firstKey());
        stats.put("consensus_max", n == 0 ? Double.NaN : sorted.lastKey());
        stats.put("consensus_100_fraction", n == 0 ? Double.NaN : (double) hundred / n);
    }

    /**
     * Whether the STAC item's per-class counts equal the histogram. The item lists the classes present and omits
     * 0 (No Data), so a class absent from the item must have no pixels unless it is 0.
     */
    static boolean stacMatches(Map<Integer, Long> stac, Map<Integer, Long> hist) {
        for (var e : stac.entrySet()) {
            if (hist.getOrDefault(e.getKey(), 0L).longValue() != e.getValue()) {
                return false;
            }
        }
        for (var e : hist.entrySet()) {
            if (!stac.containsKey(e.getKey()) && e.getKey() != 0 && e.getValue() != 0) {
                return false;
            }
        }
        return true;
    }
}
