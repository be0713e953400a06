package org.landcover4j.io.jpeg;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.WarningListener;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DataType;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.io.DecodeLimits;
import org.landcover4j.io.RasterFormat;
import org.landcover4j.io.RasterInfo;

/**
 * Reads JPEG images as rasters: one band (greyscale) or three (red, green, blue), {@code UINT8},
 * band-sequential.
 *
 * <p>Decoding: the common case (baseline or 8-bit extended sequential Huffman DCT in one interleaved scan, grey
 * or YCbCr with 4:4:4, 4:2:2 or 4:2:0 sampling, with or without restart intervals) goes to landcover4j's own
 * decoder, which writes the bands directly and reproduces libjpeg's default pipeline bit for bit (accurate
 * integer IDCT, fancy upsampling, integer YCbCr to RGB), so its pixels equal the JDK reader's and Pillow's. Its
 * IDCT, upsampling and colour conversion use the Vector API when the {@code jdk.incubator.vector} module is
 * present (same bytes, about twice as fast), scalar code otherwise.
 * The headers alone decide; every other file (progressive, arithmetic-coded, 12-bit, lossless, CMYK/YCCK, Adobe
 * or RGB-coded, other sampling factors, several scans) goes to the JDK's own JPEG reader (libjpeg) and, when that
 * fails on an unusual file (CMYK or YCCK, a broken ICC profile, odd Adobe markers), to the TwelveMonkeys reader,
 * which converts CMYK to RGB. Pixels are copied from the decoded image's buffer in one pass, never through
 * per-pixel {@code getRGB}. Colours are not managed: an embedded ICC profile is not applied, as PIL does not
 * apply it either. On every test file (baseline 4:2:0 and 4:4:4, progressive, grey, CMYK, and the real Globe230k
 * patches) the pixels are identical to Pillow's (libjpeg-turbo); other encoders' files may differ by a unit where
 * IDCTs differ.
 *
 * <p>The own decoder is stricter than libjpeg on corrupt scan data: an invalid Huffman code, scan data that end
 * before the last block, or a missing restart marker is an {@link InvalidDataException} (libjpeg pads with
 * zeros and warns); bytes left over after the last block are a warning, as in libjpeg.
 *
 * <p>Checks before decoding: the start-of-image marker, the marker segment structure up to the first scan, the
 * frame size against {@link DecodeLimits}, and an end-of-image marker after the scan data (a truncated file is
 * an {@link InvalidDataException}, not a grey-padded image). Decoder failures become
 * {@link InvalidDataException}s naming the file; decoder warnings (such as extraneous bytes) go to a
 * {@link WarningListener}.
 *
 * <p>Thread safety: stateless; all methods may be called from many threads at once.
 *
 * {@snippet :
 * Raster rgb = Jpeg.read(Path.of("globe230k/image_patch/data_113.jpg"));   // 3 bands, 512x512, uint8
 * RasterInfo info = Jpeg.probe(Path.of("globe230k/image_patch/data_113.jpg"));
 * }
 */
public final class Jpeg {
    private static final String JDK_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";
    private static final String TWELVEMONKEYS_READER = "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader";

    private Jpeg() {
    }

    /**
     * Reads the frame header: size and band count (1 or 3), without decoding pixels.
     *
     * @throws InvalidDataException if the marker structure up to the first scan is invalid
     * @throws IOException          if the file cannot be read
     */
    public static RasterInfo probe(Path file) throws IOException {
        byte[] head = readHead(file, 16 << 20);
        JpegHeader h = JpegHeader.scan(head, head.length, file, false);
        int bands = h.components() == 1 ? 1 : 3;
        if ((long) h.width() * h.height() > Integer.MAX_VALUE) {
            throw new InvalidDataException(file, "image size " + h.width() + "x" + h.height()
                    + " has more pixels than a band can hold (2^31-1)");
        }
        return new RasterInfo(file, RasterFormat.JPEG, RasterMetadata.of(DataType.UINT8, bands, h.height(), h.width()),
                Optional.empty());
    }

    /** Decodes a JPEG file with the default limits, logging decoder warnings. */
    public static Raster read(Path file) throws IOException {
        return read(file, DecodeLimits.defaults(), WarningListener.logging());
    }

    /** Decodes a JPEG file, refusing images over the limits, logging decoder warnings. */
    public static Raster read(Path file, DecodeLimits limits) throws IOException {
        return read(file, limits, WarningListener.logging());
    }

    /**
     * Decodes a JPEG file.
     *
     * @param warnings receives decoder warnings (extraneous bytes, unusual markers) that do not stop decoding
     * @throws InvalidDataException if the file is not a valid JPEG, is truncated, or exceeds the limits
     * @throws IOException          if the file cannot be read
     */
    public static Raster read(Path file, DecodeLimits limits, WarningListener warnings) throws IOException {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(warnings, "warnings");
        byte[] bytes = Files.readAllBytes(file);
        return decode(bytes, file, limits, warnings);
    }

