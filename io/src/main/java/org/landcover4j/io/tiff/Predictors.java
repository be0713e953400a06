package org.landcover4j.io.tiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * TIFF predictors, in place on decoded chunk bytes kept in the file's byte order.
 *
 * <p>Predictor 2 (horizontal differencing) works on whole samples of 8, 16, 32 or 64 bits with a stride of
 * samples-per-pixel; libtiff applies it to the integer bit pattern even for floating-point data, and so do we.
 * Predictor 3 (floating point, Adobe TN 3) differences bytes with the same stride across a row whose samples were
 * split into byte planes, most significant plane first; undoing it restores the samples in the file's byte order.
 */
final class Predictors {
    private Predictors() {
    }

    private static final VarHandle S_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle S_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle L_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle L_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Undoes horizontal differencing on {@code rows} rows of {@code rowSamples} samples of {@code bytes} bytes each,
     * starting at byte {@code start}.
     *
     * @param stride samples per pixel in the chunk (1 for band-interleaved files)
     */
    static void undoHorizontal(byte[] b, int start, int rows, int rowSamples, int stride, int bytes,
                               ByteOrder order) {
        // One accumulator per interleaved sample, kept in a register: an in-place b[i] += b[i - stride] would wait
        // on the store of b[i - stride] at every step. The view handles are static finals (constant to the JIT).
        int rowBytes = rowSamples * bytes;
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        int step = stride * bytes;
        for (int r = 0; r < rows; r++) {
            int base = start + r * rowBytes;
            int end = base + rowBytes;
            for (int s = 0; s < stride; s++) {
                int first = base + s * bytes;
                switch (bytes) {
                    case 1 -> {
                        byte acc = 0;
                        for (int i = first; i < end; i += step) {
                            acc += b[i];
                            b[i] = acc;
                        }
                    }
                    case 2 -> {
                        short acc = 0;
                        if (le) {
                            for (int i = first; i < end; i += step) {
                                acc += (short) S_LE.get(b, i);
                                S_LE.set(b, i, acc);
                            }
                        } else {
                            for (int i = first; i < end; i += step) {
                                acc += (short) S_BE.get(b, i);
                                S_BE.set(b, i, acc);
                            }
                        }
                    }
                    case 4 -> {
                        int acc = 0;
                        if (le) {
                            for (int i = first; i < end; i += step) {
                                acc += (int) I_LE.get(b, i);
                                I_LE.set(b, i, acc);
                            }
                        } else {
                            for (int i = first; i < end; i += step) {
                                acc += (int) I_BE.get(b, i);
                                I_BE.set(b, i, acc);
                            }
                        }
                    }
                    case 8 -> {
                        long acc = 0;
                        if (le) {
                            for (int i = first; i < end; i += step) {
                                acc += (long) L_LE.get(b, i);
                                L_LE.set(b, i, acc);
                            }
                        } else {
                            for (int i = first; i < end; i += step) {
                                acc += (long) L_BE.get(b, i);
                                L_BE.set(b, i, acc);
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("predictor 2 needs 1, 2, 4 or 8 byte samples, got "
                            + bytes);
                }
            }
        }
    }

    /** Applies horizontal differencing (the encoder's side), the inverse of {@link #undoHorizontal}. */
    static void applyHorizontal(byte[] b, int rows, int rowSamples, int stride, int bytes, ByteOrder order) {
        // per interleaved sample, keep the previous original value in a register while replacing it by the difference
        int rowBytes = rowSamples * bytes;
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        int step = stride * bytes;
        for (int r = 0; r < rows; r++) {
            int base = r * rowBytes;
            int end = base + rowBytes;
            for (int s = 0; s < stride; s++) {
                int first = base + s * bytes;
                switch (bytes) {
                    case 1 -> {
                        byte prev = 0;
                        for (int i = first; i < end; i += step) {
                            byte v = b[i];
                            b[i] = (byte) (v - prev);
                            prev = v;
                        }
                    }
                    case 2 -> {
                        short prev = 0;
                        for (int i = first; i < end; i += step) {
                            short v = le ? (short) S_LE.get(b, i) : (short) S_BE.get(b, i);
                            if (le) {
                                S_LE.set(b, i, (short) (v - prev));
                            } else {
                                S_BE.set(b, i, (short) (v - prev));
                            }
                            prev = v;
                        }
                    }
                    case 4 -> {
                        int prev = 0;
                        for (int i = first; i < end; i += step) {
                            int v = le ? (int) I_LE.get(b, i) : (int) I_BE.get(b, i);
                            if (le) {
                                I_LE.set(b, i, v - prev);
                            } else {
                                I_BE.set(b, i, v - prev);
                            }
                            prev = v;
                        }
                    }
                    case 8 -> {
                        long prev = 0;
                        for (int i = first; i < end; i += step) {
                            long v = le ? (long) L_LE.get(b, i) : (long) L_BE.get(b, i);
                            if (le) {
                                L_LE.set(b, i, v - prev);
                            } else {
                                L_BE.set(b, i, v - prev);
                            }
                            prev = v;
                        }
                    }
                    default -> throw new IllegalArgumentException("predictor 2 needs 1, 2, 4 or 8 byte samples, got "
                            + bytes);
                }
            }
        }
    }

    /**
     * Undoes the floating-point predictor on {@code rows} rows of {@code rowSamples} samples of {@code bytes} bytes
     * starting at byte {@code start}, leaving the samples in {@code order}. {@code tmp} must hold at least one row.
     */
    static void undoFloat(byte[] b, int start, int rows, int rowSamples, int stride, int bytes, ByteOrder order,
                          byte[] tmp) {
        int rowBytes = rowSamples * bytes;
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        for (int r = 0; r < rows; r++) {
            int base = start + r * rowBytes;
            // undo the byte differencing into tmp, one running sum per interleaved lane kept in a register (an
            // in-place b[i] += b[i - stride] would wait on the store of b[i - stride] at every byte)
            for (int lane = 0; lane < stride && lane < rowBytes; lane++) {
                int acc = 0;
                for (int i = lane; i < rowBytes; i += stride) {
                    acc += b[base + i];
                    tmp[i] = (byte) acc;
                }
            }
            if (bytes == 4) {
                int p1 = rowSamples;
                int p2 = 2 * rowSamples;
                int p3 = 3 * rowSamples;
                // plane k holds byte k counted from the most significant: one word per sample
                for (int s = 0, o = base; s < rowSamples; s++, o += 4) {
                    int v = (tmp[s] & 0xFF) << 24 | (tmp[p1 + s] & 0xFF) << 16 | (tmp[p2 + s] & 0xFF) << 8
                            | (tmp[p3 + s] & 0xFF);
                    if (le) {
                        I_LE.set(b, o, v);
                    } else {
                        I_BE.set(b, o, v);
                    }
                }
            } else {
                for (int s = 0; s < rowSamples; s++) {
                    int o = base + s * bytes;
                    for (int k = 0; k < bytes; k++) {
                        // plane k holds byte k counted from the most significant
                        b[le ? o + bytes - 1 - k : o + k] = tmp[k * rowSamples + s];
                    }
                }
            }
        }
    }

    /** Applies the floating-point predictor (the encoder's side) to rows in {@code order}. */
    static void applyFloat(byte[] b, int rows, int rowSamples, int stride, int bytes, ByteOrder order, byte[] tmp) {
        int rowBytes = rowSamples * bytes;
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        for (int r = 0; r < rows; r++) {
            int base = r * rowBytes;
            for (int s = 0; s < rowSamples; s++) {
                int o = base + s * bytes;
                for (int k = 0; k < bytes; k++) {
                    tmp[k * rowSamples + s] = b[le ? o + bytes - 1 - k : o + k];
                }
            }
            System.arraycopy(tmp, 0, b, base, rowBytes);
            for (int i = base + rowBytes - 1; i >= base + stride; i--) {
                b[i] -= b[i - stride];
            }
        }
    }
}
