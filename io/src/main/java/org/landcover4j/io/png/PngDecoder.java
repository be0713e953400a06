package org.landcover4j.io.png;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.ColorTable;
import org.landcover4j.io.DecodeLimits;
import org.landcover4j.io.internal.codec.Inflate;

/**
 * PNG decoder: one pass over the chunks, every chunk CRC checked, inflation bounded by the declared image, pixels
 * scattered straight into band arrays.
 *
 * <p>Images whose filtered data (rows plus filter bytes) fit in {@link #WHOLE_LIMIT} bytes, and in the decode limit
 * beside the bands, are decoded whole: the
 * IDAT payloads are gathered into one buffer (at most {@code 2 x filtered size + 64 KiB} of them is kept; the rest
 * is only CRC-checked), inflated in one call by the project's own {@link Inflate} into a buffer of exactly the
 * filtered size (plus one byte, to notice a stream that holds more), then unfiltered in place. Larger images
 * stream through {@link Inflater} a batch of rows at a time, so memory stays near the size of the bands. Both
 * paths give the same pixels, warnings and errors; a truncated zlib stream is re-read by {@link Inflater} so that
 * its message names the row where the data end, as before. The inflater, the read buffer and filtered-row buffers
 * of up to {@value #KEEP_ROWS} bytes are kept per thread and reused by the next decode on that thread.
 *
 * <p>Not thread-safe: one instance decodes one stream once.
 */
final class PngDecoder {
    /** Filtered bytes up to which an image is decoded whole (see the class comment). */
    static final long WHOLE_LIMIT = 64L << 20;

    /** Filtered-row buffers up to this size are kept per thread for the next image. */
    static final int KEEP_ROWS = 4 << 20;

    /** Per-thread buffers: an inflater (about 100 KB of tables), the read buffer and the filtered rows. */
    private static final class Scratch {
        final Inflate inflate = new Inflate();
        final byte[] buf = new byte[1 << 16];
        byte[] rows = new byte[0];
        boolean inUse;
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static final int IHDR = 0x49484452;
    private static final int PLTE = 0x504C5445;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    private static final int TRNS = 0x74524E53;

