package org.landcover4j.io.bench;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.landcover4j.io.internal.codec.Inflate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The project's DEFLATE decoder and its Adler-32 on generated data shaped like the datasets': a SEN12MS-like
 * 256 x 256 x 13 uint16 tile after horizontal differencing (noisy 16-bit samples), a 512 x 512 label map with
 * ragged edges (long matches, like PNG labels and label GeoTIFFs), and the Adler-32 of 256 KiB. This class runs
 * the default (scalar) Adler-32; {@link VectorDeflateBench} the Vector API twin.
 *
 * <p>Run: {@code scripts/bench --module io 'DeflateBench'}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DeflateBench {
    private byte[] tile;
    private byte[] tileZ;
    private byte[] label;
    private byte[] labelZ;
    private byte[] out;
    private final Inflate inflate = new Inflate();

    static byte[] zlib(byte[] raw, int level) {
        Deflater d = new Deflater(level);
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            o.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return o.toByteArray();
    }

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(20231121);
        // 13 bands of smooth-ish reflectances with noise, differenced along rows, little-endian
        int w = 256;
        int bands = 13;
        tile = new byte[w * w * bands * 2];
        for (int y = 0; y < w; y++) {
            int[] prev = new int[bands];
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < bands; b++) {
                    int v = 800 + 40 * b + (int) (300 * Math.sin((x + 3 * y + 17 * b) / 40.0)) + r.nextInt(-60, 61);
                    int diff = (v - prev[b]) & 0xFFFF;
                    prev[b] = v;
                    int o = ((y * w + x) * bands + b) * 2;
                    tile[o] = (byte) diff;
                    tile[o + 1] = (byte) (diff >>> 8);
                }
            }
        }
        tileZ = zlib(tile, 6);
        // a 16 x 16 grid of classes upsampled to 512 x 512, each row shifted by -3..3 pixels, 1 filter byte per row
        int n = 512;
        int[][] grid = new int[16][16];
        for (int[] row : grid) {
            for (int i = 0; i < 16; i++) {
                row[i] = r.nextInt(10);
            }
        }
        label = new byte[n * (n + 1)];
        for (int y = 0; y < n; y++) {
            int shift = r.nextInt(-3, 4);
            for (int x = 0; x < n; x++) {
                int sx = Math.floorMod(x - shift, n);
                label[y * (n + 1) + 1 + x] = (byte) grid[y / 32][sx / 32];
            }
        }
        labelZ = zlib(label, 6);
        out = new byte[Math.max(tile.length, label.length) + 16];
    }

    /** Inflates the SEN12MS-like tile (1.7 MB, 16-bit samples: the literal-pair tables' case). */
    @Benchmark
    public int inflateSen12msTile() throws Inflate.CorruptException {
        return inflate.inflate(tileZ, 0, tileZ.length, out, 0, tile.length, true);
    }

    /** Inflates the 512 x 512 label map (256 KiB, long matches). */
    @Benchmark
    public int inflateLabelMap() throws Inflate.CorruptException {
        return inflate.inflate(labelZ, 0, labelZ.length, out, 0, label.length);
    }

    /** Adler-32 of 256 KiB (one PNG label's worth of filtered rows). */
    @Benchmark
    public long adler32() {
        return Inflate.adler32(label, 0, label.length);
    }
}
