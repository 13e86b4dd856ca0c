package dev.fap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.FapConfig;
import dev.fap.core.internal.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FapCliTest {
    @TempDir
    Path tmp;

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void helpListsCommandsOptionsAndExitCodes() {
        CliRunner.Result r = CliRunner.run("--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("run", "sql", "--data-dir", "--out", "--verbose", "Exit codes:")
                .contains("DB_UNREACHABLE").contains("CONFIG_INVALID").contains("INTERNAL")
                .containsPattern("(?m)^\\s+3\\s+database \\(DB_UNREACHABLE, DB_AUTH_FAILED, DB_MISSING,")
                .containsPattern("(?m)^\\s+2\\s+invalid usage or configuration \\(CONFIG_INVALID, INVALID_ARGUMENT\\)$");
    }

    @Test
    void generateTakesALocaleAndBusinessRates() throws IOException {
        Path csv = tmp.resolve("de");
        CliRunner.Result r = CliRunner.run("generate", "--customers", "60", "--transactions", "3000", "--merchants", "40",
                "--locale", "de-DE", "--fraud-rate", "0.03", "--decline-rate", "0.08", "--churn-rate", "0.2", "--to", csv.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        java.util.List<String> customers = Files.readAllLines(csv.resolve("customers.csv"));
        assertThat(customers).hasSize(61);
        assertThat(customers.subList(1, 61)).allMatch(l -> l.contains(",DE,") && l.contains(",+49 "));
        java.util.List<String> transactions = Files.readAllLines(csv.resolve("transactions.csv"));
        assertThat(transactions.subList(1, transactions.size())).allMatch(l -> l.contains(",EUR,"));

        CliRunner.Result locale = CliRunner.run("generate", "--locale", "pt-BR", "--to", tmp.resolve("x").toString());
        assertThat(locale.exitCode()).isEqualTo(2);
        assertThat(locale.err()).contains("locale 'pt-BR' is not supported").contains("en-US, en-GB, de-DE, fr-FR, es-ES, it-IT, nl-NL");
        CliRunner.Result rate = CliRunner.run("run", "--churn-rate", "15", "--out", tmp.resolve("y").toString());
        assertThat(rate.exitCode()).isEqualTo(2);
        assertThat(rate.err()).contains("churn rate must be in [0, 0.9]").contains("a share, not a percentage");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Result r = CliRunner.run("run", "--no-such-option");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void runOnATemporaryClusterPreparesEverythingAndLeavesNoProcess() {
        CliRunner.Result r = CliRunner.run("run", "--customers", "60", "--transactions", "3000", "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("FAP run finished in")
                .contains("schemas   bronze, silver, gold, fap_meta")
                .contains("roles     fap_analyst, fap_loader, fap_transformer")
                .containsPattern("server    PostgreSQL 17\\.\\d+")
                .containsPattern("bronze    13 tables, [0-9,]+ rows")
                .contains("(temporary), stopped");
        assertThat(r.out()).containsPattern("checks    \\d+ passed, \\d+ warned, 0 failed")
                .containsPattern("build     \\d+ models in");
        assertThat(tmp.resolve("out/run_results.json")).isNotEmptyFile();
        assertThat(tmp.resolve("out/manifest.json")).isNotEmptyFile();
        assertThat(tmp.resolve("out/docs/index.html")).isNotEmptyFile();
        assertThat(tmp.resolve("out/analytics.json")).isNotEmptyFile();
        assertThat(tmp.resolve("out/reports/index.html")).isNotEmptyFile();
        assertThat(tmp.resolve("out/reports/01_descriptive_analytics.html")).isNotEmptyFile();
        assertThat(tmp.resolve("out/reports/08_realtime_analytics.html")).isNotEmptyFile();
        assertThat(r.out()).containsPattern("reports   9 files, \\d+ charts in");
        Matcher m = Pattern.compile("embedded PostgreSQL on port (\\d+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        assertThat(accepts(Integer.parseInt(m.group(1)))).as("embedded server stopped").isFalse();
    }

    @Test
    void sqlPrintsAlignedTablesOnAKeptCluster() {
        String dir = tmp.resolve("pgdata").toString();
        CliRunner.Result first = CliRunner.run("sql", "--data-dir", dir, "select 1");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(Path.of(dir, "PG_VERSION")).exists();

        CliRunner.Result r = CliRunner.run("sql", "--data-dir", dir,
                "select 1 as n, 'x' as s union all select 22, null order by 1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("""
                 n  | s
                ----+------
                  1 | x
                 22 | NULL
                (2 rows)
                """);
        assertThat(r.err()).doesNotContain("temporary");

        CliRunner.Result schemas = CliRunner.run("--data-dir", dir, "sql", "select count(*) as fap_schemas from "
                + "information_schema.schemata where schema_name in ('bronze', 'silver', 'gold', 'fap_meta')");
        assertThat(schemas.out()).contains(" fap_schemas\n").contains("           4\n").contains("(1 row)");

        CliRunner.Result csv = CliRunner.run("sql", "--data-dir", dir, "--format", "csv",
                "select 'a,b' as x, 'say \"hi\"' as y, null as z");
        assertThat(csv.out()).isEqualTo("x,y,z\n\"a,b\",\"say \"\"hi\"\"\",\n");

        CliRunner.Result limited = CliRunner.run("sql", "--data-dir", dir, "--max-rows", "3", "select generate_series(1, 10) as i");
        assertThat(limited.out()).contains(" 3\n").doesNotContain(" 4\n").contains("(first 3 rows shown; more with --max-rows)");

        CliRunner.Result multi = CliRunner.run("sql", "--data-dir", dir,
                "create table bronze.cli_t(x int); insert into bronze.cli_t values (1), (2); select sum(x) as total from bronze.cli_t");
        assertThat(multi.exitCode()).as(multi.toString()).isZero();
        assertThat(multi.out()).contains("OK, 2 rows affected").contains("     3\n");
    }

    @Test
    void generateThenLoadThenBuildAndTestOnAKeptCluster() throws IOException {
        String dir = tmp.resolve("pgdata").toString();
        Path csv = tmp.resolve("csv");
        CliRunner.Result gen = CliRunner.run("generate", "--customers", "40", "--transactions", "1500", "--seed", "7", "--to", csv.toString());
        assertThat(gen.exitCode()).as(gen.toString()).isZero();
        assertThat(csv.resolve("transactions.csv")).isNotEmptyFile();
        long csvTransactions = Files.lines(csv.resolve("transactions.csv")).count() - 1;
        assertThat(csvTransactions).isEqualTo(1500);

        CliRunner.Result load = CliRunner.run("load", "--data-dir", dir, "--from", csv.toString());
        assertThat(load.exitCode()).as(load.toString()).isZero();
        assertThat(load.out()).contains("transactions=1500");

        CliRunner.Result count = CliRunner.run("sql", "--data-dir", dir, "select count(*) as n from bronze.transactions");
        assertThat(count.out()).contains(" 1500\n");

        String out = tmp.resolve("out").toString();
        CliRunner.Result build = CliRunner.run("build", "--data-dir", dir, "--out", out);
        assertThat(build.exitCode()).as(build.toString()).isZero();
        assertThat(build.out().toLowerCase(java.util.Locale.ROOT)).contains("]: success");
        CliRunner.Result test = CliRunner.run("test", "--data-dir", dir, "--out", out);
        assertThat(test.exitCode()).as(test.toString()).isZero();
        CliRunner.Result docs = CliRunner.run("docs", "--data-dir", dir, "--out", out);
        assertThat(docs.exitCode()).as(docs.toString()).isZero();
        assertThat(tmp.resolve("out/docs/index.html")).isNotEmptyFile();

        CliRunner.Result missing = CliRunner.run("load", "--data-dir", dir, "--from", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such folder").contains("hint:");
    }

    @Test
    void serveStreamsUpdatesAndStopsCleanly() {
        CliRunner.Result r = CliRunner.run("serve", "--customers", "30", "--transactions", "1000", "--interval", "300",
                "--duration", "4");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("Live dashboard at http://127\\.0\\.0\\.1:\\d+/? for 4 s");
        Matcher m = Pattern.compile("stopped after (\\d+) updates").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void dbHostPointsTheCliAtAnExternalServerAndVerboseHidesThePassword() {
        try (EmbeddedServer external = EmbeddedServer.start(null, 0)) {
            external.ensureDatabase("ext_db");
            Map<String, String> env = Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(external.port()),
                    "DB_NAME", "ext_db", "DB_USER", "postgres", "DB_PASSWORD", "Sw0rdfish-77");
            CliRunner.Result r = CliRunner.run(() -> FapConfig.load(tmp, env, new Properties()), "--verbose", "sql",
                    "select current_database() as db, inet_server_port() as port");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("ext_db").contains(String.valueOf(external.port()));
            assertThat(r.err()).contains("jdbc:postgresql://127.0.0.1:" + external.port() + "/ext_db")
                    .contains("password=****").doesNotContain("Sw0rdfish").doesNotContain("temporary embedded");
            assertThat(r.out()).doesNotContain("Sw0rdfish");
        }
    }

    @Test
    void badGeneratorArgumentIsExitCode2() {
        CliRunner.Result r = CliRunner.run("generate", "--customers", "0", "--to", tmp.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("customers must be between 1 and 9,999,999, was 0").contains("hint:");
    }

    @Test
    void sqlErrorIsOneMessageWithHintAndDatabaseExitCode() {
        CliRunner.Result r = CliRunner.run("sql", "select * from no_such_table");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("fap: SQL failed: ERROR: relation \"no_such_table\" does not exist\n  hint: fix the statement")
                .doesNotContain("\tat ").doesNotContain("Position");
        assertThat(r.err()).contains("note: this is a temporary embedded database");
    }

    @Test
    void malformedDotEnvEndsWithExitCode2() throws IOException {
        Files.writeString(tmp.resolve(".env"), "DB_HOST=localhost\nnot a setting\n");
        CliRunner.Result r = CliRunner.run(() -> FapConfig.load(tmp, Map.of(), new Properties()), "run");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("fap: ").contains(".env line 2 is not KEY=value").contains("  hint: write it as KEY=value");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownConfigKeyEndsWithExitCode2() {
        CliRunner.Result r = CliRunner.run(() -> FapConfig.load(tmp, Map.of("FAP_DATADIR", "x"), new Properties()), "sql", "select 1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown configuration key FAP_DATADIR").contains("did you mean FAP_DATA_DIR?");
    }

    @Test
    void unreachableDatabaseEndsWithExitCode3() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int port = closed;
        CliRunner.Result r = CliRunner.run(() -> FapConfig.defaults().withHost("127.0.0.1").withPort(port), "run");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("fap: cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:" + port)
                .contains("  hint: check that the server runs");
    }

    @Test
    void embeddedPortInUseEndsWithExitCode3() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CliRunner.Result r = CliRunner.run(() -> FapConfig.defaults().withEmbeddedPort(taken.getLocalPort()), "run");
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).contains("port " + taken.getLocalPort() + " for the embedded PostgreSQL is already in use")
                    .contains("hint: ");
        }
    }
}
