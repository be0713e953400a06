package org.landcover4j.io.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes small, valid samples of the five datasets in their real on-disk layouts, with the library's own writers
 * (GeoTIFF, PNG, NPY inside NPZ; JPEG through the JDK's ImageIO writer), so that examples and tests run without a
 * download.
 *
 * <p>The pixels are synthetic (smooth fields and parcel-like regions from a fixed seed); the layouts, names, data
 * types, georeferencing and quirks are the real ones: SEN12MS NaN in S1 and the known broken patch, an incomplete
 * triplet; LandCoverNet as a partial STAC download with a palette label file and per-class counts in each
 * {@code stac.json}; OpenEarthMap test images without labels, an odd image size, four CRSs and an xBD label without
 * its image; OpenSentinelMap CSV rows without files, extra and reordered columns, the special label values, npz
 * files whose name order is not their date order; Globe230k with an unlabelled patch, optional modalities and NaN.
 * Output is deterministic: the same seed writes the same bytes on every run and machine. Total size with the
 * default (small) sizes is about 4 MB; {@link #withRealSizes()} writes real sizes (SEN12MS 256 x 256, OpenEarthMap
 * 1024 x 1024) for benchmarks.
 *
 * <p>Existing files are overwritten; other files in the folders are left alone. Thread safety: instances are
 * immutable; do not write two generators into the same folder at once.
 *
 * {@snippet :
 * Map<String, Path> roots = SampleGenerator.writeAll(Path.of("samples"));
 * var ds = Datasets.open(roots.get("openearthmap"));
 * // OpenEarthMap[root=samples/openearthmap, samples=9, splits={train=5, val=2, test=2}]
 * }
 */
public final class SampleGenerator {

    /** The seed used by {@link #defaults()}. */
    public static final long DEFAULT_SEED = 20_230_721L;

    private final long seed;
    private final boolean realSizes;
    private final boolean compress;

    private SampleGenerator(long seed, boolean realSizes, boolean compress) {
        this.seed = seed;
        this.realSizes = realSizes;
        this.compress = compress;
    }

    /** A write step that may fail with an I/O error. */
    private interface Step {
        Path run() throws IOException;
    }

    private Path withCompression(Step step) throws IOException {
        Boolean before = Out.COMPRESS.get();
        Out.COMPRESS.set(compress);
        try {
            return step.run();
        } finally {
            Out.COMPRESS.set(before);
        }
    }

    /** The default generator: {@link #DEFAULT_SEED}, small sizes. */
    public static SampleGenerator defaults() {
        return new SampleGenerator(DEFAULT_SEED, false, true);
    }

    /** A generator with another seed (small sizes). */
    public static SampleGenerator withSeed(long seed) {
        return new SampleGenerator(seed, false, true);
    }

    /** A copy that writes SEN12MS patches at 256 x 256 and OpenEarthMap images at 1024 x 1024 (one 1000 x 900). */
    public SampleGenerator withRealSizes() {
        return new SampleGenerator(seed, true, compress);
    }

    /**
     * A copy that writes GeoTIFFs uncompressed, in strips (as the real LandCoverNet source bands and torchgeo's
     * SEN12MS fixtures are stored); the default is DEFLATE with a predictor, which keeps the samples small.
     */
    public SampleGenerator withUncompressedTiffs() {
        return new SampleGenerator(seed, realSizes, false);
    }

    /** Whether GeoTIFFs are DEFLATE-compressed (the default). */
    public boolean compressesTiffs() {
        return compress;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Whether real sizes are written. */
    public boolean realSizes() {
        return realSizes;
    }

    /**
     * Writes all five datasets into {@code dir}/{@code <id>} with the default generator.
     *
     * @return dataset id to its root folder, in the order sen12ms, landcovernet, openearthmap, opensentinelmap,
     *         globe230k
     */
    public static Map<String, Path> writeAll(Path dir) throws IOException {
        return defaults().all(dir);
    }

    /** Writes all five datasets into {@code dir}/{@code <id>}; see {@link #writeAll(Path)}. */
    public Map<String, Path> all(Path dir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        out.put("sen12ms", sen12ms(dir.resolve("sen12ms")));
        out.put("landcovernet", landCoverNet(dir.resolve("landcovernet")));
        out.put("openearthmap", openEarthMap(dir.resolve("openearthmap")));
        out.put("opensentinelmap", openSentinelMap(dir.resolve("opensentinelmap")));
        out.put("globe230k", globe230k(dir.resolve("globe230k")));
        return Collections.unmodifiableMap(out);
    }

    /** Writes a SEN12MS folder (8 triplets, split lists, hold-out scenes) into {@code root}; returns {@code root}. */
    public Path sen12ms(Path root) throws IOException {
        return withCompression(() -> Sen12msSamples.write(root, seed + 1, realSizes));
    }

    /** Writes a LandCoverNet STAC archive (a partial download) into {@code root}; returns {@code root}. */
    public Path landCoverNet(Path root) throws IOException {
        return withCompression(() -> LandCoverNetSamples.writeStac(root, seed + 2));
    }

    /** Writes a LandCoverNet {@code data/v1.0/2018/<TILE>/<CHIP>} tree into {@code root}; returns {@code root}. */
    public Path landCoverNetTileTree(Path root) throws IOException {
        return withCompression(() -> LandCoverNetSamples.writeTileTree(root, seed + 3));
    }

    /** Writes an OpenEarthMap folder (9 images in 4 regions) into {@code root}; returns {@code root}. */
    public Path openEarthMap(Path root) throws IOException {
        return withCompression(() -> OpenEarthMapSamples.write(root, seed + 4, realSizes));
    }

    /** Writes an OpenSentinelMap folder (6 cells, 3 CSV rows without files) into {@code root}; returns {@code root}. */
    public Path openSentinelMap(Path root) throws IOException {
        return withCompression(() -> OpenSentinelMapSamples.write(root, seed + 5));
    }

    /** Writes a Globe230k folder (8 patches of 512 x 512) into {@code root}; returns {@code root}. */
    public Path globe230k(Path root) throws IOException {
        return withCompression(() -> Globe230kSamples.write(root, seed + 6));
    }

    /** {@code defaults().sen12ms(root)}. */
    public static Path writeSen12ms(Path root) throws IOException {
        return defaults().sen12ms(root);
    }

    /** {@code defaults().landCoverNet(root)}. */
    public static Path writeLandCoverNet(Path root) throws IOException {
        return defaults().landCoverNet(root);
    }

    /** {@code defaults().openEarthMap(root)}. */
    public static Path writeOpenEarthMap(Path root) throws IOException {
        return defaults().openEarthMap(root);
    }

    /** {@code defaults().openSentinelMap(root)}. */
    public static Path writeOpenSentinelMap(Path root) throws IOException {
        return defaults().openSentinelMap(root);
    }

    /** {@code defaults().globe230k(root)}. */
    public static Path writeGlobe230k(Path root) throws IOException {
        return defaults().globe230k(root);
    }

    @Override
    public String toString() {
        return "SampleGenerator[seed=" + seed + (realSizes ? ", real sizes" : "") + (compress ? "" : ", uncompressed")
                + "]";
    }
}
