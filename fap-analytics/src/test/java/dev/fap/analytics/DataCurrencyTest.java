package dev.fap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The data's currency: the most frequent account currency, written to the JSON; "XXX" when there is none. */
@ExtendWith(FapDatabaseExtension.class)
class DataCurrencyTest {

    @Test
    void germanDataIsInEurosAndTheMostFrequentCodeWins(Database db, @TempDir Path dir) {
        DataGenerator.of(DatasetSpec.defaults().withCustomers(60).withTransactions(3000).withCampaigns(0)
                .withLocale(Locale.GERMANY)).toDatabase(db);
        FapWarehouse.on(db).build().orThrow();
        Analytics analytics = Analytics.on(db);
        assertThat(analytics.currency()).isEqualTo("EUR");
        AnalyticsReport report = analytics.all();
        assertThat(report.currency()).isEqualTo("EUR");
        assertThat(report.toString()).contains("currency=EUR");
        Path file = dir.resolve("analytics.json");
        report.writeJson(file);
        assertThat(AnalyticsReport.readJson(file).currency()).isEqualTo("EUR");

        // a minority in another currency does not change it; a majority does; malformed codes do not count
        long accounts = db.dsl().fetchSingle("select count(*) from silver.stg_accounts").get(0, Long.class);
        db.dsl().execute("update silver.stg_accounts set currency = 'GBP' where account_id in "
                + "(select account_id from silver.stg_accounts order by account_id limit " + (accounts / 2 - 1) + ")");
        assertThat(analytics.currency()).isEqualTo("EUR");
        db.dsl().execute("update silver.stg_accounts set currency = 'gb pounds' where currency = 'EUR'");
        assertThat(analytics.currency()).isEqualTo("GBP");
        db.dsl().execute("update silver.stg_accounts set currency = null");
        assertThat(analytics.currency()).isEqualTo(AnalyticsReport.NO_CURRENCY).isEqualTo("XXX");
    }

    @Test
    void aJsonWithoutTheFieldReadsAsNoCurrency(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, "{\"asOfDate\": \"2024-12-31\", \"seed\": 42, \"level\": 0.95, \"failures\": [], \"timings\": []}");
        AnalyticsReport old = AnalyticsReport.readJson(file);
        assertThat(old.currency()).isEqualTo("XXX");
        assertThat(old.toJson()).contains("\"currency\" : \"XXX\"");
    }
}
