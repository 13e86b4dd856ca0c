package dev.fap.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.generator.rows.Account;
import dev.fap.generator.rows.CampaignContact;
import dev.fap.generator.rows.Customer;
import dev.fap.generator.rows.CustomerChange;
import dev.fap.generator.rows.FraudAlert;
import dev.fap.generator.rows.LoanPayment;
import dev.fap.generator.rows.MarketingCampaign;
import dev.fap.generator.rows.Transaction;
import dev.fap.generator.testing.FinancialDatasetExtension;
import dev.fap.generator.testing.GeneratedDataset;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every reference resolves, no event falls outside its account's life or the period, derived columns agree. */
@ExtendWith(FinancialDatasetExtension.class)
@GeneratedDataset(customers = 1_000, transactions = 50_000, merchants = 400)
class IntegrityTest {
    private static final LocalDate START = LocalDate.of(2023, 1, 1);
    private static final LocalDate END = LocalDate.of(2024, 12, 31);

    @Test
    void everyReferenceResolves(FinancialDataset ds) {
        Set<String> customers = ids(ds.customers(), Customer::customerId);
        Set<String> accounts = ids(ds.accounts(), Account::accountId);
        Set<String> merchants = ids(ds.merchants(), m -> m.merchantId());
        Set<String> products = ids(ds.products(), p -> p.productId());
        Set<String> transactions = ids(ds.transactions(), Transaction::transactionId);
        Set<String> campaigns = ids(ds.marketingCampaigns(), MarketingCampaign::campaignId);
        Map<String, String> accountOwner = ds.accounts().stream().collect(Collectors.toMap(Account::accountId, Account::customerId));
        assertThat(customers).hasSize(ds.customers().size());
        assertThat(accounts).hasSize(ds.accounts().size());
        assertThat(transactions).hasSize(ds.transactions().size());
        for (Account a : ds.accounts()) {
            assertThat(customers).contains(a.customerId());
            assertThat(products).contains(a.productId());
        }
        for (Transaction t : ds.transactions()) {
            assertThat(accountOwner.get(t.accountId())).as(t.transactionId()).isEqualTo(t.customerId());
            if (t.merchantId() != null) {
                assertThat(merchants).contains(t.merchantId());
            }
        }
        for (FraudAlert f : ds.fraudAlerts()) {
            assertThat(transactions).contains(f.transactionId());
            assertThat(accountOwner.get(f.accountId())).isEqualTo(f.customerId());
        }
        ds.creditApplications().forEach(c -> assertThat(customers).contains(c.customerId()));
        ds.customerInteractions().forEach(i -> assertThat(customers).contains(i.customerId()));
        ds.customerChanges().forEach(c -> assertThat(customers).contains(c.customerId()));
        for (LoanPayment p : ds.loanPayments()) {
            assertThat(accountOwner.get(p.accountId())).isEqualTo(p.customerId());
        }
        for (CampaignContact c : ds.campaignContacts()) {
            assertThat(campaigns).contains(c.campaignId());
            assertThat(customers).contains(c.customerId());
        }
        ds.marketingCampaigns().forEach(m -> assertThat(products).contains(m.productPromoted()));
    }

