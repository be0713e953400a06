package org.landcover4j.io.jpeg;

import java.nio.file.Path;
import java.util.Arrays;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;

/**
 * landcover4j's own decoder for the common JPEG case: baseline (or extended, 8-bit) sequential DCT with Huffman
 * coding, one interleaved scan, greyscale or YCbCr with luma sampled 1x1, 2x1 or 2x2 and chroma 1x1, with or
 * without restart intervals. Everything else is left to ImageIO: {@link #plan} returns {@code null} for it.
 *
 * <p>The pixels equal those of IJG libjpeg's default pipeline, which the JDK reader uses and which libjpeg-turbo
 * (Pillow) reproduces exactly: the accurate integer inverse DCT ("islow": 13-bit constants, two extra bits after
 * the first pass, results wrapped into the post-IDCT range-limit table), "fancy" triangular upsampling of the
 * chroma planes (3/4 nearer + 1/4 further sample, with libjpeg's alternating rounding biases and its plain
 * replication when a chroma row has at most two samples), and libjpeg's integer YCbCr to RGB tables (16-bit
 * fixed point). Written from ITU-T T.81 and the algorithms libjpeg documents; no code is taken from it.
 *
 * <p>Stricter than libjpeg on corrupt scan data: an invalid Huffman code, scan data that end before the last
 * block (libjpeg pads with zeros and warns), or a missing or misnumbered restart marker is an
 * {@link InvalidDataException}; extraneous bytes after the last block are a warning, as in libjpeg.
 *
 * <p>Thread safety: the static methods are safe for concurrent use; each decode works on its own instance.
 */
final class JpegDecoder {
    static final int CONST_BITS = 13;
    static final int PASS1_BITS = 2;
    static final int FIX_0_298631336 = 2446;
    static final int FIX_0_390180644 = 3196;
    static final int FIX_0_541196100 = 4433;
    static final int FIX_0_765366865 = 6270;
    static final int FIX_0_899976223 = 7373;
    static final int FIX_1_175875602 = 9633;
    static final int FIX_1_501321110 = 12299;
    static final int FIX_1_847759065 = 15137;
    static final int FIX_1_961570560 = 16069;
    static final int FIX_2_053119869 = 16819;
    static final int FIX_2_562915447 = 20995;
    static final int FIX_3_072711026 = 25172;

    /** Zig-zag index to natural (row-major) index; 16 extra entries keep a corrupt run inside the block. */
    private static final int[] NATURAL = new int[64 + 16];
    /** libjpeg's post-IDCT range limit, indexed by (value & 1023): -128..127 map to 0..255, wrapping beyond. */
    static final byte[] IDCT_LIMIT = new byte[1024];

    static {
        // walk the zig-zag path over the 8x8 block
        int i = 0;
        int j = 0;
        for (int k = 0; k < 64; k++) {
            NATURAL[k] = i * 8 + j;
            if (((i + j) & 1) == 0) {             // moving up-right
                if (j == 7) {
                    i++;
                } else if (i == 0) {
                    j++;
                } else {
                    i--;
                    j++;
                }
            } else {                               // moving down-left
                if (i == 7) {
                    j++;
                } else if (j == 0) {
                    i++;
                } else {
                    i++;
                    j--;
                }
            }
        }
        Arrays.fill(NATURAL, 64, NATURAL.length, 63);
        for (int v = 0; v < 1024; v++) {
            int s = v < 128 ? v + 128 : v < 512 ? 255 : v < 896 ? 0 : v - 896;
            IDCT_LIMIT[v] = (byte) s;
        }
    }

    // ------------------------------------------------------------------ plan (header parsing and routing)

    /** A Huffman table ready for decoding. */
    static final class Huff {
        /** For codes of at most 9 bits: (length << 8) | symbol, indexed by the next 9 bits; 0 for longer codes. */
        final int[] fast = new int[512];
        /**
         * AC tables only: when code and value bits together take at most 9 bits, (value << 16) | (run << 8) |
         * total bits; 0 otherwise.
         */
        final int[] acFast = new int[512];
        /** Largest code of each length (-1 if none); index 17 is a sentinel larger than any 16-bit code. */
        final int[] maxCode = new int[18];
        /** Symbol index minus first code, per length. */
        final int[] valOffset = new int[17];
        final int[] values;

