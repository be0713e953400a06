package org.landcover4j.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import org.landcover4j.core.kernel.Kernels;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;

/**
 * Accumulates a {@link ConfusionMatrix} straight from label arrays or rasters, tile by tile, with the SIMD
 * confusion kernel ({@link Kernels#confusion}).
 *
 * <p><b>Class set:</b> either declared ({@link #forClasses(int...)}, {@link Builder#classes(int...)}), in which case
 * rows and columns follow that list, or discovered ({@link #discovering()}): the result is over the sorted values
 * present in the counted pixels.
 *
 * <p><b>Ignore and nodata:</b> reference pixels whose value is an ignore value, or the reference raster's declared
 * nodata (unless {@link Builder#honourNodata(boolean)} is off), are skipped on both sides and counted in
 * {@link ConfusionMatrix#ignoredPixels()}. Ignore values apply to the reference only: a prediction equal to an
 * ignore value at a valid pixel is an ordinary (out-of-range) prediction.
 *
 * <p><b>Out-of-range labels:</b> with a declared class set, a pixel whose reference or prediction is not a class is
 * left out of the matrix and reported with its values in {@link ConfusionMatrix#outOfRange()}, never dropped
 * silently. In strict mode ({@link Builder#strict(boolean)}) it is an error instead: a
 * {@link LabelOutOfRangeException} naming the side, value and pixel, and the accumulator is left unchanged.
 *
 * <p><b>Merging:</b> accumulators over the same class set merge ({@link #merge(ConfusionAccumulator)}), and so do
 * matrices from elsewhere ({@link #merge(ConfusionMatrix)}): give each thread or tile its own accumulator, then
 * merge; the order does not matter.
 *
 * <p>Thread safety: not thread-safe; use one accumulator per thread and merge.
 *
 * {@snippet :
 * var acc = ConfusionAccumulator.builder().classes(0, 1, 2, 3, 4, 5, 6, 7, 8).ignore(255).build();
 * for (var sample : samples) {
 *     acc.add(sample.reference(), sample.prediction());   // rasters; band 0; reference nodata excluded
 * }
 * ConfusionMatrix cm = acc.result();
 * }
 */
public final class ConfusionAccumulator {

    private static final int CHUNK = 1 << 16;

    private final Config config;

    // declared class set: k*k counts
    private final long[] counts;
    // discovered class set: a full 256x256 matrix for uint8 input, a growing dense matrix for everything else
    private long[] full8;
    private long full8Total;
    private int n8;
    private int[] dynValues = new int[0];
    private long[] dynCounts = new long[0];
    private int dynCap;
    private int[] dynPos16;
    private Map<Integer, Integer> dynPosOther;

    private long ignored;
    private long oorPixels;
    private final TreeMap<Long, Long> oorRef = new TreeMap<>();
    private final TreeMap<Long, Long> oorPred = new TreeMap<>();

    // scratch, allocated on first use
    private long[] scratch;
    private byte[] bufR;
    private byte[] bufP;
    private int[] ibufR;
    private int[] ibufP;
    private long cachedNodata = Long.MIN_VALUE;
    private boolean cachedHasNodata;
    private byte[] cachedIgnore8;
    private byte[] cachedIgnore16;
    private byte[] cachedRefLut8;
    private byte[] cachedRefLut16;

    private ConfusionAccumulator(Config config) {
        this.config = config;
        this.counts = config.classes == null ? null : new long[config.k * config.k];
    }

    /** An accumulator over the declared class values (in this order), no ignore values, lenient. */
    public static ConfusionAccumulator forClasses(int... classValues) {
        return builder().classes(classValues).build();
    }

    /** An accumulator whose class set is the sorted values present in the counted pixels. */
    public static ConfusionAccumulator discovering() {
        return builder().build();
    }

    /** A builder: class set, ignore values, strictness, nodata handling. */
    public static Builder builder() {
        return new Builder();
    }

    /** A new, empty accumulator with the same configuration (for another thread or tile). */
    public ConfusionAccumulator emptyCopy() {
        return new ConfusionAccumulator(config);
    }

    /**
     * Configures a {@link ConfusionAccumulator}.
     *
     * <p>Not thread-safe; each {@link #build()} gives an independent accumulator.
     *
     * {@snippet :
     * var acc = ConfusionAccumulator.builder()
     *         .classes(1, 2, 3, 4, 5, 6, 7, 8)
     *         .classNames(List.of("bareland", "rangeland", "developed", "road", "tree", "water", "agriculture", "building"))
     *         .ignore(0)
     *         .strict(true)
     *         .build();
     * }
     */
    public static final class Builder {
        private int[] classes;
        private List<String> names;
        private final TreeSet<Long> ignore = new TreeSet<>();
        private boolean strict;
        private boolean honourNodata = true;

        private Builder() {
        }

