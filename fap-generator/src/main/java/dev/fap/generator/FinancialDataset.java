package dev.fap.generator;

import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.rows.Account;
import dev.fap.generator.rows.BronzeRecord;
import dev.fap.generator.rows.CampaignContact;
import dev.fap.generator.rows.CreditApplication;
import dev.fap.generator.rows.Customer;
import dev.fap.generator.rows.CustomerChange;
import dev.fap.generator.rows.CustomerInteraction;
import dev.fap.generator.rows.EconomicIndicator;
import dev.fap.generator.rows.FraudAlert;
import dev.fap.generator.rows.LoanPayment;
import dev.fap.generator.rows.MarketingCampaign;
import dev.fap.generator.rows.Merchant;
import dev.fap.generator.rows.Product;
import dev.fap.generator.rows.Transaction;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A whole generated dataset in memory as typed rows, for unit-test fixtures. Immutable lists in
 * output order (the order of the CSV files).
 *
 * <pre>{@code
 * FinancialDataset ds = DataGenerator.of(DatasetSpec.defaults().withCustomers(50).withTransactions(2_000)).inMemory();
 * ds.transactions().size();                       // 2000
 * ds.customers().get(0).customerId();             // "C0000001"
 * ds.rows(BronzeTable.MERCHANTS).size();          // 400
 * }</pre>
 *
 * <p>Use it for small datasets: it holds every row (stream large ones with
 * {@link DataGenerator#forEachRow}).
 */
public final class FinancialDataset {
    private final DatasetSpec spec;
    private final Map<BronzeTable, List<BronzeRecord>> rows;
    private final DirtyManifest dirty;

    FinancialDataset(DatasetSpec spec, Map<BronzeTable, List<BronzeRecord>> rows, DirtyManifest dirty) {
        this.spec = spec;
        EnumMap<BronzeTable, List<BronzeRecord>> copy = new EnumMap<>(BronzeTable.class);
        for (BronzeTable t : BronzeTable.values()) {
            copy.put(t, List.copyOf(rows.getOrDefault(t, List.of())));
        }
        this.rows = copy;
        this.dirty = dirty;
    }

    public DatasetSpec spec() {
        return spec;
    }

    /** The rows of any table, typed as {@link BronzeRecord}. */
    public List<BronzeRecord> rows(BronzeTable table) {
        return rows.get(table);
    }

    /** The rows spoiled on purpose (empty unless the spec has a dirty rate). */
    public DirtyManifest dirty() {
        return dirty;
    }

    public List<Product> products() {
        return typed(BronzeTable.PRODUCTS, Product.class);
    }

    public List<Merchant> merchants() {
        return typed(BronzeTable.MERCHANTS, Merchant.class);
    }

    public List<Customer> customers() {
        return typed(BronzeTable.CUSTOMERS, Customer.class);
    }

    public List<Account> accounts() {
        return typed(BronzeTable.ACCOUNTS, Account.class);
    }

    public List<Transaction> transactions() {
        return typed(BronzeTable.TRANSACTIONS, Transaction.class);
    }

    public List<CreditApplication> creditApplications() {
        return typed(BronzeTable.CREDIT_APPLICATIONS, CreditApplication.class);
    }

    public List<FraudAlert> fraudAlerts() {
        return typed(BronzeTable.FRAUD_ALERTS, FraudAlert.class);
    }

    public List<CustomerInteraction> customerInteractions() {
        return typed(BronzeTable.CUSTOMER_INTERACTIONS, CustomerInteraction.class);
    }

    public List<EconomicIndicator> economicIndicators() {
        return typed(BronzeTable.ECONOMIC_INDICATORS, EconomicIndicator.class);
    }

    public List<MarketingCampaign> marketingCampaigns() {
        return typed(BronzeTable.MARKETING_CAMPAIGNS, MarketingCampaign.class);
    }

    public List<LoanPayment> loanPayments() {
        return typed(BronzeTable.LOAN_PAYMENTS, LoanPayment.class);
    }

    public List<CustomerChange> customerChanges() {
        return typed(BronzeTable.CUSTOMER_CHANGES, CustomerChange.class);
    }

    public List<CampaignContact> campaignContacts() {
        return typed(BronzeTable.CAMPAIGN_CONTACTS, CampaignContact.class);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> typed(BronzeTable t, Class<T> type) {
        // every row of a table is of the table's record type (dirty rows too), checked when built
        return (List<T>) (List<?>) rows.get(t);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FinancialDataset[").append(spec.customers()).append(" customers, seed ")
                .append(spec.seed()).append(":");
        rows.forEach((t, l) -> sb.append(' ').append(t.tableName()).append('=').append(l.size()));
        return sb.append(']').toString();
    }
}