        Huff(int[] counts, int[] values, boolean dc, Path file, int id) throws InvalidDataException {
            this.values = values;
            // T.81 Annex C code assignment; like libjpeg, reject tables whose codes do not fit their lengths
            // (over-subscribed) or that use an all-ones code
            int code = 0;
            for (int len = 1; len <= 16; len++) {
                code += counts[len];
                if (code >= 1 << len) {
                    throw new InvalidDataException(file, (dc ? "DC" : "AC") + " Huffman table " + id
                            + " is invalid: its codes do not fit in " + len + " bits (over-subscribed or all-ones)");
                }
                code <<= 1;
            }
            code = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {
                int n = counts[len];
                valOffset[len] = k - code;
                maxCode[len] = n == 0 ? -1 : code + n - 1;
                for (int m = 0; m < n; m++, k++, code++) {
                    int sym = values[k];
                    if (dc && sym > 15) {
                        throw new InvalidDataException(file, "DC Huffman table " + id + " has symbol " + sym
                                + " (at most 15)");
                    }
                    if (len <= 9) {
                        int shift = 9 - len;
                        int base = code << shift;
                        for (int f = 0; f < 1 << shift; f++) {
                            fast[base + f] = len << 8 | sym;
                            int s = sym & 15;
                            if (!dc && s != 0 && len + s <= 9) {
                                int bits = (base + f) >> (9 - len - s) & ((1 << s) - 1);
                                acFast[base + f] = extend(bits, s) << 16 | (sym >> 4) << 8 | (len + s);
                            }
                        }
                    }
                }
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }
    }

    /**
     * What the headers say, for a file this decoder handles.
     *
     * @param comps      1 or 3
     * @param h          horizontal sampling factor per frame component
     * @param v          vertical sampling factor per frame component
     * @param quant      dequantisation table per frame component, natural order
     * @param scanOrder  frame component index of each scan component, in scan order
     * @param dc         DC table per frame component
     * @param ac         AC table per frame component
     * @param restart    restart interval in MCUs (0: none)
     * @param dataStart  offset of the first entropy-coded byte
     */
    record Plan(int width, int height, int comps, int[] h, int[] v, int[][] quant, int[] scanOrder, Huff[] dc,
                Huff[] ac, int restart, int dataStart) {

        /** Bytes the decode allocates: the output bands and two MCU rows of each component. */
        long memory() {
            long total = (long) width * height * comps;
            int hMax = comps == 1 ? 1 : h[0];
            long mcusX = ceilDiv(width, 8 * hMax);
            for (int c = 0; c < comps; c++) {
                int hc = comps == 1 ? 1 : h[c];
                int vc = comps == 1 ? 1 : v[c];
                total += mcusX * hc * 8 * (2 * vc * 8);
            }
            return total;
        }
    }

    /** Scratch for the table parsing: definitions seen so far and the first problem found in them. */
    private static final class Tables {
        final int[][] quant = new int[4][];
        final int[][][] huffCounts = new int[2][4][];
        final int[][][] huffValues = new int[2][4][];
        String problem;

        void problem(String p) {
            if (problem == null) {
                problem = p;
            }
        }
    }

