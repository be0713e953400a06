package org.landcover4j.io.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.tiff.GeoTiff;

/**
 * Times {@link GeoTiff#read(Path)} on the 80-file GeoTIFF suite with the protocol of
 * {@code ../shared/tools/time_rasterio_read.py} (per file: open + read all bands + close, {@code WARMUP} untimed
 * calls, then the median of {@code REPS} timed calls), and rasterio beside it in the same session.
 *
 * <p>A JVM also needs its JIT warmed: before the first round every file is read {@code --jit-passes} times
 * (default 5), untimed. Then for each of {@code --rounds} rounds (default 2) rasterio's script runs once over the
 * suite and ours once, alternately, and each file keeps the lowest median of its rounds on either side. The result
 * is a Markdown table (file, ours, rasterio, ratio) with the geometric mean of the ratios and the load average.
 *
 * <p>Usage (from the repository root; builds into io/target-bench like {@code scripts/bench}):
 * <pre>
 * mvn -q -o -Dlc.build.dir=target-bench -pl io -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target-bench/bench.classpath -Dmdep.includeScope=test
 * java -cp io/target-bench/test-classes:io/target-bench/classes:$(cat io/target-bench/bench.classpath) \
 *     org.landcover4j.io.bench.GeoTiffSuiteTiming /tmp/geotiff_suite \
 *     --rasterio ../shared/tools/time_rasterio_read.py --rounds 2 --out /tmp/geotiff_bench.md
 * </pre>
 * Without {@code --rasterio} only our column is measured.
 */
public final class GeoTiffSuiteTiming {
    private GeoTiffSuiteTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: GeoTiffSuiteTiming SUITE_DIR [--rasterio time_rasterio_read.py] [--rounds N] "
                    + "[--warmup 3] [--reps 11] [--jit-passes 5] [--python /usr/bin/python3] [--out FILE.md]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String rasterio = null;
        String python = "/usr/bin/python3";
        Path out = null;
        int rounds = 2;
        int warmup = 3;
        int reps = 11;
        int jitPasses = 5;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--rasterio" -> rasterio = args[++i];
                case "--python" -> python = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--jit-passes" -> jitPasses = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> files = suiteFiles(dir);
        String loadBefore = load();
        for (int pass = 0; pass < jitPasses; pass++) {
            for (String f : files) {
                GeoTiff.read(dir.resolve(f));
            }
        }
        Map<String, Double> ours = new LinkedHashMap<>();
        Map<String, Double> theirs = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            if (rasterio != null) {
                Path tsv = Files.createTempFile("rasterio", ".tsv");
                runRasterio(python, rasterio, dir, tsv, warmup, reps);
                List<String> lines = Files.readAllLines(tsv);
                for (String line : lines.subList(1, lines.size())) {
                    String[] p = line.split("\t");
                    theirs.merge(p[0], Double.parseDouble(p[1]), Math::min);
                }
                Files.delete(tsv);
            }
            for (String f : files) {
                ours.merge(f, medianMillis(dir.resolve(f), warmup, reps), Math::min);
            }
            System.err.printf(Locale.ROOT, "round %d of %d done (load %s)%n", round + 1, rounds, load());
        }
        String table = table(files, ours, theirs, loadBefore, load(), rounds, warmup, reps, jitPasses);
        System.out.print(table);
        if (out != null) {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
    }

    static List<String> suiteFiles(Path dir) throws IOException {
        String json = Files.readString(dir.resolve("reference.json"));
        // the top-level keys of reference.json, in order: "name.tif": {
        Matcher m = Pattern.compile("\"([^\"]+\\.tif)\"\\s*:\\s*\\{").matcher(json);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Keeps the JIT from discarding reads. */
    static volatile long sink;

    static double medianMillis(Path p, int warmup, int reps) throws IOException {
        for (int i = 0; i < warmup; i++) {
            sink += GeoTiff.read(p).width();
        }
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            Raster r = GeoTiff.read(p);
            t[i] = (System.nanoTime() - t0) / 1e6;
            sink += r.height();
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    private static void runRasterio(String python, String script, Path dir, Path tsv, int warmup, int reps)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python, script, dir.toString(), tsv.toString(), Integer.toString(warmup),
                Integer.toString(reps)).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("rasterio timing failed:\n" + text);
        }
    }

    private static String load() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String table(List<String> files, Map<String, Double> ours, Map<String, Double> theirs, String loadBefore,
                        String loadAfter, int rounds, int warmup, int reps, int jitPasses) {
        StringBuilder sb = new StringBuilder();
        boolean both = !theirs.isEmpty();
        sb.append(both ? "| file | ours (ms) | rasterio (ms) | ratio |\n|---|---:|---:|---:|\n"
                : "| file | ours (ms) |\n|---|---:|\n");
        double logSum = 0;
        double worst = 0;
        String worstFile = "";
        int over = 0;
        for (String f : files) {
            double o = ours.get(f);
            if (both) {
                double r = theirs.get(f);
                double ratio = o / r;
                logSum += Math.log(ratio);
                if (ratio > worst) {
                    worst = ratio;
                    worstFile = f;
                }
                over += ratio > 1.5 ? 1 : 0;
                sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2f%s |%n", f, o, r, ratio,
                        ratio > 1.5 ? " (over 1.5)" : ""));
            } else {
                sb.append(String.format(Locale.ROOT, "| %s | %.3f |%n", f, o));
            }
        }
        sb.append('\n');
        if (both) {
            sb.append(String.format(Locale.ROOT, "Geometric mean of ours/rasterio: **%.2f**; worst %.2f (%s); "
                    + "files over 1.5x: %d of %d.%n", Math.exp(logSum / files.size()), worst, worstFile, over,
                    files.size()));
        }
        sb.append(String.format(Locale.ROOT, "Protocol: median of %d timed open+read+close after %d untimed, best of "
                + "%d alternating rounds per side; %d untimed JIT passes over the suite first; load average %s "
                + "before, %s after; %d processors.%n", reps, warmup, rounds, jitPasses, loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors()));
        return sb.toString();
    }
}
