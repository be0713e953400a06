package org.landcover4j.metrics.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.RasterMetadata;

/**
 * The labels that several annotators gave to the same pixels (or tasks), ready for consensus and agreement.
 *
 * <p>Input: N &ge; 2 annotators, each a uint8 label raster (band 1) of the same size, or an {@code int[]} of labels
 * (a table of tasks, with {@link #MISSING} where an annotator gave no label). Optionally: an explicit class set
 * (otherwise the sorted union of the values seen), a {@code missingValue} that marks "no label" in rasters, and
 * gold (expert) labels for some pixels, which Dawid-Skene clamps.
 *
 * <p>On construction the pixels are aggregated into {@link LabelTuples}: each distinct combination of
 * (annotator labels, gold label) is stored once with its pixel count, plus one {@code int} per pixel naming its
 * tuple. Every model here (votes, Dawid-Skene, STAPLE, Fleiss, Krippendorff) depends on a pixel only through its
 * tuple, so the iterative methods run over a few hundred tuples instead of millions of pixels while the outputs
 * stay exact per pixel. Memory: 4 bytes per pixel plus the tuple table.
 *
 * <p>Validation (IllegalArgumentException naming the input and the value): fewer than 2 annotators, annotators
 * of different shapes, non-uint8 rasters, labels outside an explicit class set, more than 256 classes.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * var a = Annotations.builder()
 *         .add("alice", alice)            // ByteRaster, uint8 labels
 *         .add("bob", bob)
 *         .add("carol", carol)
 *         .missingValue(0)                // 0 = not labelled
 *         .build();
 * a.classValues();                        // e.g. [1, 2, 3, 4, 5, 6, 7]
 * a.tuples().size();                      // distinct label combinations, e.g. 190
 * }
 */
public final class Annotations {

    /** The value that marks "no label" in {@code int[]} inputs and in {@link LabelTuples#label(int, int)}. */
    public static final int MISSING = -1;

    private final List<String> names;
    private final int[] classValues;
    private final int height;
    private final int width;
    private final OptionalInt missingValue;
    private final Optional<GeoReference> geoReference;
    private final boolean hasGold;
    private final LabelTuples tuples;

    private Annotations(List<String> names, int[] classValues, int height, int width, OptionalInt missingValue,
                        Optional<GeoReference> geoReference, boolean hasGold, LabelTuples tuples) {
        this.names = List.copyOf(names);
        this.classValues = classValues;
        this.height = height;
        this.width = width;
        this.missingValue = missingValue;
        this.geoReference = geoReference;
        this.hasGold = hasGold;
        this.tuples = tuples;
    }

    /** Annotations from label rasters, named "annotator 1".."annotator N", class set derived, no missing value. */
    public static Annotations of(List<ByteRaster> annotators) {
        Builder b = builder();
        for (int i = 0; i < annotators.size(); i++) {
            b.add("annotator " + (i + 1), annotators.get(i));
        }
        return b.build();
    }

    /** Annotations from label rasters named "annotator 1".."annotator N". */
    public static Annotations of(ByteRaster... annotators) {
        return of(List.of(annotators));
    }

    /** A builder that collects annotators, the class set, the missing value and gold labels. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of annotators. */
    public int annotators() {
        return names.size();
    }

    /** Annotator names, in input order. */
    public List<String> names() {
        return names;
    }

    /** The class values (sorted, distinct, each in 0..255); class index {@code k} means value {@code classValues()[k]}. */
    public int[] classValues() {
        return classValues.clone();
    }

    /** Number of classes. */
    public int classes() {
        return classValues.length;
    }

    /** The class value of class index {@code k}. */
    public int classValue(int k) {
        return classValues[k];
    }

    /** Rows of the pixel grid (1 for a table of tasks). */
    public int height() {
        return height;
    }

    /** Columns of the pixel grid (the number of tasks for a table). */
    public int width() {
        return width;
    }

    /** Pixels (or tasks) in all. */
    public int pixels() {
        return height * width;
    }

