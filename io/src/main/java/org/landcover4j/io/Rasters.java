package org.landcover4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.jpeg.Jpeg;
import org.landcover4j.io.npy.NdArray;
import org.landcover4j.io.npy.Npy;
import org.landcover4j.io.npy.NpyHeader;
import org.landcover4j.io.npy.Npz;
import org.landcover4j.io.png.Png;
import org.landcover4j.io.tiff.GeoTiff;
import org.landcover4j.io.tiff.GeoTiffInfo;

/**
 * Reads any raster file landcover4j knows, choosing the codec by the file's first bytes (never by its name):
 * GeoTIFF/TIFF/BigTIFF, PNG, JPEG, NumPy {@code .npy}, and one array of an {@code .npz} archive.
 *
 * <p>An {@code .npz} array is named as {@code archive.npz:key} (the last {@code :} separates the key when the
 * whole name is not itself a file); without a key, an archive holding exactly one array yields it. Arrays become
 * rasters as {@link NdArray#asRaster()} describes (2-D one band; 3-D channels-last {@code H x W x C}).
 *
 * <p>Errors: an unknown format is an {@link InvalidDataException} naming the file and the bytes found; every
 * codec reports its own problems the same way.
 *
 * <p>Thread safety: stateless; all methods may be called from many threads at once.
 *
 * {@snippet :
 * Raster label = Rasters.read(Path.of("label.png"));
 * Raster s2 = Rasters.read(Path.of("S2A_43QEU_20201018_0_L2A.npz:gsd_10"));
 * RasterInfo info = Rasters.probe(Path.of("labels.tif"));   // header only
 * }
 */
public final class Rasters {
    private Rasters() {
    }

    /**
     * Reads a raster with the default {@link DecodeLimits}.
     *
     * @throws InvalidDataException if the file is corrupt, unsupported, or not a raster format
     * @throws IOException          if the file cannot be read (for instance {@link NoSuchFileException})
     */
    public static Raster read(Path file) throws IOException {
        return read(file, DecodeLimits.defaults());
    }

    /**
     * Reads a raster, refusing files whose decoded size exceeds {@code limits}.
     *
     * @throws InvalidDataException if the file is corrupt, unsupported, not a raster format, or over the limits
     * @throws IOException          if the file cannot be read
     */
    public static Raster read(Path file, DecodeLimits limits) throws IOException {
        Objects.requireNonNull(limits, "limits");
        Source s = resolve(file);
        return switch (s.format) {
            case GEOTIFF -> GeoTiff.read(s.file, limits);
            case PNG -> Png.read(s.file, limits);
            case JPEG -> Jpeg.read(s.file, limits);
            case NPY -> Npy.readRaster(s.file, NdArray.Layout.CHANNELS_LAST, limits);
            case NPZ -> {
                try (Npz npz = Npz.open(s.file, limits)) {
                    yield npz.readRaster(key(npz, s.key), NdArray.Layout.CHANNELS_LAST);
                }
            }
        };
    }

    /**
     * Reads what a file holds from its header only: format, type, bands, size, georeference, nodata, colour table.
     *
     * @throws InvalidDataException if the header is invalid or the format unknown
     * @throws IOException          if the file cannot be read
     */
    public static RasterInfo probe(Path file) throws IOException {
        Source s = resolve(file);
        DecodeLimits limits = DecodeLimits.defaults();
        return switch (s.format) {
            case GEOTIFF -> {
                GeoTiffInfo g = GeoTiff.probe(s.file, limits);
                if ((long) g.width() * g.height() > Integer.MAX_VALUE) {
                    throw new InvalidDataException(s.file, "image of " + g.width() + "x" + g.height()
                            + " pixels is larger than one band can hold; read it by windows with GeoTiff");
                }
                yield new RasterInfo(s.file, RasterFormat.GEOTIFF, g.metadata(), g.colorTable());
            }
            case PNG -> Png.probe(s.file).rasterInfo(s.file);
            case JPEG -> Jpeg.probe(s.file);
            case NPY -> arrayInfo(s.file, RasterFormat.NPY, Npy.probe(s.file));
            case NPZ -> {
                try (Npz npz = Npz.open(s.file, limits)) {
                    yield arrayInfo(s.file, RasterFormat.NPZ, npz.header(key(npz, s.key)));
                }
            }
        };
    }

