package dev.fap.core.testing;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapConfig;
import dev.fap.core.FapException;
import dev.fap.core.internal.EmbeddedServer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a {@link Database}: one embedded PostgreSQL 17 per JVM, shared
 * by all test classes, and a fresh database in it for each test class (so classes cannot see each
 * other's tables). The database lives as long as the test class; the server until the JVM exits.
 *
 * <pre>{@code
 * @ExtendWith(FapDatabaseExtension.class)
 * class MyWarehouseTest {
 *     @Test
 *     void countsRows(Database db) {
 *         assertThat(db.dsl().fetchCount(DSL.table("bronze.transactions"))).isZero();
 *     }
 * }
 * }</pre>
 *
 * <p>Where the server comes from is chosen with system properties:
 * <ul>
 *   <li>nothing set: the shared embedded PostgreSQL (no Docker, nothing to install);</li>
 *   <li>{@code -Dfap.test.postgres=testcontainers}: one Testcontainers PostgreSQL per JVM (image
 *       {@code -Dfap.test.image}, default {@value #DEFAULT_IMAGE}), again a fresh database per class.
 *       Needs a running Docker engine and {@code org.testcontainers:testcontainers-postgresql} on the
 *       test class path; without Docker the test fails with a message saying so;</li>
 *   <li>{@code -Dfap.test.jdbcUrl=...} (with {@code fap.test.user}, {@code fap.test.password}): an
 *       external PostgreSQL; every class then shares that one database.</li>
 * </ul>
 */
public final class FapDatabaseExtension implements ParameterResolver {
    /** System property choosing the server: {@code embedded} (default) or {@code testcontainers}. */
    public static final String SERVER_PROPERTY = "fap.test.postgres";
    /** Docker image used with {@code -Dfap.test.postgres=testcontainers}. */
    public static final String DEFAULT_IMAGE = "postgres:17-alpine";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FapDatabaseExtension.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        return pc.getParameter().getType() == Database.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        ExtensionContext classContext = classContext(ec);
        return classContext.getStore(NS).getOrComputeIfAbsent("db", k -> new ClosableDatabase(open(classContext)),
                ClosableDatabase.class).db;
    }

    /** The innermost enclosing context that belongs to a test class rather than a method. */
    private static ExtensionContext classContext(ExtensionContext ec) {
        ExtensionContext c = ec;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static Database open(ExtensionContext classContext) {
        String external = System.getProperty("fap.test.jdbcUrl");
        if (external != null && !external.isBlank()) {
            return Database.open(FapConfig.defaults().withJdbcUrl(external)
                    .withUser(System.getProperty("fap.test.user"))
                    .withPassword(System.getProperty("fap.test.password")));
        }
        String name = databaseName(classContext);
        String server = System.getProperty(SERVER_PROPERTY, "embedded").trim().toLowerCase(Locale.ROOT);
        switch (server) {
            case "embedded", "" -> {
                EmbeddedServer embedded = SharedServer.get();
                embedded.ensureDatabase(name);
                return Database.open(FapConfig.defaults().withJdbcUrl(embedded.jdbcUrl(name)).withUser("postgres"));
            }
            case "testcontainers" -> {
                return ContainerServer.get(System.getProperty("fap.test.image", DEFAULT_IMAGE)).open(name);
            }
            default -> throw new FapException(ErrorCode.CONFIG_INVALID,
                    "unknown -D" + SERVER_PROPERTY + "=" + server,
                    "use embedded (the default) or testcontainers");
        }
    }

    private static String databaseName(ExtensionContext classContext) {
        String cls = classContext.getTestClass().map(Class::getSimpleName).orElse("tests");
        String clean = cls.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (clean.length() > 40) {
            clean = clean.substring(0, 40);
        }
        return "t_" + clean + "_" + SEQUENCE.incrementAndGet() + "_" + Long.toHexString(ProcessHandle.current().pid());
    }

    /** The embedded server shared by every test of the JVM, started on first use. */
    static final class SharedServer {
        private static EmbeddedServer server;

        static synchronized EmbeddedServer get() {
            if (server == null) {
                EmbeddedServer s = EmbeddedServer.start(null, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(s::close, "fap-test-postgres-stop"));
                server = s;
            }
            return server;
        }

        private SharedServer() {}
    }

    private record ClosableDatabase(Database db) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }
}
