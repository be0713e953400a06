package org.landcover4j.io.arrow.bench;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.io.arrow.ManifestRow;

/**
 * A synthetic SEN12MS-like index of any size, generated row by row (never held in memory): three files per sample,
 * a UTM CRS, a 256 x 256 footprint at 10 m, a label histogram of 4 to 9 classes and five statistics.
 */
final class SyntheticIndex implements Iterator<ManifestRow> {
    private static final String[] SEASONS = {"spring", "summer", "fall", "winter"};
    private static final String[] SPLITS = {"train", "train", "train", "train", "train", "train", "train", "val",
        "test", "test"};
    private final long size;
    private long next;

    SyntheticIndex(long size) {
        this.size = size;
    }

    @Override
    public boolean hasNext() {
        return next < size;
    }

    @Override
    public ManifestRow next() {
        if (next >= size) {
            throw new NoSuchElementException();
        }
        return row(next++);
    }

    /** Row {@code i}: deterministic, the same on every run. */
    static ManifestRow row(long i) {
        long h = mix(i);
        String season = SEASONS[(int) (i & 3)];
        int scene = (int) (i / 64) + 1;
        int patch = (int) (i % 64) + 1;
        String base = "ROIs" + (1158 + (i & 3) * 237) + "_" + season;
        String id = base + "_" + scene + "_p" + patch;
        Map<String, String> files = new LinkedHashMap<>();
        for (String kind : new String[] {"s1", "s2", "lc"}) {
            files.put(kind, base + "/" + kind + "_" + scene + "/" + base + "_" + kind + "_" + scene + "_p" + patch
                    + ".tif");
        }
        int zone = 1 + Math.floorMod(h, 60);
        double x0 = 300_000 + (patch % 8) * 2_560;
        double y0 = 4_000_000 + (patch / 8) * 2_560;
        var geo = GeoReference.of(Crs.utm(zone, true), GeoTransform.northUp(x0, y0, 10));
        Map<Integer, Long> hist = new TreeMap<>();
        int classes = 4 + Math.floorMod(h >>> 8, 6);
        long left = 65_536;
        for (int c = 0; c < classes; c++) {
            long n = c == classes - 1 ? left : Math.floorMod(h >>> (c * 4), left / 2 + 1);
            hist.merge(1 + Math.floorMod(h >>> (c * 5), 17), n, Long::sum);
            left -= n;
        }
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("label_pixels", 65_536.0);
        stats.put("ignore_fraction", 0.0);
        stats.put("class_count", (double) hist.size());
        stats.put("majority_class", (double) hist.keySet().iterator().next());
        stats.put("majority_fraction", 0.25 + (h & 0xFF) / 1024.0);
        return new ManifestRow("sen12ms", id, Optional.of(SPLITS[Math.floorMod(h >>> 40, 10)]), files,
                Optional.of("EPSG:" + (32600 + zone)), Optional.of(geo.footprint(256, 256)), hist, stats);
    }

    private static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
