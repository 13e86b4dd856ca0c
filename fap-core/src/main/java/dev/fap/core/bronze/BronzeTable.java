package dev.fap.core.bronze;

import static dev.fap.core.bronze.ColumnType.BIGINT;
import static dev.fap.core.bronze.ColumnType.BOOLEAN;
import static dev.fap.core.bronze.ColumnType.DATE;
import static dev.fap.core.bronze.ColumnType.DECIMAL;
import static dev.fap.core.bronze.ColumnType.DOUBLE;
import static dev.fap.core.bronze.ColumnType.INTEGER;
import static dev.fap.core.bronze.ColumnType.MONEY;
import static dev.fap.core.bronze.ColumnType.TEXT;
import static dev.fap.core.bronze.ColumnType.TIMESTAMP;

import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The bronze contract: the raw tables, their columns (names from the original platform) and types.
 *
 * <p>Defined once here and used by the generator (what it writes), the loader (DDL and COPY) and
 * the model (what silver reads). The eleven tables of the original platform come first, in an order
 * where every table only references tables before it; two extension tables follow that the original
 * lacked and that FAP needs for a real SCD Type 2 history and for causal analysis of campaigns.
 *
 * <p>Conventions: identifiers are text with a fixed prefix and zero padding ({@code C0000042}), so
 * they sort numerically; {@code transactions.amount} is signed (negative = money leaves the
 * account); a transaction is declined exactly when {@code decline_reason} is not null and then moves
 * no money; {@code day_of_week} is ISO (1 = Monday … 7 = Sunday); economic rates are percentages
 * (3.5 means 3.5 %), index columns are index levels.
 *
 * <p>Every bronze table also carries two load columns, {@link #BATCH_ID_COLUMN} and
 * {@link #LOADED_AT_COLUMN}, stamped by the loader; they are not part of {@link #columns()}.
 *
 * <pre>{@code
 * for (BronzeTable t : BronzeTable.values()) {
 *     System.out.println(t.createTableSql("bronze"));
 * }
 * BronzeTable.of("transactions").columnNames(); // [transaction_id, account_id, ...]
 * }</pre>
 */
public enum BronzeTable {
    PRODUCTS("products", "product_id", false, "Product catalog: the bank's 10 products.",
            key("product_id", "product identifier, e.g. P01"),
            col("product_name", TEXT, "display name, e.g. Premium Card"),
            col("category", TEXT, "Deposit, Credit, Loan or Investment"),
            col("interest_rate", DECIMAL, "annual rate in percent (paid on deposits, charged on credit)"),
            col("min_balance", MONEY, "minimum balance to avoid the monthly fee"),
            col("monthly_fee", MONEY, "monthly maintenance fee"),
            col("overdraft_limit", MONEY, "overdraft allowed on the account, 0 if none"),
            col("product_tier", TEXT, "Basic, Standard, Premium"),
            col("is_premium", BOOLEAN, "true for premium products")),

    MERCHANTS("merchants", "merchant_id", false, "Merchant master with geography and risk.",
            key("merchant_id", "merchant identifier, e.g. M00042"),
            col("merchant_name", TEXT, "trading name"),
            col("category", TEXT, "merchant category, e.g. Grocery, Travel, Online Shopping"),
            col("mcc_code", TEXT, "ISO 18245 merchant category code, 4 digits"),
            col("city", TEXT, "city of the merchant"),
            col("state", TEXT, "US state abbreviation"),
            col("country", TEXT, "ISO 3166 alpha-2 country code"),
            col("latitude", DOUBLE, "latitude in degrees"),
            col("longitude", DOUBLE, "longitude in degrees"),
            col("risk_rating", TEXT, "Low, Medium or High fraud risk"),
            col("avg_transaction_amount", MONEY, "typical ticket size at this merchant"),
            col("is_online", BOOLEAN, "true for e-commerce merchants"),
            col("established_date", DATE, "date the merchant was established")),

    CUSTOMERS("customers", "customer_id", false, "Customer demographics as at signup (changes: customer_changes).",
            key("customer_id", "customer identifier, e.g. C0000042"),
            col("first_name", TEXT, "given name"),
            col("last_name", TEXT, "family name"),
            col("email", TEXT, "email address (PII)"),
            col("phone", TEXT, "phone number (PII)"),
            col("date_of_birth", DATE, "date of birth (PII)"),
            col("age", INTEGER, "age in whole years at the dataset's end date"),
            col("ssn", TEXT, "social security number, synthetic (PII: never beyond bronze)"),
            col("address", TEXT, "street address (PII)"),
            col("city", TEXT, "city"),
            col("state", TEXT, "US state abbreviation"),
            col("zip_code", TEXT, "5-digit ZIP code, text to keep leading zeros"),
            col("country", TEXT, "ISO 3166 alpha-2 country code"),
            col("signup_date", DATE, "date the customer joined the bank"),
            col("credit_score", INTEGER, "FICO-like score, 300-850"),
            col("annual_income", MONEY, "gross annual income"),
            col("employment_status", TEXT, "Employed, Self-Employed, Unemployed, Retired, Student"),
            col("employer", TEXT, "employer name, null if not employed"),
            col("job_title", TEXT, "job title, null if not employed"),
            col("education_level", TEXT, "High School, Bachelor, Master, Doctorate, ..."),
            col("marital_status", TEXT, "Single, Married, Divorced, Widowed"),
            col("number_of_dependents", INTEGER, "number of dependents"),
            col("home_ownership", TEXT, "Own, Mortgage, Rent"),
            col("customer_segment", TEXT, "Mass, Affluent, High Net Worth, ..."),
            col("life_stage", TEXT, "Young Adult, Family, Established, Pre-Retirement, Retired"),
            col("risk_segment", TEXT, "Low, Medium or High credit risk"),
            col("is_active", BOOLEAN, "false once the customer has churned"),
            col("preferred_channel", TEXT, "Online, Mobile, ATM, Branch, POS"),
            col("marketing_opt_in", BOOLEAN, "consent to marketing"),
            col("loyalty_tier", TEXT, "Bronze, Silver, Gold, Platinum"),
            col("customer_lifetime_value", MONEY, "the bank's estimate of lifetime value"),
            col("churn_risk_score", DECIMAL, "the bank's churn risk estimate in [0,1]"),
            col("last_login_date", DATE, "last digital login"),
            col("acquisition_channel", TEXT, "how the customer was acquired")),

    ACCOUNTS("accounts", "account_id", false, "Accounts: one product held by one customer.",
            key("account_id", "account identifier, e.g. A00000042"),
            col("customer_id", TEXT, "owner, references customers"),
            col("product_id", TEXT, "product, references products"),
            col("account_number", TEXT, "12-digit account number"),
            col("account_status", TEXT, "Active, Dormant, Closed, Frozen"),
            col("open_date", DATE, "date opened, never before the customer's signup"),
            col("close_date", DATE, "date closed, null while open"),
            col("current_balance", MONEY, "balance at the dataset's end (negative = owed on credit/loans)"),
            col("available_balance", MONEY, "balance plus unused credit or overdraft"),
            col("credit_limit", MONEY, "credit limit for cards, null otherwise"),
            col("currency", TEXT, "ISO 4217 currency"),
            col("interest_rate", DECIMAL, "annual rate in percent"),
            col("minimum_payment", MONEY, "minimum monthly payment for credit and loans"),
            col("payment_due_date", DATE, "next payment due date for credit and loans"),
            col("last_statement_date", DATE, "last statement date"),
            col("autopay_enabled", BOOLEAN, "autopay on"),
            col("overdraft_protection", BOOLEAN, "overdraft protection on"),
            col("primary_account", BOOLEAN, "the customer's primary account")),

    TRANSACTIONS("transactions", "transaction_id", false, "Card and account transactions.",
            key("transaction_id", "transaction identifier, e.g. T000000042"),
            col("account_id", TEXT, "account, references accounts"),
            col("customer_id", TEXT, "customer, references customers"),
            col("merchant_id", TEXT, "merchant, references merchants; null for deposits, transfers, fees"),
            col("transaction_date", TIMESTAMP, "date and time of the transaction (bank local time)"),
            col("transaction_type", TEXT, "Purchase, ATM, Fee, Deposit, Refund, Transfer, Payment"),
            col("amount", MONEY, "signed amount: negative for money leaving the account"),
            col("currency", TEXT, "ISO 4217 currency"),
            col("channel", TEXT, "Online, Mobile, ATM, Branch, POS"),
            col("merchant_category", TEXT, "merchant category, null without merchant"),
            col("mcc_code", TEXT, "merchant category code, null without merchant"),
            col("description", TEXT, "statement text"),
            col("is_fraud", BOOLEAN, "confirmed fraud (ground truth)"),
            col("fraud_score", DECIMAL, "the bank's real-time fraud score in [0,1]"),
            col("location_city", TEXT, "city where the transaction took place"),
            col("location_state", TEXT, "state where the transaction took place"),
            col("location_country", TEXT, "country where the transaction took place"),
            col("latitude", DOUBLE, "latitude of the transaction"),
            col("longitude", DOUBLE, "longitude of the transaction"),
            col("device_id", TEXT, "device identifier for digital channels"),
            col("ip_address", TEXT, "IPv4 address for digital channels"),
            col("is_international", BOOLEAN, "location country differs from the customer's"),
            col("authorization_code", TEXT, "6-character authorization code, null when declined"),
            col("card_last_four", TEXT, "last four digits of the card"),
            col("is_recurring", BOOLEAN, "recurring payment (subscriptions, utilities)"),
            col("hour_of_day", INTEGER, "0-23, derived from transaction_date"),
            col("day_of_week", INTEGER, "ISO day of week 1 (Monday) - 7 (Sunday), derived from transaction_date"),
            col("is_weekend", BOOLEAN, "Saturday or Sunday, derived from transaction_date"),
            col("distance_from_home_km", DOUBLE, "great-circle distance from the customer's home"),
            col("merchant_risk_score", DECIMAL, "merchant risk in [0,1]"),
            col("velocity_24h", INTEGER, "transactions of the same account in the preceding 24 hours"),
            col("amount_deviation_score", DECIMAL, "z-score of |amount| against the customer's usual ticket"),
            col("processing_time_ms", INTEGER, "authorization latency in milliseconds"),
            col("decline_reason", TEXT, "Insufficient Funds, Invalid Card, Fraud Suspected, ...; null when approved")),

    CREDIT_APPLICATIONS("credit_applications", "application_id", false, "Applications for credit products.",
            key("application_id", "application identifier, e.g. L0000042"),
            col("customer_id", TEXT, "applicant, references customers"),
            col("product_id", TEXT, "product applied for, references products"),
            col("application_date", DATE, "date of application"),
            col("requested_amount", MONEY, "amount requested"),
            col("requested_term_months", INTEGER, "term requested in months"),
            col("credit_score_at_application", INTEGER, "credit score when applying"),
            col("annual_income", MONEY, "stated annual income"),
            col("debt_to_income_ratio", DECIMAL, "debt-to-income ratio as a fraction"),
            col("employment_length_years", INTEGER, "years with the current employer"),
            col("decision", TEXT, "Approved, Declined, Pending"),
            col("decision_date", DATE, "date of the decision, null while pending"),
            col("approved_amount", MONEY, "approved amount, null unless approved"),
            col("approved_rate", DECIMAL, "approved annual rate in percent, null unless approved"),
            col("application_channel", TEXT, "Online, Mobile, Branch"),
            col("approval_probability_score", DECIMAL, "the bank's approval probability in [0,1]"),
            col("risk_grade", TEXT, "A (best) - E (worst)")),

    FRAUD_ALERTS("fraud_alerts", "alert_id", false, "Alerts raised by fraud monitoring.",
            key("alert_id", "alert identifier, e.g. F0000042"),
            col("transaction_id", TEXT, "alerted transaction, references transactions"),
            col("customer_id", TEXT, "customer, references customers"),
            col("account_id", TEXT, "account, references accounts"),
            col("alert_date", TIMESTAMP, "when the alert was raised (at or after the transaction)"),
            col("alert_type", TEXT, "Unusual Amount, Velocity, Geographic, Merchant Risk, Night Activity"),
            col("alert_severity", TEXT, "Low, Medium, High, Critical"),
            col("investigation_status", TEXT, "Open, Investigating, Confirmed Fraud, False Positive"),
            col("resolution_date", DATE, "date resolved, null while open"),
            col("amount_recovered", MONEY, "amount recovered, never negative"),
            col("assigned_to", TEXT, "analyst"),
            col("notes", TEXT, "free text")),

    CUSTOMER_INTERACTIONS("customer_interactions", "interaction_id", false, "Contacts with customer service.",
            key("interaction_id", "interaction identifier, e.g. I0000042"),
            col("customer_id", TEXT, "customer, references customers"),
            col("interaction_date", TIMESTAMP, "when the contact happened"),
            col("interaction_type", TEXT, "Phone, Chat, Email, Branch Visit"),
            col("reason", TEXT, "Card Declined, Fraud Concern, Fee Dispute, Account Inquiry, ..."),
            col("duration_minutes", INTEGER, "length of the contact"),
            col("sentiment_score", DECIMAL, "sentiment in [-1,1]"),
            col("satisfaction_rating", INTEGER, "1 (worst) - 5 (best), null if not rated"),
            col("resolved", BOOLEAN, "resolved at first contact"),
            col("escalated", BOOLEAN, "escalated to a supervisor"),
            col("agent_id", TEXT, "agent"),
            col("notes", TEXT, "free text")),

    ECONOMIC_INDICATORS("economic_indicators", "date", false, "Monthly macroeconomic series.",
            new Column("date", DATE, false, "first day of the month"),
            col("gdp_growth_rate", DECIMAL, "real GDP growth, percent year over year"),
            col("unemployment_rate", DECIMAL, "unemployment rate, percent"),
            col("inflation_rate", DECIMAL, "CPI inflation, percent year over year"),
            col("federal_funds_rate", DECIMAL, "federal funds rate, percent"),
            col("sp500_index", DECIMAL, "S&P 500 index level"),
            col("vix_index", DECIMAL, "VIX volatility index level"),
            col("consumer_confidence_index", DECIMAL, "consumer confidence index level"),
            col("housing_price_index", DECIMAL, "housing price index level"),
            col("treasury_yield_10yr", DECIMAL, "10-year treasury yield, percent"),
            col("mortgage_rate_30yr", DECIMAL, "30-year fixed mortgage rate, percent")),

    MARKETING_CAMPAIGNS("marketing_campaigns", "campaign_id", false, "Marketing campaigns with funnel totals.",
            key("campaign_id", "campaign identifier, e.g. K0042"),
            col("campaign_name", TEXT, "name"),
            col("campaign_type", TEXT, "Email, Social, Display, Direct Mail, Search"),
            col("start_date", DATE, "first day"),
            col("end_date", DATE, "last day, not before start_date"),
            col("target_segment", TEXT, "customer_segment targeted"),
            col("budget", MONEY, "budget"),
            col("impressions", BIGINT, "impressions"),
            col("clicks", BIGINT, "clicks, at most impressions"),
            col("conversions", BIGINT, "conversions, at most clicks"),
            col("cost_per_acquisition", MONEY, "budget / conversions, null without conversions"),
            col("roi", DECIMAL, "return on investment as a fraction"),
            col("product_promoted", TEXT, "product promoted, references products")),

    LOAN_PAYMENTS("loan_payments", "payment_id", false, "Scheduled and actual payments on loans and cards.",
            key("payment_id", "payment identifier, e.g. Y000000042"),
            col("account_id", TEXT, "loan or card account, references accounts"),
            col("customer_id", TEXT, "customer, references customers"),
            col("scheduled_date", DATE, "due date"),
            col("actual_date", DATE, "date paid, null if missed"),
            col("scheduled_amount", MONEY, "amount due"),
            col("actual_amount", MONEY, "amount paid, 0 if missed"),
            col("is_late", BOOLEAN, "paid after the due date or missed"),
            col("days_late", INTEGER, "days after the due date, 0 if on time"),
            col("late_fee", MONEY, "late fee charged"),
            col("payment_method", TEXT, "Autopay, Online, Branch, Check"),
            col("outstanding_balance", MONEY, "principal outstanding after the payment")),

    /** Extension: dated changes of customer attributes, the source of dim_customer's SCD2 history. */
    CUSTOMER_CHANGES("customer_changes", "change_id", true, "Dated changes of customer attributes (FAP extension).",
            key("change_id", "change identifier, e.g. H0000042"),
            col("customer_id", TEXT, "customer, references customers"),
            col("change_date", DATE, "date from which the new value holds"),
            col("attribute", TEXT, "changed column of customers: address, city, state, zip_code, annual_income, customer_segment, loyalty_tier, ..."),
            col("old_value", TEXT, "value before, as text"),
            col("new_value", TEXT, "value after, as text")),

    /** Extension: which customers a campaign targeted or held out, the basis of causal analysis. */
    CAMPAIGN_CONTACTS("campaign_contacts", "contact_id", true, "Campaign treatment and control assignment (FAP extension).",
            key("contact_id", "contact identifier, e.g. X0000042"),
            col("campaign_id", TEXT, "campaign, references marketing_campaigns"),
            col("customer_id", TEXT, "customer, references customers"),
            col("assignment", TEXT, "Treatment or Control (randomised hold-out)"),
            col("contact_date", DATE, "date contacted (or would have been, for control)"),
            col("opened", BOOLEAN, "opened the message (false for control)"),
            col("clicked", BOOLEAN, "clicked (implies opened)"),
            col("converted", BOOLEAN, "took up the promoted product (implies clicked for treatment)"));

    /** Load column: the id of the load batch that wrote the row. */
    public static final String BATCH_ID_COLUMN = "_batch_id";
    /** Load column: when the row was loaded. */
    public static final String LOADED_AT_COLUMN = "_loaded_at";

    private final String tableName;
    private final String primaryKey;
    private final boolean extension;
    private final String description;
    private final List<Column> columns;

    BronzeTable(String tableName, String primaryKey, boolean extension, String description, Column... columns) {
        this.tableName = tableName;
        this.primaryKey = primaryKey;
        this.extension = extension;
        this.description = description;
        this.columns = List.of(columns);
    }

    private static Column key(String name, String description) {
        return new Column(name, TEXT, false, description);
    }

    private static Column col(String name, ColumnType type, String description) {
        return new Column(name, type, true, description);
    }

    /** Table name without schema, e.g. {@code transactions}. */
    public String tableName() {
        return tableName;
    }

    /** The natural key column. Bronze does not enforce it (raw data may repeat keys); silver does. */
    public String primaryKey() {
        return primaryKey;
    }

    /** True for the tables FAP adds to the original eleven. */
    public boolean isExtension() {
        return extension;
    }

    public String description() {
        return description;
    }

    /** Data columns in contract order (without the load columns). */
    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The column with this name. */
    public Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw FapException.invalidArgument("table " + tableName + " has no column '" + name + "'",
                "use one of " + columnNames());
    }

    /** Index of a column in {@link #columns()}. */
    public int indexOf(String name) {
        return columns.indexOf(column(name));
    }

    /** The table for a name such as {@code "transactions"} (case-insensitive). */
    public static BronzeTable of(String tableName) {
        String wanted = tableName.trim().toLowerCase(Locale.ROOT);
        for (BronzeTable t : values()) {
            if (t.tableName.equals(wanted)) {
                return t;
            }
        }
        throw FapException.invalidArgument("unknown bronze table '" + tableName + "'",
                "use one of " + Arrays.stream(values()).map(BronzeTable::tableName).collect(Collectors.joining(", ")));
    }

    /** The eleven tables of the original platform, in dependency order. */
    public static List<BronzeTable> original() {
        return Arrays.stream(values()).filter(t -> !t.extension).toList();
    }

    /**
     * {@code CREATE TABLE IF NOT EXISTS} for this table in {@code schema}, with the two load columns.
     * Bronze keeps raw data as delivered, so no keys or constraints beyond types are declared.
     */
    public String createTableSql(String schema) {
        List<String> defs = new ArrayList<>();
        for (Column c : columns) {
            defs.add("    " + c.name() + " " + c.type().sql());
        }
        defs.add("    " + BATCH_ID_COLUMN + " bigint");
        defs.add("    " + LOADED_AT_COLUMN + " timestamptz not null default now()");
        return "create table if not exists " + schema + "." + tableName + " (\n" + String.join(",\n", defs) + "\n)";
    }

    /** Pages per range of the {@link #batchIndexName() batch index}: a day's batch of a 1M-row table is then read as a few dozen pages. */
    static final int BATCH_INDEX_PAGES_PER_RANGE = 16;

    /**
     * Name of the BRIN index on {@code _batch_id}, e.g. {@code transactions_batch_brin}. Rows are appended batch after batch,
     * so a batch occupies a contiguous run of pages: an incremental build's {@code _batch_id > N} then reads those pages
     * instead of the whole table. The loader summarizes the new pages after each batch (see {@link BronzeBatch#commit()}).
     */
    public String batchIndexName() {
        return tableName + "_batch_brin";
    }

    /**
     * {@code CREATE INDEX IF NOT EXISTS} of the {@link #batchIndexName() batch index} in {@code schema}: a BRIN index
     * (a few pages per 10M rows; the COPY of a batch only extends its unsummarized tail).
     */
    public String createBatchIndexSql(String schema) {
        return "create index if not exists " + batchIndexName() + " on " + schema + "." + tableName + " using brin ("
                + BATCH_ID_COLUMN + ") with (pages_per_range = " + BATCH_INDEX_PAGES_PER_RANGE + ")";
    }

    /** {@code COMMENT ON} statements for the table and each column. */
    public List<String> commentSql(String schema) {
        List<String> sql = new ArrayList<>();
        sql.add("comment on table " + schema + "." + tableName + " is " + quote(description));
        for (Column c : columns) {
            sql.add("comment on column " + schema + "." + tableName + "." + c.name() + " is " + quote(c.description()));
        }
        return sql;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
