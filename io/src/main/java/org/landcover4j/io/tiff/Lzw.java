package org.landcover4j.io.tiff;

import java.util.Arrays;

/**
 * TIFF LZW (compression 5): decoder and encoder.
 *
 * <p>The decoder writes into a caller-sized buffer and stops when it is full, so a stream that would expand
 * without bound cannot make it allocate. Each table entry is an (offset, length) pair that points back into the
 * output already written, so a code is decoded with one forward copy instead of walking a prefix chain. Both the
 * TIFF 6 bit order (MSB first, code width grows one code early) and the pre-1990 "old-style" variant (LSB first)
 * that libtiff still reads are handled.
 *
 * <p>Not thread-safe: a decoder instance holds its tables; use one per thread.
 */
final class Lzw {
    static final int CLEAR = 256;
    static final int EOI = 257;
    private static final int FIRST = 258;
    private static final int TABLE = 4096;

    /** Table entries 258..4095: (offset in the output) << 32 | length. Literals are written directly. */
    private final long[] entries = new long[TABLE];

    /** Thrown for a corrupt stream; the caller turns it into an {@code InvalidDataException} naming file and chunk. */
    static final class CorruptException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Compressed input in blocks: {@code buf[0..len)} holds the current block; {@link #refill()} loads the next one
     * (so a long stream is never held in memory at once).
     */
    abstract static class Input {
        byte[] buf;
        int len;

        /** Loads the next block into {@code buf}/{@code len}; false at the end of the stream. */
        abstract boolean refill() throws java.io.IOException;

        /** A single block: the whole stream in one array. */
        static Input of(byte[] data, int length) {
            Input in = new Input() {
                @Override
                boolean refill() {
                    return false;
                }
            };
            in.buf = data;
            in.len = length;
            return in;
        }
    }

    /**
     * Decodes {@code in[0..inLen)} into a new array of {@code outLen} bytes (a convenience for tests).
     *
     * @return the decoded bytes; shorter than {@code outLen} when the stream ends early
     */
    byte[] decode(byte[] in, int inLen, int outLen) throws CorruptException {
        byte[] buf = new byte[outLen + 16];
        int n;
        try {
            n = decode(Input.of(in, inLen), buf, 0, outLen);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an array input cannot fail", e);
        }
        return java.util.Arrays.copyOf(buf, n);
    }

    private static final java.lang.invoke.VarHandle LONG = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle LONG_BE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    /** Longest string a table entry can hold, plus the 8 bytes a word copy may run over. */
    private static final int MAX_STRING = TABLE + 8;

    /**
     * Decodes the stream {@code src} into {@code out[base..base+outLen)}.
     *
     * <p>Far from the end of the output, strings are copied 8 bytes at a time (the bytes written past a string's
     * end are overwritten by the strings that follow); near the end, byte by byte and clipped.
     *
     * @return the number of bytes written (less than {@code outLen} when the stream ends early)
     */
    int decode(Input src, byte[] out, int base, int outLen) throws CorruptException, java.io.IOException {
        byte[] in = src.buf;
        int inLen = src.len;
        if (inLen >= 2 && in[0] == 0 && (in[1] & 1) != 0) {
            return decodeOldStyle(src, out, base, outLen);
        }
        final long[] table = entries;
        final int end = base + outLen;
        final int fastEnd = end - MAX_STRING;
        int ip = 0;
        long bitBuf = 0;
        int bitCount = 0;
        int nbits = 9;
        int mask = 511;
        int free = FIRST;
        int prevLen = 0; // length of the previous code's string; 0 right after a Clear
        int op = base;
        while (op < end) {
            if (bitCount < nbits) {
                if (ip + 8 <= inLen) {
                    int take = Math.min(7, (64 - bitCount) >>> 3);
                    long w = (long) LONG_BE.get(in, ip);
                    bitBuf = (bitBuf << (take << 3)) | (w >>> (64 - (take << 3)));
                    ip += take;
                    bitCount += take << 3;
                } else {
                    while (bitCount <= 56) {
                        if (ip >= inLen) {
                            if (!src.refill()) {
                                break;
                            }
                            in = src.buf;
                            inLen = src.len;
                            ip = 0;
                            continue;
                        }
                        bitBuf = (bitBuf << 8) | (in[ip++] & 0xFF);
                        bitCount += 8;
                    }
                    if (bitCount < nbits) {
                        break; // input exhausted without EOI: stop like libtiff
                    }
                }
            }
            bitCount -= nbits;
            int code = (int) (bitBuf >>> bitCount) & mask;
            int start = op;
            int len;
            if (code < CLEAR) {
                out[op] = (byte) code;
                len = 1;
            } else if (code >= FIRST && code < free) {
                // a table string: it ends at or before op, so every word read here was written earlier
                long e = table[code];
                int srcOff = (int) (e >>> 32);
                len = (int) e;
                if (op <= fastEnd) {
                    LONG.set(out, op, (long) LONG.get(out, srcOff));
                    for (int i = 8; i < len; i += 8) {
                        LONG.set(out, op + i, (long) LONG.get(out, srcOff + i));
                    }
                } else {
                    int n = Math.min(len, end - op);
                    for (int i = 0; i < n; i++) {
                        out[op + i] = out[srcOff + i];
                    }
                }
            } else if (code == CLEAR) {
                nbits = 9;
                mask = 511;
                free = FIRST;
                prevLen = 0;
                continue;
            } else if (code == EOI) {
                break;
            } else if (code == free && prevLen > 0) {
                // KwKwK: the previous string (which ends right here) followed by its own first byte
                int srcOff = start - prevLen;
                len = prevLen + 1;
                if (op <= fastEnd) {
                    for (int i = 0; i < prevLen; i += 8) {
                        LONG.set(out, op + i, (long) LONG.get(out, srcOff + i));
                    }
                    out[op + prevLen] = out[op];
                } else {
                    int n = Math.min(len, end - op);
                    for (int i = 0; i < n; i++) {
                        out[op + i] = out[srcOff + i];
                    }
                }
            } else if (prevLen == 0) {
                throw new CorruptException("LZW code " + code + " right after a Clear code, expected a literal 0..255");
            } else {
                throw new CorruptException("LZW code " + code + " is beyond the table (next free code " + free + ")");
            }
            if (prevLen > 0 && free < TABLE) {
                // new entry = previous string followed by the first byte of this one: it sits just before start
                table[free] = ((long) (start - prevLen) << 32) | (prevLen + 1);
                free++;
                if (free >= mask && nbits < 12) {
                    nbits++;
                    mask = (1 << nbits) - 1;
                }
            }
            prevLen = len;
            op = start + len;
        }
        return Math.min(op, end) - base;
    }

