package dev.fap.core.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The BRIN index on every bronze table's {@code _batch_id}: created with the tables, added to tables of an earlier version,
 * summarized after each batch, so that {@code _batch_id > N} reads the new batch's pages only.
 */
@ExtendWith(FapDatabaseExtension.class)
class BronzeBatchIndexTest {

    private static long count(DSLContext dsl, String sql) {
        return dsl.fetchSingle(sql).get(0, Long.class);
    }

    private static BronzeLoadResult products(Database db, int rows, String prefix) {
        try (BronzeBatch batch = BronzeLoader.begin(db, "index test")) {
            BronzeRowWriter w = batch.table(BronzeTable.PRODUCTS);
            for (int i = 0; i < rows; i++) {
                w.text(prefix + i).text("Product with a name long enough to fill pages " + i).text("Deposit").decimal(0.05).money(0)
                        .money(12).money(500).text("Basic").bool(false).endRow();
            }
            return batch.commit();
        }
    }

    @Test
    void everyBronzeTableGetsABrinIndexOnItsBatchColumn(Database db) {
        BronzeLoader.ensureTables(db);
        for (BronzeTable t : BronzeTable.values()) {
            String def = db.dsl().fetchSingle("select pg_get_indexdef(to_regclass('bronze." + t.batchIndexName() + "'))").get(0, String.class);
            assertThat(def).as(t.tableName()).isEqualTo("CREATE INDEX " + t.batchIndexName() + " ON bronze." + t.tableName()
                    + " USING brin (_batch_id) WITH (pages_per_range='16')");
        }
    }

    @Test
    void aTableOfAnEarlierVersionGetsTheIndexOnceWithItsRowsSummarized(Database db) {
        BronzeLoadResult first = products(db, 3000, "PX");
        db.dsl().execute("drop index bronze." + BronzeTable.PRODUCTS.batchIndexName());
        BronzeLoader.ensureTables(db);
        BronzeLoader.ensureTables(db); // idempotent
        assertThat(count(db.dsl(), "select count(*) from pg_indexes where schemaname = 'bronze' and tablename = 'products'"
                + " and indexdef like '%USING brin (_batch_id)%'")).isEqualTo(1);
        // created over existing rows: nothing left to summarize
        assertThat(count(db.dsl(), "select brin_summarize_new_values('bronze." + BronzeTable.PRODUCTS.batchIndexName() + "')")).isZero();
        assertThat(count(db.dsl(), "select count(*) from bronze.products where _batch_id = " + first.batchId())).isEqualTo(3000);
    }

    @Test
    void aNewBatchIsReadWithoutThePagesOfEarlierBatches(Database db) {
        BronzeLoadResult first = products(db, 6000, "PA");
        BronzeLoadResult second = products(db, 10, "PB");
        String index = "bronze." + BronzeTable.PRODUCTS.batchIndexName();
        // the loader summarized what both batches appended
        assertThat(count(db.dsl(), "select brin_summarize_new_values('" + index + "')")).isZero();
        long pages = count(db.dsl(), "select pg_relation_size('bronze.products') / current_setting('block_size')::int");
        assertThat(pages).isGreaterThan(100);
        List<String> plan = db.dsl().transactionResult(cfg -> {
            DSLContext tx = org.jooq.impl.DSL.using(cfg);
            tx.execute("set local enable_seqscan = off");
            return tx.fetch("explain (analyze, costs off, timing off) select count(*) from bronze.products where _batch_id > " + first.batchId())
                    .getValues(0, String.class);
        });
        String text = String.join("\n", plan);
        assertThat(text).contains("Bitmap Index Scan on " + BronzeTable.PRODUCTS.batchIndexName());
        Matcher lossy = Pattern.compile("Heap Blocks: lossy=(\\d+)").matcher(text);
        assertThat(lossy.find()).as(text).isTrue();
        // the second batch lies in the last page range or two (16 pages each), not in the 100+ pages of the first
        assertThat(Long.parseLong(lossy.group(1))).as(text).isLessThanOrEqualTo(32);
        assertThat(count(db.dsl(), "select count(*) from bronze.products where _batch_id > " + first.batchId() + " and _batch_id <= "
                + second.batchId())).isEqualTo(10);
        assertThat(count(db.dsl(), "select count(*) from bronze.products where _batch_id = " + second.batchId())).isEqualTo(10);
    }
}
