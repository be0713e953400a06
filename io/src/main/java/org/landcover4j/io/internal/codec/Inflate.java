package org.landcover4j.io.internal.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A zlib/DEFLATE decoder (RFC 1950/1951) for whole chunks held in memory, faster than the JDK's bundled zlib on
 * the data GeoTIFFs and PNG labels hold.
 *
 * <p>Design after libdeflate: a 64-bit bit buffer refilled without a branch on every iteration of the fast loop,
 * so that one refill covers a whole length/distance pair; two-level Huffman tables (10 or 11 bits for literals and
 * lengths, two literals per entry where both codes fit, or 9 bits for outputs of at most 16 KiB such as GDAL's
 * default strips: a larger table costs more to build than it saves; 8 bits for distances) whose length and
 * distance entries let one shift consume a code and its extra bits; the next symbol looked up before a match is
 * copied; matches copied 8 bytes at a time (distance 1 runs, frequent in padded tiles, as a fill). Output stops at
 * the requested length, so a stream that would expand without bound is cut off there. When the stream ends within
 * the requested length its Adler-32 trailer is checked ({@link #adler32}), so corrupt data are caught as zlib and
 * libdeflate catch them. Every table index and distance is checked, so corrupt input raises
 * {@link CorruptException} and never an index error; a stream cut short raises one whose
 * {@link CorruptException#truncated()} is true.
 *
 * <p>Internal to landcover4j's readers (GeoTIFF, PNG): public only so that both packages can use it; not part of
 * the library's API, and it may change without notice.
 *
 * <p>Not thread-safe: an instance holds its tables; use one per thread.
 *
 * {@snippet :
 * Inflate inflate = new Inflate();
 * int n = inflate.inflate(zlib, 0, zlib.length, out, 0, expected); // throws Inflate.CorruptException
 * boolean complete = inflate.finished() && inflate.checksumVerified();
 * }
 */
public final class Inflate {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Thrown for a corrupt or truncated stream; the caller names file and chunk. */
    public static final class CorruptException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean truncated;

        CorruptException(String message) {
            this(message, false);
        }

        CorruptException(String message, boolean truncated) {
            super(message, null, false, false);
            this.truncated = truncated;
        }

        /** Whether the input ended before the stream did (rather than holding an invalid code or checksum). */
        public boolean truncated() {
            return truncated;
        }
    }

    /** Primary bits of the fixed literal/length table. */
    private static final int LIT_BITS = 11;
    /**
     * Primary bits (with literal pairs) of large dynamic blocks of 16-bit samples. Wider tables decode a few more
     * symbols in one lookup but cost more to build than they save: GDAL's DEFLATE blocks hold only ~50 KB each
     * (a 1.7 MB SEN12MS tile has 34), and 11 bits measured 1.4x faster than 14 on those tiles.
     */
    private static final int PAIR_BITS = 11;
    /** Primary bits (with literal pairs) of other large dynamic blocks; at most {@link #PAIR_BITS}. */
    private static final int WIDE_LIT_BITS = 10;
    /** Primary bits for small outputs, where building a larger table would cost more than it saves. */
    private static final int SMALL_LIT_BITS = 9;
    /** Outputs up to this size use {@link #SMALL_LIT_BITS}. */
    private static final int SMALL_OUTPUT = 16 << 10;
    private static final int DIST_BITS = 8;
    /** Room for the primary tables plus one subtable per long code, for any primary size. */
    private static final int LIT_TABLE = (1 << SMALL_LIT_BITS) + 288 * (1 << (15 - SMALL_LIT_BITS));
    /** A pair entry: two literals, the first in bits 8..15, the second in bits 16..23. */
    private static final int PAIR_FLAG = 1 << 30;
    private static final int DIST_TABLE = (1 << DIST_BITS) + 32 * (1 << (15 - DIST_BITS));

    // A length or distance entry is value << 16 | codeBits << 8 | kind << 5 | (codeBits + extraBits): as in
    // libdeflate, one shift consumes the code and its extra bits, whose value is then taken from the bits saved
    // before the shift, off the bit buffer's dependency chain. The kinds keep bit 5 clear, so that a shift by the
    // whole entry (Java uses its low 6 bits) consumes exactly those bits. A subtable pointer is
    // index << 16 | subBits << 8 | K_SUB << 5 | primaryBits; a literal is LITERAL_FLAG | byte << 8 | bits.
    private static final int LITERAL_FLAG = 0x80000000;
    private static final int K_INVALID = 0;
    private static final int K_LENGTH = 2;
    private static final int K_END = 4;
    private static final int K_SUB = 6;
    private static final int INVALID_ENTRY = K_INVALID << 5;

    private static final int[] LEN_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67,
        83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LEN_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5,
        5, 5, 0};
    private static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
        769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
        11, 11, 12, 12, 13, 13};
    private static final int[] CLEN_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private static final int[] FIXED_LIT = new int[LIT_TABLE];
    private static final int[] FIXED_DIST = new int[DIST_TABLE];

    static {
        int[] l = new int[288];
        Arrays.fill(l, 0, 144, 8);
        Arrays.fill(l, 144, 256, 9);
        Arrays.fill(l, 256, 280, 7);
        Arrays.fill(l, 280, 288, 8);
        int[] d = new int[32];
        Arrays.fill(d, 5);
        try {
            build(l, 288, FIXED_LIT, LIT_BITS, true);
            build(d, 32, FIXED_DIST, DIST_BITS, false);
        } catch (CorruptException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int[] litTable = new int[LIT_TABLE];
    /** For large dynamic blocks: the primary entries, with two literals per entry where both codes fit. */
    private final int[] pairTable = new int[1 << PAIR_BITS];
    private final int[] distTable = new int[DIST_TABLE];
    private final int[] lengths = new int[288 + 32];
    private final int[] clenTable = new int[1 << 7];

    // bit reader state
    private byte[] in;
    private int ip;
    private int inEnd;
    private long bitbuf;
    private int bitsleft;
    private int overrun;
    /** Whether large blocks use the {@value #PAIR_BITS}-bit literal-pair table (see {@link #inflate}). */
    private boolean pairs;
    /** Whether the last block was decoded to its end (false when the output filled up first). */
    private boolean blockComplete;
    /** Whether the last call decoded the final block to its end. */
    private boolean finished;
    /** Whether the last call found and checked the Adler-32 trailer. */
    private boolean checksumVerified;

    /** Creates a decoder (its tables take about 100 KB). */
    public Inflate() {
    }

    /**
     * Whether the last {@link #inflate} call decoded the stream's final block to its end (false when the output
     * filled up first).
     */
    public boolean finished() {
        return finished;
    }

    /**
     * Whether the last {@link #inflate} call reached the end of the stream and found its Adler-32 trailer (which
     * matched: a mismatch throws); false when the stream ends without one, or did not end.
     */
    public boolean checksumVerified() {
        return checksumVerified;
    }

    /**
     * Decodes the zlib stream {@code src[off..off+len)} into {@code out[base..base+outLen)}.
     *
     * @return the bytes written: {@code outLen}, or fewer when the stream ends first
     */
    public int inflate(byte[] src, int off, int len, byte[] out, int base, int outLen) throws CorruptException {
        return inflate(src, off, len, out, base, outLen, false);
    }

    /**
     * Decodes the zlib stream {@code src[off..off+len)} into {@code out[base..base+outLen)}.
     *
     * @param pairs whether to decode large blocks with a {@value #PAIR_BITS}-bit table (rather than
     *              {@value #WIDE_LIT_BITS} bits) holding two literals per entry where both codes fit: a win on 16-bit
     *              samples, whose little-endian bytes alternate between a near-random low byte and a high byte with
     *              a short code
     * @return the bytes written: {@code outLen}, or fewer when the stream ends first
     */
    public int inflate(byte[] src, int off, int len, byte[] out, int base, int outLen, boolean pairs)
            throws CorruptException {
        this.pairs = pairs;
        finished = false;
        checksumVerified = false;
        if (off < 0 || len < 0 || off + len > src.length || base < 0 || outLen < 0 || base + outLen > out.length) {
            throw new IllegalArgumentException("input [" + off + ", +" + len + ") of " + src.length + " or output ["
                    + base + ", +" + outLen + ") of " + out.length + " out of range");
        }
        if (len < 2) {
            throw new CorruptException("a zlib stream needs a 2-byte header, got " + len + " bytes", true);
        }
        int cmf = src[off] & 0xFF;
        int flg = src[off + 1] & 0xFF;
        if ((cmf & 0x0F) != 8 || (cmf >>> 4) > 7 || ((cmf << 8) | flg) % 31 != 0) {
            throw new CorruptException(String.format("bad zlib header 0x%02x%02x", cmf, flg));
        }
        if ((flg & 0x20) != 0) {
            throw new CorruptException("zlib stream asks for a preset dictionary");
        }
        in = src;
        ip = off + 2;
        inEnd = off + len;
        bitbuf = 0;
        bitsleft = 0;
        overrun = 0;
        try {
            return blocks(out, base, base + outLen);
        } catch (CorruptException e) {
            // garbage decoded from the zero padding past the end of a truncated stream is a truncation
            if (!e.truncated() && 8 * overrun > bitsleft) {
                throw truncated();
            }
            throw e;
        } finally {
            in = null;
        }
    }

    private void refill() throws CorruptException {
        if (ip + 8 <= inEnd) {
            bitbuf |= (long) LONG.get(in, ip) << bitsleft;
            ip += (63 - bitsleft) >>> 3;
            bitsleft |= 56;
        } else {
            // past the end: pad with zero bytes, which a valid stream never consumes (checked on return)
            while (bitsleft <= 56) {
                if (ip < inEnd) {
                    bitbuf |= (long) (in[ip++] & 0xFF) << bitsleft;
                } else if (++overrun > 64) {
                    throw truncated();
                }
                bitsleft += 8;
            }
        }
    }

    private static CorruptException truncated() {
        return new CorruptException("DEFLATE data end in the middle of a block", true);
    }

    /** Fails if bits past the end of the input were consumed (the zero padding of {@link #refill()}). */
    private void checkNotOverrun() throws CorruptException {
        if (8 * overrun > bitsleft) {
            throw truncated();
        }
    }

    private int bits(int n) throws CorruptException {
        if (bitsleft < n) {
            refill();
        }
        int v = (int) (bitbuf & ((1L << n) - 1));
        bitbuf >>>= n;
        bitsleft -= n;
        return v;
    }

    private int blocks(byte[] out, int base, int end) throws CorruptException {
        int op = base;
        while (true) {
            int bfinal = bits(1);
            int btype = bits(2);
            switch (btype) {
                case 0 -> op = stored(out, op, end);
                case 1 -> op = huffman(out, base, op, end, FIXED_LIT, FIXED_LIT, LIT_BITS, FIXED_DIST);
                case 2 -> {
                    int litBits = dynamicTables(end - base <= SMALL_OUTPUT);
                    if (litBits == SMALL_LIT_BITS) {
                        op = huffman(out, base, op, end, litTable, litTable, litBits, distTable);
                    } else {
                        buildPairs(litTable, pairTable, litBits);
                        op = huffman(out, base, op, end, pairTable, litTable, litBits, distTable);
                    }
                }
                default -> throw new CorruptException("DEFLATE block type 3 (reserved)");
            }
            checkNotOverrun();
            if (!blockComplete) {
                return end - base; // the stream holds more than asked for: stop, as zlib does at a full buffer
            }
            if (bfinal == 1) {
                finished = true;
                verifyAdler(out, base, op);
                return op - base;
            }
        }
    }

    /** Checks the Adler-32 trailer after the final block, when it is present (as zlib and libdeflate do). */
    private void verifyAdler(byte[] out, int base, int op) throws CorruptException {
        int drop = bitsleft & 7;
        bitbuf >>>= drop;
        bitsleft -= drop;
        int pos = ip - ((bitsleft >>> 3) - overrun);
        if (pos + 4 > inEnd) {
            return; // no trailer: the JDK's inflater, stopped at a full buffer, did not insist either
        }
        long want = (in[pos] & 0xFFL) << 24 | (in[pos + 1] & 0xFF) << 16 | (in[pos + 2] & 0xFF) << 8
                | (in[pos + 3] & 0xFF);
        long got = adler32(out, base, op - base);
        if (got != want) {
            throw new CorruptException(String.format("Adler-32 checksum 0x%08x of the decoded data does not match"
                    + " the stream's 0x%08x", got, want));
        }
        checksumVerified = true;
    }

    /**
     * Adler-32 of {@code b[off..off+len)}, by the implementation {@link Adler32Kernel#get()} chose: the Vector API
     * twin when the {@code jdk.incubator.vector} module is present, else the scalar reference.
     */
    public static long adler32(byte[] b, int off, int len) {
        return Adler32Kernel.get().adler32(b, off, len);
    }

    private int stored(byte[] out, int op, int end) throws CorruptException {
        // drop to a byte boundary, and give the whole bytes in the bit buffer back to the input
        int drop = bitsleft & 7;
        bitbuf >>>= drop;
        bitsleft -= drop;
        checkNotOverrun();
        ip -= (bitsleft >>> 3) - overrun;
        overrun = 0;
        bitbuf = 0;
        bitsleft = 0;
        if (ip + 4 > inEnd) {
            throw new CorruptException("DEFLATE stored block header truncated", true);
        }
        int len = (in[ip] & 0xFF) | (in[ip + 1] & 0xFF) << 8;
        int nlen = (in[ip + 2] & 0xFF) | (in[ip + 3] & 0xFF) << 8;
        if (len != (~nlen & 0xFFFF)) {
            throw new CorruptException("DEFLATE stored block length " + len + " does not match its complement");
        }
        ip += 4;
        int n = Math.min(len, end - op);
        if (ip + n > inEnd) {
            throw new CorruptException("DEFLATE stored block of " + len + " bytes truncated", true);
        }
        System.arraycopy(in, ip, out, op, n);
        ip += len;
        blockComplete = n == len;
        return op + n;
    }

    /**
     * Reads a dynamic block's code lengths and builds its tables.
     *
     * @return the primary bits chosen for the literal/length table: {@value #SMALL_LIT_BITS} for small outputs;
     *         for large ones {@value #PAIR_BITS} when pairs were asked for, {@value #WIDE_LIT_BITS} otherwise
     */
    private int dynamicTables(boolean smallOutput) throws CorruptException {
        int hlit = bits(5) + 257;
        int hdist = bits(5) + 1;
        int hclen = bits(4) + 4;
        if (hlit > 286 || hdist > 30) {
            throw new CorruptException("DEFLATE dynamic block declares " + hlit + " literal/length and " + hdist
                    + " distance codes");
        }
        int[] clen = new int[19];
        for (int i = 0; i < hclen; i++) {
            clen[CLEN_ORDER[i]] = bits(3);
        }
        buildSimple(clen, 19, clenTable, 7);
        int[] len = lengths;
        int n = 0;
        while (n < hlit + hdist) {
            if (bitsleft < 14) {
                refill();
            }
            int e = clenTable[(int) (bitbuf & 127)];
            int b = e & 0xFF;
            if (b == 0) {
                throw new CorruptException("invalid code-length code");
            }
            bitbuf >>>= b;
            bitsleft -= b;
            int sym = e >>> 16;
            if (sym < 16) {
                len[n++] = sym;
            } else {
                int rep;
                int v = 0;
                if (sym == 16) {
                    if (n == 0) {
                        throw new CorruptException("code-length repeat with nothing to repeat");
                    }
                    v = len[n - 1];
                    rep = 3 + bits(2);
                } else if (sym == 17) {
                    rep = 3 + bits(3);
                } else {
                    rep = 11 + bits(7);
                }
                if (n + rep > hlit + hdist) {
                    throw new CorruptException("code-length repeat runs past the " + (hlit + hdist) + " codes");
                }
                Arrays.fill(len, n, n + rep, v);
                n += rep;
            }
        }
        if (len[256] == 0) {
            throw new CorruptException("DEFLATE dynamic block without an end-of-block code");
        }
        int[] lit = Arrays.copyOf(len, 288);
        Arrays.fill(lit, hlit, 288, 0);
        int[] dist = Arrays.copyOfRange(len, hlit, hlit + 32);
        Arrays.fill(dist, hdist, 32, 0);
        int litBits = smallOutput ? SMALL_LIT_BITS : pairs ? PAIR_BITS : WIDE_LIT_BITS;
        build(lit, 288, litTable, litBits, true);
        build(dist, 32, distTable, DIST_BITS, false);
        return litBits;
    }

    /** A one-level table (code-length codes, at most 7 bits): entry = symbol << 16 | bits, 0 for unused slots. */
    private static void buildSimple(int[] lens, int n, int[] table, int tableBits) throws CorruptException {
        int[] count = new int[16];
        for (int i = 0; i < n; i++) {
            count[lens[i]]++;
        }
        count[0] = 0;
        int left = 1;
        for (int l = 1; l <= 15; l++) {
            left = (left << 1) - count[l];
            if (left < 0) {
                throw new CorruptException("over-subscribed Huffman code");
            }
        }
        if (left > 0) {
            throw new CorruptException("incomplete code-length code");
        }
        Arrays.fill(table, 0);
        int[] next = new int[16];
        int code = 0;
        for (int l = 1; l <= 15; l++) {
            code = (code + count[l - 1]) << 1;
            next[l] = code;
        }
        for (int s = 0; s < n; s++) {
            int l = lens[s];
            if (l == 0) {
                continue;
            }
            int r = reverse(next[l]++, l);
            for (int i = r; i < (1 << tableBits); i += 1 << l) {
                table[i] = s << 16 | l;
            }
        }
    }

    /**
     * Builds a two-level decoding table for a literal/length ({@code litlen}) or distance alphabet. As in zlib,
     * over-subscribed codes are refused and incomplete ones allowed only for a single one-bit code (unused slots
     * decode as invalid).
     */
    private static void build(int[] lens, int n, int[] table, int tableBits, boolean litlen) throws CorruptException {
        int[] count = new int[16];
        int maxLen = 0;
        for (int i = 0; i < n; i++) {
            int l = lens[i];
            if (l < 0 || l > 15) {
                throw new CorruptException("code length " + l);
            }
            count[l]++;
            if (l > maxLen) {
                maxLen = l;
            }
        }
        count[0] = 0;
        int left = 1;
        for (int l = 1; l <= 15; l++) {
            left = (left << 1) - count[l];
            if (left < 0) {
                throw new CorruptException("over-subscribed Huffman code");
            }
        }
        if (left > 0 && maxLen > 1) {
            // as zlib: only a single one-bit code (or none at all) may leave codes unused
            throw new CorruptException("incomplete Huffman code");
        }
        int primary = 1 << tableBits;
        Arrays.fill(table, 0, primary, INVALID_ENTRY);
        int subBits = Math.max(0, maxLen - tableBits);
        int nextSub = primary;
        int[] next = new int[16];
        int code = 0;
        for (int l = 1; l <= 15; l++) {
            code = (code + count[l - 1]) << 1;
            next[l] = code;
        }
        for (int s = 0; s < n; s++) {
            int l = lens[s];
            if (l == 0) {
                continue;
            }
            int entry = entry(s, litlen);
            int extra = 0;
            if (entry >= 0) {
                extra = (entry >>> 12) & 0xF;     // entry() parks the extra-bit count there
                entry &= ~0xF000;
            }
            int r = reverse(next[l]++, l);
            if (l <= tableBits) {
                int e = entry | bitsField(entry, l, extra);
                for (int i = r; i < primary; i += 1 << l) {
                    table[i] = e;
                }
            } else {
                int p = r & (primary - 1);
                int pe = table[p];
                int sub;
                if (((pe >>> 5) & 7) == K_SUB) {
                    sub = pe >>> 16;
                } else {
                    sub = nextSub;
                    nextSub += 1 << subBits;
                    Arrays.fill(table, sub, sub + (1 << subBits), INVALID_ENTRY);
                    table[p] = sub << 16 | subBits << 8 | K_SUB << 5 | tableBits;
                }
                int rest = r >>> tableBits;
                int e = entry | bitsField(entry, l - tableBits, extra);
                for (int i = rest; i < (1 << subBits); i += 1 << (l - tableBits)) {
                    table[sub + i] = e;
                }
            }
        }
    }

    /**
     * Derives the pair table from a {@code bits}-bit primary table: where a literal's code leaves room for a whole
     * second literal code in the same bits, the entry holds both (bit count = both lengths); otherwise it
     * is the single entry. In literal-rich data (the low bytes of 16-bit samples beside short codes for the high
     * bytes) this halves the lookups along the bit buffer's dependency chain.
     */
    private static void buildPairs(int[] lit, int[] pairs, int bits) {
        for (int i = 0; i < 1 << bits; i++) {
            int e1 = lit[i];
            int pair = e1;
            if (e1 < 0) {
                int l1 = e1 & 31;
                int e2 = lit[i >>> l1];
                if (e2 < 0 && (e2 & 31) <= bits - l1) {
                    pair = LITERAL_FLAG | PAIR_FLAG | (e2 & 0xFF00) << 8 | (e1 & 0xFF00) | (l1 + (e2 & 31));
                }
            }
            pairs[i] = pair;
        }
    }

    /** The entry of symbol {@code s} without its bit count. */
    private static int entry(int s, boolean litlen) {
        if (litlen) {
            if (s < 256) {
                return LITERAL_FLAG | s << 8; // the sign bit marks literals, so the hot path tests e < 0
            }
            if (s == 256) {
                return K_END << 5;
            }
            int i = s - 257;
            if (i >= LEN_BASE.length) {
                return INVALID_ENTRY;
            }
            return LEN_BASE[i] << 16 | LEN_EXTRA[i] << 12 | K_LENGTH << 5;
        }
        if (s >= DIST_BASE.length) {
            return INVALID_ENTRY;
        }
        return DIST_BASE[s] << 16 | DIST_EXTRA[s] << 12 | K_LENGTH << 5;
    }

    /** The low bits of an entry whose code takes {@code codeBits}: see the layout above. */
    private static int bitsField(int entry, int codeBits, int extra) {
        if (entry < 0 || ((entry >>> 5) & 7) != K_LENGTH) {
            return codeBits;
        }
        return codeBits << 8 | (codeBits + extra);
    }

    private static int reverse(int code, int len) {
        return Integer.reverse(code) >>> (32 - len);
    }

    /**
     * Decodes the symbols of one Huffman block.
     *
     * <p>The bit buffer, its count and the input position live in locals here (written back on every exit): kept in
     * fields, each step of the bit-buffer chain would go through memory.
     */
    private int huffman(byte[] out, int base, int op, int end, int[] primary, int[] lit, int litBits, int[] dist)
            throws CorruptException {
        blockComplete = false;
        final int litMask = (1 << litBits) - 1;
        final int distMask = (1 << DIST_BITS) - 1;
        final int fastEnd = end - 258 - 8;
        final byte[] src = in;
        final int refillLimit = inEnd - 8;
        final int fastInEnd = refillLimit - 8;
        long bb = bitbuf;
        int bl = bitsleft;
        int p = ip;
        try {
            // Fast loop: at least one longest match (plus a word of slack) away from the end of the output, so
            // neither literals nor matches need an end check and every match is copied a word at a time. Each
            // iteration starts with at least 48 bits, enough for a length and a distance with their extra bits.
            // The next entry is looked up right after each refill, before a match is copied, so that the table load
            // overlaps the copy (libdeflate's order); it is a function of the bits only, so the careful loop below
            // may simply look it up again.
            if (op <= fastEnd) {
                if (p <= refillLimit) {
                    bb |= (long) LONG.get(src, p) << bl;
                    p += (63 - bl) >>> 3;
                    bl |= 56;
                } else if (bl < 48) {
                    bitbuf = bb;
                    bitsleft = bl;
                    ip = p;
                    refill();
                    bb = bitbuf;
                    bl = bitsleft;
                    p = ip;
                }
            }
            int e = primary[(int) bb & litMask];
            // Each iteration refills once, by at most 7 bytes: it stays within the input while p <= fastInEnd.
            while (op <= fastEnd && p <= fastInEnd) {
                if (e < 0) {
                    // one or two literals: the low 6 bits are their code length (a long shift uses only those);
                    // the second byte is written either way (the fast loop has room) and counted only for a pair
                    bb >>>= e;
                    bl -= e & 31;
                    out[op] = (byte) (e >>> 8);
                    out[op + 1] = (byte) (e >>> 16);
                    op += 1 + ((e >>> 30) & 1);
                    e = primary[(int) bb & litMask];
                    if (e < 0) {
                        bb >>>= e;
                        bl -= e & 31;
                        out[op] = (byte) (e >>> 8);
                        out[op + 1] = (byte) (e >>> 16);
                        op += 1 + ((e >>> 30) & 1);
                    }
                    // refilling adds bits above those an entry was looked up with: a looked-up e stays valid
                    bb |= (long) LONG.get(src, p) << bl;
                    p += (63 - bl) >>> 3;
                    bl |= 56;
                    if (e < 0) {
                        e = primary[(int) bb & litMask];
                        continue;
                    }
                }
                int kind = (e >>> 5) & 7;
                if (kind == K_SUB) {
                    int sb = e & 31;
                    bb >>>= sb;
                    bl -= sb;
                    e = lit[(e >>> 16) + ((int) bb & ((1 << ((e >>> 8) & 0xF)) - 1))];
                    if (e < 0) {
                        bb >>>= e;
                        bl -= e & 31;
                        out[op++] = (byte) (e >>> 8);
                        bb |= (long) LONG.get(src, p) << bl;
                        p += (63 - bl) >>> 3;
                        bl |= 56;
                        e = primary[(int) bb & litMask];
                        continue;
                    }
                    kind = (e >>> 5) & 7;
                }
                long saved = bb;
                bb >>>= e;
                bl -= e & 31;
                if (kind != K_LENGTH) {
                    if (kind == K_END) {
                        blockComplete = true;
                        return op;
                    }
                    throw new CorruptException("invalid literal/length code");
                }
                int length = (e >>> 16) + (int) ((saved & ((1L << (e & 31)) - 1)) >>> ((e >>> 8) & 0xF));
                int d = dist[(int) bb & distMask];
                if (((d >>> 5) & 7) == K_SUB) {
                    int sb = d & 31;
                    bb >>>= sb;
                    bl -= sb;
                    d = dist[(d >>> 16) + ((int) bb & ((1 << ((d >>> 8) & 0xF)) - 1))];
                }
                if (((d >>> 5) & 7) != K_LENGTH) {
                    throw new CorruptException("invalid distance code");
                }
                saved = bb;
                bb >>>= d;
                bl -= d & 31;
                int distance = (d >>> 16) + (int) ((saved & ((1L << (d & 31)) - 1)) >>> ((d >>> 8) & 0xF));
                int from = op - distance;
                if (from < base) {
                    throw new CorruptException("DEFLATE distance " + distance + " reaches before the start of the data");
                }
                // refill and look up the next entry before copying
                bb |= (long) LONG.get(src, p) << bl;
                p += (63 - bl) >>> 3;
                bl |= 56;
                e = primary[(int) bb & litMask];
                if (distance >= 8) {
                    // two words whatever the length (no loop exit to mispredict up to 16 bytes), then a loop
                    LONG.set(out, op, (long) LONG.get(out, from));
                    LONG.set(out, op + 8, (long) LONG.get(out, from + 8));
                    if (length > 16) {
                        for (int i = 16; i < length; i += 8) {
                            LONG.set(out, op + i, (long) LONG.get(out, from + i));
                        }
                    }
                } else if (distance == 1) {
                    Arrays.fill(out, op, op + length, out[from]);
                } else {
                    for (int i = 0; i < length; i++) {
                        out[op + i] = out[from + i];
                    }
                }
                op += length;
            }
            // Careful loop for the last bytes of the output: every write is checked against the end.
            while (true) {
                if (bl < 48) {
                    bitbuf = bb;
                    bitsleft = bl;
                    ip = p;
                    refill();
                    bb = bitbuf;
                    bl = bitsleft;
                    p = ip;
                }
                e = lit[(int) bb & litMask];
                int kind = (e >>> 5) & 7;
                if (e >= 0 && kind == K_SUB) {
                    int sb = e & 31;
                    bb >>>= sb;
                    bl -= sb;
                    e = lit[(e >>> 16) + ((int) bb & ((1 << ((e >>> 8) & 0xF)) - 1))];
                    kind = (e >>> 5) & 7;
                }
                long saved = bb;
                bb >>>= e;
                bl -= e & 31;
                if (e < 0) {
                    if (op >= end) {
                        return op;
                    }
                    out[op++] = (byte) (e >>> 8);
                    continue;
                }
                if (kind != K_LENGTH) {
                    if (kind == K_END) {
                        blockComplete = true;
                        return op;
                    }
                    throw new CorruptException("invalid literal/length code");
                }
                int length = (e >>> 16) + (int) ((saved & ((1L << (e & 31)) - 1)) >>> ((e >>> 8) & 0xF));
                int d = dist[(int) bb & distMask];
                if (((d >>> 5) & 7) == K_SUB) {
                    int sb = d & 31;
                    bb >>>= sb;
                    bl -= sb;
                    d = dist[(d >>> 16) + ((int) bb & ((1 << ((d >>> 8) & 0xF)) - 1))];
                }
                if (((d >>> 5) & 7) != K_LENGTH) {
                    throw new CorruptException("invalid distance code");
                }
                saved = bb;
                bb >>>= d;
                bl -= d & 31;
                int distance = (d >>> 16) + (int) ((saved & ((1L << (d & 31)) - 1)) >>> ((d >>> 8) & 0xF));
                int from = op - distance;
                if (from < base) {
                    throw new CorruptException("DEFLATE distance " + distance + " reaches before the start of the data");
                }
                int n = Math.min(length, end - op);
                for (int i = 0; i < n; i++) {
                    out[op + i] = out[from + i];
                }
                op += n;
                if (n < length) {
                    return op; // cut at the requested length
                }
            }
        } finally {
            bitbuf = bb;
            bitsleft = bl;
            ip = p;
        }
    }
}
