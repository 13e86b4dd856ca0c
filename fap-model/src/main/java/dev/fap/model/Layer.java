package dev.fap.model;

import dev.fap.core.Database;
import dev.fap.core.FapException;
import java.util.Locale;

/**
 * A layer of the medallion warehouse; each layer is a PostgreSQL schema.
 *
 * <pre>{@code
 * Model.table("dim_merchant", Layer.GOLD)   // lives in gold.dim_merchant
 * Selection.parse("layer:silver")           // every silver model
 * }</pre>
 */
public enum Layer {
    /** Raw data as delivered (schema {@code bronze}). */
    BRONZE(Database.BRONZE),
    /** Cleaned, typed, validated data (schema {@code silver}). */
    SILVER(Database.SILVER),
    /** The star schema and analytics views (schema {@code gold}). */
    GOLD(Database.GOLD);

    private final String schema;

    Layer(String schema) {
        this.schema = schema;
    }

    /** The PostgreSQL schema of this layer, e.g. {@code gold}. */
    public String schema() {
        return schema;
    }

    /** The layer whose name or schema is {@code text} (case-insensitive). */
    public static Layer of(String text) {
        for (Layer l : values()) {
            if (l.schema.equalsIgnoreCase(text.trim()) || l.name().equalsIgnoreCase(text.trim())) {
                return l;
            }
        }
        throw FapException.invalidArgument("unknown layer '" + text + "'", "use one of bronze, silver, gold");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
