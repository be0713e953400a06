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
        int rowBytes = rowSamples * bytes;
        switch (bytes) {
            case 1 -> {
                for (int r = 0; r < rows; r++) {
                    int base = start + r * rowBytes;
                    int end = base + rowBytes;
                    if (stride == 1) {
                        byte acc = b[base];
                        for (int i = base + 1; i < end; i++) {
                            acc += b[i];
                            b[i] = acc;
                        }
                    } else {
                        for (int i = base + stride; i < end; i++) {
                            b[i] += b[i - stride];
                        }
                    }
                }
            }
            case 2 -> {
                VarHandle h = order == ByteOrder.LITTLE_ENDIAN ? S_LE : S_BE;
                int sb = stride * 2;
                for (int r = 0; r < rows; r++) {
                    int base = start + r * rowBytes;
                    int end = base + rowBytes;
                    for (int i = base + sb; i < end; i += 2) {
                        h.set(b, i, (short) ((short) h.get(b, i) + (short) h.get(b, i - sb)));
                    }
                }
            }
            case 4 -> {
                VarHandle h = order == ByteOrder.LITTLE_ENDIAN ? I_LE : I_BE;
                int sb = stride * 4;
                for (int r = 0; r < rows; r++) {
                    int base = start + r * rowBytes;
                    int end = base + rowBytes;
                    for (int i = base + sb; i < end; i += 4) {
                        h.set(b, i, (int) h.get(b, i) + (int) h.get(b, i - sb));
                    }
                }
            }
            case 8 -> {
                VarHandle h = order == ByteOrder.LITTLE_ENDIAN ? L_LE : L_BE;
                int sb = stride * 8;
                for (int r = 0; r < rows; r++) {
                    int base = start + r * rowBytes;
                    int end = base + rowBytes;
                    for (int i = base + sb; i < end; i += 8) {
                        h.set(b, i, (long) h.get(b, i) + (long) h.get(b, i - sb));
                    }
                }
            }
            default -> throw new IllegalArgumentException("predictor 2 needs 1, 2, 4 or 8 byte samples, got " + bytes);
        }
    }

    /** Applies horizontal differencing (the encoder's side), the inverse of {@link #undoHorizontal}. */
    static void applyHorizontal(byte[] b, int rows, int rowSamples, int stride, int bytes, ByteOrder order) {
        int rowBytes = rowSamples * bytes;
        int sb = stride * bytes;
        for (int r = 0; r < rows; r++) {
            int base = r * rowBytes;
            for (int i = base + rowBytes - bytes; i >= base + sb; i -= bytes) {
                switch (bytes) {
                    case 1 -> b[i] -= b[i - sb];
                    case 2 -> {
                        VarHandle h = order == ByteOrder.LITTLE_ENDIAN ? S_LE : S_BE;
                        h.set(b, i, (short) ((short) h.get(b, i) - (short) h.get(b, i - sb)));
                    }
                    case 4 -> {
                        VarHandle h = order == ByteOrder.LITTLE_ENDIAN ? I_LE : I_BE;
                        h.set(b, i, (int) h.get(b, i) - (int) h.get(b, i - sb));
                    }
                    case 8 -> {
                        VarHandle h = order == ByteOrder.LITTLE_ENDIAN ? L_LE : L_BE;
                        h.set(b, i, (long) h.get(b, i) - (long) h.get(b, i - sb));
                    }
                    default -> throw new IllegalArgumentException("predictor 2 needs 1, 2, 4 or 8 byte samples, got " + bytes);
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
            int end = base + rowBytes;
            for (int i = base + stride; i < end; i++) {
                b[i] += b[i - stride];
            }
            System.arraycopy(b, base, tmp, 0, rowBytes);
            if (bytes == 4) {
                int p1 = rowSamples;
                int p2 = 2 * rowSamples;
                int p3 = 3 * rowSamples;
                if (le) {
                    for (int s = 0, o = base; s < rowSamples; s++, o += 4) {
                        b[o] = tmp[p3 + s];
                        b[o + 1] = tmp[p2 + s];
                        b[o + 2] = tmp[p1 + s];
                        b[o + 3] = tmp[s];
                    }
                } else {
                    for (int s = 0, o = base; s < rowSamples; s++, o += 4) {
                        b[o] = tmp[s];
                        b[o + 1] = tmp[p1 + s];
                        b[o + 2] = tmp[p2 + s];
                        b[o + 3] = tmp[p3 + s];
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
