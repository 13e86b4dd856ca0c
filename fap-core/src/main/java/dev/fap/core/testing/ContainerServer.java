package dev.fap.core.testing;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapConfig;
import dev.fap.core.FapException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One Testcontainers PostgreSQL per JVM for {@link FapDatabaseExtension}; loaded only when asked
 * for, so Testcontainers stays an optional dependency.
 */
final class ContainerServer {
    private static ContainerServer instance;

    private final PostgreSQLContainer container;

    private ContainerServer(PostgreSQLContainer container) {
        this.container = container;
    }

    static synchronized ContainerServer get(String image) {
        if (instance == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new FapException(ErrorCode.CONFIG_INVALID,
                        "-D" + FapDatabaseExtension.SERVER_PROPERTY + "=testcontainers, but no Docker engine is available",
                        "start Docker, or drop -D" + FapDatabaseExtension.SERVER_PROPERTY + " to use the embedded PostgreSQL");
            }
            PostgreSQLContainer c = new PostgreSQLContainer(image);
            c.start();
            Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "fap-test-container-stop"));
            instance = new ContainerServer(c);
        }
        return instance;
    }

    /** Creates database {@code name} in the container and opens it. */
    Database open(String name) {
        try (Connection c = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
             Statement s = c.createStatement()) {
            s.execute("create database \"" + name + "\"");
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_ERROR, "cannot create test database " + name + " in the container: " + e.getMessage(),
                    "check the container's logs", e);
        }
        String url = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + name;
        return Database.open(FapConfig.defaults().withJdbcUrl(url)
                .withUser(container.getUsername()).withPassword(container.getPassword()));
    }
}
