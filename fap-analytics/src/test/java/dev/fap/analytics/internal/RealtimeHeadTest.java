package dev.fap.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real-time head (newest transaction, load lag, last batch) read from the batch registry equals the one
 * from a pass over {@code bronze.transactions}, and the pass is used when the registry knows no batch.
 */
@ExtendWith(FapDatabaseExtension.class)
class RealtimeHeadTest {

    @Test
    void theBatchRegistryGivesTheSameHeadAsAScanOfBronze(Database db) {
        DatasetSpec small = DatasetSpec.defaults().withCustomers(40).withTransactions(2_000).withCampaigns(0);
        DataGenerator.of(small).toDatabase(db);
        // a second, later and smaller batch: the newest transactions and the last batch are its own
        DataGenerator.of(small.withSeed(7).withTransactions(700).withPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)))
                .toDatabase(db);
        Sql sql = new Sql(db);
        Record scan = sql.one(RealtimeQueries.HEAD_FROM_SCAN);
        Record registry = RealtimeQueries.head(sql);

        assertThat(l(scan, "last_batch")).isEqualTo(700);
        assertThat(l(registry, "last_batch")).isEqualTo(700);
        LocalDateTime newest = scan.get("newest", LocalDateTime.class);
        assertThat(newest.toLocalDate()).isBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
        assertThat(registry.get("newest", LocalDateTime.class)).isEqualTo(newest);
        // the registry's load time is the batch's transaction time, as is every row's _loaded_at (the two lags were
        // measured a moment apart, against each statement's own now())
        assertThat(sql.one("""
                select (select max(_loaded_at) from bronze.transactions)
                       = (select max(loaded_at) from fap_meta.load_batches where (rows_per_table ->> 'transactions')::bigint > 0) as same""")
                .get("same", Boolean.class)).isTrue();
        assertThat(Sql.d(registry, "lag_s")).isCloseTo(Sql.d(scan, "lag_s"), org.assertj.core.data.Offset.offset(30.0));
    }

    @Test
    void withoutRegisteredBatchesTheHeadComesFromTheScan(Database db) {
        DataGenerator.of(DatasetSpec.defaults().withCustomers(30).withTransactions(1_200).withCampaigns(0)).toDatabase(db);
        db.dsl().execute("delete from fap_meta.load_batches");
        Sql sql = new Sql(db);
        assertThat(sql.fetch(RealtimeQueries.HEAD_FROM_REGISTRY)).isEmpty();
        Record head = RealtimeQueries.head(sql);
        assertThat(l(head, "last_batch")).isEqualTo(1_200);
        assertThat(head.get("newest", LocalDateTime.class)).isEqualTo(sql.one("select max(transaction_date) as m from bronze.transactions")
                .get("m", LocalDateTime.class));
    }

    private static long l(Record r, String field) {
        return Sql.l(r, field);
    }
}
