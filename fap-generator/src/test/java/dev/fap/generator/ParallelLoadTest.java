package dev.fap.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.bronze.BronzeLoadResult;
import dev.fap.core.bronze.BronzeLoader;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.core.testing.FapDatabaseExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code toDatabase} of a dataset big enough for parallel COPY (transactions written by the workers
 * over two connections) holds exactly the rows of {@code toCsv}: same multiset per table, whatever
 * the row order.
 */
@ExtendWith(FapDatabaseExtension.class)
class ParallelLoadTest {
    private static final DatasetSpec SPEC = DatasetSpec.defaults().withSeed(11).withCustomers(300).withTransactions(30_000).withThreads(2);

    @Test
    void databaseHoldsExactlyTheCsvRows(Database db, @TempDir Path dir) {
        GenerateResult direct = DataGenerator.of(SPEC).toDatabase(db);
        DataGenerator.of(SPEC).toCsv(dir);
        BronzeLoadResult fromFiles = BronzeLoader.loadCsv(db, dir);

        assertThat(direct.rows(BronzeTable.TRANSACTIONS)).isEqualTo(30_000);
        for (BronzeTable t : BronzeTable.values()) {
            assertThat(direct.rows(t)).as(t.tableName()).isEqualTo(fromFiles.rows(t));
            String cols = String.join(", ", t.columnNames());
            String a = "select " + cols + " from bronze." + t.tableName() + " where _batch_id = " + direct.bronzeBatchId();
            String b = "select " + cols + " from bronze." + t.tableName() + " where _batch_id = " + fromFiles.batchId();
            long diff = db.dsl().fetchSingle("select (select count(*) from (" + a + " except all " + b + ") x) + (select count(*) from ("
                    + b + " except all " + a + ") y)").get(0, Long.class);
            assertThat(diff).as(t.tableName() + " rows that differ").isZero();
        }
        long loadTimes = db.dsl().fetchSingle("select count(distinct _loaded_at) from bronze.transactions where _batch_id = "
                + direct.bronzeBatchId()).get(0, Long.class);
        assertThat(loadTimes).isEqualTo(1);
        assertThat(db.dsl().fetchSingle("select count(*) from pg_prepared_xacts").get(0, Long.class)).isZero();
    }
}