    /**
     * Detects a file's format from its first bytes.
     *
     * @throws InvalidDataException naming the file and the bytes found when no format matches, or when it is empty
     * @throws IOException          if the file cannot be read
     */
    public static RasterFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        RasterFormat f = detect(head);
        if (f == null) {
            if (head.length == 0) {
                throw new InvalidDataException(file, "file is empty (0 bytes); expected a raster (GeoTIFF, PNG, JPEG, "
                        + "NPY or NPZ)");
            }
            throw new InvalidDataException(file, "unknown raster format: the file starts with " + describe(head)
                    + "; expected GeoTIFF (II*\\0, MM\\0*, II+\\0, MM\\0+), PNG (\\x89PNG), JPEG (FF D8 FF), "
                    + "NPY (\\x93NUMPY) or NPZ (PK\\3\\4)");
        }
        return f;
    }

    /** The format these leading bytes announce, or null. */
    static RasterFormat detect(byte[] h) {
        if (starts(h, 'I', 'I', 0x2A, 0) || starts(h, 'M', 'M', 0, 0x2A) || starts(h, 'I', 'I', 0x2B, 0)
                || starts(h, 'M', 'M', 0, 0x2B)) {
            return RasterFormat.GEOTIFF;
        }
        if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return RasterFormat.PNG;
        }
        if (starts(h, 0xFF, 0xD8, 0xFF)) {
            return RasterFormat.JPEG;
        }
        if (starts(h, 0x93, 'N', 'U', 'M', 'P', 'Y')) {
            return RasterFormat.NPY;
        }
        if (starts(h, 'P', 'K', 3, 4) || starts(h, 'P', 'K', 5, 6)) {
            return RasterFormat.NPZ;
        }
        return null;
    }

    private static boolean starts(byte[] h, int... magic) {
        if (h.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String describe(byte[] h) {
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < h.length; i++) {
            int b = h[i] & 0xFF;
            hex.append(i == 0 ? "" : " ").append(String.format("%02X", b));
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return hex + " (\"" + text + "\")";
    }

    private record Source(Path file, RasterFormat format, String key) {
    }

    /** Splits {@code archive.npz:key} and detects the format. */
    private static Source resolve(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            int colon = name.lastIndexOf(':');
            if (colon > 0 && colon < name.length() - 1) {
                Path archive = file.resolveSibling(name.substring(0, colon));
                if (Files.isRegularFile(archive)) {
                    RasterFormat f = detect(archive);
                    if (f != RasterFormat.NPZ) {
                        throw new InvalidDataException(archive, "is " + f + ", not an .npz archive, so '"
                                + name.substring(colon + 1) + "' cannot name an array in it");
                    }
                    return new Source(archive, f, name.substring(colon + 1));
                }
            }
            throw new NoSuchFileException(file.toString());
        }
        return new Source(file, detect(file), null);
    }

    private static String key(Npz npz, String key) throws InvalidDataException {
        if (key != null) {
            return key;
        }
        List<String> keys = npz.keys();
        if (keys.size() != 1) {
            throw new InvalidDataException(npz.file(), "archive holds " + keys.size() + " arrays " + keys
                    + "; name one as " + npz.file().getFileName() + ":KEY");
        }
        return keys.get(0);
    }

    private static RasterInfo arrayInfo(Path file, RasterFormat format, NpyHeader h) throws InvalidDataException {
        try {
            return new RasterInfo(file, format, h.rasterMetadata(NdArray.Layout.CHANNELS_LAST), Optional.empty());
        } catch (IllegalStateException e) {
            throw new InvalidDataException(file, e.getMessage());
        }
    }
}
