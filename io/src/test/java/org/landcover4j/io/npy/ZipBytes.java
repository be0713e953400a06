package org.landcover4j.io.npy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip archives byte by byte for tests, including ones no well-behaved writer produces. */
final class ZipBytes {
    private ZipBytes() {
    }

    /** A zip written by {@link ZipOutputStream} with the given member names and contents. */
    static byte[] zip(boolean deflate, Object... nameThenBytes) throws IOException {
        var bos = new ByteArrayOutputStream();
        try (var zo = new ZipOutputStream(bos)) {
            for (int i = 0; i < nameThenBytes.length; i += 2) {
                byte[] data = (byte[]) nameThenBytes[i + 1];
                ZipEntry e = new ZipEntry((String) nameThenBytes[i]);
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(data.length);
                    e.setCompressedSize(data.length);
                    e.setCrc(crc.getValue());
                }
                zo.putNextEntry(e);
                zo.write(data);
                zo.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    /**
     * A one-member archive in zip64 form throughout: the local and central headers carry 0xFFFFFFFF sizes with
     * the real ones in zip64 extra fields, and the directory is found through a zip64 end record and locator.
     *
     * @param deflate    whether to deflate the member
     * @param lieSize    the uncompressed size to declare (use {@code data.length} to be honest)
     */
    static byte[] zip64(String name, byte[] data, boolean deflate, long lieSize) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        byte[] body = data;
        if (deflate) {
            Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            d.setInput(data);
            d.finish();
            var out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            d.end();
            body = out.toByteArray();
        }
        ByteBuffer b = ByteBuffer.allocate(400 + 2 * n.length + body.length).order(ByteOrder.LITTLE_ENDIAN);
        // local file header
        b.putInt(0x04034b50).putShort((short) 45).putShort((short) 0).putShort((short) (deflate ? 8 : 0))
                .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue())
                .putInt(-1).putInt(-1).putShort((short) n.length).putShort((short) 20).put(n)
                .putShort((short) 1).putShort((short) 16).putLong(lieSize).putLong(body.length);
        b.put(body);
        int cdStart = b.position();
        // central directory header
        b.putInt(0x02014b50).putShort((short) 45).putShort((short) 45).putShort((short) 0)
                .putShort((short) (deflate ? 8 : 0)).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc.getValue()).putInt(-1).putInt(-1).putShort((short) n.length).putShort((short) 28)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(-1).put(n)
                .putShort((short) 1).putShort((short) 24).putLong(lieSize).putLong(body.length).putLong(0);
        int cdEnd = b.position();
        // zip64 end of central directory record
        b.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(1).putLong(1).putLong(cdEnd - cdStart).putLong(cdStart);
        // zip64 end of central directory locator
        b.putInt(0x07064b50).putInt(0).putLong(cdEnd).putInt(1);
        // end of central directory record, all fields saturated
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) -1).putShort((short) -1)
                .putInt(-1).putInt(-1).putShort((short) 0);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** Overwrites the uncompressed size of the first central directory entry (a classic, non-zip64 archive). */
    static byte[] withCentralSize(byte[] zip, long size) {
        byte[] z = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(z).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = z.length - 22;
        int cd = b.getInt(eocd + 16);
        b.putInt(cd + 24, (int) size);
        return z;
    }

    /** Overwrites the name of the first central directory entry (same length). */
    static byte[] withCentralName(byte[] zip, String name) {
        byte[] z = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(z).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = z.length - 22;
        int cd = b.getInt(eocd + 16);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if ((b.getShort(cd + 28) & 0xFFFF) != n.length) {
            throw new IllegalArgumentException("name length differs");
        }
        System.arraycopy(n, 0, z, cd + 46, n.length);
        return z;
    }
}
