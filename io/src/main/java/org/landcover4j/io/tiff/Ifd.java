package org.landcover4j.io.tiff;

import static org.landcover4j.io.tiff.TiffTags.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.landcover4j.core.InvalidDataException;

/**
 * One image file directory: its entries, with values read on demand and checked against the file size.
 *
 * <p>Immutable after parsing; value reads are positional, so an {@code Ifd} may be used from several threads.
 */
final class Ifd {
    /** The most entries one IFD may have; real files have a few dozen. */
    static final int MAX_ENTRIES = 4096;

    /** One directory entry: values are inline (when they fit the value field) or at {@code offset}. */
    record Entry(int tag, int type, long count, long offset, byte[] inline) {
        long byteLength() {
            return count * typeSize(type);
        }
    }

    final TiffInput in;
    /** Where this IFD starts. */
    final long offset;
    /** Bytes the IFD occupies (count, entries, next pointer). */
    final long length;
    /** Offset of the next IFD, 0 for none. */
    final long next;
    final Map<Integer, Entry> entries;

    private Ifd(TiffInput in, long offset, long length, long next, Map<Integer, Entry> entries) {
        this.in = in;
        this.offset = offset;
        this.length = length;
        this.next = next;
        this.entries = entries;
    }

    /** Parses the IFD at {@code offset}; {@code what} names it in errors ("IFD 0", "SubIFD 1 of IFD 0"). */
    static Ifd parse(TiffInput in, long offset, String what) throws IOException {
        int countSize = in.bigTiff ? 8 : 2;
        int entrySize = in.bigTiff ? 20 : 12;
        int ptrSize = in.bigTiff ? 8 : 4;
        if (offset < 8 || offset > in.size - countSize) {
            throw in.bad(what + " offset " + Long.toUnsignedString(offset) + " is outside the file (" + in.size + " bytes)");
        }
        ByteBuffer cb = ByteBuffer.wrap(in.read(offset, countSize, what + " entry count")).order(in.order);
        long n = in.bigTiff ? cb.getLong(0) : cb.getShort(0) & 0xFFFF;
        if (n <= 0 || n > MAX_ENTRIES) {
            throw in.bad(what + " at offset " + offset + " declares " + Long.toUnsignedString(n)
                    + " entries, expected 1.." + MAX_ENTRIES);
        }
        long bodyLen = n * entrySize + ptrSize;
        in.checkRange(offset + countSize, bodyLen, what + " with " + n + " entries");
        ByteBuffer b = ByteBuffer.wrap(in.read(offset + countSize, (int) bodyLen, what)).order(in.order);
        Map<Integer, Entry> entries = new HashMap<>((int) n * 2);
        int inlineSize = in.bigTiff ? 8 : 4;
        for (int i = 0; i < n; i++) {
            int p = i * entrySize;
            int tag = b.getShort(p) & 0xFFFF;
            int type = b.getShort(p + 2) & 0xFFFF;
            long count = in.bigTiff ? b.getLong(p + 4) : b.getInt(p + 4) & 0xFFFFFFFFL;
            int valuePos = p + (in.bigTiff ? 12 : 8);
            int ts = typeSize(type);
            if (ts == 0 || entries.containsKey(tag)) {
                continue; // unknown field type, or a duplicate tag: the TIFF spec says to skip it (libtiff keeps the first)
            }
            if (count < 0 || count > in.size / ts + 1) {
                throw in.bad(what + " " + name(tag) + " declares " + Long.toUnsignedString(count) + " values of "
                        + ts + " bytes, more than the file holds (" + in.size + " bytes)");
            }
            long len = count * ts;
            if (len <= inlineSize) {
                byte[] inline = new byte[inlineSize];
                b.get(valuePos, inline);
                entries.put(tag, new Entry(tag, type, count, -1, inline));
            } else {
                long off = in.bigTiff ? b.getLong(valuePos) : b.getInt(valuePos) & 0xFFFFFFFFL;
                entries.put(tag, new Entry(tag, type, count, off, null));
            }
        }
        long next = in.bigTiff ? b.getLong((int) (n * entrySize)) : b.getInt((int) (n * entrySize)) & 0xFFFFFFFFL;
        return new Ifd(in, offset, countSize + bodyLen, next, entries);
    }

    boolean has(int tag) {
        return entries.containsKey(tag);
    }

    Entry entry(int tag) {
        return entries.get(tag);
    }

    /** The raw value bytes of an entry, at most {@code maxBytes} (more is an error naming the tag). */
    byte[] bytes(Entry e, long maxBytes) throws IOException {
        long len = e.byteLength();
        if (len > maxBytes) {
            throw in.bad(name(e.tag()) + " has " + e.count() + " values (" + len + " bytes), expected at most "
                    + maxBytes + " bytes");
        }
        if (e.inline() != null) {
            return e.inline();
        }
        return in.read(e.offset(), (int) len, name(e.tag()) + " values");
    }

