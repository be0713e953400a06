package org.landcover4j.io.tiff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.core.raster.Window;
import org.landcover4j.io.ColorTable;
import org.landcover4j.io.DecodeLimits;

/**
 * An open GeoTIFF, for repeated windowed reads of one file without parsing its header again.
 *
 * <p>Opening parses the header and the IFD chain (cheap: no pixel data is read). Each read decodes only the strips
 * or tiles that intersect its window and, for band-interleaved files, only the planes of the selected bands.
 * Bands are 0-based. Large reads decode their chunks on several threads (see {@link GeoTiff}).
 *
 * <p>Thread safety: reads are safe from many threads at once (they use positional file reads and private
 * buffers). {@link #close()} must not race with reads; a read that overlaps it fails with an {@code IOException}.
 *
 * {@snippet :
 * try (var tif = GeoTiffReader.open(Path.of("s2.tif"))) {
 *     var info = tif.info();                                   // 13 bands uint16, 256x256
 *     Raster rgb = tif.read(Window.of(0, 0, 128, 128), 3, 2, 1);   // B04, B03, B02 of the upper-left quarter
 * }
 * }
 */
public final class GeoTiffReader implements AutoCloseable {
    private final TiffInput in;
    private final TiffStructure structure;
    private final DecodeLimits limits;
    private final WarningListener warnings;
    private final GeoKeyDirectory geoKeys;
    private final Optional<Crs> crs;
    private final Optional<GeoTransform> transform;
    private final List<OptionalDouble> nodata;
    private final List<String> descriptions;
    private final GdalMetadata gdalMetadata;
    private volatile GeoTiffInfo info;

    private GeoTiffReader(TiffInput in, DecodeLimits limits, WarningListener warnings) throws IOException {
        this.in = in;
        this.limits = limits;
        this.warnings = warnings;
        this.structure = TiffStructure.read(in, limits, warnings);
        TiffImage main = structure.main;
        String source = in.path.toString();
        this.geoKeys = GeoTags.keys(main.ifd, warnings, source);
        this.crs = GeoTags.crs(geoKeys);
        this.transform = GeoTags.transform(main.ifd, geoKeys, warnings, source);
        OptionalDouble nd = GeoTags.nodata(main.ifd, warnings, source);
        this.nodata = Collections.nCopies(main.samplesPerPixel, nd);
        String xml = null;
        try {
            xml = main.ifd.ascii(TiffTags.GDAL_METADATA, 4L << 20);
        } catch (InvalidDataException e) {
            warnings.warning(source, "GDAL_METADATA ignored: " + e.problem());
        }
        this.gdalMetadata = xml == null ? GdalMetadata.EMPTY : GdalMetadata.parse(xml, main.samplesPerPixel);
        this.descriptions = gdalMetadata.descriptions(main.samplesPerPixel);
    }

    /** Opens a GeoTIFF with the default {@link DecodeLimits}, logging warnings through SLF4J. */
    public static GeoTiffReader open(Path path) throws IOException {
        return open(path, DecodeLimits.defaults(), WarningListener.logging());
    }

    /** Opens a GeoTIFF with these limits, logging warnings through SLF4J. */
    public static GeoTiffReader open(Path path, DecodeLimits limits) throws IOException {
        return open(path, limits, WarningListener.logging());
    }

