package dev.fap.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private FapConfig load(String dotEnv, Map<String, String> env, Properties sys) throws IOException {
        if (dotEnv != null) {
            Files.writeString(dir.resolve(".env"), dotEnv);
        } else {
            Files.deleteIfExists(dir.resolve(".env"));
        }
        return FapConfig.load(dir, env, sys);
    }

    private FapException failure(String dotEnv, Map<String, String> env, Properties sys) {
        return catchThrowableOfType(FapException.class, () -> load(dotEnv, env, sys));
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsMeanEmbedded() throws IOException {
        FapConfig c = load(null, Map.of("PATH", "/usr/bin", "HOME", "/root"), props("java.version", "17"));
        assertThat(c.isEmbedded()).isTrue();
        assertThat(c.jdbcUrl()).isEmpty();
        assertThat(c.databaseName()).isEqualTo("financial_analytics");
        assertThat(c.poolSize()).isEqualTo(8);
        assertThat(c.embeddedPort()).isZero();
        assertThat(c.dataDir()).isEmpty();
    }

    @Test
    void everyLayerOverridesTheOneBelow() throws IOException {
        String dotEnv = """
                # the original's .env
                DB_HOST=envfile-host
                DB_PORT=5433
                DB_NAME=from_envfile
                DB_USER=envfile_user
                export DB_PASSWORD="p#ss from file"
                FAP_POOL_SIZE=5   # trailing comment
                PROD_DB_HOST=ignored.example.com
                """;
        Map<String, String> env = Map.of("DB_PORT", "5434", "DB_NAME", "from_env", "DB_USER", "env_user");
        Properties sys = props("DB_NAME", "from_sysprop", "FAP_POOL_SIZE", "7");

        FapConfig c = load(dotEnv, env, sys);
        assertThat(c.host()).contains("envfile-host");              // only in .env
        assertThat(c.password()).contains("p#ss from file");        // quoted value keeps its #
        assertThat(c.port()).isEqualTo(5434);                       // env beats .env
        assertThat(c.user()).contains("env_user");                  // env beats .env
        assertThat(c.databaseName()).isEqualTo("from_sysprop");     // sysprop beats env and .env
        assertThat(c.poolSize()).isEqualTo(7);                      // sysprop beats .env
        assertThat(c.jdbcUrl()).contains("jdbc:postgresql://envfile-host:5434/from_sysprop");

        FapConfig programmatic = c.withDatabaseName("from_code").withPort(6000);   // withers beat everything
        assertThat(programmatic.databaseName()).isEqualTo("from_code");
        assertThat(programmatic.port()).isEqualTo(6000);
        assertThat(programmatic.host()).contains("envfile-host");
        assertThat(c.databaseName()).as("immutable").isEqualTo("from_sysprop");
    }

    @Test
    void jdbcUrlWinsOverHostAndEmbeddedPortAndDataDirAreRead() throws IOException {
        FapConfig c = load("DB_HOST=h\nFAP_DATA_DIR=" + dir.resolve("pg") + "\n",
                Map.of("FAP_JDBC_URL", "jdbc:postgresql://other:5999/x"), props("FAP_EMBEDDED_PORT", "15432"));
        assertThat(c.jdbcUrl()).contains("jdbc:postgresql://other:5999/x");
        assertThat(c.isEmbedded()).isFalse();
        assertThat(c.embeddedPort()).isEqualTo(15432);
        assertThat(c.dataDir()).contains(dir.resolve("pg"));
    }

    @Test
    void malformedDotEnvLineNamesTheLineAndTheFix() {
        FapException e = failure("DB_HOST=localhost\n\nthis line has no equals sign\n", Map.of(), new Properties());
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(e.getMessage()).contains(".env line 3").contains("is not KEY=value").contains("this line has no equals sign");
        assertThat(e.hint()).contains("KEY=value").contains("#");
        assertThat(e.code().exitCode()).isEqualTo(2);
    }

    @Test
    void invalidKeyAndUnterminatedQuoteAreMalformedToo() {
        FapException badKey = failure("DB HOST=x\n", Map.of(), new Properties());
        assertThat(badKey.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(badKey.getMessage()).contains("line 1").contains("invalid key 'DB HOST'");
        assertThat(badKey.hint()).contains("letters, digits and underscores");

        FapException quote = failure("DB_PASSWORD=\"unterminated\n", Map.of(), new Properties());
        assertThat(quote.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(quote.getMessage()).contains("line 1").contains("unterminated");
        assertThat(quote.hint()).contains("close the quote");
    }

    @Test
    void unknownKeyInDotEnvSuggestsTheRightOne() {
        FapException e = failure("DB_HOST=x\nDB_PASWORD=secret\n", Map.of(), new Properties());
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(e.getMessage()).contains("unknown configuration key DB_PASWORD").contains(".env line 2");
        assertThat(e.hint()).contains("did you mean DB_PASSWORD?").contains("FAP_JDBC_URL");
        assertThat(e.getMessage() + e.hint()).doesNotContain("secret");
    }

    @Test
    void unknownFapKeyInEnvironmentOrSystemPropertiesIsAnError() {
        FapException env = failure(null, Map.of("FAP_DATADIR", "/tmp/x", "UNRELATED", "1"), new Properties());
        assertThat(env.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(env.getMessage()).contains("unknown configuration key FAP_DATADIR").contains("environment variable FAP_DATADIR");
        assertThat(env.hint()).contains("did you mean FAP_DATA_DIR?");

        FapException sys = failure(null, Map.of(), props("FAP_POOLSIZE", "3"));
        assertThat(sys.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(sys.getMessage()).contains("FAP_POOLSIZE").contains("system property -DFAP_POOLSIZE");
        assertThat(sys.hint()).contains("did you mean FAP_POOL_SIZE?");
    }

    @Test
    void badPortNamesValueOriginAndFix() {
        FapException notANumber = failure("DB_PORT=54x2\n", Map.of(), new Properties());
        assertThat(notANumber.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(notANumber.getMessage()).contains("DB_PORT must be a whole number, was '54x2'").contains(".env line 1");
        assertThat(notANumber.hint()).contains("DB_PORT=5432");

        FapException outOfRange = failure(null, Map.of("DB_PORT", "70000"), new Properties());
        assertThat(outOfRange.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(outOfRange.getMessage()).contains("between 1 and 65535, was 70000").contains("environment variable DB_PORT");
        assertThat(outOfRange.hint()).contains("5432");

        FapException embedded = failure(null, Map.of(), props("FAP_EMBEDDED_PORT", "-1"));
        assertThat(embedded.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(embedded.getMessage()).contains("FAP_EMBEDDED_PORT").contains("-1").contains("-DFAP_EMBEDDED_PORT");
        assertThat(embedded.hint()).contains("free port");
    }

    @Test
    void passwordNeverInToString() throws IOException {
        FapConfig c = load("DB_HOST=db.example.com\nDB_USER=alice\nDB_PASSWORD=Tr0ub4dor&3\n", Map.of(), new Properties());
        assertThat(c.toString()).contains("db.example.com").contains("alice").contains("****").doesNotContain("Tr0ub4dor");

        FapConfig url = FapConfig.defaults().withJdbcUrl("jdbc:postgresql://h:5432/fa?user=bob&password=hunter2&ssl=true");
        assertThat(url.toString()).contains("password=****").contains("ssl=true").doesNotContain("hunter2");
        assertThat(url.jdbcUrl()).contains("jdbc:postgresql://h:5432/fa?user=bob&password=hunter2&ssl=true");
    }
}
