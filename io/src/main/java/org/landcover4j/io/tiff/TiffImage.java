package org.landcover4j.io.tiff;

import static org.landcover4j.io.tiff.TiffTags.*;

import java.io.IOException;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.io.DecodeLimits;

/**
 * The validated layout of one image (IFD): size, samples, type, chunking, compression, predictor.
 *
 * <p>Every number from the file is checked here, once: dimensions and band count against the {@link DecodeLimits},
 * the chunk grid against the number of offsets, the chunk size against {@code int} range. Chunk offsets and byte
 * counts are read on first use. Thread-safe.
 */
final class TiffImage {
    final Ifd ifd;
    final TiffInput in;
    /** "IFD 0", "overview 2 (IFD 3)": names the image in messages. */
    final String what;
    final int width;
    final int height;
    final int samplesPerPixel;
    final int bitsPerSample;
    final int sampleFormat;
    /** The type our decoder produces, or the type the fallback reader converts to. */
    final DataType dataType;
    final boolean planar;
    final int compression;
    final int predictor;
    final int photometric;
    final long newSubfileType;
    final boolean tiled;
    final int blockWidth;
    final int blockHeight;
    final int blocksAcross;
    final int blocksDown;
    final int chunksPerPlane;
    final int chunkCount;
    /** Samples in one pixel of one chunk: samplesPerPixel (chunky) or 1 (planar). */
    final int chunkSamples;
    /** Bytes per sample. */
    final int sampleBytes;
    /** Why our own decoder cannot read this image (the fallback reader does), or null when it can. */
    final String fallbackReason;

    private volatile long[] offsets;
    private volatile long[] byteCounts;

    TiffImage(Ifd ifd, String what, DecodeLimits limits) throws IOException {
        this.ifd = ifd;
        this.in = ifd.in;
        this.what = what;
        long w = required(IMAGE_WIDTH);
        long h = required(IMAGE_LENGTH);
        if (w < 1 || h < 1 || w > limits.maxDimension() || h > limits.maxDimension()) {
            throw in.bad(what + " size " + Long.toUnsignedString(w) + "x" + Long.toUnsignedString(h)
                    + " is outside 1.." + limits.maxDimension() + " pixels per side");
        }
        width = (int) w;
        height = (int) h;
        long spp = ifd.longValue(SAMPLES_PER_PIXEL, 1);
        if (spp < 1 || spp > limits.maxBands()) {
            throw in.bad(what + " SamplesPerPixel is " + spp + ", expected 1.." + limits.maxBands());
        }
        samplesPerPixel = (int) spp;
        bitsPerSample = uniform(BITS_PER_SAMPLE, 1, "BitsPerSample");
        int fmt = uniform(SAMPLE_FORMAT, 1, "SampleFormat");
        sampleFormat = fmt == 4 ? 1 : fmt; // 4 = "undefined": read as unsigned, as libtiff does
        long pc = ifd.longValue(PLANAR_CONFIG, 1);
        if (pc != 1 && pc != 2) {
            throw in.bad(what + " PlanarConfiguration is " + pc + ", expected 1 (chunky) or 2 (planar)");
        }
        planar = pc == 2 && samplesPerPixel > 1;
        long comp = ifd.longValue(COMPRESSION, 1);
        compression = (int) comp;
        photometric = (int) ifd.longValue(PHOTOMETRIC, samplesPerPixel >= 3 ? 2 : 1);
        newSubfileType = ifd.longValue(NEW_SUBFILE_TYPE, 0);
        long pred = ifd.longValue(PREDICTOR, 1);
        boolean predictorApplies = comp == 5 || comp == 8 || comp == 32946;
        predictor = predictorApplies ? (int) pred : 1;

        String reason = null;
        DataType type = nativeType(sampleFormat, bitsPerSample);
        if (type == null) {
            if (sampleFormat <= 2 && bitsPerSample >= 1 && bitsPerSample < 8) {
                type = sampleFormat == 2 ? DataType.INT8 : DataType.UINT8;
                reason = bitsPerSample + "-bit samples";
            } else if (sampleFormat <= 2 && bitsPerSample > 8 && bitsPerSample < 16) {
                type = sampleFormat == 2 ? DataType.INT16 : DataType.UINT16;
                reason = bitsPerSample + "-bit samples";
            } else {
                throw in.bad(what + " has " + bitsPerSample + "-bit samples of SampleFormat " + fmt
                        + "; supported: 8/16/32-bit integers (SampleFormat 1 or 2) and 32/64-bit floats (SampleFormat 3)");
            }
        }
        if (reason == null && !(comp == 1 || comp == 5 || comp == 8 || comp == 32946 || comp == 32773)) {
            TiffCompression c = TiffCompression.fromCode(compression);
            reason = "compression " + (c == TiffCompression.OTHER ? Integer.toString(compression) : c.label());
        }
        if (reason == null && photometric == 6) {
            reason = "YCbCr photometric interpretation";
        }
        if (predictorApplies && reason == null) {
            if (pred == 3 && sampleFormat != 3) {
                throw in.bad(what + " Predictor 3 (floating point) on SampleFormat " + fmt + " samples, expected 3 (float)");
            } else if (pred < 1 || pred > 3) {
                throw in.bad(what + " Predictor is " + pred + ", expected 1, 2 or 3");
            }
        }
        dataType = type;
        fallbackReason = reason;
        sampleBytes = (bitsPerSample + 7) / 8;

        tiled = ifd.has(TILE_WIDTH) || ifd.has(TILE_LENGTH) || ifd.has(TILE_OFFSETS);
        long bw;
        long bh;
        if (tiled) {
            bw = required(TILE_WIDTH);
            bh = required(TILE_LENGTH);
            if (bw < 1 || bh < 1 || bw > 65536 || bh > 65536) {
                throw in.bad(what + " tile size " + bw + "x" + bh + " is outside 1..65536");
            }
        } else {
            bw = width;
            long rps = ifd.longValue(ROWS_PER_STRIP, 0xFFFFFFFFL);
            if (rps == 0) {
                throw in.bad(what + " RowsPerStrip is 0");
            }
            bh = Math.min(rps, height);
        }
        blockWidth = (int) bw;
        blockHeight = (int) bh;
        blocksAcross = (int) ((width + bw - 1) / bw);
        blocksDown = (int) ((height + bh - 1) / bh);
        long perPlane = (long) blocksAcross * blocksDown;
        long total = planar ? perPlane * samplesPerPixel : perPlane;
        int offTag = tiled ? TILE_OFFSETS : STRIP_OFFSETS;
        Ifd.Entry offEntry = ifd.entry(offTag);
        if (offEntry == null) {
            throw Ifd.missing(in, what, offTag);
        }
        if (offEntry.count() < total) {
            throw in.bad(what + " " + name(offTag) + " has " + offEntry.count() + " values, but a "
                    + width + "x" + height + " image in " + (tiled ? "tiles" : "strips") + " of " + blockWidth + "x"
                    + blockHeight + (planar ? " with " + samplesPerPixel + " planes" : "") + " needs " + total);
        }
        chunksPerPlane = (int) perPlane;
        chunkCount = (int) total;
        chunkSamples = planar ? 1 : samplesPerPixel;
        long chunkBytes = (long) blockWidth * blockHeight * chunkSamples * sampleBytes;
        if (chunkBytes > Integer.MAX_VALUE - 64) {
            throw in.bad(what + " one " + (tiled ? "tile" : "strip") + " of " + blockWidth + "x" + blockHeight + "x"
                    + chunkSamples + " samples (" + chunkBytes + " bytes) is larger than 2 GiB");
        }
        int countTag = tiled ? TILE_BYTE_COUNTS : STRIP_BYTE_COUNTS;
        Ifd.Entry countEntry = ifd.entry(countTag);
        if (countEntry != null && countEntry.count() < total) {
            throw in.bad(what + " " + name(countTag) + " has " + countEntry.count() + " values, expected " + total);
        }
        if (countEntry == null && compression != 1) {
            throw Ifd.missing(in, what, countTag);
        }
    }

