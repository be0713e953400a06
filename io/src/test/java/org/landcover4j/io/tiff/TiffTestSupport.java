package org.landcover4j.io.tiff;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.landcover4j.core.raster.ByteRaster;
import org.landcover4j.core.raster.DoubleRaster;
import org.landcover4j.core.raster.FloatRaster;
import org.landcover4j.core.raster.IntRaster;
import org.landcover4j.core.raster.Raster;
import org.landcover4j.core.raster.ShortRaster;

/** Shared helpers of the GeoTIFF tests: golden-file access, JSON, raw band bytes, checksums. */
final class TiffTestSupport {
    private TiffTestSupport() {
    }

    static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** A file under src/test/resources/tiff. */
    static Path golden(String name) {
        try {
            var url = TiffTestSupport.class.getResource("/tiff/" + name);
            if (url == null) {
                throw new IllegalStateException("test resource /tiff/" + name + " is missing");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readJson(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of one band in little-endian order (as the suite's reference hashes them). */
    static byte[] bandBytes(Raster r, int b) {
        int n = r.width() * r.height();
        ByteBuffer bb = ByteBuffer.allocate(n * r.dataType().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        switch (r) {
            case ByteRaster x -> bb.put(x.unsafeBandArray(b));
            case ShortRaster x -> bb.asShortBuffer().put(x.unsafeBandArray(b));
            case IntRaster x -> bb.asIntBuffer().put(x.unsafeBandArray(b));
            case FloatRaster x -> bb.asFloatBuffer().put(x.unsafeBandArray(b));
            case DoubleRaster x -> bb.asDoubleBuffer().put(x.unsafeBandArray(b));
        }
        return bb.array();
    }

    static long crc32(Raster r, int b) {
        CRC32 c = new CRC32();
        c.update(bandBytes(r, b));
        return c.getValue();
    }

    /** Whether two rasters hold bit-identical samples (NaN payloads included), band by band. */
    static boolean sameSamples(Raster a, Raster b) {
        if (a.bands() != b.bands() || a.width() != b.width() || a.height() != b.height()
                || a.dataType() != b.dataType()) {
            return false;
        }
        for (int i = 0; i < a.bands(); i++) {
            if (!java.util.Arrays.equals(bandBytes(a, i), bandBytes(b, i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * GDAL's band checksum ({@code GDALChecksumImage}, as printed by {@code gdalinfo -checksum}): integer samples
     * (clamped to int) or floats rounded half-up to int (NaN and infinities as 0x80000000), each taken modulo a
     * cycle of 11 primes and summed modulo 65536.
     */
    static int gdalChecksum(Raster r, int band) {
        int[] primes = {7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43};
        int sum = 0;
        int p = 0;
        boolean floats = !r.dataType().isInteger();
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                double v = r.getDouble(band, y, x);
                int n;
                if (floats) {
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        n = 0x80000000;
                    } else {
                        v += 0.5;
                        n = v < -2147483647.0 ? -2147483647 : v > 2147483647.0 ? 2147483647 : (int) Math.floor(v);
                    }
                } else {
                    n = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
                }
                sum += n % primes[p++];
                if (p > 10) {
                    p = 0;
                }
                sum &= 0xFFFF;
            }
        }
        return sum;
    }
}