    @Test
    void noEventBeforeItsAccountOpenedOrAfterItClosedOrTheEnd(FinancialDataset ds) {
        Map<String, Account> accounts = ds.accounts().stream().collect(Collectors.toMap(Account::accountId, a -> a));
        Map<String, Customer> customers = ds.customers().stream().collect(Collectors.toMap(Customer::customerId, c -> c));
        for (Account a : ds.accounts()) {
            assertThat(a.openDate()).isAfterOrEqualTo(customers.get(a.customerId()).signupDate()).isBeforeOrEqualTo(END);
            if (a.closeDate() != null) {
                assertThat(a.closeDate()).isAfterOrEqualTo(a.openDate()).isBeforeOrEqualTo(END);
                assertThat(a.accountStatus()).isEqualTo("Closed");
            }
        }
        for (Customer c : ds.customers()) {
            assertThat(c.signupDate()).isBeforeOrEqualTo(END);
            assertThat(c.dateOfBirth().plusYears(18)).isBeforeOrEqualTo(c.signupDate());
        }
        for (Transaction t : ds.transactions()) {
            Account a = accounts.get(t.accountId());
            LocalDate d = t.transactionDate().toLocalDate();
            assertThat(d).as(t.transactionId()).isBetween(START, END).isAfterOrEqualTo(a.openDate());
            if (a.closeDate() != null) {
                assertThat(d).as(t.transactionId()).isBefore(a.closeDate());
            }
        }
        Map<String, Transaction> tx = ds.transactions().stream().collect(Collectors.toMap(Transaction::transactionId, t -> t));
        for (FraudAlert f : ds.fraudAlerts()) {
            assertThat(f.alertDate()).isAfterOrEqualTo(tx.get(f.transactionId()).transactionDate());
            assertThat(f.alertDate().toLocalDate()).isBeforeOrEqualTo(END);
            assertThat(f.amountRecovered()).isBetween(0.0, Math.abs(tx.get(f.transactionId()).amount()));
            if (f.resolutionDate() != null) {
                assertThat(f.resolutionDate()).isAfterOrEqualTo(f.alertDate().toLocalDate()).isBeforeOrEqualTo(END);
            }
        }
        ds.customerInteractions().forEach(i -> assertThat(i.interactionDate().toLocalDate()).isBetween(START, END));
        ds.customerChanges().forEach(c -> assertThat(c.changeDate()).isBetween(START, END));
        for (LoanPayment p : ds.loanPayments()) {
            assertThat(p.scheduledDate()).isBetween(START, END).isAfter(accounts.get(p.accountId()).openDate());
            if (p.actualDate() != null) {
                assertThat(p.actualDate()).isBetween(p.scheduledDate(), END);
            }
        }
    }

    @Test
    void derivedColumnsAgreeWithTheirSources(FinancialDataset ds) {
        for (Transaction t : ds.transactions()) {
            assertThat(t.hourOfDay()).isEqualTo(t.transactionDate().getHour());
            assertThat(t.dayOfWeek()).isEqualTo(t.transactionDate().getDayOfWeek().getValue());
            assertThat(t.isWeekend()).isEqualTo(t.dayOfWeek() >= 6);
            assertThat(t.authorizationCode() == null).isEqualTo(t.declineReason() != null);
            assertThat(t.isInternational()).isEqualTo(!"US".equals(t.locationCountry()));
            assertThat(t.fraudScore()).isBetween(0.0, 1.0);
            switch (t.transactionType()) {
                case "Purchase", "ATM", "Transfer", "Fee" -> assertThat(t.amount()).as(t.transactionId()).isNegative();
                default -> assertThat(t.amount()).as(t.transactionId()).isPositive();
            }
            assertThat(t.merchantId() == null).isEqualTo(t.merchantCategory() == null);
        }
        for (MarketingCampaign m : ds.marketingCampaigns()) {
            assertThat(m.clicks()).isLessThanOrEqualTo(m.impressions());
            assertThat(m.conversions()).isLessThanOrEqualTo(m.clicks());
            assertThat(m.endDate()).isAfterOrEqualTo(m.startDate());
        }
        for (CampaignContact c : ds.campaignContacts()) {
            assertThat(!c.clicked() || c.opened()).isTrue();
            assertThat(!c.converted() || c.clicked()).isTrue();
            if (c.assignment().equals("Control")) {
                assertThat(c.opened() || c.clicked() || c.converted()).isFalse();
            }
        }
        ds.customers().forEach(c -> assertThat(c.zipCode()).matches("\\d{5}"));
        ds.customers().forEach(c -> assertThat(c.creditScore()).isBetween(300, 850));
        ds.economicIndicators().forEach(e -> {
            assertThat(e.date().getDayOfMonth()).isEqualTo(1);
            assertThat(e.unemploymentRate()).isBetween(2.0, 12.0);
            assertThat(e.inflationRate()).isBetween(-2.0, 12.0);
        });
    }

