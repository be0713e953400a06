package org.landcover4j.io.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.npy.NdArray;
import org.landcover4j.io.npy.Npy;
import org.landcover4j.io.png.Png;
import org.landcover4j.io.tiff.GeoTiff;
import org.landcover4j.io.tiff.GeoTiffWriteOptions;

/**
 * File writers of the sample generator: every output is byte-for-byte reproducible (fixed zip timestamps, fixed
 * JPEG settings, {@code \n} line endings, ordered JSON).
 */
final class Out {
    /** 1980-01-01 00:00, the zip epoch: every npz member gets this local timestamp (time-zone independent). */
    private static final java.time.LocalDateTime ZIP_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Out() {
    }

    static Path dir(Path dir) throws IOException {
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * Whether GeoTIFFs are compressed, for the generator call running on this thread (set by
     * {@link SampleGenerator}; a thread-local so that the per-dataset writers need no extra parameter).
     */
    static final ThreadLocal<Boolean> COMPRESS = ThreadLocal.withInitial(() -> Boolean.TRUE);

    /**
     * DEFLATE with predictor, in strips for rasters narrower than a tile and 256 x 256 tiles otherwise; or, when
     * {@link #COMPRESS} is off, uncompressed strips of about 64 KiB as GDAL writes by default (the layout of the
     * real LandCoverNet source files and of torchgeo's SEN12MS fixtures).
     */
    static GeoTiffWriteOptions tiffOptions(Raster r) {
        GeoTiffWriteOptions o = GeoTiffWriteOptions.defaults();
        if (!COMPRESS.get()) {
            return o.withCompression(org.landcover4j.io.tiff.TiffCompression.NONE).withStrips(0);
        }
        return r.width() < 256 || r.height() < 256 ? o.withStrips(0) : o;
    }

    static void tiff(Path file, Raster r) throws IOException {
        tiff(file, r, tiffOptions(r));
    }

    static void tiff(Path file, Raster r, GeoTiffWriteOptions options) throws IOException {
        dir(file.getParent());
        GeoTiff.write(file, r, options);
    }

    static void png(Path file, Raster r) throws IOException {
        dir(file.getParent());
        Png.write(file, r);
    }

    /** Writes a 3-band uint8 raster as a baseline JPEG with the JDK's ImageIO writer at the given quality. */
    static void jpeg(Path file, ByteRaster rgb, float quality) throws IOException {
        int w = rgb.width();
        int h = rgb.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] r = rgb.unsafeBandArray(0);
        byte[] g = rgb.unsafeBandArray(1);
        byte[] b = rgb.unsafeBandArray(2);
        byte[] dst = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < w * h; i++) {
            dst[3 * i] = b[i];
            dst[3 * i + 1] = g[i];
            dst[3 * i + 2] = r[i];
        }
        ImageWriter writer = jpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        dir(file.getParent());
        Files.write(file, bytes.toByteArray());
    }

    private static ImageWriter jpegWriter() throws IOException {
        ImageWriter fallback = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio")) {
                return w;
            }
            if (fallback == null) {
                fallback = w;
            }
        }
        if (fallback == null) {
            throw new IOException("no JPEG ImageWriter in this JVM");
        }
        return fallback;
    }

    static void text(Path file, String text) throws IOException {
        dir(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void json(Path file, JsonNode node) throws IOException {
        text(file, JSON.writeValueAsString(node) + "\n");
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * Writes an {@code .npz} archive like {@code numpy.savez_compressed}: one deflated {@code <key>.npy} member per
     * array, encoded by the library's own NPY writer, in map order, with a fixed timestamp.
     */
    static void npz(Path file, Map<String, NdArray> arrays) throws IOException {
        dir(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".member", ".npy");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(6);
            for (var e : arrays.entrySet()) {
                Npy.write(tmp, e.getValue());
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                entry.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(entry);
                zip.write(Files.readAllBytes(tmp));
                zip.closeEntry();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
