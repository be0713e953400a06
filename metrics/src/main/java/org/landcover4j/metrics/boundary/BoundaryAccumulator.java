package org.landcover4j.metrics.boundary;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;

/**
 * Accumulates Boundary IoU and the boundary F-score per class over a dataset of label maps.
 *
 * <p><b>Boundary IoU</b> (Cheng et al., CVPR 2021; boundary-iou-api): for each class c, B(M_c) is the part of the
 * class mask within chessboard distance {@code d} of its contour, B(M) = M - erode(M, 3x3, d times) with the image
 * padded by background (pixels near the image border are boundary). Per image {@code d} is {@link Builder#dilation}
 * pixels, or {@code max(1, round(ratio * diagonal))} with round-half-even as Python's {@code round} (ratio 0.02 by
 * default, as in boundary-iou-api). Intersections |B(G_c) ∩ B(P_c)| and unions are summed over the dataset before
 * dividing, like a dataset-level mIoU (the authors' advice for semantic segmentation).
 *
 * <p><b>Boundary F-score</b> (Csurka et al. 2013; MATLAB {@code bfscore}): contour pixels of class c are pixels of c
 * with an 8-neighbour inside the image of another label. Precision is the fraction of predicted contour pixels of c
 * within Euclidean distance {@code theta} of a reference contour pixel of c; recall the converse; F = 2PR/(P+R).
 * {@code theta} is {@link Builder#tolerance} pixels or a ratio of the image diagonal (default 0.0075, the MATLAB
 * default). Matched and total counts are summed over the dataset.
 *
 * <p><b>Classes and ignore:</b> with declared classes only they are scored, otherwise every value met in either map
 * except ignore values. Reference pixels with an ignore value are excluded from every count (on both sides); they
 * still delimit regions when boundaries are extracted. Per-class results are NaN (0/0) when a class has no boundary
 * pixel in either map.
 *
 * <p>Thread safety: not thread-safe; one per thread, then {@link #merge(BoundaryAccumulator)}.
 *
 * {@snippet :
 * var acc = BoundaryAccumulator.builder().dilationRatio(0.02).toleranceRatio(0.0075).ignore(255).build();
 * for (var pair : pairs) acc.add(pair.reference(), pair.prediction());
 * BoundaryMetrics b = acc.result();
 * b.meanBoundaryIoU();
 * }
 */
public final class BoundaryAccumulator {
    static final int G_B = 0;
    static final int P_B = 1;
    static final int INTER = 2;
    static final int P_CONTOUR = 3;
    static final int P_MATCHED = 4;
    static final int G_CONTOUR = 5;
    static final int G_MATCHED = 6;
    static final int FIELDS = 7;

    private final int[] classes;
    private final long[] ignore;
    private final int dilation;
    private final double dilationRatio;
    private final double tolerance;
    private final double toleranceRatio;
    private final TreeMap<Integer, long[]> stats = new TreeMap<>();
    private long images;

    private BoundaryAccumulator(Builder b) {
        this.classes = b.classes;
        this.ignore = b.ignore.stream().mapToLong(Long::longValue).toArray();
        this.dilation = b.dilation;
        this.dilationRatio = b.dilationRatio;
        this.tolerance = b.tolerance;
        this.toleranceRatio = b.toleranceRatio;
        if (classes != null) {
            for (int c : classes) {
                if (stats.put(c, new long[FIELDS]) != null) {
                    throw new IllegalArgumentException("class values must be distinct: " + Arrays.toString(classes));
                }
            }
        }
    }

    /** A builder with boundary-iou-api's and MATLAB's defaults (d = 2% and theta = 0.75% of the diagonal). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Configures a {@link BoundaryAccumulator}. Not thread-safe.
     *
     * {@snippet :
     * var acc = BoundaryAccumulator.builder().classes(1, 2, 3).dilation(3).tolerance(2.0).build();
     * }
     */
    public static final class Builder {
        private int[] classes;
        private final TreeSet<Long> ignore = new TreeSet<>();
        private int dilation;
        private double dilationRatio = 0.02;
        private double tolerance = -1;
        private double toleranceRatio = 0.0075;

        private Builder() {
        }

        /** Declares the classes to score (default: every value met, except ignore values). */
        public Builder classes(int... values) {
            this.classes = values.clone();
            return this;
        }

        /** Reference values whose pixels are excluded from every count. */
        public Builder ignore(long... values) {
            for (long v : values) {
                ignore.add(v);
            }
            return this;
        }