    /** Adam7 passes: x0, y0, dx, dy. */
    private static final int[][] ADAM7 = {
        {0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};

    private final InputStream in;
    private final Path file;
    private final DecodeLimits limits;
    private final WarningListener warnings;
    private byte[] buf;
    /** This thread's scratch while this decoder holds it (null if another decoder on the thread holds it). */
    private Scratch scratch;
    private int pos;
    private int lim;
    private long base;
    private final CRC32 crc = new CRC32();

    // current chunk
    private int chunkType;
    private long chunkRemaining;
    private long chunkOffset;
    private boolean headerPending;

    // header
    private int width;
    private int height;
    private int bitDepth;
    private PngColorType colorType;
    private boolean interlaced;
    private int[] plte;
    private byte[] trns;

    // decoding
    private Inflater inflater;
    private byte[] batch;
    private byte[][] b8;
    private short[][] b16;
    /** Filtered bytes up to which this decoder decodes whole; tests lower it to exercise the streaming path. */
    long wholeLimit = WHOLE_LIMIT;

    PngDecoder(InputStream in, Path file, DecodeLimits limits) {
        this(in, file, limits, WarningListener.ignore());
    }

    PngDecoder(InputStream in, Path file, DecodeLimits limits, WarningListener warnings) {
        this.in = in;
        this.file = file;
        this.limits = limits;
        this.warnings = warnings;
    }

    private void warn(String message) {
        warnings.warning(file == null ? "PNG data" : file.toString(), message);
    }

    // ---------------------------------------------------------------- entry points

    /** Reads the signature, IHDR and every chunk up to the first IDAT. */
    PngInfo probe() throws IOException {
        acquire();
        try {
            readHeaderChunks();
            return info();
        } finally {
            release();
        }
    }

    /**
     * Takes this thread's scratch buffers, or fresh ones when a decoder further up the stack holds them (a warning
     * listener that decodes another PNG).
     */
    private void acquire() {
        Scratch s = SCRATCH.get();
        if (!s.inUse) {
            s.inUse = true;
            scratch = s;
            buf = s.buf;
        } else {
            buf = new byte[1 << 16];
        }
    }

    private void release() {
        if (scratch != null) {
            scratch.inUse = false;
            scratch = null;
        }
    }

    /** Decodes the whole stream. */
    Raster decode() throws IOException {
        acquire();
        try {
            return decodeAll();
        } finally {
            release();
        }
    }

    private Raster decodeAll() throws IOException {
        readHeaderChunks();
        decodeImage();
        while (true) {
            if (!headerPending) {
                readChunkHeader();
            }
            headerPending = false;
            switch (chunkType) {
                case IEND -> {
                    if (chunkRemaining != 0) {
                        warn("IEND chunk has " + chunkRemaining + " bytes of data (it should be empty); ignored");
                        skipBytes(chunkRemaining);
                    }
                    finishChunk();
                    checkPaletteIndices();
                    return raster();
                }
                case IDAT -> throw invalid("IDAT chunk at offset " + chunkOffset
                        + " is separated from the image data by other chunks");
                case IHDR, PLTE -> throw invalid(name(chunkType) + " chunk at offset " + chunkOffset
                        + " after the image data");
                default -> skipChunk();
            }
        }
    }

    /** Warns about palette indices that have no colour (the standard calls them an error; decoders keep them). */
    private void checkPaletteIndices() {
        if (colorType != PngColorType.PALETTE || plte == null || plte.length >= (1 << bitDepth)) {
            return;
        }
        int max = 0;
        for (byte v : b8[0]) {
            max = Math.max(max, v & 0xFF);
        }
        if (max >= plte.length) {
            warn("pixel value " + max + " has no colour in the palette of " + plte.length + " entries; kept as is");
        }
    }

    private Raster raster() {
        RasterMetadata m = info().rasterMetadata();
        return b16 != null ? ShortRaster.wrap(m, b16) : ByteRaster.wrap(m, b8);
    }

    PngInfo info() {
        Optional<ColorTable> palette = Optional.empty();
        if (colorType == PngColorType.PALETTE && plte != null) {
            int[] rgba = new int[plte.length];
            for (int i = 0; i < rgba.length; i++) {
                int alpha = trns != null && i < trns.length ? trns[i] & 0xFF : 0xFF;
                rgba[i] = (plte[i] << 8) | alpha;
            }
            palette = Optional.of(ColorTable.ofRgba(rgba));
        }
        return new PngInfo(width, height, bitDepth, colorType, interlaced, palette);
    }

    // ---------------------------------------------------------------- chunks before the image data

    private void readHeaderChunks() throws IOException {
        readSignature();
        readChunkHeader();
        if (chunkType != IHDR) {
            throw invalid("first chunk is " + name(chunkType) + ", expected IHDR");
        }
        readIhdr();
        while (true) {
            readChunkHeader();
            switch (chunkType) {
                case IDAT -> {
                    if (colorType == PngColorType.PALETTE && plte == null) {
                        throw invalid("palette image has no PLTE chunk before its image data");
                    }
                    return;
                }
                case IEND -> throw invalid("IEND at offset " + chunkOffset + " before any IDAT chunk: no image data");
                case IHDR -> throw invalid("second IHDR chunk at offset " + chunkOffset);
                case PLTE -> readPlte();
                case TRNS -> readTrns();
                default -> skipChunk();
            }
        }
    }

    private void readSignature() throws IOException {
        while (lim < SIGNATURE.length) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                break;
            }
            lim += r;
        }
        if (lim == 0) {
            throw invalid("file is empty (0 bytes), expected a PNG signature");
        }
        boolean ok = lim >= SIGNATURE.length;
        for (int i = 0; ok && i < SIGNATURE.length; i++) {
            ok = buf[i] == SIGNATURE[i];
        }
        if (!ok) {
            throw invalid("not a PNG: expected signature 89 50 4E 47 0D 0A 1A 0A, found " + hex(buf, 0, Math.min(lim, 8))
                    + (lim < 8 ? " (file has only " + lim + " bytes)" : ""));
        }
        pos = SIGNATURE.length;
    }