    private long required(int tag) throws IOException {
        long v = ifd.longValue(tag, -1);
        if (v == -1 && !ifd.has(tag)) {
            throw Ifd.missing(in, what, tag);
        }
        return v;
    }

    /** The value of a per-sample tag, which must be the same for every sample. */
    private int uniform(int tag, int dflt, String label) throws IOException {
        long[] v = ifd.longs(tag, Math.max(samplesPerPixel, 1));
        if (v == null || v.length == 0) {
            return dflt;
        }
        for (long x : v) {
            if (x != v[0]) {
                throw in.bad(what + " " + label + " differs between samples (" + java.util.Arrays.toString(v)
                        + "); only uniform samples are supported");
            }
        }
        if (v[0] < 0 || v[0] > 64) {
            throw in.bad(what + " " + label + " is " + v[0]);
        }
        return (int) v[0];
    }

    static DataType nativeType(int sampleFormat, int bits) {
        return switch (sampleFormat) {
            case 1 -> switch (bits) {
                case 8 -> DataType.UINT8;
                case 16 -> DataType.UINT16;
                case 32 -> DataType.UINT32;
                default -> null;
            };
            case 2 -> switch (bits) {
                case 8 -> DataType.INT8;
                case 16 -> DataType.INT16;
                case 32 -> DataType.INT32;
                default -> null;
            };
            case 3 -> switch (bits) {
                case 32 -> DataType.FLOAT32;
                case 64 -> DataType.FLOAT64;
                default -> null;
            };
            default -> null;
        };
    }

    /** Whether this is a reduced-resolution image (an overview). */
    boolean isReduced() {
        return (newSubfileType & 1) != 0;
    }

    /** Whether this is a transparency mask (GDAL's internal masks). */
    boolean isMask() {
        return (newSubfileType & 4) != 0 || photometric == 4;
    }

    /** Chunk offsets, read on first use. */
    long[] offsets() throws IOException {
        long[] o = offsets;
        if (o == null) {
            o = ifd.firstLongs(tiled ? TILE_OFFSETS : STRIP_OFFSETS, chunkCount);
            offsets = o;
        }
        return o;
    }

    /** Chunk byte counts, read on first use (computed for uncompressed images that lack them). */
    long[] byteCounts() throws IOException {
        long[] c = byteCounts;
        if (c == null) {
            c = ifd.firstLongs(tiled ? TILE_BYTE_COUNTS : STRIP_BYTE_COUNTS, chunkCount);
            if (c == null) {
                c = new long[chunkCount];
                for (int i = 0; i < chunkCount; i++) {
                    c[i] = decodedChunkBytes(i);
                }
            }
            byteCounts = c;
        }
        return c;
    }

    /** Rows held by chunk {@code i} (the last strip may be shorter; tiles are always full). */
    int chunkRows(int chunk) {
        if (tiled) {
            return blockHeight;
        }
        int row = (chunk % chunksPerPlane) * blockHeight;
        return Math.min(blockHeight, height - row);
    }

    /** The legitimate decoded size of chunk {@code i}, in bytes. */
    int decodedChunkBytes(int chunk) {
        return chunkRows(chunk) * blockWidth * chunkSamples * sampleBytes;
    }

    /** Bytes of one decoded row of a chunk. */
    int chunkRowBytes() {
        return blockWidth * chunkSamples * sampleBytes;
    }

    InvalidDataException bad(String problem) {
        return in.bad(problem);
    }
}
