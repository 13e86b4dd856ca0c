package dev.fap.core;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configuration keys FAP understands, with what each one means.
 *
 * <pre>{@code
 * ConfigKey.find("DB_HOST"); // Optional[DB_HOST]
 * }</pre>
 */
public enum ConfigKey {
    FAP_JDBC_URL("full JDBC URL of an external PostgreSQL; wins over DB_HOST"),
    DB_HOST("host of an external PostgreSQL; unset = embedded PostgreSQL"),
    DB_PORT("port of the external PostgreSQL (default 5432)"),
    DB_NAME("database name (default financial_analytics)"),
    DB_USER("database user"),
    DB_PASSWORD("database password (never logged)"),
    FAP_DATA_DIR("folder that keeps the embedded cluster between runs"),
    FAP_EMBEDDED_PORT("port of the embedded PostgreSQL (default 0: a free port)"),
    FAP_POOL_SIZE("maximum connections in the pool (default 8)");

    private final String description;

    ConfigKey(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The key with this exact name, if FAP knows it. */
    public static Optional<ConfigKey> find(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    /** All key names, comma separated, for error hints. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    static int parseInt(ConfigKey key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new FapException(ErrorCode.CONFIG_INVALID, key + " must be a whole number, was '" + value + "'",
                    "set " + key + " to a number, e.g. " + key + "=" + (key == DB_PORT ? "5432" : "4"));
        }
    }
}
