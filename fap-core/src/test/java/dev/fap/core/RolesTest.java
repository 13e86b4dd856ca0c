package dev.fap.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.testing.FapDatabaseExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The three roles really are least-privilege: each is tried with {@code SET ROLE}. */
@ExtendWith(FapDatabaseExtension.class)
class RolesTest {

    @BeforeAll
    static void tables(Database db) {
        db.dsl().execute("create table if not exists bronze.r_raw(x int)");
        db.dsl().execute("create table if not exists silver.r_clean(x int)");
        db.dsl().execute("create table if not exists gold.r_fact(x int)");
        db.dsl().execute("insert into bronze.r_raw values (1)");
        db.dsl().execute("insert into gold.r_fact values (2)");
    }

    private static void as(Database db, String role, SqlAction action) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local role " + role);
            try {
                action.run(s);
            } finally {
                c.rollback();
            }
        }
    }

    private interface SqlAction {
        void run(Statement s) throws SQLException;
    }

    private static int count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void analystReadsGoldOnly(Database db) throws SQLException {
        as(db, Roles.ANALYST, s -> {
            assertThat(count(s, "gold.r_fact")).isEqualTo(1);
            assertThatThrownBy(() -> count(s, "bronze.r_raw")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        });
        as(db, Roles.ANALYST, s -> assertThatThrownBy(() -> count(s, "silver.r_clean"))
                .hasMessageContaining("permission denied"));
        as(db, Roles.ANALYST, s -> assertThatThrownBy(() -> s.execute("insert into gold.r_fact values (3)"))
                .hasMessageContaining("permission denied"));
    }

    @Test
    void loaderWritesBronzeButReadsNothingElse(Database db) throws SQLException {
        as(db, Roles.LOADER, s -> {
            s.execute("insert into bronze.r_raw values (5)");
            assertThat(count(s, "bronze.r_raw")).isEqualTo(2);
            assertThatThrownBy(() -> count(s, "gold.r_fact")).hasMessageContaining("permission denied");
        });
        as(db, Roles.LOADER, s -> assertThatThrownBy(() -> s.execute("insert into silver.r_clean values (1)"))
                .hasMessageContaining("permission denied"));
    }

    @Test
    void transformerReadsBronzeAndWritesSilverAndGold(Database db) throws SQLException {
        as(db, Roles.TRANSFORMER, s -> {
            assertThat(count(s, "bronze.r_raw")).isEqualTo(1);
            s.execute("insert into silver.r_clean select x from bronze.r_raw");
            s.execute("create table gold.r_new as select x from silver.r_clean");
            assertThat(count(s, "gold.r_new")).isEqualTo(1);
            assertThatThrownBy(() -> s.execute("delete from bronze.r_raw")).hasMessageContaining("permission denied");
        });
    }

    @Test
    void rolesCannotLogIn(Database db) {
        assertThat(db.dsl().fetch("select rolname from pg_roles where rolname like 'fap\\_%' and not rolcanlogin and not rolsuper"))
                .hasSize(3);
    }
}
