package org.landcover4j.core.bench;

import java.util.concurrent.TimeUnit;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.testing.Gen;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every kernel on a 1024 x 1024 raster, single thread, through the public {@link Kernels} facade. Scores are
 * ns per pixel ({@code @OperationsPerInvocation} = pixels; for resampling, pixels of the larger raster).
 *
 * <p>Two concrete subclasses run the same methods in forks that force the path: {@link ScalarKernelBench}
 * ({@code -Dlandcover4j.kernels=scalar}) and {@link VectorKernelBench} ({@code =vector}); their setup fails if
 * the fork is not on the intended path. {@link CopyBench} gives the {@code System.arraycopy} baseline of the same
 * bytes in the same run. Run with {@code scripts/bench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(KernelBench.PIXELS)
@Warmup(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Threads(1)
public abstract class KernelBench {

    /** Side of the benchmark raster. */
    public static final int SIDE = 1024;
    /** Pixels of the benchmark raster. */
    public static final int PIXELS = SIDE * SIDE;
    /** Output pixels of a factor-6 upsampling of 170 x 170 (= input pixels of the factor-6 downsampling). */
    public static final int PIXELS6 = 1020 * 1020;

    private static final int CLASSES = 10;

    // inputs
    byte[] bytes;
    short[] shorts;
    short[] shortCodes;
    float[] floatA;
    float[] floatB;
    short[] dnA;
    short[] dnB;
    byte[] mask;
    byte[] lut8;
    byte[] lut16;
    byte[] ref;
    byte[] labelRuns;
    byte[] pred90;
    byte[] refRandom;
    byte[] predRandom;
    byte[] ref255;
    byte[] pred255;
    short[] ref16;
    short[] pred16;
    byte[] labels512;
    short[] dn512;
    float[] float512;
    float[] float170;
    byte[] labels1020;
    // outputs
    byte[] outBytes;
    short[] outShorts;
    float[] outFloats;
    byte[] outBytes512;
    float[] outFloats512;
    float[] outFloats6;
    byte[] outBytes170;
    long[] hist8;
    long[] hist16;
    long[] cm10;
    long[] cm255;

    /** Whether this class measures the SIMD path. */
    abstract boolean vector();

    @Setup
    public void setup() {
        if (Kernels.usesVector() != vector()) {
            throw new IllegalStateException("this fork should measure the " + (vector() ? "vector" : "scalar")
                    + " kernels but uses " + Kernels.implementation() + "; run with "
                    + Kernels.ENABLE_FLAG + " (scripts/bench does)");
        }
        Gen g = new Gen(20240601L);
        bytes = g.bytes(PIXELS, 0, 255);
        shorts = g.shorts(PIXELS, 0, 65535);
        shortCodes = g.shorts(PIXELS, 0, 199);
        floatA = reflectance(g, PIXELS);
        floatB = reflectance(g, PIXELS);
        dnA = g.shorts(PIXELS, 0, 12000);
        dnB = g.shorts(PIXELS, 0, 12000);
        mask = new byte[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            mask[i] = (byte) (g.chance(0.9) ? 1 : 0);
        }
        lut8 = g.bytes(256, 0, 255);
        lut16 = g.bytes(65536, 0, 255);
        // confusion: 10 classes uniform per pixel; prediction correct on 90% of pixels (the wrong 10% differ)
        ref = g.bytes(PIXELS, 0, CLASSES - 1);
        pred90 = new byte[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            pred90[i] = g.chance(0.9) ? ref[i] : (byte) ((ref[i] + g.between(1, CLASSES - 1)) % CLASSES);
        }
        labelRuns = new byte[PIXELS];
        for (int i = 0; i < PIXELS; ) {
            int run = g.between(20, 420);
            byte v = (byte) g.between(0, CLASSES - 1);
            for (int k = 0; k < run && i < PIXELS; k++) {
                labelRuns[i++] = v;
            }
        }
        refRandom = g.bytes(PIXELS, 0, CLASSES - 1);
        predRandom = g.bytes(PIXELS, 0, CLASSES - 1);
        ref255 = g.bytes(PIXELS, 0, 254);
        pred255 = new byte[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            pred255[i] = g.chance(0.9) ? ref255[i] : (byte) g.between(0, 254);
        }
        ref16 = new short[PIXELS];
        pred16 = new short[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            ref16[i] = ref[i];
            pred16[i] = pred90[i];
        }
        labels512 = g.bytes(512 * 512, 0, CLASSES - 1);
        dn512 = g.shorts(512 * 512, 0, 12000);
        float512 = reflectance(g, 512 * 512);
        float170 = reflectance(g, 170 * 170);
        labels1020 = g.bytes(PIXELS6, 0, CLASSES - 1);
        outBytes = new byte[PIXELS];
        outShorts = new short[PIXELS];
        outFloats = new float[PIXELS];
        outBytes512 = new byte[512 * 512];
        outFloats512 = new float[512 * 512];
        outFloats6 = new float[PIXELS6];
        outBytes170 = new byte[170 * 170];
        hist8 = new long[256];
        hist16 = new long[65536];
        cm10 = new long[(CLASSES + 1) * (CLASSES + 1)];
        cm255 = new long[256 * 256];
    }

    /** Reflectance-like floats in 0..0.6 with 1% NaN. */
    private static float[] reflectance(Gen g, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = g.chance(0.01) ? Float.NaN : (float) (g.nextDouble() * 0.6);
        }
        return a;
    }

    // ------------------------------------------------------------------------------------------- remap

    @Benchmark
    public byte[] remapU8() {
        Kernels.remap(bytes, lut8, outBytes);
        return outBytes;
    }

    /** Codes anywhere in 0..65535. */
    @Benchmark
    public byte[] remapU16() {
        Kernels.remap(shorts, lut16, outBytes);
        return outBytes;
    }

    /** uint16 labels whose codes are below 256 (0..199). */
    @Benchmark
    public byte[] remapU16SmallCodes() {
        Kernels.remap(shortCodes, lut16, outBytes);
        return outBytes;
    }

    // ------------------------------------------------------------------------------------------ counting

    /** 10 classes drawn independently per pixel (no spatial structure). */
    @Benchmark
    public long[] histogramU8() {
        Kernels.histogram(ref, null, hist8);
        return hist8;
    }

    /** A label map: runs of 20 to 420 pixels of one of 10 classes. */
    @Benchmark
    public long[] histogramU8Runs() {
        Kernels.histogram(labelRuns, null, hist8);
        return hist8;
    }

    @Benchmark
    public long[] histogramU8Masked() {
        Kernels.histogram(bytes, mask, hist8);
        return hist8;
    }

    @Benchmark
    public long[] histogramU16() {
        Kernels.histogram(shorts, null, hist16);
        return hist16;
    }

    @Benchmark
    public long[] confusion10Classes90PercentCorrect() {
        Kernels.confusion(ref, pred90, CLASSES, null, cm10);
        return cm10;
    }

    @Benchmark
    public long[] confusion10ClassesRandom() {
        Kernels.confusion(refRandom, predRandom, CLASSES, null, cm10);
        return cm10;
    }

    @Benchmark
    public long[] confusion255Classes90PercentCorrect() {
        Kernels.confusion(ref255, pred255, 255, null, cm255);
        return cm255;
    }

    @Benchmark
    public long[] confusionU16TenClasses90PercentCorrect() {
        Kernels.confusion(ref16, pred16, CLASSES, null, cm10);
        return cm10;
    }

    // ----------------------------------------------------------------------------------------- band math

    @Benchmark
    public float[] normalizedDifference() {
        Kernels.normalizedDifference(floatA, floatB, outFloats);
        return outFloats;
    }

    @Benchmark
    public float[] normalizedDifferenceU16() {
        Kernels.normalizedDifference(dnA, dnB, outFloats);
        return outFloats;
    }

    @Benchmark
    public float[] scaleOffsetU16() {
        Kernels.scaleOffset(dnA, 1e-4f, -0.1f, outFloats);
        return outFloats;
    }

    @Benchmark
    public float[] scaleOffsetF32() {
        Kernels.scaleOffset(floatA, 10000f, 1000f, outFloats);
        return outFloats;
    }

    @Benchmark
    public float[] standardize() {
        Kernels.standardize(floatA, 0.3f, 0.17f, outFloats);
        return outFloats;
    }

    @Benchmark
    public byte[] toUint8() {
        Kernels.toUint8(floatA, outBytes);
        return outBytes;
    }

    @Benchmark
    public short[] toUint16() {
        Kernels.toUint16(floatA, outShorts);
        return outShorts;
    }

    @Benchmark
    public byte[] uint16ToUint8() {
        Kernels.toUint8(shorts, outBytes);
        return outBytes;
    }

    // --------------------------------------------------------------------------------------------- masks

    @Benchmark
    public byte[] validMaskU8() {
        Kernels.validMask(bytes, 0, outBytes);
        return outBytes;
    }

    @Benchmark
    public byte[] validMaskU16() {
        Kernels.validMask(shorts, 0, outBytes);
        return outBytes;
    }

    @Benchmark
    public byte[] validMaskF32() {
        Kernels.validMask(floatA, -9999f, outBytes);
        return outBytes;
    }

    @Benchmark
    public byte[] inSetMaskU8() {
        Kernels.inSetMask(bytes, lut8, outBytes);
        return outBytes;
    }

    @Benchmark
    public long countValid() {
        return Kernels.countValid(mask);
    }

    // ---------------------------------------------------------------------------------------- statistics

    @Benchmark
    public Object statisticsU8() {
        return Kernels.statistics(bytes, null);
    }

    @Benchmark
    public Object statisticsU16Masked() {
        return Kernels.statistics(shorts, mask);
    }

    @Benchmark
    public Object statisticsF32() {
        return Kernels.statistics(floatA, null);
    }

    @Benchmark
    public Object percentilesU16() {
        return Kernels.percentiles(shorts, null, 2, 98);
    }

    @Benchmark
    public Object percentilesF32() {
        return Kernels.percentiles(floatA, null, 2, 98);
    }

    // ---------------------------------------------------------------------------------------- resampling

    @Benchmark
    public byte[] upsampleU8x2() {
        Kernels.upsample(labels512, 512, 512, 2, outBytes);
        return outBytes;
    }

    @Benchmark
    public short[] upsampleU16x2() {
        Kernels.upsample(dn512, 512, 512, 2, outShorts);
        return outShorts;
    }

    @Benchmark
    public float[] upsampleF32x2() {
        Kernels.upsample(float512, 512, 512, 2, outFloats);
        return outFloats;
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS6)
    public float[] upsampleF32x6() {
        Kernels.upsample(float170, 170, 170, 6, outFloats6);
        return outFloats6;
    }

    @Benchmark
    public byte[] downsampleModeX2() {
        Kernels.downsampleMode(ref, SIDE, SIDE, 2, -1, outBytes512);
        return outBytes512;
    }

    @Benchmark
    @OperationsPerInvocation(PIXELS6)
    public byte[] downsampleModeX6() {
        Kernels.downsampleMode(labels1020, 1020, 1020, 6, 0, outBytes170);
        return outBytes170;
    }

    @Benchmark
    public float[] downsampleMeanX2() {
        Kernels.downsampleMean(floatA, SIDE, SIDE, 2, outFloats512);
        return outFloats512;
    }
}
