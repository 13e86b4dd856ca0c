package dev.fap.core.testing;

import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.core.internal.EmbeddedServer;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a {@link Database}: one embedded PostgreSQL per JVM, shared by
 * all test classes, and a fresh database in it for each test class (so classes cannot see each
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
 * <p>Set the system property {@code fap.test.jdbcUrl} (with {@code fap.test.user} and
 * {@code fap.test.password}) to run against an external PostgreSQL instead, e.g. one from
 * Testcontainers; then every class shares that one database.
 */
public final class FapDatabaseExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FapDatabaseExtension.class);

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

    private static ExtensionContext classContext(ExtensionContext ec) {
        ExtensionContext c = ec;
        while (c.getTestClass().isPresent() && c.getParent().isPresent() && c.getParent().get().getTestClass().isPresent()
                && c.getTestMethod().isPresent()) {
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
        EmbeddedServer server = SharedServer.get();
        String name = "t_" + classContext.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_") + "_" + Long.toHexString(System.nanoTime() & 0xffffff);
        server.ensureDatabase(name);
        return Database.open(FapConfig.defaults().withJdbcUrl(server.jdbcUrl(name)).withUser("postgres"));
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
