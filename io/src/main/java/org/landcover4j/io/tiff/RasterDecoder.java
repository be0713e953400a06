package org.landcover4j.io.tiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.landcover4j.core.raster.Window;
import org.landcover4j.io.DecodeLimits;

/**
 * Decodes a window of selected bands of one image into typed band arrays, touching only the chunks that
 * intersect the window and, for band-interleaved files, only the planes of the selected bands.
 *
 * <p>Large reads are split over up to {@link #threads()} threads (the caller plus the common fork-join pool), each
 * decoding a disjoint run of chunks into disjoint parts of the output; set the system property
 * {@value #THREADS_PROPERTY} to 1 to decode on the calling thread only.
 */
final class RasterDecoder {
    /** System property: the most threads one read may use (default: available processors). */
    static final String THREADS_PROPERTY = "landcover4j.tiff.threads";
    /** Below this many decoded bytes a read stays on the calling thread. */
    private static final long PARALLEL_MIN_BYTES = 1 << 20;

    private RasterDecoder() {
    }

    static int threads() {
        String p = System.getProperty(THREADS_PROPERTY);
        if (p != null && !p.isBlank()) {
            try {
                return Math.max(1, Integer.parseInt(p.trim()));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Decodes {@code window} of the given bands (0-based sample indices, repeats allowed).
     *
     * @param fill value for sparse chunks (GDAL's nodata), empty for zero
     * @return one array per selected band, of {@code window.pixels()} samples
     */
    static Object[] decode(TiffImage img, Window window, int[] bands, OptionalDouble fill, DecodeLimits limits)
            throws IOException {
        int n = Math.toIntExact(window.pixels());
        int tx0 = window.x() / img.blockWidth;
        int tx1 = (window.endX() - 1) / img.blockWidth;
        int ty0 = window.y() / img.blockHeight;
        int ty1 = (window.endY() - 1) / img.blockHeight;
        List<Integer> chunks = new ArrayList<>();
        if (img.planar) {
            boolean[] seen = new boolean[img.samplesPerPixel];
            for (int b : bands) {
                if (seen[b]) {
                    continue;
                }
                seen[b] = true;
                for (int ty = ty0; ty <= ty1; ty++) {
                    for (int tx = tx0; tx <= tx1; tx++) {
                        chunks.add(b * img.chunksPerPlane + ty * img.blocksAcross + tx);
                    }
                }
            }
        } else {
            for (int ty = ty0; ty <= ty1; ty++) {
                for (int tx = tx0; tx <= tx1; tx++) {
                    chunks.add(ty * img.blocksAcross + tx);
                }
            }
        }
        img.offsets();
        img.byteCounts();
        long working = ChunkDecoder.workingBytes(img, chunks);
        if (working > limits.maxOutputBytes()) {
            throw img.bad(img.what + " decodes " + (img.tiled ? "tiles" : "strips") + " of " + img.blockWidth + "x"
                    + img.blockHeight + "x" + img.chunkSamples + " samples, which need " + working
                    + " bytes of working memory, more than the decode limit of " + limits.maxOutputBytes() + " bytes");
        }
        Object[] outs = new Object[bands.length];
        for (int k = 0; k < bands.length; k++) {
            outs[k] = Samples.allocate(img.dataType, n);
        }
        long work = (long) img.decodedChunkBytes(0) * chunks.size();
        int threads = Math.min(threads(), chunks.size());
        // memory: the output plus one working set per thread stays within twice the limit
        long outBytes = (long) n * bands.length * img.dataType.bytes();
        while (threads > 1 && outBytes + threads * working > 2 * limits.maxOutputBytes()) {
            threads--;
        }
        if (threads <= 1 || work < PARALLEL_MIN_BYTES) {
            decodeRange(img, window, bands, fill, outs, chunks, 0, chunks.size());
            return outs;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        int per = (chunks.size() + threads - 1) / threads;
        for (int t = 1; t < threads; t++) {
            int from = t * per;
            int to = Math.min(chunks.size(), from + per);
            if (from >= to) {
                break;
            }
            tasks.add(ForkJoinPool.commonPool().submit(() -> {
                try {
                    decodeRange(img, window, bands, fill, outs, chunks, from, to);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        IOException failure = null;
        try {
            decodeRange(img, window, bands, fill, outs, chunks, 0, Math.min(per, chunks.size()));
        } catch (IOException e) {
            failure = e;
        }
        RuntimeException unexpected = null;
        for (ForkJoinTask<?> t : tasks) {
            try {
                t.join();
            } catch (RuntimeException e) {
                IOException io = ioCause(e);
                if (io != null) {
                    failure = failure == null ? io : failure;
                } else {
                    unexpected = unexpected == null ? e : unexpected;
                }
            }
        }
        if (unexpected != null) {
            throw unexpected;
        }
        if (failure != null) {
            throw failure;
        }
        return outs;
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException u) {
                return u.getCause();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static void decodeRange(TiffImage img, Window window, int[] bands, OptionalDouble fill, Object[] outs,
                                    List<Integer> chunks, int from, int to) throws IOException {
        ByteOrder order = img.in.order;
        int bytes = img.sampleBytes;
        int cs = img.chunkSamples;
        try (ChunkDecoder dec = new ChunkDecoder(img)) {
            for (int i = from; i < to; i++) {
                int chunk = chunks.get(i);
                int plane = img.planar ? chunk / img.chunksPerPlane : -1;
                int block = chunk % img.chunksPerPlane;
                int cx = (block % img.blocksAcross) * img.blockWidth;
                int cy = (block / img.blocksAcross) * img.blockHeight;
                int rows = img.chunkRows(chunk);
                // intersection of chunk (clipped to the image) and window
                int x0 = Math.max(cx, window.x());
                int x1 = Math.min(Math.min(cx + img.blockWidth, img.width), window.endX());
                int y0 = Math.max(cy, window.y());
                int y1 = Math.min(Math.min(cy + rows, img.height), window.endY());
                if (x0 >= x1 || y0 >= y1) {
                    continue;
                }
                int nx = x1 - x0;
                if (dec.isSparse(chunk)) {
                    double v = fill.orElse(0);
                    if (Double.doubleToRawLongBits(v) != 0) {
                        for (int k = 0; k < bands.length; k++) {
                            if (plane >= 0 && bands[k] != plane) {
                                continue;
                            }
                            for (int y = y0; y < y1; y++) {
                                Samples.fill(outs[k], (y - window.y()) * window.width() + (x0 - window.x()), nx, v);
                            }
                        }
                    }
                    continue;
                }
                // integer horizontal differencing is undone while the samples are copied out, in one pass
                boolean fused = img.predictor == 2 && img.dataType.isInteger();
                byte[] data = dec.decode(chunk, !fused);
                int rowBytes = img.chunkRowBytes();
                if (fused && plane < 0 && bytes == 1 && Samples.isIdentity(bands, cs) && cs >= 2 && cs <= 4) {
                    // all bands of pixel-interleaved 8-bit data: sum and split them in one pass
                    for (int y = y0; y < y1; y++) {
                        int row = ChunkDecoder.BASE + (y - cy) * rowBytes;
                        int d = (y - window.y()) * window.width() + (x0 - window.x());
                        Samples.accumulateDeinterleaveBytes(data, row, cs, outs, d, x0 - cx, nx);
                    }
                    continue;
                }
                if (fused) {
                    int skip = x0 - cx;
                    for (int k = 0; k < bands.length; k++) {
                        if (plane >= 0 && bands[k] != plane) {
                            continue;
                        }
                        int sample = plane >= 0 ? 0 : bands[k];
                        for (int y = y0; y < y1; y++) {
                            int row = ChunkDecoder.BASE + (y - cy) * rowBytes + sample * bytes;
                            int d = (y - window.y()) * window.width() + (x0 - window.x());
                            Samples.accumulateIn(data, row, cs, order, outs[k], d, skip, nx);
                        }
                    }
                    continue;
                }
                if (plane < 0 && bytes == 1 && Samples.isIdentity(bands, cs) && cs >= 2 && cs <= 4) {
                    // all bands of a pixel-interleaved 8-bit chunk: one pass over the chunk instead of one per band
                    for (int y = y0; y < y1; y++) {
                        int src = ChunkDecoder.BASE + (y - cy) * rowBytes + (x0 - cx) * cs;
                        int d = (y - window.y()) * window.width() + (x0 - window.x());
                        Samples.deinterleaveBytes(data, src, cs, outs, d, nx);
                    }
                    continue;
                }
                for (int k = 0; k < bands.length; k++) {
                    int sample;
                    if (plane >= 0) {
                        if (bands[k] != plane) {
                            continue;
                        }
                        sample = 0;
                    } else {
                        sample = bands[k];
                    }
                    Object dst = outs[k];
                    for (int y = y0; y < y1; y++) {
                        int src = ChunkDecoder.BASE + (y - cy) * rowBytes + ((x0 - cx) * cs + sample) * bytes;
                        int d = (y - window.y()) * window.width() + (x0 - window.x());
                        Samples.copyIn(data, src, cs, order, dst, d, nx);
                    }
                }
            }
        }
    }
}
