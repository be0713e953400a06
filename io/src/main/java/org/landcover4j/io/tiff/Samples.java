package org.landcover4j.io.tiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.landcover4j.core.raster.DataType;

/**
 * Moves samples between decoded chunk bytes (in the file's byte order) and typed band arrays.
 *
 * <p>Contiguous runs use the NIO bulk copies (a memory copy, byte-swapped when needed); strided runs (one band
 * of a pixel-interleaved chunk) use byte-array view handles, which the JIT compiles to plain loads.
 */
final class Samples {
    private Samples() {
    }

    private static final VarHandle S_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle S_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle F_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle F_BE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle D_LE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle D_BE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle L_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** A new band array of {@code n} samples for {@code type}. */
    static Object allocate(DataType type, int n) {
        return switch (type) {
            case UINT8, INT8 -> new byte[n];
            case UINT16, INT16 -> new short[n];
            case UINT32, INT32 -> new int[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
    }

    /**
     * Copies {@code n} samples starting at byte {@code srcOff} of {@code src}, every {@code stride}-th sample, into
     * {@code dst[dstOff..dstOff+n)}.
     */
    static void copyIn(byte[] src, int srcOff, int stride, ByteOrder order, Object dst, int dstOff, int n) {
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        if (dst instanceof byte[] d) {
            if (stride == 1) {
                System.arraycopy(src, srcOff, d, dstOff, n);
            } else {
                for (int i = 0, s = srcOff; i < n; i++, s += stride) {
                    d[dstOff + i] = src[s];
                }
            }
        } else if (dst instanceof short[] d) {
            if (stride == 1) {
                ByteBuffer.wrap(src).order(order).asShortBuffer().get(srcOff >> 1, d, dstOff, n);
            } else {
                int sb = stride * 2;
                if (le) {
                    for (int i = 0, s = srcOff; i < n; i++, s += sb) {
                        d[dstOff + i] = (short) S_LE.get(src, s);
                    }
                } else {
                    for (int i = 0, s = srcOff; i < n; i++, s += sb) {
                        d[dstOff + i] = (short) S_BE.get(src, s);
                    }
                }
            }
        } else if (dst instanceof int[] d) {
            if (stride == 1) {
                ByteBuffer.wrap(src).order(order).asIntBuffer().get(srcOff >> 2, d, dstOff, n);
            } else {
                int sb = stride * 4;
                if (le) {
                    for (int i = 0, s = srcOff; i < n; i++, s += sb) {
                        d[dstOff + i] = (int) I_LE.get(src, s);
                    }
                } else {
                    for (int i = 0, s = srcOff; i < n; i++, s += sb) {
                        d[dstOff + i] = (int) I_BE.get(src, s);
                    }
                }
            }
        } else if (dst instanceof float[] d) {
            if (stride == 1) {
                ByteBuffer.wrap(src).order(order).asFloatBuffer().get(srcOff >> 2, d, dstOff, n);
            } else {
                int sb = stride * 4;
                if (le) {
                    for (int i = 0, s = srcOff; i < n; i++, s += sb) {
                        d[dstOff + i] = (float) F_LE.get(src, s);
                    }
                } else {
                    for (int i = 0, s = srcOff; i < n; i++, s += sb) {
                        d[dstOff + i] = (float) F_BE.get(src, s);
                    }
                }
            }
        } else if (dst instanceof double[] d) {
            if (stride == 1) {
                ByteBuffer.wrap(src).order(order).asDoubleBuffer().get(srcOff >> 3, d, dstOff, n);
            } else {
                int sb = stride * 8;
                if (le) {
                    for (int i = 0, s = srcOff; i < n; i++, s += sb) {
                        d[dstOff + i] = (double) D_LE.get(src, s);
                    }
                } else {
                    for (int i = 0, s = srcOff; i < n; i++, s += sb) {
                        d[dstOff + i] = (double) D_BE.get(src, s);
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("not a band array: " + dst.getClass());
        }
    }

    /**
     * Copies {@code n} samples of {@code src[srcOff..)} into {@code dst} starting at byte {@code dstOff}, every
     * {@code stride}-th sample, in {@code order} (the writer's side of {@link #copyIn}).
     */
    static void copyOut(Object src, int srcOff, int n, byte[] dst, int dstOff, int stride, ByteOrder order) {
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        if (src instanceof byte[] s) {
            if (stride == 1) {
                System.arraycopy(s, srcOff, dst, dstOff, n);
            } else {
                for (int i = 0, o = dstOff; i < n; i++, o += stride) {
                    dst[o] = s[srcOff + i];
                }
            }
        } else if (src instanceof short[] s) {
            if (stride == 1) {
                ByteBuffer.wrap(dst).order(order).asShortBuffer().put(dstOff >> 1, s, srcOff, n);
            } else {
                for (int i = 0, o = dstOff; i < n; i++, o += stride * 2) {
                    if (le) {
                        S_LE.set(dst, o, s[srcOff + i]);
                    } else {
                        S_BE.set(dst, o, s[srcOff + i]);
                    }
                }
            }
        } else if (src instanceof int[] s) {
            if (stride == 1) {
                ByteBuffer.wrap(dst).order(order).asIntBuffer().put(dstOff >> 2, s, srcOff, n);
            } else {
                for (int i = 0, o = dstOff; i < n; i++, o += stride * 4) {
                    if (le) {
                        I_LE.set(dst, o, s[srcOff + i]);
                    } else {
                        I_BE.set(dst, o, s[srcOff + i]);
                    }
                }
            }
        } else if (src instanceof float[] s) {
            if (stride == 1) {
                ByteBuffer.wrap(dst).order(order).asFloatBuffer().put(dstOff >> 2, s, srcOff, n);
            } else {
                for (int i = 0, o = dstOff; i < n; i++, o += stride * 4) {
                    if (le) {
                        F_LE.set(dst, o, s[srcOff + i]);
                    } else {
                        F_BE.set(dst, o, s[srcOff + i]);
                    }
                }
            }
        } else if (src instanceof double[] s) {
            if (stride == 1) {
                ByteBuffer.wrap(dst).order(order).asDoubleBuffer().put(dstOff >> 3, s, srcOff, n);
            } else {
                for (int i = 0, o = dstOff; i < n; i++, o += stride * 8) {
                    if (le) {
                        D_LE.set(dst, o, s[srcOff + i]);
                    } else {
                        D_BE.set(dst, o, s[srcOff + i]);
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("not a band array: " + src.getClass());
        }
    }

    /**
     * Undoes horizontal differencing while copying one sample of a row out: walks {@code skip + n} pixels of
     * {@code stride} samples from byte {@code srcOff}, summing the differences in a register, and writes the sums of
     * the last {@code n} pixels to {@code dst[dstOff..)}. Integer band arrays only.
     */
    static void accumulateIn(byte[] src, int srcOff, int stride, ByteOrder order, Object dst, int dstOff, int skip,
                             int n) {
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        int total = skip + n;
        if (dst instanceof byte[] d) {
            int acc = 0;
            int s = srcOff;
            for (int i = 0; i < skip; i++, s += stride) {
                acc += src[s];
            }
            int i = 0;
            if (stride == 1) {
                // label maps difference to mostly zero bytes: eight of them leave the sum as it is
                for (; i + 8 <= n; i += 8, s += 8) {
                    long w = (long) L_LE.get(src, s);
                    if (w == 0) {
                        L_LE.set(d, dstOff + i, (acc & 0xFFL) * 0x0101010101010101L);
                        continue;
                    }
                    for (int k = 0; k < 8; k++) {
                        acc += (byte) (w >>> (8 * k));
                        d[dstOff + i + k] = (byte) acc;
                    }
                }
            }
            for (; i < n; i++, s += stride) {
                acc += src[s];
                d[dstOff + i] = (byte) acc;
            }
        } else if (dst instanceof short[] d) {
            short acc = 0;
            int sb = stride * 2;
            int s = srcOff;
            if (le) {
                for (int i = 0; i < skip; i++, s += sb) {
                    acc += (short) S_LE.get(src, s);
                }
                for (int i = 0; i < n; i++, s += sb) {
                    acc += (short) S_LE.get(src, s);
                    d[dstOff + i] = acc;
                }
            } else {
                for (int i = 0; i < skip; i++, s += sb) {
                    acc += (short) S_BE.get(src, s);
                }
                for (int i = 0; i < n; i++, s += sb) {
                    acc += (short) S_BE.get(src, s);
                    d[dstOff + i] = acc;
                }
            }
        } else if (dst instanceof int[] d) {
            int acc = 0;
            int sb = stride * 4;
            int s = srcOff;
            for (int i = 0; i < total; i++, s += sb) {
                acc += le ? (int) I_LE.get(src, s) : (int) I_BE.get(src, s);
                if (i >= skip) {
                    d[dstOff + i - skip] = acc;
                }
            }
        } else {
            throw new IllegalArgumentException("horizontal differencing is fused for integer band arrays, got "
                    + dst.getClass());
        }
    }

    /**
     * {@link #accumulateIn} for every sample of 2 to 4 interleaved bytes at once: the running sums of each band are
     * independent, so they proceed in parallel in the CPU.
     */
    static void accumulateDeinterleaveBytes(byte[] src, int srcOff, int cs, Object[] dst, int dstOff, int skip, int n) {
        if (cs < 2 || cs > 4) {
            throw new IllegalArgumentException("2 to 4 samples per pixel, got " + cs);
        }
        byte[] d0 = (byte[]) dst[0];
        byte[] d1 = (byte[]) dst[1];
        byte[] d2 = cs > 2 ? (byte[]) dst[2] : null;
        byte[] d3 = cs > 3 ? (byte[]) dst[3] : null;
        // int sums (only their low bytes are stored) and bounds checked once up front: 1.4x the byte-sum loop
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        int s = srcOff;
        for (int i = 0; i < skip; i++, s += cs) {
            a0 += src[s];
            a1 += src[s + 1];
            if (cs > 2) {
                a2 += src[s + 2];
                if (cs > 3) {
                    a3 += src[s + 3];
                }
            }
        }
        if (n <= 0) {
            return;
        }
        Objects.checkFromIndexSize(s, cs * n, src.length);
        int end = dstOff + n;
        Objects.checkFromToIndex(dstOff, end, d0.length);
        Objects.checkFromToIndex(dstOff, end, d1.length);
        switch (cs) {
            case 2 -> {
                for (int i = dstOff; i < end; i++, s += 2) {
                    a0 += src[s];
                    a1 += src[s + 1];
                    d0[i] = (byte) a0;
                    d1[i] = (byte) a1;
                }
            }
            case 3 -> {
                Objects.checkFromToIndex(dstOff, end, d2.length);
                for (int i = dstOff; i < end; i++, s += 3) {
                    a0 += src[s];
                    a1 += src[s + 1];
                    a2 += src[s + 2];
                    d0[i] = (byte) a0;
                    d1[i] = (byte) a1;
                    d2[i] = (byte) a2;
                }
            }
            default -> {
                Objects.checkFromToIndex(dstOff, end, d2.length);
                Objects.checkFromToIndex(dstOff, end, d3.length);
                for (int i = dstOff; i < end; i++, s += 4) {
                    a0 += src[s];
                    a1 += src[s + 1];
                    a2 += src[s + 2];
                    a3 += src[s + 3];
                    d0[i] = (byte) a0;
                    d1[i] = (byte) a1;
                    d2[i] = (byte) a2;
                    d3[i] = (byte) a3;
                }
            }
        }
    }

    /** Whether {@code bands} is 0, 1, ..., count-1. */
    static boolean isIdentity(int[] bands, int count) {
        if (bands.length != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (bands[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Splits {@code n} pixels of {@code cs} (2 to 4) interleaved bytes into the byte arrays {@code dst[0..cs)}. */
    static void deinterleaveBytes(byte[] src, int srcOff, int cs, Object[] dst, int dstOff, int n) {
        byte[] d0 = (byte[]) dst[0];
        byte[] d1 = (byte[]) dst[1];
        switch (cs) {
            case 2 -> {
                for (int i = 0, s = srcOff; i < n; i++, s += 2) {
                    d0[dstOff + i] = src[s];
                    d1[dstOff + i] = src[s + 1];
                }
            }
            case 3 -> {
                byte[] d2 = (byte[]) dst[2];
                for (int i = 0, s = srcOff; i < n; i++, s += 3) {
                    d0[dstOff + i] = src[s];
                    d1[dstOff + i] = src[s + 1];
                    d2[dstOff + i] = src[s + 2];
                }
            }
            case 4 -> {
                byte[] d2 = (byte[]) dst[2];
                byte[] d3 = (byte[]) dst[3];
                for (int i = 0, s = srcOff; i < n; i++, s += 4) {
                    d0[dstOff + i] = src[s];
                    d1[dstOff + i] = src[s + 1];
                    d2[dstOff + i] = src[s + 2];
                    d3[dstOff + i] = src[s + 3];
                }
            }
            default -> throw new IllegalArgumentException("2 to 4 samples per pixel, got " + cs);
        }
    }

    /** Fills {@code dst[off..off+n)} with {@code value} converted to the array's type. */
    static void fill(Object dst, int off, int n, double value) {
        if (dst instanceof byte[] d) {
            java.util.Arrays.fill(d, off, off + n, (byte) (long) value);
        } else if (dst instanceof short[] d) {
            java.util.Arrays.fill(d, off, off + n, (short) (long) value);
        } else if (dst instanceof int[] d) {
            java.util.Arrays.fill(d, off, off + n, (int) (long) value);
        } else if (dst instanceof float[] d) {
            java.util.Arrays.fill(d, off, off + n, (float) value);
        } else if (dst instanceof double[] d) {
            java.util.Arrays.fill(d, off, off + n, value);
        }
    }
}
