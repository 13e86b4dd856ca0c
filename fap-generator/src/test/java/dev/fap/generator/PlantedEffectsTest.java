package dev.fap.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.generator.rows.CampaignContact;
import dev.fap.generator.rows.Customer;
import dev.fap.generator.rows.CustomerInteraction;
import dev.fap.generator.rows.EconomicIndicator;
import dev.fap.generator.rows.LoanPayment;
import dev.fap.generator.rows.Transaction;
import dev.fap.generator.testing.FinancialDatasetExtension;
import dev.fap.generator.testing.GeneratedDataset;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default dataset carries the planted effects, and simple estimates on the rows recover the
 * numbers {@link GroundTruth} states, within their sampling error.
 */
@ExtendWith(FinancialDatasetExtension.class)
@GeneratedDataset(customers = 1_000, transactions = 50_000, merchants = 400)
class PlantedEffectsTest {

    @Test
    void headlineRatesAreRealistic(FinancialDataset ds, GroundTruth truth) {
        List<Transaction> tx = ds.transactions();
        long purchases = tx.stream().filter(t -> t.transactionType().equals("Purchase")).count();
        long fraud = tx.stream().filter(t -> t.transactionType().equals("Purchase") && t.isFraud()).count();
        long declined = tx.stream().filter(t -> t.declineReason() != null).count();
        assertThat(fraud / (double) purchases).isBetween(0.005, 0.01).isEqualTo(truth.fraud().realisedRate());
        assertThat(declined / (double) tx.size()).isBetween(0.03, 0.08).isEqualTo(truth.rates().declineRate());
        assertThat(tx.stream().map(Transaction::declineReason).filter(r -> r != null).distinct().sorted().toList())
                .containsExactly("Fraud Suspected", "Insufficient Funds", "Invalid Card");
        // alerts cover most frauds and also fire on legitimate transactions
        assertThat(truth.rates().fraudAlertCoverage()).isGreaterThan(0.6);
        assertThat(truth.rates().falsePositiveAlerts()).isGreaterThan(50);
        assertThat(truth.rates().alerts()).isEqualTo(ds.fraudAlerts().size());
        // rhythms: weekend and December are busier per day, nights are quiet
        Map<Integer, Long> byHour = tx.stream().collect(Collectors.groupingBy(Transaction::hourOfDay, Collectors.counting()));
        assertThat(byHour.get(12)).isGreaterThan(5 * byHour.get(3));
        double decPerDay = tx.stream().filter(t -> t.transactionDate().getMonthValue() == 12).count() / 62.0;
        double febPerDay = tx.stream().filter(t -> t.transactionDate().getMonthValue() == 2).count() / 57.0;
        assertThat(decPerDay / febPerDay).isGreaterThan(1.2);
        assertThat(truth.churn().realisedRate()).isBetween(0.08, 0.30);
        assertThat(truth.latePayment().realisedRate()).isBetween(0.02, 0.20);
    }

    @Test
    void logisticRegressionOnTheSixIndicatorsRecoversTheFraudCoefficients(FinancialDataset ds, GroundTruth truth) {
        double[][] fit = fraudRegression(ds);
        GroundTruth.Fraud f = truth.fraud();
        double[] planted = {f.intercept(), f.night(), f.online(), f.highAmount(), f.velocity(), f.farFromHome(), f.riskyMerchant()};
        for (int j = 1; j < planted.length; j++) {
            double est = fit[0][j];
            double se = fit[1][j];
            assertThat(Math.abs(est - planted[j])).as("coefficient %d: %.3f ± %.3f vs %.3f", j, est, se, planted[j])
                    .isLessThan(3.3 * se);
            assertThat(est / se).as("coefficient %d significant", j).isGreaterThan(3);
        }
    }

