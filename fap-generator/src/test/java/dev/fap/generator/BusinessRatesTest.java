package dev.fap.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.rows.Customer;
import dev.fap.generator.rows.CustomerChange;
import dev.fap.generator.rows.Transaction;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DatasetSpec#withFraudRate}, {@link DatasetSpec#withDeclineRate} and
 * {@link DatasetSpec#withChurnRate}: the data meets the requested rates, the planted effects keep
 * their size, {@link GroundTruth} reports the calibrated base rates, and the defaults are untouched.
 */
class BusinessRatesTest {
    private static final DatasetSpec BASE = DatasetSpec.defaults();

    @Test
    void defaultsKeepTheGeneratorsOwnBaseRates() {
        GroundTruth truth = DataGenerator.of(BASE.withCustomers(100).withTransactions(5_000).withMerchants(50)).groundTruth();
        assertThat(BASE.fraudRate()).isEmpty();
        assertThat(BASE.declineRate()).isEmpty();
        assertThat(BASE.churnRate()).isEmpty();
        assertThat(BASE.naturalRates()).isTrue();
        assertThat(truth.fraud().intercept()).isEqualTo(-5.7);
        assertThat(truth.churn().baseHazardPerDay()).isEqualTo(0.0003);
        assertThat(truth.rates().invalidCardPurchase()).isEqualTo(0.012);
        assertThat(truth.rates().invalidCardDebit()).isEqualTo(0.008);
    }

    @Test
    void fraudRateOfTwoPercentIsMetAndTheOddsRatiosStay() {
        DatasetSpec spec = BASE.withFraudRate(0.02);
        DataGenerator gen = DataGenerator.of(spec);
        FinancialDataset ds = gen.inMemory();
        GroundTruth truth = gen.groundTruth();
        List<Transaction> purchases = ds.transactions().stream().filter(t -> t.transactionType().equals("Purchase")).toList();
        double rate = purchases.stream().filter(Transaction::isFraud).count() / (double) purchases.size();
        // ~36,000 purchases: sampling sd 0.0007, plus the pilot's calibration error
        assertThat(rate).isCloseTo(0.02, org.assertj.core.data.Offset.offset(0.003)).isEqualTo(truth.fraud().realisedRate());
        // only the intercept moved: from -5.7 up by about the log of the odds ratio 0.02/0.0075
        assertThat(truth.fraud().intercept()).isBetween(-4.8, -4.3);
        assertThat(truth.fraud().oddsRatioNight()).isEqualTo(Math.exp(1.2));
        double[][] fit = PlantedEffectsTest.fraudRegression(ds);
        GroundTruth.Fraud f = truth.fraud();
        double[] planted = {f.intercept(), f.night(), f.online(), f.highAmount(), f.velocity(), f.farFromHome(), f.riskyMerchant()};
        for (int j = 0; j < planted.length; j++) {
            assertThat(Math.abs(fit[0][j] - planted[j])).as("coefficient %d: %.3f ± %.3f vs %.3f", j, fit[0][j], fit[1][j], planted[j])
                    .isLessThan(3.3 * fit[1][j]);
        }
    }

    @Test
    void declineRateOfTenPercentIsMetWithAllThreeReasons() {
        DataGenerator gen = DataGenerator.of(BASE.withDeclineRate(0.10));
        FinancialDataset ds = gen.inMemory();
        List<Transaction> tx = ds.transactions();
        long declined = tx.stream().filter(t -> t.declineReason() != null).count();
        assertThat(declined / (double) tx.size()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.01))
                .isEqualTo(gen.groundTruth().rates().declineRate());
        assertThat(tx.stream().map(Transaction::declineReason).filter(r -> r != null).distinct().sorted().toList())
                .containsExactly("Fraud Suspected", "Insufficient Funds", "Invalid Card");
        // the technical-decline probability carries the change; fraud stays at its own rate
        assertThat(gen.groundTruth().rates().invalidCardPurchase()).isBetween(0.08, 0.12);
        assertThat(gen.groundTruth().fraud().intercept()).isEqualTo(-5.7);
        // declined transactions move no money (bronze contract)
        assertThat(tx.stream().filter(t -> t.declineReason() != null)).allMatch(t -> t.authorizationCode() == null);
    }

    @Test
    void churnRateOfAQuarterIsMetAndOnlyTheBaseHazardMoves() {
        // churn does not depend on the number of transactions: many customers, few transactions
        DatasetSpec spec = BASE.withCustomers(4_000).withTransactions(20_000).withChurnRate(0.25);
        DataGenerator gen = DataGenerator.of(spec);
        FinancialDataset ds = gen.inMemory();
        GroundTruth truth = gen.groundTruth();
        double annual = annualChurn(ds, spec);
        // ~3,500 customers observed for a full year: sd 0.007; those who joined in the second year
        // (higher hazard: no tenure) are not observed for a year, so the measure runs ~1 point low
        assertThat(annual).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.03));
        assertThat(truth.churn().baseHazardPerDay()).isGreaterThan(2 * 0.0003);
        assertThat(truth.churn().tenure()).isEqualTo(-0.10);
        assertThat(truth.churn().satisfaction()).isEqualTo(-0.80);
        assertThat(truth.churn().activity()).isEqualTo(-0.60);
        // the default model churns far fewer
        assertThat(annualChurn(DataGenerator.of(BASE.withCustomers(4_000).withTransactions(20_000)).inMemory(), spec))
                .isBetween(0.05, 0.12);
    }

    /** Share of customers exposed for a full year within the data who churned within that year. */
    private static double annualChurn(FinancialDataset ds, DatasetSpec spec) {
        Map<String, LocalDate> churnDay = new HashMap<>();
        for (CustomerChange c : ds.customerChanges()) {
            if (c.attribute().equals("is_active")) {
                churnDay.put(c.customerId(), c.changeDate());
            }
        }
        long n = 0;
        long churned = 0;
        for (Customer c : ds.customers()) {
            LocalDate exposed = c.signupDate().plusDays(30).isAfter(spec.startDate()) ? c.signupDate().plusDays(30) : spec.startDate();
            if (exposed.plusDays(365).isAfter(spec.endDate())) {
                continue;
            }
            n++;
            LocalDate d = churnDay.get(c.customerId());
            if (d != null && !d.isAfter(exposed.plusDays(366))) {
                churned++;
            }
        }
        return churned / (double) n;
    }

    @Test
    void allThreeRatesTogetherInAnotherLocale() {
        DataGenerator gen = DataGenerator.of(BASE.withSeed(5).withLocale(java.util.Locale.GERMANY).withFraudRate(0.015)
                .withDeclineRate(0.06).withChurnRate(0.15));
        GroundTruth truth = gen.groundTruth();
        assertThat(truth.fraud().realisedRate()).isCloseTo(0.015, org.assertj.core.data.Offset.offset(0.003));
        assertThat(truth.rates().declineRate()).isCloseTo(0.06, org.assertj.core.data.Offset.offset(0.01));
        assertThat(truth.churn().baseHazardPerDay()).isGreaterThan(0.0003);
    }

    @Test
    void aNonDefaultSpecIsStillDeterministic(@TempDir Path a, @TempDir Path b) throws Exception {
        DatasetSpec spec = BASE.withSeed(3).withCustomers(80).withTransactions(4_000).withMerchants(40).withFraudRate(0.03)
                .withDeclineRate(0.08).withChurnRate(0.2).withLocale(java.util.Locale.FRANCE);
        DataGenerator.of(spec.withThreads(1)).toCsv(a);
        DataGenerator.of(spec.withThreads(3)).toCsv(b);
        for (BronzeTable t : BronzeTable.values()) {
            assertThat(DataGeneratorTest.sha256(b.resolve(t.tableName() + ".csv"))).as(t.tableName())
                    .isEqualTo(DataGeneratorTest.sha256(a.resolve(t.tableName() + ".csv")));
        }
        assertThat(DataGenerator.of(spec).groundTruth().fraud().intercept())
                .isEqualTo(DataGenerator.of(spec.withThreads(2)).groundTruth().fraud().intercept());
    }

    @Test
    void ratesOutsideTheirRangeAreRefusedNamingTheFix() {
        expect(() -> BASE.withFraudRate(-0.01), "fraud rate must be in [0, 0.5]", "--fraud-rate 0.02");
        expect(() -> BASE.withFraudRate(2), "fraud rate must be in [0, 0.5] (the share of card purchases that are fraudulent), was 2.0",
                "a share, not a percentage");
        expect(() -> BASE.withFraudRate(Double.NaN), "was NaN", "--fraud-rate");
        expect(() -> BASE.withDeclineRate(0.7), "decline rate must be in [0, 0.5]", "--decline-rate 0.05");
        expect(() -> BASE.withChurnRate(1.0), "churn rate must be in [0, 0.9]", "--churn-rate 0.15");
        expect(() -> BASE.withChurnRate(-1), "churn rate must be in [0, 0.9]", "share");
    }

    @Test
    void aDeclineRateBelowWhatBalancesAloneProduceIsRefusedBeforeAnyRow() {
        DataGenerator gen = DataGenerator.of(BASE.withCustomers(200).withTransactions(10_000).withMerchants(50).withDeclineRate(0.001));
        assertThatThrownBy(gen::inMemory).isInstanceOfSatisfying(FapException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("decline rate 0.0010 is below the").contains("insufficient funds and suspected fraud alone");
            assertThat(e.hint()).contains("at least 0.0");
        });
    }

    @Test
    void zeroRatesMeanNoFraudNoTechnicalDeclinesNoChurn() {
        DataGenerator gen = DataGenerator.of(BASE.withCustomers(150).withTransactions(6_000).withMerchants(40).withFraudRate(0)
                .withChurnRate(0));
        FinancialDataset ds = gen.inMemory();
        assertThat(ds.transactions()).noneMatch(Transaction::isFraud);
        assertThat(ds.customers()).allMatch(Customer::isActive);
        assertThat(gen.groundTruth().fraud().intercept()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(gen.groundTruth().churn().baseHazardPerDay()).isZero();
    }

    private static void expect(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message, String hint) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FapException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains(message);
            assertThat(e.hint()).contains(hint);
        });
    }
}
