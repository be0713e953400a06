package org.landcover4j.io.jpeg;

import java.nio.file.Path;
import org.landcover4j.core.InvalidDataException;

/**
 * A structural scan of a JPEG stream: the frame header (size, precision, components, progressive or not) and
 * whether the stream ends with an end-of-image marker after its scan data. Costs one pass over the bytes and
 * nothing else; decoding is left to ImageIO.
 *
 * @param width       columns
 * @param height      rows
 * @param precision   bits per sample (8 for nearly every file; 12 exists)
 * @param components  colour components in the frame (1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK)
 * @param sofMarker   the frame marker (0xC0 baseline, 0xC1 extended, 0xC2 progressive, ...)
 * @param adobe       whether an Adobe APP14 segment is present (hints at CMYK/YCCK or RGB transforms)
 */
record JpegHeader(int width, int height, int precision, int components, int sofMarker, boolean adobe) {

    /** Whether the frame is progressive. */
    boolean progressive() {
        return sofMarker == 0xC2 || sofMarker == 0xC6 || sofMarker == 0xCA || sofMarker == 0xCE;
    }

    /**
     * Scans {@code b}: markers up to the first scan, then the entropy-coded data up to an end-of-image marker.
     *
     * @param requireEnd whether a missing end-of-image marker (a truncated file) is an error
     */
    static JpegHeader scan(byte[] b, int len, Path file, boolean requireEnd) throws InvalidDataException {
        if (len == 0) {
            throw new InvalidDataException(file, "file is empty (0 bytes), expected a JPEG start-of-image marker");
        }
        if (len < 3 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8 || (b[2] & 0xFF) != 0xFF) {
            throw new InvalidDataException(file, "not a JPEG: expected FF D8 FF, found " + hex(b, Math.min(len, 3)));
        }
        int p = 2;
        JpegHeader frame = null;
        boolean adobe = false;
        while (true) {
            // find the next marker, skipping fill bytes
            if (p >= len) {
                throw new InvalidDataException(file, "truncated: the file ends at offset " + p
                        + " before the first scan (SOS)");
            }
            if ((b[p] & 0xFF) != 0xFF) {
                throw new InvalidDataException(file, "expected a marker (FF) at offset " + p + ", found "
                        + String.format("%02X", b[p] & 0xFF));
            }
            while (p < len && (b[p] & 0xFF) == 0xFF) {
                p++;
            }
            if (p >= len) {
                throw new InvalidDataException(file, "truncated: the file ends inside a marker at offset " + p);
            }
            int marker = b[p++] & 0xFF;
            if (marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                continue;                                  // markers without a length
            }
            if (marker == 0xD9) {
                throw new InvalidDataException(file, "end-of-image marker at offset " + (p - 2) + " before any scan");
            }
            if (p + 2 > len) {
                throw new InvalidDataException(file, "truncated: the file ends in the length of marker "
                        + String.format("%02X", marker) + " at offset " + (p - 2));
            }
            int segLen = (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
            if (segLen < 2) {
                throw new InvalidDataException(file, "marker " + String.format("%02X", marker) + " at offset " + (p - 2)
                        + " has length " + segLen + " (at least 2)");
            }
            if ((long) p + segLen > len) {
                throw new InvalidDataException(file, "truncated: marker " + String.format("%02X", marker)
                        + " at offset " + (p - 2) + " declares " + segLen + " bytes, the file ends after "
                        + (len - p));
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (frame != null) {
                    throw new InvalidDataException(file, "second frame header (SOF) at offset " + (p - 2));
                }
                if (segLen < 8) {
                    throw new InvalidDataException(file, "frame header at offset " + (p - 2) + " is " + segLen
                            + " bytes, too short");
                }
                int precision = b[p + 2] & 0xFF;
                int height = (b[p + 3] & 0xFF) << 8 | (b[p + 4] & 0xFF);
                int width = (b[p + 5] & 0xFF) << 8 | (b[p + 6] & 0xFF);
                int comps = b[p + 7] & 0xFF;
                if (width == 0 || height == 0) {
                    throw new InvalidDataException(file, "frame size " + width + "x" + height
                            + " is not supported (a zero height defined later by a DNL marker is not)");
                }
                if (comps != 1 && comps != 3 && comps != 4) {
                    throw new InvalidDataException(file, "frame has " + comps + " components (expected 1, 3 or 4)");
                }
                if (segLen != 8 + 3 * comps) {
                    throw new InvalidDataException(file, "frame header length " + segLen + " does not match its "
                            + comps + " components (expected " + (8 + 3 * comps) + ")");
                }
                frame = new JpegHeader(width, height, precision, comps, marker, false);
            } else if (marker == 0xEE && segLen >= 7 && b[p + 2] == 'A' && b[p + 3] == 'd' && b[p + 4] == 'o'
                    && b[p + 5] == 'b' && b[p + 6] == 'e') {
                adobe = true;
            } else if (marker == 0xDA) {
                if (frame == null) {
                    throw new InvalidDataException(file, "scan (SOS) at offset " + (p - 2) + " before any frame header");
                }
                p += segLen;
                break;
            }
            p += segLen;
        }
        if (requireEnd && !hasEnd(b, p, len)) {
            throw new InvalidDataException(file, "truncated: no end-of-image marker (FF D9) after the scan data "
                    + "(the file ends at offset " + len + ")");
        }
        return new JpegHeader(frame.width, frame.height, frame.precision, frame.components, frame.sofMarker, adobe);
    }

    /** Whether an EOI marker follows offset {@code p}; in entropy-coded data FF is always followed by 00 or RSTn. */
    private static boolean hasEnd(byte[] b, int p, int len) {
        for (int i = len - 2; i >= p; i--) {
            if (b[i] == (byte) 0xFF && b[i + 1] == (byte) 0xD9) {
                return true;
            }
        }
        return false;
    }

    static String hex(byte[] b, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02X", b[i] & 0xFF));
        }
        return len == 0 ? "nothing" : sb.toString();
    }
}
