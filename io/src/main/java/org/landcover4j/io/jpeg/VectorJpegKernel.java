package org.landcover4j.io.jpeg;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.B2I;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.I2B;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.NE;
import static org.landcover4j.io.jpeg.JpegDecoder.CONST_BITS;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_0_298631336;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_0_390180644;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_0_541196100;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_0_765366865;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_0_899976223;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_1_175875602;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_1_501321110;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_1_847759065;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_1_961570560;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_2_053119869;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_2_562915447;
import static org.landcover4j.io.jpeg.JpegDecoder.FIX_3_072711026;
import static org.landcover4j.io.jpeg.JpegDecoder.PASS1_BITS;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD twin of {@link ScalarJpegKernel}, with the JDK Vector API: the same integer arithmetic lane by lane (ints of
 * the preferred species; bytes widened and narrowed with as many lanes; the even and odd upsampled samples
 * interleaved by duplicating lanes and blending), the tail finished by the scalar reference. The only class of this
 * package that imports {@code jdk.incubator.vector}; {@link JpegKernel} loads it reflectively, and its
 * initialisation fails (leaving the scalar path) on a CPU with vectors under 256 bits. Stateless and thread safe.
 */
final class VectorJpegKernel implements JpegKernel {
    static final VectorJpegKernel INSTANCE = new VectorJpegKernel();
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BI;
    private static final int L;
    /** Lanes 0, 0, 1, 1, ... (the first half, each lane twice) and the same for the second half. */
    private static final VectorShuffle<Integer> DUP_LO;
    private static final VectorShuffle<Integer> DUP_HI;
    /** The odd lanes: blending two duplicated halves with it interleaves them. */
    private static final VectorMask<Integer> ODD;

