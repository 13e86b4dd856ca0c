package dev.fap.core.bronze;

/**
 * The SQL types used by the bronze contract, with their PostgreSQL spelling.
 *
 * <p>Money is {@code numeric(14,2)}, rates and scores are {@code numeric} with four decimals, dates
 * are {@code date}, event times are {@code timestamp} (local time of the bank, no zone), codes that
 * may start with zero (zip, MCC) are {@code text}.
 */
public enum ColumnType {
    TEXT("text"),
    INTEGER("integer"),
    BIGINT("bigint"),
    /** Amounts of money: two decimals. */
    MONEY("numeric(14,2)"),
    /** Rates, ratios, scores and index levels: four decimals. */
    DECIMAL("numeric(14,4)"),
    /** Coordinates and other measured quantities where binary floating point is fine. */
    DOUBLE("double precision"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("timestamp");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    /** The PostgreSQL type name. */
    public String sql() {
        return sql;
    }
}
