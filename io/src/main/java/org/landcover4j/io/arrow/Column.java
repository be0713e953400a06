package org.landcover4j.io.arrow;

import java.util.Objects;

/**
 * A column of a flat Arrow table: name, type and whether it may hold nulls.
 *
 * {@snippet :
 * var c = Column.of("iou", ColumnType.FLOAT64);
 * }
 *
 * @param name     column name (snake_case by convention)
 * @param type     value type
 * @param nullable whether rows may leave the value out ({@code null})
 */
public record Column(String name, ColumnType type, boolean nullable) {

    /** Validates the name. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column name must not be blank");
        }
    }

    /** A nullable column. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, true);
    }

    /** A column that never holds nulls. */
    public static Column required(String name, ColumnType type) {
        return new Column(name, type, false);
    }
}