    /** Integer values of a tag (any integer type), or {@code null} when absent; more than {@code maxCount} is an error. */
    long[] longs(int tag, long maxCount) throws IOException {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        if (e.count() > maxCount) {
            throw in.bad(name(tag) + " has " + e.count() + " values, expected at most " + maxCount);
        }
        return decodeLongs(e);
    }

    /** The first {@code n} integer values of a tag (fewer if it has fewer), or {@code null} when absent. */
    long[] firstLongs(int tag, int n) throws IOException {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        return decodeLongs(e.count() <= n ? e : new Entry(e.tag(), e.type(), n, e.offset(), e.inline()));
    }

    private long[] decodeLongs(Entry e) throws IOException {
        int tag = e.tag();
        int n = (int) e.count();
        ByteBuffer b = ByteBuffer.wrap(bytes(e, Long.MAX_VALUE)).order(in.order);
        long[] out = new long[n];
        switch (e.type()) {
            case TYPE_BYTE, TYPE_UNDEFINED -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.get(i) & 0xFF;
                }
            }
            case TYPE_SBYTE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.get(i);
                }
            }
            case TYPE_SHORT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getShort(2 * i) & 0xFFFF;
                }
            }
            case TYPE_SSHORT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getShort(2 * i);
                }
            }
            case TYPE_LONG, TYPE_IFD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getInt(4 * i) & 0xFFFFFFFFL;
                }
            }
            case TYPE_SLONG -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getInt(4 * i);
                }
            }
            case TYPE_LONG8, TYPE_SLONG8, TYPE_IFD8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getLong(8 * i);
                }
            }
            default -> throw in.bad(name(tag) + " has field type " + e.type() + ", expected an integer type");
        }
        return out;
    }

    /** The first integer value of a tag, or {@code dflt} when absent. */
    long longValue(int tag, long dflt) throws IOException {
        Entry e = entries.get(tag);
        if (e == null || e.count() == 0) {
            return dflt;
        }
        int ts = typeSize(e.type());
        byte[] v = e.inline() != null ? e.inline() : in.read(e.offset(), ts, name(tag) + " value");
        ByteBuffer b = ByteBuffer.wrap(v).order(in.order);
        return switch (e.type()) {
            case TYPE_BYTE, TYPE_UNDEFINED -> b.get(0) & 0xFF;
            case TYPE_SBYTE -> b.get(0);
            case TYPE_SHORT -> b.getShort(0) & 0xFFFF;
            case TYPE_SSHORT -> b.getShort(0);
            case TYPE_LONG, TYPE_IFD -> b.getInt(0) & 0xFFFFFFFFL;
            case TYPE_SLONG -> b.getInt(0);
            case TYPE_LONG8, TYPE_SLONG8, TYPE_IFD8 -> b.getLong(0);
            default -> throw in.bad(name(tag) + " has field type " + e.type() + ", expected an integer type");
        };
    }

    /** Real values of a tag (floating, rational or integer types), or {@code null} when absent. */
    double[] doubles(int tag, long maxCount) throws IOException {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        if (e.count() > maxCount) {
            throw in.bad(name(tag) + " has " + e.count() + " values, expected at most " + maxCount);
        }
        int n = (int) e.count();
        switch (e.type()) {
            case TYPE_DOUBLE -> {
                ByteBuffer b = ByteBuffer.wrap(bytes(e, Long.MAX_VALUE)).order(in.order);
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = b.getDouble(8 * i);
                }
                return out;
            }
            case TYPE_FLOAT -> {
                ByteBuffer b = ByteBuffer.wrap(bytes(e, Long.MAX_VALUE)).order(in.order);
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = b.getFloat(4 * i);
                }
                return out;
            }
            case TYPE_RATIONAL, TYPE_SRATIONAL -> {
                ByteBuffer b = ByteBuffer.wrap(bytes(e, Long.MAX_VALUE)).order(in.order);
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    double num = e.type() == TYPE_RATIONAL ? b.getInt(8 * i) & 0xFFFFFFFFL : b.getInt(8 * i);
                    double den = e.type() == TYPE_RATIONAL ? b.getInt(8 * i + 4) & 0xFFFFFFFFL : b.getInt(8 * i + 4);
                    out[i] = num / den;
                }
                return out;
            }
            default -> {
                long[] l = longs(tag, maxCount);
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = l[i];
                }
                return out;
            }
        }
    }

    /** An ASCII tag without its trailing NULs, or {@code null} when absent. */
    String ascii(int tag, long maxBytes) throws IOException {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        byte[] b = bytes(e, maxBytes);
        int n = (int) Math.min(b.length, e.byteLength());
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** The byte order of the file this IFD belongs to. */
    ByteOrder order() {
        return in.order;
    }

    static InvalidDataException missing(TiffInput in, String what, int tag) {
        return in.bad(what + " has no " + name(tag) + " tag");
    }
}