    @Test
    void differenceInDifferencesRecoversTheCampaignUplift(FinancialDataset ds, GroundTruth truth) {
        Map<String, List<Transaction>> byCustomer = ds.transactions().stream()
                .filter(t -> t.transactionType().equals("Purchase") && t.declineReason() == null)
                .collect(Collectors.groupingBy(Transaction::customerId));
        double months = truth.campaign().windowDays() / 30.4375;
        List<Double> treated = new ArrayList<>();
        List<Double> control = new ArrayList<>();
        for (CampaignContact c : ds.campaignContacts()) {
            double pre = 0;
            double post = 0;
            for (Transaction t : byCustomer.getOrDefault(c.customerId(), List.of())) {
                long d = ChronoUnit.DAYS.between(c.contactDate(), t.transactionDate().toLocalDate());
                if (d >= -truth.campaign().preDays() && d < 0) {
                    pre -= t.amount();
                } else if (d >= 0 && d < truth.campaign().windowDays()) {
                    post -= t.amount();
                }
            }
            (c.assignment().equals("Treatment") ? treated : control).add((post - pre) / months);
        }
        assertThat(treated).hasSize((int) truth.campaign().treatedCustomers());
        assertThat(control).hasSize((int) truth.campaign().controlCustomers());
        double did = mean(treated) - mean(control);
        double se = Math.sqrt(var(treated) / treated.size() + var(control) / control.size());
        double planted = truth.campaign().upliftPerCustomerMonth();
        assertThat(planted).isPositive();
        assertThat(Math.abs(did - planted)).as("DiD %.2f ± %.2f vs planted %.2f", did, se, planted).isLessThan(3 * se);
        System.out.printf("DiD %.2f se %.2f planted %.2f%n", did, se, planted);
        assertThat(did / se).as("DiD significant").isGreaterThan(2);
        // the propensity model: richer customers are treated more often
        Map<String, Customer> customers = ds.customers().stream().collect(Collectors.toMap(Customer::customerId, c -> c));
        double incTreated = ds.campaignContacts().stream().filter(c -> c.assignment().equals("Treatment"))
                .mapToDouble(c -> Math.log(customers.get(c.customerId()).annualIncome())).average().orElseThrow();
        double incControl = ds.campaignContacts().stream().filter(c -> c.assignment().equals("Control"))
                .mapToDouble(c -> Math.log(customers.get(c.customerId()).annualIncome())).average().orElseThrow();
        assertThat(incTreated).isGreaterThan(incControl + 0.1);
    }

    @Test
    void purchaseAmountsFallWithLaggedUnemployment(FinancialDataset ds, GroundTruth truth) {
        Map<YearMonth, double[]> monthly = new TreeMap<>();
        for (Transaction t : ds.transactions()) {
            if (t.transactionType().equals("Purchase")) {
                double[] s = monthly.computeIfAbsent(YearMonth.from(t.transactionDate()), k -> new double[2]);
                s[0] += Math.log(-t.amount());
                s[1]++;
            }
        }
        Map<YearMonth, Double> u = ds.economicIndicators().stream()
                .collect(Collectors.toMap(e -> YearMonth.from(e.date()), EconomicIndicator::unemploymentRate));
        List<double[]> xy = new ArrayList<>();
        monthly.forEach((m, s) -> xy.add(new double[] {u.get(m.minusMonths(truth.unemployment().lagMonths())), s[0] / s[1]}));
        double[] ols = ols(xy);
        assertThat(Math.abs(ols[0] - truth.unemployment().semiElasticity())).as("slope %.4f ± %.4f", ols[0], ols[1])
                .isLessThan(3 * ols[1] + 0.01);
        assertThat(ols[0]).isNegative();
        // the unemployment series has a real cycle to identify the effect
        double min = u.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = u.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(max - min).isGreaterThan(1.5);
    }

