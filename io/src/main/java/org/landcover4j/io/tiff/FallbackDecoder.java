package org.landcover4j.io.tiff;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import java.awt.Rectangle;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.landcover4j.core.InvalidDataException;
import org.landcover4j.core.raster.Window;

/**
 * Reads the images our own decoder does not handle (JPEG-in-TIFF, CCITT, odd bit depths, YCbCr) with the
 * TwelveMonkeys TIFF plugin, one band at a time from its raster so that no colour conversion happens, except for
 * YCbCr, which is converted to RGB as GDAL does.
 *
 * <p>Anything the plugin throws becomes an {@link InvalidDataException} naming the file.
 */
final class FallbackDecoder {
    private FallbackDecoder() {
    }

    static Object[] decode(TiffImage img, int chainIndex, Window w, int[] bands) throws IOException {
        if (chainIndex < 0) {
            throw img.bad(img.what + " uses " + img.fallbackReason + ", which only the fallback reader handles, and it"
                    + " cannot reach images in SubIFDs");
        }
        ImageReader reader = new TIFFImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream iis = new FileImageInputStream(img.in.path.toFile())) {
            reader.setInput(iis, false, true);
            ImageReadParam p = reader.getDefaultReadParam();
            p.setSourceRegion(new Rectangle(w.x(), w.y(), w.width(), w.height()));
            java.awt.image.Raster r = img.photometric == 6
                    ? reader.read(chainIndex, p).getRaster()
                    : reader.readRaster(chainIndex, p);
            if (r.getWidth() != w.width() || r.getHeight() != w.height()) {
                throw img.bad(img.what + ": the fallback reader returned " + r.getWidth() + "x" + r.getHeight()
                        + " pixels for a " + w.width() + "x" + w.height() + " window");
            }
            int n = Math.toIntExact(w.pixels());
            Object[] out = new Object[bands.length];
            for (int k = 0; k < bands.length; k++) {
                int b = bands[k];
                if (b >= r.getNumBands()) {
                    throw img.bad(img.what + " (" + img.fallbackReason + "): the fallback reader returned "
                            + r.getNumBands() + " bands, band " + b + " was asked for");
                }
                int x = r.getMinX();
                int y = r.getMinY();
                switch (img.dataType) {
                    case UINT8, INT8 -> {
                        int[] s = r.getSamples(x, y, w.width(), w.height(), b, new int[n]);
                        byte[] d = new byte[n];
                        for (int i = 0; i < n; i++) {
                            d[i] = (byte) s[i];
                        }
                        out[k] = d;
                    }
                    case UINT16, INT16 -> {
                        int[] s = r.getSamples(x, y, w.width(), w.height(), b, new int[n]);
                        short[] d = new short[n];
                        for (int i = 0; i < n; i++) {
                            d[i] = (short) s[i];
                        }
                        out[k] = d;
                    }
                    case UINT32, INT32 -> out[k] = r.getSamples(x, y, w.width(), w.height(), b, new int[n]);
                    case FLOAT32 -> out[k] = r.getSamples(x, y, w.width(), w.height(), b, new float[n]);
                    case FLOAT64 -> out[k] = r.getSamples(x, y, w.width(), w.height(), b, new double[n]);
                }
            }
            return out;
        } catch (InvalidDataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidDataException(img.in.path, img.what + " (" + img.fallbackReason
                    + ", read by the TwelveMonkeys fallback): " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }
}
