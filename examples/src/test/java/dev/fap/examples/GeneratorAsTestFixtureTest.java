package dev.fap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.DirtyManifest;
import dev.fap.generator.FinancialDataset;
import dev.fap.generator.GroundTruth;
import dev.fap.generator.rows.Transaction;
import dev.fap.generator.testing.FinancialDatasetExtension;
import dev.fap.generator.testing.GeneratedDataset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generator as a unit-test fixture: {@link FinancialDatasetExtension} hands a test typed,
 * deterministic, in-memory rows (no database), described by {@link GeneratedDataset} on the class,
 * the method or the parameter. Datasets are built once per spec and shared by the test run.
 *
 * <p>Here it tests a small piece of application code, {@link NightPurchaseRule}, a fraud rule a bank
 * might write, against data whose fraud drivers are known ({@link GroundTruth}).
 */
@ExtendWith(FinancialDatasetExtension.class)
@GeneratedDataset(seed = 3, customers = 200, transactions = 5_000)
class GeneratorAsTestFixtureTest {

    /** The application code under test: flags purchases between midnight and 05:59. */
    static final class NightPurchaseRule {
        boolean flags(Transaction t) {
            return "Purchase".equals(t.transactionType()) && t.hourOfDay() <= 5;
        }
    }

    @Test
    void theFixtureHasTheSizeAndReferentialIntegrityItPromises(FinancialDataset ds, DatasetSpec spec) {
        assertThat(spec.customers()).isEqualTo(200);
        assertThat(ds.transactions()).hasSize(5_000);
        Set<String> accounts = ds.accounts().stream().map(a -> a.accountId()).collect(Collectors.toSet());
        assertThat(ds.transactions()).allMatch(t -> accounts.contains(t.accountId()));
    }

    @Test
    void nightPurchasesAreFraudMoreOftenAsTheGroundTruthSays(FinancialDataset ds, GroundTruth truth) {
        NightPurchaseRule rule = new NightPurchaseRule();
        List<Transaction> purchases = ds.transactions().stream().filter(t -> "Purchase".equals(t.transactionType())).toList();
        double night = fraudRate(purchases.stream().filter(rule::flags).toList());
        double day = fraudRate(purchases.stream().filter(t -> !rule.flags(t)).toList());
        // planted: night multiplies the odds of fraud by exp(night) > 1, so the rule's hit rate must be higher
        assertThat(truth.fraud().oddsRatioNight()).isGreaterThan(1.5);
        assertThat(night).isGreaterThan(day);
    }

    @Test
    void sameSpecSameRows(FinancialDataset first, @GeneratedDataset(seed = 3, customers = 200, transactions = 5_000)
            FinancialDataset second) {
        assertThat(second.transactions()).isEqualTo(first.transactions());
    }

    @Test
    void dirtyDataComesWithAManifestOfEverySpoiledRow(
            @GeneratedDataset(seed = 3, customers = 100, transactions = 2_000, dirtyRate = 0.05) FinancialDataset dirty) {
        DirtyManifest manifest = dirty.dirty();
        assertThat(manifest.size()).isPositive();
        long negative = manifest.count(BronzeTable.TRANSACTIONS, DirtyManifest.Defect.NEGATIVE_AMOUNT);
        assertThat(manifest.of(BronzeTable.TRANSACTIONS).stream()
                .filter(e -> e.defect() == DirtyManifest.Defect.NEGATIVE_AMOUNT).count()).isEqualTo(negative);
        assertThat(manifest.countsByTable().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(manifest.size());
    }

    private static double fraudRate(List<Transaction> txs) {
        return txs.isEmpty() ? 0 : (double) txs.stream().filter(Transaction::isFraud).count() / txs.size();
    }
}
