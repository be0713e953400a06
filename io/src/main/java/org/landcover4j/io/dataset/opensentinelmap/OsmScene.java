package org.landcover4j.io.dataset.opensentinelmap;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;
import org.landcover4j.io.npy.NdArray;
import org.landcover4j.io.npy.Npz;

/**
 * One date of an OpenSentinelMap cell's imagery: an {@code .npz} file, decoded only when {@link #read()} is
 * called.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * OsmScene scene = sample.scenes().get(0);
 * scene.date();              // 2020-10-18
 * OsmImagery im = scene.read();
 * }
 *
 * @param date         the acquisition date (the first 8-digit run of the file name)
 * @param name         the file name
 * @param file         the {@code .npz} file
 * @param geoReference the cell's 10 m georeference, if known
 */
public record OsmScene(LocalDate date, String name, Path file, Optional<GeoReference> geoReference) {

    /** Validates non-null components. */
    public OsmScene {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(geoReference, "geoReference (use Optional.empty())");
    }

    /**
     * Decodes the file: {@code gsd_10}, {@code gsd_20}, {@code gsd_60} (required), {@code scl} and
     * {@code bad_percent} (optional).
     *
     * @throws InvalidDataException naming the file when it is missing, corrupt, lacks a required array, or the
     *                              arrays do not have the expected channel counts and 1 : 2 : 6 size ratios
     */
    public OsmImagery read() throws InvalidDataException {
        try (Npz npz = Npz.open(file)) {
            FloatRaster g10 = floats(npz, "gsd_10", OsmImagery.GSD10_BANDS);
            FloatRaster g20 = floats(npz, "gsd_20", OsmImagery.GSD20_BANDS);
            FloatRaster g60 = floats(npz, "gsd_60", OsmImagery.GSD60_BANDS);
            checkRatio(g20, g10, 2, "gsd_20");
            checkRatio(g60, g10, 6, "gsd_60");
            Optional<Raster> scl = Optional.empty();
            if (npz.contains("scl")) {
                Raster s = npz.readRaster("scl");
                if (s.bands() != 1) {
                    throw new InvalidDataException(file, "array 'scl' has " + s.bands() + " channels; expected 1");
                }
                scl = Optional.of(s.withMetadata(geo(s.metadata(), g10, "SCL")));
            }
            OptionalDouble bad = OptionalDouble.empty();
            if (npz.contains("bad_percent")) {
                NdArray a = npz.read("bad_percent");
                if (a.size() != 1) {
                    throw new InvalidDataException(file, "array 'bad_percent' has " + a.size()
                            + " elements; expected a scalar");
                }
                bad = OptionalDouble.of(a.toDoubleArray()[0]);
            }
            return new OsmImagery(g10.withMetadata(geo(g10.metadata(), g10, null)),
                    g20.withMetadata(geo(g20.metadata(), g10, null)), g60.withMetadata(geo(g60.metadata(), g10, null)),
                    scl, bad);
        } catch (InvalidDataException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(file, "is missing (it was present when the dataset was opened)", e);
        } catch (IOException e) {
            throw new InvalidDataException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private FloatRaster floats(Npz npz, String key, List<String> names) throws IOException {
        if (!npz.contains(key)) {
            throw new InvalidDataException(file, "has no array '" + key + "'; expected gsd_10, gsd_20 and gsd_60");
        }
        Raster r = npz.readRaster(key, NdArray.Layout.CHANNELS_LAST);
        if (!(r instanceof FloatRaster f)) {
            throw new InvalidDataException(file, "array '" + key + "' is " + r.dataType() + "; expected float32");
        }
        if (f.bands() != names.size()) {
            throw new InvalidDataException(file, "array '" + key + "' has " + f.bands() + " channels; expected "
                    + names.size() + " " + names);
        }
        return f.withMetadata(f.metadata().withBandNames(names));
    }

    private void checkRatio(Raster coarse, Raster fine, int factor, String key) throws InvalidDataException {
        if ((long) coarse.width() * factor != fine.width() || (long) coarse.height() * factor != fine.height()) {
            throw new InvalidDataException(file, "array '" + key + "' is " + coarse.width() + "x" + coarse.height()
                    + "; expected 1/" + factor + " of gsd_10's " + fine.width() + "x" + fine.height());
        }
    }

    private RasterMetadata geo(RasterMetadata m, Raster tenMetre, String name) {
        RasterMetadata out = name != null ? m.withBandNames(name) : m;
        if (geoReference.isEmpty()) {
            return out;
        }
        GeoReference g = geoReference.get();
        double factor = (double) tenMetre.width() / m.width();
        return out.withGeoReference(new GeoReference(g.crs(), g.transform().scaled(factor)));
    }
}
