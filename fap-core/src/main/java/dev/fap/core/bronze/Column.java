package dev.fap.core.bronze;

import java.util.Objects;

/**
 * One column of a bronze table: its name (the original platform's), type, whether it may be null,
 * and what it means.
 *
 * <pre>{@code
 * Column c = BronzeTable.TRANSACTIONS.column("amount");
 * c.type();        // ColumnType.MONEY
 * c.description(); // "signed amount: negative for money leaving the account"
 * }</pre>
 */
public record Column(String name, ColumnType type, boolean nullable, String description) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    /** {@code name type [not null]} as used in {@code CREATE TABLE}. */
    public String ddl() {
        return name + " " + type.sql() + (nullable ? "" : " not null");
    }
}
