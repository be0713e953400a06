package org.landcover4j.io.jpeg;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.landcover4j.core.kernel.Kernels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernels of the JPEG decoder: libjpeg's accurate integer inverse DCT, and per row of colour output chroma
 * column sums, libjpeg's "fancy" (triangular) 2x horizontal upsampling, and libjpeg's integer YCbCr to RGB
 * conversion into three band arrays. A scalar reference
 * ({@link ScalarJpegKernel}) and a Vector API twin ({@link VectorJpegKernel}) give identical bytes; one is chosen once like
 * core's {@link Kernels}: the twin when the {@code jdk.incubator.vector} module is present, unless the system
 * property {@value Kernels#PROPERTY} says {@code scalar}.
 *
 * <p>The arithmetic is libjpeg's. Colour (jdcolor.c tables, 16-bit fixed point), with Cb and Cr centred (sample
 * minus 128): R = Y + round(1.40200 Cr), G = Y + ((-FIX(0.34414) Cb - FIX(0.71414) Cr + 2^15) >> 16),
 * B = Y + round(1.77200 Cb), each clamped to 0..255. Fancy upsampling (jdsample.c): output pixel 2i takes
 * {@code (3 c[i] + c[i-1] + biasEven) >> shift}, pixel 2i+1 {@code (3 c[i] + c[i+1] + biasOdd) >> shift}, with
 * c the chroma row (h2v1: shift 2, biases 1 and 2) or the column sums 3 x nearer row + further row (h2v2: shift 4,
 * biases 8 and 7), the first and last sample replicated.
 *
 * <p>Thread safety: implementations are stateless.
 */
interface JpegKernel {
    /** FIX(1.40200), FIX(1.77200), FIX(0.71414), FIX(0.34414) and one half, 16-bit fixed point. */
    int CR_R = fix(1.40200);
    int CB_B = fix(1.77200);
    int CR_G = fix(0.71414);
    int CB_G = fix(0.34414);
    int ONE_HALF = 1 << 15;

    /**
     * Converts {@code n} pixels: luma {@code y[ys..]}, centred chroma {@code cb[cs..]}, {@code cr[cs..]} (each in
     * -128..127), into
     * {@code r[o..]}, {@code g[o..]}, {@code b[o..]}.
     */
    void rgb(byte[] y, int ys, int[] cb, int[] cr, int cs, byte[] r, byte[] g, byte[] b, int o, int n);

    /**
     * Column sums {@code dst[1 + i] = wn * p[near + i] + wf * p[far + i]} (unsigned samples) for i in 0..n-1, and
     * the replicated ends {@code dst[0] = dst[1]}, {@code dst[n + 1] = dst[n]}.
     */
    void sums(byte[] p, int near, int far, int wn, int wf, int[] dst, int n);

    /**
     * Fancy-upsamples chroma sums {@code c} (as {@link #sums} leaves them, ceil(w/2) samples) into {@code w} centred
     * samples {@code dst[0..w)}.
     */
    void upsample(int[] c, int shift, int biasEven, int biasOdd, int[] dst, int w);

    /**
     * libjpeg's accurate integer inverse DCT ("islow") of the dequantised coefficients {@code in} (natural order,
     * 64 values), written as 8 rows of 8 samples at {@code out[base + r * stride]}, through libjpeg's post-IDCT
     * range-limit table; clears {@code in}. {@code ws} is 64 ints of scratch; {@code last} is the zig-zag index of
     * the last coefficient decoded (a hint: from 9 down, only the top-left 4x4 coefficients can be non-zero).
     */
    void idct(int[] in, int[] ws, byte[] out, int base, int stride, int last);

    /** "scalar" or "vector (N-bit)". */
    String name();

    /** The implementation in use. */
    static JpegKernel get() {
        return Chosen.IMPL;
    }

    /**
     * Images of a JVM decoded with the scalar code before the SIMD twin takes over (unless the twin is forced with
     * {@code -D}{@value Kernels#PROPERTY}{@code =vector}). The twin is 1.8x faster once compiled, but until C2 has
     * compiled it, it runs interpreted: in a fresh JVM the first Globe230k-sized images took 540-600, 65-125 and 100-150
     * ms with it against 70 and 5 ms with the scalar code, ~0.8 s in all, which pays off only over about a thousand
     * images. A short run (the demo, {@code landcover raster}) never pays it; a long one pays it after this many.
     */
    int SCALAR_IMAGES = 128;

    /** The kernel for the next image: the scalar code for a JVM's first {@link #SCALAR_IMAGES} images, then {@link #get}. */
    static JpegKernel forNextImage() {
        JpegKernel k = Chosen.IMPL;
        if (k == ScalarJpegKernel.INSTANCE || Chosen.FORCED || Chosen.IMAGES.get() >= SCALAR_IMAGES) {
            return k;
        }
        return Chosen.IMAGES.getAndIncrement() < SCALAR_IMAGES ? ScalarJpegKernel.INSTANCE : k;
    }

    static JpegKernel scalar() {
        return ScalarJpegKernel.INSTANCE;
    }

    /** The Vector API twin, when the module is present and the CPU has vectors of at least 256 bits. */
    static Optional<JpegKernel> vector() {
        if (!Kernels.vectorModulePresent()) {
            return Optional.empty();
        }
        try {
            Class<?> c = Class.forName("org.landcover4j.io.jpeg.VectorJpegKernel");
            return Optional.of((JpegKernel) c.getDeclaredField("INSTANCE").get(null));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Chosen.LOG.warn("the Vector API module is present but the SIMD JPEG colour conversion could not be "
                    + "loaded: {}", e.toString());
            return Optional.empty();
        }
    }

    private static int fix(double x) {
        return (int) (x * 65536 + 0.5);
    }

    /** The choice, made once. */
    final class Chosen {
        static final Logger LOG = LoggerFactory.getLogger(JpegKernel.class);
        static final JpegKernel IMPL = choose();
        static final boolean FORCED = System.getProperty(Kernels.PROPERTY, "").trim().equalsIgnoreCase("vector");
        static final AtomicInteger IMAGES = new AtomicInteger();

        private Chosen() {
        }

        private static JpegKernel choose() {
            String forced = System.getProperty(Kernels.PROPERTY, "").trim().toLowerCase(Locale.ROOT);
            if (forced.equals("scalar")) {
                return ScalarJpegKernel.INSTANCE;
            }
            return vector().orElse(ScalarJpegKernel.INSTANCE);
        }
    }
}
