package org.landcover4j.io.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.DecodeLimits;

/**
 * An N-dimensional NumPy array: element type, byte order, memory order, shape, and its bytes.
 *
 * <p>The bytes are a read-only buffer: a memory map of the file for {@link Npy#read(Path)} of a large
 * {@code .npy}, a heap buffer otherwise. Indices are logical (row-major, like NumPy's {@code a[i, j, k]})
 * whatever the memory order. {@link #asRaster(Layout)} copies the elements once into a band-sequential raster:
 * a 2-D array becomes one band, a 3-D array {@code H x W x C} (channels last, as OpenSentinelMap stores
 * {@code gsd_10}) or {@code C x H x W} (channels first) becomes C bands, a 1-D array one row, a 0-d scalar one
 * pixel; leading dimensions of size 1 are dropped.
 *
 * <p>Immutable and thread-safe (the buffer is read-only; a mapped file must not be changed while in use).
 *
 * {@snippet :
 * NdArray a = Npz.read(Path.of("S2A_43QEU_20201018_0_L2A.npz"), "gsd_10");
 * a.shape();                         // [192, 192, 4]
 * a.getDouble(10, 20, 3);           // NIR at row 10, column 20
 * FloatRaster r = (FloatRaster) a.asRaster();   // 4 bands of 192x192
 * NdArray b = NdArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
 * }
 */
public final class NdArray {

    /** How a 3-D array's axes map to raster bands, rows and columns. */
    public enum Layout {
        /** {@code (height, width, channels)}: NumPy/PIL image convention, OpenSentinelMap's {@code gsd_*}. */
        CHANNELS_LAST,
        /** {@code (channels, height, width)}: GDAL/rasterio and PyTorch convention. */
        CHANNELS_FIRST
    }

    private final NpyHeader header;
    private final ByteBuffer raw;     // never handed out: may be a heap buffer whose array we read directly
    private final ByteBuffer data;
    private final long[] strides;     // element strides per logical axis

    private NdArray(NpyHeader header, ByteBuffer data) {
        this.header = header;
        this.raw = data;
        this.data = data.asReadOnlyBuffer().order(header.byteOrder());
        int nd = header.ndim();
        strides = new long[nd];
        long s = 1;
        for (int j = 0; j < nd; j++) {
            int a = header.fortranOrder() ? j : nd - 1 - j;
            strides[a] = s;
            s *= header.shape().get(a);
        }
    }

    /** Wraps a buffer positioned at the first element that holds exactly the header's data bytes. */
    static NdArray wrap(NpyHeader header, ByteBuffer data) {
        if (data.remaining() != header.dataBytes()) {
            throw new IllegalArgumentException("array of shape " + header.shapeString() + " " + header.descr()
                    + " needs " + header.dataBytes() + " bytes, got " + data.remaining());
        }
        return new NdArray(header, data.slice());
    }

    /**
     * An array over a copy of {@code data}'s remaining bytes, in the buffer's byte order.
     *
     * @param fortranOrder whether the first axis varies fastest in {@code data}
     * @throws IllegalArgumentException if the byte count does not match the shape
     */
    public static NdArray of(NpyDtype dtype, boolean fortranOrder, ByteBuffer data, int... shape) {
        Objects.requireNonNull(dtype, "dtype");
        List<Integer> s = shapeList(shape);
        NpyHeader h = new NpyHeader(1, 0, dtype, dtype.itemSize() == 1 ? ByteOrder.LITTLE_ENDIAN : data.order(),
                fortranOrder, s, 0);
        ByteBuffer copy = ByteBuffer.allocate(data.remaining()).order(data.order());
        copy.put(data.duplicate()).flip();
        return wrap(h, copy);
    }

    /** A C-order array of 8-bit values ({@code dtype} UINT8, INT8 or BOOL), copied. */
    public static NdArray ofBytes(NpyDtype dtype, byte[] values, int... shape) {
        requireSize(dtype, 1);
        return of(dtype, false, ByteBuffer.wrap(values), shape);
    }

    /** A C-order array of 16-bit values ({@code dtype} UINT16 or INT16), copied, little endian. */
    public static NdArray ofShorts(NpyDtype dtype, short[] values, int... shape) {
        requireSize(dtype, 2);
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(values);
        return of(dtype, false, b, shape);
    }

