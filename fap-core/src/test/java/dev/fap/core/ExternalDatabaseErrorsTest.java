package dev.fap.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connecting to an "external" PostgreSQL that really checks passwords: a second embedded server
 * whose pg_hba.conf demands scram-sha-256 for everyone but the bootstrap superuser.
 */
class ExternalDatabaseErrorsTest {
    private static final String USER = "fap_app";
    private static final String PASSWORD = "S3cret-Pa55-xyzzy";
    private static final String DB = "fa_app";

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startPasswordProtectedServer() throws IOException, SQLException {
        server = EmbeddedPostgres.builder()
                .setDataDirectoryCustomizer(dir -> {
                    try {
                        Files.writeString(dir.toPath().resolve("pg_hba.conf"), """
                                local all all                 trust
                                host  all postgres 127.0.0.1/32 trust
                                host  all postgres ::1/128      trust
                                host  all all      127.0.0.1/32 scram-sha-256
                                host  all all      ::1/128      scram-sha-256
                                """);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("create role " + USER + " login password '" + PASSWORD + "'");
            s.execute("create database " + DB + " owner " + USER);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static FapConfig external() {
        return FapConfig.defaults().withHost("127.0.0.1").withPort(server.getPort()).withDatabaseName(DB)
                .withUser(USER).withPassword(PASSWORD);
    }

    @Test
    void rightPasswordConnectsAndPreparesSchemasWithoutRoles() {
        try (Database db = Database.open(external())) {
            assertThat(db.isEmbedded()).isFalse();
            assertThat(db.dsl().fetchSingle("select current_user").get(0, String.class)).isEqualTo(USER);
            assertThat(db.dsl().fetch("select nspname from pg_namespace where nspname in ('bronze','silver','gold','fap_meta')"))
                    .hasSize(4);
            assertThat(db.toString()).contains("127.0.0.1:" + server.getPort()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void wrongPasswordIsDbAuthFailed() {
        FapException e = catchThrowableOfType(FapException.class, () -> Database.open(external().withPassword("not-the-password")));
        assertThat(e.code()).isEqualTo(ErrorCode.DB_AUTH_FAILED);
        assertThat(e.getMessage()).contains("rejected the password of user '" + USER + "'").contains("127.0.0.1:" + server.getPort());
        assertThat(e.hint()).contains("DB_USER").contains("DB_PASSWORD");
        assertThat(e.getMessage() + e.hint()).doesNotContain("not-the-password");
        assertThat(e.code().exitCode()).isEqualTo(3);
    }

    @Test
    void missingDatabaseIsDbMissing() {
        FapException e = catchThrowableOfType(FapException.class, () -> Database.open(external().withDatabaseName("no_such_db")));
        assertThat(e.code()).isEqualTo(ErrorCode.DB_MISSING);
        assertThat(e.getMessage()).contains("database 'no_such_db' does not exist");
        assertThat(e.hint()).contains("createdb no_such_db").contains("DB_NAME");
    }

    @Test
    void closedPortIsDbUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        FapException e = catchThrowableOfType(FapException.class, () -> Database.open(external().withPort(closedPort)));
        assertThat(e.code()).isEqualTo(ErrorCode.DB_UNREACHABLE);
        assertThat(e.getMessage()).contains("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort);
        assertThat(e.hint()).contains("DB_HOST/DB_PORT").contains("embedded");
        assertThat((System.nanoTime() - t0) / 1_000_000_000.0).as("fails fast, seconds").isLessThan(10);
    }

    @Test
    void passwordNeverReachesTheLogsOrMessages() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String urlWithPassword = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DB + "?user=" + USER + "&password=" + PASSWORD;
        FapException wrong;
        try {
            try (Database db = Database.open(external())) {
                assertThat(db.toString()).doesNotContain(PASSWORD);
            }
            try (Database db = Database.open(FapConfig.defaults().withJdbcUrl(urlWithPassword))) {
                assertThat(db.toString()).doesNotContain(PASSWORD).contains("password=****");
            }
            wrong = catchThrowableOfType(FapException.class,
                    () -> Database.open(FapConfig.defaults().withJdbcUrl(urlWithPassword.replace(PASSWORD, PASSWORD + "-wrong"))));
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("debug logs were captured").contains("fap");
        assertThat(logs).doesNotContain(PASSWORD);
        assertThat(wrong.code()).isEqualTo(ErrorCode.DB_AUTH_FAILED);
        assertThat(wrong.getMessage() + wrong.hint()).doesNotContain(PASSWORD);
        assertThat(wrong.toString()).doesNotContain(PASSWORD);
    }
}
