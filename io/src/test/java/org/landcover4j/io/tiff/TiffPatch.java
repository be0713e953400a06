package org.landcover4j.io.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Edits the first IFD of a little-endian classic TIFF in memory, to build hostile files from valid ones: change a
 * tag's type, count or value, one element of an out-of-line array, or the pointer to the next IFD.
 */
final class TiffPatch {
    final byte[] bytes;
    private final ByteBuffer b;

    TiffPatch(byte[] file) {
        this.bytes = file.clone();
        this.b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getShort(0) != 0x4949 || b.getShort(2) != 42) {
            throw new IllegalArgumentException("TiffPatch edits little-endian classic TIFF only");
        }
    }

    int ifdOffset() {
        return b.getInt(4);
    }

    int entryCount() {
        return b.getShort(ifdOffset()) & 0xFFFF;
    }

    /** Position of the 12-byte entry of {@code tag}. */
    int entry(int tag) {
        int ifd = ifdOffset();
        for (int i = 0; i < entryCount(); i++) {
            int p = ifd + 2 + 12 * i;
            if ((b.getShort(p) & 0xFFFF) == tag) {
                return p;
            }
        }
        throw new IllegalArgumentException("tag " + tag + " not in IFD 0");
    }

    /** Position of the next-IFD pointer of IFD 0. */
    int nextPointer() {
        return ifdOffset() + 2 + 12 * entryCount();
    }

    TiffPatch setType(int tag, int type) {
        b.putShort(entry(tag) + 2, (short) type);
        return this;
    }

    TiffPatch setCount(int tag, long count) {
        b.putInt(entry(tag) + 4, (int) count);
        return this;
    }

    /** Sets the inline value (as a LONG, or a SHORT when the entry is SHORT). */
    TiffPatch setValue(int tag, long value) {
        int p = entry(tag);
        if ((b.getShort(p + 2) & 0xFFFF) == TiffTags.TYPE_SHORT) {
            b.putShort(p + 8, (short) value);
        } else {
            b.putInt(p + 8, (int) value);
        }
        return this;
    }

    /** Sets element {@code i} of a LONG array stored out of line (or inline when it has one element). */
    TiffPatch setArrayElement(int tag, int i, long value) {
        int p = entry(tag);
        int count = b.getInt(p + 4);
        int at = count == 1 ? p + 8 : b.getInt(p + 8) + 4 * i;
        b.putInt(at, (int) value);
        return this;
    }

    long arrayElement(int tag, int i) {
        int p = entry(tag);
        int count = b.getInt(p + 4);
        int at = count == 1 ? p + 8 : b.getInt(p + 8) + 4 * i;
        return b.getInt(at) & 0xFFFFFFFFL;
    }

    TiffPatch setNext(long offset) {
        b.putInt(nextPointer(), (int) offset);
        return this;
    }

    TiffPatch setInt(int position, int value) {
        b.putInt(position, value);
        return this;
    }
}
