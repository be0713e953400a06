package org.landcover4j.io;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.landcover4j.core.raster.RasterMetadata;

/**
 * What a raster file holds, read from its header only: format, data type, shape, georeference, nodata, and the
 * colour table of palette images.
 *
 * <p>Immutable and thread-safe.
 *
 * {@snippet :
 * RasterInfo info = Rasters.probe(Path.of("label.png"));
 * info.metadata().width();      // 512
 * info.colorTable();            // Optional[ColorTable[11 entries: ...]] for a palette PNG
 * }
 *
 * @param file       the file that was probed (for an NPZ member: the archive)
 * @param format     its format
 * @param metadata   data type, bands, size, georeference, nodata and band names as a read would return them
 * @param colorTable the colour table of a palette raster, empty otherwise
 */
public record RasterInfo(Path file, RasterFormat format, RasterMetadata metadata, Optional<ColorTable> colorTable) {

    /** Validates non-null components. */
    public RasterInfo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(colorTable, "colorTable (use Optional.empty())");
    }
}
