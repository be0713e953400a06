package org.landcover4j.io.npy;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.DecodeLimits;

/**
 * A NumPy {@code .npz} archive opened for reading: a zip of {@code .npy} members, each an array under its key
 * (the member name without {@code .npy}), as {@code numpy.savez} and {@code numpy.savez_compressed} write them.
 *
 * <p>Members may be stored or deflated; zip64 archives and members are read (by {@code java.util.zip}). On
 * opening, every member name is checked: names with a {@code ..} segment, absolute paths and duplicates make the
 * archive invalid. Reading a member checks that its uncompressed size equals what its {@code .npy} header
 * declares, reads exactly that many bytes (so a deflate bomb inflates no further than the declared array, which
 * is checked against {@link DecodeLimits} first), then checks that the member ends there and that its CRC-32
 * matches. {@link #readRaster(String)} streams a member straight into the raster's band arrays: one copy.
 *
 * <p>Thread safety: an open archive may be read from several threads at once. Close it when done.
 *
 * {@snippet :
 * try (Npz npz = Npz.open(Path.of("S2A_43QEU_20201018_0_L2A.npz"))) {
 *     npz.keys();                               // [gsd_10, gsd_20, gsd_60, scl]
 *     Raster tenMetre = npz.readRaster("gsd_10"); // 4 float32 bands of 192x192
 * }
 * Npz.write(Path.of("out.npz"), Map.of("gsd_10", NdArray.fromRaster(tenMetre, NdArray.Layout.CHANNELS_LAST)), true);
 * }
 */
public final class Npz implements AutoCloseable {
    private final Path file;
    private final ZipFile zip;
    private final DecodeLimits limits;
    private final Map<String, ZipEntry> members;

    private Npz(Path file, ZipFile zip, DecodeLimits limits, Map<String, ZipEntry> members) {
        this.file = file;
        this.zip = zip;
        this.limits = limits;
        this.members = members;
    }

    /** Opens an archive with the default {@link DecodeLimits}. */
    public static Npz open(Path file) throws IOException {
        return open(file, DecodeLimits.defaults());
    }

