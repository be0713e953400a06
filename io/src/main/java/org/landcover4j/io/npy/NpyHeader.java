package org.landcover4j.io.npy;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.RasterMetadata;

/**
 * The header of a NumPy {@code .npy} array: format version, element type and byte order, memory order, shape,
 * and where the data starts.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * NpyHeader h = Npy.probe(Path.of("a.npy"));
 * h.descr();         // "<f4"
 * h.shape();         // [192, 192, 4]
 * h.dataBytes();     // 589824
 * }
 *
 * @param majorVersion  format version 1, 2 or 3
 * @param minorVersion  minor version (0)
 * @param dtype         element type
 * @param byteOrder     byte order of multi-byte elements (little endian for one-byte types)
 * @param fortranOrder  whether the first axis varies fastest in the data (otherwise the last: C order)
 * @param shape         the dimensions; empty for a 0-d scalar
 * @param dataOffset    offset of the first data byte from the start of the {@code .npy} stream
 */
public record NpyHeader(int majorVersion, int minorVersion, NpyDtype dtype, ByteOrder byteOrder,
                        boolean fortranOrder, List<Integer> shape, long dataOffset) {

    /** Validates the components and copies the shape. */
    public NpyHeader {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(byteOrder, "byteOrder");
        shape = List.copyOf(shape);
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("dimensions must be non-negative, got " + shape);
            }
        }
        if (majorVersion < 1 || majorVersion > 3 || dataOffset < 0) {
            throw new IllegalArgumentException("bad version " + majorVersion + " or data offset " + dataOffset);
        }
    }

    /** Number of dimensions (0 for a scalar). */
    public int ndim() {
        return shape.size();
    }

    /** Number of elements (1 for a scalar). */
    public long size() {
        long n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Bytes of data the header declares. */
    public long dataBytes() {
        return Math.multiplyExact(size(), dtype.itemSize());
    }

    /** The {@code descr} string as NumPy writes it: {@code "<f4"}, {@code ">u2"}, {@code "|u1"}. */
    public String descr() {
        char bo = dtype.itemSize() == 1 ? '|' : byteOrder == ByteOrder.BIG_ENDIAN ? '>' : '<';
        return bo + dtype.code();
    }

    /**
     * The metadata of the raster this array reads as (see {@link NdArray#asRaster(NdArray.Layout)}).
     *
     * @throws IllegalStateException if the array has no raster view (too many dimensions, no elements, 64-bit
     *                               integers, or more pixels than one band holds), with the reason
     */
    public RasterMetadata rasterMetadata(NdArray.Layout layout) {
        try {
            DataType type = dtype.rasterType().orElseThrow(() -> new IllegalStateException("dtype '" + descr()
                    + "' has no raster type (64-bit integers are not raster samples)"));
            int[] cyx = RasterScatter.rasterShape(this, layout, null, "");
            return RasterMetadata.of(type, cyx[0], cyx[1], cyx[2]);
        } catch (InvalidDataException | IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The shape in NumPy's notation, e.g. {@code (192, 192, 4)}, {@code (5,)}, {@code ()}. */
    public String shapeString() {
        return NpyFormat.shapeRepr(shape);
    }
}
