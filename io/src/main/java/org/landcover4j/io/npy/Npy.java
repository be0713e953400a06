package org.landcover4j.io.npy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.DecodeLimits;

/**
 * Reads and writes NumPy {@code .npy} arrays.
 *
 * <p>Reading: format versions 1.0, 2.0 and 3.0 (UTF-8 header); element types {@code b1 i1 u1 i2 u2 i4 u4 i8 u8
 * f4 f8} in either byte order ({@code <}, {@code >}, {@code |}, {@code =} read as little endian); C and Fortran
 * order; any number of dimensions, 0-d scalars included. {@link #read(Path)} memory-maps the data of files of
 * 64 KiB and more (no copy); {@link #readRaster(Path)} streams the data once into the raster's band arrays.
 *
 * <p>Checks: the magic string, the version, the header's syntax and keys (as NumPy: exactly {@code descr},
 * {@code fortran_order}, {@code shape}), and that the file holds the bytes the shape declares, before anything
 * is allocated or mapped; sizes are checked against {@link DecodeLimits}. Bytes after the data are ignored, as
 * NumPy does.
 *
 * <p>Writing: the header NumPy 1.24+ writes (version 1.0 unless the header needs 2.0), so files are
 * byte-identical to {@code numpy.save}'s for the same array.
 *
 * <p>Thread safety: stateless; all methods may be called from many threads at once.
 *
 * {@snippet :
 * NdArray a = Npy.read(Path.of("x.npy"));
 * Raster r = Npy.readRaster(Path.of("image_hwc.npy"));   // (H, W, C) -> C bands
 * Npy.write(Path.of("y.npy"), NdArray.ofFloats(new float[] {1, 2, 3}, 3));
 * }
 */
public final class Npy {
    /** Files with at least this many data bytes are memory-mapped by {@link #read(Path)}. */
    static final long MAP_THRESHOLD = 1 << 16;

    private Npy() {
    }

    /**
     * Reads the header of an {@code .npy} file.
     *
     * @throws InvalidDataException if the header is not valid
     * @throws IOException          if the file cannot be read
     */
    public static NpyHeader probe(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return NpyFormat.readHeader(in, file, "");
        }
    }

    /** Reads an array with the default {@link DecodeLimits}; see {@link #read(Path, DecodeLimits)}. */
    public static NdArray read(Path file) throws IOException {
        return read(file, DecodeLimits.defaults());
    }

    /**
     * Reads an array: memory-mapped when its data has 64 KiB or more, read into the heap otherwise.
     *
     * @throws InvalidDataException if the file is not a valid {@code .npy}, is shorter than its header declares, or
     *                              exceeds the limits
     * @throws IOException          if the file cannot be read
     */
    public static NdArray read(Path file, DecodeLimits limits) throws IOException {
        Objects.requireNonNull(limits, "limits");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader h = NpyFormat.readHeader(Channels.newInputStream(ch), file, "");
            long bytes = checkData(h, ch.size(), limits, file);
            ByteBuffer data;
            if (bytes >= MAP_THRESHOLD) {
                data = ch.map(FileChannel.MapMode.READ_ONLY, h.dataOffset(), bytes);
            } else {
                data = ByteBuffer.allocate((int) bytes);
                while (data.hasRemaining()) {
                    if (ch.read(data, h.dataOffset() + data.position()) < 0) {
                        throw new InvalidDataException(file, "truncated: the file ended while reading the data");
                    }
                }
                data.flip();
            }
            return NdArray.wrap(h, data);
        }
    }

    /** Reads an array as a raster, 3-D arrays channels-last, with the default limits. */
    public static Raster readRaster(Path file) throws IOException {
        return readRaster(file, NdArray.Layout.CHANNELS_LAST, DecodeLimits.defaults());
    }

    /**
     * Reads an array straight into a band-sequential raster (see {@link NdArray#asRaster(NdArray.Layout)} for the
     * shapes), streaming the data once.
     *
     * @throws InvalidDataException if the file is not valid, has no raster view, or exceeds the limits
     * @throws IOException          if the file cannot be read
     */
    public static Raster readRaster(Path file, NdArray.Layout layout, DecodeLimits limits) throws IOException {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(limits, "limits");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader h = NpyFormat.readHeader(Channels.newInputStream(ch), file, "");
            checkData(h, ch.size(), limits, file);
            RasterScatter s = RasterScatter.of(h, layout, limits, file, "");
            ch.position(h.dataOffset());
            ByteBuffer chunk = ByteBuffer.allocate((int) Math.max(8, Math.min(1 << 18, s.remainingBytes())));
            while (s.remaining() > 0) {
                chunk.clear();
                int n = ch.read(chunk);
                if (n < 0) {
                    throw new InvalidDataException(file, "truncated: the file ended while reading the data");
                }
                s.accept(chunk.array(), 0, n);
            }
            return s.raster();
        }
    }

    private static long checkData(NpyHeader h, long fileSize, DecodeLimits limits, Path file)
            throws InvalidDataException {
        long bytes = h.dataBytes();
        long avail = Math.max(0, fileSize - h.dataOffset());
        if (avail < bytes) {
            throw new InvalidDataException(file, "the header declares " + h.descr() + " " + h.shapeString() + " = "
                    + bytes + " data bytes, but the file has only " + avail + " after the header (file size "
                    + fileSize + ")");
        }
        if (!limits.allows(bytes)) {
            throw new InvalidDataException(file, "array " + h.descr() + " " + h.shapeString() + " of " + bytes
                    + " bytes exceeds the decode limit of " + limits.maxOutputBytes() + " bytes");
        }
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new InvalidDataException(file, "array " + h.descr() + " " + h.shapeString() + " of " + bytes
                    + " bytes exceeds 2 GiB, the most one buffer can hold");
        }
        return bytes;
    }

    /**
     * Writes an array as NumPy's {@code numpy.save} would.
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, NdArray array) throws IOException {
        Objects.requireNonNull(array, "array");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, array);
        }
    }

    /** Writes the header and data to a stream (not closed). */
    static void write(OutputStream out, NdArray array) throws IOException {
        NpyHeader h = array.header();
        out.write(NpyFormat.headerBytes(h.descr(), h.fortranOrder(), h.shape()));
        ByteBuffer d = array.rawData();
        if (d.hasArray()) {
            out.write(d.array(), d.arrayOffset() + d.position(), d.remaining());
        } else {
            byte[] chunk = new byte[Math.min(d.remaining(), 1 << 16)];
            while (d.hasRemaining()) {
                int n = Math.min(chunk.length, d.remaining());
                d.get(chunk, 0, n);
                out.write(chunk, 0, n);
            }
        }
    }
}
