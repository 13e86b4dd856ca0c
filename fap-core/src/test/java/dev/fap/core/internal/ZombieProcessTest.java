package dev.fap.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stopped postmaster is not our child, so it stays a zombie until init reaps it; the JDK counts a
 * zombie as alive. {@link StalePostmaster#awaitExit} must not wait for the reaping.
 */
class ZombieProcessTest {
    @Test
    void anExitedButUnreapedProcessCountsAsExited() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        // the child exits after 0.5 s, when its parent has exec'd into "sleep 5", which never reaps it: a zombie
        // until then (a child that exits at once may be reaped by bash's SIGCHLD handler before the exec)
        Process parent = new ProcessBuilder("bash", "-c", "sleep 0.5 & echo $!; exec sleep 5").start();
        try {
            long zombiePid;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
                zombiePid = Long.parseLong(out.readLine().trim());
            }
            ProcessHandle zombie = ProcessHandle.of(zombiePid).orElseThrow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (!StalePostmaster.isZombie(zombiePid) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(StalePostmaster.isZombie(zombiePid)).isTrue();
            assertThat(zombie.isAlive()).as("the JDK still calls a zombie alive").isTrue();

            StalePostmaster.awaitExit(zombie);
            assertThat(parent.isAlive()).as("awaitExit returned before the zombie's parent reaped it").isTrue();
            assertThat(zombie.isAlive()).isTrue();
        } finally {
            parent.destroyForcibly();
            parent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void liveAndMissingProcessesAreNotZombies() {
        assertThat(StalePostmaster.isZombie(ProcessHandle.current().pid())).isFalse();
        assertThat(StalePostmaster.isZombie(Long.MAX_VALUE)).isFalse();
    }
}
