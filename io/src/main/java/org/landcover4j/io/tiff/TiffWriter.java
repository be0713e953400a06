package org.landcover4j.io.tiff;

import static org.landcover4j.io.tiff.TiffTags.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.zip.Deflater;
import org.landcover4j.core.ProgressListener;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Crs;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.GeoTransform;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.core.raster.ShortRaster;
import org.landcover4j.io.ColorTable;

/**
 * Writes a raster as a GeoTIFF: chunks first (encoded in parallel batches), then the IFD, then the header's
 * pointer to it, as libtiff does. A failed write deletes the partial file.
 */
final class TiffWriter {
    private final GeoTiffWriteOptions opts;
    private final RasterMetadata meta;
    private final DataType type;
    private final int width;
    private final int height;
    private final int bands;
    private final int bytes;
    private final boolean planar;
    private final int chunkSamples;
    private final int blockWidth;
    private final int blockHeight;
    private final int across;
    private final int down;
    private final int perPlane;
    private final int chunkCount;
    private final int predictor;
    private final int compression;
    private final boolean big;
    private final ByteOrder order;
    private final Object[] data;

    TiffWriter(Raster raster, GeoTiffWriteOptions opts) {
        this.opts = opts;
        this.meta = raster.metadata();
        this.type = meta.dataType();
        this.width = meta.width();
        this.height = meta.height();
        this.bands = meta.bands();
        this.bytes = type.bytes();
        this.planar = opts.interleave() == Interleave.BAND && bands > 1;
        this.chunkSamples = planar ? 1 : bands;
        this.order = opts.byteOrder();
        if (bands > 65535) {
            throw new IllegalArgumentException("a TIFF holds at most 65535 bands, got " + bands);
        }
        if (opts.tiled()) {
            blockWidth = opts.blockWidth();
            blockHeight = opts.blockHeight();
        } else {
            blockWidth = width;
            long rowBytes = (long) width * chunkSamples * bytes;
            int rows = opts.blockHeight() > 0 ? opts.blockHeight() : (int) Math.max(1, (64 << 10) / rowBytes);
            blockHeight = Math.min(rows, height);
        }
        long chunkBytes = (long) blockWidth * blockHeight * chunkSamples * bytes;
        if (chunkBytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("one chunk of " + blockWidth + "x" + blockHeight + "x" + chunkSamples
                    + " samples exceeds 2 GiB; use smaller tiles or strips");
        }
        across = (width + blockWidth - 1) / blockWidth;
        down = (height + blockHeight - 1) / blockHeight;
        perPlane = Math.multiplyExact(across, down);
        chunkCount = Math.multiplyExact(perPlane, planar ? bands : 1);
        compression = switch (opts.compression()) {
            case NONE -> 1;
            case LZW -> 5;
            case DEFLATE, ADOBE_DEFLATE -> 8;
            case PACKBITS -> 32773;
            default -> throw new IllegalArgumentException("unsupported compression " + opts.compression());
        };
        boolean canPredict = compression == 5 || compression == 8;
        predictor = switch (opts.predictor()) {
            case AUTO -> canPredict ? (type.isInteger() ? 2 : 3) : 1;
            case NONE -> 1;
            case HORIZONTAL -> {
                if (!canPredict) {
                    throw new IllegalArgumentException("a predictor needs LZW or DEFLATE, got " + opts.compression());
                }
                yield 2;
            }
            case FLOATING_POINT -> {
                if (!canPredict) {
                    throw new IllegalArgumentException("a predictor needs LZW or DEFLATE, got " + opts.compression());
                }
                if (type.isInteger()) {
                    throw new IllegalArgumentException("the floating-point predictor needs float32 or float64, got " + type);
                }
                yield 3;
            }
        };
        long raw = meta.byteSize();
        long worst = (long) (raw * (compression == 5 ? 1.6 : 1.02)) + (1L << 20) + 16L * chunkCount;
        big = switch (opts.bigTiff()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> worst > 0xFFFFFFFFL;
        };
        opts.colorTable().ifPresent(ct -> {
            if (type != DataType.UINT8 && type != DataType.UINT16) {
                throw new IllegalArgumentException("a colour table needs uint8 or uint16 samples, got " + type);
            }
            if (ct.size() > (1 << type.bits())) {
                throw new IllegalArgumentException("a colour table of " + ct.size() + " entries does not fit "
                        + type.bits() + "-bit indices");
            }
        });
        data = new Object[bands];
        for (int b = 0; b < bands; b++) {
            data[b] = bandArray(raster, b);
        }
        nodataString(); // validates
    }