        /** Declares the class values, in row/column order; without it the class set is discovered. */
        public Builder classes(int... classValues) {
            this.classes = classValues.clone();
            return this;
        }

        /** Names for the declared classes, one per class. */
        public Builder classNames(List<String> classNames) {
            this.names = List.copyOf(classNames);
            return this;
        }

        /** Adds reference values whose pixels are skipped (for example 255 or 0 = unlabelled). */
        public Builder ignore(long... values) {
            for (long v : values) {
                ignore.add(v);
            }
            return this;
        }

        /** Whether a label outside the declared class set is an error (default: counted and reported). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Whether the reference raster's declared nodata is skipped like an ignore value (default true). */
        public Builder honourNodata(boolean honour) {
            this.honourNodata = honour;
            return this;
        }

        /**
         * Builds the accumulator.
         *
         * @throws IllegalArgumentException if class values repeat or names do not match the classes
         */
        public ConfusionAccumulator build() {
            return new ConfusionAccumulator(new Config(classes, names, ignore.stream().mapToLong(Long::longValue)
                    .toArray(), strict, honourNodata));
        }
    }

    /** Immutable configuration and the lookup tables derived from it, shared by copies. */
    private static final class Config {
        final int[] classes;          // null = discovering
        final List<String> names;
        final long[] ignore;          // sorted
        final boolean strict;
        final boolean honourNodata;
        final int k;
        final boolean identity;       // classes == 0..k-1
        final int[] pos16;            // value 0..65535 -> position or -1 (declared set only)
        final Map<Integer, Integer> posOther;
        final byte[] ignore8;
        final byte[] ignore16;
        final byte[] refLut8;         // class -> position, ignored -> k, other -> k+1 (k <= 253)
        final byte[] predLut8;
        final byte[] refLut16;
        final byte[] predLut16;
        final byte[] sentinelIgnore;  // ignores position k

        Config(int[] classes, List<String> names, long[] ignore, boolean strict, boolean honourNodata) {
            this.classes = classes;
            this.ignore = ignore;
            this.strict = strict;
            this.honourNodata = honourNodata;
            this.ignore8 = new byte[256];
            this.ignore16 = new byte[65536];
            for (long v : ignore) {
                if (v >= 0 && v < 256) {
                    ignore8[(int) v] = 1;
                }
                if (v >= 0 && v < 65536) {
                    ignore16[(int) v] = 1;
                }
            }
            if (classes == null) {
                if (names != null) {
                    throw new IllegalArgumentException("class names need declared classes (Builder.classes)");
                }
                this.names = null;
                k = 0;
                identity = false;
                pos16 = null;
                posOther = null;
                refLut8 = predLut8 = refLut16 = predLut16 = sentinelIgnore = null;
                return;
            }
            k = classes.length;
            if (k == 0) {
                throw new IllegalArgumentException("declare at least one class value (or none at all to discover them)");
            }
            if (names != null && names.size() != k) {
                throw new IllegalArgumentException("need one class name per class (" + k + "), got " + names.size());
            }
            this.names = names;
            pos16 = new int[65536];
            Arrays.fill(pos16, -1);
            posOther = new HashMap<>();
            boolean id = true;
            for (int i = 0; i < k; i++) {
                int v = classes[i];
                id &= v == i;
                boolean dup = v >= 0 && v < 65536 ? pos16[v] >= 0 : posOther.containsKey(v);
                if (dup) {
                    throw new IllegalArgumentException("class values must be distinct, " + v + " appears twice in "
                            + Arrays.toString(classes));
                }
                if (v >= 0 && v < 65536) {
                    pos16[v] = i;
                } else {
                    posOther.put(v, i);
                }
            }
            identity = id;
            if (k <= 253) {
                refLut8 = new byte[256];
                predLut8 = new byte[256];
                refLut16 = new byte[65536];
                predLut16 = new byte[65536];
                for (int v = 0; v < 65536; v++) {
                    int p = pos16[v];
                    byte ref = (byte) (ignore16[v] != 0 ? k : p >= 0 ? p : k + 1);
                    byte pred = (byte) (p >= 0 ? p : k + 1);
                    refLut16[v] = ref;
                    predLut16[v] = pred;
                    if (v < 256) {
                        refLut8[v] = ref;
                        predLut8[v] = pred;
                    }
                }
                sentinelIgnore = new byte[256];
                sentinelIgnore[k] = 1;
            } else {
                refLut8 = predLut8 = refLut16 = predLut16 = sentinelIgnore = null;
            }
        }

        int position(long v) {
            if (v >= 0 && v < 65536) {
                return pos16[(int) v];
            }
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                return -1;
            }
            Integer p = posOther.get((int) v);
            return p == null ? -1 : p;
        }

        boolean ignored(long v, boolean hasNodata, long nodata) {
            if (hasNodata && v == nodata) {
                return true;
            }
            if (v >= 0 && v < 65536) {
                return ignore16[(int) v] != 0;
            }
            return Arrays.binarySearch(ignore, v) >= 0;
        }