    private void readIhdr() throws IOException {
        if (chunkRemaining != 13) {
            throw invalid("IHDR length is " + chunkRemaining + ", expected 13");
        }
        byte[] d = readChunkData(13);
        finishChunk();
        long w = u32(d, 0);
        long h = u32(d, 4);
        bitDepth = d[8] & 0xFF;
        int ct = d[9] & 0xFF;
        if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw invalid("IHDR size " + w + "x" + h + " is invalid (each must be 1..2147483647)");
        }
        colorType = PngColorType.ofCode(ct);
        if (colorType == null) {
            throw invalid("IHDR colour type " + ct + " is invalid (expected 0, 2, 3, 4 or 6)");
        }
        if (!colorType.allowsBitDepth(bitDepth)) {
            throw invalid("IHDR bit depth " + bitDepth + " is invalid for colour type " + ct + " (" + colorType + ")");
        }
        if (d[10] != 0) {
            throw invalid("IHDR compression method " + (d[10] & 0xFF) + " is unknown (expected 0)");
        }
        if (d[11] != 0) {
            throw invalid("IHDR filter method " + (d[11] & 0xFF) + " is unknown (expected 0)");
        }
        if (d[12] != 0 && d[12] != 1) {
            throw invalid("IHDR interlace method " + (d[12] & 0xFF) + " is unknown (expected 0 or 1)");
        }
        width = (int) w;
        height = (int) h;
        interlaced = d[12] == 1;
        if (width > limits.maxDimension() || height > limits.maxDimension()) {
            throw invalid("image size " + width + "x" + height + " exceeds the limit of " + limits.maxDimension()
                    + " pixels per side");
        }
        if ((long) width * height > Integer.MAX_VALUE) {
            throw invalid("image size " + width + "x" + height + " has more pixels than a band can hold (2^31-1)");
        }
        long bytes = (long) width * height * colorType.channels() * (bitDepth == 16 ? 2 : 1);
        if (!limits.allows(bytes)) {
            throw invalid("image of " + width + "x" + height + "x" + colorType.channels() + " samples needs " + bytes
                    + " bytes, more than the decode limit of " + limits.maxOutputBytes() + " bytes");
        }
    }

    private void readPlte() throws IOException {
        if (plte != null) {
            throw invalid("second PLTE chunk at offset " + chunkOffset);
        }
        if (chunkRemaining % 3 != 0 || chunkRemaining == 0 || chunkRemaining > 768) {
            throw invalid("PLTE length " + chunkRemaining + " is invalid (expected 3 to 768, a multiple of 3)");
        }
        int n = (int) chunkRemaining / 3;
        byte[] d = readChunkData((int) chunkRemaining);
        finishChunk();
        if (colorType == PngColorType.GREY || colorType == PngColorType.GREY_ALPHA) {
            throw invalid("PLTE chunk in a " + colorType + " image (the standard forbids it)");
        }
        if (colorType == PngColorType.PALETTE && n > (1 << bitDepth)) {
            throw invalid("PLTE has " + n + " entries, more than " + (1 << bitDepth) + " that " + bitDepth
                    + "-bit indices can address");
        }
        plte = new int[n];
        for (int i = 0; i < n; i++) {
            plte[i] = (d[3 * i] & 0xFF) << 16 | (d[3 * i + 1] & 0xFF) << 8 | (d[3 * i + 2] & 0xFF);
        }
    }

    private void readTrns() throws IOException {
        if (chunkRemaining > 256) {
            throw invalid("tRNS length " + chunkRemaining + " is invalid (at most 256)");
        }
        byte[] d = readChunkData((int) chunkRemaining);
        finishChunk();
        if (colorType == PngColorType.PALETTE) {
            if (plte == null) {
                throw invalid("tRNS chunk before PLTE in a palette image");
            }
            if (d.length > plte.length) {
                throw invalid("tRNS has " + d.length + " alpha values for a palette of " + plte.length + " entries");
            }
            trns = d;
        }
        // For grey and RGB images tRNS names one transparent colour; samples are returned as stored.
    }

    // ---------------------------------------------------------------- image data

    private void decodeImage() throws IOException {
        int channels = colorType.channels();
        int n = width * height;
        if (bitDepth == 16) {
            b16 = new short[channels][n];
        } else {
            b8 = new byte[channels][n];
        }
        long filtered = filteredBytes();
        long bandBytes = (long) width * height * channels * (bitDepth == 16 ? 2 : 1);
        // the whole path holds the filtered rows beside the bands: only when both fit the decode limit
        if (filtered <= wholeLimit && limits.allows(bandBytes + filtered)) {
            decodeWhole((int) filtered);
            return;
        }
        inflater = new Inflater();
        try {
            if (!interlaced) {
                decodePass(0, 0, 1, 1, 0);
            } else {
                for (int p = 0; p < 7; p++) {
                    int[] a = ADAM7[p];
                    decodePass(a[0], a[1], a[2], a[3], p + 1);
                }
            }
            drainTrailer();
        } finally {
            inflater.end();
            inflater = null;
        }
        // skip what is left of the image data (never inflated: it cannot add memory or time)
        while (!headerPending) {
            skipBytes(chunkRemaining);
            finishChunk();
            readChunkHeader();
            if (chunkType != IDAT) {
                headerPending = true;
            }
        }
    }

    /** The size of the filtered image data: every row of every pass, with its filter byte. */
    private long filteredBytes() {
        long total = 0;
        int channels = colorType.channels();
        for (int p = 0; p < (interlaced ? 7 : 1); p++) {
            int[] a = interlaced ? ADAM7[p] : new int[] {0, 0, 1, 1};
            long pw = (width - a[0] + a[2] - 1) / a[2];
            long ph = (height - a[1] + a[3] - 1) / a[3];
            if (pw > 0 && ph > 0) {
                total += ph * (1 + ((pw * channels * bitDepth + 7) >>> 3));
            }
        }
        return total;
    }

    /**
     * Decodes the image in one piece: gathers the IDAT payloads (the current chunk and those right after it),
     * inflates them into the filtered rows, then unfilters and scatters each pass.
     */
    private void decodeWhole(int filtered) throws IOException {
        long cap = Math.min(2L * filtered + (64 << 10), Integer.MAX_VALUE - 64);
        byte[] z = new byte[(int) Math.min(cap, Math.max(chunkRemaining, 1 << 12))];
        int zLen = 0;
        boolean clipped = false;
        while (true) {
            long keep = Math.min(chunkRemaining, cap - zLen);
            if (keep > z.length - zLen) {
                z = java.util.Arrays.copyOf(z, (int) Math.min(cap, Math.max(zLen + keep, 2L * z.length)));
            }
            readChunkData(z, zLen, (int) keep);
            zLen += (int) keep;
            if (chunkRemaining > 0) {
                clipped = true;
                skipBytes(chunkRemaining);
            }
            finishChunk();
            readChunkHeader();
            if (chunkType != IDAT) {
                headerPending = true;
                break;
            }
        }
        byte[] rows;
        Inflate inflate;
        if (scratch != null) {
            inflate = scratch.inflate;
            if (scratch.rows.length >= filtered + 1) {
                rows = scratch.rows;
            } else {
                rows = new byte[filtered + 1];
                if (rows.length <= KEEP_ROWS) {
                    scratch.rows = rows;
                }
            }
        } else {
            inflate = new Inflate();
            rows = new byte[filtered + 1];
        }
        int produced;
        try {
            produced = inflate.inflate(z, 0, zLen, rows, 0, filtered + 1);
        } catch (Inflate.CorruptException e) {
            if (!e.truncated()) {
                throw invalid("corrupt zlib data in the image data: " + e.getMessage());
            }
            if (clipped) {
                throw invalid("the zlib stream of the image data needs more than " + cap + " bytes, more than any"
                        + " encoder writes for " + filtered + " bytes of rows");
            }
            produced = inflateTruncated(z, zLen, rows, filtered);
        }
        if (produced > filtered) {
            warn("the image data holds more than the image needs; the rest is ignored");   // as libpng does
        } else if (produced < filtered) {
            throw invalid("image data ends early: the zlib stream ends in " + rowAt(produced));
        } else if (!inflate.checksumVerified()) {
            warn("the zlib stream of the image data is not terminated (no end marker and checksum); every "
                    + "row is there");
        }
        int off = 0;
        for (int p = 0; p < (interlaced ? 7 : 1); p++) {
            int[] a = interlaced ? ADAM7[p] : new int[] {0, 0, 1, 1};
            off = unfilterPass(rows, off, a[0], a[1], a[2], a[3], interlaced ? p + 1 : 0);
        }
    }

    /**
     * Re-reads a truncated zlib stream with {@link Inflater}, which says exactly how many bytes the data hold:
     * returns {@code filtered} (after a warning) when every row is there, else fails naming the row.
     */
    private int inflateTruncated(byte[] z, int zLen, byte[] rows, int filtered) throws IOException {
        Inflater jdk = new Inflater();
        try {
            jdk.setInput(z, 0, zLen);
            int n = 0;
            while (n < filtered) {
                int k = jdk.inflate(rows, n, filtered - n);
                n += k;
                if (k == 0 && (jdk.finished() || jdk.needsInput() || jdk.needsDictionary())) {
                    break;
                }
            }
            if (n < filtered) {
                throw invalid("image data ends early: the IDAT chunks end in " + rowAt(n));
            }
            return n;
        } catch (DataFormatException e) {
            throw invalid("corrupt zlib data in the image data: " + e.getMessage());
        } finally {
            jdk.end();
        }
    }

    /** Names the row that filtered byte {@code at} falls in: "row R [of Adam7 pass P] of H". */
    private String rowAt(long at) {
        int channels = colorType.channels();
        long start = 0;
        for (int p = 0; p < (interlaced ? 7 : 1); p++) {
            int[] a = interlaced ? ADAM7[p] : new int[] {0, 0, 1, 1};
            long pw = (width - a[0] + a[2] - 1) / a[2];
            long ph = (height - a[1] + a[3] - 1) / a[3];
            if (pw <= 0 || ph <= 0) {
                continue;
            }
            long rowLen = 1 + ((pw * channels * bitDepth + 7) >>> 3);
            if (at < start + ph * rowLen) {
                return "row " + (at - start) / rowLen + (interlaced ? " of Adam7 pass " + (p + 1) : "") + " of "
                        + height;
            }
            start += ph * rowLen;
        }
        return "row " + height + " of " + height;
    }

    /** Unfilters in place the rows of one pass starting at {@code rows[off]}; returns the offset after them. */
    private int unfilterPass(byte[] rows, int off, int x0, int y0, int dx, int dy, int pass) throws IOException {
        int pw = (width - x0 + dx - 1) / dx;
        int ph = (height - y0 + dy - 1) / dy;
        if (pw <= 0 || ph <= 0) {
            return off;
        }
        int channels = colorType.channels();
        int rowBytes = (int) (((long) pw * channels * bitDepth + 7) >>> 3);
        int rowLen = rowBytes + 1;
        int bpp = Math.max(1, channels * bitDepth / 8);
        byte[] prevArr = new byte[rowLen];     // zeros above the first row
        int prevOff = 0;
        for (int r = 0; r < ph; r++, off += rowLen) {
            int ft = rows[off];
            if (ft < 0 || ft > 4) {
                throw invalid("row " + r + (pass > 0 ? " of Adam7 pass " + pass : "") + ": filter type "
                        + (ft & 0xFF) + " is invalid (expected 0..4)");
            }
            unfilter(ft, rows, off, prevArr, prevOff, rowBytes, bpp);
            scatter(rows, off, y0 + r * dy, x0, dx, pw);
            prevArr = rows;
            prevOff = off;
        }
        return off;
    }

    private void decodePass(int x0, int y0, int dx, int dy, int pass) throws IOException {
        int pw = (width - x0 + dx - 1) / dx;
        int ph = (height - y0 + dy - 1) / dy;
        if (pw <= 0 || ph <= 0) {
            return;
        }
        int channels = colorType.channels();
        long rowBits = (long) pw * channels * bitDepth;
        int rowBytes = (int) ((rowBits + 7) >>> 3);
        int rowLen = rowBytes + 1;
        int bpp = Math.max(1, channels * bitDepth / 8);
        // inflate many rows per call: one JNI call per ~128 KiB instead of one per row
        int batchRows = Math.max(1, Math.min(ph, (128 << 10) / rowLen));
        if (batch == null || batch.length < batchRows * rowLen) {
            batch = new byte[batchRows * rowLen];
        }
        byte[] prev = new byte[rowLen];            // the row above the batch (zeros above the first row)
        int prevOff = 0;
        byte[] prevArr = prev;
        for (int r = 0; r < ph; r += batchRows) {
            int n = Math.min(batchRows, ph - r);
            inflateFully(batch, n * rowLen, r, pass, rowLen);
            for (int k = 0; k < n; k++) {
                int off = k * rowLen;
                int ft = batch[off];
                if (ft < 0 || ft > 4) {
                    throw invalid("row " + (r + k) + (pass > 0 ? " of Adam7 pass " + pass : "") + ": filter type "
                            + (ft & 0xFF) + " is invalid (expected 0..4)");
                }
                unfilter(ft, batch, off, prevArr, prevOff, rowBytes, bpp);
                scatter(batch, off, y0 + (r + k) * dy, x0, dx, pw);
                prevArr = batch;
                prevOff = off;
            }
            System.arraycopy(batch, (n - 1) * rowLen, prev, 0, rowLen);
            prevArr = prev;
            prevOff = 0;
        }
    }

    private void inflateFully(byte[] row, int len, int r, int pass, int rowLen) throws IOException {
        int off = 0;
        int idle = 0;
        while (off < len) {
            int n;
            try {
                n = inflater.inflate(row, off, len - off);
            } catch (DataFormatException e) {
                throw invalid("corrupt zlib data in the image data before offset " + offset() + ": " + e.getMessage());
            }
            off += n;
            if (n == 0) {
                if (inflater.finished()) {
                    throw invalid("image data ends early: the zlib stream ends in row " + (r + off / rowLen)
                            + (pass > 0 ? " of Adam7 pass " + pass : "") + " of " + height);
                }
                if (inflater.needsDictionary()) {
                    throw invalid("the zlib stream asks for a preset dictionary, which PNG does not allow");
                }
                if (inflater.needsInput()) {
                    if (!feed()) {
                        throw invalid("image data ends early: the IDAT chunks end in row " + (r + off / rowLen)
                                + (pass > 0 ? " of Adam7 pass " + pass : "") + " of " + height);
                    }
                } else if (++idle > 4) {
                    throw invalid("the zlib stream makes no progress at offset " + offset());
                }
            }
        }
    }

    /** Lets the inflater read the end of the zlib stream (checking its Adler-32) without producing pixels. */
    private void drainTrailer() throws IOException {
        byte[] one = new byte[1];
        while (!inflater.finished()) {
            int n;
            try {
                n = inflater.inflate(one, 0, 1);
            } catch (DataFormatException e) {
                throw invalid("corrupt zlib data after the last row: " + e.getMessage());
            }
            if (n > 0) {
                warn("the image data holds more than the image needs; the rest is ignored");
                return;                          // as libpng does
            }
            if (inflater.needsInput() && !feed()) {
                warn("the zlib stream of the image data is not terminated (no end marker and checksum); every "
                        + "row is there");
                return;
            }
            if (!inflater.needsInput() && !inflater.finished()) {
                return;
            }
        }
    }

    /** Gives the inflater the next piece of IDAT data; false when the IDAT chunks are exhausted. */
    private boolean feed() throws IOException {
        if (headerPending) {
            return false;
        }
        while (chunkRemaining == 0) {
            finishChunk();
            readChunkHeader();
            if (chunkType != IDAT) {
                headerPending = true;
                return false;
            }
        }
        if (pos == lim) {
            fill(1, "IDAT data");
        }
        int n = (int) Math.min(lim - pos, chunkRemaining);
        crc.update(buf, pos, n);
        inflater.setInput(buf, pos, n);
        pos += n;
        chunkRemaining -= n;
        return true;
    }

    /** {@link #unfilter(int, byte[], int, byte[], int, int, int)} for rows at offset 0. */
    static void unfilter(int ft, byte[] cur, byte[] prev, int n, int bpp) {
        unfilter(ft, cur, 0, prev, 0, n, bpp);
    }

    /** Reverses the filter of the row at {@code c[co]} (filter byte, then {@code n} bytes) given the row above. */
    static void unfilter(int ft, byte[] c, int co, byte[] p, int po, int n, int bpp) {
        if (bpp == 1 && n >= 1 && ft != 2) {
            unfilterOneByte(ft, c, co, p, po, n);
            return;
        }
        if (ft == 4 && bpp >= 2 && bpp <= 4 && n % bpp == 0) {
            paethMulti(c, co, p, po, n, bpp);
            return;
        }
        switch (ft) {
            case 1 -> {
                for (int i = co + 1 + bpp, end = co + n; i <= end; i++) {
                    c[i] += c[i - bpp];
                }
            }
            case 2 -> unfilterUp(c, co, p, po, n);
            case 3 -> {
                int head = Math.min(bpp, n);
                for (int i = 1; i <= head; i++) {
                    c[co + i] += (byte) ((p[po + i] & 0xFF) >>> 1);
                }
                for (int i = 1 + bpp; i <= n; i++) {
                    c[co + i] += (byte) (((c[co + i - bpp] & 0xFF) + (p[po + i] & 0xFF)) >>> 1);
                }
            }
            case 4 -> {
                int head = Math.min(bpp, n);
                for (int i = 1; i <= head; i++) {
                    c[co + i] += p[po + i];
                }
                for (int i = 1 + bpp; i <= n; i++) {
                    int a = c[co + i - bpp] & 0xFF;
                    int b = p[po + i] & 0xFF;
                    int cc = p[po + i - bpp] & 0xFF;
                    int pa = Math.abs(b - cc);
                    int pb = Math.abs(a - cc);
                    int pc = Math.abs(a + b - cc - cc);
                    c[co + i] += (byte) (pa <= pb && pa <= pc ? a : pb <= pc ? b : cc);
                }
            }
            default -> { }
        }
    }

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH1 = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;

    /** Eight byte-wise additions modulo 256 in one word (no carry crosses a byte). */
    private static long add8(long x, long y) {
        return ((x & LOW7) + (y & LOW7)) ^ ((x ^ y) & HIGH1);
    }

    /**
     * {@link #unfilter} for one byte per pixel (8-bit grey and palette, the usual label maps): the left neighbour is
     * kept in a register instead of being read back from the row just written. Label maps are mostly flat, so
     * their filtered rows are mostly zero bytes: eight of them at a time are recognised with one word compare and
     * reconstructed without the byte-serial chain (Sub and Paeth where the row above is flat: the left value
     * repeated; Paeth where left equals upper-left: the row above). Same results as the byte loop.
     */
    private static void unfilterOneByte(int ft, byte[] cur, int co, byte[] prev, int po, int n) {
        // one small method per filter: a single large method exceeded the JIT's inlining budget and left the
        // word accesses as calls
        switch (ft) {
            case 1 -> subOneByte(cur, co, n);
            case 3 -> averageOneByte(cur, co, prev, po, n);
            case 4 -> paethOneByte(cur, co, prev, po, n);
            default -> { }
        }
    }

    private static void subOneByte(byte[] cur, int co, int n) {
        int a = cur[co + 1];
        int i = co + 2;
        int end = co + n;
        for (; i + 7 <= end; i += 8) {
            if ((long) LONG.get(cur, i) == 0) {
                LONG.set(cur, i, (a & 0xFFL) * ONES);
                continue;
            }
            for (int k = i; k < i + 8; k++) {
                a += cur[k];
                cur[k] = (byte) a;
            }
        }
        for (; i <= end; i++) {
            a += cur[i];
            cur[i] = (byte) a;
        }
    }

    private static void averageOneByte(byte[] cur, int co, byte[] prev, int po, int n) {
        int a = (cur[co + 1] + ((prev[po + 1] & 0xFF) >>> 1)) & 0xFF;
        cur[co + 1] = (byte) a;
        for (int i = 2; i <= n; i++) {
            a = (cur[co + i] + ((a + (prev[po + i] & 0xFF)) >>> 1)) & 0xFF;
            cur[co + i] = (byte) a;
        }
    }

    private static void paethOneByte(byte[] cur, int co, byte[] prev, int po, int n) {
        int a = (cur[co + 1] + prev[po + 1]) & 0xFF;
        cur[co + 1] = (byte) a;
        int c = prev[po + 1] & 0xFF;
        int i = 2;
        for (; i + 7 <= n; i += 8) {
            long x = (long) LONG.get(cur, co + i);
            long above = (long) LONG.get(prev, po + i);
            if (above == (long) LONG.get(prev, po + i - 1)) {
                // b == c at all eight: Paeth picks a, as Sub does (and a + 0 stays a)
                c = (int) (above >>> 56);
                if (x == 0) {
                    LONG.set(cur, co + i, (long) a * ONES);
                } else {
                    for (int k = co + i; k < co + i + 8; k++) {
                        a = (a + cur[k]) & 0xFF;
                        cur[k] = (byte) a;
                    }
                }
                continue;
            }
            if (x == 0) {
                if (a == c) {
                    // left == upper-left: Paeth picks b, so each output is the byte above, which keeps
                    // left == upper-left for the next byte
                    LONG.set(cur, co + i, above);
                    a = (int) (above >>> 56);
                    c = a;
                    continue;
                }
            }
            for (int k = i; k < i + 8; k++) {
                int b = prev[po + k] & 0xFF;
                a = (cur[co + k] + paeth(a, b, c)) & 0xFF;
                cur[co + k] = (byte) a;
                c = b;
            }
        }
        for (; i <= n; i++) {
            int b = prev[po + i] & 0xFF;
            a = (cur[co + i] + paeth(a, b, c)) & 0xFF;
            cur[co + i] = (byte) a;
            c = b;
        }
    }

    /** Up: each byte plus the byte above, eight at a time. */
    private static void unfilterUp(byte[] c, int co, byte[] p, int po, int n) {
        int i = 1;
        for (; i + 7 <= n; i += 8) {
            long x = (long) LONG.get(c, co + i);
            long y = (long) LONG.get(p, po + i);
            LONG.set(c, co + i, x == 0 ? y : add8(x, y));
        }
        for (; i <= n; i++) {
            c[co + i] += p[po + i];
        }
    }

    /** The Paeth predictor in libpng's two-comparison form (same choices, ties to a, then b). */
    private static int paeth(int a, int b, int c) {
        int p = b - c;
        int q = a - c;
        int pa = Math.abs(p);
        int pb = Math.abs(q);
        int pc = Math.abs(p + q);
        if (pb < pa) {
            pa = pb;
            a = b;
        }
        return pc < pa ? c : a;
    }

    /**
     * Paeth for 2, 3 or 4 bytes per pixel (16-bit grey, 8-bit grey+alpha, RGB, RGBA, 16-bit grey+alpha): the left
     * and upper-left neighbours of each channel stay in registers, giving independent chains per channel instead
     * of reloads of just-written bytes.
     */
    private static void paethMulti(byte[] cur, int co, byte[] prev, int po, int n, int bpp) {
        if (bpp == 2) {
            int a0 = (cur[co + 1] + prev[po + 1]) & 0xFF;
            int a1 = (cur[co + 2] + prev[po + 2]) & 0xFF;
            cur[co + 1] = (byte) a0;
            cur[co + 2] = (byte) a1;
            int c0 = prev[po + 1] & 0xFF;
            int c1 = prev[po + 2] & 0xFF;
            for (int i = 3; i + 1 <= n; i += 2) {
                int b0 = prev[po + i] & 0xFF;
                int b1 = prev[po + i + 1] & 0xFF;
                a0 = (cur[co + i] + paeth(a0, b0, c0)) & 0xFF;
                a1 = (cur[co + i + 1] + paeth(a1, b1, c1)) & 0xFF;
                cur[co + i] = (byte) a0;
                cur[co + i + 1] = (byte) a1;
                c0 = b0;
                c1 = b1;
            }
            return;
        }
        int a0 = (cur[co + 1] + prev[po + 1]) & 0xFF;
        int a1 = (cur[co + 2] + prev[po + 2]) & 0xFF;
        int a2 = (cur[co + 3] + prev[po + 3]) & 0xFF;
        cur[co + 1] = (byte) a0;
        cur[co + 2] = (byte) a1;
        cur[co + 3] = (byte) a2;
        int c0 = prev[po + 1] & 0xFF;
        int c1 = prev[po + 2] & 0xFF;
        int c2 = prev[po + 3] & 0xFF;
        if (bpp == 3) {
            for (int i = 4; i + 2 <= n; i += 3) {
                int b0 = prev[po + i] & 0xFF;
                int b1 = prev[po + i + 1] & 0xFF;
                int b2 = prev[po + i + 2] & 0xFF;
                a0 = (cur[co + i] + paeth(a0, b0, c0)) & 0xFF;
                a1 = (cur[co + i + 1] + paeth(a1, b1, c1)) & 0xFF;
                a2 = (cur[co + i + 2] + paeth(a2, b2, c2)) & 0xFF;
                cur[co + i] = (byte) a0;
                cur[co + i + 1] = (byte) a1;
                cur[co + i + 2] = (byte) a2;
                c0 = b0;
                c1 = b1;
                c2 = b2;
            }
            return;
        }
        int a3 = (cur[co + 4] + prev[po + 4]) & 0xFF;
        cur[co + 4] = (byte) a3;
        int c3 = prev[po + 4] & 0xFF;
        for (int i = 5; i + 3 <= n; i += 4) {
            int b0 = prev[po + i] & 0xFF;
            int b1 = prev[po + i + 1] & 0xFF;
            int b2 = prev[po + i + 2] & 0xFF;
            int b3 = prev[po + i + 3] & 0xFF;
            a0 = (cur[co + i] + paeth(a0, b0, c0)) & 0xFF;
            a1 = (cur[co + i + 1] + paeth(a1, b1, c1)) & 0xFF;
            a2 = (cur[co + i + 2] + paeth(a2, b2, c2)) & 0xFF;
            a3 = (cur[co + i + 3] + paeth(a3, b3, c3)) & 0xFF;
            cur[co + i] = (byte) a0;
            cur[co + i + 1] = (byte) a1;
            cur[co + i + 2] = (byte) a2;
            cur[co + i + 3] = (byte) a3;
            c0 = b0;
            c1 = b1;
            c2 = b2;
            c3 = b3;
        }
    }

    private void scatter(byte[] row, int ro, int y, int x0, int dx, int pw) {
        int base = y * width + x0;
        int channels = colorType.channels();
        if (bitDepth == 8) {
            if (channels == 1 && dx == 1) {
                System.arraycopy(row, ro + 1, b8[0], base, pw);
                return;
            }
            if (channels == 3 && dx == 1) {
                byte[] r = b8[0];
                byte[] g = b8[1];
                byte[] b = b8[2];
                for (int i = 0, s = ro + 1, d = base; i < pw; i++, s += 3, d++) {
                    r[d] = row[s];
                    g[d] = row[s + 1];
                    b[d] = row[s + 2];
                }
                return;
            }
            for (int c = 0; c < channels; c++) {
                byte[] band = b8[c];
                int s = ro + 1 + c;
                for (int i = 0, d = base; i < pw; i++, d += dx, s += channels) {
                    band[d] = row[s];
                }
            }
        } else if (bitDepth == 16) {
            int step = 2 * channels;
            for (int c = 0; c < channels; c++) {
                short[] band = b16[c];
                int s = ro + 1 + 2 * c;
                for (int i = 0, d = base; i < pw; i++, d += dx, s += step) {
                    band[d] = (short) ((row[s] & 0xFF) << 8 | (row[s + 1] & 0xFF));
                }
            }
        } else {
            byte[] band = b8[0];
            int bits = bitDepth;
            int mask = (1 << bits) - 1;
            for (int i = 0, d = base; i < pw; i++, d += dx) {
                int bit = i * bits;
                band[d] = (byte) ((row[ro + 1 + (bit >>> 3)] >>> (8 - bits - (bit & 7))) & mask);
            }
        }
    }

    // ---------------------------------------------------------------- low-level reading

    private void readChunkHeader() throws IOException {
        if (lim - pos < 8) {
            fill(8, "the next chunk header (the file has no IEND chunk)");
        }
        chunkOffset = offset();
        long length = u32(buf, pos);
        int type = (int) u32(buf, pos + 4);
        if (length > Integer.MAX_VALUE) {
            throw invalid("chunk at offset " + chunkOffset + " declares length " + length + ", more than 2^31-1");
        }
        for (int i = 4; i < 8; i++) {
            int c = buf[pos + i] & 0xFF;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                throw invalid("chunk at offset " + chunkOffset + " has type bytes " + hex(buf, pos + 4, 4)
                        + ", which are not letters");
            }
        }
        crc.reset();
        crc.update(buf, pos + 4, 4);
        pos += 8;
        chunkType = type;
        chunkRemaining = length;
    }

    private byte[] readChunkData(int len) throws IOException {
        byte[] d = new byte[len];
        readChunkData(d, 0, len);
        return d;
    }

    /** Reads {@code len} bytes of the current chunk's data into {@code d[at..)}, updating its CRC. */
    private void readChunkData(byte[] d, int at, int len) throws IOException {
        int off = at;
        int end = at + len;
        while (off < end) {
            if (pos == lim) {
                fill(1, name(chunkType) + " data");
            }
            int n = Math.min(lim - pos, end - off);
            System.arraycopy(buf, pos, d, off, n);
            pos += n;
            off += n;
        }
        crc.update(d, at, len);
        chunkRemaining -= len;
    }

    private void skipChunk() throws IOException {
        if ((chunkType & 0x20000000) == 0) {
            throw invalid("unknown critical chunk " + name(chunkType) + " at offset " + chunkOffset);
        }
        skipBytes(chunkRemaining);
        finishChunk();
    }

    private void skipBytes(long len) throws IOException {
        while (len > 0) {
            if (pos == lim) {
                fill(1, name(chunkType) + " data");
            }
            int n = (int) Math.min(lim - pos, len);
            crc.update(buf, pos, n);
            pos += n;
            len -= n;
            chunkRemaining -= n;
        }
    }

    private void finishChunk() throws IOException {
        if (chunkRemaining != 0) {
            throw new IllegalStateException("chunk data not consumed");
        }
        if (lim - pos < 4) {
            fill(4, "the CRC of chunk " + name(chunkType));
        }
        long stored = u32(buf, pos);
        pos += 4;
        long computed = crc.getValue();
        if (stored != computed) {
            throw invalid("chunk " + name(chunkType) + " at offset " + chunkOffset + " fails its CRC check (stored 0x"
                    + Long.toHexString(stored) + ", computed 0x" + Long.toHexString(computed) + ")");
        }
    }

    /** Ensures at least {@code need} unread bytes are buffered. */
    private void fill(int need, String what) throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
        }
        while (lim < need) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                throw invalid("truncated: the file ends at offset " + (base + lim) + " while reading " + what);
            }
            lim += r;
        }
    }

    private long offset() {
        return base + pos;
    }

    private InvalidDataException invalid(String problem) {
        return new InvalidDataException(file, problem);
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xFFL) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    private static String name(int type) {
        char[] c = {(char) (type >>> 24 & 0xFF), (char) (type >>> 16 & 0xFF), (char) (type >>> 8 & 0xFF),
            (char) (type & 0xFF)};
        return new String(c);
    }

    static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02X", b[off + i] & 0xFF));
        }
        return len == 0 ? "nothing" : sb.toString();
    }
}
