package dev.fap.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.rows.BronzeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FapDatabaseExtension.class)
class DataGeneratorTest {
    static final DatasetSpec SMALL = DatasetSpec.defaults().withSeed(7).withCustomers(200).withTransactions(10_000);

    @Test
    void exactCountsForCustomersTransactionsMerchantsCampaigns() {
        FinancialDataset ds = DataGenerator.of(SMALL).inMemory();
        assertThat(ds.customers()).hasSize(200);
        assertThat(ds.transactions()).hasSize(10_000);
        assertThat(ds.merchants()).hasSize(400);
        assertThat(ds.products()).hasSize(10);
        assertThat(ds.marketingCampaigns()).hasSize(12);
        // 24 months of history + 24 months of data
        assertThat(ds.economicIndicators()).hasSize(48);
        for (BronzeTable t : BronzeTable.values()) {
            assertThat(ds.rows(t)).as(t.tableName()).isNotEmpty();
            for (BronzeRecord r : ds.rows(t)) {
                assertThat(r.table()).isEqualTo(t);
            }
        }
        assertThat(ds.transactions().stream().map(x -> x.transactionId()).distinct().count()).isEqualTo(10_000);
    }

    @Test
    void csvIsByteIdenticalForAnyThreadCountAndMatchesThePinnedChecksum(@TempDir Path a, @TempDir Path b) throws Exception {
        DatasetSpec spec = DatasetSpec.defaults().withSeed(11).withCustomers(60).withTransactions(3_000).withMerchants(50);
        GenerateResult ra = DataGenerator.of(spec.withThreads(1)).toCsv(a);
        GenerateResult rb = DataGenerator.of(spec.withThreads(4)).toCsv(b);
        assertThat(ra.rowsPerTable()).isEqualTo(rb.rowsPerTable());
        for (BronzeTable t : BronzeTable.values()) {
            assertThat(sha256(a.resolve(t.tableName() + ".csv"))).as(t.tableName())
                    .isEqualTo(sha256(b.resolve(t.tableName() + ".csv")));
        }
        try (var files = Files.list(a)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(13).allMatch(n -> n.endsWith(".csv"));
        }
        assertThat(Files.readAllLines(a.resolve("transactions.csv")).get(0))
                .isEqualTo(String.join(",", BronzeTable.TRANSACTIONS.columnNames()));
        assertThat(Files.readAllLines(a.resolve("transactions.csv"))).hasSize(3_001);
        // the stability promise: these bytes change only with a FAP version that says so in its release notes
        assertThat(sha256(a.resolve("transactions.csv"))).isEqualTo("648faea211386b86d41d8a97bb3f94726c885e47f2ac352c26db0b43d4533f5f");
        assertThat(sha256(a.resolve("customers.csv"))).isEqualTo("c4edf3ae838377a7d53b59c8a45f8f451f5d77f6f9f569a9a81490d6d72df3b7");
        assertThat(sha256(a.resolve("accounts.csv"))).isEqualTo("1ede11156714e16b9cb89e4e6d6cc942f0f81c32b906f99ae3949e50ebc17905");
        assertThat(sha256(a.resolve("economic_indicators.csv")))
                .isEqualTo("9f3da87d70680ac9547e7d0172b6ee9883ff22844191f6663ea620905ed2fbe8");
    }

    @Test
    void sameSpecSameRowsDifferentSeedDifferentRows() {
        List<BronzeRecord> one = DataGenerator.of(SMALL).inMemory().rows(BronzeTable.TRANSACTIONS);
        List<BronzeRecord> two = DataGenerator.of(SMALL.withThreads(3)).inMemory().rows(BronzeTable.TRANSACTIONS);
        List<BronzeRecord> other = DataGenerator.of(SMALL.withSeed(8)).inMemory().rows(BronzeTable.TRANSACTIONS);
        assertThat(two).isEqualTo(one);
        assertThat(other).isNotEqualTo(one);
    }

    @Test
    void toDatabaseLoadsEveryTableInOneStampedBatch(Database db) {
        GenerateResult r = DataGenerator.of(SMALL).toDatabase(db);
        assertThat(r.bronzeBatchId()).isPositive();
        assertThat(r.rows(BronzeTable.TRANSACTIONS)).isEqualTo(10_000);
        for (BronzeTable t : BronzeTable.values()) {
            long n = db.dsl().fetchSingle("select count(*) from bronze." + t.tableName() + " where _batch_id = " + r.bronzeBatchId())
                    .get(0, Long.class);
            assertThat(n).as(t.tableName()).isEqualTo(r.rows(t)).isPositive();
        }
        // the database holds exactly what the CSV/in-memory sinks hold
        FinancialDataset ds = DataGenerator.of(SMALL).inMemory();
        Double sum = db.dsl().fetchSingle("select sum(amount)::float8 from bronze.transactions where _batch_id = " + r.bronzeBatchId())
                .get(0, Double.class);
        double expected = ds.transactions().stream().mapToLong(t -> Math.round(t.amount() * 100)).sum() / 100.0;
        assertThat(sum).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
        assertThat(r.toString()).contains("transactions=10000").contains("bronze batch");
    }

    static String sha256(Path p) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(md.digest(Files.readAllBytes(p)));
    }
}