    /** The raster value that means "not labelled", if one was set. */
    public OptionalInt missingValue() {
        return missingValue;
    }

    /** The georeference of the first annotator raster, copied onto consensus rasters. */
    public Optional<GeoReference> geoReference() {
        return geoReference;
    }

    /** Whether gold (expert) labels were given for some pixels. */
    public boolean hasGold() {
        return hasGold;
    }

    /** The distinct label tuples with their pixel counts, and each pixel's tuple. */
    public LabelTuples tuples() {
        return tuples;
    }

    /** Metadata for a single-band output raster of this grid with the annotators' georeference. */
    RasterMetadata outputMetadata(DataType type, int bands) {
        RasterMetadata m = RasterMetadata.of(type, bands, height, width);
        return geoReference.map(m::withGeoReference).orElse(m);
    }

    @Override
    public String toString() {
        return "Annotations[annotators=" + names + ", classes=" + Arrays.toString(classValues) + ", size="
                + width + "x" + height + ", missingValue=" + (missingValue.isPresent() ? missingValue.getAsInt() : "none")
                + ", gold=" + hasGold + ", tuples=" + tuples.size() + "]";
    }

    /**
     * Collects the inputs of {@link Annotations}; {@link #build()} validates and aggregates them.
     *
     * <p>Not thread-safe; the built {@code Annotations} is.
     *
     * {@snippet :
     * var a = Annotations.builder().add("w0", new int[] {1, 0, -1}).add("w1", new int[] {1, 1, 0}).build();
     * }
     */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Object> inputs = new ArrayList<>();
        private int[] classValues;
        private OptionalInt missingValue = OptionalInt.empty();
        private Object gold;
        private int goldUnlabeled = MISSING;
        private int height = -1;
        private int width = -1;

        private Builder() {
        }

        /** Adds an annotator's label raster (band 1, uint8). */
        public Builder add(String name, ByteRaster labels) {
            names.add(Objects.requireNonNull(name, "name"));
            inputs.add(Objects.requireNonNull(labels, "labels of annotator " + name));
            return this;
        }

        /**
         * Adds an annotator's labels as an array (values 0..255, {@link #MISSING} where the annotator gave none).
         * The array is copied when {@link #build()} runs.
         */
        public Builder add(String name, int[] labels) {
            names.add(Objects.requireNonNull(name, "name"));
            inputs.add(Objects.requireNonNull(labels, "labels of annotator " + name));
            return this;
        }

        /** Sets the class set explicitly (values 0..255); labels outside it are an error. */
        public Builder classes(int... values) {
            int[] v = values.clone();
            Arrays.sort(v);
            for (int i = 0; i < v.length; i++) {
                if (v[i] < 0 || v[i] > 255) {
                    throw new IllegalArgumentException("class values must be in 0..255, got " + v[i]);
                }
                if (i > 0 && v[i] == v[i - 1]) {
                    throw new IllegalArgumentException("class value " + v[i] + " is listed twice");
                }
            }
            if (v.length == 0) {
                throw new IllegalArgumentException("the class set must not be empty");
            }
            this.classValues = v;
            return this;
        }

