package org.landcover4j.io.tiff;

/**
 * TIFF compression schemes, by their {@code Compression} tag code.
 *
 * <p>{@link #NONE}, {@link #LZW}, {@link #DEFLATE}, {@link #ADOBE_DEFLATE} and {@link #PACKBITS} are decoded by
 * landcover4j itself; the others are handed to the TwelveMonkeys TIFF plugin when it supports them
 * ({@link #JPEG}, {@link #OJPEG}, the CCITT schemes, ...), and are reported as unsupported otherwise. The writer
 * supports {@link #NONE}, {@link #DEFLATE} (written as code 8, as GDAL does), {@link #LZW} and {@link #PACKBITS}.
 *
 * {@snippet :
 * TiffCompression.fromCode(32946);   // DEFLATE (the old code for Deflate)
 * TiffCompression.DEFLATE.code();    // 8
 * }
 */
public enum TiffCompression {
    /** No compression (1). */
    NONE(1, "none"),
    /** CCITT modified Huffman RLE (2). */
    CCITT_RLE(2, "CCITT RLE"),
    /** CCITT Group 3 fax (3). */
    CCITT_T4(3, "CCITT T.4"),
    /** CCITT Group 4 fax (4). */
    CCITT_T6(4, "CCITT T.6"),
    /** LZW (5). */
    LZW(5, "LZW"),
    /** Old-style JPEG (6). */
    OJPEG(6, "old-style JPEG"),
    /** JPEG (7). */
    JPEG(7, "JPEG"),
    /** Deflate / zlib (8; GDAL writes this code). */
    DEFLATE(8, "DEFLATE"),
    /** Deflate under the older code 32946, read like {@link #DEFLATE}. */
    ADOBE_DEFLATE(32946, "DEFLATE (32946)"),
    /** PackBits run-length coding (32773). */
    PACKBITS(32773, "PackBits"),
    /** LERC (34887). */
    LERC(34887, "LERC"),
    /** LZMA (34925). */
    LZMA(34925, "LZMA"),
    /** Zstandard (50000). */
    ZSTD(50000, "ZSTD"),
    /** WebP (50001). */
    WEBP(50001, "WebP"),
    /** JPEG XL (50002). */
    JXL(50002, "JPEG XL"),
    /** Any other code; {@link GeoTiffInfo#compressionCode()} has the number. */
    OTHER(-1, "other");

    private final int code;
    private final String label;

    TiffCompression(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The {@code Compression} tag value ({@code -1} for {@link #OTHER}). */
    public int code() {
        return code;
    }

    /** A short human-readable name ("DEFLATE", "LZW", ...). */
    public String label() {
        return label;
    }

    /** Whether landcover4j decodes this scheme itself (the others go to the fallback reader). */
    public boolean isNative() {
        return this == NONE || this == LZW || this == DEFLATE || this == ADOBE_DEFLATE || this == PACKBITS;
    }

    /** The scheme with this tag code, or {@link #OTHER}. */
    public static TiffCompression fromCode(int code) {
        for (TiffCompression c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return OTHER;
    }
}