    /**
     * Decodes a JPEG held in memory; error messages name no file.
     *
     * @throws InvalidDataException if the bytes are not a valid JPEG or exceed the limits
     */
    public static Raster decode(byte[] jpeg, DecodeLimits limits) throws InvalidDataException {
        return decode(jpeg, null, limits, WarningListener.ignore());
    }

    static Raster decode(byte[] bytes, Path file, DecodeLimits limits, WarningListener warnings)
            throws InvalidDataException {
        JpegHeader h = JpegHeader.scan(bytes, bytes.length, file, true);
        int bands = h.components() == 1 ? 1 : 3;
        if (h.width() > limits.maxDimension() || h.height() > limits.maxDimension()) {
            throw new InvalidDataException(file, "image size " + h.width() + "x" + h.height() + " exceeds the limit of "
                    + limits.maxDimension() + " pixels per side");
        }
        // the decoder holds the image plus its own buffers (coefficients of progressive files): count 4 bytes a sample
        long need = (long) h.width() * h.height() * Math.max(bands, h.components()) * (h.progressive() ? 4 : 2);
        if (!limits.allows(need)) {
            throw new InvalidDataException(file, "image of " + h.width() + "x" + h.height() + "x" + h.components()
                    + " needs about " + need + " bytes to decode, more than the decode limit of "
                    + limits.maxOutputBytes() + " bytes");
        }
        if (h.precision() != 8) {
            throw new InvalidDataException(file, h.precision() + "-bit JPEG is not supported (only 8-bit samples)");
        }
        // the common case (baseline or 8-bit extended sequential, one interleaved scan, grey or YCbCr 4:4:4, 4:2:2,
        // 4:2:0) goes to the own decoder; the headers alone decide, everything else goes to ImageIO below
        JpegDecoder.Plan plan = JpegDecoder.plan(bytes, bytes.length, file);
        if (plan != null) {
            long own = plan.memory();
            if (!limits.allows(own)) {
                throw new InvalidDataException(file, "image of " + h.width() + "x" + h.height() + "x"
                        + h.components() + " needs about " + own + " bytes to decode, more than the decode limit of "
                        + limits.maxOutputBytes() + " bytes");
            }
            return JpegDecoder.decode(plan, bytes, file, warnings);
        }
        String source = file == null ? "JPEG data" : file.toString();
        List<String> messages = new ArrayList<>();
        Throwable first = null;
        // the JDK reader returns CMYK/YCCK files as raw 4-band CMYK: those go to TwelveMonkeys, which converts them
        List<String> order = h.components() == 4 ? List.of(TWELVEMONKEYS_READER) : List.of(JDK_READER, TWELVEMONKEYS_READER);
        for (String readerClass : order) {
            ImageReader reader;
            try {
                reader = reader(readerClass);
            } catch (IOException | RuntimeException e) {
                messages.add(simpleName(readerClass) + " could not be created: " + e);
                continue;
            }
            if (reader == null) {
                continue;
            }
            List<String> decoderWarnings = new ArrayList<>();
            try (var in = new ByteArrayImageInputStream(bytes)) {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener(new Collect(decoderWarnings));
                BufferedImage img = reader.read(0, reader.getDefaultReadParam());
                Raster r = toRaster(img, bands, h);
                for (String w : decoderWarnings) {
                    warnings.warning(source, "JPEG decoder warning: " + w);
                }
                return r;
            } catch (IOException | RuntimeException | LinkageError e) {
                // LinkageError: a colour-management library failing on a hostile ICC profile
                messages.add(simpleName(readerClass) + ": " + e);
                if (first == null) {
                    first = e;
                }
            } finally {
                reader.dispose();
            }
        }
        throw new InvalidDataException(file, "cannot decode the JPEG " + (h.progressive() ? "(progressive, " : "(")
                + h.components() + " components): " + String.join("; ", messages), first);
    }

    private static String simpleName(String readerClass) {
        return readerClass.startsWith("com.sun") ? "JDK reader" : "TwelveMonkeys reader";
    }

    /** A new reader of this class, from its service provider (found once); null when it is not installed. */
    private static ImageReader reader(String className) throws IOException {
        ImageReaderSpi spi = Spis.BY_CLASS.get(className);
        return spi == null ? null : spi.createReaderInstance();
    }

    /** The JPEG reader providers, looked up once (creating every registered reader per call costs ~0.3 ms). */
    private static final class Spis {
        static final Map<String, ImageReaderSpi> BY_CLASS = find();

