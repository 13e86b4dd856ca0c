package dev.fap.core.bronze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.testing.FapDatabaseExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FapDatabaseExtension.class)
class BronzeLoaderTest {
    private static final String PRODUCTS_HEADER = String.join(",", BronzeTable.PRODUCTS.columnNames());

    @Test
    void loadsCsvFolderAsOneStampedBatch(Database db, @TempDir Path dir) throws Exception {
        // columns in a different order than the contract, CRLF line ends, a quoted comma and an embedded newline
        Files.writeString(dir.resolve("products.csv"), "\uFEFFproduct_name,product_id,category,interest_rate,min_balance,monthly_fee,"
                + "overdraft_limit,product_tier,is_premium\r\n"
                + "\"Checking, basic\",P01,Deposit,0.05,500,12,500,Basic,false\r\n"
                + "\"Multi\nline\",P02,Deposit,3.75,300,5,0,Standard,false\r\n\r\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("economic_indicators.csv"), String.join(",", BronzeTable.ECONOMIC_INDICATORS.columnNames())
                + "\n2024-01-01,2.1,3.7,3.1,5.25,4700,13.2,101.5,310.2,4.1,6.8", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.txt"), "not a table", StandardCharsets.UTF_8);

        BronzeLoadResult r = BronzeLoader.loadCsv(db, dir);

        assertThat(r.rows(BronzeTable.PRODUCTS)).isEqualTo(2);
        assertThat(r.rows(BronzeTable.ECONOMIC_INDICATORS)).isEqualTo(1);
        assertThat(r.totalRows()).isEqualTo(3);
        var rows = db.dsl().fetch("select product_id, product_name, _batch_id, _loaded_at from bronze.products where product_id in ('P01', 'P02')"
                + " order by product_id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("product_name", String.class)).isEqualTo("Checking, basic");
        assertThat(rows.get(1).get("product_name", String.class)).isEqualTo("Multi\nline");
        assertThat(rows.getValues("_batch_id", Long.class)).containsOnly(r.batchId());
        assertThat(rows.get(0).get("_loaded_at")).isNotNull();
        Record econ = db.dsl().fetchSingle("select date, unemployment_rate, _batch_id from bronze.economic_indicators");
        assertThat(econ.get("date", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(econ.get("unemployment_rate", java.math.BigDecimal.class)).isEqualByComparingTo("3.7");
        Record batch = db.dsl().fetchSingle("select source, total_rows, rows_per_table::text as t from fap_meta.load_batches where batch_id = "
                + r.batchId());
        assertThat(batch.get("total_rows", Long.class)).isEqualTo(3);
        assertThat(batch.get("t", String.class)).contains("\"products\": 2");
        assertThat(r.toString()).contains("products=2");
    }

    @Test
    void rejectsMissingAndUnknownColumnsBeforeLoadingAnything(Database db, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("economic_indicators.csv"), String.join(",", BronzeTable.ECONOMIC_INDICATORS.columnNames())
                + "\n2024-02-01,2.1,3.7,3.1,5.25,4700,13.2,101.5,310.2,4.1,6.8\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("products.csv"), PRODUCTS_HEADER.replace(",is_premium", ",premium_flag") + "\n",
                StandardCharsets.UTF_8);
        long before = BronzeLoaderTestSupport.count(db, "economic_indicators");

        assertThatThrownBy(() -> BronzeLoader.loadCsv(db, dir))
                .isInstanceOfSatisfying(FapException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("missing column(s) [is_premium]").contains("unknown column(s) [premium_flag]");
                    assertThat(e.hint()).contains("product_id");
                });
        assertThat(BronzeLoaderTestSupport.count(db, "economic_indicators")).isEqualTo(before);
    }

    @Test
    void rejectsFilesThatNameNoTableAndEmptyFolders(Database db, @TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> BronzeLoader.loadCsv(db, dir)).isInstanceOf(FapException.class).hasMessageContaining("no <table>.csv");
        assertThatThrownBy(() -> BronzeLoader.loadCsv(db, dir.resolve("nope"))).hasMessageContaining("no such folder");
        Files.writeString(dir.resolve("clients.csv"), "a,b\n1,2\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BronzeLoader.loadCsv(db, dir)).hasMessageContaining("clients.csv").hasMessageContaining("name no bronze table");
    }

    @Test
    void badValueRollsBackTheWholeBatch(Database db, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("products.csv"), PRODUCTS_HEADER + "\nP09,Premium Card,Credit,abc,0,0,0,Premium,true\n",
                StandardCharsets.UTF_8);
        long before = BronzeLoaderTestSupport.count(db, "products");
        assertThatThrownBy(() -> BronzeLoader.loadCsv(db, dir)).isInstanceOfSatisfying(FapException.class,
                e -> assertThat(e.getMessage()).contains("products").contains("abc"));
        assertThat(BronzeLoaderTestSupport.count(db, "products")).isEqualTo(before);
    }

    @Test
    void batchStreamsLiveTableAndSpoolsTheOthersAtomically(Database db) {
        BronzeLoadResult r;
        try (BronzeBatch batch = BronzeLoader.begin(db, "unit test")) {
            BronzeRowWriter p = batch.table(BronzeTable.PRODUCTS);
            BronzeRowWriter c = batch.table(BronzeTable.CUSTOMER_CHANGES);
            p.text("P77").text("Tab\there").text("Deposit").decimal(0.05).money(0).money(12.345).money(500).text("Basic")
                    .bool(false).endRow();
            c.text("H1").text("C1").date(LocalDate.of(2024, 3, 1)).text("city").text("Back\\slash").nul().endRow();
            c.text("H2").text("C1").date(LocalDate.of(2024, 4, 1)).text("city").nul().text("").endRow();
            r = batch.commit();
        }
        assertThat(r.rows(BronzeTable.PRODUCTS)).isEqualTo(1);
        assertThat(r.rows(BronzeTable.CUSTOMER_CHANGES)).isEqualTo(2);
        Record p = db.dsl().fetchSingle("select product_name, monthly_fee::text as fee from bronze.products where product_id = 'P77'");
        assertThat(p.get("product_name", String.class)).isEqualTo("Tab\there");
        assertThat(p.get("fee", String.class)).isEqualTo("12.35");
        var changes = db.dsl().fetch("select old_value, new_value from bronze.customer_changes where _batch_id = " + r.batchId()
                + " order by change_id");
        assertThat(changes.get(0).get("old_value", String.class)).isEqualTo("Back\\slash");
        assertThat(changes.get(0).get("new_value", String.class)).isNull();
        assertThat(changes.get(1).get("new_value", String.class)).isEmpty();
    }

    @Test
    void closingWithoutCommitLeavesNothing(Database db) {
        long before;
        try (BronzeBatch batch = BronzeLoader.begin(db, "abandoned")) {
            before = BronzeLoaderTestSupport.count(db, "merchants");
            batch.table(BronzeTable.MERCHANTS).text("M1").nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul()
                    .endRow();
        }
        assertThat(BronzeLoaderTestSupport.count(db, "merchants")).isEqualTo(before);
    }
}