        /**
         * Boundary width {@code d} in pixels for Boundary IoU (overrides the ratio).
         *
         * @throws IllegalArgumentException if {@code pixels < 1}
         */
        public Builder dilation(int pixels) {
            if (pixels < 1) {
                throw new IllegalArgumentException("dilation must be >= 1 pixel, got " + pixels);
            }
            this.dilation = pixels;
            return this;
        }

        /**
         * Boundary width as a ratio of the image diagonal: {@code d = max(1, round(ratio * diagonal))}.
         *
         * @throws IllegalArgumentException if the ratio is not positive
         */
        public Builder dilationRatio(double ratio) {
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                throw new IllegalArgumentException("dilation ratio must be positive, got " + ratio);
            }
            this.dilationRatio = ratio;
            this.dilation = 0;
            return this;
        }

        /**
         * Boundary F-score tolerance {@code theta} in pixels (overrides the ratio).
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder tolerance(double pixels) {
            if (!(pixels >= 0) || Double.isInfinite(pixels)) {
                throw new IllegalArgumentException("tolerance must be >= 0 pixels, got " + pixels);
            }
            this.tolerance = pixels;
            return this;
        }

        /**
         * Boundary F-score tolerance as a ratio of the image diagonal.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder toleranceRatio(double ratio) {
            if (!(ratio >= 0) || Double.isInfinite(ratio)) {
                throw new IllegalArgumentException("tolerance ratio must be >= 0, got " + ratio);
            }
            this.toleranceRatio = ratio;
            this.tolerance = -1;
            return this;
        }

        /** Builds the accumulator. */
        public BoundaryAccumulator build() {
            return new BoundaryAccumulator(this);
        }
    }

    /** The boundary width used for an image of this size. */
    public int dilationFor(int height, int width) {
        if (dilation > 0) {
            return dilation;
        }
        double diag = Math.sqrt((double) height * height + (double) width * width);
        return (int) Math.max(1, Math.rint(dilationRatio * diag));
    }

    /** The F-score tolerance (pixels) used for an image of this size. */
    public double toleranceFor(int height, int width) {
        if (tolerance >= 0) {
            return tolerance;
        }
        return toleranceRatio * Math.sqrt((double) height * height + (double) width * width);
    }

    /**
     * Adds band 0 of two label rasters of equal size.
     *
     * @throws IllegalArgumentException if sizes differ or a raster is not of an integer type
     */
    public BoundaryAccumulator add(Raster reference, Raster prediction) {
        if (reference.width() != prediction.width() || reference.height() != prediction.height()) {
            throw new IllegalArgumentException("reference is " + reference.width() + "x" + reference.height()
                    + " pixels but prediction is " + prediction.width() + "x" + prediction.height());
        }
        return add(ints(reference, "reference"), ints(prediction, "prediction"), reference.height(), reference.width());
    }

    private static int[] ints(Raster r, String what) {
        int n = r.metadata().pixelsPerBand();
        int[] out = new int[n];
        switch (r) {
            case ByteRaster b -> {
                byte[] a = b.unsafeBandArray(0);
                boolean unsigned = b.dataType() == DataType.UINT8;
                for (int i = 0; i < n; i++) {
                    out[i] = unsigned ? a[i] & 0xFF : a[i];
                }
            }
            case ShortRaster s -> {
                short[] a = s.unsafeBandArray(0);
                boolean unsigned = s.dataType() == DataType.UINT16;
                for (int i = 0; i < n; i++) {
                    out[i] = unsigned ? a[i] & 0xFFFF : a[i];
                }
            }
            case IntRaster x -> System.arraycopy(x.unsafeBandArray(0), 0, out, 0, n);
            default -> throw new IllegalArgumentException(what + " labels must be integers, got " + r.dataType().id());
        }
        return out;
    }

    /**
     * Adds one pair of label maps given as row-major int arrays of {@code height * width} pixels.
     *
     * @throws IllegalArgumentException if the array lengths do not match the size
     */
    public BoundaryAccumulator add(int[] reference, int[] prediction, int height, int width) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(prediction, "prediction");
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
        }
        long n = (long) height * width;
        if (reference.length != n || prediction.length != n) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image has " + n + " pixels, but reference"
                    + " has " + reference.length + " and prediction " + prediction.length);
        }
        int size = (int) n;
        int d = dilationFor(height, width);
        boolean[] bG = new boolean[size];
        boolean[] bP = new boolean[size];
        BoundaryMasks.boundary(reference, height, width, d, bG);
        BoundaryMasks.boundary(prediction, height, width, d, bP);
        boolean[] ignored = new boolean[size];
        for (int i = 0; i < size; i++) {
            ignored[i] = isIgnored(reference[i]);
        }
        for (int i = 0; i < size; i++) {
            if (ignored[i]) {
                continue;
            }
            int g = reference[i];
            int p = prediction[i];
            if (bG[i]) {
                bump(g, G_B, 1);
            }
            if (bP[i]) {
                bump(p, P_B, 1);
            }
            if (bG[i] && bP[i] && g == p) {
                bump(g, INTER, 1);
            }
        }
        // boundary F-score
        boolean[] cG = bG;
        boolean[] cP = bP;
        BoundaryMasks.contour(reference, height, width, cG);
        BoundaryMasks.contour(prediction, height, width, cP);
        int[] offsets = diskOffsets(toleranceFor(height, width));
        for (int i = 0; i < size; i++) {
            if (ignored[i]) {
                continue;
            }
            if (cP[i]) {
                int c = prediction[i];
                bump(c, P_CONTOUR, 1);
                if (matched(i, c, reference, cG, height, width, offsets)) {
                    bump(c, P_MATCHED, 1);
                }
            }
            if (cG[i]) {
                int c = reference[i];
                bump(c, G_CONTOUR, 1);
                if (matched(i, c, prediction, cP, height, width, offsets)) {
                    bump(c, G_MATCHED, 1);
                }
            }
        }
        images++;
        return this;
    }

    private boolean isIgnored(long v) {
        return ignore.length > 0 && Arrays.binarySearch(ignore, v) >= 0;
    }

    private void bump(int c, int field, long by) {
        long[] s = stats.get(c);
        if (s == null) {
            if (classes != null || isIgnored(c)) {
                return;   // not a scored class
            }
            s = new long[FIELDS];
            stats.put(c, s);
        }
        s[field] += by;
    }

    /** Offsets (dy, dx) packed as pairs within Euclidean distance theta, nearest first. */
    private static int[] diskOffsets(double theta) {
        int r = (int) Math.floor(theta);
        int count = 0;
        int[] tmp = new int[(2 * r + 1) * (2 * r + 1) * 2];
        long[] keyed = new long[(2 * r + 1) * (2 * r + 1)];
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                if ((double) dy * dy + (double) dx * dx <= theta * theta) {
                    keyed[count++] = ((long) (dy * dy + dx * dx) << 32) | (((dy + r) * (2 * r + 1) + (dx + r)) & 0xFFFFFFFFL);
                }
            }
        }
        long[] k = Arrays.copyOf(keyed, count);
        Arrays.sort(k);
        for (int i = 0; i < count; i++) {
            int idx = (int) k[i];
            tmp[2 * i] = idx / (2 * r + 1) - r;
            tmp[2 * i + 1] = idx % (2 * r + 1) - r;
        }
        return Arrays.copyOf(tmp, 2 * count);
    }

    private static boolean matched(int i, int c, int[] otherLabels, boolean[] otherContour, int h, int w,
                                   int[] offsets) {
        int y = i / w;
        int x = i % w;
        for (int o = 0; o < offsets.length; o += 2) {
            int yy = y + offsets[o];
            int xx = x + offsets[o + 1];
            if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                int j = yy * w + xx;
                if (otherContour[j] && otherLabels[j] == c) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Adds what another accumulator counted.
     *
     * @throws IllegalArgumentException if the declared classes differ
     */
    public BoundaryAccumulator merge(BoundaryAccumulator other) {
        if (!Arrays.equals(classes, other.classes)) {
            throw new IllegalArgumentException("cannot merge boundary accumulators over different classes: "
                    + Arrays.toString(classes) + " and " + Arrays.toString(other.classes));
        }
        for (Map.Entry<Integer, long[]> e : other.stats.entrySet()) {
            long[] mine = stats.computeIfAbsent(e.getKey(), k -> new long[FIELDS]);
            for (int f = 0; f < FIELDS; f++) {
                mine[f] = Math.addExact(mine[f], e.getValue()[f]);
            }
        }
        images += other.images;
        return this;
    }

    /** Images added so far. */
    public long images() {
        return images;
    }

    /** The per-class results so far (declared classes in their order, otherwise sorted values). */
    public BoundaryMetrics result() {
        int[] values = classes != null ? classes.clone() : stats.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[][] s = new long[values.length][];
        for (int i = 0; i < values.length; i++) {
            s[i] = stats.get(values[i]).clone();
        }
        return new BoundaryMetrics(values, s, images);
    }

    @Override
    public String toString() {
        return "BoundaryAccumulator[" + images + " images, " + stats.size() + " classes]";
    }
}
