package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import java.time.LocalDate;
import org.jooq.Result;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three "Querying Data" queries of the original README, unchanged, on a dataset that ends today
 * (the fraud query filters on {@code CURRENT_DATE - INTERVAL '30 days'}, so only data reaching today
 * can answer it).
 */
@ExtendWith(FapDatabaseExtension.class)
class ReadmeQueriesTest {
    @Test
    void theOriginalQueriesReturnRows(Database db) {
        LocalDate today = LocalDate.now();
        DataGenerator.of(DatasetSpec.defaults().withCustomers(300).withTransactions(30_000).withPeriod(today.minusDays(120), today))
                .toDatabase(db);
        FapWarehouse.on(db).build().orThrow();

        Result<Record> fraud = db.dsl().fetch(ReadmeQueries.FRAUD_BY_MERCHANT);
        assertThat(fraud).isNotEmpty();
        assertThat(fraud.get(0).get("fraud_count", Long.class)).isPositive();

        Result<Record> monthly = db.dsl().fetch(ReadmeQueries.MONTHLY_KPIS);
        assertThat(monthly).hasSizeBetween(4, 5);
        assertThat(monthly.get(0).get("month", String.class)).isEqualTo(today.toString().substring(0, 7));

        // the bank's churn estimates of this dataset may all be below 0.7: the query must run either way
        db.dsl().fetch(ReadmeQueries.HIGH_RISK_CHURN);
        assertThat(db.dsl().fetchSingle("select count(*) from gold.predictive_analytics where total_transactions_90d > 0")
                .get(0, Long.class)).isPositive();
    }
}
