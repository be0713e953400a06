package org.landcover4j.io.tiff;

import java.io.ByteArrayOutputStream;

/** PackBits run-length coding (compression 32773): decoder bounded by the output size, and encoder. */
final class PackBits {
    private PackBits() {
    }

    /**
     * Decodes {@code in[0..inLen)} into {@code out[base..base+outLen)}, stopping when the output is full.
     *
     * @return the number of bytes written (less than {@code outLen} when the input ends early)
     */
    static int decode(byte[] in, int inLen, byte[] out, int base, int outLen) {
        int ip = 0;
        int op = base;
        int end = base + outLen;
        while (op < end && ip < inLen) {
            int n = in[ip++];
            if (n >= 0) {
                int count = Math.min(Math.min(n + 1, inLen - ip), end - op);
                System.arraycopy(in, ip, out, op, count);
                ip += n + 1;
                op += count;
            } else if (n != -128) {
                if (ip >= inLen) {
                    break;
                }
                byte v = in[ip++];
                int count = Math.min(1 - n, end - op);
                for (int i = 0; i < count; i++) {
                    out[op + i] = v;
                }
                op += count;
            }
        }
        return op - base;
    }

    /** Encodes one row (PackBits runs never cross rows in TIFF). */
    static void encodeRow(byte[] in, int off, int len, ByteArrayOutputStream out) {
        int i = 0;
        while (i < len) {
            // a run of at least 3 equal bytes?
            int run = 1;
            while (i + run < len && run < 128 && in[off + i + run] == in[off + i]) {
                run++;
            }
            if (run >= 3) {
                out.write(1 - run);
                out.write(in[off + i]);
                i += run;
                continue;
            }
            // literal span up to the next run of 3
            int start = i;
            int lit = 0;
            while (i < len && lit < 128) {
                if (i + 2 < len && in[off + i] == in[off + i + 1] && in[off + i] == in[off + i + 2]) {
                    break;
                }
                i++;
                lit++;
            }
            out.write(lit - 1);
            out.write(in, off + start, lit);
        }
    }
}
