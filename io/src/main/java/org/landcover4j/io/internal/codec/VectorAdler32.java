package org.landcover4j.io.internal.codec;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twin of {@link ScalarAdler32}: the only class of the package that imports
 * {@code jdk.incubator.vector}, loaded reflectively by {@link Adler32Kernel#vector()}.
 *
 * <p>Each step zero-extends L bytes (L = the preferred number of int lanes, 8 or 16) to L int lanes and keeps two
 * lane-wise sums over a block of chunks: the bytes, and the running byte sums before each chunk (the {@code L * a}
 * term of every chunk). A byte's weight within its chunk, {@code L - lane}, depends only on its lane, so the
 * weighted sum is the lane sums times the weights, once per block. At the end of a block, with {@code a0} the
 * value of a before it and n its chunks: {@code a += sum}, {@code s += n L a0 + L prev + weighted}. Same values
 * as the scalar reference.
 *
 * <p>Stateless and thread-safe.
 */
final class VectorAdler32 implements Adler32Kernel {
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final int L = IS.length();
    private static final VectorSpecies<Byte> BS = L >= 8
            ? VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8)) : null;
    private static final IntVector WEIGHTS = IntVector.fromArray(IS, weights(), 0);
    /**
     * Chunks per block: the running-sum lanes stay below 255 * BLOCK_CHUNKS^2 / 2, and their total over at most 16
     * lanes (512-bit vectors) below 2^31, whether the lane reduction adds in int or in long.
     */
    static final int BLOCK_CHUNKS = 1024;
    private static final int MOD = 65521;

    /** The instance, or null when the CPU's vectors are narrower than 256 bits (the scalar code is then used). */
    static final VectorAdler32 INSTANCE = L >= 8 ? new VectorAdler32() : null;

    private VectorAdler32() {
    }

    private static int[] weights() {
        int[] w = new int[L];
        for (int j = 0; j < L; j++) {
            w[j] = L - j;
        }
        return w;
    }

    @Override
    public long adler32(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        long a = 1;
        long s = 0;
        int i = off;
        int end = off + len;
        while (end - i >= L) {
            int n = Math.min((end - i) / L, BLOCK_CHUNKS);
            IntVector sum = IntVector.zero(IS);
            IntVector prev = IntVector.zero(IS);
            for (int k = 0; k < n; k++, i += L) {
                IntVector x = (IntVector) ByteVector.fromArray(BS, b, i)
                        .convertShape(VectorOperators.ZERO_EXTEND_B2I, IS, 0);
                prev = prev.add(sum);
                sum = sum.add(x);
            }
            // the weight of a byte depends only on its lane: weight the lane sums once per block
            long sumAll = sum.reduceLanesToLong(VectorOperators.ADD);
            long prevAll = prev.reduceLanesToLong(VectorOperators.ADD);
            long weightedAll = sum.mul(WEIGHTS).reduceLanesToLong(VectorOperators.ADD);
            s = (s + (long) n * L * a + L * prevAll + weightedAll) % MOD;
            a = (a + sumAll) % MOD;
        }
        for (; i < end; i++) {
            a += b[i] & 0xFF;
            s += a;
        }
        return (s % MOD) << 16 | (a % MOD);
    }

    @Override
    public String name() {
        return "vector (" + IS.vectorBitSize() + "-bit)";
    }
}
