package org.landcover4j.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.raster.Window;
import org.landcover4j.io.DecodeLimits;

/**
 * The seeded mutation fuzzer behind {@link GeoTiffFuzzTest}, run in its own small-heap JVM.
 *
 * <p>Usage: {@code GeoTiffFuzz SEED CASES SEED_DIR WORK_DIR}. Each case takes one valid file from SEED_DIR, applies
 * 1 to 8 mutations (half the cases at most 2, to get deeper into the decoder): bit flips, interesting values in
 * bytes and words, targeted edits of IFD entries, truncation, block copies, writes it to WORK_DIR and probes it, reads it fully, reads a random window of random bands and
 * its first overview. The only acceptable outcomes are success and {@link InvalidDataException}; any other
 * exception or error (out-of-memory included) is printed with the case number and the JVM exits with 1. A watchdog
 * exits with 2 when one case runs longer than 10 s. The last line is a summary:
 * {@code FUZZ cases=.. ok=.. invalid=.. maxMillis=.. slowest=..}.
 */
public final class GeoTiffFuzz {
    private GeoTiffFuzz() {
    }

    private static final int[] INTERESTING_INTS = {0, 1, -1, 2, 7, 8, 15, 16, 255, 256, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
        0x7FFFFFFF, 0x80000000, 0xFFFFFFF0, 1 << 20, 1 << 24, 3, 4, 5, 32946, 32773, 50000};
    private static final int[] TAGS = {256, 257, 258, 259, 262, 273, 277, 278, 279, 284, 317, 320, 322, 323, 324, 325,
        330, 338, 339, 33550, 33922, 34264, 34735, 34736, 34737, 42112, 42113, 254};

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        int cases = Integer.parseInt(args[1]);
        Path seeds = Path.of(args[2]);
        Path work = Path.of(args[3]);
        List<byte[]> corpus = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (var s = Files.list(seeds)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".tif")).sorted().toList()) {
                corpus.add(Files.readAllBytes(p));
                names.add(p.getFileName().toString());
            }
        }
        if (corpus.isEmpty()) {
            throw new IllegalStateException("no .tif seeds in " + seeds);
        }
        DecodeLimits limits = DecodeLimits.defaults();
        AtomicLong caseStart = new AtomicLong(System.nanoTime());
        AtomicReference<String> current = new AtomicReference<>("");
        Thread watchdog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() - caseStart.get() > 10_000_000_000L) {
                    System.out.println("HANG: " + current.get() + " ran for more than 10 s");
                    System.out.flush();
                    Runtime.getRuntime().halt(2);
                }
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        SplittableRandom rnd = new SplittableRandom(seed);
        int ok = 0;
        int invalid = 0;
        long maxNanos = 0;
        String slowest = "";
        Path file = work.resolve("mutant.tif");
        for (int c = 0; c < cases; c++) {
            int pick = rnd.nextInt(corpus.size());
            long caseSeed = rnd.nextLong();
            byte[] mutant = mutate(corpus.get(pick), new SplittableRandom(caseSeed));
            Files.write(file, mutant);
            String label = "case " + c + " (seed " + seed + ", case seed " + caseSeed + ", from " + names.get(pick)
                    + ", " + mutant.length + " bytes)";
            current.set(label);
            long t0 = System.nanoTime();
            caseStart.set(t0);
            try {
                exercise(file, limits, new SplittableRandom(caseSeed ^ 0x5DEECE66DL));
                ok++;
            } catch (InvalidDataException e) {
                if (!e.getMessage().startsWith(file + ": ")) {
                    fail(label, mutant, work, new AssertionError("message does not name the file: " + e.getMessage()));
                }
                invalid++;
            } catch (Throwable t) {
                fail(label, mutant, work, t);
            }
            long dt = System.nanoTime() - t0;
            if (dt > maxNanos) {
                maxNanos = dt;
                slowest = label;
            }
        }
        watchdog.interrupt();
        System.out.printf(Locale.ROOT, "FUZZ cases=%d ok=%d invalid=%d maxMillis=%.1f slowest=%s%n", cases, ok, invalid,
                maxNanos / 1e6, slowest);
    }

    private static void fail(String label, byte[] mutant, Path work, Throwable t) throws IOException {
        Path keep = work.resolve("failure.tif");
        Files.write(keep, mutant);
        System.out.println("FAILURE: " + label + " threw " + t + " (file kept as " + keep + ")");
        t.printStackTrace(System.out);
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }

    private static void exercise(Path file, DecodeLimits limits, SplittableRandom rnd) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(file, limits, WarningListener.ignore())) {
            GeoTiffInfo info = r.info();
            String s = info.toString();
            if (s.isEmpty()) {
                throw new AssertionError("empty toString");
            }
            r.read();
            int x = rnd.nextInt(r.width());
            int y = rnd.nextInt(r.height());
            Window w = Window.of(x, y, 1 + rnd.nextInt(r.width() - x), 1 + rnd.nextInt(r.height() - y));
            int[] bands = new int[1 + rnd.nextInt(Math.min(r.bands(), 4))];
            for (int i = 0; i < bands.length; i++) {
                bands[i] = rnd.nextInt(r.bands());
            }
            r.read(w, bands);
            if (r.overviewCount() > 0) {
                r.readOverview(0);
            }
        }
    }

    /** Applies 1..8 random mutations (half the time 1..2) to a copy of {@code seed}. */
    static byte[] mutate(byte[] seed, SplittableRandom rnd) {
        byte[] b = seed.clone();
        int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 2 : 8);
        for (int m = 0; m < n && b.length > 8; m++) {
            switch (rnd.nextInt(8)) {
                case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[rnd.nextInt(b.length)] = (byte) new int[] {0, 0xFF, 0x7F, 0x80, 1, 0x10}[rnd.nextInt(6)];
                case 2 -> putInt(b, rnd.nextInt(b.length - 3), pickInt(rnd, b.length), rnd.nextBoolean());
                case 3, 4, 5 -> b = mutateEntry(b, rnd);
                case 6 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
                default -> {
                    int len = 1 + rnd.nextInt(Math.min(64, b.length / 2));
                    int from = rnd.nextInt(b.length - len);
                    int to = rnd.nextInt(b.length - len);
                    System.arraycopy(b, from, b, to, len);
                }
            }
        }
        return b;
    }

    private static int pickInt(SplittableRandom rnd, int fileLength) {
        return switch (rnd.nextInt(3)) {
            case 0 -> INTERESTING_INTS[rnd.nextInt(INTERESTING_INTS.length)];
            case 1 -> fileLength + rnd.nextInt(-16, 16);
            default -> rnd.nextInt();
        };
    }

    private static void putInt(byte[] b, int at, int v, boolean little) {
        ByteBuffer.wrap(b).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN).putInt(at, v);
    }

    /** Edits one entry of the first IFD: its tag, type, count or value, aware of the byte order and flavour. */
    private static byte[] mutateEntry(byte[] b, SplittableRandom rnd) {
        if (b.length < 16) {
            return b;
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(b[0] == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        boolean big = bb.getShort(2) == 43;
        long ifd = big ? bb.getLong(8) : bb.getInt(4) & 0xFFFFFFFFL;
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        if (ifd < 8 || ifd + countSize > b.length) {
            return b;
        }
        long count = big ? bb.getLong((int) ifd) : bb.getShort((int) ifd) & 0xFFFF;
        if (count <= 0 || count > 4096) {
            return b;
        }
        int i = rnd.nextInt((int) count);
        long p = ifd + countSize + (long) i * entrySize;
        if (p + entrySize > b.length) {
            return b;
        }
        int at = (int) p;
        switch (rnd.nextInt(5)) {
            case 0 -> bb.putShort(at, (short) TAGS[rnd.nextInt(TAGS.length)]);
            case 1 -> bb.putShort(at + 2, (short) (1 + rnd.nextInt(18)));
            case 2 -> {
                if (big) {
                    bb.putLong(at + 4, pickInt(rnd, b.length) & 0xFFFFFFFFL);
                } else {
                    bb.putInt(at + 4, pickInt(rnd, b.length));
                }
            }
            default -> {
                int v = pickInt(rnd, b.length);
                if (big) {
                    bb.putLong(at + 12, rnd.nextBoolean() ? v & 0xFFFFFFFFL : v);
                } else if ((bb.getShort(at + 2) & 0xFFFF) == 3 && rnd.nextBoolean()) {
                    bb.putShort(at + 8, (short) v);
                } else {
                    bb.putInt(at + 8, v);
                }
            }
        }
        return b;
    }
}
