package org.landcover4j.metrics.consensus.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.metrics.consensus.Annotations;
import org.landcover4j.metrics.consensus.ConsensusResult;
import org.landcover4j.metrics.consensus.DawidSkene;
import org.landcover4j.metrics.consensus.Staple;
import org.landcover4j.metrics.consensus.WeightedVote;
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
 * Consensus on 3 annotators x 1024 x 1024 pixels, 7 classes (LandCoverNet's), annotators 92/75/60% accurate.
 *
 * <p>Time per EM iteration = (fit with 11 iterations - fit with 1 iteration) / 10 (tolerance -inf so that both run
 * exactly that many). {@code perPixelEmIteration} is one Dawid-Skene E+M step written per pixel, the cost the
 * tuple aggregation avoids. Iterations to converge are printed once per trial.
 *
 * <pre>
 * mvn -q -B -o -Dlc.build.dir=target-consensus -pl metrics test-compile
 * java --add-modules=jdk.incubator.vector -cp "metrics/target-consensus/test-classes:metrics/target-consensus/classes:$CP" \
 *      org.openjdk.jmh.Main ConsensusBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class ConsensusBenchmark {
    static final int SIZE = 1024;
    static final int CLASSES = 7;

    ByteRaster[] rasters;
    Annotations annotations;
    ConsensusResult dsResult;
    int[][] labelIndex;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        int n = SIZE * SIZE;
        byte[] truth = new byte[n];
        // blocky truth: 16x16 patches of one class
        for (int by = 0; by < SIZE; by += 16) {
            for (int bx = 0; bx < SIZE; bx += 16) {
                byte c = (byte) (1 + rnd.nextInt(CLASSES));
                for (int r = by; r < by + 16; r++) {
                    for (int col = bx; col < bx + 16; col++) {
                        truth[r * SIZE + col] = c;
                    }
                }
            }
        }
        double[] acc = {0.92, 0.75, 0.60};
        rasters = new ByteRaster[3];
        labelIndex = new int[3][n];
        for (int a = 0; a < 3; a++) {
            byte[] l = new byte[n];
            for (int p = 0; p < n; p++) {
                l[p] = rnd.nextDouble() < acc[a] ? truth[p] : (byte) (1 + rnd.nextInt(CLASSES));
                labelIndex[a][p] = l[p] - 1;
            }
            rasters[a] = ByteRaster.wrap(RasterMetadata.of(DataType.UINT8, 1, SIZE, SIZE), l);
        }
        annotations = build();
        dsResult = DawidSkene.fit(annotations, DawidSkene.Options.defaults());
        ConsensusResult one = DawidSkene.fitOneCoin(annotations, DawidSkene.Options.defaults());
        ConsensusResult ml = Staple.multiLabel(annotations, Staple.MultiLabelOptions.defaults());
        ConsensusResult bin = Staple.binary(annotations, Staple.BinaryOptions.foreground(1));
        System.out.printf("tuples=%d; iterations to converge: dawid-skene=%d (converged=%s), one-coin=%d, "
                        + "staple=%d, staple-binary=%d%n", annotations.tuples().size(), dsResult.iterations(),
                dsResult.converged(), one.iterations(), ml.iterations(), bin.iterations());
    }

    Annotations build() {
        return Annotations.builder().add("a", rasters[0]).add("b", rasters[1]).add("c", rasters[2]).build();
    }

    @Benchmark
    public Annotations aggregateTuples() {
        return build();
    }

    @Benchmark
    public ConsensusResult weightedVote() {
        return WeightedVote.of(annotations, 0.92, 0.75, 0.60);
    }

    @Benchmark
    public ConsensusResult dawidSkeneToConvergence() {
        return DawidSkene.fit(annotations, DawidSkene.Options.defaults());
    }

    @Benchmark
    public ConsensusResult dawidSkene1Iteration() {
        return DawidSkene.fit(annotations, new DawidSkene.Options(1, Double.NEGATIVE_INFINITY, 0));
    }

    @Benchmark
    public ConsensusResult dawidSkene11Iterations() {
        return DawidSkene.fit(annotations, new DawidSkene.Options(11, Double.NEGATIVE_INFINITY, 0));
    }

    @Benchmark
    public ConsensusResult stapleToConvergence() {
        return Staple.multiLabel(annotations, Staple.MultiLabelOptions.defaults());
    }

    @Benchmark
    public ConsensusResult staple1Iteration() {
        return Staple.multiLabel(annotations, Staple.MultiLabelOptions.defaults().withMaxIterations(1));
    }

    @Benchmark
    public ConsensusResult staple11Iterations() {
        return Staple.multiLabel(annotations,
                Staple.MultiLabelOptions.defaults().withMaxIterations(11).withTerminationThreshold(Double.MIN_VALUE));
    }

    @Benchmark
    public ConsensusResult stapleBinaryToConvergence() {
        return Staple.binary(annotations, Staple.BinaryOptions.foreground(1));
    }

    @Benchmark
    public Object rastersFromResult() {
        return new Object[] {dsResult.labels(), dsResult.scores(), dsResult.posterior()};
    }

    /** Full pipeline a user runs: aggregate, Dawid-Skene to convergence, label + score + posterior rasters. */
    @Benchmark
    public Object dawidSkenePipeline() {
        ConsensusResult r = DawidSkene.fit(build(), DawidSkene.Options.defaults());
        return new Object[] {r.labels(), r.scores(), r.posterior()};
    }

    /** One Dawid-Skene E step + M step evaluated pixel by pixel (no tuple aggregation), for comparison. */
    @Benchmark
    public double[][] perPixelEmIteration() {
        int n = SIZE * SIZE;
        int k = CLASSES;
        double[][] logErr = new double[3][k * k];
        for (int a = 0; a < 3; a++) {
            for (int e = 0; e < k * k; e++) {
                logErr[a][e] = Math.log(e / k == e % k ? 0.7 : 0.05);
            }
        }
        double[] logPrior = new double[k];
        java.util.Arrays.fill(logPrior, Math.log(1.0 / k));
        double[][] counts = new double[3][k * k];
        double[] post = new double[k];
        for (int p = 0; p < n; p++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double v = logPrior[c];
                for (int a = 0; a < 3; a++) {
                    v += logErr[a][labelIndex[a][p] * k + c];
                }
                post[c] = v;
                max = Math.max(max, v);
            }
            double s = 0;
            for (int c = 0; c < k; c++) {
                post[c] = Math.exp(post[c] - max);
                s += post[c];
            }
            for (int a = 0; a < 3; a++) {
                int row = labelIndex[a][p] * k;
                for (int c = 0; c < k; c++) {
                    counts[a][row + c] += post[c] / s;
                }
            }
        }
        return counts;
    }
}
