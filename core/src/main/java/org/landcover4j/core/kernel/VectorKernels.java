package org.landcover4j.core.kernel;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.MIN;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.XOR;

import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD twin of {@link ScalarKernels}, written with the JDK Vector API ({@code jdk.incubator.vector}).
 *
 * <p>This is the only class that imports the incubator module; {@link Kernels} loads it reflectively, and only
 * when the module is present. It uses the preferred species of the CPU (512-bit on AVX-512) and needs vectors of
 * at least 256 bits; on a narrower CPU its initialisation fails and {@link Kernels} stays scalar.
 *
 * <p>Every method gives the scalar reference's result: bit for bit for element-wise kernels, exactly for counts,
 * and within the tolerance stated on {@link KernelImpl#momentsF32} for float moments. Vector loops leave a tail
 * shorter than one vector, which is finished with the scalar definition.
 *
 * <p>Stateless and thread safe; scratch arrays are allocated per call.
 */
final class VectorKernels implements KernelImpl {

    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Bytes with as many lanes as {@link #F} and {@link #I} (128-bit at 512). */
    private static final VectorSpecies<Byte> BF;
    /** Shorts with as many lanes as {@link #F} and {@link #I} (256-bit at 512). */
    private static final VectorSpecies<Short> SF;
    /** Bytes with as many lanes as {@link #S} (256-bit at 512). */
    private static final VectorSpecies<Byte> BS;
    /** Floats with as many lanes as {@link #D} (256-bit at 512). */
    private static final VectorSpecies<Float> FD;

    static {
        int bits = B.vectorBitSize();
        if (bits < 256) {
            throw new UnsupportedOperationException("the SIMD kernels need vectors of at least 256 bits; this CPU's"
                    + " preferred vector size is " + bits + " bits");
        }
        BF = VectorSpecies.of(byte.class, VectorShape.forBitSize(F.length() * 8));
        SF = VectorSpecies.of(short.class, VectorShape.forBitSize(F.length() * 16));
        BS = VectorSpecies.of(byte.class, VectorShape.forBitSize(S.length() * 8));
        FD = VectorSpecies.of(float.class, VectorShape.forBitSize(D.length() * 32));
    }

    static final VectorKernels INSTANCE = new VectorKernels();

    /** 2^23: adding and subtracting it rounds a float in [0, 2^23) to an integer, half to even. */
    private static final float ROUND_MAGIC = 8388608f;

    /**
     * Sign bits: {@code a <u b} is {@code (a ^ SIGN) < (b ^ SIGN)}. The unsigned comparison operators of JDK 21
     * ({@code UNSIGNED_LT}, ...) were renamed in JDK 24, so code compiled for 21 must not name them.
     */
    private static final byte SIGN8 = (byte) 0x80;
    private static final short SIGN16 = (short) 0x8000;

    /** Counting kernels flush int lane counters into long at least this often (in elements). */
    private static final int FLUSH = 1 << 24;

    private VectorKernels() {
    }

    @Override
    public String name() {
        return "vector " + B.vectorBitSize() + "-bit";
    }

    // ============================================================================================== remap

    @Override
    public void remapU8(byte[] src, int srcOff, byte[] lut, byte[] dst, int dstOff, int len) {
        int n = B.length();
        int i = 0;
        int bound = B.loopBound(len);
        if (n == 64) {
            // 256 entries = 4 tables of 64; a lane's low 6 bits index a table, bits 6 and 7 choose it
            ByteVector t0 = ByteVector.fromArray(B, lut, 0);
            ByteVector t1 = ByteVector.fromArray(B, lut, 64);
            ByteVector t2 = ByteVector.fromArray(B, lut, 128);
            ByteVector t3 = ByteVector.fromArray(B, lut, 192);
            for (; i < bound; i += 64) {
                ByteVector x = ByteVector.fromArray(B, src, srcOff + i);
                ByteVector lo = x.and((byte) 63);
                VectorMask<Byte> bit6 = x.and((byte) 64).compare(NE, 0);
                ByteVector r01 = lo.selectFrom(t0).blend(lo.selectFrom(t1), bit6);
                ByteVector r23 = lo.selectFrom(t2).blend(lo.selectFrom(t3), bit6);
                r01.blend(r23, x.compare(LT, 0)).intoArray(dst, dstOff + i);
            }
        } else {
            Lut256 table = new Lut256(lut);
            for (; i < bound; i += n) {
                table.lookup(ByteVector.fromArray(B, src, srcOff + i)).intoArray(dst, dstOff + i);
            }
        }
        ScalarKernels.INSTANCE.remapU8(src, srcOff + i, lut, dst, dstOff + i, len - i);
    }

    /**
     * A 256-entry byte table as {@code 256 / n} vectors of {@link #B}, for any vector size: the low bits of a
     * lane index a part, the high bits ({@code x & -n}, compared, since byte shifts are emulated and box on x86)
     * choose it. 512-bit code uses the shorter bit-test tree of {@link #remapU8} instead.
     */
    private static final class Lut256 {
        private final ByteVector[] parts;

        Lut256(byte[] table) {
            int n = B.length();
            parts = new ByteVector[256 / n];
            for (int p = 0; p < parts.length; p++) {
                parts[p] = ByteVector.fromArray(B, table, p * n);
            }
        }

        ByteVector lookup(ByteVector x) {
            int n = B.length();
            ByteVector lo = x.and((byte) (n - 1));
            ByteVector hi = x.and((byte) -n);
            ByteVector r = lo.selectFrom(parts[0]);
            for (int p = 1; p < parts.length; p++) {
                r = r.blend(lo.selectFrom(parts[p]), hi.compare(EQ, (byte) (p * n)));
            }
            return r;
        }
    }

    /**
     * A 65536-entry table does not fit registers, and on this hardware a gather (the JDK 21 API takes its indices
     * from an int array) measured about twice as slow as plain loads. So: chunks of 64 samples whose codes are all
     * below 256 (the common case for uint16 label rasters) are narrowed to bytes with SIMD and looked up with the
     * four-permute table of {@link #remapU8}; other chunks use the scalar loop.
     */
    @Override
    public void remapU16(short[] src, int srcOff, byte[] lut, byte[] dst, int dstOff, int len) {
        int i = 0;
        if (B.length() == 64 && S.length() == 32) {
            ByteVector t0 = ByteVector.fromArray(B, lut, 0);
            ByteVector t1 = ByteVector.fromArray(B, lut, 64);
            ByteVector t2 = ByteVector.fromArray(B, lut, 128);
            ByteVector t3 = ByteVector.fromArray(B, lut, 192);
            int bound = B.loopBound(len);
            for (; i < bound; i += 64) {
                ShortVector a = ShortVector.fromArray(S, src, srcOff + i);
                ShortVector b = ShortVector.fromArray(S, src, srcOff + i + 32);
                if (a.or(b).and((short) 0xFF00).compare(NE, 0).anyTrue()) {
                    for (int j = 0; j < 64; j++) {
                        dst[dstOff + i + j] = lut[src[srcOff + i + j] & 0xFFFF];
                    }
                    continue;
                }
                ByteVector x = ((ByteVector) a.convertShape(VectorOperators.S2B, B, 0))
                        .or((ByteVector) b.convertShape(VectorOperators.S2B, B, -1));
                ByteVector lo = x.and((byte) 63);
                VectorMask<Byte> bit6 = x.and((byte) 64).compare(NE, 0);
                ByteVector r01 = lo.selectFrom(t0).blend(lo.selectFrom(t1), bit6);
                ByteVector r23 = lo.selectFrom(t2).blend(lo.selectFrom(t3), bit6);
                r01.blend(r23, x.compare(LT, 0)).intoArray(dst, dstOff + i);
            }
        }
        ScalarKernels.INSTANCE.remapU16(src, srcOff + i, lut, dst, dstOff + i, len - i);
    }

    // ========================================================================================== histogram

    @Override
    public void histogramU8(byte[] src, int off, int len, byte[] mask, int maskOff, long[] counts) {
        int n = B.length();
        // Four interleaved int tables break the store-to-load chains of repeated values; flushed before overflow.
        int[] part = new int[256 * 4];
        byte[] kept = new byte[n];
        int i = 0;
        int bound = B.loopBound(len);
        while (i < bound) {
            int end = (int) Math.min(bound, (long) i + FLUSH);
            for (; i < end; i += n) {
                ByteVector x = ByteVector.fromArray(B, src, off + i);
                byte first = src[off + i];
                if (mask == null) {
                    if (x.compare(EQ, first).allTrue()) {
                        counts[first & 0xFF] += n;
                        continue;
                    }
                    for (int j = 0; j < n; j += 4) {
                        part[((src[off + i + j] & 0xFF) << 2)]++;
                        part[((src[off + i + j + 1] & 0xFF) << 2) | 1]++;
                        part[((src[off + i + j + 2] & 0xFF) << 2) | 2]++;
                        part[((src[off + i + j + 3] & 0xFF) << 2) | 3]++;
                    }
                } else {
                    VectorMask<Byte> m = ByteVector.fromArray(B, mask, maskOff + i).compare(NE, 0);
                    int k = m.trueCount();
                    if (k == 0) {
                        continue;
                    }
                    if (x.compare(EQ, first).allTrue()) {
                        counts[first & 0xFF] += k;
                        continue;
                    }
                    x.compress(m).intoArray(kept, 0);
                    for (int j = 0; j < k; j++) {
                        part[((kept[j] & 0xFF) << 2) | (j & 3)]++;
                    }
                }
            }
            for (int v = 0; v < 256; v++) {
                int b = v << 2;
                counts[v] += (long) part[b] + part[b + 1] + part[b + 2] + part[b + 3];
            }
            Arrays.fill(part, 0);
        }
        ScalarKernels.INSTANCE.histogramU8(src, off + i, len - i, mask, maskOff + i, counts);
    }

    @Override
    public void histogramU16(short[] src, int off, int len, byte[] mask, int maskOff, long[] counts) {
        int n = S.length();
        short[] kept = new short[n];
        int i = 0;
        int bound = S.loopBound(len);
        for (; i < bound; i += n) {
            ShortVector x = ShortVector.fromArray(S, src, off + i);
            short first = src[off + i];
            if (mask == null) {
                if (x.compare(EQ, first).allTrue()) {
                    counts[first & 0xFFFF] += n;
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    counts[src[off + i + j] & 0xFFFF]++;
                }
            } else {
                VectorMask<Short> m = ByteVector.fromArray(BS, mask, maskOff + i).compare(NE, 0).cast(S);
                int k = m.trueCount();
                if (k == 0) {
                    continue;
                }
                if (x.compare(EQ, first).allTrue()) {
                    counts[first & 0xFFFF] += k;
                    continue;
                }
                x.compress(m).intoArray(kept, 0);
                for (int j = 0; j < k; j++) {
                    counts[kept[j] & 0xFFFF]++;
                }
            }
        }
        ScalarKernels.INSTANCE.histogramU16(src, off + i, len - i, mask, maskOff + i, counts);
    }

    // ========================================================================================== confusion

    @Override
    public void confusionU8(byte[] ref, int refOff, byte[] pred, int predOff, int len, int numClasses,
                            byte[] ignore, long[] counts) {
        IgnoreTable8 ign = ignore == null ? null : new IgnoreTable8(ignore);
        int bound = B.loopBound(len);
        int i = numClasses <= 14 && B.length() % 16 == 0
                ? confusionFewClasses(ref, refOff, pred, predOff, bound, numClasses, ign, counts)
                : confusionManyClasses(ref, refOff, pred, predOff, bound, numClasses, ign, counts);
        ScalarKernels.INSTANCE.confusionU8(ref, refOff + i, pred, predOff + i, len - i, numClasses, ignore, counts);
    }

    /** {@code SHL4[v] = v << 4}, as a permute table (x86 has no byte shift, and the Vector API's emulation boxes). */
    private static final byte[] SHL4 = new byte[B.length()];

    static {
        for (int v = 0; v < 16; v++) {
            SHL4[v] = (byte) (v << 4);
        }
    }

    /** All lanes of {@link #B} as mask bits. */
    private static final long B_LANES = B.length() == 64 ? -1L : (1L << B.length()) - 1;

    /**
     * Up to 14 classes. Mostly-correct chunks: the diagonal is counted per class with compare + popcount on the
     * raw values (equal values at or beyond numClasses all belong to the out-of-range cell), and only the
     * mismatched lanes become cell indices {@code (min(r, k) << 4) | min(p, k)} (a byte below 0xFF), packed to the
     * front with compress and read back from the register as two 64-bit lanes (a vector store followed by byte
     * loads measured slower), 8 at a time with no loop: the tail is filled with the unused cell 0xFF, so fixed,
     * unrolled increments count them without a mispredicted loop exit. Mostly-wrong chunks: every lane is
     * counted. Counts go to 16 interleaved int tables (entry {@code cell << 4 | position % 16}), so that no two
     * increments of one chunk hit the same counter; they are folded into {@code counts} before they could
     * overflow.
     *
     * @return the number of elements done (a multiple of the vector length)
     */
    private static int confusionFewClasses(byte[] ref, int refOff, byte[] pred, int predOff, int bound,
                                           int numClasses, IgnoreTable8 ign, long[] counts) {
        int n = B.length();
        int stride = numClasses + 1;
        byte kFlipped = (byte) (numClasses ^ SIGN8);
        ByteVector shl4 = ByteVector.fromArray(B, SHL4, 0);
        ByteVector c0 = ByteVector.broadcast(B, (byte) 0);
        ByteVector c1 = ByteVector.broadcast(B, (byte) 1);
        ByteVector c2 = ByteVector.broadcast(B, (byte) 2);
        ByteVector c3 = ByteVector.broadcast(B, (byte) 3);
        ByteVector c4 = ByteVector.broadcast(B, (byte) 4);
        ByteVector c5 = ByteVector.broadcast(B, (byte) 5);
        ByteVector c6 = ByteVector.broadcast(B, (byte) 6);
        ByteVector c7 = ByteVector.broadcast(B, (byte) 7);
        ByteVector c8 = ByteVector.broadcast(B, (byte) 8);
        ByteVector c9 = ByteVector.broadcast(B, (byte) 9);
        ByteVector c10 = ByteVector.broadcast(B, (byte) 10);
        ByteVector c11 = ByteVector.broadcast(B, (byte) 11);
        ByteVector c12 = ByteVector.broadcast(B, (byte) 12);
        ByteVector c13 = ByteVector.broadcast(B, (byte) 13);
        long d0 = 0, d1 = 0, d2 = 0, d3 = 0, d4 = 0, d5 = 0, d6 = 0, d7 = 0, d8 = 0, d9 = 0, d10 = 0, d11 = 0,
                d12 = 0, d13 = 0, totalEq = 0;
        int[] table = new int[256 * 16];
        byte[] cells = new byte[n];
        int i = 0;
        while (i < bound) {
            int end = (int) Math.min(bound, (long) i + FLUSH);
            for (; i < end; i += n) {
                ByteVector r = ByteVector.fromArray(B, ref, refOff + i);
                ByteVector p = ByteVector.fromArray(B, pred, predOff + i);
                VectorMask<Byte> eq = r.compare(EQ, p);
                long validBits = B_LANES;
                if (ign != null) {
                    VectorMask<Byte> valid = ign.keep(r);
                    eq = eq.and(valid);
                    validBits = valid.toLong();
                }
                long lanes = validBits & ~eq.toLong();
                int m = Long.bitCount(lanes);
                if (m <= n / 4) {
                    // per-class diagonal counts in locals (registers), not array elements; the out-of-range cell
                    // (k, k) is the total minus the classes, at the end
                    totalEq += eq.trueCount();
                    d0 += r.compare(EQ, c0).and(eq).trueCount();
                    if (numClasses > 1) {
                        d1 += r.compare(EQ, c1).and(eq).trueCount();
                    }
                    if (numClasses > 2) {
                        d2 += r.compare(EQ, c2).and(eq).trueCount();
                    }
                    if (numClasses > 3) {
                        d3 += r.compare(EQ, c3).and(eq).trueCount();
                    }
                    if (numClasses > 4) {
                        d4 += r.compare(EQ, c4).and(eq).trueCount();
                    }
                    if (numClasses > 5) {
                        d5 += r.compare(EQ, c5).and(eq).trueCount();
                    }
                    if (numClasses > 6) {
                        d6 += r.compare(EQ, c6).and(eq).trueCount();
                    }
                    if (numClasses > 7) {
                        d7 += r.compare(EQ, c7).and(eq).trueCount();
                    }
                    if (numClasses > 8) {
                        d8 += r.compare(EQ, c8).and(eq).trueCount();
                    }
                    if (numClasses > 9) {
                        d9 += r.compare(EQ, c9).and(eq).trueCount();
                    }
                    if (numClasses > 10) {
                        d10 += r.compare(EQ, c10).and(eq).trueCount();
                    }
                    if (numClasses > 11) {
                        d11 += r.compare(EQ, c11).and(eq).trueCount();
                    }
                    if (numClasses > 12) {
                        d12 += r.compare(EQ, c12).and(eq).trueCount();
                    }
                    if (numClasses > 13) {
                        d13 += r.compare(EQ, c13).and(eq).trueCount();
                    }
                    if (m == 0) {
                        continue;
                    }
                } else {
                    lanes = validBits;
                    m = Long.bitCount(lanes);
                }
                // unsigned min(x, k) as a signed min of the sign-flipped values
                ByteVector rc = r.lanewise(XOR, SIGN8).min(kFlipped).lanewise(XOR, SIGN8);
                ByteVector pc = p.lanewise(XOR, SIGN8).min(kFlipped).lanewise(XOR, SIGN8);
                // cell ^ 0xFF so that compress's zero fill reads back as the unused cell 0xFF
                ByteVector flipped = rc.selectFrom(shl4).or(pc).not();
                if (m == n) {
                    byte first = flipped.lane(0);
                    if (flipped.compare(EQ, first).allTrue()) {
                        table[((~first & 0xFF) << 4)] += n;
                        continue;
                    }
                    flipped.not().intoArray(cells, 0);
                } else if (m <= 16) {
                    LongVector packed = flipped.compress(VectorMask.fromLong(B, lanes)).not()
                            .reinterpretAsLongs();
                    long w0 = packed.lane(0);
                    table[(int) ((w0 & 0xFF) << 4)]++;
                    table[(int) (((w0 >>> 4) & 0xFF0) | 1)]++;
                    table[(int) (((w0 >>> 12) & 0xFF0) | 2)]++;
                    table[(int) (((w0 >>> 20) & 0xFF0) | 3)]++;
                    table[(int) (((w0 >>> 28) & 0xFF0) | 4)]++;
                    table[(int) (((w0 >>> 36) & 0xFF0) | 5)]++;
                    table[(int) (((w0 >>> 44) & 0xFF0) | 6)]++;
                    table[(int) (((w0 >>> 52) & 0xFF0) | 7)]++;
                    if (m <= 8) {
                        continue;
                    }
                    long w1 = packed.lane(1);
                    table[(int) ((w1 & 0xFF) << 4) | 8]++;
                    table[(int) (((w1 >>> 4) & 0xFF0) | 9)]++;
                    table[(int) (((w1 >>> 12) & 0xFF0) | 10)]++;
                    table[(int) (((w1 >>> 20) & 0xFF0) | 11)]++;
                    table[(int) (((w1 >>> 28) & 0xFF0) | 12)]++;
                    table[(int) (((w1 >>> 36) & 0xFF0) | 13)]++;
                    table[(int) (((w1 >>> 44) & 0xFF0) | 14)]++;
                    table[(int) (((w1 >>> 52) & 0xFF0) | 15)]++;
                    continue;
                } else {
                    flipped.compress(VectorMask.fromLong(B, lanes)).not().intoArray(cells, 0);
                }
                int j = 0;
                do {
                    table[((cells[j] & 0xFF) << 4)]++;
                    table[((cells[j + 1] & 0xFF) << 4) | 1]++;
                    table[((cells[j + 2] & 0xFF) << 4) | 2]++;
                    table[((cells[j + 3] & 0xFF) << 4) | 3]++;
                    table[((cells[j + 4] & 0xFF) << 4) | 4]++;
                    table[((cells[j + 5] & 0xFF) << 4) | 5]++;
                    table[((cells[j + 6] & 0xFF) << 4) | 6]++;
                    table[((cells[j + 7] & 0xFF) << 4) | 7]++;
                    table[((cells[j + 8] & 0xFF) << 4) | 8]++;
                    table[((cells[j + 9] & 0xFF) << 4) | 9]++;
                    table[((cells[j + 10] & 0xFF) << 4) | 10]++;
                    table[((cells[j + 11] & 0xFF) << 4) | 11]++;
                    table[((cells[j + 12] & 0xFF) << 4) | 12]++;
                    table[((cells[j + 13] & 0xFF) << 4) | 13]++;
                    table[((cells[j + 14] & 0xFF) << 4) | 14]++;
                    table[((cells[j + 15] & 0xFF) << 4) | 15]++;
                    j += 16;
                } while (j < m);
            }
            for (int a = 0; a < stride; a++) {
                for (int b = 0; b < stride; b++) {
                    int t = ((a << 4) | b) << 4;
                    long sum = 0;
                    for (int w = 0; w < 16; w++) {
                        sum += table[t + w];
                    }
                    counts[a * stride + b] += sum;
                }
            }
            Arrays.fill(table, 0);
        }
        long[] d = {d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12, d13};
        long inRange = 0;
        for (int c = 0; c < numClasses; c++) {
            counts[c * stride + c] += d[c];
            inRange += d[c];
        }
        counts[numClasses * stride + numClasses] += totalEq - inRange;
        return i;
    }

    /**
     * 15 to 255 classes: cell indices {@code min(r, k) * (k + 1) + min(p, k)} in 16-bit lanes (at most 65535),
     * packed with compress when some lanes are ignored, and counted straight into {@code counts}; a diagonal
     * counted per class as in {@link #confusionFewClasses} while there are at most 31 classes.
     */
    private static int confusionManyClasses(byte[] ref, int refOff, byte[] pred, int predOff, int bound,
                                            int numClasses, IgnoreTable8 ign, long[] counts) {
        int n = B.length();
        int ns = S.length();
        long partLanes = (1L << ns) - 1;
        int stride = numClasses + 1;
        short k = (short) numClasses;
        boolean diagonal = stride <= 32;
        long[] diag = new long[stride];
        short[] cells = new short[n + ns];
        int i = 0;
        for (; i < bound; i += n) {
            ByteVector r = ByteVector.fromArray(B, ref, refOff + i);
            ByteVector p = ByteVector.fromArray(B, pred, predOff + i);
            VectorMask<Byte> eq = r.compare(EQ, p);
            long validBits = B_LANES;
            if (ign != null) {
                VectorMask<Byte> valid = ign.keep(r);
                eq = eq.and(valid);
                validBits = valid.toLong();
            }
            long lanes = validBits;
            if (diagonal) {
                long misses = validBits & ~eq.toLong();
                if (Long.bitCount(misses) <= n / 4) {
                    int total = eq.trueCount();
                    int others = 0;
                    for (int c = 0; c < numClasses && total > 0; c++) {
                        int t = r.compare(EQ, (byte) c).and(eq).trueCount();
                        diag[c] += t;
                        others += t;
                    }
                    diag[numClasses] += total - others;
                    lanes = misses;
                }
            }
            if (lanes == 0) {
                continue;
            }
            int filled = 0;
            for (int part = 0; part < n / ns; part++) {
                ShortVector rs = ((ShortVector) r.convertShape(VectorOperators.B2S, S, part)).and((short) 0xFF).min(k);
                ShortVector ps = ((ShortVector) p.convertShape(VectorOperators.B2S, S, part)).and((short) 0xFF).min(k);
                ShortVector cell = rs.mul((short) stride).add(ps);
                long bits = (lanes >>> (part * ns)) & partLanes;
                if (bits == partLanes) {
                    cell.intoArray(cells, filled);
                } else {
                    cell.compress(VectorMask.fromLong(S, bits)).intoArray(cells, filled);
                }
                filled += Long.bitCount(bits);
            }
            for (int j = 0; j < filled; j++) {
                counts[cells[j] & 0xFFFF]++;
            }
        }
        for (int c = 0; c < stride; c++) {
            counts[c * stride + c] += diag[c];
        }
        return i;
    }

    @Override
    public void confusionU16(short[] ref, int refOff, short[] pred, int predOff, int len, int numClasses,
                             byte[] ignore, long[] counts) {
        int n = S.length();
        int stride = numClasses + 1;
        short k = (short) numClasses;
        short kFlipped = (short) (numClasses ^ SIGN16);
        boolean diagonal = stride <= 32;
        long[] diag = new long[stride];
        int[] index = new int[n];
        int[] refIndex = new int[n];
        int i = 0;
        int bound = S.loopBound(len);
        for (; i < bound; i += n) {
            ShortVector r = ShortVector.fromArray(S, ref, refOff + i);
            ShortVector p = ShortVector.fromArray(S, pred, predOff + i);
            ShortVector rc = r.blend(k, r.lanewise(XOR, SIGN16).compare(GE, kFlipped));
            ShortVector pc = p.blend(k, p.lanewise(XOR, SIGN16).compare(GE, kFlipped));
            VectorMask<Short> valid;
            if (ignore == null) {
                valid = S.maskAll(true);
            } else {
                // gather ignore[r] for every lane (the table has 65536 entries)
                for (int part = 0; part < n / I.length(); part++) {
                    ((IntVector) r.convertShape(VectorOperators.S2I, I, part)).and(0xFFFF)
                            .intoArray(refIndex, part * I.length());
                }
                valid = ByteVector.fromArray(BS, ignore, 0, refIndex, 0).compare(EQ, 0).cast(S);
            }
            VectorMask<Short> eq = rc.compare(EQ, pc).and(valid);
            long misses = valid.andNot(eq).toLong();
            int missCount = Long.bitCount(misses);
            if (diagonal && missCount <= n / 4) {
                int total = eq.trueCount();
                int others = 0;
                if (total > 0) {
                    for (int c = 0; c < numClasses; c++) {
                        int t = rc.compare(EQ, (short) c).and(eq).trueCount();
                        diag[c] += t;
                        others += t;
                    }
                    diag[numClasses] += total - others;
                }
                while (misses != 0) {
                    int j = Long.numberOfTrailingZeros(misses);
                    misses &= misses - 1;
                    int rv = Math.min(ref[refOff + i + j] & 0xFFFF, numClasses);
                    int pv = Math.min(pred[predOff + i + j] & 0xFFFF, numClasses);
                    counts[rv * stride + pv]++;
                }
            } else {
                long validBits = valid.toLong();
                int filled = 0;
                for (int part = 0; part < n / I.length(); part++) {
                    IntVector ri = ((IntVector) rc.convertShape(VectorOperators.S2I, I, part)).and(0xFFFF);
                    IntVector pi = ((IntVector) pc.convertShape(VectorOperators.S2I, I, part)).and(0xFFFF);
                    IntVector cell = ri.mul(stride).add(pi);
                    if (ignore == null) {
                        cell.intoArray(index, filled);
                        filled += I.length();
                    } else {
                        VectorMask<Integer> keep = VectorMask.fromLong(I, validBits >>> (part * I.length()));
                        cell.compress(keep).intoArray(index, filled);
                        filled += keep.trueCount();
                    }
                }
                for (int j = 0; j < filled; j++) {
                    counts[index[j]]++;
                }
            }
        }
        for (int c = 0; c < stride; c++) {
            counts[c * stride + c] += diag[c];
        }
        ScalarKernels.INSTANCE.confusionU16(ref, refOff + i, pred, predOff + i, len - i, numClasses, ignore,
                counts);
    }

    /** A 256-entry ignore table held in registers, looked up with permutes (as {@link #remapU8}). */
    private static final class IgnoreTable8 {
        private final ByteVector t0;
        private final ByteVector t1;
        private final ByteVector t2;
        private final ByteVector t3;
        private final Lut256 any;

        IgnoreTable8(byte[] ignore) {
            if (B.length() == 64) {
                t0 = ByteVector.fromArray(B, ignore, 0);
                t1 = ByteVector.fromArray(B, ignore, 64);
                t2 = ByteVector.fromArray(B, ignore, 128);
                t3 = ByteVector.fromArray(B, ignore, 192);
                any = null;
            } else {
                t0 = t1 = t2 = t3 = null;
                any = new Lut256(ignore);
            }
        }

        /** The lanes whose value is not ignored. */
        VectorMask<Byte> keep(ByteVector x) {
            if (any != null) {
                return any.lookup(x).compare(EQ, 0);
            }
            ByteVector lo = x.and((byte) 63);
            VectorMask<Byte> bit6 = x.and((byte) 64).compare(NE, 0);
            ByteVector r01 = lo.selectFrom(t0).blend(lo.selectFrom(t1), bit6);
            ByteVector r23 = lo.selectFrom(t2).blend(lo.selectFrom(t3), bit6);
            return r01.blend(r23, x.compare(LT, 0)).compare(EQ, 0);
        }
    }

    // ========================================================================================== band math

    @Override
    public void normalizedDifference(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int len) {
        int n = F.length();
        int i = 0;
        int bound = F.loopBound(len);
        for (; i < bound; i += n) {
            FloatVector x = FloatVector.fromArray(F, a, aOff + i);
            FloatVector y = FloatVector.fromArray(F, b, bOff + i);
            x.sub(y).div(x.add(y)).intoArray(dst, dstOff + i);
        }
        ScalarKernels.INSTANCE.normalizedDifference(a, aOff + i, b, bOff + i, dst, dstOff + i, len - i);
    }

    @Override
    public void normalizedDifferenceU16(short[] a, int aOff, short[] b, int bOff, float[] dst, int dstOff,
                                        int len) {
        int n = F.length();
        int i = 0;
        int bound = SF.loopBound(len);
        for (; i < bound; i += n) {
            FloatVector x = unsignedToFloat(ShortVector.fromArray(SF, a, aOff + i));
            FloatVector y = unsignedToFloat(ShortVector.fromArray(SF, b, bOff + i));
            x.sub(y).div(x.add(y)).intoArray(dst, dstOff + i);
        }
        ScalarKernels.INSTANCE.normalizedDifferenceU16(a, aOff + i, b, bOff + i, dst, dstOff + i, len - i);
    }

    private static FloatVector unsignedToFloat(ShortVector s) {
        IntVector v = ((IntVector) s.convertShape(VectorOperators.S2I, I, 0)).and(0xFFFF);
        return (FloatVector) v.convert(VectorOperators.I2F, 0);
    }

    @Override
    public void scaleOffsetU16(short[] src, int srcOff, float scale, float offset, float[] dst, int dstOff,
                               int len) {
        int n = F.length();
        int i = 0;
        int bound = SF.loopBound(len);
        for (; i < bound; i += n) {
            unsignedToFloat(ShortVector.fromArray(SF, src, srcOff + i)).mul(scale).add(offset)
                    .intoArray(dst, dstOff + i);
        }
        ScalarKernels.INSTANCE.scaleOffsetU16(src, srcOff + i, scale, offset, dst, dstOff + i, len - i);
    }

    @Override
    public void scaleOffset(float[] src, int srcOff, float scale, float offset, float[] dst, int dstOff, int len) {
        int n = F.length();
        int i = 0;
        int bound = F.loopBound(len);
        for (; i < bound; i += n) {
            FloatVector.fromArray(F, src, srcOff + i).mul(scale).add(offset).intoArray(dst, dstOff + i);
        }
        ScalarKernels.INSTANCE.scaleOffset(src, srcOff + i, scale, offset, dst, dstOff + i, len - i);
    }

    @Override
    public void standardize(float[] src, int srcOff, float mean, float std, float[] dst, int dstOff, int len) {
        int n = F.length();
        int i = 0;
        int bound = F.loopBound(len);
        for (; i < bound; i += n) {
            FloatVector.fromArray(F, src, srcOff + i).sub(mean).div(std).intoArray(dst, dstOff + i);
        }
        ScalarKernels.INSTANCE.standardize(src, srcOff + i, mean, std, dst, dstOff + i, len - i);
    }

    /** NaN and {@code <= 0} to 0, {@code >= max} to max, else round half even (the 2^23 trick), as int lanes. */
    private static IntVector clampRound(FloatVector x, float max) {
        VectorMask<Float> positive = x.compare(GT, 0f);
        FloatVector c = FloatVector.zero(F).blend(x.lanewise(MIN, max), positive);
        c = c.add(ROUND_MAGIC).sub(ROUND_MAGIC);
        return (IntVector) c.convert(VectorOperators.F2I, 0);
    }

    @Override
    public void toU8(float[] src, int srcOff, byte[] dst, int dstOff, int len) {
        int n = F.length();
        int i = 0;
        int bound = F.loopBound(len);
        for (; i < bound; i += n) {
            ((ByteVector) clampRound(FloatVector.fromArray(F, src, srcOff + i), 255f)
                    .convertShape(VectorOperators.I2B, BF, 0)).intoArray(dst, dstOff + i);
        }
        ScalarKernels.INSTANCE.toU8(src, srcOff + i, dst, dstOff + i, len - i);
    }

    @Override
    public void toU16(float[] src, int srcOff, short[] dst, int dstOff, int len) {
        int n = F.length();
        int i = 0;
        int bound = F.loopBound(len);
        for (; i < bound; i += n) {
            ((ShortVector) clampRound(FloatVector.fromArray(F, src, srcOff + i), 65535f)
                    .convertShape(VectorOperators.I2S, SF, 0)).intoArray(dst, dstOff + i);
        }
        ScalarKernels.INSTANCE.toU16(src, srcOff + i, dst, dstOff + i, len - i);
    }

    @Override
    public void u16ToU8(short[] src, int srcOff, byte[] dst, int dstOff, int len) {
        int n = S.length();
        int i = 0;
        int bound = S.loopBound(len);
        for (; i < bound; i += n) {
            ShortVector x = ShortVector.fromArray(S, src, srcOff + i);
            ((ByteVector) x.blend((short) 255, x.compare(LT, (short) 0).or(x.compare(GT, (short) 255)))
                    .convertShape(VectorOperators.S2B, BS, 0)).intoArray(dst, dstOff + i);
        }
        ScalarKernels.INSTANCE.u16ToU8(src, srcOff + i, dst, dstOff + i, len - i);
    }

    // ============================================================================================== masks

    @Override
    public void validMaskU8(byte[] src, int srcOff, int nodata, byte[] mask, int maskOff, int len) {
        int n = B.length();
        ByteVector zero = ByteVector.zero(B);
        byte nd = (byte) nodata;
        int i = 0;
        int bound = B.loopBound(len);
        for (; i < bound; i += n) {
            zero.blend((byte) 1, ByteVector.fromArray(B, src, srcOff + i).compare(NE, nd)).intoArray(mask, maskOff + i);
        }
        ScalarKernels.INSTANCE.validMaskU8(src, srcOff + i, nodata, mask, maskOff + i, len - i);
    }

    @Override
    public void validMaskU16(short[] src, int srcOff, int nodata, byte[] mask, int maskOff, int len) {
        int n = S.length();
        ByteVector zero = ByteVector.zero(BS);
        short nd = (short) nodata;
        int i = 0;
        int bound = S.loopBound(len);
        for (; i < bound; i += n) {
            VectorMask<Byte> keep = ShortVector.fromArray(S, src, srcOff + i).compare(NE, nd).cast(BS);
            zero.blend((byte) 1, keep).intoArray(mask, maskOff + i);
        }
        ScalarKernels.INSTANCE.validMaskU16(src, srcOff + i, nodata, mask, maskOff + i, len - i);
    }

    @Override
    public void validMaskF32(float[] src, int srcOff, float nodata, byte[] mask, int maskOff, int len) {
        int n = F.length();
        ByteVector zero = ByteVector.zero(BF);
        int i = 0;
        int bound = F.loopBound(len);
        for (; i < bound; i += n) {
            FloatVector x = FloatVector.fromArray(F, src, srcOff + i);
            VectorMask<Float> keep = x.compare(EQ, x).and(x.compare(NE, nodata));
            zero.blend((byte) 1, keep.cast(BF)).intoArray(mask, maskOff + i);
        }
        ScalarKernels.INSTANCE.validMaskF32(src, srcOff + i, nodata, mask, maskOff + i, len - i);
    }

    @Override
    public long countNonZero(byte[] mask, int off, int len) {
        int n = B.length();
        long total = 0;
        int i = 0;
        int bound = B.loopBound(len);
        for (; i < bound; i += n) {
            total += ByteVector.fromArray(B, mask, off + i).compare(NE, 0).trueCount();
        }
        return total + ScalarKernels.INSTANCE.countNonZero(mask, off + i, len - i);
    }

    // ========================================================================================= statistics

    @Override
    public void momentsU8(byte[] src, int off, int len, byte[] mask, int maskOff, long[] out) {
        int n = I.length();
        long count = 0;
        long sum = 0;
        long sumSq = 0;
        IntVector vmin = IntVector.broadcast(I, Integer.MAX_VALUE);
        IntVector vmax = IntVector.broadcast(I, -1);
        int i = 0;
        int bound = BF.loopBound(len);
        while (i < bound) {
            // int lanes: 255 * 255 * 2^15 < 2^31, so flush the lane sums every 2^15 vectors
            int end = (int) Math.min(bound, (long) i + (long) n * (1 << 15));
            IntVector vsum = IntVector.zero(I);
            IntVector vsq = IntVector.zero(I);
            for (; i < end; i += n) {
                IntVector x = ((IntVector) ByteVector.fromArray(BF, src, off + i)
                        .convertShape(VectorOperators.B2I, I, 0)).and(0xFF);
                if (mask != null) {
                    VectorMask<Integer> m = ByteVector.fromArray(BF, mask, maskOff + i).compare(NE, 0).cast(I);
                    count += m.trueCount();
                    x = IntVector.zero(I).blend(x, m);
                    vmin = vmin.lanewise(MIN, x, m);
                    vmax = vmax.lanewise(MAX, x, m);
                } else {
                    count += n;
                    vmin = vmin.min(x);
                    vmax = vmax.max(x);
                }
                vsum = vsum.add(x);
                vsq = vsq.add(x.mul(x));
            }
            sum += sumLanes(vsum);
            sumSq += sumLanes(vsq);
        }
        long[] tail = new long[5];
        ScalarKernels.INSTANCE.momentsU8(src, off + i, len - i, mask, maskOff + i, tail);
        mergeMoments(out, count, vmin.reduceLanes(MIN), vmax.reduceLanes(MAX), sum, sumSq, tail);
    }

    @Override
    public void momentsU16(short[] src, int off, int len, byte[] mask, int maskOff, long[] out) {
        int n = I.length();
        long count = 0;
        long sum = 0;
        IntVector vmin = IntVector.broadcast(I, Integer.MAX_VALUE);
        IntVector vmax = IntVector.broadcast(I, -1);
        LongVector sq0 = LongVector.zero(L);
        LongVector sq1 = LongVector.zero(L);
        int i = 0;
        int bound = SF.loopBound(len);
        while (i < bound) {
            // int lanes: 65535 * 2^15 < 2^31, so flush the lane sums every 2^15 vectors
            int end = (int) Math.min(bound, (long) i + (long) n * (1 << 15));
            IntVector vsum = IntVector.zero(I);
            for (; i < end; i += n) {
                IntVector x = ((IntVector) ShortVector.fromArray(SF, src, off + i)
                        .convertShape(VectorOperators.S2I, I, 0)).and(0xFFFF);
                if (mask != null) {
                    VectorMask<Integer> m = ByteVector.fromArray(BF, mask, maskOff + i).compare(NE, 0).cast(I);
                    count += m.trueCount();
                    x = IntVector.zero(I).blend(x, m);
                    vmin = vmin.lanewise(MIN, x, m);
                    vmax = vmax.lanewise(MAX, x, m);
                } else {
                    count += n;
                    vmin = vmin.min(x);
                    vmax = vmax.max(x);
                }
                vsum = vsum.add(x);
                LongVector x0 = (LongVector) x.convertShape(VectorOperators.I2L, L, 0);
                LongVector x1 = (LongVector) x.convertShape(VectorOperators.I2L, L, 1);
                sq0 = sq0.add(x0.mul(x0));
                sq1 = sq1.add(x1.mul(x1));
            }
            sum += sumLanes(vsum);
        }
        long sumSq = sq0.add(sq1).reduceLanes(VectorOperators.ADD);
        long[] tail = new long[5];
        ScalarKernels.INSTANCE.momentsU16(src, off + i, len - i, mask, maskOff + i, tail);
        mergeMoments(out, count, vmin.reduceLanes(MIN), vmax.reduceLanes(MAX), sum, sumSq, tail);
    }

    private static long sumLanes(IntVector v) {
        long s = 0;
        for (int j = 0; j < v.length(); j++) {
            s += v.lane(j);
        }
        return s;
    }

    private static void mergeMoments(long[] out, long count, int min, int max, long sum, long sumSq, long[] tail) {
        long total = count + tail[0];
        int mn = count == 0 ? Integer.MAX_VALUE : min;
        int mx = count == 0 ? -1 : max;
        if (tail[0] > 0) {
            mn = Math.min(mn, (int) tail[1]);
            mx = Math.max(mx, (int) tail[2]);
        }
        ScalarKernels.storeMoments(out, total, mn, mx, sum + tail[3], sumSq + tail[4]);
    }

    @Override
    public void momentsF32(float[] src, int off, int len, byte[] mask, int maskOff, double[] out) {
        int n = F.length();
        int half = D.length();
        long halfLanes = (1L << half) - 1;
        int bound = F.loopBound(len);
        long count = 0;
        FloatVector vmin = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        FloatVector vmax = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        DoubleVector vsum = DoubleVector.zero(D);
        FloatVector fzero = FloatVector.zero(F);
        int i = 0;
        for (; i < bound; i += n) {
            FloatVector x = FloatVector.fromArray(F, src, off + i);
            VectorMask<Float> keep = x.compare(EQ, x);
            if (mask != null) {
                keep = keep.and(ByteVector.fromArray(BF, mask, maskOff + i).compare(NE, 0).cast(F));
            }
            count += keep.trueCount();
            vmin = vmin.lanewise(MIN, x, keep);
            vmax = vmax.lanewise(MAX, x, keep);
            FloatVector kept = fzero.blend(x, keep);
            vsum = vsum.add(kept.convertShape(VectorOperators.F2D, D, 0))
                    .add(kept.convertShape(VectorOperators.F2D, D, 1));
        }
        float min = vmin.reduceLanes(MIN);
        float max = vmax.reduceLanes(MAX);
        double sum = 0;
        for (int j = 0; j < half; j++) {
            sum += vsum.lane(j);   // fixed order: the result does not depend on how reduceLanes is compiled
        }
        for (int t = i; t < len; t++) {
            float x = src[off + t];
            if (x == x && (mask == null || mask[maskOff + t] != 0)) {
                count++;
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (count == 0) {
            out[0] = 0;
            out[1] = out[2] = out[3] = out[4] = Double.NaN;
            return;
        }
        double mean = sum / count;
        DoubleVector vm2 = DoubleVector.zero(D);
        for (int t = 0; t < bound; t += n) {
            FloatVector x = FloatVector.fromArray(F, src, off + t);
            VectorMask<Float> keep = x.compare(EQ, x);
            if (mask != null) {
                keep = keep.and(ByteVector.fromArray(BF, mask, maskOff + t).compare(NE, 0).cast(F));
            }
            long bits = keep.toLong();
            DoubleVector d0 = ((DoubleVector) x.convertShape(VectorOperators.F2D, D, 0)).sub(mean);
            DoubleVector d1 = ((DoubleVector) x.convertShape(VectorOperators.F2D, D, 1)).sub(mean);
            vm2 = vm2.add(d0.mul(d0), VectorMask.fromLong(D, bits & halfLanes))
                    .add(d1.mul(d1), VectorMask.fromLong(D, (bits >>> half) & halfLanes));
        }
        double m2 = 0;
        for (int j = 0; j < half; j++) {
            m2 += vm2.lane(j);
        }
        for (int t = i; t < len; t++) {
            float x = src[off + t];
            if (x == x && (mask == null || mask[maskOff + t] != 0)) {
                double d = x - mean;
                m2 += d * d;
            }
        }
        out[0] = count;
        out[1] = min;
        out[2] = max;
        out[3] = mean;
        out[4] = m2;
    }

    // ========================================================================================= resampling

    /** {@code shuffle[p]} maps output lane j to input lane {@code (p + j) / factor}, for each phase p. */
    private static <E> VectorShuffle<E>[] expandShuffles(VectorSpecies<E> species, int factor) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        VectorShuffle<E>[] shuffles = new VectorShuffle[factor];
        int[] lanes = new int[species.length()];
        for (int p = 0; p < factor; p++) {
            for (int j = 0; j < lanes.length; j++) {
                lanes[j] = (p + j) / factor;
            }
            shuffles[p] = VectorShuffle.fromArray(species, lanes, 0);
        }
        return shuffles;
    }

    @Override
    public void upsampleU8(byte[] src, int srcOff, int width, int height, int factor, byte[] dst, int dstOff) {
        int n = B.length();
        int outW = width * factor;
        VectorShuffle<Byte>[] shuffles = factor <= n ? expandShuffles(B, factor) : null;
        for (int y = 0; y < height; y++) {
            int s0 = srcOff + y * width;
            int row = dstOff + y * factor * outW;
            int o = 0;
            if (shuffles != null) {
                for (; o + n <= outW; o += n) {
                    int s = s0 + o / factor;
                    if (s + n > src.length) {
                        break;
                    }
                    ByteVector.fromArray(B, src, s).rearrange(shuffles[o % factor]).intoArray(dst, row + o);
                }
            } else {
                for (int x = 0; x < width; x++, o += factor) {
                    ByteVector v = ByteVector.broadcast(B, src[s0 + x]);
                    int k = 0;
                    for (; k + n <= factor; k += n) {
                        v.intoArray(dst, row + o + k);
                    }
                    for (; k < factor; k++) {
                        dst[row + o + k] = src[s0 + x];
                    }
                }
            }
            for (; o < outW; o++) {
                dst[row + o] = src[s0 + o / factor];
            }
            for (int r = 1; r < factor; r++) {
                System.arraycopy(dst, row, dst, row + r * outW, outW);
            }
        }
    }

    @Override
    public void upsampleU16(short[] src, int srcOff, int width, int height, int factor, short[] dst, int dstOff) {
        int n = S.length();
        int outW = width * factor;
        VectorShuffle<Short>[] shuffles = factor <= n ? expandShuffles(S, factor) : null;
        for (int y = 0; y < height; y++) {
            int s0 = srcOff + y * width;
            int row = dstOff + y * factor * outW;
            int o = 0;
            if (shuffles != null) {
                for (; o + n <= outW; o += n) {
                    int s = s0 + o / factor;
                    if (s + n > src.length) {
                        break;
                    }
                    ShortVector.fromArray(S, src, s).rearrange(shuffles[o % factor]).intoArray(dst, row + o);
                }
            } else {
                for (int x = 0; x < width; x++, o += factor) {
                    ShortVector v = ShortVector.broadcast(S, src[s0 + x]);
                    int k = 0;
                    for (; k + n <= factor; k += n) {
                        v.intoArray(dst, row + o + k);
                    }
                    for (; k < factor; k++) {
                        dst[row + o + k] = src[s0 + x];
                    }
                }
            }
            for (; o < outW; o++) {
                dst[row + o] = src[s0 + o / factor];
            }
            for (int r = 1; r < factor; r++) {
                System.arraycopy(dst, row, dst, row + r * outW, outW);
            }
        }
    }

    @Override
    public void upsampleF32(float[] src, int srcOff, int width, int height, int factor, float[] dst, int dstOff) {
        int n = F.length();
        int outW = width * factor;
        VectorShuffle<Float>[] shuffles = factor <= n ? expandShuffles(F, factor) : null;
        for (int y = 0; y < height; y++) {
            int s0 = srcOff + y * width;
            int row = dstOff + y * factor * outW;
            int o = 0;
            if (shuffles != null) {
                for (; o + n <= outW; o += n) {
                    int s = s0 + o / factor;
                    if (s + n > src.length) {
                        break;
                    }
                    FloatVector.fromArray(F, src, s).rearrange(shuffles[o % factor]).intoArray(dst, row + o);
                }
            } else {
                for (int x = 0; x < width; x++, o += factor) {
                    FloatVector v = FloatVector.broadcast(F, src[s0 + x]);
                    int k = 0;
                    for (; k + n <= factor; k += n) {
                        v.intoArray(dst, row + o + k);
                    }
                    for (; k < factor; k++) {
                        dst[row + o + k] = src[s0 + x];
                    }
                }
            }
            for (; o < outW; o++) {
                dst[row + o] = src[s0 + o / factor];
            }
            for (int r = 1; r < factor; r++) {
                System.arraycopy(dst, row, dst, row + r * outW, outW);
            }
        }
    }

    /** The largest factor the vector mode kernel takes: block votes (up to factor^2) must fit a signed byte. */
    private static final int MAX_MODE_FACTOR = 11;

    @Override
    public void downsampleModeU8(byte[] src, int srcOff, int width, int height, int factor, int ignore, byte[] dst,
                                 int dstOff) {
        int n = B.length();
        int outW = (width + factor - 1) / factor;
        int outH = (height + factor - 1) / factor;
        int fullCols = width / factor;
        int fullRows = height / factor;
        int[] votes = new int[256];
        boolean vector = factor >= 2 && factor <= MAX_MODE_FACTOR && fullCols >= n;
        int vectorCols = 0;
        if (vector) {
            int cells = factor * factor;
            // plane (dy, dx) holds, for n consecutive blocks, the sample at (dy, dx) of each block; it is gathered
            // from the factor vectors that cover the row with one shuffle and factor-1 blends
            @SuppressWarnings({"unchecked", "rawtypes"})
            VectorShuffle<Byte>[] pick = new VectorShuffle[factor];
            long[][] source = new long[factor][factor];
            int[] lanes = new int[n];
            for (int dx = 0; dx < factor; dx++) {
                for (int j = 0; j < n; j++) {
                    int at = j * factor + dx;
                    lanes[j] = at % n;
                    source[dx][at / n] |= 1L << j;
                }
                pick[dx] = VectorShuffle.fromArray(B, lanes, 0);
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            VectorMask<Byte>[][] fromMask = new VectorMask[factor][factor];
            for (int dx = 0; dx < factor; dx++) {
                for (int v = 0; v < factor; v++) {
                    fromMask[dx][v] = VectorMask.fromLong(B, source[dx][v]);
                }
            }
            byte[] planes = new byte[cells * n];
            ByteVector one = ByteVector.broadcast(B, (byte) 1);
            ByteVector zero = ByteVector.zero(B);
            ByteVector init = ByteVector.broadcast(B, (byte) Math.max(ignore, 0));
            for (int by = 0; by < fullRows; by++) {
                for (int bx0 = 0; bx0 < fullCols; bx0 += n) {
                    int bx = Math.min(bx0, fullCols - n);   // the last vector overlaps the one before
                    for (int dy = 0; dy < factor; dy++) {
                        int base = srcOff + (by * factor + dy) * width + bx * factor;
                        for (int dx = 0; dx < factor; dx++) {
                            ByteVector plane = ByteVector.fromArray(B, src, base).rearrange(pick[dx]);
                            for (int v = 1; v < factor; v++) {
                                plane = plane.blend(ByteVector.fromArray(B, src, base + v * n).rearrange(pick[dx]),
                                        fromMask[dx][v]);
                            }
                            plane.intoArray(planes, (dy * factor + dx) * n);
                        }
                    }
                    ByteVector best = init;
                    ByteVector bestVotes = zero;
                    for (int c = 0; c < cells; c++) {
                        ByteVector pc = ByteVector.fromArray(B, planes, c * n);
                        ByteVector vc = zero;
                        for (int m = 0; m < cells; m++) {
                            vc = vc.add(one, pc.compare(EQ, ByteVector.fromArray(B, planes, m * n)));
                        }
                        if (ignore >= 0) {
                            vc = vc.blend(zero, pc.compare(EQ, (byte) ignore));
                        }
                        VectorMask<Byte> better = vc.compare(GT, bestVotes)
                                .or(vc.compare(EQ, bestVotes).and(pc.lanewise(XOR, SIGN8)
                                        .compare(LT, best.lanewise(XOR, SIGN8))));
                        best = best.blend(pc, better);
                        bestVotes = bestVotes.blend(vc, better);
                    }
                    best.intoArray(dst, dstOff + by * outW + bx);
                }
            }
            vectorCols = fullCols;
        }
        for (int by = 0; by < outH; by++) {
            int from = by < fullRows ? vectorCols : 0;
            for (int bx = from; bx < outW; bx++) {
                dst[dstOff + by * outW + bx] = (byte) ScalarKernels.modeOfBlock(src, srcOff, width, height, factor,
                        ignore, bx, by, votes);
            }
        }
    }

    @Override
    public void downsampleMeanF32(float[] src, int srcOff, int width, int height, int factor, float[] dst,
                                  int dstOff) {
        int n = D.length();
        int outW = (width + factor - 1) / factor;
        int outH = (height + factor - 1) / factor;
        int fullCols = width / factor;
        int fullRows = height / factor;
        int vectorCols = 0;
        if (factor >= 2 && fullCols >= n) {
            int[] stride = new int[n];
            for (int j = 0; j < n; j++) {
                stride[j] = j * factor;
            }
            FloatVector nan = FloatVector.broadcast(FD, Float.NaN);
            FloatVector fzero = FloatVector.zero(FD);
            for (int by = 0; by < fullRows; by++) {
                for (int bx0 = 0; bx0 < fullCols; bx0 += n) {
                    int bx = Math.min(bx0, fullCols - n);   // the last vector overlaps the one before
                    DoubleVector sum = DoubleVector.zero(D);
                    DoubleVector cnt = DoubleVector.zero(D);
                    // same order as the scalar definition: rows of the block, then columns; NaN adds +0.0, which
                    // leaves a sum that started at +0.0 bit-identical
                    for (int dy = 0; dy < factor; dy++) {
                        int base = srcOff + (by * factor + dy) * width + bx * factor;
                        for (int dx = 0; dx < factor; dx++) {
                            FloatVector x = FloatVector.fromArray(FD, src, base + dx, stride, 0);
                            VectorMask<Float> keep = x.compare(EQ, x);
                            sum = sum.add(fzero.blend(x, keep).convertShape(VectorOperators.F2D, D, 0));
                            cnt = cnt.add(1.0, keep.cast(D));
                        }
                    }
                    FloatVector mean = (FloatVector) sum.div(cnt).convertShape(VectorOperators.D2F, FD, 0);
                    VectorMask<Float> empty = cnt.compare(EQ, 0.0).cast(FD);
                    mean.blend(nan, empty).intoArray(dst, dstOff + by * outW + bx);
                }
            }
            vectorCols = fullCols;
        }
        for (int by = 0; by < outH; by++) {
            int from = by < fullRows ? vectorCols : 0;
            for (int bx = from; bx < outW; bx++) {
                dst[dstOff + by * outW + bx] = ScalarKernels.meanOfBlock(src, srcOff, width, height, factor, bx, by);
            }
        }
    }
}