    @Test
    void balancesFollowTheTransactions(FinancialDataset ds) {
        Map<String, Long> posted = new HashMap<>();
        for (Transaction t : ds.transactions()) {
            if (t.declineReason() == null) {
                posted.merge(t.accountId(), Math.round(t.amount() * 100), Long::sum);
            }
        }
        int checked = 0;
        for (Account a : ds.accounts()) {
            boolean transactional = List.of("P01", "P03", "P09", "P07").contains(a.productId());
            if (transactional && a.openDate().isAfter(START)) {
                // opened within the data: the balance is exactly the sum of its posted transactions
                assertThat(Math.round(a.currentBalance() * 100)).as(a.accountId()).isEqualTo(posted.getOrDefault(a.accountId(), 0L));
                checked++;
            }
            if (a.productId().equals("P03") || a.productId().equals("P09")) {
                assertThat(a.creditLimit()).isNotNull();
                assertThat(-a.currentBalance()).as(a.accountId()).isLessThanOrEqualTo(a.creditLimit() + 0.001);
            }
        }
        assertThat(checked).isGreaterThan(300);
        // loans: the balance is minus the outstanding principal after the last payment
        Map<String, LoanPayment> lastPayment = new HashMap<>();
        ds.loanPayments().forEach(p -> lastPayment.merge(p.accountId(), p, (x, y) -> y.scheduledDate().isAfter(x.scheduledDate()) ? y : x));
        for (Account a : ds.accounts()) {
            LoanPayment p = lastPayment.get(a.accountId());
            if (p != null) {
                assertThat(a.currentBalance()).as(a.accountId()).isEqualTo(-p.outstandingBalance());
            }
        }
    }

    @Test
    void customerChangesFormAnUnbrokenHistory(FinancialDataset ds) {
        Map<String, Customer> customers = ds.customers().stream().collect(Collectors.toMap(Customer::customerId, c -> c));
        Map<String, String> current = new HashMap<>();
        Set<String> attributes = ds.customerChanges().stream().map(CustomerChange::attribute).collect(Collectors.toSet());
        assertThat(attributes).contains("address", "city", "state", "zip_code", "annual_income", "customer_segment", "loyalty_tier",
                "is_active");
        LocalDate last = LocalDate.MIN;
        String lastCustomer = "";
        for (CustomerChange c : ds.customerChanges()) {
            if (c.customerId().equals(lastCustomer)) {
                assertThat(c.changeDate()).isAfterOrEqualTo(last);
            }
            lastCustomer = c.customerId();
            last = c.changeDate();
            Customer base = customers.get(c.customerId());
            String key = c.customerId() + "/" + c.attribute();
            String before = current.getOrDefault(key, initial(base, c.attribute()));
            assertThat(c.oldValue()).as(key).isEqualTo(before);
            assertThat(c.newValue()).isNotEqualTo(c.oldValue());
            current.put(key, c.newValue());
        }
        // churned customers are exactly those with an is_active change
        Set<String> churned = ds.customerChanges().stream().filter(c -> c.attribute().equals("is_active")).map(CustomerChange::customerId)
                .collect(Collectors.toSet());
        assertThat(ds.customers().stream().filter(c -> !c.isActive()).map(Customer::customerId).collect(Collectors.toSet()))
                .isEqualTo(churned);
    }

    private static String initial(Customer c, String attribute) {
        return switch (attribute) {
            case "address" -> c.address();
            case "city" -> c.city();
            case "state" -> c.state();
            case "zip_code" -> c.zipCode();
            case "annual_income" -> String.format(java.util.Locale.ROOT, "%.2f", c.annualIncome());
            case "customer_segment" -> c.customerSegment();
            case "loyalty_tier" -> c.loyaltyTier();
            case "is_active" -> "true";
            default -> throw new IllegalArgumentException(attribute);
        };
    }

    private static <T> Set<String> ids(List<T> rows, Function<T, String> id) {
        return rows.stream().map(id).collect(Collectors.toSet());
    }
}
