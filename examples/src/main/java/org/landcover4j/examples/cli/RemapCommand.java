package org.landcover4j.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.ColorTable;
import org.landcover4j.io.Rasters;
import org.landcover4j.io.tiff.GeoTiff;
import org.landcover4j.io.tiff.GeoTiffWriteOptions;
import org.landcover4j.taxonomy.Crosswalk;
import org.landcover4j.taxonomy.TaxonClass;
import org.landcover4j.taxonomy.TaxonomyRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code landcover remap --crosswalk FROM:TO --input IN --output OUT}: one band of a label raster mapped through a
 * crosswalk, written as a GeoTIFF with the input's georeferencing and the target taxonomy's colours as palette.
 */
@Command(name = "remap", mixinStandardHelpOptions = true,
        description = "Map a label raster's primary band through a crosswalk (see 'landcover taxonomy list') and "
            + "write it as a uint8 GeoTIFF with the input's georeferencing, the target classes' colours as palette "
            + "and the crosswalk's fill value as nodata.")
public final class RemapCommand implements Callable<Integer> {

    @Mixin
    JsonOutput json;

    @Option(names = "--crosswalk", paramLabel = "FROM:TO", required = true,
            description = "The crosswalk, e.g. igbp:dfc2020.")
    String crosswalk;

    @Option(names = "--input", paramLabel = "IN", required = true,
            description = "Label raster: GeoTIFF, PNG, JPEG, NPY, or NPZ as file.npz:key; integer values 0..65535.")
    Path input;

    @Option(names = "--output", paramLabel = "OUT", required = true, description = "The GeoTIFF to write.")
    Path output;

    @Option(names = "--band", paramLabel = "N", defaultValue = "1",
            description = "1-based band of IN to remap (default: ${DEFAULT-VALUE}, the primary band).")
    int band;

    @Option(names = "--fill", paramLabel = "VALUE",
            description = "Value for unmapped classes and codes that are not classes (0..255; default: the "
                    + "crosswalk's fill).")
    Integer fill;

    @Option(names = "--taxonomy-file", paramLabel = "FILE",
            description = "Also load taxonomies and crosswalks from this JSON file (repeatable).")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TaxonomyRegistry reg = TaxonomyCommand.registry(files);
        if (!crosswalk.contains(":")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--crosswalk must be FROM:TO, e.g. igbp:dfc2020; got '" + crosswalk + "'");
        }
        Crosswalk cw = reg.findCrosswalk(crosswalk).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown crosswalk '" + crosswalk + "'; known: "
                + reg.crosswalks().stream().map(Crosswalk::id).toList()));
        if (fill != null) {
            if (fill < 0 || fill > 255) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fill must be 0..255, got " + fill);
            }
            cw = cw.withFill(fill);
        }
        Raster in = Rasters.read(input);
        if (band < 1 || band > in.bands()) {
            throw new BadInputException(input + ": has " + in.bands() + (in.bands() == 1 ? " band" : " bands")
                    + ", --band " + band + " is out of range");
        }
        Raster labels = unsignedLabels(in.selectBands(band - 1));
        ByteRaster mapped = cw.apply(labels);
        ByteRaster out = mapped.withMetadata(mapped.metadata().withBandNames(cw.target().id()));
        GeoTiff.write(output, out, GeoTiffWriteOptions.defaults().withColorTable(palette(cw)));

        long[] histogram = new long[256];
        Kernels.histogram(out.unsafeBandArray(0), null, histogram);
        if (json.requested()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("crosswalk", cw.id());
            r.put("input", input.toString());
            r.put("output", output.toString());
            r.put("band", band);
            r.put("width", out.width());
            r.put("height", out.height());
            r.put("fill", cw.fill());
            r.put("fill_pixels", histogram[cw.fill()]);
            Map<String, Long> h = new LinkedHashMap<>();
            for (int v = 0; v < 256; v++) {
                if (histogram[v] > 0) {
                    h.put(Integer.toString(v), histogram[v]);
                }
            }
            r.put("histogram", h);
            json.write(r);
        }
        if (!json.toStdout()) {
            System.out.printf(Locale.ROOT, "%s: %s (%dx%d, %s, band %d) -> %s%n", cw.id(), input, in.width(),
                    in.height(), in.dataType().id(), band, output);
            for (int v = 0; v < 256; v++) {
                if (histogram[v] > 0) {
                    String name = cw.target().find(v).map(TaxonClass::name).orElse(v == cw.fill() ? "(fill)" : "?");
                    System.out.printf(Locale.ROOT, "  %3d %-36s %d%n", v, name, histogram[v]);
                }
            }
        }
        return ExitCodes.OK;
    }

    /** The target taxonomy's colours as a 256-entry palette (black where no class). */
    static ColorTable palette(Crosswalk cw) {
        int[] rgb = new int[256];
        for (TaxonClass c : cw.target().allClasses()) {
            if (c.code() < 256) {
                rgb[c.code()] = c.colour().packed();
            }
        }
        return ColorTable.ofRgb(rgb);
    }

    /**
     * The band as uint8 or uint16 labels: those pass through; other integer types are accepted when every value is
     * in 0..65535 (e.g. int64 NumPy arrays read as int32).
     */
    private Raster unsignedLabels(Raster r) {
        DataType t = r.dataType();
        if (t == DataType.UINT8 || t == DataType.UINT16) {
            return r;
        }
        if (!t.isInteger()) {
            throw new BadInputException(input + ": labels must be integers, found " + t.id() + " samples");
        }
        int n = r.metadata().pixelsPerBand();
        short[] out = new short[n];
        int w = r.width();
        for (int i = 0; i < n; i++) {
            long v = switch (r) {
                case IntRaster ir -> ir.get(0, i / w, i % w);
                case ShortRaster sr -> sr.get(0, i / w, i % w);
                case ByteRaster br -> br.get(0, i / w, i % w);
                default -> throw new BadInputException(input + ": unsupported label type " + t.id());
            };
            if (v < 0 || v > 65535) {
                throw new BadInputException(input + ": label value " + v + " at row " + (i / w) + ", column "
                        + (i % w) + " is outside 0..65535");
            }
            out[i] = (short) v;
        }
        return ShortRaster.wrap(r.metadata().withDataType(DataType.UINT16), out);
    }
}
