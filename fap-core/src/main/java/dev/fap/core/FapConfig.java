package dev.fap.core;

import dev.fap.core.internal.JdbcUrls;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Immutable configuration of a FAP instance.
 *
 * <p>Values resolve in this order, later winning: defaults &lt; {@code .env} in the working
 * directory &lt; environment variables &lt; system properties &lt; the withers of this class. Keys
 * follow the original platform's {@code .env}: {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME},
 * {@code DB_USER}, {@code DB_PASSWORD}, plus {@code FAP_JDBC_URL} (a full JDBC URL),
 * {@code FAP_DATA_DIR} (keep the embedded cluster on disk), {@code FAP_EMBEDDED_PORT} (a fixed port
 * for the embedded cluster instead of a free one) and {@code FAP_POOL_SIZE}. See {@link ConfigKey}.
 *
 * <p>When neither {@code FAP_JDBC_URL} nor {@code DB_HOST} is set, FAP runs an embedded PostgreSQL.
 * Instances are immutable and thread-safe; {@link #toString()} never shows the password, not even
 * one written into {@code FAP_JDBC_URL}.
 *
 * <pre>{@code
 * FapConfig config = FapConfig.load()              // .env, environment, system properties
 *         .withDataDir(Path.of(".fap/pgdata"));    // keep the embedded cluster between runs
 * try (Database db = Database.open(config)) { ... }
 * }</pre>
 */
public final class FapConfig {
    /** Default database name, as in the original platform. */
    public static final String DEFAULT_DB_NAME = "financial_analytics";
    static final int DEFAULT_PORT = 5432;
    static final int DEFAULT_POOL_SIZE = 8;

    private final String jdbcUrl;
    private final String host;
    private final int port;
    private final String databaseName;
    private final String user;
    private final String password;
    private final Path dataDir;
    private final int embeddedPort;
    private final int poolSize;

    private FapConfig(String jdbcUrl, String host, int port, String databaseName, String user, String password,
                      Path dataDir, int embeddedPort, int poolSize) {
        this.jdbcUrl = jdbcUrl;
        this.host = host;
        this.port = port;
        this.databaseName = Objects.requireNonNull(databaseName, "databaseName");
        this.user = user;
        this.password = password;
        this.dataDir = dataDir;
        if (port < 1 || port > 65535) {
            throw new FapException(ErrorCode.CONFIG_INVALID, "DB_PORT must be between 1 and 65535, was " + port,
                    "set DB_PORT to the port your PostgreSQL listens on (usually 5432)");
        }
        if (embeddedPort < 0 || embeddedPort > 65535) {
            throw new FapException(ErrorCode.CONFIG_INVALID, "FAP_EMBEDDED_PORT must be between 0 and 65535, was " + embeddedPort,
                    "leave FAP_EMBEDDED_PORT unset (or 0) to let the embedded PostgreSQL pick a free port");
        }
        this.embeddedPort = embeddedPort;
        if (databaseName.isBlank()) {
            throw new FapException(ErrorCode.CONFIG_INVALID, "DB_NAME is empty",
                    "set DB_NAME to a database name or remove it to use " + DEFAULT_DB_NAME);
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new FapException(ErrorCode.CONFIG_INVALID, "FAP_POOL_SIZE must be between 1 and 200, was " + poolSize,
                    "set FAP_POOL_SIZE to a small number such as 4");
        }
        this.poolSize = poolSize;
    }

    /** Built-in defaults only: an embedded PostgreSQL, nothing read from files or the environment. */
    public static FapConfig defaults() {
        return new FapConfig(null, null, DEFAULT_PORT, DEFAULT_DB_NAME, null, null, null, 0, DEFAULT_POOL_SIZE);
    }

    /**
     * Defaults &lt; {@code .env} in the current directory &lt; environment &lt; system properties.
     *
     * @throws FapException {@link ErrorCode#CONFIG_INVALID} for a malformed line or an unknown key
     */
    public static FapConfig load() {
        return ConfigLoader.load(Path.of("").toAbsolutePath(), System.getenv(), System.getProperties());
    }

    /**
     * Like {@link #load()} with an explicit working directory (where {@code .env} is looked for),
     * environment and system properties; for tests and for applications with their own sources.
     */
    public static FapConfig load(Path workingDir, Map<String, String> env, Properties sys) {
        return ConfigLoader.load(workingDir, env, sys);
    }

    /** Applies one configuration key such as {@code DB_HOST}; the resolution layers use this. */
    FapConfig with(ConfigKey key, String value) {
        return switch (key) {
            case FAP_JDBC_URL -> withJdbcUrl(value);
            case DB_HOST -> withHost(value);
            case DB_PORT -> withPort(ConfigKey.parseInt(key, value));
            case DB_NAME -> withDatabaseName(value);
            case DB_USER -> withUser(value);
            case DB_PASSWORD -> withPassword(value);
            case FAP_DATA_DIR -> withDataDir(value == null || value.isBlank() ? null : Path.of(value.trim()));
            case FAP_EMBEDDED_PORT -> withEmbeddedPort(value == null || value.isBlank() ? 0 : ConfigKey.parseInt(key, value));
            case FAP_POOL_SIZE -> withPoolSize(ConfigKey.parseInt(key, value));
        };
    }

    public FapConfig withJdbcUrl(String jdbcUrl) {
        return new FapConfig(blankToNull(jdbcUrl), host, port, databaseName, user, password, dataDir, embeddedPort, poolSize);
    }

    public FapConfig withHost(String host) {
        return new FapConfig(jdbcUrl, blankToNull(host), port, databaseName, user, password, dataDir, embeddedPort, poolSize);
    }

    public FapConfig withPort(int port) {
        return new FapConfig(jdbcUrl, host, port, databaseName, user, password, dataDir, embeddedPort, poolSize);
    }

    public FapConfig withDatabaseName(String databaseName) {
        return new FapConfig(jdbcUrl, host, port, databaseName == null ? DEFAULT_DB_NAME : databaseName.trim(), user, password, dataDir, embeddedPort, poolSize);
    }

    public FapConfig withUser(String user) {
        return new FapConfig(jdbcUrl, host, port, databaseName, blankToNull(user), password, dataDir, embeddedPort, poolSize);
    }

    public FapConfig withPassword(String password) {
        return new FapConfig(jdbcUrl, host, port, databaseName, user, password, dataDir, embeddedPort, poolSize);
    }

    /** Keeps the embedded cluster in this folder so the next run reuses it; null for a throw-away one. */
    public FapConfig withDataDir(Path dataDir) {
        return new FapConfig(jdbcUrl, host, port, databaseName, user, password, dataDir, embeddedPort, poolSize);
    }

    /** A fixed port for the embedded PostgreSQL; 0 (the default) picks a free one. */
    public FapConfig withEmbeddedPort(int embeddedPort) {
        return new FapConfig(jdbcUrl, host, port, databaseName, user, password, dataDir, embeddedPort, poolSize);
    }

    public FapConfig withPoolSize(int poolSize) {
        return new FapConfig(jdbcUrl, host, port, databaseName, user, password, dataDir, embeddedPort, poolSize);
    }

    /** True when no external database is configured and FAP will start an embedded PostgreSQL. */
    public boolean isEmbedded() {
        return jdbcUrl == null && host == null;
    }

    /** The JDBC URL of the external database; empty for the embedded one. */
    public Optional<String> jdbcUrl() {
        if (jdbcUrl != null) {
            return Optional.of(jdbcUrl);
        }
        if (host != null) {
            return Optional.of("jdbc:postgresql://" + host + ":" + port + "/" + databaseName);
        }
        return Optional.empty();
    }

    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    public int port() {
        return port;
    }

    public String databaseName() {
        return databaseName;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The password; never printed by {@link #toString()}. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** The embedded server's port; 0 means "pick a free one". */
    public int embeddedPort() {
        return embeddedPort;
    }

    public int poolSize() {
        return poolSize;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        String target = isEmbedded()
                ? "embedded PostgreSQL" + (embeddedPort == 0 ? "" : " on port " + embeddedPort)
                        + (dataDir == null ? " (temporary)" : " at " + dataDir) + ", database " + databaseName
                : JdbcUrls.redact(jdbcUrl().orElseThrow());
        return "FapConfig[" + target + ", user=" + (user == null ? "(default)" : user)
                + ", password=" + (password == null ? "(none)" : "****") + ", pool=" + poolSize + "]";
    }
}