    static {
        if (I.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("the SIMD colour conversion needs vectors of at least 256 bits; "
                    + "this CPU's preferred size is " + I.vectorBitSize());
        }
        L = I.length();
        BI = VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8));
        int[] lo = new int[L];
        int[] hi = new int[L];
        boolean[] odd = new boolean[L];
        for (int k = 0; k < L; k++) {
            lo[k] = k >> 1;
            hi[k] = L / 2 + (k >> 1);
            odd[k] = (k & 1) != 0;
        }
        DUP_LO = VectorShuffle.fromValues(I, lo);
        DUP_HI = VectorShuffle.fromValues(I, hi);
        ODD = VectorMask.fromArray(I, odd, 0);
    }

    private VectorJpegKernel() {
    }

    @Override
    public void rgb(byte[] y, int ys, int[] cb, int[] cr, int cs, byte[] r, byte[] g, byte[] b, int o, int n) {
        // no helper takes or returns a vector: a call the JIT does not inline would box it
        int x = 0;
        for (; x <= n - L; x += L) {
            IntVector lum = ((IntVector) ByteVector.fromArray(BI, y, ys + x).convertShape(B2I, I, 0)).and(0xFF);
            IntVector u = IntVector.fromArray(I, cb, cs + x);
            IntVector v = IntVector.fromArray(I, cr, cs + x);
            IntVector red = lum.add(v.mul(CR_R).add(ONE_HALF).lanewise(ASHR, 16)).max(0).min(255);
            IntVector green = lum.add(u.mul(-CB_G).sub(v.mul(CR_G)).add(ONE_HALF).lanewise(ASHR, 16)).max(0).min(255);
            IntVector blue = lum.add(u.mul(CB_B).add(ONE_HALF).lanewise(ASHR, 16)).max(0).min(255);
            ((ByteVector) red.convertShape(I2B, BI, 0)).intoArray(r, o + x);
            ((ByteVector) green.convertShape(I2B, BI, 0)).intoArray(g, o + x);
            ((ByteVector) blue.convertShape(I2B, BI, 0)).intoArray(b, o + x);
        }
        if (x < n) {
            ScalarJpegKernel.INSTANCE.rgb(y, ys + x, cb, cr, cs + x, r, g, b, o + x, n - x);
        }
    }

    @Override
    public void sums(byte[] p, int near, int far, int wn, int wf, int[] dst, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            IntVector a = ((IntVector) ByteVector.fromArray(BI, p, near + i).convertShape(B2I, I, 0)).and(0xFF);
            IntVector c = ((IntVector) ByteVector.fromArray(BI, p, far + i).convertShape(B2I, I, 0)).and(0xFF);
            a.mul(wn).add(c.mul(wf)).intoArray(dst, 1 + i);
        }
        ScalarJpegKernel.sumsFrom(p, near, far, wn, wf, dst, n, i);
    }

    @Override
    public void upsample(int[] c, int shift, int biasEven, int biasOdd, int[] dst, int w) {
        int pairs = w >> 1;
        int i = 0;
        int even = biasEven - (128 << shift);
        int odd = biasOdd - (128 << shift);
        for (; i <= pairs - L; i += L) {
            IntVector c3 = IntVector.fromArray(I, c, i + 1).mul(3);
            IntVector e = c3.add(IntVector.fromArray(I, c, i)).add(even).lanewise(ASHR, shift);
            IntVector o = c3.add(IntVector.fromArray(I, c, i + 2)).add(odd).lanewise(ASHR, shift);
            // interleave: each half's lanes twice, odd lanes from o
            e.rearrange(DUP_LO).blend(o.rearrange(DUP_LO), ODD).intoArray(dst, 2 * i);
            e.rearrange(DUP_HI).blend(o.rearrange(DUP_HI), ODD).intoArray(dst, 2 * i + L);
        }
        ScalarJpegKernel.upsampleFrom(c, shift, biasEven, biasOdd, dst, w, i);
    }

    // ------------------------------------------------------------------ inverse DCT

    private static final VectorSpecies<Integer> I8 = IntVector.SPECIES_256;
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    /** Lane offsets of one column of an 8x8 row-major block. */
    private static final int[] COLUMN = {0, 8, 16, 24, 32, 40, 48, 56};

    /**
     * The same islow arithmetic, eight columns (pass 1) then eight rows (pass 2) at a time, without libjpeg's
     * zero shortcuts (which are exact). Blocks with a coefficient beyond +-4096, which valid 8-bit streams do not
     * have, go to the scalar reference, so that int overflow can never make the two differ.
     */
    @Override
    public void idct(int[] in, int[] ws, byte[] out, int base, int stride, int last) {
        if (!small(in)) {
            ScalarJpegKernel.idctScalar(in, ws, out, base, stride);
            return;
        }
        pass1(in, ws);
        pass2(ws, out, base, stride);
    }

    /** Whether every coefficient is within +-4095 (always so in valid 8-bit streams); clears nothing. */
    private static boolean small(int[] in) {
        IntVector any = IntVector.fromArray(I8, in, 0).add(4095);
        for (int k = 8; k < 64; k += 8) {
            any = any.or(IntVector.fromArray(I8, in, k).add(4095));
        }
        return !any.and(~8191).compare(NE, 0).anyTrue();
    }

    /** Pass 1 on the eight coefficient rows (lane = column), which it clears: work row r at {@code ws[8r]}. */
    private static void pass1(int[] in, int[] ws) {
        IntVector d0 = IntVector.fromArray(I8, in, 0);
        IntVector d1 = IntVector.fromArray(I8, in, 8);
        IntVector d2 = IntVector.fromArray(I8, in, 16);
        IntVector d3 = IntVector.fromArray(I8, in, 24);
        IntVector d4 = IntVector.fromArray(I8, in, 32);
        IntVector d5 = IntVector.fromArray(I8, in, 40);
        IntVector d6 = IntVector.fromArray(I8, in, 48);
        IntVector d7 = IntVector.fromArray(I8, in, 56);
        IntVector zero = IntVector.zero(I8);
        for (int k = 0; k < 64; k += 8) {
            zero.intoArray(in, k);
        }
        int shift = CONST_BITS - PASS1_BITS;
        int round = 1 << (shift - 1);
        IntVector z1 = d2.add(d6).mul(FIX_0_541196100);
        IntVector tmp2 = z1.add(d6.mul(-FIX_1_847759065));
        IntVector tmp3 = z1.add(d2.mul(FIX_0_765366865));
        IntVector tmp0 = d0.add(d4).lanewise(LSHL, CONST_BITS).add(round);
        IntVector tmp1 = d0.sub(d4).lanewise(LSHL, CONST_BITS).add(round);
        IntVector tmp10 = tmp0.add(tmp3);
        IntVector tmp13 = tmp0.sub(tmp3);
        IntVector tmp11 = tmp1.add(tmp2);
        IntVector tmp12 = tmp1.sub(tmp2);
        IntVector z5 = d7.add(d3).add(d5).add(d1).mul(FIX_1_175875602);
        IntVector zz1 = d7.add(d1).mul(-FIX_0_899976223);
        IntVector zz2 = d5.add(d3).mul(-FIX_2_562915447);
        IntVector zz3 = d7.add(d3).mul(-FIX_1_961570560).add(z5);
        IntVector zz4 = d5.add(d1).mul(-FIX_0_390180644).add(z5);
        IntVector o0 = d7.mul(FIX_0_298631336).add(zz1).add(zz3);
        IntVector o1 = d5.mul(FIX_2_053119869).add(zz2).add(zz4);
        IntVector o2 = d3.mul(FIX_3_072711026).add(zz2).add(zz3);
        IntVector o3 = d1.mul(FIX_1_501321110).add(zz1).add(zz4);
        tmp10.add(o3).lanewise(ASHR, shift).intoArray(ws, 0);
        tmp10.sub(o3).lanewise(ASHR, shift).intoArray(ws, 56);
        tmp11.add(o2).lanewise(ASHR, shift).intoArray(ws, 8);
        tmp11.sub(o2).lanewise(ASHR, shift).intoArray(ws, 48);
        tmp12.add(o1).lanewise(ASHR, shift).intoArray(ws, 16);
        tmp12.sub(o1).lanewise(ASHR, shift).intoArray(ws, 40);
        tmp13.add(o0).lanewise(ASHR, shift).intoArray(ws, 24);
        tmp13.sub(o0).lanewise(ASHR, shift).intoArray(ws, 32);
    }

    /**
     * Pass 2 on the columns of the work array (lane = row), range-limited as libjpeg's table does (with
     * a = (d + 128) & 1023: a below 256 is the sample, 256..639 clip to 255, 640..1023 to 0), then written out
     * row by row.
     */
    private static void pass2(int[] ws, byte[] out, int base, int stride) {
        IntVector d0 = IntVector.fromArray(I8, ws, 0, COLUMN, 0);
        IntVector d1 = IntVector.fromArray(I8, ws, 1, COLUMN, 0);
        IntVector d2 = IntVector.fromArray(I8, ws, 2, COLUMN, 0);
        IntVector d3 = IntVector.fromArray(I8, ws, 3, COLUMN, 0);
        IntVector d4 = IntVector.fromArray(I8, ws, 4, COLUMN, 0);
        IntVector d5 = IntVector.fromArray(I8, ws, 5, COLUMN, 0);
        IntVector d6 = IntVector.fromArray(I8, ws, 6, COLUMN, 0);
        IntVector d7 = IntVector.fromArray(I8, ws, 7, COLUMN, 0);
        int shift = CONST_BITS + PASS1_BITS + 3;
        int round = 1 << (shift - 1);
        IntVector z1 = d2.add(d6).mul(FIX_0_541196100);
        IntVector tmp2 = z1.add(d6.mul(-FIX_1_847759065));
        IntVector tmp3 = z1.add(d2.mul(FIX_0_765366865));
        IntVector tmp0 = d0.add(d4).lanewise(LSHL, CONST_BITS).add(round);
        IntVector tmp1 = d0.sub(d4).lanewise(LSHL, CONST_BITS).add(round);
        IntVector tmp10 = tmp0.add(tmp3);
        IntVector tmp13 = tmp0.sub(tmp3);
        IntVector tmp11 = tmp1.add(tmp2);
        IntVector tmp12 = tmp1.sub(tmp2);
        IntVector z5 = d7.add(d3).add(d5).add(d1).mul(FIX_1_175875602);
        IntVector zz1 = d7.add(d1).mul(-FIX_0_899976223);
        IntVector zz2 = d5.add(d3).mul(-FIX_2_562915447);
        IntVector zz3 = d7.add(d3).mul(-FIX_1_961570560).add(z5);
        IntVector zz4 = d5.add(d1).mul(-FIX_0_390180644).add(z5);
        IntVector o0 = d7.mul(FIX_0_298631336).add(zz1).add(zz3);
        IntVector o1 = d5.mul(FIX_2_053119869).add(zz2).add(zz4);
        IntVector o2 = d3.mul(FIX_3_072711026).add(zz2).add(zz3);
        IntVector o3 = d1.mul(FIX_1_501321110).add(zz1).add(zz4);
        IntVector a;
        a = tmp10.add(o3).lanewise(ASHR, shift).add(128).and(1023);
        a.min(255).blend(0, a.compare(GE, 640)).intoArray(ws, 0);
        a = tmp10.sub(o3).lanewise(ASHR, shift).add(128).and(1023);
        a.min(255).blend(0, a.compare(GE, 640)).intoArray(ws, 56);
        a = tmp11.add(o2).lanewise(ASHR, shift).add(128).and(1023);
        a.min(255).blend(0, a.compare(GE, 640)).intoArray(ws, 8);
        a = tmp11.sub(o2).lanewise(ASHR, shift).add(128).and(1023);
        a.min(255).blend(0, a.compare(GE, 640)).intoArray(ws, 48);
        a = tmp12.add(o1).lanewise(ASHR, shift).add(128).and(1023);
        a.min(255).blend(0, a.compare(GE, 640)).intoArray(ws, 16);
        a = tmp12.sub(o1).lanewise(ASHR, shift).add(128).and(1023);
        a.min(255).blend(0, a.compare(GE, 640)).intoArray(ws, 40);
        a = tmp13.add(o0).lanewise(ASHR, shift).add(128).and(1023);
        a.min(255).blend(0, a.compare(GE, 640)).intoArray(ws, 24);
        a = tmp13.sub(o0).lanewise(ASHR, shift).add(128).and(1023);
        a.min(255).blend(0, a.compare(GE, 640)).intoArray(ws, 32);
        // ws holds output column k at ws[8k..8k+7]: rows back out, narrowed to bytes
        for (int r = 0, o = base; r < 8; r++, o += stride) {
            ((ByteVector) IntVector.fromArray(I8, ws, r, COLUMN, 0).convertShape(I2B, B8, 0)).intoArray(out, o);
        }
    }

    @Override
    public String name() {
        return "vector (" + I.vectorBitSize() + "-bit)";
    }
}
