package dev.fap.core.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 (zonky binaries), started on a free port, stopped on close.
 *
 * <p>Without a data folder the cluster is temporary: a copy of a cached template (see
 * {@link ClusterTemplate}) in {@code java.io.tmpdir}, deleted on close. With a data folder the
 * cluster is kept on disk and reused; a postmaster left running by a
 * killed JVM in that folder is stopped first (see {@link StalePostmaster}). A folder in use by a
 * live process, or a fixed port that is taken, fails fast with
 * {@link ErrorCode#DB_EMBEDDED_FAILED}.
 *
 * <pre>{@code
 * try (EmbeddedServer pg = EmbeddedServer.start(null, 0)) {
 *     pg.ensureDatabase("scratch");
 *     String url = pg.jdbcUrl("scratch");
 * }
 * }</pre>
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Path temporaryDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDir, Path temporaryDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.temporaryDir = temporaryDir;
    }

    /**
     * Starts a server.
     *
     * @param dataDir folder to keep the cluster in, or null for a temporary one
     * @param port    port to listen on, or 0 for a free one
     */
    public static EmbeddedServer start(Path dataDir, int port) {
        if (port > 0) {
            requireFreePort(port);
        }
        if (dataDir != null) {
            Path dir = dataDir.toAbsolutePath().normalize();
            prepareDataDir(dir);
            StalePostmaster.stopIfRunning(dir);
            return launch(dir, port, false, false);
        }
        ClusterTemplate.reapOrphans();
        Path dir = newTemporaryDir();
        boolean fromTemplate = ClusterTemplate.copyInto(dir);
        try {
            return launch(dir, port, true, fromTemplate);
        } catch (FapException e) {
            StalePostmaster.kill(dir);
            ClusterTemplate.deleteTree(dir);
            if (!fromTemplate) {
                throw e;
            }
            LOG.info("the cluster template did not start ({}); initialising a fresh cluster", e.getMessage());
            ClusterTemplate.discard();
            Path fresh = newTemporaryDir();
            try {
                return launch(fresh, port, true, false);
            } catch (FapException again) {
                StalePostmaster.kill(fresh);
                ClusterTemplate.deleteTree(fresh);
                throw again;
            }
        }
    }

    private static Path newTemporaryDir() {
        try {
            return ClusterTemplate.newClusterDir();
        } catch (IOException e) {
            throw new FapException(ErrorCode.DB_EMBEDDED_FAILED, "cannot create a folder for the embedded PostgreSQL in "
                    + ClusterTemplate.tmpDir() + ": " + e, "check free disk space and permissions of java.io.tmpdir", e);
        }
    }

    private static EmbeddedServer launch(Path dir, int port, boolean temporary, boolean fromTemplate) {
        long t0 = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // a copy of the template that does not come up soon is replaced by a fresh initdb
                    .setPGStartupWait(Duration.ofSeconds(fromTemplate ? 15 : 60))
                    // tuned for an analytics workload on a small machine; durability is not needed
                    // for a throw-away cluster, and a kept one is only a local cache.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    // no replication: a table created and filled in one transaction (every warehouse
                    // build, COPY into a new table) then skips the write-ahead log entirely
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "30min")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("max_parallel_workers_per_gather", "2")
                    .setServerConfig("jit", "off")
                    // bulk loads append: no vacuum of a freshly loaded 10M-row table competing with the
                    // build for the cores (autovacuum still analyzes it and vacuums updated tables)
                    .setServerConfig("autovacuum_vacuum_insert_threshold", "-1")
                    // bronze loads COPY their big table over two connections, atomic by two-phase commit
                    .setServerConfig("max_prepared_transactions", "16")
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false);
            if (port > 0) {
                builder.setPort(port);
            }
            if (temporary && !fromTemplate) {
                // called after initdb, before the server starts: the pristine cluster becomes the template
                builder.setDataDirectoryCustomizer(d -> ClusterTemplate.saveFrom(d.toPath()));
            }
            EmbeddedPostgres pg = builder.start();
            LOG.info("embedded PostgreSQL started on port {} in {} ms ({})", pg.getPort(), (System.nanoTime() - t0) / 1_000_000,
                    temporary ? "temporary" + (fromTemplate ? ", from the template" : "") : "data in " + dir);
            return new EmbeddedServer(pg, temporary ? null : dir, temporary ? dir : null);
        } catch (IllegalStateException e) {
            if (!temporary && String.valueOf(e.getMessage()).contains("could not lock")) {
                throw dataDirInUse(dir, e);
            }
            throw startFailed(temporary ? null : dir, e);
        } catch (IOException | RuntimeException e) {
            throw startFailed(temporary ? null : dir, e);
        }
    }

    private static FapException startFailed(Path dir, Exception e) {
        return new FapException(ErrorCode.DB_EMBEDDED_FAILED, "the embedded PostgreSQL did not start: " + e.getMessage(),
                dir == null ? "check free disk space in " + System.getProperty("java.io.tmpdir")
                        : "check that " + dir + " is writable and holds a PostgreSQL 17 cluster made by FAP, or delete it", e);
    }

    static FapException dataDirInUse(Path dir, Exception cause) {
        return new FapException(ErrorCode.DB_EMBEDDED_FAILED,
                "the data folder " + dir + " is in use by another running FAP process",
                "wait for that process to finish, or pass another --data-dir (FAP_DATA_DIR)", cause);
    }

    private static void prepareDataDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot create the data folder " + dir + ": " + e,
                    "choose a writable --data-dir (FAP_DATA_DIR)", e);
        }
        if (!Files.isWritable(dir)) {
            throw new FapException(ErrorCode.IO_ERROR, "the data folder " + dir + " is not writable",
                    "choose a writable --data-dir (FAP_DATA_DIR) or fix its permissions");
        }
    }

    /**
     * Fails fast when {@code port} is taken: PostgreSQL would otherwise fail in the background and
     * the start would only time out (or, worse, talk to whoever owns the port).
     */
    private static void requireFreePort(int port) {
        boolean listening;
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            listening = true;
        } catch (IOException e) {
            listening = false;
        }
        if (!listening) {
            try (ServerSocket ss = new ServerSocket()) {
                ss.setReuseAddress(false);
                ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return;
            } catch (IOException e) {
                // bound by someone who does not accept connections: taken all the same
            }
        }
        throw new FapException(ErrorCode.DB_EMBEDDED_FAILED,
                "port " + port + " for the embedded PostgreSQL is already in use",
                "stop the program that uses port " + port + ", choose another FAP_EMBEDDED_PORT, "
                        + "or unset FAP_EMBEDDED_PORT so that a free port is picked");
    }

    /** JDBC URL for {@code database} as the superuser {@code postgres}. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public int port() {
        return postgres.getPort();
    }

    /** True when the cluster lives in a kept data folder. */
    public boolean isPersistent() {
        return dataDir != null;
    }

    /** The kept data folder; empty for a temporary cluster. */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
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

    /** Stops the server and waits until it has exited; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Path dir = dataDir != null ? dataDir : temporaryDir;
        java.util.Optional<ProcessHandle> postmaster = StalePostmaster.postmasterOf(dir);
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        // pg_ctl gives up after 5 s; a loaded machine may need longer for the shutdown checkpoint
        postmaster.ifPresent(StalePostmaster::awaitExit);
        LOG.info("embedded PostgreSQL stopped");
        if (temporaryDir != null) {
            ClusterTemplate.deleteTree(temporaryDir);
        }
    }
}
