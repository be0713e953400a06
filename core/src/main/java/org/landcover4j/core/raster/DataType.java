package org.landcover4j.core.raster;

import java.util.Locale;

/**
 * The storage type of raster pixels, named as GDAL and NumPy name them.
 *
 * <p>Unsigned types are stored in the signed Java primitive of the same width and read unsigned:
 * {@link #UINT8} in {@code byte}, {@link #UINT16} in {@code short}, {@link #UINT32} in {@code int}.
 *
 * {@snippet :
 * DataType t = DataType.fromId("uint16");   // UINT16
 * t.bytes();                                // 2
 * t.id();                                   // "uint16"
 * }
 */
public enum DataType {
    /** Unsigned 8-bit integer in {@code byte}. */
    UINT8(1, true, false),
    /** Signed 8-bit integer in {@code byte}. */
    INT8(1, true, true),
    /** Unsigned 16-bit integer in {@code short}. */
    UINT16(2, true, false),
    /** Signed 16-bit integer in {@code short}. */
    INT16(2, true, true),
    /** Unsigned 32-bit integer in {@code int}. */
    UINT32(4, true, false),
    /** Signed 32-bit integer in {@code int}. */
    INT32(4, true, true),
    /** IEEE 754 single precision in {@code float}. */
    FLOAT32(4, false, true),
    /** IEEE 754 double precision in {@code double}. */
    FLOAT64(8, false, true);

    private final int bytes;
    private final boolean integer;
    private final boolean signed;

    DataType(int bytes, boolean integer, boolean signed) {
        this.bytes = bytes;
        this.integer = integer;
        this.signed = signed;
    }

    /** Bytes per sample. */
    public int bytes() {
        return bytes;
    }

    /** Bits per sample. */
    public int bits() {
        return bytes * 8;
    }

    /** Whether samples are integers. */
    public boolean isInteger() {
        return integer;
    }

    /** Whether samples may be negative. */
    public boolean isSigned() {
        return signed;
    }

    /** Smallest representable value (as a double; exact for every integer type). */
    public double minValue() {
        return switch (this) {
            case UINT8, UINT16, UINT32 -> 0;
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case FLOAT32 -> -Float.MAX_VALUE;
            case FLOAT64 -> -Double.MAX_VALUE;
        };
    }

    /** Largest representable value (as a double; exact for every integer type). */
    public double maxValue() {
        return switch (this) {
            case UINT8 -> 255;
            case INT8 -> Byte.MAX_VALUE;
            case UINT16 -> 65535;
            case INT16 -> Short.MAX_VALUE;
            case UINT32 -> 4294967295.0;
            case INT32 -> Integer.MAX_VALUE;
            case FLOAT32 -> Float.MAX_VALUE;
            case FLOAT64 -> Double.MAX_VALUE;
        };
    }

    /** The lower-case name used by GDAL, NumPy and the command line ({@code "uint8"}, {@code "float32"}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an id as returned by {@link #id()}.
     *
     * @throws IllegalArgumentException for an unknown id, listing the known ones
     */
    public static DataType fromId(String id) {
        for (DataType t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown data type '" + id + "'; expected one of uint8, int8, uint16, "
                + "int16, uint32, int32, float32, float64");
    }

    @Override
    public String toString() {
        return id();
    }
}
