package dev.fap.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with SIGKILL leaves its postmaster running on the kept data folder; the next
 * {@link Database#open} must stop that orphan and start cleanly on the same data.
 */
class StalePostmasterTest {
    @TempDir
    Path tmp;

    /** Child JVM: opens the kept cluster, writes a row, signals readiness and waits to be killed. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path dataDir = Path.of(args[0]);
            Database db = Database.open(FapConfig.defaults().withDataDir(dataDir));
            db.dsl().execute("create table bronze.survivor(x int)");
            db.dsl().execute("insert into bronze.survivor values (7)");
            Files.writeString(Path.of(args[1]), "ready");
            Thread.sleep(120_000);
            db.close();
        }
    }

    @Test
    void orphanPostmasterOfAKilledJvmIsStoppedAndTheDataIsReused() throws Exception {
        Path dataDir = tmp.resolve("pgdata");
        Path ready = tmp.resolve("ready");
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", cp, Child.class.getName(), dataDir.toString(), ready.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(ready) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ready).as("child started; log:%n%s", Files.exists(tmp.resolve("child.log"))
                    ? Files.readString(tmp.resolve("child.log")) : "").exists();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            child.waitFor(30, TimeUnit.SECONDS);
        }
        long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle orphan = ProcessHandle.of(orphanPid).orElseThrow();
        assertThat(orphan.isAlive()).as("the killed JVM left its postmaster running").isTrue();
        assertThat(orphan.info().commandLine().orElse("")).contains("postgres").contains(dataDir.toString());

        try (Database db = Database.open(FapConfig.defaults().withDataDir(dataDir))) {
            assertThat(orphan.isAlive()).as("orphan postmaster %d stopped", orphanPid).isFalse();
            assertThat(db.dsl().fetchSingle("select x from bronze.survivor").get(0, Integer.class)).isEqualTo(7);
            long newPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            assertThat(newPid).isNotEqualTo(orphanPid);
        }
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }
}
