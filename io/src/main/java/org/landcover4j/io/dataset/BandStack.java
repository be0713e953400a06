package org.landcover4j.io.dataset;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;

/**
 * Stacks single-file bands into one multi-band raster, promoting to a common data type when the files differ
 * (LandCoverNet's Sentinel-2 scenes mix uint16 reflectance with uint8 cloud and scene-class bands).
 *
 * <p>Promotion: one type stays as it is; {@code uint8 + uint16} gives {@code uint16}; other integer mixes up to
 * 16 bits give {@code int32}; mixes with {@code float32} and no 32-bit integers give {@code float32}; anything else
 * {@code float64}. Values are preserved exactly in every case. Per-band nodata and band names are kept; the
 * georeference is the first raster's. Stateless and thread-safe.
 *
 * {@snippet :
 * Raster scene = BandStack.stack(List.of(b02, b03, cld), List.of("B02", "B03", "CLD"));   // uint16, 3 bands
 * }
 */
public final class BandStack {

    private BandStack() {
    }

    /** The common type that holds every value of every given type. */
    public static DataType commonType(Set<DataType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no data types to combine");
        }
        if (types.size() == 1) {
            return types.iterator().next();
        }
        if (EnumSet.of(DataType.UINT8, DataType.UINT16).containsAll(types)) {
            return DataType.UINT16;
        }
        if (EnumSet.of(DataType.UINT8, DataType.INT8, DataType.UINT16, DataType.INT16).containsAll(types)) {
            return DataType.INT32;
        }
        if (EnumSet.of(DataType.UINT8, DataType.INT8, DataType.UINT16, DataType.INT16, DataType.FLOAT32)
                .containsAll(types)) {
            return DataType.FLOAT32;
        }
        return DataType.FLOAT64;
    }

    /**
     * Stacks the bands of {@code rasters} (all bands of each, in order) into one raster.
     *
     * @param names one name per resulting band, or {@code null} to keep the rasters' own names
     * @throws IllegalArgumentException if the rasters differ in size or the names do not match the band count
     */
    public static Raster stack(List<Raster> rasters, List<String> names) {
        if (rasters.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack");
        }
        Raster first = rasters.get(0);
        Set<DataType> types = EnumSet.noneOf(DataType.class);
        int bands = 0;
        List<OptionalDouble> nodata = new ArrayList<>();
        List<String> ownNames = new ArrayList<>();
        for (Raster r : rasters) {
            if (r.width() != first.width() || r.height() != first.height()) {
                throw new IllegalArgumentException("cannot stack a " + r.width() + "x" + r.height() + " raster onto "
                        + first.width() + "x" + first.height());
            }
            types.add(r.dataType());
            bands += r.bands();
            nodata.addAll(r.metadata().nodata());
            ownNames.addAll(r.metadata().bandNames());
        }
        if (names != null && names.size() != bands) {
            throw new IllegalArgumentException(names.size() + " names for " + bands + " bands: " + names);
        }
        DataType type = commonType(types);
        RasterMetadata m = new RasterMetadata(type, bands, first.height(), first.width(),
                first.metadata().geoReference(), nodata, names != null ? names : ownNames);
        int n = m.pixelsPerBand();
        int b = 0;
        switch (type) {
            case UINT8, INT8 -> {
                byte[][] out = new byte[bands][];
                for (Raster r : rasters) {
                    for (int i = 0; i < r.bands(); i++) {
                        out[b++] = ((ByteRaster) r).unsafeBandArray(i);
                    }
                }
                return ByteRaster.wrap(m, out);
            }
            case UINT16, INT16 -> {
                short[][] out = new short[bands][];
                for (Raster r : rasters) {
                    for (int i = 0; i < r.bands(); i++) {
                        if (r instanceof ShortRaster s) {
                            out[b++] = s.unsafeBandArray(i);
                        } else {
                            byte[] src = ((ByteRaster) r).unsafeBandArray(i);
                            short[] dst = new short[n];
                            for (int j = 0; j < n; j++) {
                                dst[j] = (short) (src[j] & 0xFF);
                            }
                            out[b++] = dst;
                        }
                    }
                }
                return ShortRaster.wrap(m, out);
            }
            case INT32, UINT32 -> {
                int[][] out = new int[bands][];
                for (Raster r : rasters) {
                    for (int i = 0; i < r.bands(); i++) {
                        if (r instanceof IntRaster ir && r.dataType() == type) {
                            out[b++] = ir.unsafeBandArray(i);
                        } else {
                            int[] dst = new int[n];
                            int w = r.width();
                            for (int j = 0; j < n; j++) {
                                dst[j] = (int) r.getDouble(i, j / w, j % w);
                            }
                            out[b++] = dst;
                        }
                    }
                }
                return IntRaster.wrap(m, out);
            }
            case FLOAT32 -> {
                float[][] out = new float[bands][];
                for (Raster r : rasters) {
                    for (int i = 0; i < r.bands(); i++) {
                        if (r instanceof FloatRaster f) {
                            out[b++] = f.unsafeBandArray(i);
                        } else {
                            double[] d = r.bandAsDouble(i);
                            float[] dst = new float[n];
                            for (int j = 0; j < n; j++) {
                                dst[j] = (float) d[j];
                            }
                            out[b++] = dst;
                        }
                    }
                }
                return FloatRaster.wrap(m, out);
            }
            case FLOAT64 -> {
                double[][] out = new double[bands][];
                for (Raster r : rasters) {
                    for (int i = 0; i < r.bands(); i++) {
                        out[b++] = r instanceof DoubleRaster d ? d.unsafeBandArray(i) : r.bandAsDouble(i);
                    }
                }
                return DoubleRaster.wrap(m, out);
            }
            default -> throw new IllegalStateException("unhandled type " + type);
        }
    }
}