    /**
     * Parses the markers up to the first scan and decides whether this decoder handles the file.
     *
     * @return the plan, or {@code null} when the file is of a kind left to ImageIO
     * @throws InvalidDataException if the file is of this decoder's kind but its tables are invalid or missing
     */
    static Plan plan(byte[] b, int len, Path file) throws InvalidDataException {
        Tables t = new Tables();
        boolean jfif = false;
        boolean adobe = false;
        int sof = -1;
        int precision = 0;
        int width = 0;
        int height = 0;
        int comps = 0;
        int[] ids = null;
        int[] hs = null;
        int[] vs = null;
        int[] tq = null;
        int restart = 0;
        int p = 2;
        while (true) {
            if (p + 1 >= len || (b[p] & 0xFF) != 0xFF) {
                return null;                               // JpegHeader.scan reports structural problems
            }
            while (p < len && (b[p] & 0xFF) == 0xFF) {
                p++;
            }
            if (p >= len) {
                return null;
            }
            int marker = b[p++] & 0xFF;
            if (marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                continue;
            }
            if (marker == 0xD9 || p + 2 > len) {
                return null;
            }
            int segLen = (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
            if (segLen < 2 || p + segLen > len) {
                return null;
            }
            int s = p + 2;                                 // segment payload
            int end = p + segLen;
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (sof >= 0 || segLen < 8) {
                    return null;
                }
                sof = marker;
                precision = b[s] & 0xFF;
                height = (b[s + 1] & 0xFF) << 8 | (b[s + 2] & 0xFF);
                width = (b[s + 3] & 0xFF) << 8 | (b[s + 4] & 0xFF);
                comps = b[s + 5] & 0xFF;
                if (segLen != 8 + 3 * comps) {
                    return null;
                }
                ids = new int[comps];
                hs = new int[comps];
                vs = new int[comps];
                tq = new int[comps];
                for (int c = 0; c < comps; c++) {
                    ids[c] = b[s + 6 + 3 * c] & 0xFF;
                    hs[c] = (b[s + 7 + 3 * c] & 0xFF) >> 4;
                    vs[c] = b[s + 7 + 3 * c] & 0x0F;
                    tq[c] = b[s + 8 + 3 * c] & 0xFF;
                }
            } else if (marker == 0xC4) {
                parseHuffman(b, s, end, t);
            } else if (marker == 0xDB) {
                parseQuant(b, s, end, t);
            } else if (marker == 0xDD) {
                if (segLen != 4) {
                    t.problem("restart interval segment (DRI) at offset " + (p - 2) + " has length " + segLen
                            + " (expected 4)");
                } else {
                    restart = (b[s] & 0xFF) << 8 | (b[s + 1] & 0xFF);
                }
            } else if (marker == 0xE0) {
                jfif |= segLen - 2 >= 14 && b[s] == 'J' && b[s + 1] == 'F' && b[s + 2] == 'I' && b[s + 3] == 'F'
                        && b[s + 4] == 0;
            } else if (marker == 0xEE) {
                adobe |= segLen - 2 >= 5 && b[s] == 'A' && b[s + 1] == 'd' && b[s + 2] == 'o' && b[s + 3] == 'b'
                        && b[s + 4] == 'e';
            } else if (marker == 0xDA) {
                if (sof < 0) {
                    return null;
                }
                return scanPlan(b, s, end, file, t, sof, precision, width, height, ids, hs, vs, tq, jfif, adobe,
                        restart);
            }
            p = end;
        }
    }

