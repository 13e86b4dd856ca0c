package dev.fap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Data without any fraud: the fraud tests and the fraud model are reported as undefined, the rest runs. */
@ExtendWith(FapDatabaseExtension.class)
class NoFraudTest {

    @Test
    void withoutFraudTheFraudTestsAndModelAreReportedAsUndefined(Database db) {
        DataGenerator.of(DatasetSpec.defaults().withCustomers(60).withTransactions(3000).withCampaigns(0)).toDatabase(db);
        FapWarehouse.on(db).build().orThrow();
        db.dsl().execute("update gold.fact_transactions set is_fraud = false");
        AnalyticsReport r = Analytics.on(db).all();
        assertThat(r.descriptive().kpis().fraudRate().proportion()).isZero();
        assertThat(r.descriptive().kpis().fraudRate().interval().upper()).isPositive();
        assertThat(r.diagnostic().fraudDrivers()).isEmpty();
        assertThat(r.failures()).anySatisfy(f -> {
            assertThat(f.analysis()).isEqualTo("diagnostic.fraudDrivers");
            assertThat(f.hint()).contains("no fraud");
        });
        assertThat(r.predictive()).isNotNull();
        assertThat(r.predictive().fraud()).isNull();
        assertThat(r.predictive().churn()).isNotNull();
        assertThat(r.failures()).anySatisfy(f -> assertThat(f.analysis()).isEqualTo("predictive.fraud"));
        assertThat(r.toJson()).doesNotContain("NaN").doesNotContain("Infinity");
    }
}
