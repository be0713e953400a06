package org.landcover4j.io.png;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.ColorTable;

/** PNG encoder: rows packed from band arrays, adaptive filtering for 8/16-bit samples, streaming deflate. */
final class PngEncoder {
    private static final int IDAT_SIZE = 1 << 16;

    private final OutputStream out;
    private final CRC32 crc = new CRC32();
    private final byte[] idat = new byte[IDAT_SIZE];
    private int idatLen;

    private PngEncoder(OutputStream out) {
        this.out = out;
    }

    static void encode(Raster raster, PngWriteOptions options, OutputStream out) throws IOException {
        new PngEncoder(out).write(raster, options);
    }

    private void write(Raster raster, PngWriteOptions options) throws IOException {
        int bands = raster.bands();
        int width = raster.width();
        int height = raster.height();
        boolean sixteen;
        if (raster instanceof ByteRaster && raster.dataType() == DataType.UINT8) {
            sixteen = false;
        } else if (raster instanceof ShortRaster && raster.dataType() == DataType.UINT16) {
            sixteen = true;
        } else {
            throw new IllegalArgumentException("PNG holds uint8 or uint16 samples, got " + raster.dataType());
        }
        if (bands > 4) {
            throw new IllegalArgumentException("PNG holds 1 to 4 bands (grey, grey+alpha, RGB, RGBA), got " + bands);
        }
        ColorTable palette = options.palette().orElse(null);
        PngColorType type;
        int bitDepth;
        if (palette != null) {
            if (bands != 1 || sixteen) {
                throw new IllegalArgumentException("a palette PNG needs a one-band uint8 raster, got " + bands
                        + " band(s) of " + raster.dataType());
            }
            byte[] idx = ((ByteRaster) raster).unsafeBandArray(0);
            int max = 0;
            for (byte b : idx) {
                max = Math.max(max, b & 0xFF);
            }
            if (max >= palette.size()) {
                throw new IllegalArgumentException("pixel value " + max + " has no entry in a colour table of "
                        + palette.size() + " entries");
            }
            type = PngColorType.PALETTE;
            int n = palette.size();
            bitDepth = n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8;
        } else {
            type = switch (bands) {
                case 1 -> PngColorType.GREY;
                case 2 -> PngColorType.GREY_ALPHA;
                case 3 -> PngColorType.RGB;
                default -> PngColorType.RGBA;
            };
            bitDepth = sixteen ? 16 : 8;
        }

        out.write(PngDecoder.SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = (byte) bitDepth;
        ihdr[9] = (byte) type.code();
        chunk("IHDR", ihdr, 13);
        if (palette != null) {
            byte[] plte = new byte[palette.size() * 3];
            int lastTranslucent = -1;
            for (int i = 0; i < palette.size(); i++) {
                plte[3 * i] = (byte) palette.red(i);
                plte[3 * i + 1] = (byte) palette.green(i);
                plte[3 * i + 2] = (byte) palette.blue(i);
                if (palette.alpha(i) != 255) {
                    lastTranslucent = i;
                }
            }
            chunk("PLTE", plte, plte.length);
            if (lastTranslucent >= 0) {
                byte[] trns = new byte[lastTranslucent + 1];
                for (int i = 0; i < trns.length; i++) {
                    trns[i] = (byte) palette.alpha(i);
                }
                chunk("tRNS", trns, trns.length);
            }
        }

        int channels = type.channels();
        int rowBytes = (int) (((long) width * channels * bitDepth + 7) >>> 3);
        int bpp = Math.max(1, channels * bitDepth / 8);
        boolean adaptive = bitDepth >= 8 && type != PngColorType.PALETTE;
        byte[] prev = new byte[rowBytes + 1];
        byte[] raw = new byte[rowBytes + 1];
        byte[][] cand = adaptive ? new byte[5][rowBytes + 1] : null;
        Deflater deflater = new Deflater(options.compressionLevel());
        byte[] dbuf = new byte[IDAT_SIZE];
        try {
            for (int y = 0; y < height; y++) {
                pack(raster, y, raw, channels, bitDepth);
                byte[] row = raw;
                if (adaptive) {
                    row = bestFilter(raw, prev, rowBytes, bpp, cand);
                } else {
                    raw[0] = 0;
                }
                deflater.setInput(row, 0, rowBytes + 1);
                while (!deflater.needsInput()) {
                    emit(dbuf, deflater.deflate(dbuf));
                }
                byte[] t = prev;
                prev = raw;
                raw = t;
            }
            deflater.finish();
            while (!deflater.finished()) {
                emit(dbuf, deflater.deflate(dbuf));
            }
        } finally {
            deflater.end();
        }
        flushIdat();
        chunk("IEND", new byte[0], 0);
    }

    private static void pack(Raster raster, int y, byte[] row, int channels, int bitDepth) {
        int w = raster.width();
        int base = y * w;
        if (bitDepth == 16) {
            ShortRaster r = (ShortRaster) raster;
            for (int c = 0; c < channels; c++) {
                short[] band = r.unsafeBandArray(c);
                for (int x = 0, d = 1 + 2 * c; x < w; x++, d += 2 * channels) {
                    short v = band[base + x];
                    row[d] = (byte) (v >>> 8);
                    row[d + 1] = (byte) v;
                }
            }
        } else if (bitDepth == 8) {
            ByteRaster r = (ByteRaster) raster;
            if (channels == 1) {
                System.arraycopy(r.unsafeBandArray(0), base, row, 1, w);
                return;
            }
            for (int c = 0; c < channels; c++) {
                byte[] band = r.unsafeBandArray(c);
                for (int x = 0, d = 1 + c; x < w; x++, d += channels) {
                    row[d] = band[base + x];
                }
            }
        } else {
            byte[] band = ((ByteRaster) raster).unsafeBandArray(0);
            java.util.Arrays.fill(row, 1, row.length, (byte) 0);
            for (int x = 0; x < w; x++) {
                int bit = x * bitDepth;
                row[1 + (bit >>> 3)] |= (byte) ((band[base + x] & 0xFF) << (8 - bitDepth - (bit & 7)));
            }
        }
    }

    /** Filters {@code raw} five ways and returns the candidate with the smallest sum of absolute values. */
    private static byte[] bestFilter(byte[] raw, byte[] prev, int n, int bpp, byte[][] cand) {
        long best = Long.MAX_VALUE;
        byte[] bestRow = null;
        for (int ft = 0; ft < 5; ft++) {
            byte[] f = cand[ft];
            f[0] = (byte) ft;
            long sum = 0;
            for (int i = 1; i <= n; i++) {
                int a = i > bpp ? raw[i - bpp] & 0xFF : 0;
                int b = prev[i] & 0xFF;
                int c = i > bpp ? prev[i - bpp] & 0xFF : 0;
                int x = raw[i] & 0xFF;
                int pred = switch (ft) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >>> 1;
                    default -> {
                        int pa = Math.abs(b - c);
                        int pb = Math.abs(a - c);
                        int pc = Math.abs(a + b - c - c);
                        yield pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    }
                };
                byte v = (byte) (x - pred);
                f[i] = v;
                sum += Math.abs(v);
            }
            if (sum < best) {
                best = sum;
                bestRow = f;
            }
        }
        return bestRow;
    }

    private void emit(byte[] data, int len) throws IOException {
        int off = 0;
        while (len > 0) {
            int n = Math.min(len, IDAT_SIZE - idatLen);
            System.arraycopy(data, off, idat, idatLen, n);
            idatLen += n;
            off += n;
            len -= n;
            if (idatLen == IDAT_SIZE) {
                flushIdat();
            }
        }
    }

    private void flushIdat() throws IOException {
        if (idatLen > 0) {
            chunk("IDAT", idat, idatLen);
            idatLen = 0;
        }
    }

    private void chunk(String type, byte[] data, int len) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, len);
        for (int i = 0; i < 4; i++) {
            head[4 + i] = (byte) type.charAt(i);
        }
        crc.reset();
        crc.update(head, 4, 4);
        crc.update(data, 0, len);
        out.write(head);
        out.write(data, 0, len);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