    private static Plan scanPlan(byte[] b, int s, int end, Path file, Tables t, int sof, int precision, int width,
                                 int height, int[] ids, int[] hs, int[] vs, int[] tq, boolean jfif, boolean adobe,
                                 int restart) throws InvalidDataException {
        int comps = ids.length;
        if (sof != 0xC0 && sof != 0xC1 || precision != 8 || width == 0 || height == 0) {
            return null;
        }
        if (comps == 3) {
            if (adobe || !jfif && !(ids[0] == 1 && ids[1] == 2 && ids[2] == 3)) {
                return null;                               // RGB or unknown colour transform
            }
            if (ids[0] == ids[1] || ids[0] == ids[2] || ids[1] == ids[2]) {
                return null;
            }
            boolean luma = hs[0] == 1 && vs[0] == 1 || hs[0] == 2 && vs[0] == 1 || hs[0] == 2 && vs[0] == 2;
            if (!luma || hs[1] != 1 || vs[1] != 1 || hs[2] != 1 || vs[2] != 1) {
                return null;
            }
        } else if (comps == 1) {
            if (hs[0] < 1 || hs[0] > 4 || vs[0] < 1 || vs[0] > 4) {
                return null;
            }
        } else {
            return null;
        }
        int segLen = end - s + 2;
        if (segLen < 3) {
            return null;
        }
        int ns = b[s] & 0xFF;
        if (ns != comps || segLen != 6 + 2 * ns) {
            return null;                                   // several scans, or a malformed header: ImageIO decides
        }
        int q = s + 1 + 2 * ns;
        int ss = b[q] & 0xFF;
        int se = b[q + 1] & 0xFF;
        int ahal = b[q + 2] & 0xFF;
        if (ss != 0 || se != 63 || ahal != 0) {
            return null;
        }
        int[] order = new int[ns];
        int[] td = new int[comps];
        int[] ta = new int[comps];
        boolean[] seen = new boolean[comps];
        for (int k = 0; k < ns; k++) {
            int id = b[s + 1 + 2 * k] & 0xFF;
            int c = -1;
            for (int m = 0; m < comps; m++) {
                if (ids[m] == id) {
                    c = m;
                    break;
                }
            }
            if (c < 0 || seen[c]) {
                return null;
            }
            seen[c] = true;
            order[k] = c;
            td[c] = (b[s + 2 + 2 * k] & 0xFF) >> 4;
            ta[c] = b[s + 2 + 2 * k] & 0x0F;
        }
        // from here on the file is ours: problems are errors
        if (t.problem != null) {
            throw new InvalidDataException(file, t.problem);
        }
        int[][] quant = new int[comps][];
        Huff[] dc = new Huff[comps];
        Huff[] ac = new Huff[comps];
        Huff[][] built = new Huff[2][4];
        for (int c = 0; c < comps; c++) {
            if (tq[c] > 3 || t.quant[tq[c]] == null) {
                throw new InvalidDataException(file, "component " + ids[c] + " uses quantization table " + tq[c]
                        + ", which is not defined before the scan");
            }
            quant[c] = t.quant[tq[c]];
            dc[c] = huff(t, built, 0, td[c], ids[c], file);
            ac[c] = huff(t, built, 1, ta[c], ids[c], file);
        }
        return new Plan(width, height, comps, hs, vs, quant, order, dc, ac, restart, end);
    }

    private static Huff huff(Tables t, Huff[][] built, int cls, int id, int comp, Path file)
            throws InvalidDataException {
        String what = cls == 0 ? "DC" : "AC";
        if (id > 3 || t.huffCounts[cls][id] == null) {
            throw new InvalidDataException(file, "component " + comp + " uses " + what + " Huffman table " + id
                    + ", which is not defined before the scan");
        }
        if (built[cls][id] == null) {
            built[cls][id] = new Huff(t.huffCounts[cls][id], t.huffValues[cls][id], cls == 0, file, id);
        }
        return built[cls][id];
    }

    private static void parseHuffman(byte[] b, int s, int end, Tables t) {
        while (s < end) {
            if (s + 17 > end) {
                t.problem("Huffman table segment (DHT) ends inside a table header at offset " + s);
                return;
            }
            int cls = (b[s] & 0xFF) >> 4;
            int id = b[s] & 0x0F;
            int[] counts = new int[17];
            int total = 0;
            for (int l = 1; l <= 16; l++) {
                counts[l] = b[s + l] & 0xFF;
                total += counts[l];
            }
            s += 17;
            if (total > 256 || s + total > end) {
                t.problem("Huffman table " + id + " declares " + total + " symbols, "
                        + (total > 256 ? "more than 256" : "more than its segment holds"));
                return;
            }
            if (cls > 1 || id > 3) {
                t.problem("Huffman table with class " + cls + " and id " + id
                        + " (expected class 0 or 1, id 0 to 3)");
                return;
            }
            int[] values = new int[total];
            for (int k = 0; k < total; k++) {
                values[k] = b[s + k] & 0xFF;
            }
            s += total;
            t.huffCounts[cls][id] = counts;
            t.huffValues[cls][id] = values;
        }
    }

    private static void parseQuant(byte[] b, int s, int end, Tables t) {
        while (s < end) {
            int pq = (b[s] & 0xFF) >> 4;
            int id = b[s] & 0x0F;
            int size = pq == 0 ? 64 : 128;
            if (pq > 1 || id > 3) {
                t.problem("quantization table with precision " + pq + " and id " + id
                        + " (expected precision 0 or 1, id 0 to 3)");
                return;
            }
            if (s + 1 + size > end) {
                t.problem("quantization table " + id + " runs past the end of its segment (DQT)");
                return;
            }
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[NATURAL[k]] = pq == 0 ? b[s + 1 + k] & 0xFF
                        : (b[s + 1 + 2 * k] & 0xFF) << 8 | (b[s + 2 + 2 * k] & 0xFF);
            }
            t.quant[id] = q;
            s += 1 + size;
        }
    }