        /** Raster pixels with this value carry no label from that annotator (and no gold label). */
        public Builder missingValue(int value) {
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException("missing value must be in 0..255, got " + value);
            }
            this.missingValue = OptionalInt.of(value);
            return this;
        }

        /** Lays array inputs out as a {@code height} x {@code width} grid (default 1 x length). */
        public Builder shape(int height, int width) {
            if (height < 1 || width < 1) {
                throw new IllegalArgumentException("shape must be positive, got " + width + "x" + height);
            }
            this.height = height;
            this.width = width;
            return this;
        }

        /**
         * Gold (expert) labels: pixels of {@code expert} equal to {@code unlabeledValue} have none. Gold labels
         * must belong to the class set.
         */
        public Builder gold(ByteRaster expert, int unlabeledValue) {
            this.gold = Objects.requireNonNull(expert, "expert");
            this.goldUnlabeled = unlabeledValue;
            return this;
        }

        /** Gold labels as an array, {@link #MISSING} where there is none. */
        public Builder gold(int[] expert) {
            this.gold = Objects.requireNonNull(expert, "expert");
            this.goldUnlabeled = MISSING;
            return this;
        }

        /**
         * Validates the inputs and aggregates them into label tuples.
         *
         * @throws IllegalArgumentException naming the annotator and value when an input is inconsistent
         */
        public Annotations build() {
            int n = names.size();
            if (n < 2) {
                throw new IllegalArgumentException("consensus and agreement need at least 2 annotators, got " + n);
            }
            // shape
            int h = -1;
            int w = -1;
            Optional<GeoReference> geo = Optional.empty();
            int[][] arrays = new int[n][];
            byte[][] bytes = new byte[n][];
            for (int a = 0; a < n; a++) {
                Object in = inputs.get(a);
                int ih;
                int iw;
                if (in instanceof ByteRaster r) {
                    if (r.dataType() != DataType.UINT8) {
                        throw new IllegalArgumentException("annotator " + (a + 1) + " ('" + names.get(a)
                                + "') has " + r.dataType().id() + " samples; consensus needs uint8 labels");
                    }
                    ih = r.height();
                    iw = r.width();
                    bytes[a] = r.unsafeBandArray(0);
                    if (geo.isEmpty()) {
                        geo = r.geoReference();
                    }
                } else {
                    int[] arr = (int[]) in;
                    if (height > 0) {
                        if ((long) height * width != arr.length) {
                            throw new IllegalArgumentException("annotator " + (a + 1) + " ('" + names.get(a) + "') has "
                                    + arr.length + " labels, the shape " + width + "x" + height + " needs "
                                    + (long) height * width);
                        }
                        ih = height;
                        iw = width;
                    } else {
                        ih = 1;
                        iw = arr.length;
                    }
                    if (arr.length == 0) {
                        throw new IllegalArgumentException("annotator " + (a + 1) + " ('" + names.get(a)
                                + "') has no labels");
                    }
                    arrays[a] = arr.clone();
                }
                if (a == 0) {
                    h = ih;
                    w = iw;
                } else if (ih != h || iw != w) {
                    throw new IllegalArgumentException("annotator " + (a + 1) + " ('" + names.get(a) + "') is "
                            + iw + "x" + ih + " pixels, but annotator 1 ('" + names.get(0) + "') is " + w + "x" + h);
                }
            }
            int[] goldArray = null;
            byte[] goldBytes = null;
            if (gold instanceof ByteRaster g) {
                if (g.height() != h || g.width() != w) {
                    throw new IllegalArgumentException("the gold labels are " + g.width() + "x" + g.height()
                            + " pixels, but the annotators are " + w + "x" + h);
                }
                goldBytes = g.unsafeBandArray(0);
            } else if (gold instanceof int[] g) {
                if (g.length != h * w) {
                    throw new IllegalArgumentException("the gold labels have " + g.length + " entries, but the annotators "
                            + "label " + (long) h * w + " pixels");
                }
                goldArray = g.clone();
            }
            int px = h * w;
            // class set
            int mv = missingValue.isPresent() ? missingValue.getAsInt() : Integer.MIN_VALUE;
            int[] classes = classValues;
            if (classes == null) {
                boolean[] seen = new boolean[256];
                for (int a = 0; a < n; a++) {
                    for (int p = 0; p < px; p++) {
                        int v = bytes[a] != null ? bytes[a][p] & 0xFF : arrays[a][p];
                        if (v == mv || (arrays[a] != null && v == MISSING)) {
                            continue;
                        }
                        checkRange(v, a, p, w);
                        seen[v] = true;
                    }
                }
                for (int p = 0; p < px && (goldBytes != null || goldArray != null); p++) {
                    int v = goldBytes != null ? goldBytes[p] & 0xFF : goldArray[p];
                    if (v != goldUnlabeled && !(goldArray != null && v == MISSING) && v >= 0 && v <= 255) {
                        seen[v] = true;
                    }
                }
                int count = 0;
                for (boolean s : seen) {
                    count += s ? 1 : 0;
                }
                if (count == 0) {
                    throw new IllegalArgumentException("no annotator labelled any pixel (every value is the missing value "
                            + (missingValue.isPresent() ? mv : MISSING) + ")");
                }
                classes = new int[count];
                int i = 0;
                for (int v = 0; v < 256; v++) {
                    if (seen[v]) {
                        classes[i++] = v;
                    }
                }
            } else if (missingValue.isPresent() && Arrays.binarySearch(classes, mv) >= 0) {
                throw new IllegalArgumentException("the missing value " + mv + " is also in the class set "
                        + Arrays.toString(classes));
            }
            int[] lut = new int[256];
            Arrays.fill(lut, Integer.MIN_VALUE);
            for (int k = 0; k < classes.length; k++) {
                lut[classes[k]] = k;
            }
            boolean hasGold = goldArray != null || goldBytes != null;
            LabelSource src = new LabelSource(n, bytes, arrays, goldBytes, goldArray, goldUnlabeled, mv, lut, classes,
                    names, w);
            LabelTuples t = LabelTuples.aggregate(src, px, classes.length, hasGold);
            return new Annotations(names, classes, h, w, missingValue, geo, hasGold, t);
        }

        private void checkRange(int v, int a, int p, int w) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("annotator " + (a + 1) + " ('" + names.get(a) + "') has label " + v
                        + " at row " + p / w + ", column " + p % w + "; labels must be in 0..255 (or "
                        + MISSING + " for none)");
            }
        }
    }

    /** Reads one annotator's (or the gold) class index at a pixel, validating values. */
    static final class LabelSource {
        final int annotators;
        private final byte[][] bytes;
        private final int[][] arrays;
        private final byte[] goldBytes;
        private final int[] goldArray;
        private final int goldUnlabeled;
        private final int missing;
        private final int[] lut;
        private final int[] classes;
        private final List<String> names;
        private final int width;

        LabelSource(int annotators, byte[][] bytes, int[][] arrays, byte[] goldBytes, int[] goldArray,
                    int goldUnlabeled, int missing, int[] lut, int[] classes, List<String> names, int width) {
            this.annotators = annotators;
            this.bytes = bytes;
            this.arrays = arrays;
            this.goldBytes = goldBytes;
            this.goldArray = goldArray;
            this.goldUnlabeled = goldUnlabeled;
            this.missing = missing;
            this.lut = lut;
            this.classes = classes;
            this.names = names;
            this.width = width;
        }

        /** Class index of annotator {@code a} at pixel {@code p}, or {@link #MISSING}. */
        int index(int a, int p) {
            int v;
            if (bytes[a] != null) {
                v = bytes[a][p] & 0xFF;
                if (v == missing) {
                    return MISSING;
                }
            } else {
                v = arrays[a][p];
                if (v == MISSING || v == missing) {
                    return MISSING;
                }
                if (v < 0 || v > 255) {
                    throw outside("annotator " + (a + 1) + " ('" + names.get(a) + "')", v, p);
                }
            }
            int k = lut[v];
            if (k < 0) {
                throw outside("annotator " + (a + 1) + " ('" + names.get(a) + "')", v, p);
            }
            return k;
        }

        /** Gold class index at pixel {@code p}, or {@link #MISSING}. */
        int gold(int p) {
            int v = goldBytes != null ? goldBytes[p] & 0xFF : goldArray[p];
            if (v == goldUnlabeled || (goldArray != null && v == MISSING)) {
                return MISSING;
            }
            if (v < 0 || v > 255 || lut[v] < 0) {
                throw outside("the gold labels", v, p);
            }
            return lut[v];
        }

        private IllegalArgumentException outside(String who, int v, int p) {
            return new IllegalArgumentException(who + " has label " + v + " at row " + p / width + ", column "
                    + p % width + ", which is not in the class set " + Arrays.toString(classes));
        }
    }
}
