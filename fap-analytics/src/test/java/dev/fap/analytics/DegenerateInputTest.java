package dev.fap.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Degenerate data gives a clear result or a clear error, never NaN or a crash: no warehouse, then an
 * empty warehouse (the steps share one database and run in order). See also {@link SingleCustomerTest}
 * and {@link NoFraudTest}.
 */
@ExtendWith(FapDatabaseExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DegenerateInputTest {

    @Test
    @Order(1)
    void withoutAWarehouseTheErrorSaysToBuildIt(Database db) {
        assertThatThrownBy(() -> Analytics.on(db).descriptive())
                .isInstanceOfSatisfying(FapException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ANALYSIS_FAILED);
                    assertThat(e.hint()).contains("build");
                });
    }

    @Test
    @Order(2)
    void anEmptyWarehouseIsReportedAsNothingToAnalyse(Database db) {
        DataGenerator.of(DatasetSpec.defaults().withCustomers(1).withTransactions(0).withCampaigns(0)).toDatabase(db);
        FapWarehouse.on(db).build().orThrow();
        assertThatThrownBy(() -> Analytics.on(db).all())
                .isInstanceOfSatisfying(FapException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ANALYSIS_FAILED))
                .hasMessageContaining("empty");
    }
}