    private int decodeOldStyle(Input src, byte[] out, int base, int outLen) throws CorruptException, java.io.IOException {
        byte[] in = src.buf;
        int inLen = src.len;
        final long[] table = entries;
        final int end = base + outLen;
        int ip = 0;
        long bitBuf = 0;
        int bitCount = 0;
        int nbits = 9;
        int free = FIRST;
        int prevLen = 0;
        int op = base;
        while (op < end) {
            while (bitCount < nbits) {
                if (ip >= inLen) {
                    if (!src.refill()) {
                        break;
                    }
                    in = src.buf;
                    inLen = src.len;
                    ip = 0;
                    continue;
                }
                bitBuf |= (long) (in[ip++] & 0xFF) << bitCount;
                bitCount += 8;
            }
            if (bitCount < nbits) {
                break;
            }
            int code = (int) (bitBuf & ((1 << nbits) - 1));
            bitBuf >>>= nbits;
            bitCount -= nbits;
            if (code == CLEAR) {
                nbits = 9;
                free = FIRST;
                prevLen = 0;
                continue;
            }
            if (code == EOI) {
                break;
            }
            int start = op;
            int len;
            int srcOff;
            if (code < CLEAR) {
                out[op] = (byte) code;
                len = 1;
                srcOff = -1;
            } else if (prevLen == 0) {
                throw new CorruptException("LZW code " + code + " right after a Clear code, expected a literal 0..255");
            } else if (code < free) {
                long e = table[code];
                srcOff = (int) (e >>> 32);
                len = (int) e;
            } else if (code == free) {
                srcOff = start - prevLen;
                len = prevLen + 1;
            } else {
                throw new CorruptException("LZW code " + code + " is beyond the table (next free code " + free + ")");
            }
            if (srcOff >= 0) {
                int n = Math.min(len, end - op);
                for (int i = 0; i < n; i++) {
                    out[op + i] = out[srcOff + i];
                }
            }
            if (prevLen > 0 && free < TABLE) {
                table[free] = ((long) (start - prevLen) << 32) | (prevLen + 1);
                free++;
                if (free >= (1 << nbits) && nbits < 12) {
                    nbits++;
                }
            }
            prevLen = len;
            op = Math.min(start + len, end);
        }
        return op - base;
    }

    /**
     * Encodes {@code in[0..len)} as one TIFF LZW stream (Clear ... EOI), as libtiff writes it.
     *
     * @return the encoded bytes
     */
    static byte[] encode(byte[] in, int off, int len) {
        // hash table of (prefix code << 8 | byte) -> code
        int[] keys = new int[1 << 13];
        short[] vals = new short[1 << 13];
        Arrays.fill(keys, -1);
        BitWriter w = new BitWriter(len / 2 + 64);
        int nbits = 9;
        int free = FIRST;
        w.write(CLEAR, nbits);
        if (len == 0) {
            w.write(EOI, nbits);
            return w.toByteArray();
        }
        int prefix = in[off] & 0xFF;
        for (int i = 1; i < len; i++) {
            int c = in[off + i] & 0xFF;
            int key = (prefix << 8) | c;
            int h = (key * 0x9E3779B1) >>> 19;
            int found = -1;
            while (keys[h] != -1) {
                if (keys[h] == key) {
                    found = vals[h];
                    break;
                }
                h = (h + 1) & (keys.length - 1);
            }
            if (found >= 0) {
                prefix = found;
                continue;
            }
            w.write(prefix, nbits);
            keys[h] = key;
            vals[h] = (short) free;
            free++;
            if (free == TABLE - 2) {
                // table full: libtiff clears here, so the decoder never needs a 13th bit
                w.write(CLEAR, nbits);
                Arrays.fill(keys, -1);
                nbits = 9;
                free = FIRST;
            } else if (free > (1 << nbits) - 1) {
                // the decoder's table lags one entry behind, hence "early change" on its side
                nbits++;
            }
            prefix = c;
        }
        w.write(prefix, nbits);
        free++;
        if (free > (1 << nbits) - 1 && nbits < 12) {
            nbits++;
        }
        w.write(EOI, nbits);
        return w.toByteArray();
    }

    /** MSB-first bit packer. */
    private static final class BitWriter {
        private byte[] buf;
        private int pos;
        private long acc;
        private int bits;

        BitWriter(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        void write(int code, int n) {
            acc = (acc << n) | code;
            bits += n;
            while (bits >= 8) {
                if (pos == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                buf[pos++] = (byte) (acc >>> (bits - 8));
                bits -= 8;
            }
        }

        byte[] toByteArray() {
            if (bits > 0) {
                if (pos == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length + 1);
                }
                buf[pos++] = (byte) (acc << (8 - bits));
                bits = 0;
            }
            return Arrays.copyOf(buf, pos);
        }
    }
}
