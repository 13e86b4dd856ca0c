package dev.fap.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.bronze.BronzeTable;
import dev.fap.core.testing.FapDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FapDatabaseExtension.class)
class EmbeddedDatabaseTest {

    @Test
    void createsSchemasAndRoles(Database db) {
        assertThat(db.dsl().fetch("select nspname from pg_namespace where nspname in ('bronze','silver','gold','fap_meta') order by 1")
                .getValues(0, String.class)).containsExactly("bronze", "fap_meta", "gold", "silver");
        assertThat(db.dsl().fetch("select rolname from pg_roles where rolname like 'fap\\_%' order by 1")
                .getValues(0, String.class)).containsExactly("fap_analyst", "fap_loader", "fap_transformer");
        assertThat(db.dsl().fetchSingle("show server_version").get(0, String.class)).startsWith("17.");
    }

    @Test
    void serverIsTunedForBulkLoadsAndThrowAwayData(Database db) {
        // the settings the warehouse build relies on: no WAL for tables built in one transaction,
        // no insert-triggered vacuum of freshly loaded bronze tables, no JIT for short queries
        assertThat(db.dsl().fetchSingle("show wal_level").get(0, String.class)).isEqualTo("minimal");
        assertThat(db.dsl().fetchSingle("show autovacuum_vacuum_insert_threshold").get(0, String.class)).isEqualTo("-1");
        assertThat(db.dsl().fetchSingle("show jit").get(0, String.class)).isEqualTo("off");
        assertThat(db.dsl().fetchSingle("show fsync").get(0, String.class)).isEqualTo("off");
    }

    @Test
    void bronzeDdlIsValid(Database db) {
        for (BronzeTable t : BronzeTable.values()) {
            db.dsl().execute(t.createTableSql(Database.BRONZE));
            t.commentSql(Database.BRONZE).forEach(db.dsl()::execute);
        }
        assertThat(db.dsl().fetchSingle("select count(*) from information_schema.tables where table_schema='bronze'").get(0, Integer.class))
                .isEqualTo(BronzeTable.values().length);
        assertThat(db.dsl().fetchSingle("select data_type from information_schema.columns where table_schema='bronze' "
                + "and table_name='customers' and column_name='zip_code'").get(0, String.class)).isEqualTo("text");
    }
}