    /**
     * Opens a GeoTIFF.
     *
     * @param path     the file
     * @param limits   caps on dimensions, bands and decoded bytes
     * @param warnings receives recoverable oddities (damaged GeoKeys, unusable overviews, ...)
     * @throws InvalidDataException if the header or IFD chain is invalid, naming the file and the problem
     * @throws IOException          if the file cannot be read
     */
    public static GeoTiffReader open(Path path, DecodeLimits limits, WarningListener warnings) throws IOException {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(warnings, "warnings");
        TiffInput in = TiffInput.open(Objects.requireNonNull(path, "path"));
        try {
            return new GeoTiffReader(in, limits, warnings);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The file. */
    public Path path() {
        return in.path;
    }

    /** Everything the header says (the colour table is read on the first call). */
    public GeoTiffInfo info() throws IOException {
        GeoTiffInfo i = info;
        if (i == null) {
            i = buildInfo();
            info = i;
        }
        return i;
    }

    private GeoTiffInfo buildInfo() throws IOException {
        TiffImage m = structure.main;
        List<GeoTiffInfo.Overview> ovs = new ArrayList<>();
        for (TiffImage o : structure.overviews) {
            ovs.add(new GeoTiffInfo.Overview(o.width, o.height, o.blockWidth, o.blockHeight));
        }
        return new GeoTiffInfo(in.path, m.width, m.height, m.samplesPerPixel, m.dataType, m.bitsPerSample, in.order,
                in.bigTiff, m.planar ? Interleave.BAND : Interleave.PIXEL, TiffCompression.fromCode(m.compression),
                m.compression, m.predictor, m.photometric, m.tiled, m.blockWidth, m.blockHeight, ovs, crs, transform,
                geoKeys, nodata, descriptions, gdalMetadata.dataset(), colorTable(m));
    }

    private Optional<ColorTable> colorTable(TiffImage m) throws IOException {
        if (m.bitsPerSample == 1 && m.samplesPerPixel == 1 && (m.photometric == 0 || m.photometric == 1)) {
            // as GDAL: a one-bit grey image gets a black-and-white table in its photometric order
            return Optional.of(ColorTable.ofRgb(m.photometric == 0 ? new int[] {0xFFFFFF, 0} : new int[] {0, 0xFFFFFF}));
        }
        if (m.photometric != 3 || !m.ifd.has(TiffTags.COLOR_MAP)) {
            return Optional.empty();
        }
        if (m.bitsPerSample > 16) {
            warnings.warning(in.path.toString(), "ColorMap ignored: palette images have at most 16 bits per sample");
            return Optional.empty();
        }
        int n = 1 << m.bitsPerSample;
        long[] map;
        try {
            map = m.ifd.longs(TiffTags.COLOR_MAP, 3L * n);
        } catch (InvalidDataException e) {
            warnings.warning(in.path.toString(), "ColorMap ignored: " + e.problem());
            return Optional.empty();
        }
        if (map.length != 3 * n) {
            warnings.warning(in.path.toString(), "ColorMap has " + map.length + " values, expected " + 3 * n + "; ignored");
            return Optional.empty();
        }
        // as GDAL: 16-bit components divided by 257, and the nodata index transparent
        OptionalDouble nd = nodata.get(0);
        int transparent = nd.isPresent() && !Double.isNaN(nd.getAsDouble()) ? (int) nd.getAsDouble() : -1;
        int[] rgba = new int[n];
        for (int i = 0; i < n; i++) {
            int r = (int) ((map[i] & 0xFFFF) / 257);
            int g = (int) ((map[n + i] & 0xFFFF) / 257);
            int b = (int) ((map[2 * n + i] & 0xFFFF) / 257);
            rgba[i] = r << 24 | g << 16 | b << 8 | (i == transparent ? 0 : 255);
        }
        return Optional.of(ColorTable.ofRgba(rgba));
    }

    /** Width of the full-resolution image. */
    public int width() {
        return structure.main.width;
    }

    /** Height of the full-resolution image. */
    public int height() {
        return structure.main.height;
    }

    /** Samples per pixel. */
    public int bands() {
        return structure.main.samplesPerPixel;
    }

    /** Number of overviews. */
    public int overviewCount() {
        return structure.overviews.size();
    }

    /** Reads every band of the full image. */
    public Raster read() throws IOException {
        TiffImage m = structure.main;
        return read(m, Window.full(m.width, m.height), allBands(m), transform);
    }

    /**
     * Reads a window of the selected bands (0-based; none = all, repeats allowed).
     *
     * @throws IllegalArgumentException if the window is not inside the image or a band index is out of range
     * @throws InvalidDataException     if the pixel data are corrupt, or the output would exceed the
     *                                  {@link DecodeLimits}
     */
    public Raster read(Window window, int... bands) throws IOException {
        TiffImage m = structure.main;
        return read(m, window, bands.length == 0 ? allBands(m) : bands, transform);
    }

    /** Reads the selected bands (0-based) of the full image. */
    public Raster readBands(int... bands) throws IOException {
        TiffImage m = structure.main;
        return read(m, Window.full(m.width, m.height), bands.length == 0 ? allBands(m) : bands, transform);
    }

    /**
     * Reads a window of the selected bands of overview {@code level} (0 = the largest overview, as GDAL counts).
     *
     * @throws IllegalArgumentException if there is no such overview, or the window or a band is out of range
     */
    public Raster readOverview(int level, Window window, int... bands) throws IOException {
        if (level < 0 || level >= structure.overviews.size()) {
            throw new IllegalArgumentException("overview level " + level + " does not exist; " + in.path.getFileName()
                    + " has " + structure.overviews.size() + " overviews");
        }
        TiffImage o = structure.overviews.get(level);
        TiffImage m = structure.main;
        Optional<GeoTransform> t = transform.map(g -> {
            double fx = (double) m.width / o.width;
            double fy = (double) m.height / o.height;
            return new GeoTransform(g.originX(), g.pixelWidth() * fx, g.rowRotation() * fy,
                    g.originY(), g.columnRotation() * fx, g.pixelHeight() * fy);
        });
        return read(o, window, bands.length == 0 ? allBands(o) : bands, t);
    }

    /** Reads every band of overview {@code level} (0 = the largest overview). */
    public Raster readOverview(int level) throws IOException {
        if (level < 0 || level >= structure.overviews.size()) {
            throw new IllegalArgumentException("overview level " + level + " does not exist; " + in.path.getFileName()
                    + " has " + structure.overviews.size() + " overviews");
        }
        TiffImage o = structure.overviews.get(level);
        return readOverview(level, Window.full(o.width, o.height));
    }

    private static int[] allBands(TiffImage img) {
        int[] b = new int[img.samplesPerPixel];
        for (int i = 0; i < b.length; i++) {
            b[i] = i;
        }
        return b;
    }

    private Raster read(TiffImage img, Window window, int[] bands, Optional<GeoTransform> t) throws IOException {
        Objects.requireNonNull(window, "window");
        window.requireWithin(img.width, img.height);
        for (int b : bands) {
            if (b < 0 || b >= img.samplesPerPixel) {
                throw new IllegalArgumentException("band " + b + " does not exist; " + in.path.getFileName() + " has "
                        + img.samplesPerPixel + " bands (0-based indices)");
            }
        }
        long bytes = window.pixels() * bands.length * img.dataType.bytes();
        if (window.pixels() > Integer.MAX_VALUE - 8 || !limits.allows(bytes)) {
            throw in.bad("reading " + window.width() + "x" + window.height() + " pixels of " + bands.length
                    + " bands (" + bytes + " bytes) exceeds the decode limit of " + limits.maxOutputBytes()
                    + " bytes" + (window.pixels() > Integer.MAX_VALUE - 8 ? " (and a Java array)" : ""));
        }
        Object[] data = img.fallbackReason == null
                ? RasterDecoder.decode(img, window, bands, nodata.get(0), limits)
                : FallbackDecoder.decode(img, structure.chainIndex.getOrDefault(img, -1), window, bands);
        List<OptionalDouble> nd = new ArrayList<>(bands.length);
        List<String> names = new ArrayList<>(bands.length);
        for (int b : bands) {
            nd.add(nodata.get(b));
            String d = descriptions.get(b);
            names.add(d.isEmpty() ? Integer.toString(b + 1) : d);
        }
        Optional<GeoReference> geo = t.map(g -> new GeoReference(crs, g.forWindow(window.x(), window.y())));
        RasterMetadata meta = new RasterMetadata(img.dataType, bands.length, window.height(), window.width(), geo, nd, names);
        return wrap(meta, data);
    }

    static Raster wrap(RasterMetadata meta, Object[] data) {
        return switch (meta.dataType()) {
            case UINT8, INT8 -> ByteRaster.wrap(meta, cast(data, byte[].class, byte[][]::new));
            case UINT16, INT16 -> ShortRaster.wrap(meta, cast(data, short[].class, short[][]::new));
            case UINT32, INT32 -> IntRaster.wrap(meta, cast(data, int[].class, int[][]::new));
            case FLOAT32 -> FloatRaster.wrap(meta, cast(data, float[].class, float[][]::new));
            case FLOAT64 -> DoubleRaster.wrap(meta, cast(data, double[].class, double[][]::new));
        };
    }

    private static <A> A[] cast(Object[] data, Class<A> type, java.util.function.IntFunction<A[]> make) {
        A[] out = make.apply(data.length);
        for (int i = 0; i < data.length; i++) {
            out[i] = type.cast(data[i]);
        }
        return out;
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public String toString() {
        TiffImage m = structure.main;
        return "GeoTiffReader[" + in.path + ": " + m.width + "x" + m.height + "x" + m.samplesPerPixel + " "
                + m.dataType + "]";
    }
}
