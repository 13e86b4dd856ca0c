package dev.fap.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.Database;
import dev.fap.core.FapException;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.rows.Account;
import dev.fap.generator.rows.Customer;
import dev.fap.generator.rows.Transaction;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FapDatabaseExtension.class)
class IncrementalBatchTest {
    static final DatasetSpec SPEC = DatasetSpec.defaults().withSeed(5).withCustomers(300).withTransactions(14_600).withMerchants(80);

    @Test
    void nextBatchContinuesIdsDatesAndState() {
        DataGenerator base = DataGenerator.of(SPEC);
        DataGenerator week = base.nextBatch(7);
        assertThat(week.batch()).isEqualTo(1);
        assertThat(week.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(week.to()).isEqualTo(LocalDate.of(2025, 1, 7));
        FinancialDataset b0 = base.inMemory();
        FinancialDataset b1 = week.inMemory();
        // 14,600 transactions over 731 days: 20/day, so 140 in a week
        assertThat(b1.transactions()).hasSize(140);
        assertThat(b1.transactions().get(0).transactionId()).isEqualTo("T000014601");
        for (Transaction t : b1.transactions()) {
            assertThat(t.transactionDate().toLocalDate()).isBetween(week.from(), week.to());
        }
        // a quarter of the base customers join per base period: 300/4 * 7/731 = 0.7 -> 1 new customer
        assertThat(b1.customers().stream().filter(c -> c.signupDate().isAfter(SPEC.endDate()))).hasSize(1);
        assertThat(b1.customers().stream().filter(c -> c.signupDate().isAfter(SPEC.endDate())).findFirst().orElseThrow().customerId())
                .isEqualTo("C0000301");
        // every reference resolves against everything loaded so far
        Set<String> accounts = new HashSet<>();
        b0.accounts().forEach(a -> accounts.add(a.accountId()));
        b1.accounts().forEach(a -> accounts.add(a.accountId()));
        b1.transactions().forEach(t -> assertThat(accounts).contains(t.accountId()));
        // re-issued accounts carry the new balance: the change equals the posted amounts of the week
        for (Account a : b1.accounts()) {
            Account before = b0.accounts().stream().filter(x -> x.accountId().equals(a.accountId())).findFirst().orElse(null);
            if (before == null || !List.of("P01", "P03", "P09").contains(a.productId())) {
                continue;
            }
            long posted = b1.transactions().stream().filter(t -> t.accountId().equals(a.accountId()) && t.declineReason() == null)
                    .mapToLong(t -> Math.round(t.amount() * 100)).sum();
            assertThat(Math.round(a.currentBalance() * 100) - Math.round(before.currentBalance() * 100)).as(a.accountId()).isEqualTo(posted);
        }
        // alerts, interactions and changes continue their numbering
        if (!b1.fraudAlerts().isEmpty()) {
            assertThat(b1.fraudAlerts().get(0).alertId()).isEqualTo(String.format("F%07d", b0.fraudAlerts().size() + 1));
        }
        // economic months that start in the batch
        assertThat(b1.economicIndicators()).hasSize(1);
        assertThat(b1.economicIndicators().get(0).date()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void batchesAreDeterministicAndChain() {
        DataGenerator a = DataGenerator.of(SPEC).nextBatch(3).nextBatch(2);
        DataGenerator b = DataGenerator.of(SPEC.withThreads(1)).nextBatch(3).nextBatch(2);
        assertThat(a.from()).isEqualTo(LocalDate.of(2025, 1, 4));
        assertThat(a.inMemory().transactions()).isEqualTo(b.inMemory().transactions());
        assertThat(a.inMemory().transactions()).hasSize(40);
        assertThat(a.inMemory().transactions().get(0).transactionId()).isEqualTo("T000014661");
        assertThatThrownBy(() -> a.nextBatch(0)).isInstanceOf(FapException.class).hasMessageContaining("1-3660 days");
    }

    @Test
    void batchesLoadIncrementallyIntoBronze(Database db) {
        DataGenerator base = DataGenerator.of(SPEC);
        GenerateResult r0 = base.toDatabase(db);
        GenerateResult r1 = base.nextBatch(1).toDatabase(db);
        assertThat(r1.bronzeBatchId()).isGreaterThan(r0.bronzeBatchId());
        assertThat(r1.rows(BronzeTable.TRANSACTIONS)).isEqualTo(20);
        assertThat(r1.rows(BronzeTable.PRODUCTS)).isZero();
        long distinct = db.dsl().fetchSingle("select count(distinct transaction_id) from bronze.transactions").get(0, Long.class);
        assertThat(distinct).isEqualTo(14_620);
        Customer any = base.inMemory().customers().get(0);
        assertThat(any.customerId()).isEqualTo("C0000001");
    }
}
