package org.landcover4j.io.tiff;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads and decodes one strip or tile at a time: positional read, decompression into a buffer of exactly the
 * chunk's legitimate size, then the predictor.
 *
 * <p>Decompression never writes past the chunk's legitimate size, so a stream that would expand without bound is
 * simply cut off; a stream that ends early is an error naming the chunk. At most {@code 2 x size + 1 KiB} of
 * compressed bytes are read per chunk, whatever its byte count claims, which bounds memory by the output size.
 *
 * <p>Not thread-safe: one instance per thread; {@link #close()} releases the native inflater.
 */
final class ChunkDecoder implements AutoCloseable {
    private final TiffImage img;
    private final Inflater inflater;
    private final Lzw lzw;
    private byte[] raw = new byte[0];
    private byte[] out = new byte[0];
    private byte[] tmp;

    ChunkDecoder(TiffImage img) {
        this.img = img;
        this.inflater = img.compression == 8 || img.compression == 32946 ? new Inflater() : null;
        this.lzw = img.compression == 5 ? new Lzw() : null;
    }

    /** Whether chunk {@code i} is absent from the file (GDAL's sparse files: offset or byte count 0). */
    boolean isSparse(int chunk) throws IOException {
        return img.offsets()[chunk] == 0 || img.byteCounts()[chunk] == 0;
    }

    /**
     * Decodes chunk {@code i}: the returned buffer holds {@link TiffImage#decodedChunkBytes(int)} bytes in the
     * file's byte order (it is reused by the next call).
     */
    byte[] decode(int chunk) throws IOException {
        int expected = img.decodedChunkBytes(chunk);
        long offset = img.offsets()[chunk];
        long count = img.byteCounts()[chunk];
        String what = (img.tiled ? "tile " : "strip ") + chunk + " of " + img.what;
        if (count < 0) {
            throw img.bad(what + " byte count " + Long.toUnsignedString(count) + " is negative");
        }
        if (out.length < expected) {
            out = new byte[expected];
        }
        int comp = img.compression;
        if (comp == 1) {
            if (count < expected) {
                throw img.bad(what + " has " + count + " bytes, an uncompressed chunk of "
                        + img.chunkRows(chunk) + " rows needs " + expected);
            }
            img.in.read(offset, out, 0, expected, what);
        } else {
            long cap = 2L * expected + 1024;
            int n = (int) Math.min(count, cap);
            img.in.checkRange(offset, n, what);
            if (raw.length < n) {
                raw = new byte[n];
            }
            img.in.read(offset, raw, 0, n, what);
            int produced;
            switch (comp) {
                case 8, 32946 -> produced = inflate(raw, n, expected, what);
                case 5 -> {
                    try {
                        produced = lzw.decode(raw, n, out, expected);
                    } catch (Lzw.CorruptException e) {
                        throw img.bad(what + ": " + e.getMessage());
                    }
                }
                case 32773 -> produced = PackBits.decode(raw, n, out, expected);
                default -> throw new IllegalStateException("compression " + comp + " goes to the fallback reader");
            }
            if (produced < expected) {
                throw img.bad(what + ": the " + TiffCompression.fromCode(comp).label() + " data (" + count
                        + " bytes) decode to " + produced + " bytes, expected " + expected);
            }
        }
        int rows = img.chunkRows(chunk);
        int rowSamples = img.blockWidth * img.chunkSamples;
        if (img.predictor == 2) {
            Predictors.undoHorizontal(out, rows, rowSamples, img.chunkSamples, img.sampleBytes, img.in.order);
        } else if (img.predictor == 3) {
            int rowBytes = img.chunkRowBytes();
            if (tmp == null || tmp.length < rowBytes) {
                tmp = new byte[rowBytes];
            }
            Predictors.undoFloat(out, rows, rowSamples, img.chunkSamples, img.sampleBytes, img.in.order, tmp);
        }
        return out;
    }

    private int inflate(byte[] src, int n, int expected, String what) throws IOException {
        Inflater inf = inflater;
        inf.reset();
        inf.setInput(src, 0, n);
        int pos = 0;
        try {
            while (pos < expected) {
                int k = inf.inflate(out, pos, expected - pos);
                pos += k;
                if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            throw img.bad(what + ": corrupt DEFLATE data after " + pos + " of " + expected + " bytes ("
                    + e.getMessage() + ")");
        }
        return pos;
    }

    @Override
    public void close() {
        if (inflater != null) {
            inflater.end();
        }
    }
}
