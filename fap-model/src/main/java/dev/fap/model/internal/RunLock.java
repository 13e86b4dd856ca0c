package dev.fap.model.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The warehouse-wide PostgreSQL advisory lock (session level) that serialises builds and tests, even
 * across processes. Held on its own connection for the whole run.
 */
final class RunLock implements AutoCloseable {
    /** The advisory lock key: "FAPW" in ASCII. */
    static final long KEY = 0x46415057L;

    private final Connection connection;
    private final long waitedMillis;

    private RunLock(Connection connection, long waitedMillis) {
        this.connection = connection;
        this.waitedMillis = waitedMillis;
    }

    /** Acquires the lock, waiting at most {@code timeout}; {@code onWait} runs once if another run holds it. */
    static RunLock acquire(Connection c, Duration timeout, Runnable onWait) {
        long t0 = System.nanoTime();
        try {
            if (!"t".equals(Jdbc.row(c, "select pg_try_advisory_lock(" + KEY + ")").get(0))) {
                onWait.run();
                Jdbc.exec(c, "set lock_timeout = '" + timeout.toMillis() + "ms'");
                try {
                    Jdbc.exec(c, "select pg_advisory_lock(" + KEY + ")");
                } catch (SQLException e) {
                    if ("55P03".equals(e.getSQLState())) {
                        throw new FapException(ErrorCode.BUILD_FAILED, "another FAP run has held the warehouse lock for more than " + timeout,
                                "wait for it to finish (see fap_meta.runs where status = 'running'), or raise the lock timeout", e);
                    }
                    throw e;
                } finally {
                    Jdbc.exec(c, "reset lock_timeout");
                }
            }
            return new RunLock(c, (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_ERROR, "cannot acquire the warehouse lock: " + e.getMessage(), "check the database connection", e);
        }
    }

    /** The lock's connection (also used for run metadata). */
    Connection connection() {
        return connection;
    }

    long waitedMillis() {
        return waitedMillis;
    }

    @Override
    public void close() {
        try {
            Jdbc.exec(connection, "select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            // the session ends with the connection's eviction below, which releases the lock too
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // nothing more can be done: the server releases session locks when the session ends
            }
        }
    }
}