    /**
     * Opens an archive and checks its member names.
     *
     * @throws InvalidDataException if the file is not a zip archive or a member name is unsafe or repeated
     * @throws IOException          if the file cannot be read
     */
    public static Npz open(Path file, DecodeLimits limits) throws IOException {
        Objects.requireNonNull(limits, "limits");
        if (Files.isRegularFile(file) && Files.size(file) == 0) {
            throw new InvalidDataException(file, "file is empty (0 bytes), expected a zip archive (.npz)");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException | java.io.EOFException | RuntimeException e) {
            throw new InvalidDataException(file, "not a valid zip archive (.npz): " + e);
        }
        try {
            Map<String, ZipEntry> members = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                String name = e.getName();
                String bad = unsafeName(name);
                if (bad != null) {
                    throw new InvalidDataException(file, "member name '" + name + "' is unsafe: " + bad);
                }
                if (e.isDirectory()) {
                    continue;
                }
                String key = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
                if (members.put(key, e) != null) {
                    throw new InvalidDataException(file, "member '" + name + "' appears more than once");
                }
            }
            return new Npz(file, zip, limits, Collections.unmodifiableMap(members));
        } catch (InvalidDataException e) {
            zip.close();
            throw e;
        } catch (RuntimeException e) {
            zip.close();
            throw new InvalidDataException(file, "corrupt zip directory: " + e.getMessage());
        } catch (IOException | Error e) {
            zip.close();
            throw e;
        }
    }

    /** Why a member name is unsafe to treat as a path, or null when it is fine. */
    static String unsafeName(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            return "absolute path";
        }
        if (name.length() > 1 && name.charAt(1) == ':') {
            return "drive letter";
        }
        if (name.indexOf('\0') >= 0) {
            return "NUL character";
        }
        for (String seg : name.split("[/\\\\]")) {
            if (seg.equals("..")) {
                return "'..' path segment";
            }
        }
        return null;
    }

    /** Reads one array with the default limits and closes the archive. */
    public static NdArray read(Path file, String key) throws IOException {
        try (Npz npz = open(file)) {
            return npz.read(key);
        }
    }

    /** Reads one array as a raster (3-D channels-last) with the default limits and closes the archive. */
    public static Raster readRaster(Path file, String key) throws IOException {
        try (Npz npz = open(file)) {
            return npz.readRaster(key);
        }
    }

    /** The archive file. */
    public Path file() {
        return file;
    }

    /** The keys of the arrays, in archive order. */
    public List<String> keys() {
        return List.copyOf(members.keySet());
    }

    /** Whether the archive has an array under {@code key}. */
    public boolean contains(String key) {
        return members.containsKey(key);
    }

    private ZipEntry entry(String key) throws InvalidDataException {
        ZipEntry e = members.get(Objects.requireNonNull(key, "key"));
        if (e == null) {
            throw new InvalidDataException(file, "no array '" + key + "' in the archive; it holds: "
                    + String.join(", ", members.keySet()));
        }
        return e;
    }

    /**
     * Reads the {@code .npy} header of one member.
     *
     * @throws InvalidDataException if there is no such key or the header is invalid
     */
    public NpyHeader header(String key) throws IOException {
        ZipEntry e = entry(key);
        String where = where(e);
        try (InputStream in = open(e, where)) {
            return NpyFormat.readHeader(in, file, where);
        } catch (ZipException ze) {
            throw corrupt(where, ze);
        }
    }

    /**
     * Reads one array into the heap.
     *
     * @throws InvalidDataException if there is no such key, or the member is invalid, inconsistent or too large
     */
    public NdArray read(String key) throws IOException {
        ZipEntry e = entry(key);
        String where = where(e);
        try (CheckedInputStream in = new CheckedInputStream(open(e, where), new CRC32())) {
            NpyHeader h = NpyFormat.readHeader(in, file, where);
            long bytes = checkMember(e, h, where);
            byte[] data = new byte[(int) bytes];
            int got = NpyFormat.readUpTo(in, data, 0, data.length);
            if (got < data.length) {
                throw new InvalidDataException(file, where + "truncated: the data ends after " + got + " of "
                        + bytes + " bytes");
            }
            finish(in, e, where);
            return NdArray.wrap(h, ByteBuffer.wrap(data));
        } catch (ZipException ze) {
            throw corrupt(where, ze);
        }
    }

    /** Reads one array as a raster, 3-D arrays channels-last. */
    public Raster readRaster(String key) throws IOException {
        return readRaster(key, NdArray.Layout.CHANNELS_LAST);
    }

    /**
     * Streams one array into a band-sequential raster (see {@link NdArray#asRaster(NdArray.Layout)} for shapes).
     *
     * @throws InvalidDataException if there is no such key, the member is invalid or too large, or the array has no
     *                              raster view
     */
    public Raster readRaster(String key, NdArray.Layout layout) throws IOException {
        Objects.requireNonNull(layout, "layout");
        ZipEntry e = entry(key);
        String where = where(e);
        try (CheckedInputStream in = new CheckedInputStream(open(e, where), new CRC32())) {
            NpyHeader h = NpyFormat.readHeader(in, file, where);
            long bytes = checkMember(e, h, where);
            RasterScatter s = RasterScatter.of(h, layout, limits, file, where);
            byte[] chunk = new byte[(int) Math.max(8, Math.min(1 << 16, bytes))];
            long left = bytes;
            while (left > 0) {
                int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
                if (n < 0) {
                    throw new InvalidDataException(file, where + "truncated: the data ends after " + (bytes - left)
                            + " of " + bytes + " bytes");
                }
                s.accept(chunk, 0, n);
                left -= n;
            }
            finish(in, e, where);
            return s.raster();
        } catch (ZipException ze) {
            throw corrupt(where, ze);
        }
    }

    private String where(ZipEntry e) {
        return "member '" + e.getName() + "': ";
    }

    private InputStream open(ZipEntry e, String where) throws IOException {
        try {
            return new Guarded(zip.getInputStream(e));
        } catch (ZipException ze) {
            throw corrupt(where, ze);
        } catch (java.io.EOFException | RuntimeException re) {
            throw new InvalidDataException(file, where + "corrupt zip data: " + re);
        }
    }

    private InvalidDataException corrupt(String where, ZipException e) {
        return new InvalidDataException(file, where + "corrupt zip data: " + e.getMessage());
    }

    private long checkMember(ZipEntry e, NpyHeader h, String where) throws InvalidDataException {
        long bytes = h.dataBytes();
        long declared;
        try {
            declared = Math.addExact(h.dataOffset(), bytes);
        } catch (ArithmeticException ae) {
            declared = Long.MAX_VALUE;
        }
        if (e.getSize() >= 0 && e.getSize() != declared) {
            throw new InvalidDataException(file, where + "is " + e.getSize() + " bytes uncompressed, but its header ("
                    + h.dataOffset() + " bytes) declares " + h.descr() + " " + h.shapeString() + " = " + bytes
                    + " data bytes");
        }
        if (!limits.allows(bytes)) {
            throw new InvalidDataException(file, where + "array " + h.descr() + " " + h.shapeString() + " of " + bytes
                    + " bytes exceeds the decode limit of " + limits.maxOutputBytes() + " bytes");
        }
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new InvalidDataException(file, where + "array of " + bytes
                    + " bytes exceeds 2 GiB, the most one buffer can hold");
        }
        return bytes;
    }

    private void finish(CheckedInputStream in, ZipEntry e, String where) throws IOException {
        if (in.read() >= 0) {
            throw new InvalidDataException(file, where + "holds more data than its size and header declare");
        }
        long crc = in.getChecksum().getValue();
        if (e.getCrc() >= 0 && e.getCrc() != crc) {
            throw new InvalidDataException(file, where + "fails its CRC-32 check (stored 0x" + Long.toHexString(e.getCrc())
                    + ", computed 0x" + Long.toHexString(crc) + ")");
        }
    }

    /** Closes the archive. */
    @Override
    public void close() throws IOException {
        zip.close();
    }

    @Override
    public String toString() {
        return "Npz[" + file + ", keys=" + members.keySet() + "]";
    }

    /**
     * Writes arrays as an {@code .npz} archive, members named {@code <key>.npy} in the map's iteration order,
     * deflated (as {@code numpy.savez_compressed}) or stored (as {@code numpy.savez}).
     *
     * @throws IllegalArgumentException if a key is empty or would be an unsafe member name
     * @throws IOException              if the file cannot be written
     */
    public static void write(Path file, Map<String, NdArray> arrays, boolean compressed) throws IOException {
        List<Map.Entry<String, NdArray>> items = new ArrayList<>(arrays.entrySet());
        for (var it : items) {
            String bad = unsafeName(it.getKey() + ".npy");
            if (it.getKey().isEmpty() || bad != null || it.getKey().contains("/") || it.getKey().contains("\\")) {
                throw new IllegalArgumentException("key '" + it.getKey() + "' cannot name an .npz member"
                        + (bad != null ? ": " + bad : ""));
            }
            Objects.requireNonNull(it.getValue(), "array for key " + it.getKey());
        }
        try (OutputStream fo = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             ZipOutputStream zo = new ZipOutputStream(fo)) {
            for (var it : items) {
                NdArray a = it.getValue();
                ZipEntry e = new ZipEntry(it.getKey() + ".npy");
                NpyHeader h = a.header();
                if (compressed) {
                    e.setMethod(ZipEntry.DEFLATED);
                } else {
                    byte[] head = NpyFormat.headerBytes(h.descr(), h.fortranOrder(), h.shape());
                    CRC32 crc = new CRC32();
                    crc.update(head);
                    crc.update(a.rawData());
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(head.length + h.dataBytes());
                    e.setCompressedSize(head.length + h.dataBytes());
                    e.setCrc(crc.getValue());
                }
                zo.putNextEntry(e);
                Npy.write(zo, a);
                zo.closeEntry();
            }
        }
    }

    /** Turns unchecked exceptions and premature ends from the zip layer into {@link ZipException}s. */
    private static final class Guarded extends FilterInputStream {
        Guarded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (RuntimeException | java.io.EOFException e) {
                throw new ZipException(e.toString());
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (RuntimeException | java.io.EOFException e) {
                throw new ZipException(e.toString());
            }
        }
    }
}
