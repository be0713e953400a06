package org.landcover4j.io.testing;

import java.util.Arrays;
import java.util.zip.CRC32;
import org.landcover4j.core.testing.Gen;

/**
 * Seeded byte-level mutations for fuzz tests: bit flips, interesting values, truncation, deletion, duplication,
 * insertion and splicing. {@link #fixPngCrcs(byte[])} re-seals PNG chunks so mutations get past the CRC check.
 *
 * {@snippet :
 * var m = new Mutator(Gen.seeded(1));
 * byte[] bad = m.mutate(validFile);
 * }
 */
public final class Mutator {
    private static final int[] BYTES = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x10, 0x40};
    private static final int[] INTS = {0, 1, -1, 0x7FFFFFFF, 0x80000000, 0xFFFF, 0x10000, 0x7FFF, 255, 256, 65535,
        1 << 20, 1 << 24};

    private final Gen gen;

    public Mutator(Gen gen) {
        this.gen = gen;
    }

    /** One to four mutations of a copy of {@code in}. */
    public byte[] mutate(byte[] in) {
        byte[] b = in.clone();
        int rounds = 1 + gen.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            b = once(b);
        }
        return b;
    }

    private byte[] once(byte[] b) {
        int n = b.length;
        switch (gen.nextInt(10)) {
            case 0, 1 -> {
                int at = gen.nextInt(n);
                b[at] ^= (byte) (1 << gen.nextInt(8));
            }
            case 2 -> b[gen.nextInt(n)] = (byte) BYTES[gen.nextInt(BYTES.length)];
            case 3 -> {
                if (n >= 4) {
                    int at = gen.nextInt(n - 3);
                    int v = INTS[gen.nextInt(INTS.length)];
                    boolean big = gen.chance(0.5);
                    for (int i = 0; i < 4; i++) {
                        b[at + i] = (byte) (big ? v >>> (24 - 8 * i) : v >>> (8 * i));
                    }
                }
            }
            case 4 -> {
                return Arrays.copyOf(b, gen.nextInt(n));
            }
            case 5 -> {
                int at = gen.nextInt(n);
                int len = Math.min(n - at, 1 + gen.nextInt(64));
                byte[] out = new byte[n - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, n - at - len);
                return out;
            }
            case 6 -> {
                int at = gen.nextInt(n);
                int len = Math.min(n - at, 1 + gen.nextInt(256));
                byte[] out = new byte[n + len];
                System.arraycopy(b, 0, out, 0, at + len);
                System.arraycopy(b, at, out, at + len, n - at);
                return out;
            }
            case 7 -> {
                int at = gen.nextInt(n + 1);
                int len = 1 + gen.nextInt(32);
                byte[] out = new byte[n + len];
                System.arraycopy(b, 0, out, 0, at);
                for (int i = 0; i < len; i++) {
                    out[at + i] = (byte) gen.nextInt(256);
                }
                System.arraycopy(b, at, out, at + len, n - at);
                return out;
            }
            case 8 -> {
                int from = gen.nextInt(n);
                int to = gen.nextInt(n);
                int len = Math.min(Math.min(n - from, n - to), 1 + gen.nextInt(128));
                System.arraycopy(b, from, b, to, len);
            }
            default -> {
                int at = gen.nextInt(n);
                int len = Math.min(n - at, 1 + gen.nextInt(16));
                for (int i = 0; i < len; i++) {
                    b[at + i] = (byte) gen.nextInt(256);
                }
            }
        }
        return b;
    }

    /** Recomputes the CRC of every complete PNG chunk (in place), so a mutation is seen by the decoder proper. */
    public static byte[] fixPngCrcs(byte[] b) {
        int p = 8;
        CRC32 crc = new CRC32();
        while (p + 12 <= b.length) {
            long len = (b[p] & 0xFFL) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
            if (len > b.length - p - 12) {
                break;
            }
            crc.reset();
            crc.update(b, p + 4, (int) len + 4);
            int c = (int) crc.getValue();
            int at = p + 8 + (int) len;
            b[at] = (byte) (c >>> 24);
            b[at + 1] = (byte) (c >>> 16);
            b[at + 2] = (byte) (c >>> 8);
            b[at + 3] = (byte) c;
            p = at + 4;
        }
        return b;
    }
}