        private static Map<String, ImageReaderSpi> find() {
            ImageIO.scanForPlugins();
            Map<String, ImageReaderSpi> m = new HashMap<>();
            Iterator<ImageReaderSpi> it = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class,
                    true);
            while (it.hasNext()) {
                ImageReaderSpi spi = it.next();
                if (Arrays.asList(spi.getFormatNames()).contains("jpeg")) {
                    m.putIfAbsent(spi.getPluginClassName(), spi);
                }
            }
            return Map.copyOf(m);
        }
    }

    /** Copies the decoded pixels into band arrays, straight from the image's data buffer where possible. */
    static Raster toRaster(BufferedImage img, int bands, JpegHeader h) throws IOException {
        WritableRaster wr = img.getRaster();
        int w = wr.getWidth();
        int hgt = wr.getHeight();
        if (w != h.width() || hgt != h.height()) {
            throw new IOException("decoder returned " + w + "x" + hgt + " for a " + h.width() + "x" + h.height()
                    + " frame");
        }
        int n = w * hgt;
        int have = wr.getNumBands();
        int out = bands;
        int space = img.getColorModel().getColorSpace().getType();
        if (have != bands || space != (bands == 1 ? ColorSpace.TYPE_GRAY : ColorSpace.TYPE_RGB)) {
            throw new IOException("decoder returned " + have + " bands in colour space type " + space + ", expected "
                    + bands + (bands == 1 ? " grey" : " RGB"));
        }
        byte[][] d = new byte[out][n];
        DataBuffer db = wr.getDataBuffer();
        boolean untranslated = wr.getSampleModelTranslateX() == 0 && wr.getSampleModelTranslateY() == 0
                && wr.getParent() == null;
        if (untranslated && db instanceof DataBufferByte bb && db.getNumBanks() == 1
                && wr.getSampleModel() instanceof ComponentSampleModel sm && sm.getNumBands() >= out) {
            byte[] src = bb.getData();
            int ps = sm.getPixelStride();
            int ss = sm.getScanlineStride();
            int[] offsets = sm.getBandOffsets();
            int base = bb.getOffset();
            if (out == 3 && ps == 3) {
                // the usual TYPE_3BYTE_BGR: one pass writing three bands
                byte[] r = d[0];
                byte[] g = d[1];
                byte[] bl = d[2];
                int or = offsets[0];
                int og = offsets[1];
                int ob = offsets[2];
                for (int y = 0; y < hgt; y++) {
                    int s = base + y * ss;
                    for (int x = 0, o = y * w; x < w; x++, o++, s += 3) {
                        r[o] = src[s + or];
                        g[o] = src[s + og];
                        bl[o] = src[s + ob];
                    }
                }
                out = 0;                                   // done
            }
            for (int b = 0; b < out; b++) {
                byte[] dst = d[b];
                for (int y = 0; y < hgt; y++) {
                    int s = base + y * ss + offsets[b];
                    int o = y * w;
                    if (ps == 1) {
                        System.arraycopy(src, s, dst, o, w);
                    } else {
                        for (int x = 0; x < w; x++, s += ps) {
                            dst[o + x] = src[s];
                        }
                    }
                }
            }
        } else if (untranslated && db instanceof DataBufferInt ib && db.getNumBanks() == 1
                && wr.getSampleModel() instanceof SinglePixelPackedSampleModel sm && sm.getNumBands() >= out) {
            int[] src = ib.getData();
            int[] masks = sm.getBitMasks();
            int[] shifts = sm.getBitOffsets();
            int ss = sm.getScanlineStride();
            for (int b = 0; b < out; b++) {
                byte[] dst = d[b];
                int mask = masks[b];
                int shift = shifts[b];
                for (int y = 0; y < hgt; y++) {
                    int s = ib.getOffset() + y * ss;
                    for (int x = 0; x < w; x++) {
                        dst[y * w + x] = (byte) ((src[s + x] & mask) >>> shift);
                    }
                }
            }
        } else {
            int[] row = new int[w];
            for (int b = 0; b < out; b++) {
                for (int y = 0; y < hgt; y++) {
                    wr.getSamples(0, y, w, 1, b, row);
                    for (int x = 0; x < w; x++) {
                        d[b][y * w + x] = (byte) row[x];
                    }
                }
            }
        }
        RasterMetadata m = RasterMetadata.of(DataType.UINT8, bands, hgt, w);
        if (bands == 3) {
            m = m.withBandNames("red", "green", "blue");
        }
        return ByteRaster.wrap(m, d);
    }

    private static byte[] readHead(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }

    private record Collect(List<String> sink) implements IIOReadWarningListener {
        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (sink.size() < 16) {
                sink.add(warning);
            }
        }
    }
}
