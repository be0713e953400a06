package org.landcover4j.metrics.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.landcover4j.metrics.ConfusionAccumulator;
import org.landcover4j.metrics.ConfusionMatrix;
import org.landcover4j.metrics.boundary.BoundaryAccumulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Accumulating one 512 x 512 uint8 label pair (10 classes in blocks, prediction 80% right) through each path of
 * {@link ConfusionAccumulator}, plus the metrics of the result and the boundary metrics, in microseconds per pair.
 *
 * <pre>
 * scripts/bench --module metrics ConfusionBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConfusionBenchmark {
    static final int SIZE = 512;

    byte[] ref;
    byte[] pred;
    short[] ref16;
    short[] pred16;
    int[] refInt;
    int[] predInt;
    ConfusionAccumulator discovering;
    ConfusionAccumulator identity;
    ConfusionAccumulator list;
    ConfusionAccumulator ignoring;
    ConfusionMatrix matrix;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = SIZE * SIZE;
        ref = new byte[n];
        pred = new byte[n];
        int[] coarse = new int[16 * 16];
        for (int i = 0; i < coarse.length; i++) {
            coarse[i] = rnd.nextInt(10);
        }
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                ref[y * SIZE + x] = (byte) coarse[(y / 32) * 16 + x / 32];
            }
        }
        for (int by = 0; by < SIZE; by += 8) {
            for (int bx = 0; bx < SIZE; bx += 8) {
                boolean flip = rnd.nextDouble() < 0.2;
                int v = rnd.nextInt(10);
                for (int y = by; y < by + 8; y++) {
                    for (int x = bx; x < bx + 8; x++) {
                        pred[y * SIZE + x] = flip ? (byte) v : ref[y * SIZE + x];
                    }
                }
            }
        }
        ref16 = new short[n];
        pred16 = new short[n];
        refInt = new int[n];
        predInt = new int[n];
        for (int i = 0; i < n; i++) {
            ref16[i] = ref[i];
            pred16[i] = pred[i];
            refInt[i] = ref[i];
            predInt[i] = pred[i];
        }
        discovering = ConfusionAccumulator.discovering();
        identity = ConfusionAccumulator.forClasses(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        list = ConfusionAccumulator.forClasses(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        ignoring = ConfusionAccumulator.builder().classes(1, 2, 3, 4, 5, 6, 7, 8, 9).ignore(0).build();
        matrix = identity.emptyCopy().add(ref, pred).result();
    }

    /** uint8, class set discovered from the data (what {@code landcover evaluate} uses). */
    @Benchmark
    public ConfusionAccumulator u8Discovering() {
        return discovering.add(ref, pred);
    }

    /** uint8, declared classes 0..9: the kernel straight on the labels. */
    @Benchmark
    public ConfusionAccumulator u8DeclaredIdentity() {
        return identity.add(ref, pred);
    }

    /** uint8, declared classes in another order: remap to positions, then the kernel. */
    @Benchmark
    public ConfusionAccumulator u8DeclaredList() {
        return list.add(ref, pred);
    }

    /** uint8, declared classes 1..9 with 0 ignored (a tenth of the pixels). */
    @Benchmark
    public ConfusionAccumulator u8Ignoring() {
        return ignoring.add(ref, pred);
    }

    /** uint16, declared classes 0..9. */
    @Benchmark
    public ConfusionAccumulator u16DeclaredIdentity() {
        return identity.add(ref16, pred16);
    }

    /** int32 (the general lookup path). */
    @Benchmark
    public ConfusionAccumulator intDeclared() {
        return identity.add(refInt, predInt);
    }

    /** Every metric of a 10-class matrix (per class, means, kappa, MCC, Pontius). */
    @Benchmark
    public double allMetrics() {
        return matrix.meanIoU() + matrix.kappa() + matrix.mcc() + matrix.pontius().allocation()
                + matrix.frequencyWeightedIoU() + matrix.balancedAccuracy() + matrix.classMetrics().size();
    }

    /** Boundary IoU (d = 2% of the diagonal = 14 px) and boundary F1 (theta = 0.75% = 5.4 px) of one pair. */
    @Benchmark
    public BoundaryAccumulator boundary() {
        return BoundaryAccumulator.builder().build().add(refInt, predInt, SIZE, SIZE);
    }
}
