package org.landcover4j.io.tiff;

/** TIFF, GeoTIFF and GDAL tag numbers and field types used by the reader and writer. */
final class TiffTags {
    private TiffTags() {
    }

    static final int NEW_SUBFILE_TYPE = 254;
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC = 262;
    static final int IMAGE_DESCRIPTION = 270;
    static final int STRIP_OFFSETS = 273;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int ROWS_PER_STRIP = 278;
    static final int STRIP_BYTE_COUNTS = 279;
    static final int PLANAR_CONFIG = 284;
    static final int SOFTWARE = 305;
    static final int PREDICTOR = 317;
    static final int COLOR_MAP = 320;
    static final int TILE_WIDTH = 322;
    static final int TILE_LENGTH = 323;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int SUB_IFDS = 330;
    static final int EXTRA_SAMPLES = 338;
    static final int SAMPLE_FORMAT = 339;
    static final int JPEG_TABLES = 347;
    static final int MODEL_PIXEL_SCALE = 33550;
    static final int MODEL_TIEPOINT = 33922;
    static final int MODEL_TRANSFORMATION = 34264;
    static final int GEO_KEY_DIRECTORY = 34735;
    static final int GEO_DOUBLE_PARAMS = 34736;
    static final int GEO_ASCII_PARAMS = 34737;
    static final int GDAL_METADATA = 42112;
    static final int GDAL_NODATA = 42113;

    static final int TYPE_BYTE = 1;
    static final int TYPE_ASCII = 2;
    static final int TYPE_SHORT = 3;
    static final int TYPE_LONG = 4;
    static final int TYPE_RATIONAL = 5;
    static final int TYPE_SBYTE = 6;
    static final int TYPE_UNDEFINED = 7;
    static final int TYPE_SSHORT = 8;
    static final int TYPE_SLONG = 9;
    static final int TYPE_SRATIONAL = 10;
    static final int TYPE_FLOAT = 11;
    static final int TYPE_DOUBLE = 12;
    static final int TYPE_IFD = 13;
    static final int TYPE_LONG8 = 16;
    static final int TYPE_SLONG8 = 17;
    static final int TYPE_IFD8 = 18;

    /** Bytes per value of a field type, 0 for unknown types (which readers must skip). */
    static int typeSize(int type) {
        return switch (type) {
            case TYPE_BYTE, TYPE_ASCII, TYPE_SBYTE, TYPE_UNDEFINED -> 1;
            case TYPE_SHORT, TYPE_SSHORT -> 2;
            case TYPE_LONG, TYPE_SLONG, TYPE_FLOAT, TYPE_IFD -> 4;
            case TYPE_RATIONAL, TYPE_SRATIONAL, TYPE_DOUBLE, TYPE_LONG8, TYPE_SLONG8, TYPE_IFD8 -> 8;
            default -> 0;
        };
    }

    /** A readable name for the tags that appear in error messages. */
    static String name(int tag) {
        String n = switch (tag) {
            case NEW_SUBFILE_TYPE -> "NewSubfileType";
            case IMAGE_WIDTH -> "ImageWidth";
            case IMAGE_LENGTH -> "ImageLength";
            case BITS_PER_SAMPLE -> "BitsPerSample";
            case COMPRESSION -> "Compression";
            case PHOTOMETRIC -> "PhotometricInterpretation";
            case STRIP_OFFSETS -> "StripOffsets";
            case SAMPLES_PER_PIXEL -> "SamplesPerPixel";
            case ROWS_PER_STRIP -> "RowsPerStrip";
            case STRIP_BYTE_COUNTS -> "StripByteCounts";
            case PLANAR_CONFIG -> "PlanarConfiguration";
            case PREDICTOR -> "Predictor";
            case COLOR_MAP -> "ColorMap";
            case TILE_WIDTH -> "TileWidth";
            case TILE_LENGTH -> "TileLength";
            case TILE_OFFSETS -> "TileOffsets";
            case TILE_BYTE_COUNTS -> "TileByteCounts";
            case SUB_IFDS -> "SubIFDs";
            case EXTRA_SAMPLES -> "ExtraSamples";
            case SAMPLE_FORMAT -> "SampleFormat";
            case MODEL_PIXEL_SCALE -> "ModelPixelScale";
            case MODEL_TIEPOINT -> "ModelTiepoint";
            case MODEL_TRANSFORMATION -> "ModelTransformation";
            case GEO_KEY_DIRECTORY -> "GeoKeyDirectory";
            case GEO_DOUBLE_PARAMS -> "GeoDoubleParams";
            case GEO_ASCII_PARAMS -> "GeoAsciiParams";
            case GDAL_METADATA -> "GDAL_METADATA";
            case GDAL_NODATA -> "GDAL_NODATA";
            default -> null;
        };
        return n == null ? "tag " + tag : n + " (" + tag + ")";
    }
}
