package org.landcover4j.io.npy;

import java.util.Optional;
import org.landcover4j.core.raster.DataType;

/**
 * The NumPy element types that landcover4j reads and writes, by their type code without byte order.
 *
 * <p>{@link #BOOL} is one byte per element (0 = false); it becomes a {@link DataType#UINT8} raster of 0/1.
 * {@link #INT64} and {@link #UINT64} can be read as arrays but have no raster type.
 *
 * {@snippet :
 * NpyDtype.FLOAT32.code();       // "f4"
 * NpyDtype.ofCode("u2");         // UINT16
 * NpyDtype.FLOAT32.rasterType(); // Optional[float32]
 * }
 */
public enum NpyDtype {
    /** {@code b1}: boolean, one byte. */
    BOOL("b1", 1, DataType.UINT8),
    /** {@code i1}: signed 8-bit. */
    INT8("i1", 1, DataType.INT8),
    /** {@code u1}: unsigned 8-bit. */
    UINT8("u1", 1, DataType.UINT8),
    /** {@code i2}: signed 16-bit. */
    INT16("i2", 2, DataType.INT16),
    /** {@code u2}: unsigned 16-bit. */
    UINT16("u2", 2, DataType.UINT16),
    /** {@code i4}: signed 32-bit. */
    INT32("i4", 4, DataType.INT32),
    /** {@code u4}: unsigned 32-bit. */
    UINT32("u4", 4, DataType.UINT32),
    /** {@code i8}: signed 64-bit (no raster type). */
    INT64("i8", 8, null),
    /** {@code u8}: unsigned 64-bit (no raster type). */
    UINT64("u8", 8, null),
    /** {@code f4}: IEEE 754 single precision. */
    FLOAT32("f4", 4, DataType.FLOAT32),
    /** {@code f8}: IEEE 754 double precision. */
    FLOAT64("f8", 8, DataType.FLOAT64);

    private final String code;
    private final int itemSize;
    private final DataType rasterType;

    NpyDtype(String code, int itemSize, DataType rasterType) {
        this.code = code;
        this.itemSize = itemSize;
        this.rasterType = rasterType;
    }

    /** The type code without byte order, as in {@code descr}: {@code "f4"}, {@code "u1"}, ... */
    public String code() {
        return code;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** The raster data type holding these values, empty for 64-bit integers. */
    public Optional<DataType> rasterType() {
        return Optional.ofNullable(rasterType);
    }

    /** Whether elements are floating point. */
    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /**
     * The dtype with this code ({@code "f4"}, {@code "u1"}, ...; {@code "?"} is accepted for {@code "b1"}).
     *
     * @throws IllegalArgumentException for an unknown code
     */
    public static NpyDtype ofCode(String code) {
        if ("?".equals(code)) {
            return BOOL;
        }
        for (NpyDtype t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported NumPy dtype '" + code
                + "'; supported: b1 i1 u1 i2 u2 i4 u4 i8 u8 f4 f8");
    }

    /** The dtype that holds samples of a raster type. */
    public static NpyDtype of(DataType type) {
        return switch (type) {
            case UINT8 -> UINT8;
            case INT8 -> INT8;
            case UINT16 -> UINT16;
            case INT16 -> INT16;
            case UINT32 -> UINT32;
            case INT32 -> INT32;
            case FLOAT32 -> FLOAT32;
            case FLOAT64 -> FLOAT64;
        };
    }
}