    private static Object bandArray(Raster r, int b) {
        return switch (r) {
            case ByteRaster x -> x.unsafeBandArray(b);
            case ShortRaster x -> x.unsafeBandArray(b);
            case IntRaster x -> x.unsafeBandArray(b);
            case FloatRaster x -> x.unsafeBandArray(b);
            case DoubleRaster x -> x.unsafeBandArray(b);
        };
    }

    void write(Path path, ProgressListener progress) throws IOException {
        boolean ok = false;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long pos = big ? 16 : 8;
            long[] offsets = new long[chunkCount];
            long[] counts = new long[chunkCount];
            int threads = Math.max(1, Math.min(RasterDecoder.threads(), chunkCount));
            int batch = Math.max(1, threads * 4);
            for (int start = 0; start < chunkCount; start += batch) {
                int end = Math.min(chunkCount, start + batch);
                byte[][] encoded = encodeBatch(start, end, threads);
                for (int c = start; c < end; c++) {
                    byte[] e = encoded[c - start];
                    if (!big && pos + e.length > 0xFFFFFFFFL) {
                        throw new IOException(path + ": the file exceeds 4 GiB; write it as BigTIFF "
                                + "(GeoTiffWriteOptions.withBigTiff(BigTiff.YES or AUTO))");
                    }
                    offsets[c] = pos;
                    counts[c] = e.length;
                    writeFully(ch, ByteBuffer.wrap(e), pos);
                    pos += e.length;
                    if ((pos & 1) != 0) { // keep every offset word-aligned, as the TIFF spec asks
                        writeFully(ch, ByteBuffer.wrap(new byte[1]), pos);
                        pos++;
                    }
                }
                progress.progress(end, chunkCount, "writing " + path.getFileName());
            }
            long ifdOffset = pos;
            byte[] ifd = buildIfd(ifdOffset, offsets, counts);
            if (!big && ifdOffset + ifd.length > 0xFFFFFFFFL) {
                throw new IOException(path + ": the file exceeds 4 GiB; write it as BigTIFF");
            }
            writeFully(ch, ByteBuffer.wrap(ifd), ifdOffset);
            ByteBuffer head = ByteBuffer.allocate(big ? 16 : 8).order(order);
            head.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
            head.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
            if (big) {
                head.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifdOffset);
            } else {
                head.putShort((short) 42).putInt((int) ifdOffset);
            }
            head.flip();
            writeFully(ch, head, 0);
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }

    private byte[][] encodeBatch(int start, int end, int threads) throws IOException {
        byte[][] out = new byte[end - start][];
        int n = end - start;
        if (threads <= 1 || n == 1) {
            Encoder enc = new Encoder();
            try {
                for (int c = start; c < end; c++) {
                    out[c - start] = enc.encode(c);
                }
            } finally {
                enc.close();
            }
            return out;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        int per = (n + threads - 1) / threads;
        for (int t = 1; t < threads; t++) {
            int from = start + t * per;
            int to = Math.min(end, from + per);
            if (from >= to) {
                break;
            }
            tasks.add(ForkJoinPool.commonPool().submit(() -> {
                Encoder enc = new Encoder();
                try {
                    for (int c = from; c < to; c++) {
                        out[c - start] = enc.encode(c);
                    }
                } finally {
                    enc.close();
                }
            }));
        }
        Encoder enc = new Encoder();
        try {
            for (int c = start; c < Math.min(end, start + per); c++) {
                out[c - start] = enc.encode(c);
            }
        } finally {
            enc.close();
        }
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
        return out;
    }

    /** Per-thread encoding state. */
    private final class Encoder {
        private final Deflater deflater = compression == 8 ? new Deflater(opts.deflateLevel()) : null;
        private final byte[] buf = new byte[blockWidth * blockHeight * chunkSamples * bytes];
        private final byte[] tmp = new byte[blockWidth * chunkSamples * bytes];
        private byte[] zbuf = new byte[0];

        byte[] encode(int chunk) {
            int plane = planar ? chunk / perPlane : -1;
            int block = chunk % perPlane;
            int cx = (block % across) * blockWidth;
            int cy = (block / across) * blockHeight;
            int rows = opts.tiled() ? blockHeight : Math.min(blockHeight, height - cy);
            int nx = Math.min(blockWidth, width - cx);
            int ny = Math.min(rows, height - cy);
            int rowBytes = blockWidth * chunkSamples * bytes;
            int len = rows * rowBytes;
            if (nx < blockWidth || ny < rows) {
                Arrays.fill(buf, 0, len, (byte) 0);
            }
            for (int y = 0; y < ny; y++) {
                int src = (cy + y) * width + cx;
                if (planar) {
                    Samples.copyOut(data[plane], src, nx, buf, y * rowBytes, 1, order);
                } else {
                    for (int b = 0; b < bands; b++) {
                        Samples.copyOut(data[b], src, nx, buf, y * rowBytes + b * bytes, chunkSamples, order);
                    }
                }
            }
            int rowSamples = blockWidth * chunkSamples;
            if (predictor == 2) {
                Predictors.applyHorizontal(buf, rows, rowSamples, chunkSamples, bytes, order);
            } else if (predictor == 3) {
                Predictors.applyFloat(buf, rows, rowSamples, chunkSamples, bytes, order, tmp);
            }
            return switch (compression) {
                case 1 -> Arrays.copyOf(buf, len);
                case 5 -> Lzw.encode(buf, 0, len);
                case 8 -> deflate(len);
                case 32773 -> {
                    ByteArrayOutputStream o = new ByteArrayOutputStream(len / 2 + 16);
                    for (int r = 0; r < rows; r++) {
                        PackBits.encodeRow(buf, r * rowBytes, rowBytes, o);
                    }
                    yield o.toByteArray();
                }
                default -> throw new IllegalStateException("compression " + compression);
            };
        }

        private byte[] deflate(int len) {
            deflater.reset();
            deflater.setInput(buf, 0, len);
            deflater.finish();
            if (zbuf.length < len / 2 + 64) {
                zbuf = new byte[len / 2 + 64];
            }
            int n = 0;
            while (!deflater.finished()) {
                if (n == zbuf.length) {
                    zbuf = Arrays.copyOf(zbuf, zbuf.length * 2);
                }
                n += deflater.deflate(zbuf, n, zbuf.length - n);
            }
            return Arrays.copyOf(zbuf, n);
        }

        void close() {
            if (deflater != null) {
                deflater.end();
            }
        }
    }

    // ---- IFD ----

    private record Field(int tag, int type, long count, byte[] value) {
    }

    private byte[] buildIfd(long ifdOffset, long[] offsets, long[] counts) {
        List<Field> f = new ArrayList<>();
        f.add(longs(IMAGE_WIDTH, width));
        f.add(longs(IMAGE_LENGTH, height));
        int[] bps = new int[bands];
        Arrays.fill(bps, type.bits());
        f.add(shorts(BITS_PER_SAMPLE, bps));
        f.add(shorts(COMPRESSION, compression));
        f.add(shorts(PHOTOMETRIC, opts.colorTable().isPresent() ? 3 : 1));
        f.add(offsetsField(opts.tiled() ? TILE_OFFSETS : STRIP_OFFSETS, offsets));
        f.add(shorts(SAMPLES_PER_PIXEL, bands));
        if (!opts.tiled()) {
            f.add(longs(ROWS_PER_STRIP, blockHeight));
        }
        f.add(offsetsField(opts.tiled() ? TILE_BYTE_COUNTS : STRIP_BYTE_COUNTS, counts));
        f.add(shorts(PLANAR_CONFIG, planar ? 2 : 1));
        if (predictor != 1) {
            f.add(shorts(PREDICTOR, predictor));
        }
        opts.colorTable().ifPresent(ct -> f.add(colorMap(ct)));
        if (opts.tiled()) {
            f.add(longs(TILE_WIDTH, blockWidth));
            f.add(longs(TILE_LENGTH, blockHeight));
        }
        if (bands > 1) {
            f.add(shorts(EXTRA_SAMPLES, new int[bands - 1]));
        }
        int[] fmt = new int[bands];
        Arrays.fill(fmt, type.isInteger() ? (type.isSigned() ? 2 : 1) : 3);
        f.add(shorts(SAMPLE_FORMAT, fmt));
        meta.geoReference().ifPresent(g -> addGeo(f, g));
        String xml = gdalMetadata();
        if (xml != null) {
            f.add(ascii(GDAL_METADATA, xml));
        }
        String nd = nodataString();
        if (nd != null) {
            f.add(ascii(GDAL_NODATA, nd));
        }
        f.sort((a, b) -> Integer.compare(a.tag(), b.tag()));

        int entrySize = big ? 20 : 12;
        int inline = big ? 8 : 4;
        long headLen = (big ? 8 : 2) + (long) f.size() * entrySize + (big ? 8 : 4);
        long valuesAt = ifdOffset + headLen;
        long total = headLen;
        for (Field x : f) {
            if (x.value().length > inline) {
                total += x.value().length + (x.value().length & 1);
            }
        }
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(total)).order(order);
        if (big) {
            b.putLong(f.size());
        } else {
            b.putShort((short) f.size());
        }
        long vpos = valuesAt;
        List<byte[]> deferred = new ArrayList<>();
        for (Field x : f) {
            b.putShort((short) x.tag()).putShort((short) x.type());
            if (big) {
                b.putLong(x.count());
            } else {
                b.putInt((int) x.count());
            }
            byte[] v = x.value();
            if (v.length <= inline) {
                b.put(v);
                for (int i = v.length; i < inline; i++) {
                    b.put((byte) 0);
                }
            } else {
                if (big) {
                    b.putLong(vpos);
                } else {
                    b.putInt((int) vpos);
                }
                deferred.add(v);
                vpos += v.length + (v.length & 1);
            }
        }
        if (big) {
            b.putLong(0);
        } else {
            b.putInt(0);
        }
        for (byte[] v : deferred) {
            b.put(v);
            if ((v.length & 1) != 0) {
                b.put((byte) 0);
            }
        }
        return b.array();
    }

    private Field shorts(int tag, int... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 2).order(order);
        for (int x : v) {
            b.putShort((short) x);
        }
        return new Field(tag, TYPE_SHORT, v.length, b.array());
    }

    private Field longs(int tag, long... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(order);
        for (long x : v) {
            b.putInt((int) x);
        }
        return new Field(tag, TYPE_LONG, v.length, b.array());
    }

    private Field offsetsField(int tag, long[] v) {
        if (!big) {
            return longs(tag, v);
        }
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(order);
        for (long x : v) {
            b.putLong(x);
        }
        return new Field(tag, TYPE_LONG8, v.length, b.array());
    }

    private Field doubles(int tag, double... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(order);
        for (double x : v) {
            b.putDouble(x);
        }
        return new Field(tag, TYPE_DOUBLE, v.length, b.array());
    }

    private static Field ascii(int tag, String s) {
        byte[] t = (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
        return new Field(tag, TYPE_ASCII, t.length, t);
    }

    private Field colorMap(ColorTable ct) {
        int n = 1 << type.bits();
        int[] v = new int[3 * n];
        for (int i = 0; i < Math.min(n, ct.size()); i++) {
            v[i] = ct.red(i) * 257;
            v[n + i] = ct.green(i) * 257;
            v[2 * n + i] = ct.blue(i) * 257;
        }
        return shorts(COLOR_MAP, v);
    }

    private void addGeo(List<Field> f, GeoReference g) {
        GeoTransform t = g.transform();
        if (t.rowRotation() == 0 && t.columnRotation() == 0) {
            f.add(doubles(MODEL_PIXEL_SCALE, t.pixelWidth(), -t.pixelHeight(), 0));
            f.add(doubles(MODEL_TIEPOINT, 0, 0, 0, t.originX(), t.originY(), 0));
        } else {
            f.add(doubles(MODEL_TRANSFORMATION,
                    t.pixelWidth(), t.rowRotation(), 0, t.originX(),
                    t.columnRotation(), t.pixelHeight(), 0, t.originY(),
                    0, 0, 0, 0,
                    0, 0, 0, 1));
        }
        List<int[]> keys = new ArrayList<>();
        String asciiParams = null;
        Crs crs = g.crs().orElse(null);
        if (crs != null && crs.epsgCode() > 0) {
            int code = crs.epsgCode();
            boolean geographic = EpsgGeographic.isGeographic(code);
            keys.add(new int[] {GeoKeyDirectory.GT_MODEL_TYPE, 0, 1, geographic ? 2 : 1});
            keys.add(new int[] {GeoKeyDirectory.GT_RASTER_TYPE, 0, 1, 1});
            keys.add(new int[] {geographic ? GeoKeyDirectory.GEOGRAPHIC_TYPE : GeoKeyDirectory.PROJECTED_CS_TYPE, 0, 1,
                code});
        } else if (crs != null) {
            // a CRS known only by WKT: GDAL reads it back from the citation as an ESRI PE string
            asciiParams = "ESRI PE String = " + crs.wkt() + "|";
            keys.add(new int[] {GeoKeyDirectory.GT_MODEL_TYPE, 0, 1, crs.wkt().strip().toUpperCase(java.util.Locale.ROOT)
                    .startsWith("GEOG") ? 2 : 1});
            keys.add(new int[] {GeoKeyDirectory.GT_RASTER_TYPE, 0, 1, 1});
            keys.add(new int[] {GeoKeyDirectory.GT_CITATION, GEO_ASCII_PARAMS, asciiParams.length(), 0});
        } else {
            keys.add(new int[] {GeoKeyDirectory.GT_RASTER_TYPE, 0, 1, 1});
        }
        keys.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] dir = new int[4 + 4 * keys.size()];
        dir[0] = 1;
        dir[1] = 1;
        dir[2] = 0;
        dir[3] = keys.size();
        for (int i = 0; i < keys.size(); i++) {
            System.arraycopy(keys.get(i), 0, dir, 4 + 4 * i, 4);
        }
        f.add(shorts(GEO_KEY_DIRECTORY, dir));
        if (asciiParams != null) {
            f.add(ascii(GEO_ASCII_PARAMS, asciiParams));
        }
    }

    private String gdalMetadata() {
        List<String> names = meta.bandNames();
        List<String> desc = new ArrayList<>(bands);
        boolean any = false;
        for (int b = 0; b < bands; b++) {
            String n = names.get(b);
            boolean dflt = n.equals(Integer.toString(b + 1));
            desc.add(dflt ? "" : n);
            any |= !dflt;
        }
        Map<String, String> items = opts.metadata();
        if (!any && items.isEmpty()) {
            return null;
        }
        return GdalMetadata.format(items, desc);
    }

    /** GDAL_NODATA as GDAL writes it; one value for every band. */
    private String nodataString() {
        Double value = null;
        for (OptionalDouble o : meta.nodata()) {
            if (o.isPresent()) {
                double v = o.getAsDouble();
                if (value != null && Double.compare(value, v) != 0) {
                    throw new IllegalArgumentException("GeoTIFF stores one nodata value for all bands (GDAL_NODATA); "
                            + "this raster has " + meta.nodata());
                }
                value = v;
            }
        }
        if (value == null) {
            return null;
        }
        double v = value;
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
