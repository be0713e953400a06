package org.landcover4j.io.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.landcover4j.core.testing.Gen;

/**
 * The DEFLATE decoder against the JDK's zlib ({@link Deflater} writes, {@link Inflate} must read back exactly), on
 * every level and strategy, every block type and awkward data; corrupt, truncated and expanding streams.
 */
class InflateTest {

    /**
     * Data kinds: random bytes, a few symbols, runs, smooth ramps, noisy little-endian 16-bit samples (the pair
     * tables' case), long runs of one byte (distance-1 matches) and a random block repeated 32 KiB apart (matches
     * spanning the whole window).
     */
    static byte[] data(Gen g, int n, int kind) {
        byte[] b = new byte[n];
        switch (kind) {
            case 4 -> {
                for (int i = 0; i + 1 < n; i += 2) {
                    int v = 1000 + g.nextInt(600);
                    b[i] = (byte) v;
                    b[i + 1] = (byte) (v >>> 8);
                }
            }
            case 5 -> {
                int i = 0;
                while (i < n) {
                    int run = 1 + g.nextInt(g.chance(0.5) ? 600 : 4);
                    Arrays.fill(b, i, Math.min(n, i + run), (byte) g.nextInt(4));
                    i += run;
                }
            }
            case 6 -> {
                byte[] block = new byte[Math.min(n, 32768)];
                for (int i = 0; i < block.length; i++) {
                    block[i] = (byte) g.nextInt(256);
                }
                for (int i = 0; i < n; i++) {
                    b[i] = g.chance(0.001) ? (byte) g.nextInt(256) : block[i % block.length];
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    b[i] = switch (kind) {
                        case 0 -> (byte) g.nextInt(256);
                        case 1 -> (byte) g.nextInt(3);
                        case 2 -> (byte) ((i / 37) % 5);
                        default -> (byte) (i * 7 / 13);
                    };
                }
            }
        }
        return b;
    }

    static final int KINDS = 7;

    static byte[] deflate(byte[] in, int level, int strategy) {
        Deflater d = new Deflater(level);
        d.setStrategy(strategy);
        d.setInput(in);
        d.finish();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            o.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return o.toByteArray();
    }

    /** A stream of several blocks of different types: each part at its own level, then a sync or full flush. */
    static byte[] deflateInParts(byte[] in, int[] cuts, int[] levels, boolean full) {
        Deflater d = new Deflater(levels[0]);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int from = 0;
        for (int p = 0; p <= cuts.length; p++) {
            int to = p < cuts.length ? cuts[p] : in.length;
            d.setLevel(levels[p % levels.length]);
            d.setInput(in, from, to - from);
            if (p == cuts.length) {
                d.finish();
                while (!d.finished()) {
                    o.write(buf, 0, d.deflate(buf));
                }
            } else {
                int n;
                do {
                    n = d.deflate(buf, 0, buf.length, full ? Deflater.FULL_FLUSH : Deflater.SYNC_FLUSH);
                    o.write(buf, 0, n);
                } while (n == buf.length || !d.needsInput());
            }
            from = to;
        }
        d.end();
        return o.toByteArray();
    }

