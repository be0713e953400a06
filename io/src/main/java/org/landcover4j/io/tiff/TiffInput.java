package org.landcover4j.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.landcover4j.core.InvalidDataException;

/**
 * Positional, thread-safe access to the bytes of one TIFF file, with the file's byte order and flavour.
 *
 * <p>Every read is checked against the file size first, so a hostile offset becomes an
 * {@link InvalidDataException} naming the file, what was read and where, never an {@code EOFException}.
 * {@link FileChannel#read(ByteBuffer, long)} does not move the channel position, so concurrent reads are safe.
 */
final class TiffInput implements AutoCloseable {
    final Path path;
    private final FileChannel channel;
    final long size;
    final ByteOrder order;
    final boolean bigTiff;
    /** Offset of the first IFD, from the header. */
    final long firstIfd;

    private TiffInput(Path path, FileChannel channel, long size, ByteOrder order, boolean bigTiff, long firstIfd) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.order = order;
        this.bigTiff = bigTiff;
        this.firstIfd = firstIfd;
    }

    /** Opens {@code path} and checks its TIFF or BigTIFF header. */
    static TiffInput open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = ch.size();
            if (size < 8) {
                throw new InvalidDataException(path, "not a TIFF file: " + size + " bytes, a TIFF header needs at least 8");
            }
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(16, size));
            readFully(ch, head, 0);
            head.flip();
            int b0 = head.get(0) & 0xFF;
            int b1 = head.get(1) & 0xFF;
            ByteOrder order;
            if (b0 == 'I' && b1 == 'I') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (b0 == 'M' && b1 == 'M') {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw new InvalidDataException(path, String.format(
                        "not a TIFF file: byte-order mark 0x%02x%02x, expected \"II\" or \"MM\"", b0, b1));
            }
            head.order(order);
            int magic = head.getShort(2) & 0xFFFF;
            if (magic == 42) {
                long ifd = head.getInt(4) & 0xFFFFFFFFL;
                return new TiffInput(path, ch, size, order, false, ifd);
            }
            if (magic == 43) {
                if (size < 16) {
                    throw new InvalidDataException(path, "BigTIFF header truncated: " + size + " bytes, expected 16");
                }
                int byteSize = head.getShort(4) & 0xFFFF;
                int reserved = head.getShort(6) & 0xFFFF;
                if (byteSize != 8 || reserved != 0) {
                    throw new InvalidDataException(path, "BigTIFF header: offset size " + byteSize
                            + " and reserved " + reserved + ", expected 8 and 0");
                }
                long ifd = head.getLong(8);
                return new TiffInput(path, ch, size, order, true, ifd);
            }
            throw new InvalidDataException(path, "not a TIFF file: magic number " + magic + ", expected 42 (TIFF) or 43 (BigTIFF)");
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
    }

    /** Fails unless {@code length} bytes at {@code offset} lie inside the file. */
    void checkRange(long offset, long length, String what) throws InvalidDataException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw bad(what + " at offset " + Long.toUnsignedString(offset) + " (" + Long.toUnsignedString(length)
                    + " bytes) extends past the end of the file (" + size + " bytes)");
        }
    }

    /** Reads exactly {@code len} bytes at {@code offset} into {@code dst}; {@code what} names them in errors. */
    void read(long offset, byte[] dst, int off, int len, String what) throws IOException {
        checkRange(offset, len, what);
        ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
        long pos = offset;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw bad(what + " at offset " + offset + ": the file ended early (it shrank while being read?)");
            }
            pos += n;
        }
    }

    /** Reads {@code len} bytes at {@code offset} into a new array. */
    byte[] read(long offset, int len, String what) throws IOException {
        checkRange(offset, len, what);
        byte[] b = new byte[len];
        read(offset, b, 0, len, what);
        return b;
    }

    /** An exception naming this file. */
    InvalidDataException bad(String problem) {
        return new InvalidDataException(path, problem);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
