package dev.fap.core.bronze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link BronzeBatch#parallel}: one table over several connections, still one atomic batch (two-phase commit). */
@ExtendWith(FapDatabaseExtension.class)
class BronzeBatchParallelTest {

    private static void product(BronzeRowWriter w, String id) {
        w.text(id).text("Lane " + id).text("Deposit").decimal(0.05).money(0).money(12).money(500).text("Basic").bool(false).endRow();
    }

    private static long count(Database db, String where) {
        return db.dsl().fetchSingle("select count(*) from bronze.products where " + where).get(0, Long.class);
    }

    private static long prepared(Database db) {
        return db.dsl().fetchSingle("select count(*) from pg_prepared_xacts where gid like 'fap\\_bronze\\_%'").get(0, Long.class);
    }

    @Test
    void writersOnTwoConnectionsCommitAsOneStampedBatch(Database db) {
        BronzeLoadResult r;
        try (BronzeBatch batch = BronzeLoader.begin(db, "parallel test")) {
            List<BronzeRowWriter> ws = batch.parallel(BronzeTable.PRODUCTS, 2);
            assertThat(ws).hasSize(2); // the embedded server allows prepared transactions
            // each writer from its own thread, at the same time
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> { product(ws.get(0), "PA1"); product(ws.get(0), "PA2"); }),
                    CompletableFuture.runAsync(() -> product(ws.get(1), "PB1"))).join();
            batch.table(BronzeTable.ECONOMIC_INDICATORS).date(java.time.LocalDate.of(2031, 1, 1)).decimal(2.1).decimal(3.7)
                    .decimal(3.1).decimal(5.25).decimal(4700).decimal(13.2).decimal(101.5).decimal(310.2).decimal(4.1).decimal(6.8).endRow();
            // nothing is visible before the commit, not even the extra connection's rows
            assertThat(count(db, "product_id like 'P__'")).isZero();
            r = batch.commit();
        }
        assertThat(r.rows(BronzeTable.PRODUCTS)).isEqualTo(3);
        assertThat(r.rows(BronzeTable.ECONOMIC_INDICATORS)).isEqualTo(1);
        assertThat(count(db, "product_id in ('PA1', 'PA2', 'PB1') and _batch_id = " + r.batchId())).isEqualTo(3);
        // one load time for the whole batch, on both connections and in the other tables
        long loadTimes = db.dsl().fetchSingle("select count(distinct _loaded_at) from (select _loaded_at from bronze.products where _batch_id = "
                + r.batchId() + " union all select _loaded_at from bronze.economic_indicators where _batch_id = " + r.batchId() + ") t")
                .get(0, Long.class);
        assertThat(loadTimes).isEqualTo(1);
        assertThat(db.dsl().fetchSingle("select total_rows from fap_meta.load_batches where batch_id = " + r.batchId()).get(0, Long.class))
                .isEqualTo(4);
        assertThat(prepared(db)).isZero();
    }

    @Test
    void closingWithoutCommitKeepsNothingOfEitherConnection(Database db) {
        try (BronzeBatch batch = BronzeLoader.begin(db, "abandoned")) {
            List<BronzeRowWriter> ws = batch.parallel(BronzeTable.PRODUCTS, 2);
            product(ws.get(0), "PX1");
            product(ws.get(1), "PX2");
        }
        assertThat(count(db, "product_id in ('PX1', 'PX2')")).isZero();
        assertThat(prepared(db)).isZero();
    }

    @Test
    void parallelTableMustBeOpenedFirstAndOneLaneIsTheMainWriter(Database db) {
        try (BronzeBatch batch = BronzeLoader.begin(db, "order")) {
            batch.table(BronzeTable.MERCHANTS);
            assertThatThrownBy(() -> batch.parallel(BronzeTable.PRODUCTS, 2)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("before any other table");
        }
        try (BronzeBatch batch = BronzeLoader.begin(db, "one lane")) {
            List<BronzeRowWriter> ws = batch.parallel(BronzeTable.PRODUCTS, 1);
            assertThat(ws).containsExactly(batch.table(BronzeTable.PRODUCTS));
            assertThatThrownBy(() -> batch.parallel(BronzeTable.CUSTOMERS, 9)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aFullPoolGivesOneWriterAtOnceInsteadOfWaitingForItsTimeout() {
        try (Database small = Database.open(dev.fap.core.FapConfig.defaults().withPoolSize(1))) {
            long t0 = System.nanoTime();
            BronzeLoadResult r;
            try (BronzeBatch batch = BronzeLoader.begin(small, "pool of one")) {
                List<BronzeRowWriter> ws = batch.parallel(BronzeTable.PRODUCTS, 2);
                assertThat(ws).hasSize(1);
                product(ws.get(0), "PS1");
                r = batch.commit();
            }
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds (the pool's connection timeout is 15 s)").isLessThan(10);
            assertThat(r.rows(BronzeTable.PRODUCTS)).isEqualTo(1);
        }
    }

    @Test
    void nextLoadFinishesPartsOfABatchWhoseProcessDiedDuringCommit(Database db) throws Exception {
        BronzeLoader.ensureTables(db);
        // batch 900001 died after its decision (registry row committed): its prepared part must be committed;
        // batch 900002 died before it: its prepared part must be rolled back
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("insert into fap_meta.load_batches (batch_id, source, rows_per_table, total_rows, millis) "
                    + "values (900001, 'died', '{}', 1, 1)");
            for (long batch : new long[] {900001, 900002}) {
                c.setAutoCommit(false);
                s.execute("insert into bronze.products (product_id, _batch_id) values ('PD" + batch + "', " + batch + ")");
                s.execute("prepare transaction '" + BronzeBatch.gid(batch, 1) + "'");
                c.setAutoCommit(true);
            }
            // a batch still committing in another session (holding its lock) is left alone
            s.execute("select pg_advisory_lock(" + BronzeBatch.LANE_LOCK + ", 900002)");
            BronzeLoader.begin(db, "next").close();
            assertThat(count(db, "product_id = 'PD900001'")).isEqualTo(1);
            assertThat(prepared(db)).isEqualTo(1);
            s.execute("select pg_advisory_unlock(" + BronzeBatch.LANE_LOCK + ", 900002)");
        }
        BronzeLoader.begin(db, "next again").close();
        assertThat(count(db, "product_id = 'PD900002'")).isZero();
        assertThat(prepared(db)).isZero();
    }
}
