package dev.fap.core;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.fap.core.internal.EmbeddedServer;
import dev.fap.core.internal.JdbcUrls;
import dev.fap.core.internal.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * A connection to FAP's PostgreSQL: a HikariCP pool, a jOOQ {@link DSLContext}, and the warehouse
 * schemas. Starts (and on {@link #close()} stops) an embedded PostgreSQL when no external database
 * is configured.
 *
 * <pre>{@code
 * try (Database db = Database.open(FapConfig.load())) {
 *     db.dsl().fetch("select count(*) from bronze.transactions");
 * }
 * // or, inside an application that already has a pool:
 * Database db = Database.wrap(myDataSource);
 * }</pre>
 *
 * <p>Thread-safe. {@link #open} creates the schemas {@value #BRONZE}, {@value #SILVER},
 * {@value #GOLD} and {@value #META} and the roles of {@link Roles} if they do not exist.
 */
public final class Database implements AutoCloseable {
    /** Raw data as delivered. */
    public static final String BRONZE = "bronze";
    /** Cleaned, typed, validated data plus quarantine. */
    public static final String SILVER = "silver";
    /** The star schema and the analytics views. */
    public static final String GOLD = "gold";
    /** Run metadata: model runs, check results, locks, load batches. */
    public static final String META = "fap_meta";
    /** All warehouse schemas in layer order. */
    public static final List<String> SCHEMAS = List.of(BRONZE, SILVER, GOLD, META);

    static {
        // jOOQ prints a banner and a "tip of the day" on first use; a library must not.
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    /** Advisory lock key held while schemas and roles are prepared ("FAPSCHEM" in ASCII). */
    private static final long PREPARE_LOCK = 0x4641505343484531L;

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final EmbeddedServer embedded;
    private final DSLContext dsl;
    private final String description;

    private Database(DataSource dataSource, HikariDataSource ownedPool, EmbeddedServer embedded, String description) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.embedded = embedded;
        this.description = description;
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false);
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, settings);
    }

    /**
     * Connects to the configured database, or starts an embedded one, and prepares schemas and roles.
     *
     * @throws FapException with {@link ErrorCode#DB_UNREACHABLE}, {@link ErrorCode#DB_AUTH_FAILED},
     *                      {@link ErrorCode#DB_MISSING} or {@link ErrorCode#DB_EMBEDDED_FAILED}
     */
    public static Database open(FapConfig config) {
        Objects.requireNonNull(config, "config");
        EmbeddedServer server = null;
        HikariDataSource pool = null;
        try {
            String url;
            String user;
            String password;
            String description;
            if (config.isEmbedded()) {
                server = EmbeddedServer.start(config.dataDir().orElse(null), config.embeddedPort());
                server.ensureDatabase(config.databaseName());
                url = server.jdbcUrl(config.databaseName());
                user = "postgres";
                password = null;
                description = "embedded PostgreSQL on port " + server.port()
                        + server.dataDir().map(d -> " (data in " + d + ")").orElse(" (temporary)");
            } else {
                url = config.jdbcUrl().orElseThrow();
                user = config.user().orElse(null);
                password = config.password().orElse(null);
                description = JdbcUrls.redact(url);
            }
            pool = createPool(url, user, password, config.poolSize(), description, config.databaseName());
            Database db = new Database(pool, pool, server, description);
            db.prepareSchemas();
            return db;
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    /**
     * Uses a {@link DataSource} the application already owns. FAP does not close it; the schemas are
     * created if the user may do so.
     */
    public static Database wrap(DataSource dataSource) {
        Database db = new Database(Objects.requireNonNull(dataSource, "dataSource"), null, null, "application DataSource");
        db.prepareSchemas();
        return db;
    }

    private static HikariDataSource createPool(String url, String user, String password, int size, String description,
                                               String databaseName) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null) {
            hc.setUsername(user);
        }
        if (password != null) {
            hc.setPassword(password);
        }
        hc.setPoolName("fap");
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(15_000);
        hc.setInitializationFailTimeout(1);
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        hc.addDataSourceProperty("ApplicationName", "fap");
        hc.addDataSourceProperty("connectTimeout", "10");
        try {
            return new HikariDataSource(hc);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw SqlErrors.translateConnect(cause, description, user, databaseName);
        }
    }

    private void prepareSchemas() {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            // concurrent openers of one database would race on the catalog: serialise them
            c.setAutoCommit(false);
            s.execute("select pg_advisory_xact_lock(" + PREPARE_LOCK + ")");
            for (String schema : SCHEMAS) {
                s.execute("create schema if not exists " + schema);
            }
            Roles.ensure(s);
            c.commit();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "preparing the schemas " + SCHEMAS + " and roles");
        }
    }

    /** The jOOQ context (dialect POSTGRES) over the pool. */
    public DSLContext dsl() {
        return dsl;
    }

    /** The pooled data source. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** True when this instance runs its own embedded PostgreSQL. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** A new connection from the pool; the caller closes it. */
    public Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "getting a connection");
        }
    }

    /**
     * Closes the pool (if FAP created it) and stops the embedded server (if any), waiting until its
     * processes have exited. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ownedPool != null) {
            ownedPool.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    /**
     * Where this database is, free of passwords: {@code embedded PostgreSQL on port 41234 (temporary)},
     * {@code embedded PostgreSQL on port 41234 (data in /x/pgdata)}, the JDBC URL, or
     * {@code application DataSource}.
     */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }
}
