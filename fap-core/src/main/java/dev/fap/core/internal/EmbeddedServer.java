package dev.fap.core.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 (zonky binaries), started on a free port, stopped on close.
 *
 * <p>With a data folder the cluster is kept on disk and reused; a postmaster left running by a
 * killed JVM in that folder is stopped first (see {@link StalePostmaster}).
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres postgres;
    private final boolean persistent;

    private EmbeddedServer(EmbeddedPostgres postgres, boolean persistent) {
        this.postgres = postgres;
        this.persistent = persistent;
    }

    /**
     * Starts a server.
     *
     * @param dataDir folder to keep the cluster in, or null for a temporary one
     * @param port    port to listen on, or 0 for a free one
     */
    public static EmbeddedServer start(Path dataDir, int port) {
        if (dataDir != null) {
            StalePostmaster.stopIfRunning(dataDir);
        }
        long t0 = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // tuned for an analytics workload on a small machine; durability is not needed
                    // for a throw-away cluster, and a kept one is only a local cache.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "30min")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("max_parallel_workers_per_gather", "2")
                    .setServerConfig("jit", "off");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir.toAbsolutePath()).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            LOG.info("embedded PostgreSQL started on port {} in {} ms{}", pg.getPort(),
                    (System.nanoTime() - t0) / 1_000_000, dataDir == null ? "" : " (data in " + dataDir + ")");
            return new EmbeddedServer(pg, dataDir != null);
        } catch (IOException | RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (port > 0 && (msg.contains("in use") || msg.contains("could not bind") || msg.contains("Address already"))) {
                throw new FapException(ErrorCode.DB_EMBEDDED_FAILED, "port " + port + " is already in use",
                        "free the port, or leave the port unset so the embedded PostgreSQL picks a free one", e);
            }
            throw new FapException(ErrorCode.DB_EMBEDDED_FAILED, "the embedded PostgreSQL did not start: " + msg,
                    dataDir == null ? "check free disk space in " + System.getProperty("java.io.tmpdir")
                            : "check that " + dataDir + " is writable and not used by another server, or delete it", e);
        }
    }

    /** JDBC URL for {@code database} as the superuser {@code postgres}. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public int port() {
        return postgres.getPort();
    }

    public boolean isPersistent() {
        return persistent;
    }

    /** Creates {@code name} unless it exists. */
    public void ensureDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "''") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_EMBEDDED_FAILED, "cannot create database " + name + ": " + e.getMessage(),
                    "delete the embedded data folder and run again", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
