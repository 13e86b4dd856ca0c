package dev.fap.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, reusing and stopping the embedded PostgreSQL: no process may outlive {@link Database#close()}. */
class EmbeddedLifecycleTest {
    @TempDir
    Path tmp;

    /** The postmaster of the server behind {@code db}: the parent of our backend process. */
    static ProcessHandle postmaster(Database db) {
        long backend = db.dsl().fetchSingle("select pg_backend_pid()").get(0, Long.class);
        return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow();
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitExit(ProcessHandle h) throws Exception {
        if (h.isAlive()) {
            h.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void closeStopsTheServerAndLeavesNoProcess() throws Exception {
        Database db = Database.open(FapConfig.defaults());
        ProcessHandle pm = postmaster(db);
        int port = db.dsl().fetchSingle("select inet_server_port()").get(0, Integer.class);
        assertThat(pm.info().command().orElse("")).endsWith("postgres");
        assertThat(pm.isAlive()).isTrue();
        assertThat(accepts(port)).isTrue();
        assertThat(db.toString()).contains("embedded PostgreSQL on port " + port).contains("temporary");

        db.close();
        db.close(); // idempotent

        awaitExit(pm);
        assertThat(pm.isAlive()).as("postmaster %d is gone", pm.pid()).isFalse();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.parent().map(pp -> pp.pid() == pm.pid()).orElse(false)))
                .as("no child of the postmaster survives").isEmpty();
        assertThat(accepts(port)).as("port %d is closed", port).isFalse();
    }

    @Test
    void keptDataDirIsReusedAndCannotBeOpenedTwice() throws Exception {
        Path dataDir = tmp.resolve("pgdata");
        FapConfig config = FapConfig.defaults().withDataDir(dataDir);
        long firstStart = System.nanoTime();
        ProcessHandle first;
        try (Database db = Database.open(config)) {
            first = postmaster(db);
            db.dsl().execute("create table bronze.kept(x int)");
            db.dsl().execute("insert into bronze.kept values (42)");
            assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
            assertThat(db.toString()).contains("data in " + dataDir);

            FapException inUse = catchThrowableOfType(FapException.class, () -> Database.open(config));
            assertThat(inUse.code()).isEqualTo(ErrorCode.DB_EMBEDDED_FAILED);
            assertThat(inUse.getMessage()).contains(dataDir.toString()).contains("in use by another running FAP process");
            assertThat(inUse.hint()).contains("--data-dir");
            assertThat(db.dsl().fetchSingle("select count(*) from bronze.kept").get(0, Integer.class))
                    .as("the running server was not touched").isEqualTo(1);
        }
        long firstMillis = (System.nanoTime() - firstStart) / 1_000_000;
        awaitExit(first);
        assertThat(first.isAlive()).isFalse();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();

        long secondStart = System.nanoTime();
        try (Database db = Database.open(config)) {
            assertThat(db.dsl().fetchSingle("select x from bronze.kept").get(0, Integer.class)).isEqualTo(42);
            assertThat(db.dsl().fetch("select rolname from pg_roles where rolname like 'fap\\_%'")).hasSize(3);
        }
        long secondMillis = (System.nanoTime() - secondStart) / 1_000_000;
        System.out.printf("kept data dir: first open+close %d ms (initdb), second %d ms (reuse)%n", firstMillis, secondMillis);
    }

    @Test
    void portInUseFailsFastWithTheFix() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            long t0 = System.nanoTime();
            FapException e = catchThrowableOfType(FapException.class,
                    () -> Database.open(FapConfig.defaults().withEmbeddedPort(port)));
            assertThat(e.code()).isEqualTo(ErrorCode.DB_EMBEDDED_FAILED);
            assertThat(e.getMessage()).contains("port " + port).contains("already in use");
            assertThat(e.hint()).contains("FAP_EMBEDDED_PORT").contains("free port");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void fixedFreePortIsUsed() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Database db = Database.open(FapConfig.defaults().withEmbeddedPort(port))) {
            assertThat(db.dsl().fetchSingle("select inet_server_port()").get(0, Integer.class)).isEqualTo(port);
        }
        assertThat(accepts(port)).isFalse();
    }
}
