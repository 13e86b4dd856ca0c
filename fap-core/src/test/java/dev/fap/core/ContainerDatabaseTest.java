package dev.fap.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.testing.FapDatabaseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The extension's Testcontainers path; runs only where a Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(FapDatabaseExtension.class)
class ContainerDatabaseTest {
    private static String previous;

    @BeforeAll
    static void askForContainers() {
        previous = System.setProperty(FapDatabaseExtension.SERVER_PROPERTY, "testcontainers");
    }

    @AfterAll
    static void restore() {
        if (previous == null) {
            System.clearProperty(FapDatabaseExtension.SERVER_PROPERTY);
        } else {
            System.setProperty(FapDatabaseExtension.SERVER_PROPERTY, previous);
        }
    }

    @Test
    void containerDatabaseHasSchemasAndRoles(Database db) {
        assertThat(db.isEmbedded()).isFalse();
        assertThat(db.toString()).contains("jdbc:postgresql://");
        assertThat(db.dsl().fetch("select nspname from pg_namespace where nspname in ('bronze','silver','gold','fap_meta')"))
                .hasSize(4);
        assertThat(db.dsl().fetch("select rolname from pg_roles where rolname like 'fap\\_%'")).hasSize(3);
        assertThat(db.dsl().fetchSingle("show server_version").get(0, String.class)).startsWith("17.");
    }
}
