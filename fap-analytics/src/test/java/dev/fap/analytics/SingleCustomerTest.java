package dev.fap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A warehouse with a single customer: descriptive figures, and named failures for what needs a population. */
@ExtendWith(FapDatabaseExtension.class)
class SingleCustomerTest {

    @Test
    void oneCustomerGivesDescriptiveFiguresAndNamedFailures(Database db) {
        DataGenerator.of(DatasetSpec.defaults().withCustomers(1).withTransactions(300).withCampaigns(0)).toDatabase(db);
        FapWarehouse.on(db).build().orThrow();
        AnalyticsReport r = Analytics.on(db).all();
        assertThat(r.descriptive().kpis().transactions()).isEqualTo(300);
        assertThat(r.descriptive().kpis().customers()).isEqualTo(1);
        assertThat(r.exploratory()).isNull();
        assertThat(r.predictive()).isNull();
        assertThat(r.failures()).extracting(AnalysisFailure::analysis).contains("exploratory", "predictive", "causal.campaignEffect");
        assertThat(r.failures()).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo("ANALYSIS_FAILED");
            assertThat(f.message()).isNotBlank();
            assertThat(f.hint()).isNotBlank();
        });
        assertThat(r.toJson()).doesNotContain("NaN").doesNotContain("Infinity");
    }
}
