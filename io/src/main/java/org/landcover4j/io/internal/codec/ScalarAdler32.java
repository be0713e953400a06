package org.landcover4j.io.internal.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** The scalar reference of {@link Adler32Kernel}. Stateless and thread-safe. */
final class ScalarAdler32 implements Adler32Kernel {
    static final ScalarAdler32 INSTANCE = new ScalarAdler32();
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ScalarAdler32() {
    }

    private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;

    /**
     * Adler-32 of {@code b[off..off+len)}, 8 bytes per step: the bytes of a little-endian word are split into two
     * sets of four 16-bit lanes, whose plain and position-weighted sums come out of the top lane of one
     * multiplication each (no lane can carry into the next). About 1.4x the JDK's {@code Adler32} here.
     */
    @Override
    public long adler32(byte[] b, int off, int len) {
        long a = 1;
        long s = 0;
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            // 4096 words keep s below 2^40 between reductions
            int blockEnd = Math.min(end - 7, i + 8 * 4096);
            for (; i < blockEnd; i += 8) {
                long w = (long) LONG.get(b, i);
                long even = w & EVEN_BYTES;
                long odd = (w >>> 8) & EVEN_BYTES;
                long sum = ((even + odd) * 0x0001000100010001L) >>> 48;
                long weighted = ((even * 0x0008000600040002L) >>> 48) + ((odd * 0x0007000500030001L) >>> 48);
                s += 8 * a + weighted;
                a += sum;
            }
            a %= 65521;
            s %= 65521;
        }
        for (; i < end; i++) {
            a += b[i] & 0xFF;
            s += a;
        }
        return (s % 65521) << 16 | (a % 65521);
    }

    @Override
    public String name() {
        return "scalar";
    }
}