    @Test
    void churnLatePaymentsAndSatisfactionMoveWithTheirDrivers(FinancialDataset ds) {
        // lower satisfaction ratings among churned customers
        Map<String, Boolean> active = ds.customers().stream().collect(Collectors.toMap(Customer::customerId, Customer::isActive));
        Map<Boolean, Double> rating = ds.customerInteractions().stream().filter(i -> i.satisfactionRating() != null)
                .collect(Collectors.groupingBy(i -> active.get(i.customerId()),
                        Collectors.averagingInt(CustomerInteraction::satisfactionRating)));
        assertThat(rating.get(false)).isLessThan(rating.get(true) - 0.2);
        // problem contacts are rated worse than routine ones
        Map<Boolean, Double> byProblem = ds.customerInteractions().stream().filter(i -> i.satisfactionRating() != null)
                .collect(Collectors.groupingBy(i -> List.of("Card Declined", "Fraud Concern", "Fee Dispute", "Payment Issue")
                        .contains(i.reason()), Collectors.averagingInt(CustomerInteraction::satisfactionRating)));
        assertThat(byProblem.get(true)).isLessThan(byProblem.get(false) - 0.5);
        // long-tenured customers churn less
        Map<Boolean, Double> churnByTenure = ds.customers().stream().collect(Collectors.groupingBy(
                c -> c.signupDate().isBefore(java.time.LocalDate.of(2016, 1, 1)), Collectors.averagingDouble(c -> c.isActive() ? 0 : 1)));
        assertThat(churnByTenure.get(true)).isLessThan(churnByTenure.get(false));
        // weaker credit pays late more often
        Map<String, Integer> score = ds.customers().stream().collect(Collectors.toMap(Customer::customerId, Customer::creditScore));
        Map<Boolean, Double> late = ds.loanPayments().stream().collect(Collectors.groupingBy(p -> score.get(p.customerId()) < 640,
                Collectors.averagingDouble(p -> p.isLate() ? 1 : 0)));
        assertThat(late.get(true)).isGreaterThan(1.5 * late.get(false));
        // income, credit score and segment are drawn jointly
        Map<String, Double> scoreBySegment = ds.customers().stream().collect(Collectors.groupingBy(Customer::customerSegment,
                Collectors.averagingInt(Customer::creditScore)));
        assertThat(scoreBySegment.get("Affluent")).isGreaterThan(scoreBySegment.get("Mass") + 20);
        assertThat(ds.loanPayments().stream().filter(LoanPayment::isLate).allMatch(p -> p.daysLate() > 0 || p.actualDate() == null))
                .isTrue();
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double var(List<Double> v) {
        double m = mean(v);
        return v.stream().mapToDouble(d -> (d - m) * (d - m)).sum() / (v.size() - 1);
    }

    /** Simple regression y = a + b x: returns {b, se(b)}. */
    private static double[] ols(List<double[]> xy) {
        int n = xy.size();
        double mx = xy.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = xy.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (double[] p : xy) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double rss = 0;
        for (double[] p : xy) {
            rss += Math.pow(p[1] - a - b * p[0], 2);
        }
        return new double[] {b, Math.sqrt(rss / (n - 2) / sxx)};
    }

    /**
     * Logistic regression of {@code is_fraud} of purchases on an intercept and the six fraud indicators,
     * in the order of {@link GroundTruth.Fraud}: {coefficients, standard errors}.
     */
    static double[][] fraudRegression(FinancialDataset ds) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Transaction t : ds.transactions()) {
            if (!t.transactionType().equals("Purchase")) {
                continue;
            }
            x.add(new double[] {1, t.hourOfDay() <= 5 ? 1 : 0, t.channel().equals("Online") ? 1 : 0, t.amountDeviationScore() >= 2 ? 1 : 0,
                    t.velocity24h() >= 2 ? 1 : 0, t.distanceFromHomeKm() >= 100 ? 1 : 0, t.merchantRiskScore() >= 0.7 ? 1 : 0});
            y.add(t.isFraud() ? 1.0 : 0.0);
        }
        return Logistic.fit(x.toArray(double[][]::new), y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Logistic regression by Newton-Raphson (IRLS). */
    static final class Logistic {
        /** Returns {coefficients, standard errors}. */
        static double[][] fit(double[][] x, double[] y) {
            int k = x[0].length;
            double[] beta = new double[k];
            double[][] inv = null;
            for (int iter = 0; iter < 30; iter++) {
                double[] grad = new double[k];
                double[][] h = new double[k][k];
                for (int i = 0; i < x.length; i++) {
                    double eta = 0;
                    for (int j = 0; j < k; j++) {
                        eta += beta[j] * x[i][j];
                    }
                    double p = 1 / (1 + Math.exp(-eta));
                    for (int j = 0; j < k; j++) {
                        grad[j] += (y[i] - p) * x[i][j];
                        for (int l = 0; l < k; l++) {
                            h[j][l] += p * (1 - p) * x[i][j] * x[i][l];
                        }
                    }
                }
                inv = invert(h);
                double change = 0;
                for (int j = 0; j < k; j++) {
                    double step = 0;
                    for (int l = 0; l < k; l++) {
                        step += inv[j][l] * grad[l];
                    }
                    beta[j] += step;
                    change = Math.max(change, Math.abs(step));
                }
                if (change < 1e-9) {
                    break;
                }
            }
            double[] se = new double[k];
            for (int j = 0; j < k; j++) {
                se[j] = Math.sqrt(inv[j][j]);
            }
            return new double[][] {beta, se};
        }

        private static double[][] invert(double[][] a) {
            int n = a.length;
            double[][] m = new double[n][2 * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(a[i], 0, m[i], 0, n);
                m[i][n + i] = 1;
            }
            for (int c = 0; c < n; c++) {
                int pivot = c;
                for (int r = c + 1; r < n; r++) {
                    if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                        pivot = r;
                    }
                }
                double[] tmp = m[c];
                m[c] = m[pivot];
                m[pivot] = tmp;
                double d = m[c][c];
                for (int j = 0; j < 2 * n; j++) {
                    m[c][j] /= d;
                }
                for (int r = 0; r < n; r++) {
                    if (r != c) {
                        double f = m[r][c];
                        for (int j = 0; j < 2 * n; j++) {
                            m[r][j] -= f * m[c][j];
                        }
                    }
                }
            }
            double[][] out = new double[n][n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(m[i], n, out[i], 0, n);
            }
            return out;
        }
    }
}
