package org.landcover4j.io.dataset;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.io.Rasters;

/**
 * Decodes the raster files of a dataset sample and checks their shape, turning every failure into an
 * {@link InvalidDataException} that names the file.
 *
 * <p>Stateless and thread-safe.
 *
 * {@snippet :
 * Raster s2 = RasterFiles.read(path);
 * RasterFiles.requireBands(s2, path, 13, "Sentinel-2 bands");
 * }
 */
public final class RasterFiles {

    private RasterFiles() {
    }

    /**
     * Reads a raster file of any supported format (GeoTIFF, PNG, JPEG).
     *
     * @throws InvalidDataException naming the file when it is missing, unreadable, corrupt or unsupported
     */
    public static Raster read(Path file) throws InvalidDataException {
        try {
            return Rasters.read(file);
        } catch (InvalidDataException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(file, "is missing (it was present when the dataset was opened)", e);
        } catch (IOException e) {
            throw new InvalidDataException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the band count of a decoded raster.
     *
     * @throws InvalidDataException naming the file, the expected and the found count
     */
    public static Raster requireBands(Raster r, Path file, int bands, String what) throws InvalidDataException {
        if (r.bands() != bands) {
            throw new InvalidDataException(file, "has " + r.bands() + " bands; expected " + bands + " (" + what + ")");
        }
        return r;
    }

    /**
     * Checks that {@code r} has the same width and height as {@code reference}.
     *
     * @throws InvalidDataException naming {@code file} and both sizes
     */
    public static Raster requireSameSize(Raster r, Path file, Raster reference, Path referenceFile)
            throws InvalidDataException {
        if (r.width() != reference.width() || r.height() != reference.height()) {
            throw new InvalidDataException(file, "is " + r.width() + "x" + r.height() + " pixels but "
                    + referenceFile.getFileName() + " is " + reference.width() + "x" + reference.height()
                    + "; expected the same size");
        }
        return r;
    }

    /** The raster with these band names (storage shared). */
    public static Raster named(Raster r, List<String> names) {
        return r.withMetadata(r.metadata().withBandNames(names));
    }
}
