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

    /**
     * Waits up to 60 s for a stopping postmaster to exit, then terminates it. A postmaster is not our
     * child (pg_ctl daemonises it), so once it exits it stays a zombie until the machine's init reaps
     * it, and {@code isAlive()}/{@code onExit()} count a zombie as alive: in containers whose init
     * reaps lazily that cost 1.3–1.8 s per stop. A zombie holds no port, memory or file, so it counts
     * as exited here.
     */
    static void awaitExit(ProcessHandle h) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        try {
            while (h.isAlive() && !isZombie(h.pid())) {
                if (System.nanoTime() > deadline) {
                    LOG.warn("PostgreSQL (pid {}) did not stop within 60 s; terminating it", h.pid());
                    terminate(h);
                    return;
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminate(h);
        }
    }

    /** True if the process has exited and awaits its reaping (Linux {@code /proc}; false elsewhere). */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.length() && stat.charAt(afterName + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
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
