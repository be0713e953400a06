package org.landcover4j.io.dataset.opensentinelmap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.landcover4j.core.dataset.Sample;
import org.landcover4j.core.dataset.SampleRef;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.GeoReference;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.RasterMetadata;

/**
 * One decoded OpenSentinelMap cell: its OpenStreetMap label image (three channels), its time series of Sentinel-2
 * imagery (decoded only when a scene is read), and its reconstructed UTM georeference.
 *
 * <p>{@code label}: the 192 x 192 RGB PNG as three uint8 bands, one per label channel (land use 0-11, water 12 and
 * road 13, building 14; 254 and 255 are the special values named in {@link OsmCategories#specials()}), with the
 * cell's georeference attached. {@code scenes}: sorted by date. {@code geoReference}: the 1920 m cell in the UTM
 * zone of its MGRS tile, rebuilt from the WGS 84 bounds in {@code spatial_cell_info.csv} (10 m pixels, north up).
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * OpenSentinelMapSample s = ds.sample("82543044");
 * s.landUse();             // Optional[ByteRaster[uint8, 1x192x192, EPSG:32643]]
 * s.flattened();           // the three channels combined by precedence
 * s.scenes().get(0).read().gsd10();
 * }
 *
 * @param ref          the reference it was decoded from
 * @param cellId       the spatial cell id
 * @param mgrsTile     the MGRS tile
 * @param bounds       WGS 84 bounds {@code [minLon, minLat, maxLon, maxLat]} from the CSV
 * @param geoReference the reconstructed 10 m UTM georeference
 * @param label        the three label channels, empty when the cell has no label image
 * @param categories   the label definition used to name and flatten the channels
 * @param scenes       the imagery files, sorted by date
 */
public record OpenSentinelMapSample(SampleRef ref, long cellId, String mgrsTile, List<Double> bounds,
                                    GeoReference geoReference, Optional<Raster> label, OsmCategories categories,
                                    List<OsmScene> scenes) implements Sample {

    /** Validates and copies. */
    public OpenSentinelMapSample {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(mgrsTile, "mgrsTile");
        Objects.requireNonNull(geoReference, "geoReference");
        Objects.requireNonNull(label, "label (use Optional.empty())");
        Objects.requireNonNull(categories, "categories");
        bounds = List.copyOf(bounds);
        scenes = List.copyOf(scenes);
        if (bounds.size() != 4) {
            throw new IllegalArgumentException("bounds need 4 values [minLon, minLat, maxLon, maxLat], got " + bounds);
        }
        label.ifPresent(l -> {
            if (!(l instanceof ByteRaster)) {
                throw new IllegalArgumentException("the label must be uint8, got " + l);
            }
        });
    }

    /** Channel 1: land use (0-11 and the special values); the primary label. */
    public Optional<Raster> landUse() {
        return label.map(l -> l.selectBands(0));
    }

    /** Channel 2: water (12) and roads (13). */
    public Optional<Raster> waterAndRoads() {
        return label.filter(l -> l.bands() > 1).map(l -> l.selectBands(1));
    }

    /** Channel 3: buildings (14). */
    public Optional<Raster> buildings() {
        return label.filter(l -> l.bands() > 2).map(l -> l.selectBands(2));
    }

    /** The land-use channel. */
    @Override
    public Optional<Raster> primaryLabel() {
        return landUse();
    }

    /**
     * The label channels combined into one band by precedence: in each pixel the class of highest precedence among
     * the channels wins (ties go to the later channel); values unknown to the categories lose to every class but win
     * over the special values; a pixel with only special values takes channel 1's value.
     */
    public Optional<ByteRaster> flattened() {
        return label.map(l -> {
            ByteRaster b = (ByteRaster) l;
            double[] prec = categories.precedenceTable();
            int n = b.metadata().pixelsPerBand();
            byte[] out = b.copyBand(0);
            for (int c = 1; c < b.bands(); c++) {
                byte[] ch = b.unsafeBandArray(c);
                for (int i = 0; i < n; i++) {
                    int v = ch[i] & 0xFF;
                    if (prec[v] >= prec[out[i] & 0xFF] && prec[v] != Double.NEGATIVE_INFINITY) {
                        out[i] = (byte) v;
                    }
                }
            }
            RasterMetadata m = b.metadata().forBands(0).withBandNames("flattened");
            return ByteRaster.wrap(m, out);
        });
    }

    @Override
    public String toString() {
        return "OpenSentinelMapSample[" + ref.id() + ", tile=" + mgrsTile + ", "
                + geoReference.crs().map(Object::toString).orElse("no CRS")
                + label.map(l -> ", label=" + l.metadata()).orElse(", no label") + ", scenes=" + scenes.size() + "]";
    }
}