    @Test
    void inflateMatchesTheJdkOnEveryLevelStrategyAndKindOfData() throws Exception {
        Gen g = Gen.seeded(37);
        Inflate inf = new Inflate();
        int[] strategies = {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED, Deflater.HUFFMAN_ONLY};
        for (int n : new int[] {0, 1, 2, 3, 7, 8, 9, 257, 258, 259, 4096, 32769, 70000, 300_000}) {
            for (int kind = 0; kind < KINDS; kind++) {
                byte[] in = data(g, n, kind);
                for (int level : new int[] {0, 1, 6, 9}) {
                    for (int strategy : strategies) {
                        byte[] z = deflate(in, level, strategy);
                        byte[] out = new byte[5 + n + 16];
                        String what = "n=" + n + " kind=" + kind + " level=" + level + " strategy=" + strategy + " " + g;
                        assertEquals(n, inf.inflate(z, 0, z.length, out, 5, n), what);
                        assertArrayEquals(in, Arrays.copyOfRange(out, 5, 5 + n), what);
                        assertTrue(inf.finished() && inf.checksumVerified(), what);
                        byte[] viaPairs = new byte[5 + n + 16];
                        assertEquals(n, inf.inflate(z, 0, z.length, viaPairs, 5, n, true), what + " pairs");
                        assertArrayEquals(in, Arrays.copyOfRange(viaPairs, 5, 5 + n), what + " pairs");
                        if (n > 3) {
                            // a shorter output is cut exactly; a longer one returns what the stream holds
                            byte[] part = new byte[n];
                            assertEquals(n / 2, inf.inflate(z, 0, z.length, part, 0, n / 2), what);
                            assertArrayEquals(Arrays.copyOf(in, n / 2), Arrays.copyOf(part, n / 2), what);
                            assertFalse(inf.finished(), what);
                            assertEquals(n, inf.inflate(z, 0, z.length, new byte[n + 100], 0, n + 50), what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyBlockTypeAndMixedMultiBlockStreams() throws Exception {
        Gen g = Gen.seeded(53);
        Inflate inf = new Inflate();
        // block type of the first block: bits 1-2 after the 2-byte zlib header
        assertEquals(0, (deflate(data(g, 1000, 0), 0, Deflater.DEFAULT_STRATEGY)[2] >> 1) & 3, "stored");
        assertEquals(1, (deflate(new byte[] {1, 2, 3, 1, 2, 3}, 6, Deflater.DEFAULT_STRATEGY)[2] >> 1) & 3, "fixed");
        assertEquals(2, (deflate(data(g, 100_000, 3), 6, Deflater.DEFAULT_STRATEGY)[2] >> 1) & 3, "dynamic");
        for (int t = 0; t < 60; t++) {
            int n = 1 + g.nextInt(200_000);
            byte[] in = data(g, n, g.nextInt(KINDS));
            int parts = 1 + g.nextInt(6);
            int[] cuts = new int[parts];
            for (int i = 0; i < parts; i++) {
                cuts[i] = g.nextInt(n + 1);
            }
            Arrays.sort(cuts);
            int[] levels = {g.nextInt(10), g.nextInt(10), 0, 1};
            byte[] z = deflateInParts(in, cuts, levels, g.chance(0.5));
            String what = "t=" + t + " n=" + n + " cuts=" + Arrays.toString(cuts) + " " + g;
            for (boolean pairs : new boolean[] {false, true}) {
                byte[] out = new byte[n + 8];
                assertEquals(n, inf.inflate(z, 0, z.length, out, 3, n, pairs), what);
                assertArrayEquals(in, Arrays.copyOfRange(out, 3, 3 + n), what);
                assertTrue(inf.checksumVerified(), what);
            }
        }
    }

    @Test
    void theOutputBoundIsNeverCrossedWhateverTheStreamHolds() throws Exception {
        byte[] bomb = deflate(new byte[64 << 20], 9, Deflater.DEFAULT_STRATEGY);   // 64 MiB of zeros
        Inflate inf = new Inflate();
        for (int bound : new int[] {0, 1, 2, 7, 8, 9, 265, 266, 267, 1000, 1 << 20}) {
            byte[] out = new byte[bound + 600];
            Arrays.fill(out, (byte) 0x5A);
            long t0 = System.nanoTime();
            assertEquals(bound, inf.inflate(bomb, 0, bomb.length, out, 300, bound), "bound " + bound);
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "bound " + bound);
            assertFalse(inf.finished(), "bound " + bound);
            for (int i = 0; i < out.length; i++) {
                byte want = i >= 300 && i < 300 + bound ? 0 : (byte) 0x5A;
                assertEquals(want, out[i], "bound " + bound + " index " + i);
            }
        }
    }

    /** A fixed-Huffman block writer for hand-made streams: literals and matches, LSB-first as DEFLATE packs them. */
    static final class FixedBlock {
        private long acc;
        private int n;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        FixedBlock() {
            out.write(0x78);
            out.write(0x01);
            bits(1, 1);     // final
            bits(1, 2);     // fixed Huffman
        }

        void bits(int v, int count) {
            acc |= (long) v << n;
            n += count;
            while (n >= 8) {
                out.write((int) acc & 0xFF);
                acc >>>= 8;
                n -= 8;
            }
        }

        /** A Huffman code, sent most significant bit first. */
        void code(int code, int len) {
            bits(Integer.reverse(code) >>> (32 - len), len);
        }

        FixedBlock literal(int b) {
            if (b < 144) {
                code(0x30 + b, 8);
            } else {
                code(0x190 + b - 144, 9);
            }
            return this;
        }

        /** A match of length 3 (code 257) at a distance of 1 to 4 (codes 0 to 3, no extra bits). */
        FixedBlock match3(int distance) {
            code(1, 7);
            code(distance - 1, 5);
            return this;
        }

        byte[] end(long adler) {
            code(0, 7);
            if (n > 0) {
                bits(0, 8 - n);
            }
            for (int s = 24; s >= 0; s -= 8) {
                out.write((int) (adler >>> s) & 0xFF);
            }
            return out.toByteArray();
        }
    }

    @Test
    void handMadeStreamsDecodeAndBadOnesAreRefused() throws Exception {
        Inflate inf = new Inflate();
        byte[] want = {7, 8, 9, 7, 8, 9};
        byte[] ok = new FixedBlock().literal(7).literal(8).literal(9).match3(3).end(Inflate.adler32(want, 0, 6));
        byte[] out = new byte[6];
        assertEquals(6, inf.inflate(ok, 0, ok.length, out, 0, 6));
        assertArrayEquals(want, out);
        assertTrue(inf.checksumVerified());

        // a distance reaching before the start of the output
        byte[] far = new FixedBlock().literal(7).literal(8).match3(4).end(0);
        var e = assertThrows(Inflate.CorruptException.class, () -> inf.inflate(far, 0, far.length, new byte[9], 0, 9));
        assertTrue(e.getMessage().contains("before the start"), e.getMessage());
        assertFalse(e.truncated());

        // a wrong Adler-32
        byte[] bad = ok.clone();
        bad[bad.length - 1] ^= 1;
        e = assertThrows(Inflate.CorruptException.class, () -> inf.inflate(bad, 0, bad.length, new byte[6], 0, 6));
        assertTrue(e.getMessage().contains("Adler-32"), e.getMessage());
        assertFalse(e.truncated());

        // no trailer at all: the data are returned and the caller learns that no checksum was seen
        assertEquals(6, inf.inflate(ok, 0, ok.length - 4, new byte[6], 0, 6));
        assertTrue(inf.finished());
        assertFalse(inf.checksumVerified());

        // fixed literal/length codes 286 and 287 and distance codes 30 and 31 are invalid
        FixedBlock b286 = new FixedBlock().literal(1);
        b286.code(0xC0 + 286 - 280, 8);
        byte[] s286 = b286.end(0);
        e = assertThrows(Inflate.CorruptException.class, () -> inf.inflate(s286, 0, s286.length, new byte[600], 0, 600));
        assertTrue(e.getMessage().contains("invalid literal/length code"), e.getMessage());
        FixedBlock d30 = new FixedBlock().literal(1);
        d30.code(1, 7);
        d30.code(30, 5);
        byte[] s30 = d30.end(0);
        e = assertThrows(Inflate.CorruptException.class, () -> inf.inflate(s30, 0, s30.length, new byte[600], 0, 600));
        assertTrue(e.getMessage().contains("invalid distance code"), e.getMessage());

        // headers
        assertThrows(Inflate.CorruptException.class, () -> inf.inflate(new byte[] {0x78}, 0, 1, new byte[1], 0, 1));
        assertThrows(Inflate.CorruptException.class, () -> inf.inflate(new byte[] {0x79, 0x01, 0}, 0, 3, new byte[1], 0, 1));
        byte[] dict = {0x78, (byte) 0xBB, 0, 0, 0, 0};
        e = assertThrows(Inflate.CorruptException.class, () -> inf.inflate(dict, 0, dict.length, new byte[1], 0, 1));
        assertTrue(e.getMessage().contains("dictionary"), e.getMessage());
        // reserved block type 3
        byte[] reserved = {0x78, 0x01, 0x07, 0, 0, 0};
        assertThrows(Inflate.CorruptException.class, () -> inf.inflate(reserved, 0, reserved.length, new byte[1], 0, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5, 6})
    void everyTruncationIsACorruptExceptionOrAShortResult(int kind) throws Exception {
        Gen g = Gen.seeded(59 + kind);
        byte[] in = data(g, 20_000, kind);
        Inflate inf = new Inflate();
        for (int level : new int[] {0, 1, 6}) {
            byte[] z = deflate(in, level, Deflater.DEFAULT_STRATEGY);
            for (int cut = 0; cut < z.length; cut += 1 + cut / 64) {
                String what = "kind " + kind + " level " + level + " cut " + cut + " of " + z.length + " " + g;
                byte[] out = new byte[in.length + 16];
                try {
                    int n = inf.inflate(z, 0, cut, out, 0, in.length);
                    // only the trailer (or part of it) may be missing when the data come out whole
                    assertEquals(in.length, n, what);
                    assertTrue(cut >= z.length - 4, what);
                    assertFalse(inf.checksumVerified(), what);
                } catch (Inflate.CorruptException e) {
                    assertTrue(e.truncated() || cut <= 2, what + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void inflateOnCorruptStreamsOnlyThrowsCorruptException() {
        Gen g = Gen.seeded(41);
        Inflate inf = new Inflate();
        for (int kind : new int[] {3, 4}) {
            byte[] in = data(g, 50_000, kind);
            byte[] z = deflate(in, 6, Deflater.DEFAULT_STRATEGY);
            int corrupt = 0;
            for (int t = 0; t < 3000; t++) {
                byte[] m = z.clone();
                int flips = 1 + g.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    m[2 + g.nextInt(m.length - 2)] ^= (byte) (1 << g.nextInt(8));
                }
                int len = g.chance(0.2) ? g.nextInt(m.length + 1) : m.length;
                try {
                    inf.inflate(m, 0, len, new byte[in.length + 16], 0, in.length, kind == 4);
                } catch (Inflate.CorruptException e) {
                    corrupt++;
                }
            }
            assertTrue(corrupt > 100, "only " + corrupt + " of 3000 corrupt streams were detected; " + g);
        }
    }

    @Test
    void adler32MatchesTheJdkOnEveryLengthAndOffset() {
        Gen g = Gen.seeded(43);
        byte[] b = data(g, 200_000, 0);
        for (int n : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 5552, 32768, 32775, 65536, 199_990}) {
            for (int off : new int[] {0, 1, 3, 7}) {
                java.util.zip.Adler32 a = new java.util.zip.Adler32();
                a.update(b, off, n);
                assertEquals(a.getValue(), Inflate.adler32(b, off, n), "n=" + n + " off=" + off);
            }
        }
        byte[] ff = new byte[100_000];
        Arrays.fill(ff, (byte) 0xFF);
        java.util.zip.Adler32 a = new java.util.zip.Adler32();
        a.update(ff);
        assertEquals(a.getValue(), Inflate.adler32(ff, 0, ff.length), "all 0xFF");
    }

    @Test
    void outOfRangeArgumentsAreProgrammerErrors() {
        Inflate inf = new Inflate();
        byte[] z = deflate(new byte[10], 6, Deflater.DEFAULT_STRATEGY);
        assertThrows(IllegalArgumentException.class, () -> inf.inflate(z, 0, z.length + 1, new byte[10], 0, 10));
        assertThrows(IllegalArgumentException.class, () -> inf.inflate(z, 0, z.length, new byte[10], 1, 10));
    }
}
