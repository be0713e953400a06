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

    private final int[] entryOffset = new int[TABLE];
    private final int[] entryLength = new int[TABLE];

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
     * Decodes {@code in[0..inLen)} into {@code out[0..outLen)}.
     *
     * @return the number of bytes written (less than {@code outLen} when the stream ends early)
     */
    int decode(byte[] in, int inLen, byte[] out, int outLen) throws CorruptException {
        try {
            return decode(Input.of(in, inLen), out, outLen);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an array input cannot fail", e);
        }
    }

    /**
     * Decodes the stream {@code src} into {@code out[0..outLen)}.
     *
     * @return the number of bytes written (less than {@code outLen} when the stream ends early)
     */
    int decode(Input src, byte[] out, int outLen) throws CorruptException, java.io.IOException {
        byte[] in = src.buf;
        int inLen = src.len;
        if (inLen >= 2 && in[0] == 0 && (in[1] & 1) != 0) {
            return decodeOldStyle(src, out, outLen);
        }
        final int[] offs = entryOffset;
        final int[] lens = entryLength;
        int ip = 0;
        long bitBuf = 0;
        int bitCount = 0;
        int nbits = 9;
        int free = FIRST;
        int prev = -1;
        int op = 0;
        while (op < outLen) {
            // refill: up to 7 bytes at a time
            if (bitCount < nbits) {
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
            int code = (int) (bitBuf >>> (bitCount - nbits)) & ((1 << nbits) - 1);
            bitCount -= nbits;
            if (code == CLEAR) {
                nbits = 9;
                free = FIRST;
                prev = -1;
                continue;
            }
            if (code == EOI) {
                break;
            }
            if (prev < 0) {
                if (code >= CLEAR) {
                    throw new CorruptException("LZW code " + code + " right after a Clear code, expected a literal 0..255");
                }
                out[op] = (byte) code;
                prev = code;
                // an entry for a literal: its only occurrence is here
                offs[code] = op;
                lens[code] = 1;
                op++;
                continue;
            }
            int start = op;
            int len;
            if (code < free) {
                int srcOff;
                if (code < CLEAR) {
                    out[op] = (byte) code;
                    len = 1;
                    offs[code] = op;
                    lens[code] = 1;
                } else {
                    srcOff = offs[code];
                    len = lens[code];
                    int n = Math.min(len, outLen - op);
                    if (n <= 16) {
                        for (int i = 0; i < n; i++) {
                            out[op + i] = out[srcOff + i];
                        }
                    } else {
                        System.arraycopy(out, srcOff, out, op, n);
                    }
                }
            } else if (code == free) {
                // KwKwK: previous string + its own first byte. Copy from the previous emission, which ends right
                // here, so the overlapping forward copy supplies the first byte again.
                int srcOff = start - lens[prev];
                len = lens[prev] + 1;
                int n = Math.min(len, outLen - op);
                for (int i = 0; i < n; i++) {
                    out[op + i] = out[srcOff + i];
                }
            } else {
                throw new CorruptException("LZW code " + code + " is beyond the table (next free code " + free + ")");
            }
            if (free < TABLE) {
                // new entry = previous string followed by the first byte of this one; it sits in the output just before
                offs[free] = start - lens[prev];
                lens[free] = lens[prev] + 1;
                free++;
                if (free >= (1 << nbits) - 1 && nbits < 12) {
                    nbits++;
                }
            }
            prev = code;
            op = Math.min(start + len, outLen);
        }
        return op;
    }

    private int decodeOldStyle(Input src, byte[] out, int outLen) throws CorruptException, java.io.IOException {
        byte[] in = src.buf;
        int inLen = src.len;
        final int[] offs = entryOffset;
        final int[] lens = entryLength;
        int ip = 0;
        long bitBuf = 0;
        int bitCount = 0;
        int nbits = 9;
        int free = FIRST;
        int prev = -1;
        int op = 0;
        while (op < outLen) {
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
                prev = -1;
                continue;
            }
            if (code == EOI) {
                break;
            }
            int start = op;
            int len;
            if (prev < 0 || code < CLEAR) {
                if (code >= CLEAR) {
                    throw new CorruptException("LZW code " + code + " right after a Clear code, expected a literal 0..255");
                }
                out[op] = (byte) code;
                offs[code] = op;
                lens[code] = 1;
                len = 1;
            } else if (code < free) {
                len = lens[code];
                int n = Math.min(len, outLen - op);
                int srcOff = offs[code];
                for (int i = 0; i < n; i++) {
                    out[op + i] = out[srcOff + i];
                }
            } else if (code == free) {
                int srcOff = start - lens[prev];
                len = lens[prev] + 1;
                int n = Math.min(len, outLen - op);
                for (int i = 0; i < n; i++) {
                    out[op + i] = out[srcOff + i];
                }
            } else {
                throw new CorruptException("LZW code " + code + " is beyond the table (next free code " + free + ")");
            }
            if (prev >= 0 && free < TABLE) {
                offs[free] = start - lens[prev];
                lens[free] = lens[prev] + 1;
                free++;
                if (free >= (1 << nbits) && nbits < 12) {
                    nbits++;
                }
            }
            prev = code;
            op = Math.min(start + len, outLen);
        }
        return op;
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
