package org.landcover4j.io.tiff;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles little-endian classic TIFF files by hand (data blocks and IFDs with arbitrary entries), for layouts
 * neither GDAL nor our writer produce, such as overviews in SubIFDs.
 */
final class TiffBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TiffBuilder() {
        out.writeBytes(new byte[] {'I', 'I', 42, 0, 0, 0, 0, 0});
    }

    /** Appends bytes (word-aligned) and returns their offset. */
    long append(byte[] data) {
        if ((out.size() & 1) != 0) {
            out.write(0);
        }
        long at = out.size();
        out.writeBytes(data);
        return at;
    }

    /** One IFD: tag to (type, values); integer values as longs, DOUBLE values as doubles. */
    static final class Dir {
        final Map<Integer, Object[]> entries = new TreeMap<>();
        long next;

        Dir shorts(int tag, long... v) {
            entries.put(tag, new Object[] {TiffTags.TYPE_SHORT, v});
            return this;
        }

        Dir longs(int tag, long... v) {
            entries.put(tag, new Object[] {TiffTags.TYPE_LONG, v});
            return this;
        }

        Dir ifds(int tag, long... v) {
            entries.put(tag, new Object[] {TiffTags.TYPE_IFD, v});
            return this;
        }
    }

    /** Appends an IFD (values after it) and returns its offset. */
    long append(Dir d) {
        if ((out.size() & 1) != 0) {
            out.write(0);
        }
        long at = out.size();
        int n = d.entries.size();
        long valuesAt = at + 2 + 12L * n + 4;
        ByteBuffer head = ByteBuffer.allocate(2 + 12 * n + 4).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        head.putShort((short) n);
        for (var e : d.entries.entrySet()) {
            int type = (int) e.getValue()[0];
            long[] v = (long[]) e.getValue()[1];
            int size = TiffTags.typeSize(type);
            ByteBuffer b = ByteBuffer.allocate(v.length * size).order(ByteOrder.LITTLE_ENDIAN);
            for (long x : v) {
                if (size == 2) {
                    b.putShort((short) x);
                } else {
                    b.putInt((int) x);
                }
            }
            head.putShort((short) (int) e.getKey()).putShort((short) type).putInt(v.length);
            if (b.capacity() <= 4) {
                head.put(b.array());
                for (int i = b.capacity(); i < 4; i++) {
                    head.put((byte) 0);
                }
            } else {
                head.putInt((int) (valuesAt + values.size()));
                values.writeBytes(b.array());
            }
        }
        head.putInt((int) d.next);
        out.writeBytes(head.array());
        out.writeBytes(values.toByteArray());
        return at;
    }

    /** The file, with the header pointing at {@code firstIfd}. */
    byte[] build(long firstIfd) {
        byte[] b = out.toByteArray();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, (int) firstIfd);
        return b;
    }

    /** A minimal uncompressed one-strip uint8 image directory. */
    static Dir image(int width, int height, int spp, long stripOffset, long newSubfileType) {
        Dir d = new Dir().longs(TiffTags.IMAGE_WIDTH, width).longs(TiffTags.IMAGE_LENGTH, height)
                .shorts(TiffTags.BITS_PER_SAMPLE, filled(spp, 8)).shorts(TiffTags.COMPRESSION, 1)
                .shorts(TiffTags.PHOTOMETRIC, 1).longs(TiffTags.STRIP_OFFSETS, stripOffset)
                .shorts(TiffTags.SAMPLES_PER_PIXEL, spp).longs(TiffTags.ROWS_PER_STRIP, height)
                .longs(TiffTags.STRIP_BYTE_COUNTS, (long) width * height * spp);
        if (newSubfileType != 0) {
            d.longs(TiffTags.NEW_SUBFILE_TYPE, newSubfileType);
        }
        return d;
    }

    private static long[] filled(int n, long v) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