    // ------------------------------------------------------------------ decoding

    private final byte[] data;
    private final int end;
    private final Path file;
    private int pos;
    /** Bit buffer, most significant bit first; {@code bits} valid bits at the top. */
    private long buf;
    private int bits;
    /** Zero bits appended after a marker or the end of data (stays in the buffer's tail unless overrun). */
    private int padBits;
    private boolean atMarker;
    private final int[] block = new int[64];
    private final int[] work = new int[64];

    private JpegDecoder(byte[] data, int start, Path file) {
        this.data = data;
        this.end = data.length;
        this.pos = start;
        this.file = file;
    }

    /** Decodes the scan of a planned file into a band-sequential raster (1 grey band or red, green, blue). */
    static Raster decode(Plan plan, byte[] bytes, Path file, WarningListener warnings) throws InvalidDataException {
        return decode(plan, bytes, file, warnings, JpegKernel.forNextImage());
    }

    /** {@link #decode} with the given colour kernels (tests run both the scalar reference and the SIMD twin). */
    static Raster decode(Plan plan, byte[] bytes, Path file, WarningListener warnings, JpegKernel kernel)
            throws InvalidDataException {
        return new JpegDecoder(bytes, plan.dataStart(), file).run(plan, warnings, kernel);
    }

    private Raster run(Plan p, WarningListener warnings, JpegKernel kernel) throws InvalidDataException {
        int w = p.width();
        int hgt = p.height();
        int comps = p.comps();
        boolean grey = comps == 1;
        int hMax = grey ? 1 : p.h()[0];
        int vMax = grey ? 1 : p.v()[0];
        int mcuW = 8 * hMax;
        int mcuH = 8 * vMax;
        int mcusX = ceilDiv(w, mcuW);
        int mcusY = ceilDiv(hgt, mcuH);
        if ((long) w * hgt > Integer.MAX_VALUE - 8) {
            throw new InvalidDataException(file, "image of " + w + "x" + hgt + " has more pixels than one band array "
                    + "can hold (" + (Integer.MAX_VALUE - 8) + ")");
        }
        int[] hc = new int[comps];
        int[] vc = new int[comps];
        int[] stride = new int[comps];
        byte[][] planes = new byte[comps][];
        for (int c = 0; c < comps; c++) {
            hc[c] = grey ? 1 : p.h()[c];
            vc[c] = grey ? 1 : p.v()[c];
            stride[c] = mcusX * hc[c] * 8;
            // two MCU rows: the one being decoded and the one before, whose last rows are still being converted
            planes[c] = new byte[Math.multiplyExact(stride[c], 2 * vc[c] * 8)];
        }
        // the blocks of one MCU, in scan order: component, x and y offset in its plane
        int nb = 0;
        for (int c : p.scanOrder()) {
            nb += hc[c] * vc[c];
        }
        int[] bComp = new int[nb];
        int[] bOffset = new int[nb];
        int k = 0;
        for (int c : p.scanOrder()) {
            for (int by = 0; by < vc[c]; by++) {
                for (int bx = 0; bx < hc[c]; bx++, k++) {
                    bComp[k] = c;
                    bOffset[k] = by * 8 * stride[c] + bx * 8;
                }
            }
        }
        byte[][] out = new byte[grey ? 1 : 3][w * hgt];
        Converter conv = new Converter(w, hgt, hMax, vMax, planes, stride, out, kernel);
        int[] pred = new int[comps];
        int restart = p.restart();
        int untilRestart = restart;
        int nextRst = 0;
        int[][] quant = p.quant();
        Huff[] dcT = p.dc();
        Huff[] acT = p.ac();
        int rowsDone = 0;
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++) {
                if (restart > 0) {
                    if (untilRestart == 0) {
                        restartMarker(nextRst, my * mcusX + mx);
                        nextRst = (nextRst + 1) & 7;
                        Arrays.fill(pred, 0);
                        untilRestart = restart;
                    }
                    untilRestart--;
                }
                for (int j = 0; j < nb; j++) {
                    int c = bComp[j];
                    int base = ((my & 1) * vc[c] * 8) * stride[c] + mx * hc[c] * 8 + bOffset[j];
                    int last = decodeBlock(dcT[c], acT[c], quant[c], pred, c);
                    if (last == 0) {
                        dcOnly(planes[c], base, stride[c]);
                    } else {
                        kernel.idct(block, work, planes[c], base, stride[c], last);
                    }
                }
            }
            if (bits < padBits) {
                throw truncated(my, mcusY);
            }
            int ready = my == mcusY - 1 ? hgt : Math.min(hgt, (my + 1) * mcuH - (vMax == 2 ? 2 : 0));
            if (ready > rowsDone) {
                conv.rows(rowsDone, ready);
                rowsDone = ready;
            }
        }
        finish(warnings);
        RasterMetadata m = RasterMetadata.of(DataType.UINT8, out.length, hgt, w);
        if (!grey) {
            m = m.withBandNames("red", "green", "blue");
        }
        return ByteRaster.wrap(m, out);
    }

    private InvalidDataException truncated(int mcuRow, int mcuRows) {
        return new InvalidDataException(file, "truncated or corrupt scan data: the entropy-coded data end (at "
                + (atMarker ? "a marker at offset " + pos : "the end of the file") + ") inside MCU row "
                + (mcuRow + 1) + " of " + mcuRows);
    }

    /** Checks that the scan ends where the blocks end; extra bytes before the next marker are a warning. */
    private void finish(WarningListener warnings) {
        int extra = (bits - padBits) >> 3;
        int q = pos;
        if (!atMarker) {
            while (q + 1 < end && !(data[q] == (byte) 0xFF && data[q + 1] != 0)) {
                q++;
                extra++;
            }
        }
        while (q + 1 < end && data[q + 1] == (byte) 0xFF) {
            q++;                                           // fill bytes before the marker
        }
        if (extra > 0) {
            String marker = q + 1 < end ? String.format("0x%02x", data[q + 1] & 0xFF) : "(end of file)";
            warnings.warning(file == null ? "JPEG data" : file.toString(), "JPEG decoder warning: Corrupt JPEG data: "
                    + extra + " extraneous bytes before marker " + marker);
        }
    }

    /** Consumes the expected restart marker RSTn after the bits of the previous interval. */
    private void restartMarker(int n, int mcu) throws InvalidDataException {
        if (bits < padBits) {
            throw new InvalidDataException(file, "truncated or corrupt scan data: the restart interval before MCU "
                    + mcu + " ends early (marker or end of file at offset " + pos + ")");
        }
        int extra = (bits - padBits) >> 3;
        if (!atMarker) {
            // the buffer did not reach the marker yet: only the rest of the current byte may remain
            fill();
            extra = (bits - padBits) >> 3;
        }
        int q = pos;
        while (q + 1 < end && data[q + 1] == (byte) 0xFF) {
            q++;                                           // fill bytes before the marker
        }
        if (extra > 0 || q + 1 >= end || data[q] != (byte) 0xFF || (data[q + 1] & 0xFF) != 0xD0 + n) {
            String found = q + 1 < end && data[q] == (byte) 0xFF ? String.format("marker %02X", data[q + 1] & 0xFF)
                    : "entropy-coded data";
            throw new InvalidDataException(file, "corrupt scan data: expected restart marker RST" + n + " (FF "
                    + String.format("%02X", 0xD0 + n) + ") before MCU " + mcu + " at offset " + (q - extra)
                    + ", found " + (extra > 0 ? extra + " more bytes of entropy-coded data" : found));
        }
        pos = q + 2;
        buf = 0;
        bits = 0;
        padBits = 0;
        atMarker = false;
    }

    /** Tops the bit buffer up to more than 56 bits, unstuffing FF 00 and padding zeros at a marker. */
    private void fill() {
        long b = buf;
        int n = bits;
        byte[] d = data;
        int p = pos;
        while (n <= 56) {
            int v;
            if (atMarker || p >= end) {
                atMarker = true;
                padBits += 8;
                v = 0;
            } else {
                v = d[p] & 0xFF;
                if (v == 0xFF) {
                    if (p + 1 < end && d[p + 1] == 0) {
                        p += 2;
                    } else {
                        atMarker = true;               // a marker: stay on it, feed zeros from now on
                        padBits += 8;
                        v = 0;
                    }
                } else {
                    p++;
                }
            }
            b |= (long) v << (56 - n);
            n += 8;
        }
        buf = b;
        bits = n;
        pos = p;
    }

    /**
     * Decodes one block's coefficients, dequantised, into {@link #block} (natural order; the caller's IDCT
     * clears it).
     *
     * @return the zig-zag index of the last coefficient written (0: DC only)
     */
    private int decodeBlock(Huff dc, Huff ac, int[] q, int[] pred, int c) throws InvalidDataException {
        int[] blk = block;
        if (bits < 32) {
            fill();
        }
        int e = dc.fast[(int) (buf >>> 55)];
        int s;
        if (e != 0) {
            int l = e >> 8;
            buf <<= l;
            bits -= l;
            s = e & 0xFF;
        } else {
            s = slow(dc);
        }
        int diff = 0;
        if (s != 0) {
            int r = (int) (buf >>> (64 - s));
            buf <<= s;
            bits -= s;
            diff = extend(r, s);
        }
        int dcv = pred[c] + diff;
        pred[c] = dcv;
        blk[0] = (short) dcv * q[0];
        int[] acFast = ac.acFast;
        int[] fast = ac.fast;
        int last = 0;
        for (int k = 1; k < 64; ) {
            if (bits < 32) {
                fill();
            }
            int peek = (int) (buf >>> 55);
            int f = acFast[peek];
            if (f != 0) {
                int l = f & 0xFF;
                buf <<= l;
                bits -= l;
                k += (f >> 8) & 0xFF;
                int n = NATURAL[k];
                blk[n] = (f >> 16) * q[n];
                last = k;
                k++;
                continue;
            }
            int rs;
            e = fast[peek];
            if (e != 0) {
                int l = e >> 8;
                buf <<= l;
                bits -= l;
                rs = e & 0xFF;
            } else {
                rs = slow(ac);
            }
            int r = rs >> 4;
            s = rs & 15;
            if (s != 0) {
                k += r;
                int v = extend((int) (buf >>> (64 - s)), s);
                buf <<= s;
                bits -= s;
                int n = NATURAL[k];
                blk[n] = v * q[n];
                last = k;
                k++;
            } else if (r == 15) {
                k += 16;
            } else {
                break;                                     // end of block
            }
        }
        return last;
    }

    /** Decodes a code longer than 9 bits (at least 16 bits are buffered). */
    private int slow(Huff h) throws InvalidDataException {
        int code16 = (int) (buf >>> 48);
        int[] maxCode = h.maxCode;
        for (int l = 1; l <= 16; l++) {
            int code = code16 >>> (16 - l);
            if (code <= maxCode[l]) {
                buf <<= l;
                bits -= l;
                return h.values[code + h.valOffset[l]];
            }
        }
        if (bits < padBits) {
            throw new InvalidDataException(file, "truncated or corrupt scan data: the entropy-coded data end (at "
                    + (atMarker ? "a marker at offset " + pos : "the end of the file") + ") inside a block");
        }
        throw new InvalidDataException(file, "corrupt scan data: invalid Huffman code near offset " + Math.max(0,
                pos - (bits >> 3)));
    }

    private static int extend(int v, int s) {
        return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
    }

    /** A block with only a DC coefficient: one value everywhere (what the full IDCT gives for it). */
    private void dcOnly(byte[] out, int base, int stride) {
        int dc = block[0];
        block[0] = 0;
        byte v = IDCT_LIMIT[((dc << PASS1_BITS) + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3) & 1023];
        for (int r = 0, o = base; r < 8; r++, o += stride) {
            out[o] = v;
            out[o + 1] = v;
            out[o + 2] = v;
            out[o + 3] = v;
            out[o + 4] = v;
            out[o + 5] = v;
            out[o + 6] = v;
            out[o + 7] = v;
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    // ------------------------------------------------------------------ upsampling and colour conversion

    /** Turns decoded component planes into output rows: a copy (grey) or fancy upsampling plus YCbCr to RGB. */
    private static final class Converter {
        private final int w;
        private final int hgt;
        private final int hMax;
        private final int vMax;
        private final byte[][] planes;
        private final int[] stride;
        private final byte[][] out;
        /** Chroma samples per row and rows (libjpeg's downsampled width and height). */
        private final int cw;
        private final int ch;
        private final boolean fancy;
        /** Centred chroma of the current row, at full resolution. */
        private final int[] cb;
        private final int[] cr;
        /** Chroma column sums with replicated ends, for the fancy upsampling. */
        private final int[] sums;
        private final JpegKernel kernel;

        Converter(int w, int hgt, int hMax, int vMax, byte[][] planes, int[] stride, byte[][] out, JpegKernel kernel) {
            this.kernel = kernel;
            this.w = w;
            this.hgt = hgt;
            this.hMax = hMax;
            this.vMax = vMax;
            this.planes = planes;
            this.stride = stride;
            this.out = out;
            this.cw = ceilDiv(w, hMax);
            this.ch = ceilDiv(hgt, vMax);
            this.fancy = hMax == 2 && cw > 2;
            this.cb = new int[w];
            this.cr = new int[w];
            this.sums = new int[cw + 2];
        }

        /**
         * Where row {@code y} of component {@code c} starts in its plane, which holds two MCU rows (the row index's
         * MCU row parity picks the half).
         */
        private int offset(int c, int y) {
            int rows = c == 0 ? 8 * vMax : 8;
            return (((y / rows) & 1) * rows + y % rows) * stride[c];
        }

        void rows(int y0, int y1) {
            if (planes.length == 1) {
                for (int y = y0; y < y1; y++) {
                    System.arraycopy(planes[0], offset(0, y), out[0], y * w, w);
                }
                return;
            }
            byte[] py = planes[0];
            for (int y = y0; y < y1; y++) {
                if (hMax == 1) {
                    row444(y);
                } else if (!fancy) {
                    rowReplicated(y);
                } else {
                    int sn;
                    int sf;
                    if (vMax == 1) {
                        sn = offset(1, y);
                        sf = sn;
                    } else {
                        int near = y >> 1;
                        int far = (y & 1) == 0 ? Math.max(near - 1, 0) : Math.min(near + 1, ch - 1);
                        sn = offset(1, near);
                        sf = offset(1, far);
                    }
                    // h2v1: the chroma row itself, (3 * nearer + left + 1) >> 2 and (3 * nearer + right + 2) >> 2;
                    // h2v2: column sums 3 * nearer row + further row (a factor 4), (3 * this + left + 8) >> 4 and
                    // (3 * this + right + 7) >> 4
                    int wn = vMax == 1 ? 1 : 3;
                    int wf = vMax == 1 ? 0 : 1;
                    int shift = vMax == 1 ? 2 : 4;
                    int even = vMax == 1 ? 1 : 8;
                    int odd = vMax == 1 ? 2 : 7;
                    kernel.sums(planes[1], sn, sf, wn, wf, sums, cw);
                    kernel.upsample(sums, shift, even, odd, cb, w);
                    kernel.sums(planes[2], sn, sf, wn, wf, sums, cw);
                    kernel.upsample(sums, shift, even, odd, cr, w);
                }
                kernel.rgb(py, offset(0, y), cb, cr, 0, out[0], out[1], out[2], y * w, w);
            }
        }

        private void row444(int y) {
            byte[] pb = planes[1];
            byte[] pr = planes[2];
            int[] u = cb;
            int[] v = cr;
            int s = offset(1, y);
            for (int x = 0; x < w; x++) {
                u[x] = (pb[s + x] & 0xFF) - 128;
                v[x] = (pr[s + x] & 0xFF) - 128;
            }
        }

        /** libjpeg's plain replication, used when a chroma row has at most two samples. */
        private void rowReplicated(int y) {
            byte[] pb = planes[1];
            byte[] pr = planes[2];
            int s = offset(1, y / vMax);
            for (int x = 0; x < w; x++) {
                cb[x] = (pb[s + x / 2] & 0xFF) - 128;
                cr[x] = (pr[s + x / 2] & 0xFF) - 128;
            }
        }
    }

}