        String classSet() {
            if (classes.length <= 20) {
                return Arrays.toString(classes);
            }
            return Arrays.toString(Arrays.copyOf(classes, 20)).replace("]", ", ... (" + classes.length + " classes)]");
        }
    }

    // ------------------------------------------------------------------------------------------- rasters

    /**
     * Adds band 0 of two label rasters; the reference's nodata for that band is skipped (see the class comment).
     *
     * @throws IllegalArgumentException if sizes differ, a raster is not of an integer type, or (strict mode) a
     *                                  label is outside the class set
     */
    public ConfusionAccumulator add(Raster reference, Raster prediction) {
        return add(reference, prediction, 0);
    }

    /**
     * Adds one band (0-based) of two label rasters.
     *
     * @throws IllegalArgumentException if sizes differ, the band does not exist, a raster is not of an integer type,
     *                                  or (strict mode) a label is outside the class set
     */
    public ConfusionAccumulator add(Raster reference, Raster prediction, int band) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(prediction, "prediction");
        if (reference.width() != prediction.width() || reference.height() != prediction.height()) {
            throw new IllegalArgumentException("reference is " + reference.width() + "x" + reference.height()
                    + " pixels but prediction is " + prediction.width() + "x" + prediction.height());
        }
        checkBand(reference, band, "reference");
        checkBand(prediction, band, "prediction");
        checkInteger(reference, "reference");
        checkInteger(prediction, "prediction");
        OptionalDouble nd = config.honourNodata ? reference.metadata().nodata().get(band) : OptionalDouble.empty();
        boolean hasNodata = false;
        long nodata = 0;
        if (nd.isPresent()) {
            double v = nd.getAsDouble();
            if (v == Math.rint(v) && Math.abs(v) < 9e15) {
                hasNodata = true;
                nodata = (long) v;
            }
        }
        int n = reference.metadata().pixelsPerBand();
        if (reference instanceof ByteRaster r && prediction instanceof ByteRaster p
                && r.dataType() == DataType.UINT8 && p.dataType() == DataType.UINT8) {
            addU8(r.unsafeBandArray(band), 0, p.unsafeBandArray(band), 0, n, hasNodata, nodata);
        } else if (reference instanceof ShortRaster r && prediction instanceof ShortRaster p
                && r.dataType() == DataType.UINT16 && p.dataType() == DataType.UINT16) {
            addU16(r.unsafeBandArray(band), 0, p.unsafeBandArray(band), 0, n, hasNodata, nodata);
        } else {
            addMixed(reference, prediction, band, n, hasNodata, nodata);
        }
        return this;
    }

    private static void checkBand(Raster r, int band, String what) {
        if (band < 0 || band >= r.bands()) {
            throw new IllegalArgumentException(what + " has " + r.bands() + (r.bands() == 1 ? " band" : " bands")
                    + ", band index " + band + " does not exist");
        }
    }

    private static void checkInteger(Raster r, String what) {
        if (!r.dataType().isInteger()) {
            throw new IllegalArgumentException(what + " labels must be integers, got " + r.dataType().id());
        }
    }

    // ---------------------------------------------------------------------------------------- arrays

    /** Adds two uint8 label arrays of equal length. */
    public ConfusionAccumulator add(byte[] reference, byte[] prediction) {
        sameLength(reference.length, prediction.length);
        addU8(reference, 0, prediction, 0, reference.length, false, 0);
        return this;
    }

    /** Adds {@code len} uint8 labels from each array starting at the given offsets (a tile of a larger band). */
    public ConfusionAccumulator add(byte[] reference, int refOff, byte[] prediction, int predOff, int len) {
        Objects.checkFromIndexSize(refOff, len, reference.length);
        Objects.checkFromIndexSize(predOff, len, prediction.length);
        addU8(reference, refOff, prediction, predOff, len, false, 0);
        return this;
    }

    /** Adds two uint16 label arrays of equal length. */
    public ConfusionAccumulator add(short[] reference, short[] prediction) {
        sameLength(reference.length, prediction.length);
        addU16(reference, 0, prediction, 0, reference.length, false, 0);
        return this;
    }

    /** Adds two int label arrays of equal length (signed 32-bit values). */
    public ConfusionAccumulator add(int[] reference, int[] prediction) {
        sameLength(reference.length, prediction.length);
        addInts(reference, 0, false, prediction, 0, false, reference.length, false, 0, 0);
        return this;
    }

    private static void sameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("reference has " + a + " pixels but prediction has " + b);
        }
    }

    // ------------------------------------------------------------------------------------------ uint8

    private void addU8(byte[] ref, int rOff, byte[] pred, int pOff, int len, boolean hasNodata, long nodata) {
        if (len == 0) {
            return;
        }
        byte[] ign = ignore8(hasNodata, nodata);
        if (config.classes == null) {
            addU8Discovering(ref, rOff, pred, pOff, len, ign, hasNodata, nodata);
            return;
        }
        int k = config.k;
        if (config.identity && k <= 255) {
            long[] s = scratch((k + 1) * (k + 1));
            Kernels.confusion(ref, rOff, pred, pOff, len, k, ign, s);
            fold(s, k + 1, k, len, () -> scanU8(ref, rOff, pred, pOff, len, hasNodata, nodata));
        } else if (k <= 253) {
            long[] s = scratch((k + 2) * (k + 2));
            byte[] refLut = refLut8(hasNodata, nodata);
            byte[] rb = bufR();
            byte[] pb = bufP();
            for (int off = 0; off < len; off += CHUNK) {
                int n = Math.min(CHUNK, len - off);
                Kernels.remap(ref, rOff + off, refLut, rb, 0, n);
                Kernels.remap(pred, pOff + off, config.predLut8, pb, 0, n);
                Kernels.confusion(rb, 0, pb, 0, n, k + 1, config.sentinelIgnore, s);
            }
            fold(s, k + 2, k + 1, len, () -> scanU8(ref, rOff, pred, pOff, len, hasNodata, nodata));
        } else {
            int[] ir = ibufR();
            int[] ip = ibufP();
            for (int off = 0; off < len; off += CHUNK) {
                int n = Math.min(CHUNK, len - off);
                for (int i = 0; i < n; i++) {
                    ir[i] = ref[rOff + off + i] & 0xFF;
                    ip[i] = pred[pOff + off + i] & 0xFF;
                }
                addInts(ir, 0, false, ip, 0, false, n, hasNodata, nodata, off);
            }
        }
    }

    /**
     * Discovered class set, uint8: counts with {@code numClasses = n8}, one more than the largest value seen, so that
     * label maps with few classes take the kernel's fast path; a larger value (seen in the out-of-range bin) raises
     * {@code n8} and the call is counted again (at most a few times per accumulator).
     */
    private void addU8Discovering(byte[] ref, int rOff, byte[] pred, int pOff, int len, byte[] ign,
                                  boolean hasNodata, long nodata) {
        if (full8 == null) {
            full8 = new long[256 * 256];
        }
        if (n8 == 0) {
            // the first call: find the class range before counting, rather than counting once for nothing
            n8 = Math.min(255, maxU8(ref, rOff, pred, pOff, len, hasNodata, nodata) + 1);
        }
        while (true) {
            int k = Math.max(1, n8);
            int stride = k + 1;
            long[] s = scratch(stride * stride);
            Kernels.confusion(ref, rOff, pred, pOff, len, k, ign, s);
            long oor = 0;
            long sum = 0;
            for (int i = 0; i < stride; i++) {
                for (int j = 0; j < stride; j++) {
                    long c = s[i * stride + j];
                    sum += c;
                    if (i == k || j == k) {
                        oor += c;
                    }
                }
            }
            if (oor > 0 && k < 255) {
                n8 = Math.min(255, maxU8(ref, rOff, pred, pOff, len, hasNodata, nodata) + 1);
                continue;
            }
            // bin k is value k exactly when k == 255, and empty otherwise
            for (int i = 0; i < stride; i++) {
                for (int j = 0; j < stride; j++) {
                    full8[i * 256 + j] += s[i * stride + j];
                }
            }
            full8Total += sum;
            ignored += len - sum;
            return;
        }
    }

    /** The largest reference or prediction value at pixels whose reference is not ignored (0 when there are none). */
    private int maxU8(byte[] ref, int rOff, byte[] pred, int pOff, int len, boolean hasNodata, long nodata) {
        int max = 0;
        for (int i = 0; i < len; i++) {
            int r = ref[rOff + i] & 0xFF;
            if (!config.ignored(r, hasNodata, nodata)) {
                max = Math.max(max, Math.max(r, pred[pOff + i] & 0xFF));
            }
        }
        return max;
    }

    private void scanU8(byte[] ref, int rOff, byte[] pred, int pOff, int len, boolean hasNodata, long nodata) {
        for (int i = 0; i < len; i++) {
            int r = ref[rOff + i] & 0xFF;
            if (config.ignored(r, hasNodata, nodata)) {
                continue;
            }
            noteOutOfRange(r, pred[pOff + i] & 0xFF, i);
        }
    }

    // ----------------------------------------------------------------------------------------- uint16

    private void addU16(short[] ref, int rOff, short[] pred, int pOff, int len, boolean hasNodata, long nodata) {
        if (len == 0) {
            return;
        }
        int k = config.k;
        if (config.classes != null && config.identity && k <= 4095) {
            long[] s = scratch((k + 1) * (k + 1));
            Kernels.confusion(ref, rOff, pred, pOff, len, k, ignore16(hasNodata, nodata), s);
            fold(s, k + 1, k, len, () -> scanU16(ref, rOff, pred, pOff, len, hasNodata, nodata));
        } else if (config.classes != null && k <= 253) {
            long[] s = scratch((k + 2) * (k + 2));
            byte[] refLut = refLut16(hasNodata, nodata);
            byte[] rb = bufR();
            byte[] pb = bufP();
            for (int off = 0; off < len; off += CHUNK) {
                int n = Math.min(CHUNK, len - off);
                Kernels.remap(ref, rOff + off, refLut, rb, 0, n);
                Kernels.remap(pred, pOff + off, config.predLut16, pb, 0, n);
                Kernels.confusion(rb, 0, pb, 0, n, k + 1, config.sentinelIgnore, s);
            }
            fold(s, k + 2, k + 1, len, () -> scanU16(ref, rOff, pred, pOff, len, hasNodata, nodata));
        } else {
            int[] ir = ibufR();
            int[] ip = ibufP();
            for (int off = 0; off < len; off += CHUNK) {
                int n = Math.min(CHUNK, len - off);
                for (int i = 0; i < n; i++) {
                    ir[i] = ref[rOff + off + i] & 0xFFFF;
                    ip[i] = pred[pOff + off + i] & 0xFFFF;
                }
                addInts(ir, 0, false, ip, 0, false, n, hasNodata, nodata, off);
            }
        }
    }

    private void scanU16(short[] ref, int rOff, short[] pred, int pOff, int len, boolean hasNodata, long nodata) {
        for (int i = 0; i < len; i++) {
            int r = ref[rOff + i] & 0xFFFF;
            if (config.ignored(r, hasNodata, nodata)) {
                continue;
            }
            noteOutOfRange(r, pred[pOff + i] & 0xFFFF, i);
        }
    }

    // ------------------------------------------------------------------------------------- other types

    private void addMixed(Raster reference, Raster prediction, int band, int n, boolean hasNodata, long nodata) {
        boolean uRef = reference.dataType() == DataType.UINT32;
        boolean uPred = prediction.dataType() == DataType.UINT32;
        int[] ir = ibufR();
        int[] ip = ibufP();
        for (int off = 0; off < n; off += CHUNK) {
            int len = Math.min(CHUNK, n - off);
            toInts(reference, band, off, len, ir);
            toInts(prediction, band, off, len, ip);
            addInts(ir, 0, uRef, ip, 0, uPred, len, hasNodata, nodata, off);
        }
    }

    private static void toInts(Raster r, int band, int off, int len, int[] dst) {
        switch (r) {
            case ByteRaster b -> {
                byte[] a = b.unsafeBandArray(band);
                if (b.dataType() == DataType.UINT8) {
                    for (int i = 0; i < len; i++) {
                        dst[i] = a[off + i] & 0xFF;
                    }
                } else {
                    for (int i = 0; i < len; i++) {
                        dst[i] = a[off + i];
                    }
                }
            }
            case ShortRaster s -> {
                short[] a = s.unsafeBandArray(band);
                if (s.dataType() == DataType.UINT16) {
                    for (int i = 0; i < len; i++) {
                        dst[i] = a[off + i] & 0xFFFF;
                    }
                } else {
                    for (int i = 0; i < len; i++) {
                        dst[i] = a[off + i];
                    }
                }
            }
            case IntRaster x -> System.arraycopy(x.unsafeBandArray(band), off, dst, 0, len);
            default -> throw new IllegalArgumentException("labels must be integers, got " + r.dataType().id());
        }
    }

    /**
     * The general path: positions by lookup. {@code unsigned*} marks uint32 input, whose negative ints are values of
     * 2^31 and above (never a class). {@code base} is added to pixel indices in error messages.
     */
    private void addInts(int[] ref, int rOff, boolean uRef, int[] pred, int pOff, boolean uPred, int len,
                         boolean hasNodata, long nodata, long base) {
        if (config.classes == null) {
            addIntsDiscovering(ref, rOff, uRef, pred, pOff, uPred, len, hasNodata, nodata, base);
            return;
        }
        int k = config.k;
        long[] s = scratch(k * k);
        long ign = 0;
        long oor = 0;
        for (int i = 0; i < len; i++) {
            long r = uRef ? Integer.toUnsignedLong(ref[rOff + i]) : ref[rOff + i];
            if (config.ignored(r, hasNodata, nodata)) {
                ign++;
                continue;
            }
            long p = uPred ? Integer.toUnsignedLong(pred[pOff + i]) : pred[pOff + i];
            int pr = config.position(r);
            int pp = config.position(p);
            if (pr < 0 || pp < 0) {
                oor++;
                continue;
            }
            s[pr * k + pp]++;
        }
        if (oor > 0) {
            // validate (strict mode throws) before anything is recorded
            List<long[]> found = new ArrayList<>();
            for (int i = 0; i < len; i++) {
                long r = uRef ? Integer.toUnsignedLong(ref[rOff + i]) : ref[rOff + i];
                if (config.ignored(r, hasNodata, nodata)) {
                    continue;
                }
                long p = uPred ? Integer.toUnsignedLong(pred[pOff + i]) : pred[pOff + i];
                if (config.position(r) < 0 || config.position(p) < 0) {
                    checkStrict(r, p, base + i);
                    found.add(new long[] {r, p});
                }
            }
            for (long[] rp : found) {
                record(rp[0], rp[1]);
            }
        }
        for (int i = 0; i < k * k; i++) {
            counts[i] += s[i];
        }
        ignored += ign;
    }

    private void addIntsDiscovering(int[] ref, int rOff, boolean uRef, int[] pred, int pOff, boolean uPred, int len,
                                    boolean hasNodata, long nodata, long base) {
        for (int i = 0; i < len; i++) {
            long r = uRef ? Integer.toUnsignedLong(ref[rOff + i]) : ref[rOff + i];
            if (config.ignored(r, hasNodata, nodata)) {
                ignored++;
                continue;
            }
            long p = uPred ? Integer.toUnsignedLong(pred[pOff + i]) : pred[pOff + i];
            if (r > Integer.MAX_VALUE || p > Integer.MAX_VALUE) {
                // uint32 values above 2^31 - 1 cannot be class values
                checkStrictDiscovering(r, p, base + i);
                record(r > Integer.MAX_VALUE ? r : Long.MIN_VALUE, p > Integer.MAX_VALUE ? p : Long.MIN_VALUE);
                continue;
            }
            int pr = dynPosition((int) r);
            int pp = dynPosition((int) p);
            dynCounts[pr * dynCap + pp]++;
        }
    }

    private void checkStrictDiscovering(long r, long p, long pixel) {
        if (config.strict) {
            boolean refBad = r > Integer.MAX_VALUE;
            throw new LabelOutOfRangeException(refBad ? "reference" : "prediction", refBad ? r : p, pixel,
                    "of 32-bit signed label values");
        }
    }

    private int dynPosition(int v) {
        if (v >= 0 && v < 65536) {
            if (dynPos16 == null) {
                dynPos16 = new int[65536];
                Arrays.fill(dynPos16, -1);
            }
            int p = dynPos16[v];
            if (p < 0) {
                p = newDynValue(v);
                dynPos16[v] = p;
            }
            return p;
        }
        if (dynPosOther == null) {
            dynPosOther = new HashMap<>();
        }
        Integer p = dynPosOther.get(v);
        if (p == null) {
            p = newDynValue(v);
            dynPosOther.put(v, p);
        }
        return p;
    }

    private int newDynValue(int v) {
        int n = dynValues.length;
        if (n == dynCap) {
            int cap = Math.max(8, dynCap * 2);
            long[] grown = new long[Math.multiplyExact(cap, cap)];
            for (int i = 0; i < n; i++) {
                System.arraycopy(dynCounts, i * dynCap, grown, i * cap, n);
            }
            dynCounts = grown;
            dynCap = cap;
        }
        dynValues = Arrays.copyOf(dynValues, n + 1);
        dynValues[n] = v;
        return n;
    }

    // ------------------------------------------------------------------------------------ bookkeeping

    /**
     * Folds a kernel result (stride {@code stride}, out-of-range row/column {@code oorIndex}) into the counts,
     * after the exact out-of-range values were scanned (which throws in strict mode before anything changes).
     */
    private void fold(long[] s, int stride, int oorIndex, int len, Runnable scanOutOfRange) {
        int k = config.k;
        long sum = 0;
        long oor = 0;
        for (int i = 0; i < stride; i++) {
            for (int j = 0; j < stride; j++) {
                long c = s[i * stride + j];
                sum += c;
                if (i == oorIndex || j == oorIndex) {
                    oor += c;
                }
            }
        }
        if (oor > 0) {
            long before = oorPixels;
            scanOutOfRange.run();
            if (oorPixels - before != oor) {
                throw new IllegalStateException("out-of-range scan found " + (oorPixels - before)
                        + " pixels, the kernel " + oor);
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                counts[i * k + j] += s[i * stride + j];
            }
        }
        ignored += len - sum;
    }

    /** In the scan pass: records a pixel if either side is outside the class set (strict: throws first). */
    private void noteOutOfRange(long r, long p, long pixel) {
        if (config.position(r) >= 0 && config.position(p) >= 0) {
            return;
        }
        checkStrict(r, p, pixel);
        record(r, p);
    }

    private void checkStrict(long r, long p, long pixel) {
        if (!config.strict) {
            return;
        }
        boolean refBad = config.position(r) < 0;
        throw new LabelOutOfRangeException(refBad ? "reference" : "prediction", refBad ? r : p, pixel,
                config.classSet());
    }

    /** Records one out-of-range pixel; a side given as Long.MIN_VALUE (or inside the set) is not recorded. */
    private void record(long r, long p) {
        oorPixels++;
        boolean declared = config.classes != null;
        if (r != Long.MIN_VALUE && (!declared || config.position(r) < 0)) {
            oorRef.merge(r, 1L, Long::sum);
        }
        if (p != Long.MIN_VALUE && (!declared || config.position(p) < 0)) {
            oorPred.merge(p, 1L, Long::sum);
        }
    }

    private long[] scratch(int size) {
        if (scratch == null || scratch.length < size) {
            scratch = new long[size];
        }
        long[] s = scratch.length == size ? scratch : (scratch = new long[size]);
        Arrays.fill(s, 0);
        return s;
    }

    private byte[] bufR() {
        return bufR != null ? bufR : (bufR = new byte[CHUNK]);
    }

    private byte[] bufP() {
        return bufP != null ? bufP : (bufP = new byte[CHUNK]);
    }

    private int[] ibufR() {
        return ibufR != null ? ibufR : (ibufR = new int[CHUNK]);
    }

    private int[] ibufP() {
        return ibufP != null ? ibufP : (ibufP = new int[CHUNK]);
    }

    private void nodataCache(boolean hasNodata, long nodata) {
        if (hasNodata != cachedHasNodata || nodata != cachedNodata) {
            cachedHasNodata = hasNodata;
            cachedNodata = nodata;
            cachedIgnore8 = null;
            cachedIgnore16 = null;
            cachedRefLut8 = null;
            cachedRefLut16 = null;
        }
    }

    private byte[] ignore8(boolean hasNodata, long nodata) {
        if (!hasNodata || nodata < 0 || nodata > 255) {
            return config.ignore.length == 0 ? null : config.ignore8;
        }
        nodataCache(hasNodata, nodata);
        if (cachedIgnore8 == null) {
            cachedIgnore8 = config.ignore8.clone();
            cachedIgnore8[(int) nodata] = 1;
        }
        return cachedIgnore8;
    }

    private byte[] ignore16(boolean hasNodata, long nodata) {
        if (!hasNodata || nodata < 0 || nodata > 65535) {
            return config.ignore.length == 0 ? null : config.ignore16;
        }
        nodataCache(hasNodata, nodata);
        if (cachedIgnore16 == null) {
            cachedIgnore16 = config.ignore16.clone();
            cachedIgnore16[(int) nodata] = 1;
        }
        return cachedIgnore16;
    }

    private byte[] refLut8(boolean hasNodata, long nodata) {
        if (!hasNodata || nodata < 0 || nodata > 255) {
            return config.refLut8;
        }
        nodataCache(hasNodata, nodata);
        if (cachedRefLut8 == null) {
            cachedRefLut8 = config.refLut8.clone();
            cachedRefLut8[(int) nodata] = (byte) config.k;
        }
        return cachedRefLut8;
    }

    private byte[] refLut16(boolean hasNodata, long nodata) {
        if (!hasNodata || nodata < 0 || nodata > 65535) {
            return config.refLut16;
        }
        nodataCache(hasNodata, nodata);
        if (cachedRefLut16 == null) {
            cachedRefLut16 = config.refLut16.clone();
            cachedRefLut16[(int) nodata] = (byte) config.k;
        }
        return cachedRefLut16;
    }

    // ----------------------------------------------------------------------------------------- results

    /** Pixels counted so far (in the matrix, excluding ignored and out-of-range pixels). */
    public long pixels() {
        if (counts != null) {
            long s = 0;
            for (long c : counts) {
                s += c;
            }
            return s;
        }
        long s = full8Total;
        for (long c : dynCounts) {
            s += c;
        }
        return s;
    }

    /** Reference pixels skipped so far as ignore values or nodata. */
    public long ignoredPixels() {
        return ignored;
    }

    /** Whether class values are declared (rather than discovered). */
    public boolean hasDeclaredClasses() {
        return config.classes != null;
    }

    /**
     * A snapshot of the matrix accumulated so far (the accumulator can go on). With a discovered class set, the
     * classes are the sorted values present in the counted pixels.
     */
    public ConfusionMatrix result() {
        OutOfRange oor = new OutOfRange(oorPixels, oorRef, oorPred);
        if (counts != null) {
            return ConfusionMatrix.internal(config.classes.clone(), config.names, counts.clone(), ignored, oor);
        }
        TreeSet<Integer> present = new TreeSet<>();
        if (full8 != null) {
            for (int i = 0; i < 256; i++) {
                for (int j = 0; j < 256; j++) {
                    if (full8[i * 256 + j] != 0) {
                        present.add(i);
                        present.add(j);
                    }
                }
            }
        }
        int n = dynValues.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (dynCounts[i * dynCap + j] != 0) {
                    present.add(dynValues[i]);
                    present.add(dynValues[j]);
                }
            }
        }
        int[] v = present.stream().mapToInt(Integer::intValue).toArray();
        int k = v.length;
        long[] c = new long[k * k];
        if (full8 != null) {
            for (int a = 0; a < k && v[a] < 256; a++) {
                for (int b = 0; b < k && v[b] < 256; b++) {
                    if (v[a] >= 0 && v[b] >= 0) {
                        c[a * k + b] += full8[v[a] * 256 + v[b]];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long x = dynCounts[i * dynCap + j];
                if (x != 0) {
                    c[Arrays.binarySearch(v, dynValues[i]) * k + Arrays.binarySearch(v, dynValues[j])] += x;
                }
            }
        }
        return ConfusionMatrix.internal(v, null, c, ignored, oor);
    }

    // ------------------------------------------------------------------------------------------ merging

    /**
     * Adds everything another accumulator counted.
     *
     * @throws IllegalArgumentException if the two do not have the same declared class list (or are not both
     *                                  discovering)
     */
    public ConfusionAccumulator merge(ConfusionAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator into itself");
        }
        if (!Arrays.equals(config.classes, other.config.classes)) {
            throw new IllegalArgumentException("cannot merge accumulators over different class sets: "
                    + describeClasses(config.classes) + " and " + describeClasses(other.config.classes));
        }
        if (counts != null) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = Math.addExact(counts[i], other.counts[i]);
            }
        } else {
            if (other.full8 != null) {
                if (full8 == null) {
                    full8 = new long[256 * 256];
                }
                for (int i = 0; i < full8.length; i++) {
                    full8[i] = Math.addExact(full8[i], other.full8[i]);
                }
                full8Total += other.full8Total;
                n8 = Math.max(n8, other.n8);
            }
            addDyn(other.dynValues, other.dynCounts, other.dynCap);
        }
        ignored = Math.addExact(ignored, other.ignored);
        mergeOutOfRange(other.oorPixels, other.oorRef, other.oorPred);
        return this;
    }

    /**
     * Adds a matrix computed elsewhere (another machine, a saved JSON).
     *
     * @throws IllegalArgumentException if the matrix has a class this accumulator's declared set lacks, or is
     *                                  weighted
     */
    public ConfusionAccumulator merge(ConfusionMatrix m) {
        if (m.isWeighted()) {
            throw new IllegalArgumentException("cannot merge a weighted matrix into a counting accumulator");
        }
        int mk = m.size();
        long[][] mc = m.counts();
        if (counts != null) {
            int[] pos = new int[mk];
            for (int i = 0; i < mk; i++) {
                pos[i] = config.position(m.classValue(i));
                if (pos[i] < 0) {
                    throw new IllegalArgumentException("the matrix has class " + m.classValue(i)
                            + ", which is not in this accumulator's class set " + config.classSet());
                }
            }
            int k = config.k;
            for (int i = 0; i < mk; i++) {
                for (int j = 0; j < mk; j++) {
                    counts[pos[i] * k + pos[j]] = Math.addExact(counts[pos[i] * k + pos[j]], mc[i][j]);
                }
            }
        } else {
            long[] flat = new long[mk * mk];
            for (int i = 0; i < mk; i++) {
                System.arraycopy(mc[i], 0, flat, i * mk, mk);
            }
            addDyn(m.classValues(), flat, mk);
        }
        ignored = Math.addExact(ignored, m.ignoredPixels());
        OutOfRange o = m.outOfRange();
        mergeOutOfRange(o.pixels(), o.referenceValues(), o.predictionValues());
        return this;
    }

    private void addDyn(int[] values, long[] cells, int stride) {
        int n = values.length;
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            pos[i] = dynPosition(values[i]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long x = cells[i * stride + j];
                if (x != 0) {
                    int d = pos[i] * dynCap + pos[j];
                    dynCounts[d] = Math.addExact(dynCounts[d], x);
                }
            }
        }
    }

    private void mergeOutOfRange(long pixels, Map<Long, Long> ref, Map<Long, Long> pred) {
        oorPixels = Math.addExact(oorPixels, pixels);
        ref.forEach((key, v) -> oorRef.merge(key, v, Math::addExact));
        pred.forEach((key, v) -> oorPred.merge(key, v, Math::addExact));
    }

    private static String describeClasses(int[] classes) {
        return classes == null ? "(discovered)" : Arrays.toString(classes);
    }

    @Override
    public String toString() {
        return "ConfusionAccumulator[" + (config.classes == null ? "discovering classes" : config.k + " classes")
                + ", " + pixels() + " pixels, " + ignored + " ignored, " + oorPixels + " outside the class set"
                + (config.strict ? ", strict" : "") + "]";
    }
}
