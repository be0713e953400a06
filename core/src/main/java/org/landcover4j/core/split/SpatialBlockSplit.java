package org.landcover4j.core.split;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.landcover4j.core.ProgressListener;
import org.landcover4j.core.dataset.Split;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Spatial block split: a square grid of blocks in the footprints' CRS units is split by ratio, and every sample
 * takes the split of the block holding the centre of its footprint's envelope, so that nearby samples share a
 * split. An optional buffer keeps neighbouring tiles from leaking across splits.
 *
 * <p>Block {@code (col, row)} covers {@code [originX + col*size, originX + (col+1)*size)} by
 * {@code [originY + row*size, originY + (row+1)*size)} and goes to
 * {@code ratios.splitOf(SplitHash.unit(seed, "<srid>:<col>:<row>"))}, where {@code srid} is the footprint's SRID
 * (EPSG code, or 0). Each CRS thus has its own block grid; landcover4j does not reproject, so samples in different
 * CRSs (for example neighbouring UTM zones) are never treated as neighbours.
 *
 * <p>With {@link #buffer(double, BufferAction)}, a sample is in conflict when its footprint reaches into a block
 * of another split (their interiors intersect) or comes closer to one than {@code buffer} (JTS distance, CRS
 * units). Every block counts, whether or not it holds samples, so the test depends only on the sample itself:
 * the split stays stable when samples are added. Conflicting samples are {@link BufferAction#DROP dropped}
 * (listed in {@link SplitAssignment#excluded()}) or {@link BufferAction#REPORT reported} (kept, listed in
 * {@link SplitAssignment#flagged()}). Without a buffer nothing is checked.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * var split = SpatialBlockSplit.of(Ratios.parse("7:1:2")).blockSize(10_000).seed(3)
 *         .buffer(500, SpatialBlockSplit.BufferAction.DROP);
 * Map<String, Polygon> footprints = ...;   // e.g. Tile.footprint() of every tile
 * SplitAssignment a = split.assign(footprints);
 * a.excluded();   // tiles closer than 500 m to a block of another split
 * }
 */
public final class SpatialBlockSplit {
    /** What to do with a sample too close to a block of another split. */
    public enum BufferAction {
        /** Leave the sample out of every split. */
        DROP,
        /** Keep the sample in its split and list it in {@link SplitAssignment#flagged()}. */
        REPORT
    }

    /** Most blocks examined around one footprint, to catch a buffer far larger than the blocks. */
    private static final long MAX_BLOCKS_PER_SAMPLE = 1_000_000;

    private final Ratios ratios;
    private final long seed;
    private final double blockSize;
    private final double originX;
    private final double originY;
    private final double buffer;     // NaN = no check
    private final BufferAction action;

    private SpatialBlockSplit(Ratios ratios, long seed, double blockSize, double originX, double originY,
                              double buffer, BufferAction action) {
        this.ratios = Objects.requireNonNull(ratios, "ratios");
        this.seed = seed;
        this.blockSize = blockSize;
        this.originX = originX;
        this.originY = originY;
        this.buffer = buffer;
        this.action = action;
    }

    /** A block split with these ratios; set the block size next. Seed 0, origin (0, 0), no buffer. */
    public static SpatialBlockSplit of(Ratios ratios) {
        return new SpatialBlockSplit(ratios, 0, Double.NaN, 0, 0, Double.NaN, BufferAction.DROP);
    }

    /** The same split with another seed. */
    public SpatialBlockSplit seed(long seed) {
        return new SpatialBlockSplit(ratios, seed, blockSize, originX, originY, buffer, action);
    }

    /**
     * Blocks of {@code size} x {@code size} CRS units (metres in UTM).
     *
     * @throws IllegalArgumentException if {@code size} is not a positive finite number
     */
    public SpatialBlockSplit blockSize(double size) {
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new IllegalArgumentException("block size must be a positive number, got " + size);
        }
        return new SpatialBlockSplit(ratios, seed, size, originX, originY, buffer, action);
    }

    /**
     * Where block (0, 0) starts, in CRS units (default (0, 0)).
     *
     * @throws IllegalArgumentException if a coordinate is not finite
     */
    public SpatialBlockSplit origin(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("block origin must be finite, got (" + x + ", " + y + ")");
        }
        return new SpatialBlockSplit(ratios, seed, blockSize, x, y, buffer, action);
    }

    /**
     * Checks every sample against blocks of other splits: conflicting when its footprint reaches into one, or is
     * closer than {@code distance} CRS units to one (0 checks reaching into only).
     *
     * @throws IllegalArgumentException if {@code distance} is negative or not finite
     */
    public SpatialBlockSplit buffer(double distance, BufferAction whatToDo) {
        if (!(distance >= 0) || !Double.isFinite(distance)) {
            throw new IllegalArgumentException("buffer must be a non-negative number, got " + distance);
        }
        return new SpatialBlockSplit(ratios, seed, blockSize, originX, originY, distance,
                Objects.requireNonNull(whatToDo, "whatToDo"));
    }

    /** The split of block ({@code col}, {@code row}) of the grid of CRS {@code srid}. */
    public Split splitOfBlock(int srid, long col, long row) {
        return ratios.splitOf(SplitHash.unit(seed, srid + ":" + col + ":" + row));
    }

    /** {@link #assign(Map, ProgressListener)} without progress reports. */
    public SplitAssignment assign(Map<String, ? extends Geometry> footprintById) {
        return assign(footprintById, ProgressListener.none());
    }

    /**
     * Assigns every sample by the block of its footprint, in the map's iteration order.
     *
     * @param footprintById the footprint of every sample, in its CRS (SRID = EPSG code or 0)
     * @throws IllegalArgumentException if no block size is set, or a footprint is null or empty (naming the id)
     */
    public SplitAssignment assign(Map<String, ? extends Geometry> footprintById, ProgressListener progress) {
        if (Double.isNaN(blockSize)) {
            throw new IllegalArgumentException("no block size set: call blockSize(size) on " + this);
        }
        Objects.requireNonNull(progress, "progress");
        SplitAssignment.Builder b = SplitAssignment.builder();
        long total = footprintById.size();
        long done = 0;
        GeometryFactory factory = new GeometryFactory(new PrecisionModel());
        for (Map.Entry<String, ? extends Geometry> e : footprintById.entrySet()) {
            String id = Objects.requireNonNull(e.getKey(), "id");
            Geometry fp = e.getValue();
            if (fp == null || fp.isEmpty()) {
                throw new IllegalArgumentException("sample '" + id + "' has no footprint");
            }
            Envelope env = fp.getEnvelopeInternal();
            int srid = fp.getSRID();
            long col = block(env.centre().x, originX);
            long row = block(env.centre().y, originY);
            Split split = splitOfBlock(srid, col, row);
            String conflict = Double.isNaN(buffer) ? null : conflict(fp, env, srid, split, factory, id);
            if (conflict != null && action == BufferAction.DROP) {
                b.exclude(id, conflict);
            } else {
                b.add(id, split);
                if (conflict != null) {
                    b.flag(id, conflict);
                }
            }
            if (++done % 4096 == 0 || done == total) {
                progress.progress(done, total, "spatial block split");
            }
        }
        return b.build();
    }

    private long block(double v, double origin) {
        return (long) Math.floor((v - origin) / blockSize);
    }

    /** The first block of another split that {@code fp} reaches into or comes within the buffer of, or null. */
    private String conflict(Geometry fp, Envelope env, int srid, Split split, GeometryFactory factory, String id) {
        long c0 = block(env.getMinX() - buffer, originX);
        long c1 = block(env.getMaxX() + buffer, originX);
        long r0 = block(env.getMinY() - buffer, originY);
        long r1 = block(env.getMaxY() + buffer, originY);
        if ((c1 - c0 + 1) * (r1 - r0 + 1) > MAX_BLOCKS_PER_SAMPLE) {
            throw new IllegalArgumentException("sample '" + id + "' with buffer " + buffer + " touches more than "
                    + MAX_BLOCKS_PER_SAMPLE + " blocks of size " + blockSize + "; use larger blocks or a smaller buffer");
        }
        boolean rectangle = fp.isRectangle();
        for (long r = r0; r <= r1; r++) {
            for (long c = c0; c <= c1; c++) {
                Split other = splitOfBlock(srid, c, r);
                if (other == split) {
                    continue;
                }
                Envelope blockEnv = new Envelope(originX + c * blockSize, originX + (c + 1) * blockSize,
                        originY + r * blockSize, originY + (r + 1) * blockSize);
                double distance;
                boolean inside;
                if (rectangle) {
                    distance = env.distance(blockEnv);
                    Envelope overlap = env.intersection(blockEnv);
                    inside = overlap.getWidth() > 0 && overlap.getHeight() > 0;
                } else {
                    Polygon blockPolygon = (Polygon) factory.toGeometry(blockEnv);
                    distance = fp.distance(blockPolygon);
                    inside = distance == 0 && fp.relate(blockPolygon, "T********");
                }
                if (inside || distance < buffer) {
                    return (inside ? "reaches into" : "is " + fmt(distance) + " from") + " " + other.id() + " block "
                            + srid + ":" + c + ":" + r + " (buffer " + fmt(buffer) + "; own block is " + split.id() + ")";
                }
            }
        }
        return null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }

    @Override
    public String toString() {
        return "SpatialBlockSplit[" + ratios + ", seed " + seed + ", block "
                + (Double.isNaN(blockSize) ? "not set" : fmt(blockSize)) + ", origin (" + fmt(originX) + ", "
                + fmt(originY) + ")" + (Double.isNaN(buffer) ? "" : ", buffer " + fmt(buffer) + " " + action) + "]";
    }
}
