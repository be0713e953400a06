package org.landcover4j.core.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The memory baseline: {@code System.arraycopy} of the bytes a kernel reads, for a 1024 x 1024 raster, in ns per
 * pixel. {@code copyU8}: 1 byte per pixel (remap, histogram, masks of uint8); {@code copyTwoU8}: 2 (confusion);
 * {@code copyU16}: 2 (uint16 kernels); {@code copyF32}: 4 (one float band); {@code copyTwoF32}: 8 (normalized
 * difference of two float bands).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(KernelBench.PIXELS)
@Warmup(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
public class CopyBench {

    private static final int N = KernelBench.PIXELS;

    byte[] u8a;
    byte[] u8b;
    byte[] u8out;
    byte[] u8out2;
    short[] u16;
    short[] u16out;
    float[] f32a;
    float[] f32b;
    float[] f32out;
    float[] f32out2;

    @Setup
    public void setup() {
        u8a = new byte[N];
        u8b = new byte[N];
        u8out = new byte[N];
        u8out2 = new byte[N];
        u16 = new short[N];
        u16out = new short[N];
        f32a = new float[N];
        f32b = new float[N];
        f32out = new float[N];
        f32out2 = new float[N];
        for (int i = 0; i < N; i++) {
            u8a[i] = (byte) i;
            u8b[i] = (byte) (i * 7);
            u16[i] = (short) i;
            f32a[i] = i;
            f32b[i] = -i;
        }
    }

    @Benchmark
    public byte[] copyU8() {
        System.arraycopy(u8a, 0, u8out, 0, N);
        return u8out;
    }

    @Benchmark
    public byte[] copyTwoU8() {
        System.arraycopy(u8a, 0, u8out, 0, N);
        System.arraycopy(u8b, 0, u8out2, 0, N);
        return u8out2;
    }

    @Benchmark
    public short[] copyU16() {
        System.arraycopy(u16, 0, u16out, 0, N);
        return u16out;
    }

    @Benchmark
    public float[] copyF32() {
        System.arraycopy(f32a, 0, f32out, 0, N);
        return f32out;
    }

    @Benchmark
    public float[] copyTwoF32() {
        System.arraycopy(f32a, 0, f32out, 0, N);
        System.arraycopy(f32b, 0, f32out2, 0, N);
        return f32out2;
    }
}
