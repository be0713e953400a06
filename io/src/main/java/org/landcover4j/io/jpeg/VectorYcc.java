package org.landcover4j.io.jpeg;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.B2I;
import static jdk.incubator.vector.VectorOperators.I2B;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD twin of {@link ScalarYcc}, with the JDK Vector API: the same integer arithmetic lane by lane (ints of
 * the preferred species; bytes widened and narrowed with as many lanes; the even and odd upsampled samples
 * interleaved by duplicating lanes and blending), the tail finished by the scalar reference. The only class of this
 * package that imports {@code jdk.incubator.vector}; {@link YccKernel} loads it reflectively, and its
 * initialisation fails (leaving the scalar path) on a CPU with vectors under 256 bits. Stateless and thread safe.
 */
final class VectorYcc implements YccKernel {
    static final VectorYcc INSTANCE = new VectorYcc();
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

    private VectorYcc() {
    }

    @Override
    public void rgb(byte[] y, int ys, int[] cb, int[] cr, int cs, byte[] r, byte[] g, byte[] b, int o, int n) {
        int x = 0;
        for (; x <= n - L; x += L) {
            convert(y, ys + x, IntVector.fromArray(I, cb, cs + x), IntVector.fromArray(I, cr, cs + x), r, g, b, o + x);
        }
        if (x < n) {
            ScalarYcc.INSTANCE.rgb(y, ys + x, cb, cr, cs + x, r, g, b, o + x, n - x);
        }
    }

    private static void convert(byte[] y, int ys, IntVector u, IntVector v, byte[] r, byte[] g, byte[] b, int o) {
        IntVector lum = ((IntVector) ByteVector.fromArray(BI, y, ys).convertShape(B2I, I, 0)).and(0xFF);
        store(lum.add(v.mul(CR_R).add(ONE_HALF).lanewise(ASHR, 16)), r, o);
        store(lum.add(u.mul(-CB_G).sub(v.mul(CR_G)).add(ONE_HALF).lanewise(ASHR, 16)), g, o);
        store(lum.add(u.mul(CB_B).add(ONE_HALF).lanewise(ASHR, 16)), b, o);
    }

    private static void store(IntVector v, byte[] dst, int at) {
        ((ByteVector) v.max(0).min(255).convertShape(I2B, BI, 0)).intoArray(dst, at);
    }

    private static IntVector widen(byte[] p, int at) {
        return ((IntVector) ByteVector.fromArray(BI, p, at).convertShape(B2I, I, 0)).and(0xFF);
    }

    @Override
    public void sums(byte[] p, int near, int far, int wn, int wf, int[] dst, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            widen(p, near + i).mul(wn).add(widen(p, far + i).mul(wf)).intoArray(dst, 1 + i);
        }
        ScalarYcc.sumsFrom(p, near, far, wn, wf, dst, n, i);
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
            zip(e, o, DUP_LO).intoArray(dst, 2 * i);
            zip(e, o, DUP_HI).intoArray(dst, 2 * i + L);
        }
        ScalarYcc.upsampleFrom(c, shift, biasEven, biasOdd, dst, w, i);
    }

    /** Half of {@code even} and {@code odd} interleaved: e0, o0, e1, o1, ... */
    private static IntVector zip(IntVector even, IntVector odd, VectorShuffle<Integer> half) {
        return even.rearrange(half).blend(odd.rearrange(half), ODD);
    }

    @Override
    public String name() {
        return "vector (" + I.vectorBitSize() + "-bit)";
    }
}
