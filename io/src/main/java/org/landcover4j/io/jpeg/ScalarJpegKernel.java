package org.landcover4j.io.jpeg;

import java.util.Arrays;

/** The scalar reference of {@link JpegKernel}. Stateless and thread safe. */
final class ScalarJpegKernel implements JpegKernel {
    static final ScalarJpegKernel INSTANCE = new ScalarJpegKernel();

    private ScalarJpegKernel() {
    }

    /** libjpeg's jdcolor.c tables (indexed by the chroma sample) and a clamp table offset by {@link #CLAMP_AT}. */
    private static final int[] CR_R_TAB = new int[256];
    private static final int[] CB_B_TAB = new int[256];
    private static final int[] CR_G_TAB = new int[256];
    private static final int[] CB_G_TAB = new int[256];
    private static final int CLAMP_AT = 384;
    private static final byte[] CLAMP = new byte[1024];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R_TAB[i] = (CR_R * x + ONE_HALF) >> 16;
            CB_B_TAB[i] = (CB_B * x + ONE_HALF) >> 16;
            CR_G_TAB[i] = -CR_G * x;
            CB_G_TAB[i] = -CB_G * x + ONE_HALF;
        }
        for (int i = 0; i < CLAMP.length; i++) {
            CLAMP[i] = (byte) clamp(i - CLAMP_AT);
        }
    }

    @Override
    public void rgb(byte[] y, int ys, int[] cb, int[] cr, int cs, byte[] r, byte[] g, byte[] b, int o, int n) {
        // table lookups give the interface's fixed-point formula exactly, with fewer operations per pixel
        for (int x = 0; x < n; x++) {
            int lum = (y[ys + x] & 0xFF) + CLAMP_AT;
            int u = (cb[cs + x] + 128) & 0xFF;
            int v = (cr[cs + x] + 128) & 0xFF;
            r[o + x] = CLAMP[lum + CR_R_TAB[v]];
            g[o + x] = CLAMP[lum + ((CB_G_TAB[u] + CR_G_TAB[v]) >> 16)];
            b[o + x] = CLAMP[lum + CB_B_TAB[u]];
        }
    }

    static int clamp(int v) {
        return Math.min(255, Math.max(0, v));
    }

    @Override
    public void sums(byte[] p, int near, int far, int wn, int wf, int[] dst, int n) {
        sumsFrom(p, near, far, wn, wf, dst, n, 0);
    }

    /** {@link #sums} from sample {@code from} on (the twin's tail). */
    static void sumsFrom(byte[] p, int near, int far, int wn, int wf, int[] dst, int n, int from) {
        for (int i = from; i < n; i++) {
            dst[1 + i] = wn * (p[near + i] & 0xFF) + wf * (p[far + i] & 0xFF);
        }
        dst[0] = dst[1];
        dst[n + 1] = dst[n];
    }

    @Override
    public void upsample(int[] c, int shift, int biasEven, int biasOdd, int[] dst, int w) {
        upsampleFrom(c, shift, biasEven, biasOdd, dst, w, 0);
    }

    /** {@link #upsample} from chroma sample {@code from} (output sample 2 x from) on (the twin's tail). */
    static void upsampleFrom(int[] c, int shift, int biasEven, int biasOdd, int[] dst, int w, int from) {
        int pairs = w >> 1;
        for (int i = from; i < pairs; i++) {
            int c3 = 3 * c[i + 1];
            dst[2 * i] = ((c3 + c[i] + biasEven) >> shift) - 128;
            dst[2 * i + 1] = ((c3 + c[i + 2] + biasOdd) >> shift) - 128;
        }
        if ((w & 1) != 0) {
            dst[w - 1] = ((3 * c[pairs + 1] + c[pairs] + biasEven) >> shift) - 128;
        }
    }

    @Override
    public void idct(int[] in, int[] ws, byte[] out, int base, int stride, int last) {
        if (last <= 9) {
            idct4(in, ws, out, base, stride);
        } else {
            idctScalar(in, ws, out, base, stride);
        }
    }

    /**
     * {@link #idctScalar} of a block whose coefficients all lie in the top-left 4x4 corner (zig-zag index at most 9):
     * the same integer arithmetic with the terms of the zero coefficients left out, so the same result.
     */
    static void idct4(int[] in, int[] ws, byte[] out, int base, int stride) {
        int round1 = 1 << (JpegDecoder.CONST_BITS - JpegDecoder.PASS1_BITS - 1);
        int sh1 = JpegDecoder.CONST_BITS - JpegDecoder.PASS1_BITS;
        for (int col = 0; col < 4; col++) {
            int d0 = in[col];
            int d1 = in[8 + col];
            int d2 = in[16 + col];
            int d3 = in[24 + col];
            in[col] = 0;
            in[8 + col] = 0;
            in[16 + col] = 0;
            in[24 + col] = 0;
            if ((d1 | d2 | d3) == 0) {
                int dcval = d0 << JpegDecoder.PASS1_BITS;
                for (int r = col; r < 64; r += 8) {
                    ws[r] = dcval;
                }
                continue;
            }
            int z1 = d2 * JpegDecoder.FIX_0_541196100;
            int tmp3 = z1 + d2 * JpegDecoder.FIX_0_765366865;
            int tmp0 = d0 << JpegDecoder.CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp0 + z1;
            int tmp12 = tmp0 - z1;
            int z5 = (d3 + d1) * JpegDecoder.FIX_1_175875602;
            int o1 = d1 * -JpegDecoder.FIX_0_899976223;
            int o2 = d3 * -JpegDecoder.FIX_2_562915447;
            int o3 = d3 * -JpegDecoder.FIX_1_961570560 + z5;
            int o4 = d1 * -JpegDecoder.FIX_0_390180644 + z5;
            int t0 = o1 + o3;
            int t1 = o2 + o4;
            int t2 = d3 * JpegDecoder.FIX_3_072711026 + o2 + o3;
            int t3 = d1 * JpegDecoder.FIX_1_501321110 + o1 + o4;
            ws[col] = (tmp10 + t3 + round1) >> sh1;
            ws[56 + col] = (tmp10 - t3 + round1) >> sh1;
            ws[8 + col] = (tmp11 + t2 + round1) >> sh1;
            ws[48 + col] = (tmp11 - t2 + round1) >> sh1;
            ws[16 + col] = (tmp12 + t1 + round1) >> sh1;
            ws[40 + col] = (tmp12 - t1 + round1) >> sh1;
            ws[24 + col] = (tmp13 + t0 + round1) >> sh1;
            ws[32 + col] = (tmp13 - t0 + round1) >> sh1;
        }
        int round2 = 1 << (JpegDecoder.CONST_BITS + JpegDecoder.PASS1_BITS + 3 - 1);
        int sh2 = JpegDecoder.CONST_BITS + JpegDecoder.PASS1_BITS + 3;
        for (int row = 0, o = base; row < 64; row += 8, o += stride) {
            int d0 = ws[row];
            int d1 = ws[row + 1];
            int d2 = ws[row + 2];
            int d3 = ws[row + 3];
            if ((d1 | d2 | d3) == 0) {
                byte v = JpegDecoder.IDCT_LIMIT[(d0 + (1 << (JpegDecoder.PASS1_BITS + 2))) >> (JpegDecoder.PASS1_BITS + 3) & 1023];
                out[o] = v;
                out[o + 1] = v;
                out[o + 2] = v;
                out[o + 3] = v;
                out[o + 4] = v;
                out[o + 5] = v;
                out[o + 6] = v;
                out[o + 7] = v;
                continue;
            }
            int z1 = d2 * JpegDecoder.FIX_0_541196100;
            int tmp3 = z1 + d2 * JpegDecoder.FIX_0_765366865;
            int tmp0 = d0 << JpegDecoder.CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp0 + z1;
            int tmp12 = tmp0 - z1;
            int z5 = (d3 + d1) * JpegDecoder.FIX_1_175875602;
            int o1 = d1 * -JpegDecoder.FIX_0_899976223;
            int o2 = d3 * -JpegDecoder.FIX_2_562915447;
            int o3 = d3 * -JpegDecoder.FIX_1_961570560 + z5;
            int o4 = d1 * -JpegDecoder.FIX_0_390180644 + z5;
            int t0 = o1 + o3;
            int t1 = o2 + o4;
            int t2 = d3 * JpegDecoder.FIX_3_072711026 + o2 + o3;
            int t3 = d1 * JpegDecoder.FIX_1_501321110 + o1 + o4;
            out[o] = JpegDecoder.IDCT_LIMIT[(tmp10 + t3 + round2) >> sh2 & 1023];
            out[o + 7] = JpegDecoder.IDCT_LIMIT[(tmp10 - t3 + round2) >> sh2 & 1023];
            out[o + 1] = JpegDecoder.IDCT_LIMIT[(tmp11 + t2 + round2) >> sh2 & 1023];
            out[o + 6] = JpegDecoder.IDCT_LIMIT[(tmp11 - t2 + round2) >> sh2 & 1023];
            out[o + 2] = JpegDecoder.IDCT_LIMIT[(tmp12 + t1 + round2) >> sh2 & 1023];
            out[o + 5] = JpegDecoder.IDCT_LIMIT[(tmp12 - t1 + round2) >> sh2 & 1023];
            out[o + 3] = JpegDecoder.IDCT_LIMIT[(tmp13 + t0 + round2) >> sh2 & 1023];
            out[o + 4] = JpegDecoder.IDCT_LIMIT[(tmp13 - t0 + round2) >> sh2 & 1023];
        }
    }


    /** libjpeg's islow IDCT with its zero-column and zero-row shortcuts (exact). */
    static void idctScalar(int[] in, int[] ws, byte[] out, int base, int stride) {
        // pass 1: columns, into the work array scaled up by 2^JpegDecoder.PASS1_BITS
        for (int col = 0; col < 8; col++) {
            int d1 = in[8 + col];
            int d2 = in[16 + col];
            int d3 = in[24 + col];
            int d4 = in[32 + col];
            int d5 = in[40 + col];
            int d6 = in[48 + col];
            int d7 = in[56 + col];
            if ((d1 | d2 | d3 | d4 | d5 | d6 | d7) == 0) {
                int dcval = in[col] << JpegDecoder.PASS1_BITS;
                ws[col] = dcval;
                ws[8 + col] = dcval;
                ws[16 + col] = dcval;
                ws[24 + col] = dcval;
                ws[32 + col] = dcval;
                ws[40 + col] = dcval;
                ws[48 + col] = dcval;
                ws[56 + col] = dcval;
                continue;
            }
            int d0 = in[col];
            int z1 = (d2 + d6) * JpegDecoder.FIX_0_541196100;
            int tmp2 = z1 - d6 * JpegDecoder.FIX_1_847759065;
            int tmp3 = z1 + d2 * JpegDecoder.FIX_0_765366865;
            int tmp0 = (d0 + d4) << JpegDecoder.CONST_BITS;
            int tmp1 = (d0 - d4) << JpegDecoder.CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            // odd part
            tmp0 = d7;
            tmp1 = d5;
            tmp2 = d3;
            tmp3 = d1;
            z1 = tmp0 + tmp3;
            int z2 = tmp1 + tmp2;
            int z3 = tmp0 + tmp2;
            int z4 = tmp1 + tmp3;
            int z5 = (z3 + z4) * JpegDecoder.FIX_1_175875602;
            tmp0 *= JpegDecoder.FIX_0_298631336;
            tmp1 *= JpegDecoder.FIX_2_053119869;
            tmp2 *= JpegDecoder.FIX_3_072711026;
            tmp3 *= JpegDecoder.FIX_1_501321110;
            z1 *= -JpegDecoder.FIX_0_899976223;
            z2 *= -JpegDecoder.FIX_2_562915447;
            z3 = z3 * -JpegDecoder.FIX_1_961570560 + z5;
            z4 = z4 * -JpegDecoder.FIX_0_390180644 + z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;
            int round = 1 << (JpegDecoder.CONST_BITS - JpegDecoder.PASS1_BITS - 1);
            int sh = JpegDecoder.CONST_BITS - JpegDecoder.PASS1_BITS;
            ws[col] = (tmp10 + tmp3 + round) >> sh;
            ws[56 + col] = (tmp10 - tmp3 + round) >> sh;
            ws[8 + col] = (tmp11 + tmp2 + round) >> sh;
            ws[48 + col] = (tmp11 - tmp2 + round) >> sh;
            ws[16 + col] = (tmp12 + tmp1 + round) >> sh;
            ws[40 + col] = (tmp12 - tmp1 + round) >> sh;
            ws[24 + col] = (tmp13 + tmp0 + round) >> sh;
            ws[32 + col] = (tmp13 - tmp0 + round) >> sh;
        }
        Arrays.fill(in, 0);
        // pass 2: rows, into samples through the range-limit table
        for (int row = 0, o = base; row < 64; row += 8, o += stride) {
            int d1 = ws[row + 1];
            int d2 = ws[row + 2];
            int d3 = ws[row + 3];
            int d4 = ws[row + 4];
            int d5 = ws[row + 5];
            int d6 = ws[row + 6];
            int d7 = ws[row + 7];
            int d0 = ws[row];
            if ((d1 | d2 | d3 | d4 | d5 | d6 | d7) == 0) {
                byte v = JpegDecoder.IDCT_LIMIT[(d0 + (1 << (JpegDecoder.PASS1_BITS + 2))) >> (JpegDecoder.PASS1_BITS + 3) & 1023];
                out[o] = v;
                out[o + 1] = v;
                out[o + 2] = v;
                out[o + 3] = v;
                out[o + 4] = v;
                out[o + 5] = v;
                out[o + 6] = v;
                out[o + 7] = v;
                continue;
            }
            int z1 = (d2 + d6) * JpegDecoder.FIX_0_541196100;
            int tmp2 = z1 - d6 * JpegDecoder.FIX_1_847759065;
            int tmp3 = z1 + d2 * JpegDecoder.FIX_0_765366865;
            int tmp0 = (d0 + d4) << JpegDecoder.CONST_BITS;
            int tmp1 = (d0 - d4) << JpegDecoder.CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            tmp0 = d7;
            tmp1 = d5;
            tmp2 = d3;
            tmp3 = d1;
            z1 = tmp0 + tmp3;
            int z2 = tmp1 + tmp2;
            int z3 = tmp0 + tmp2;
            int z4 = tmp1 + tmp3;
            int z5 = (z3 + z4) * JpegDecoder.FIX_1_175875602;
            tmp0 *= JpegDecoder.FIX_0_298631336;
            tmp1 *= JpegDecoder.FIX_2_053119869;
            tmp2 *= JpegDecoder.FIX_3_072711026;
            tmp3 *= JpegDecoder.FIX_1_501321110;
            z1 *= -JpegDecoder.FIX_0_899976223;
            z2 *= -JpegDecoder.FIX_2_562915447;
            z3 = z3 * -JpegDecoder.FIX_1_961570560 + z5;
            z4 = z4 * -JpegDecoder.FIX_0_390180644 + z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;
            int round = 1 << (JpegDecoder.CONST_BITS + JpegDecoder.PASS1_BITS + 3 - 1);
            int sh = JpegDecoder.CONST_BITS + JpegDecoder.PASS1_BITS + 3;
            out[o] = JpegDecoder.IDCT_LIMIT[(tmp10 + tmp3 + round) >> sh & 1023];
            out[o + 7] = JpegDecoder.IDCT_LIMIT[(tmp10 - tmp3 + round) >> sh & 1023];
            out[o + 1] = JpegDecoder.IDCT_LIMIT[(tmp11 + tmp2 + round) >> sh & 1023];
            out[o + 6] = JpegDecoder.IDCT_LIMIT[(tmp11 - tmp2 + round) >> sh & 1023];
            out[o + 2] = JpegDecoder.IDCT_LIMIT[(tmp12 + tmp1 + round) >> sh & 1023];
            out[o + 5] = JpegDecoder.IDCT_LIMIT[(tmp12 - tmp1 + round) >> sh & 1023];
            out[o + 3] = JpegDecoder.IDCT_LIMIT[(tmp13 + tmp0 + round) >> sh & 1023];
            out[o + 4] = JpegDecoder.IDCT_LIMIT[(tmp13 - tmp0 + round) >> sh & 1023];
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
