package org.landcover4j.io.tiff;

import java.io.IOException;
import org.landcover4j.io.internal.codec.Inflate;

/**
 * Reads and decodes one strip or tile at a time: positional read, decompression into a buffer of exactly the
 * chunk's legitimate size, then the predictor.
 *
 * <p>Decompression never writes past the chunk's legitimate size, so a stream that would expand without bound is
 * simply cut off; a stream that ends early is an error naming the chunk. At most {@code 2 x size + 1 KiB}
 * compressed bytes are read whatever the byte count claims (PackBits: its worst-case expansion): DEFLATE and
 * PackBits chunks are read whole, LZW input streams in blocks of at most {@value #BLOCK} bytes.
 * {@link #workingBytes} bounds the memory one decoder holds for given chunks.
 *
 * <p>The inflater and the buffers (up to {@value #KEEP} bytes each) are kept per thread and reused by the next
 * decoder on that thread, which saves allocating and zeroing them for every file (a SEN12MS Sentinel-2 patch needs
 * 1.7 MB of decoded and 0.9 MB of compressed tile).
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class ChunkDecoder implements AutoCloseable {
    /** Buffers up to this size are kept per thread after {@link #close()}. */
    static final int KEEP = 4 << 20;

    /** One thread's reusable inflater and buffers. */
    private static final class Scratch {
        Inflate inflate;
        byte[] raw = new byte[0];
        byte[] out = new byte[0];
        boolean inUse;
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Compressed bytes read per block. */
    static final int BLOCK = 1 << 20;
    /** Where decoded data start in the buffer {@link #decode} returns. */
    static final int BASE = 0;
    /** Spare bytes after the data, for word-wide copies. */
    private static final int SLACK = 16;

    private final TiffImage img;
    private final Inflate inflate;
    private final Lzw lzw;
    private byte[] raw = new byte[0];
    private byte[] out = new byte[0];
    private byte[] tmp;
    /** This thread's scratch while this decoder holds it (null if another decoder on the thread holds it). */
    private Scratch scratch;

    ChunkDecoder(TiffImage img) {
        this.img = img;
        Scratch s = SCRATCH.get();
        if (!s.inUse) {
            s.inUse = true;
            scratch = s;
            raw = s.raw;
            out = s.out;
        }
        boolean deflate = img.compression == 8 || img.compression == 32946;
        if (deflate && scratch != null) {
            if (scratch.inflate == null) {
                scratch.inflate = new Inflate();
            }
            this.inflate = scratch.inflate;
        } else {
            this.inflate = deflate ? new Inflate() : null;
        }
        this.lzw = img.compression == 5 ? new Lzw() : null;
    }

    /** The most compressed bytes worth reading for a chunk that decodes to {@code expected} bytes. */
    private static long inputCap(int compression, int expected) {
        return compression == 32773 ? expected + expected / 64 + 1024 : 2L * expected + 1024;
    }

    /** Compressed bytes read for chunk {@code i} (0 for uncompressed chunks, which are read into the output). */
    private static long inputBytes(TiffImage img, int chunk) throws IOException {
        if (img.compression == 1) {
            return 0;
        }
        long n = Math.min(img.byteCounts()[chunk], inputCap(img.compression, img.decodedChunkBytes(chunk)));
        return img.compression == 5 ? Math.min(n, BLOCK) : n;
    }

    /** An upper bound on the bytes one decoder allocates for the given chunks of {@code img}. */
    static long workingBytes(TiffImage img, Iterable<Integer> chunks) throws IOException {
        long max = 0;
        for (int c : chunks) {
            max = Math.max(max, BASE + img.decodedChunkBytes(c) + SLACK + Math.max(0, inputBytes(img, c)));
        }
        return max + (img.predictor == 3 ? img.chunkRowBytes() : 0);
    }

    /** Whether chunk {@code i} is absent from the file (GDAL's sparse files: offset or byte count 0). */
    boolean isSparse(int chunk) throws IOException {
        return img.offsets()[chunk] == 0 || img.byteCounts()[chunk] == 0;
    }

    /** Streams a chunk's compressed bytes in blocks. */
    private final class FileInput extends Lzw.Input {
        long pos;
        long remaining;
        final String what;

        FileInput(long pos, long remaining, String what) {
            this.pos = pos;
            this.remaining = remaining;
            this.what = what;
        }

        @Override
        boolean refill() throws IOException {
            if (remaining <= 0) {
                return false;
            }
            int n = (int) Math.min(remaining, BLOCK);
            if (raw.length < n) {
                raw = new byte[n];
            }
            img.in.read(pos, raw, 0, n, what);
            buf = raw;
            len = n;
            pos += n;
            remaining -= n;
            return true;
        }
    }

    /**
     * Decodes chunk {@code i}: the returned buffer holds {@link TiffImage#decodedChunkBytes(int)} bytes in the
     * file's byte order from index {@link #BASE} on (it is reused by the next call).
     */
    byte[] decode(int chunk) throws IOException {
        return decode(chunk, true);
    }

    /**
     * Decodes chunk {@code i}, undoing horizontal differencing only if {@code undoHorizontal} (the caller may fuse
     * it with copying the samples out, see {@link Samples#accumulateIn}); the floating-point predictor is always
     * undone.
     */
    byte[] decode(int chunk, boolean undoHorizontal) throws IOException {
        int expected = img.decodedChunkBytes(chunk);
        long offset = img.offsets()[chunk];
        long count = img.byteCounts()[chunk];
        String what = (img.tiled ? "tile " : "strip ") + chunk + " of " + img.what;
        if (count < 0) {
            throw img.bad(what + " byte count " + Long.toUnsignedString(count) + " is negative");
        }
        if (out.length < BASE + expected + SLACK) {
            out = new byte[BASE + expected + SLACK];
        }
        int comp = img.compression;
        if (comp == 1) {
            if (count < expected) {
                throw img.bad(what + " has " + count + " bytes, an uncompressed chunk of "
                        + img.chunkRows(chunk) + " rows needs " + expected);
            }
            img.in.read(offset, out, BASE, expected, what);
        } else {
            long n = Math.min(count, inputCap(comp, expected));
            img.in.checkRange(offset, n, what);
            int produced;
            switch (comp) {
                case 8, 32946 -> {
                    if (raw.length < n) {
                        raw = new byte[(int) n];
                    }
                    img.in.read(offset, raw, 0, (int) n, what);
                    try {
                        produced = inflate.inflate(raw, 0, (int) n, out, BASE, expected,
                                img.sampleBytes == 2 && img.predictor != 3);
                    } catch (Inflate.CorruptException e) {
                        throw img.bad(what + ": corrupt DEFLATE data (" + e.getMessage() + ")");
                    }
                }
                case 5 -> {
                    FileInput src = new FileInput(offset, n, what);
                    src.refill();
                    try {
                        produced = lzw.decode(src, out, BASE, expected);
                    } catch (Lzw.CorruptException e) {
                        throw img.bad(what + ": " + e.getMessage());
                    }
                }
                case 32773 -> {
                    if (raw.length < n) {
                        raw = new byte[(int) n];
                    }
                    img.in.read(offset, raw, 0, (int) n, what);
                    produced = PackBits.decode(raw, (int) n, out, BASE, expected);
                }
                default -> throw new IllegalStateException("compression " + comp + " goes to the fallback reader");
            }
            if (produced < expected) {
                throw img.bad(what + ": the " + TiffCompression.fromCode(comp).label() + " data (" + count
                        + " bytes) decode to " + produced + " bytes, expected " + expected);
            }
        }
        int rows = img.chunkRows(chunk);
        int rowSamples = img.blockWidth * img.chunkSamples;
        if (img.predictor == 2 && undoHorizontal) {
            Predictors.undoHorizontal(out, BASE, rows, rowSamples, img.chunkSamples, img.sampleBytes, img.in.order);
        } else if (img.predictor == 3) {
            int rowBytes = img.chunkRowBytes();
            if (tmp == null || tmp.length < rowBytes) {
                tmp = new byte[rowBytes];
            }
            Predictors.undoFloat(out, BASE, rows, rowSamples, img.chunkSamples, img.sampleBytes, img.in.order, tmp);
        }
        return out;
    }

    /** Hands the buffers back to this thread's scratch (nothing native to release: every codec is pure Java). */
    @Override
    public void close() {
        if (scratch != null) {
            scratch.raw = raw.length <= KEEP ? raw : new byte[0];
            scratch.out = out.length <= KEEP ? out : new byte[0];
            scratch.inUse = false;
            scratch = null;
        }
    }
}
