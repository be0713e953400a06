package org.landcover4j.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.landcover4j.core.kernel.BandStatistics;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.RasterInfo;
import org.landcover4j.io.Rasters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code landcover raster FILE [--json FILE]}: describes one raster like {@code gdalinfo -stats} (CLI.md): size,
 * bands, data type, nodata, CRS, geotransform, and per band min, max, mean, population standard deviation and the
 * number of valid pixels (not nodata, not NaN).
 *
 * <p>Statistics come from {@link Kernels#statistics} for uint8, uint16 and float32 (exact for the integer types)
 * and from a two-pass loop in double for the other types.
 */
@Command(name = "raster", mixinStandardHelpOptions = true,
        description = "Describe one raster (GeoTIFF, PNG, JPEG, NPY, or an NPZ array as file.npz:key): "
            + "size, bands, data type, nodata, CRS, geotransform and per-band statistics over valid pixels.")
public final class RasterCommand implements Callable<Integer> {

    @Mixin
    JsonOutput json;

    @Parameters(index = "0", paramLabel = "FILE", description = "The raster file (an NPZ array as file.npz:key).")
    Path file;

    @Override
    public Integer call() throws IOException {
        RasterInfo info = Rasters.probe(file);
        Raster r = Rasters.read(file);
        List<Object> nodata = new ArrayList<>();
        List<Map<String, Object>> stats = new ArrayList<>();
        for (int b = 0; b < r.bands(); b++) {
            OptionalDouble nd = r.metadata().nodata().get(b);
            nodata.add(nd.isPresent() ? nodataJson(nd.getAsDouble(), r.dataType()) : null);
            stats.add(statsJson(statistics(r, b, nd), r.dataType()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("width", r.width());
        out.put("height", r.height());
        out.put("bands", r.bands());
        out.put("data_type", r.dataType().id());
        out.put("nodata", nodata);
        out.put("crs", r.geoReference().flatMap(GeoReference::crs).map(RasterCommand::crsJson).orElse(null));
        out.put("transform", r.geoReference().map(g -> g.transform().toArray()).orElse(null));
        out.put("band_stats", stats);
        out.put("format", info.format().name().toLowerCase(Locale.ROOT));
        out.put("color_table_entries", info.colorTable().map(t -> t.size()).orElse(null));
        if (json.requested()) {
            json.write(out);
        }
        if (!json.toStdout()) {
            printSummary(out, r);
        }
        return ExitCodes.OK;
    }

    private static String crsJson(Crs c) {
        return c.epsg().isPresent() ? "EPSG:" + c.epsgCode() : c.wkt();
    }

    /** Integral values of integer rasters print as integers; NaN as the string "NaN" (CLI.md). */
    static Object nodataJson(double v, DataType type) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (type.isInteger() && v == Math.rint(v) && Math.abs(v) < 1e18) {
            return (long) v;
        }
        return v;
    }

    private static Map<String, Object> statsJson(BandStatistics s, DataType type) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean integral = type.isInteger() && !s.isEmpty();
        m.put("min", integral ? (Object) (long) s.min() : s.min());
        m.put("max", integral ? (Object) (long) s.max() : s.max());
        m.put("mean", s.mean());
        m.put("std", s.std());
        m.put("valid_pixels", s.count());
        return m;
    }

    /** Statistics of band {@code b} over the pixels that are not nodata and not NaN. */
    static BandStatistics statistics(Raster r, int b, OptionalDouble nodata) {
        DataType t = r.dataType();
        boolean hasNd = nodata.isPresent();
        double nd = hasNd ? nodata.getAsDouble() : Double.NaN;
        switch (r) {
            case ByteRaster br when t == DataType.UINT8 -> {
                byte[] src = br.unsafeBandArray(b);
                return Kernels.statistics(src, integerMask(src.length, hasNd, nd, 0, 255,
                        m -> Kernels.validMask(src, (int) nd, m)));
            }
            case ShortRaster sr when t == DataType.UINT16 -> {
                short[] src = sr.unsafeBandArray(b);
                return Kernels.statistics(src, integerMask(src.length, hasNd, nd, 0, 65535,
                        m -> Kernels.validMask(src, (int) nd, m)));
            }
            case FloatRaster fr -> {
                float[] src = fr.unsafeBandArray(b);
                byte[] mask = null;
                if (hasNd && !Double.isNaN(nd)) {
                    mask = new byte[src.length];
                    Kernels.validMask(src, (float) nd, mask);
                }
                return Kernels.statistics(src, mask);
            }
            default -> {
                return twoPass(r, b, hasNd, nd);
            }
        }
    }

    private interface MaskWriter {
        void write(byte[] mask);
    }

    /** A validity mask when the nodata value is one the type can hold, else null (every pixel valid). */
    private static byte[] integerMask(int n, boolean hasNd, double nd, int min, int max, MaskWriter writer) {
        if (!hasNd || nd != Math.rint(nd) || nd < min || nd > max) {
            return null;
        }
        byte[] mask = new byte[n];
        writer.write(mask);
        return mask;
    }

    /** int8, int16, (u)int32, float64: mean then squared deviations, in double; NaN and nodata skipped. */
    private static BandStatistics twoPass(Raster r, int b, boolean hasNd, double nd) {
        int n = r.width() * r.height();
        java.util.function.IntToDoubleFunction get = switch (r) {
            case ByteRaster x -> {
                byte[] a = x.unsafeBandArray(b);
                yield r.dataType() == DataType.UINT8 ? i -> a[i] & 0xFF : i -> a[i];
            }
            case ShortRaster x -> {
                short[] a = x.unsafeBandArray(b);
                yield r.dataType() == DataType.UINT16 ? i -> a[i] & 0xFFFF : i -> a[i];
            }
            case IntRaster x -> {
                int[] a = x.unsafeBandArray(b);
                yield r.dataType() == DataType.UINT32 ? i -> Integer.toUnsignedLong(a[i]) : i -> a[i];
            }
            case FloatRaster x -> {
                float[] a = x.unsafeBandArray(b);
                yield i -> a[i];
            }
            case DoubleRaster x -> {
                double[] a = x.unsafeBandArray(b);
                yield i -> a[i];
            }
        };
        long count = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = get.applyAsDouble(i);
            if (Double.isNaN(x) || hasNd && x == nd) {
                continue;
            }
            count++;
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (count == 0) {
            return BandStatistics.EMPTY;
        }
        double mean = sum / count;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double x = get.applyAsDouble(i);
            if (Double.isNaN(x) || hasNd && x == nd) {
                continue;
            }
            ss += (x - mean) * (x - mean);
        }
        return new BandStatistics(count, min, max, mean, Math.sqrt(ss / count));
    }

    private void printSummary(Map<String, Object> out, Raster r) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(out.get("format")).append(", ").append(r.width()).append(" x ")
                .append(r.height()).append(", ").append(r.bands()).append(r.bands() == 1 ? " band, " : " bands, ")
                .append(r.dataType().id()).append('\n');
        sb.append("  CRS: ").append(out.get("crs") == null ? "none" : abbreviate((String) out.get("crs"))).append('\n');
        double[] t = (double[]) out.get("transform");
        sb.append("  Transform: ").append(t == null ? "none" : java.util.Arrays.toString(t)).append('\n');
        if (out.get("color_table_entries") != null) {
            sb.append("  Colour table: ").append(out.get("color_table_entries")).append(" entries\n");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stats = (List<Map<String, Object>>) out.get("band_stats");
        @SuppressWarnings("unchecked")
        List<Object> nodata = (List<Object>) out.get("nodata");
        for (int b = 0; b < stats.size(); b++) {
            Map<String, Object> s = stats.get(b);
            sb.append(String.format(Locale.ROOT, "  Band %d (%s): nodata %s; min %s, max %s, mean %s, std %s, valid %d%n",
                    b + 1, r.metadata().bandNames().get(b), nodata.get(b) == null ? "none" : nodata.get(b),
                    num(s.get("min")), num(s.get("max")), num(s.get("mean")), num(s.get("std")), s.get("valid_pixels")));
        }
        System.out.print(sb);
        System.out.flush();
    }

    private static String num(Object o) {
        if (o instanceof Double d) {
            return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.6g", d);
        }
        return String.valueOf(o);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
