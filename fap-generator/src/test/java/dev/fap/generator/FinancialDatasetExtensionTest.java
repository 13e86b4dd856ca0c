package dev.fap.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.generator.testing.FinancialDatasetExtension;
import dev.fap.generator.testing.GeneratedDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FinancialDatasetExtension.class)
@GeneratedDataset(customers = 40, transactions = 1_000, merchants = 20)
class FinancialDatasetExtensionTest {
    @Test
    void classAnnotationApplies(FinancialDataset ds, DatasetSpec spec) {
        assertThat(ds.customers()).hasSize(40);
        assertThat(ds.transactions()).hasSize(1_000);
        assertThat(spec.customers()).isEqualTo(40);
    }

    @Test
    @GeneratedDataset(seed = 9, customers = 25, transactions = 500, merchants = 15)
    void methodAnnotationWins(FinancialDataset ds, GroundTruth truth) {
        assertThat(ds.customers()).hasSize(25);
        assertThat(ds.spec().seed()).isEqualTo(9);
        assertThat(truth.spec()).isEqualTo(ds.spec());
    }

    @Test
    void parameterAnnotationWinsAndDatasetsAreShared(@GeneratedDataset(seed = 4, customers = 30, transactions = 300, merchants = 12,
            dirtyRate = 0.05) FinancialDataset dirty, FinancialDataset plain, DataGenerator gen) {
        assertThat(dirty.customers().size()).isGreaterThanOrEqualTo(30);
        assertThat(dirty.dirty().isEmpty()).isFalse();
        assertThat(plain.dirty().isEmpty()).isTrue();
        assertThat(gen.spec()).isEqualTo(plain.spec());
        assertThat(gen.inMemory().transactions()).isEqualTo(plain.transactions());
    }
}
