package org.landcover4j.io.tiff;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.io.ColorTable;

/**
 * What a GeoTIFF holds, from its header only: size, bands, sample type, layout, compression, overviews,
 * georeferencing, nodata, band descriptions and colour table.
 *
 * <p>Immutable and thread-safe. {@link #dataType()} is the type {@link GeoTiff#read(Path)} returns (1- to 7-bit
 * samples are widened to {@code uint8}, 9- to 15-bit to {@code uint16}). Nodata comes from GDAL's
 * {@code GDAL_NODATA} tag, which holds one value for all bands; band descriptions from the {@code DESCRIPTION}
 * items of {@code GDAL_METADATA}.
 *
 * {@snippet :
 * GeoTiffInfo info = GeoTiff.probe(Path.of("labels.tif"));
 * info.bands();              // 2
 * info.crs();                // Optional[EPSG:32628]
 * info.colorTable();         // Optional[ColorTable[65536 entries: ...]]
 * info.metadata();           // uint16, 2x256x256, EPSG:32628, nodata=[0, 0]
 * }
 *
 * @param file             the file
 * @param width            columns
 * @param height           rows
 * @param bands            samples per pixel
 * @param dataType         the sample type a read returns
 * @param bitsPerSample    bits per sample as stored
 * @param byteOrder        the file's byte order
 * @param bigTiff          whether the file is a BigTIFF
 * @param interleave       pixel- or band-interleaved
 * @param compression      the compression scheme
 * @param compressionCode  the raw {@code Compression} tag value
 * @param predictor        1 (none), 2 (horizontal) or 3 (floating point)
 * @param photometric      the {@code PhotometricInterpretation} (1 min-is-black, 2 RGB, 3 palette, ...)
 * @param tiled            tiles (true) or strips (false)
 * @param blockWidth       tile width, or the image width for strips
 * @param blockHeight      tile height, or rows per strip
 * @param overviews        reduced-resolution images, largest first ({@link GeoTiff#readOverview} level 0 is the first)
 * @param crs              the CRS: the EPSG code of the projected or geographic CRS in the GeoKeys, or WKT from a
 *                         citation key; empty otherwise (the raw keys are in {@code geoKeys})
 * @param transform        pixel-to-world transform, empty without georeferencing
 * @param geoKeys          the raw GeoKey directory
 * @param nodata           one entry per band (GDAL_NODATA), empty where none
 * @param bandDescriptions one entry per band, "" where none
 * @param gdalMetadata     dataset-level GDAL_METADATA items (default domain)
 * @param colorTable       the colour map of a palette image (pixel values stay indices); as in GDAL, a one-band
 *                         1-bit grey image has a black-and-white table
 */
public record GeoTiffInfo(Path file, int width, int height, int bands, DataType dataType, int bitsPerSample,
                          ByteOrder byteOrder, boolean bigTiff, Interleave interleave, TiffCompression compression,
                          int compressionCode, int predictor, int photometric, boolean tiled, int blockWidth,
                          int blockHeight, List<Overview> overviews, Optional<Crs> crs, Optional<GeoTransform> transform,
                          GeoKeyDirectory geoKeys, List<OptionalDouble> nodata, List<String> bandDescriptions,
                          Map<String, String> gdalMetadata, Optional<ColorTable> colorTable) {

    /**
     * One reduced-resolution image.
     *
     * @param width       columns
     * @param height      rows
     * @param blockWidth  tile width (or image width for strips)
     * @param blockHeight tile height (or rows per strip)
     */
    public record Overview(int width, int height, int blockWidth, int blockHeight) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /** Validates and copies. */
    public GeoTiffInfo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(interleave, "interleave");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(geoKeys, "geoKeys");
        Objects.requireNonNull(colorTable, "colorTable");
        overviews = List.copyOf(overviews);
        nodata = List.copyOf(nodata);
        bandDescriptions = List.copyOf(bandDescriptions);
        gdalMetadata = Map.copyOf(gdalMetadata);
        if (width < 1 || height < 1 || bands < 1) {
            throw new IllegalArgumentException("size must be positive, got " + width + "x" + height + "x" + bands);
        }
        if (nodata.size() != bands || bandDescriptions.size() != bands) {
            throw new IllegalArgumentException("nodata and bandDescriptions need one entry per band (" + bands + ")");
        }
    }

    /** Number of overviews. */
    public int overviewCount() {
        return overviews.size();
    }

    /** Whether the image has a colour table (a palette image, or a one-band 1-bit image as GDAL sees it). */
    public boolean hasPalette() {
        return colorTable.isPresent();
    }

    /** The georeference (CRS and transform) when the file has a transform. */
    public Optional<GeoReference> geoReference() {
        return transform.map(t -> new GeoReference(crs, t));
    }

    /** Band names as a read reports them: the band description where present, "1".."n" otherwise. */
    public List<String> bandNames() {
        List<String> names = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            String d = bandDescriptions.get(b);
            names.add(d.isEmpty() ? Integer.toString(b + 1) : d);
        }
        return names;
    }

    /**
     * The metadata of a full read: type, bands, size, georeference, nodata and band names.
     *
     * @throws IllegalArgumentException if one band has more than {@code Integer.MAX_VALUE} pixels (read a window)
     */
    public RasterMetadata metadata() {
        return new RasterMetadata(dataType, bands, height, width, geoReference(), nodata, bandNames());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("GeoTiffInfo[");
        sb.append(file.getFileName()).append(": ").append(width).append('x').append(height).append(", ")
                .append(bands).append(bands == 1 ? " band " : " bands ").append(dataType.id());
        if (bitsPerSample != dataType.bits()) {
            sb.append(" (").append(bitsPerSample).append("-bit)");
        }
        sb.append(", ").append(bands > 1 ? interleave.name().toLowerCase(java.util.Locale.ROOT) + "-interleaved, " : "")
                .append(tiled ? "tiles " : "strips ").append(blockWidth).append('x').append(blockHeight).append(", ")
                .append(compression == TiffCompression.OTHER ? "compression " + compressionCode : compression.label());
        if (predictor != 1) {
            sb.append(" predictor ").append(predictor);
        }
        if (bigTiff) {
            sb.append(", BigTIFF");
        }
        if (byteOrder == ByteOrder.BIG_ENDIAN) {
            sb.append(", big-endian");
        }
        if (!overviews.isEmpty()) {
            sb.append(", overviews ").append(overviews);
        }
        sb.append(", ").append(crs.map(Crs::toString).orElse("no CRS"));
        transform.ifPresent(t -> sb.append(", transform ").append(Arrays.toString(t.toArray())));
        if (nodata.stream().anyMatch(OptionalDouble::isPresent)) {
            OptionalDouble first = nodata.get(0);
            sb.append(", nodata ").append(first.isPresent() ? fmt(first.getAsDouble()) : "none");
        }
        if (bandDescriptions.stream().anyMatch(d -> !d.isEmpty())) {
            sb.append(", bands ").append(bandNames());
        }
        colorTable.ifPresent(c -> sb.append(", palette of ").append(c.size()).append(" colours"));
        return sb.append(']').toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