    /** A C-order array of 32-bit integers ({@code dtype} UINT32 or INT32), copied, little endian. */
    public static NdArray ofInts(NpyDtype dtype, int[] values, int... shape) {
        requireSize(dtype, 4);
        if (dtype.isFloat()) {
            throw new IllegalArgumentException("ofInts needs an integer dtype, got " + dtype);
        }
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return of(dtype, false, b, shape);
    }

    /** A C-order array of 64-bit integers ({@code dtype} INT64 or UINT64), copied, little endian. */
    public static NdArray ofLongs(NpyDtype dtype, long[] values, int... shape) {
        requireSize(dtype, 8);
        if (dtype.isFloat()) {
            throw new IllegalArgumentException("ofLongs needs an integer dtype, got " + dtype);
        }
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return of(dtype, false, b, shape);
    }

    /** A C-order float32 array, copied, little endian. */
    public static NdArray ofFloats(float[] values, int... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return of(NpyDtype.FLOAT32, false, b, shape);
    }

    /** A C-order float64 array, copied, little endian. */
    public static NdArray ofDoubles(double[] values, int... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return of(NpyDtype.FLOAT64, false, b, shape);
    }

    /**
     * The pixels of a raster as a C-order array: {@code (H, W)} for one band, otherwise {@code (H, W, C)} or
     * {@code (C, H, W)} by {@code layout}. The inverse of {@link #asRaster(Layout)}.
     */
    public static NdArray fromRaster(Raster raster, Layout layout) {
        Objects.requireNonNull(layout, "layout");
        int c = raster.bands();
        int h = raster.height();
        int w = raster.width();
        NpyDtype dtype = NpyDtype.of(raster.dataType());
        int item = dtype.itemSize();
        long bytes = (long) c * h * w * item;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("raster of " + bytes + " bytes does not fit one array buffer");
        }
        ByteBuffer b = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = h * w;
        boolean last = layout == Layout.CHANNELS_LAST && c > 1;
        for (int band = 0; band < c; band++) {
            for (int i = 0; i < n; i++) {
                int idx = (last ? i * c + band : band * n + i) * item;
                switch (raster) {
                    case ByteRaster r -> b.put(idx, r.unsafeBandArray(band)[i]);
                    case ShortRaster r -> b.putShort(idx, r.unsafeBandArray(band)[i]);
                    case IntRaster r -> b.putInt(idx, r.unsafeBandArray(band)[i]);
                    case FloatRaster r -> b.putFloat(idx, r.unsafeBandArray(band)[i]);
                    case DoubleRaster r -> b.putDouble(idx, r.unsafeBandArray(band)[i]);
                }
            }
        }
        int[] shape = c == 1 ? new int[] {h, w} : last ? new int[] {h, w, c} : new int[] {c, h, w};
        return wrap(new NpyHeader(1, 0, dtype, ByteOrder.LITTLE_ENDIAN, false, shapeList(shape), 0), b);
    }

    private static void requireSize(NpyDtype dtype, int size) {
        if (dtype.itemSize() != size) {
            throw new IllegalArgumentException("dtype " + dtype + " has " + dtype.itemSize()
                    + "-byte elements, this factory takes " + size + "-byte values");
        }
    }

    private static List<Integer> shapeList(int... shape) {
        List<Integer> s = new ArrayList<>(shape.length);
        for (int d : shape) {
            s.add(d);
        }
        return s;
    }

    // ------------------------------------------------------------------ accessors

    /** The header this array was read with (or would be written with). */
    public NpyHeader header() {
        return header;
    }

    /** Element type. */
    public NpyDtype dtype() {
        return header.dtype();
    }

    /** Byte order of the elements. */
    public ByteOrder byteOrder() {
        return header.byteOrder();
    }

    /** Whether the data is in Fortran order (first axis fastest). */
    public boolean isFortranOrder() {
        return header.fortranOrder();
    }

    /** The dimensions (a copy); empty for a 0-d scalar. */
    public int[] shape() {
        return header.shape().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Number of dimensions. */
    public int ndim() {
        return header.ndim();
    }

    /** Number of elements. */
    public long size() {
        return header.size();
    }

    /** The storage itself, positioned at the first element (not exposed: may be writable). */
    ByteBuffer rawData() {
        return raw.duplicate();
    }

    /** The element bytes as a read-only buffer in the array's byte order (memory order, not logical order). */
    public ByteBuffer data() {
        return data.duplicate().order(data.order());
    }

    private int offset(int... index) {
        if (index.length != header.ndim()) {
            throw new IllegalArgumentException("array of shape " + header.shapeString() + " needs " + header.ndim()
                    + " indices, got " + Arrays.toString(index));
        }
        long e = 0;
        for (int a = 0; a < index.length; a++) {
            Objects.checkIndex(index[a], header.shape().get(a));
            e += index[a] * strides[a];
        }
        return (int) (e * header.dtype().itemSize());
    }

    /** The element at a logical index, as a double (unsigned types read unsigned; booleans 0 or 1). */
    public double getDouble(int... index) {
        int o = offset(index);
        return switch (header.dtype()) {
            case FLOAT32 -> data.getFloat(o);
            case FLOAT64 -> data.getDouble(o);
            case UINT64 -> unsignedToDouble(data.getLong(o));
            default -> getLongAt(o);
        };
    }

    /**
     * The element at a logical index as a long (unsigned 64-bit values above {@code Long.MAX_VALUE} wrap;
     * floats are truncated toward zero).
     */
    public long getLong(int... index) {
        return getLongAt(offset(index));
    }

    private long getLongAt(int o) {
        return switch (header.dtype()) {
            case BOOL -> data.get(o) != 0 ? 1 : 0;
            case INT8 -> data.get(o);
            case UINT8 -> data.get(o) & 0xFF;
            case INT16 -> data.getShort(o);
            case UINT16 -> data.getShort(o) & 0xFFFF;
            case INT32 -> data.getInt(o);
            case UINT32 -> data.getInt(o) & 0xFFFFFFFFL;
            case INT64, UINT64 -> data.getLong(o);
            case FLOAT32 -> (long) data.getFloat(o);
            case FLOAT64 -> (long) data.getDouble(o);
        };
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    /** All elements as doubles in logical (C) order, a new array. */
    public double[] toDoubleArray() {
        long n = size();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("array of " + n + " elements does not fit a Java array");
        }
        double[] out = new double[(int) n];
        int nd = header.ndim();
        int[] idx = new int[nd];
        for (int i = 0; i < out.length; i++) {
            out[i] = getDouble(idx);
            for (int a = nd - 1; a >= 0; a--) {
                if (++idx[a] < header.shape().get(a)) {
                    break;
                }
                idx[a] = 0;
            }
        }
        return out;
    }

    /** The array as a raster, 3-D arrays read channels-last; see {@link #asRaster(Layout)}. */
    public Raster asRaster() {
        return asRaster(Layout.CHANNELS_LAST);
    }

    /**
     * Copies the elements into a band-sequential raster (see the class description for the shapes).
     *
     * @throws IllegalStateException if the array has no raster view: more than 3 dimensions of size above 1, no
     *                               elements, or 64-bit integer elements
     */
    public Raster asRaster(Layout layout) {
        try {
            return toRaster(layout, new DecodeLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE), null, "");
        } catch (InvalidDataException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    Raster toRaster(Layout layout, DecodeLimits limits, Path file, String where) throws InvalidDataException {
        RasterScatter s = RasterScatter.of(header, Objects.requireNonNull(layout, "layout"), limits, file, where);
        ByteBuffer d = rawData();
        if (d.hasArray()) {
            s.accept(d.array(), d.arrayOffset() + d.position(), d.remaining());
        } else {
            byte[] chunk = new byte[Math.min(d.remaining(), 1 << 16)];
            while (d.hasRemaining()) {
                int n = Math.min(chunk.length, d.remaining());
                d.get(chunk, 0, n);
                s.accept(chunk, 0, n);
            }
        }
        return s.raster();
    }

    @Override
    public String toString() {
        return "NdArray[" + header.descr() + " " + header.shapeString() + (header.fortranOrder() ? " Fortran order" : "")
                + "]";
    }
}
