package dev.fap.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a postmaster that a killed JVM left running on a kept data folder.
 *
 * <p>A live FAP process holds a file lock on {@code epg-lock} in the folder for as long as its
 * server runs; if that lock is held the folder is in use and nothing is touched (an error tells the
 * user). Otherwise the owner is gone, and PostgreSQL's {@code postmaster.pid} (first line: the pid)
 * names the orphan: if that process is alive and is a postgres process whose command line names this
 * folder, it is sent SIGTERM (its clients died with the JVM, so shutdown is quick), then SIGKILL if it
 * has not gone within 10 s. A pid file of a dead process is removed so the new server can start.
 */
final class StalePostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);

    /** The lock file zonky's EmbeddedPostgres holds while its server runs. */
    static final String LOCK_FILE = "epg-lock";

    private StalePostmaster() {}

    static void stopIfRunning(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        requireNoLiveOwner(dataDir);
        Optional<Long> pid = readPid(pidFile);
        Optional<ProcessHandle> handle = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(h -> isPostgresOf(h, dataDir));
        if (handle.isEmpty()) {
            LOG.info("removing stale {} of a postmaster that is gone", pidFile);
            deleteQuietly(pidFile);
            return;
        }
        ProcessHandle h = handle.get();
        LOG.warn("stopping a postmaster (pid {}) left running on {} by an earlier process", h.pid(), dataDir);
        terminate(h);
        if (!h.isAlive()) {
            deleteQuietly(pidFile);
        }
    }

    /** The running postmaster of {@code dataDir} according to its pid file. */
    static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        return readPid(dataDir.resolve("postmaster.pid")).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive).filter(p -> isPostgresOf(p, dataDir));
    }

    /** Waits up to 60 s for a stopping postmaster to exit, then terminates it. */
    static void awaitExit(ProcessHandle h) {
        try {
            h.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("PostgreSQL (pid {}) did not stop within 60 s; terminating it", h.pid());
            terminate(h);
        }
    }

    /** Stops the postgres of {@code dataDir}'s pid file, if one runs, whoever owns the folder (a failed start of ours). */
    static void kill(Path dataDir) {
        postmasterOf(dataDir).ifPresent(StalePostmaster::terminate);
    }

    private static void terminate(ProcessHandle h) {
        h.destroy();
        try {
            h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            h.destroyForcibly();
            try {
                h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the start that follows
            }
        }
    }

    /** Throws if a live process (this JVM included) holds the folder's lock. */
    private static void requireNoLiveOwner(Path dataDir) {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw EmbeddedServer.dataDirInUse(dataDir, null);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw EmbeddedServer.dataDirInUse(dataDir, e);
        } catch (IOException e) {
            LOG.debug("cannot probe {}: {}", lockFile, e.toString());
        }
    }

    private static boolean isPostgresOf(ProcessHandle h, Path dataDir) {
        String cmd = h.info().commandLine().orElse(h.info().command().orElse(""));
        // Some systems hide other users' command lines; then trust the pid file.
        return cmd.isEmpty() || (cmd.contains("postgres") && (cmd.contains(dataDir.toAbsolutePath().toString())
                || cmd.contains(dataDir.toString())));
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", p, e.getMessage());
        }
    }
}
