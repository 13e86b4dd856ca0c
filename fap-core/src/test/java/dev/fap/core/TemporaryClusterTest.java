package dev.fap.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary clusters: copied from a cached template instead of initdb, deleted on close, rebuilt when
 * the template is unusable, and reaped when their JVM was killed. Runs in its own java.io.tmpdir.
 */
class TemporaryClusterTest {
    @TempDir
    Path tmp;

    private String savedTmpDir;
    private String savedWorkingDir;

    @BeforeEach
    void isolateTmpDir() {
        savedTmpDir = System.getProperty("java.io.tmpdir");
        savedWorkingDir = System.getProperty("ot.epg.working-dir");
        // keep zonky's extracted binaries where they are; only FAP's clusters move
        System.setProperty("ot.epg.working-dir", Path.of(savedTmpDir, "embedded-pg").toString());
        System.setProperty("java.io.tmpdir", tmp.toString());
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", savedTmpDir);
        if (savedWorkingDir == null) {
            System.clearProperty("ot.epg.working-dir");
        } else {
            System.setProperty("ot.epg.working-dir", savedWorkingDir);
        }
    }

    private static Path dataDirectory(Database db) {
        return Path.of(db.dsl().fetchSingle("show data_directory").get(0, String.class));
    }

    @Test
    void secondClusterIsACopyOfTheTemplateAndEveryClusterIsDeletedOnClose() throws Exception {
        Path template = tmp.resolve("fap-pg-template");
        long t0 = System.nanoTime();
        Path first;
        try (Database db = Database.open(FapConfig.defaults())) {
            first = dataDirectory(db);
            assertThat(first.getParent()).isEqualTo(tmp);
            assertThat(first.getFileName().toString()).startsWith("fap-pg-");
            db.dsl().execute("create table bronze.only_here(x int)");
        }
        long initdbMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(first).doesNotExist();
        assertThat(template.resolve("PG_VERSION")).hasContent("17");
        assertThat(template.resolve("epg-lock")).doesNotExist();

        long t1 = System.nanoTime();
        try (Database db = Database.open(FapConfig.defaults())) {
            Path second = dataDirectory(db);
            assertThat(second).isNotEqualTo(first).startsWith(tmp);
            assertThat(db.dsl().fetchSingle("select to_regclass('bronze.only_here') is null").get(0, Boolean.class))
                    .as("the template is pristine").isTrue();
            assertThat(db.dsl().fetch("select rolname from pg_roles where rolname like 'fap\\_%'")).hasSize(3);
        }
        long copyMillis = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("temporary cluster: open+close with initdb %d ms, from the template %d ms%n", initdbMillis, copyMillis);
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("fap-pg-template");
        }
    }

    @Test
    void unusableTemplateIsRebuilt() throws Exception {
        try (Database db = Database.open(FapConfig.defaults())) {
            assertThat(db.dsl().fetchSingle("select 1").get(0, Integer.class)).isEqualTo(1);
        }
        Path template = tmp.resolve("fap-pg-template");
        Files.writeString(template.resolve("PG_VERSION"), "16\n"); // left by a FAP with other binaries
        try (Database db = Database.open(FapConfig.defaults())) {
            assertThat(db.dsl().fetchSingle("show server_version").get(0, String.class)).startsWith("17.");
        }
        assertThat(template.resolve("PG_VERSION")).hasContent("17");

        Files.delete(template.resolve("pg_hba.conf")); // damaged: the server cannot start from it
        try (Database db = Database.open(FapConfig.defaults())) {
            assertThat(db.dsl().fetchSingle("select 1").get(0, Integer.class)).isEqualTo(1);
        }
        assertThat(template.resolve("pg_hba.conf")).exists();
    }

    /** Child JVM: opens a temporary cluster and waits to be killed. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Database db = Database.open(FapConfig.defaults());
            Files.writeString(Path.of(args[0]), db.dsl().fetchSingle("show data_directory").get(0, String.class));
            Thread.sleep(120_000);
            db.close();
        }
    }

    @Test
    void temporaryClusterOfAKilledJvmIsReaped() throws Exception {
        Path ready = tmp.resolve("ready.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-Djava.io.tmpdir=" + tmp,
                "-Dot.epg.working-dir=" + System.getProperty("ot.epg.working-dir"),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), ready.toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path orphanDir;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(ready) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ready).as("child started: %s", tmp.resolve("child.log")).exists();
            orphanDir = Path.of(Files.readString(ready).trim());
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        long pid = Long.parseLong(Files.readAllLines(orphanDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle orphan = ProcessHandle.of(pid).orElseThrow();
        assertThat(orphan.isAlive()).isTrue();
        // orphans are only reaped once their lock file is a few seconds old (a starting JVM may not have locked yet)
        while (System.currentTimeMillis() - Files.getLastModifiedTime(orphanDir.resolve("epg-lock")).toMillis() < 5_500) {
            Thread.sleep(200);
        }
        try (Database db = Database.open(FapConfig.defaults())) {
            assertThat(orphan.isAlive()).as("orphan postmaster %d stopped", pid).isFalse();
            assertThat(orphanDir).doesNotExist();
        }
    }
}
