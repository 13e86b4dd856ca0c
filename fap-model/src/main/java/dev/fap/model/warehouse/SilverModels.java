package dev.fap.model.warehouse;

import dev.fap.model.Check;
import dev.fap.model.Layer;
import dev.fap.model.Model;
import dev.fap.model.Severity;
import dev.fap.model.Sql;
import java.time.Duration;
import java.util.List;

/**
 * The silver layer of the FAP warehouse: the data clock and one staging model per bronze table, each
 * with the rules that send a row to {@code silver.quarantine} and the checks that run after the build.
 *
 * <p>Rule policy: a row is quarantined when it cannot be trusted as a fact (missing or malformed key,
 * missing or impossible amount, unknown code, a date after the data's "now", a reference to a row that
 * is not in silver, derived fields contradicting the row). Cosmetic defects (stray whitespace, wrong
 * case) are repaired, not quarantined. A malformed e-mail or phone does not discard a customer: the
 * value is nulled in silver, {@code email_valid}/{@code phone_valid} say so and a {@code warn} check
 * lists those customers. Orphans cascade: the accounts of a quarantined customer are quarantined with
 * the reason "customer ... not in silver", and so on down to transactions.
 *
 * <p>{@code _raw} is the bronze row itself ({@code b}), or for customers and their changes the bronze row
 * without its PII columns (a subquery's row); the engine turns it into JSON only for the rows it quarantines.
 */
final class SilverModels {
    /** "Now" of the data as a date, for rules: the end of its contiguous activity (see data_clock.sql). */
    static final String NOW_DATE = "(select as_of_date from silver.data_clock)";

    /** Customer attributes whose changes dim_customer versions (see gold/dim_customer.sql). */
    static final String TRACKED_ATTRIBUTES = "'address', 'email', 'phone', 'last_name', 'city', 'state', 'zip_code', 'country',"
            + " 'annual_income', 'credit_score', 'employment_status', 'employer', 'job_title', 'education_level', 'marital_status',"
            + " 'number_of_dependents', 'home_ownership', 'customer_segment', 'life_stage', 'risk_segment', 'loyalty_tier',"
            + " 'preferred_channel', 'marketing_opt_in', 'is_active'";
    private static final String CHANNELS = "('Online', 'Mobile', 'ATM', 'Branch', 'POS')";
    private static final String TRANSACTION_TYPES = "('Purchase', 'ATM', 'Fee', 'Deposit', 'Refund', 'Transfer', 'Payment')";
    /** One million: larger single amounts are typos (the generator's "absurd" amounts are 1000x real ones). */
    private static final String MAX_AMOUNT = "1000000";

    private SilverModels() {}

    static List<Model> all() {
        return List.of(dataClockDays(), dataClock(), products(), merchants(), customers(), accounts(), transactions(), creditApplications(),
                fraudAlerts(), interactions(), economicIndicators(), campaigns(), loanPayments(), customerChanges(),
                campaignContacts());
    }

    private static Model staging(String name, String bronzeTable, String key, String description) {
        return Model.staging(name, Layer.SILVER)
                .sql(Sql.resource("silver/" + name + ".sql"))
                .description(description)
                .tags("staging")
                .uniqueKey(key)
                .column("_batch_id", "load batch of the bronze row")
                .column("_loaded_at", "when the bronze row was loaded")
                .check(Check.unique(key))
                .check(Check.notNull(key))
                .check(Check.stagingReconciles("bronze." + bronzeTable));
    }

    static Model dataClockDays() {
        return Model.incremental("data_clock_days", Layer.SILVER)
                .sql(Sql.resource("silver/data_clock_days.sql"))
                .description("The data clock's state: one row per calendar day with transactions in bronze. Incremental: a run"
                        + " aggregates only the bronze batches loaded since the last one (bronze is append-only) and folds them"
                        + " into the days it holds, so the clock never reads all transactions again.")
                .tags("clock")
                .uniqueKey("d")
                .column("d", "calendar day of transaction_date")
                .column("last_ts", "latest transaction_date of the day, over all its rows")
                .column("plausible", "true if at least one of the day's rows was loaded on or after the day")
                .column("_batch_id", "greatest load batch that delivered a row of the day")
                .check(Check.unique("d"))
                .check(Check.notNull("d", "last_ts", "plausible"));
    }

    static Model dataClock() {
        return Model.table("data_clock", Layer.SILVER)
                .sql(Sql.resource("silver/data_clock.sql"))
                .description("The data's own \"now\": one row with the last day (and time) of contiguous transaction activity,"
                        + " used instead of the wall clock so that a rebuild of the same data gives the same gold.")
                .tags("clock")
                .column("as_of_date", "last day of contiguous activity (a far-future typo does not move it)")
                .column("as_of_ts", "latest transaction time on as_of_date")
                .column("data_start_date", "first day with a transaction")
                .column("active_days", "days with at least one transaction up to as_of_date")
                .check(Check.rowCount("select 1").name("one_row"))
                .check(Check.notNull("as_of_date", "as_of_ts", "data_start_date").severity(Severity.WARN).name("has_transactions"));
    }

    static Model products() {
        return staging("stg_products", "products", "product_id", "Product catalog, standardised.")
                .rule("missing_key", "product_id is not null", "product_id is missing")
                .rule("malformed_key", "product_id ~ '^P[0-9]+$'", "product_id is not of the form P<digits>")
                .rule("unknown_category", "product_category in ('Deposit', 'Credit', 'Loan', 'Investment')",
                        "category is not one of Deposit, Credit, Loan, Investment")
                .rule("rate_out_of_range", "interest_rate is null or interest_rate between 0 and 100",
                        "interest_rate is outside 0..100 percent")
                .rule("negative_amount", "coalesce(min_balance, 0) >= 0 and coalesce(monthly_fee, 0) >= 0 and coalesce(overdraft_limit, 0) >= 0",
                        "min_balance, monthly_fee or overdraft_limit is negative")
                .check(Check.notNull("product_name", "product_category"))
                .check(Check.acceptedValues("product_tier", "Basic", "Standard", "Premium").severity(Severity.WARN));
    }

    static Model merchants() {
        return staging("stg_merchants", "merchants", "merchant_id", "Merchant master, standardised.")
                .rule("missing_key", "merchant_id is not null", "merchant_id is missing")
                .rule("malformed_key", "merchant_id ~ '^M[0-9]+$'", "merchant_id is not of the form M<digits>")
                .rule("missing_category", "category is not null", "category is missing")
                .rule("unknown_risk_rating", "risk_rating is null or risk_rating in ('Low', 'Medium', 'High')",
                        "risk_rating is not one of Low, Medium, High")
                .rule("bad_coordinates", "(latitude is null or latitude between -90 and 90) and (longitude is null or longitude between -180 and 180)",
                        "latitude/longitude outside the globe")
                .rule("negative_amount", "avg_transaction_amount is null or avg_transaction_amount >= 0", "avg_transaction_amount is negative")
                .rule("absurd_amount", "avg_transaction_amount is null or avg_transaction_amount < " + MAX_AMOUNT,
                        "avg_transaction_amount of a million or more")
                .rule("future_date", "established_date is null or established_date <= " + NOW_DATE,
                        "established_date is after the data's last day")
                .check(Check.notNull("merchant_name"))
                .check(Check.expression("mcc_four_digits", "mcc_code is null or mcc_code ~ '^[0-9]{4}$'").severity(Severity.WARN));
    }

    static Model customers() {
        return staging("stg_customers", "customers", "customer_id",
                "Customers as at signup, standardised; PII masked (ssn_last4, email_masked, phone_masked) or hashed.")
                .rule("missing_key", "customer_id is not null", "customer_id is missing")
                .rule("malformed_key", "customer_id ~ '^C[0-9]+$'", "customer_id is not of the form C<digits>")
                .rule("missing_signup_date", "signup_date is not null", "signup_date is missing")
                .rule("future_date", "signup_date <= " + NOW_DATE, "signup_date is after the data's last day")
                .rule("credit_score_out_of_range", "credit_score is null or credit_score between 300 and 850",
                        "credit_score is outside 300..850")
                .rule("negative_amount", "annual_income is null or annual_income >= 0", "annual_income is negative")
                .rule("absurd_amount", "annual_income is null or annual_income < 5000000", "annual_income of 5 million or more")
                .rule("age_out_of_range", "age is null or age between 0 and 120", "age is outside 0..120")
                .rule("unknown_code", "(employment_status is null or employment_status in ('Employed', 'Self-Employed', 'Unemployed', 'Retired', 'Student'))"
                        + " and (preferred_channel is null or preferred_channel in " + CHANNELS + ")"
                        + " and (risk_segment is null or risk_segment in ('Low', 'Medium', 'High'))"
                        + " and (loyalty_tier is null or loyalty_tier in ('Bronze', 'Silver', 'Gold', 'Platinum'))",
                        "employment_status, preferred_channel, risk_segment or loyalty_tier is not a known code")
                .column("email_masked", "first letter and domain of the e-mail, e.g. j***@example.com; null if missing or malformed")
                .column("email_hash", "salted SHA-256 of the lower-case e-mail (setting fap.pii_salt)")
                .column("email_valid", "false when bronze had an e-mail that is not of the form local@domain.tld")
                .column("phone_masked", "last four digits of the phone, e.g. ***-***-4567; null if missing or malformed")
                .column("phone_valid", "false when bronze had a phone number that is neither 10 US digits nor +<country code> and 8-15 digits")
                .column("ssn_last4", "last four digits of the SSN; the full SSN never leaves bronze")
                .column("address_hash", "salted SHA-256 of the street address")
                .column("bank_churn_risk_score", "the bank's own churn estimate from bronze (not a fitted model)")
                .column("bank_customer_lifetime_value", "the bank's own lifetime-value estimate from bronze")
                .check(Check.expression("email_valid", "email_valid").severity(Severity.WARN))
                .check(Check.expression("phone_valid", "phone_valid").severity(Severity.WARN))
                .check(Check.expression("no_raw_pii", "ssn_last4 is null or ssn_last4 ~ '^[0-9]{4}$'"))
                .check(Check.notNull("first_name", "last_name", "state").severity(Severity.WARN));
    }

    static Model accounts() {
        return staging("stg_accounts", "accounts", "account_id", "Accounts, standardised; each belongs to a customer in silver.")
                .rule("missing_key", "account_id is not null", "account_id is missing")
                .rule("malformed_key", "account_id ~ '^A[0-9]+$'", "account_id is not of the form A<digits>")
                .rule("missing_customer", "customer_id is not null", "customer_id is missing")
                .rule("orphan_customer", inSilver("stg_accounts", "stg_customers", "customer_id"),
                        "customer_id is not in silver.stg_customers (unknown or quarantined)")
                .rule("orphan_product", inSilver("stg_accounts", "stg_products", "product_id"),
                        "product_id is not in silver.stg_products (unknown or quarantined)")
                .rule("missing_open_date", "open_date is not null", "open_date is missing")
                .rule("future_date", "open_date <= " + NOW_DATE, "open_date is after the data's last day")
                .rule("opened_before_signup", "open_date >= customer_signup_date", "the account opens before its customer signed up")
                .rule("closed_before_opened", "close_date is null or close_date >= open_date", "close_date is before open_date")
                .rule("unknown_status", "account_status in ('Active', 'Dormant', 'Closed', 'Frozen')",
                        "account_status is not one of Active, Dormant, Closed, Frozen")
                .rule("absurd_amount", "abs(coalesce(current_balance, 0)) < 100000000", "current_balance of 100 million or more")
                .column("customer_signup_date", "signup date of the owner (from stg_customers), for the opened_before_signup rule")
                .check(Check.relationships("customer_id", "silver.stg_customers", "customer_id"))
                .check(Check.relationships("product_id", "silver.stg_products", "product_id"))
                .check(Check.expression("closed_has_close_date", "account_status <> 'Closed' or close_date is not null").severity(Severity.WARN))
                .check(Check.expression("currency_iso", "currency ~ '^[A-Z]{3}$'"));
    }

    static Model transactions() {
        return staging("stg_transactions", "transactions", "transaction_id",
                "Transactions, standardised and validated against their account, customer and merchant.")
                .rule("missing_key", "transaction_id is not null", "transaction_id is missing")
                .rule("malformed_key", "transaction_id ~ '^T[0-9]+$'", "transaction_id is not of the form T<digits>")
                .rule("missing_account", "account_id is not null and customer_id is not null", "account_id or customer_id is missing")
                .rule("orphan_account", "account_customer_id is not null",
                        "account_id is not in silver.stg_accounts (unknown or quarantined)")
                // the two lookups are left joins in the SQL (rule-only columns): rules without a correlated subquery run in
                // the parallel workers of the build, with the cleaning (see Model.RULE_COLUMN_PREFIX)
                .rule("orphan_customer", "_rule_customer_known",
                        "customer_id is not in silver.stg_customers (unknown or quarantined)")
                .rule("account_of_other_customer", "customer_id = account_customer_id", "the account belongs to another customer")
                .rule("orphan_merchant", "merchant_id is null or _rule_merchant_known",
                        "merchant_id is not in silver.stg_merchants (unknown or quarantined)")
                .rule("missing_timestamp", "transaction_ts is not null", "transaction_date is missing")
                .rule("future_date", "transaction_date <= " + NOW_DATE, "transaction_date is after the data's last day")
                .rule("before_account_open", "transaction_date >= account_open_date", "the transaction predates its account")
                .rule("after_account_close", "account_close_date is null or transaction_date <= account_close_date",
                        "the transaction is after its account was closed")
                .rule("missing_amount", "amount is not null", "amount is missing")
                .rule("absurd_amount", "amount_abs < " + MAX_AMOUNT, "amount of a million or more")
                .rule("unknown_type", "transaction_type in " + TRANSACTION_TYPES,
                        "transaction_type is not one of Purchase, ATM, Fee, Deposit, Refund, Transfer, Payment")
                .rule("unknown_channel", "channel in " + CHANNELS, "channel is not one of Online, Mobile, ATM, Branch, POS")
                .rule("wrong_sign", "(transaction_type not in ('Purchase', 'ATM', 'Fee') or amount < 0)"
                        + " and (transaction_type not in ('Deposit', 'Refund') or amount > 0)",
                        "sign of amount contradicts transaction_type (purchases, ATM withdrawals and fees take money out;"
                                + " deposits and refunds bring it in)")
                .rule("hour_mismatch", "hour_of_day is null or hour_of_day = date_part('hour', transaction_ts)",
                        "hour_of_day does not match transaction_date")
                // is_weekend is compared with day_of_week once that matched: one date_part per row instead of two
                .rule("weekday_mismatch", "(day_of_week is null or day_of_week = date_part('isodow', transaction_ts))"
                        + " and (is_weekend is null or is_weekend = (coalesce(day_of_week, date_part('isodow', transaction_ts)) >= 6))",
                        "day_of_week or is_weekend does not match transaction_date")
                .rule("score_out_of_range", "(fraud_score is null or fraud_score between 0 and 1)"
                        + " and (merchant_risk_score is null or merchant_risk_score between 0 and 1)",
                        "fraud_score or merchant_risk_score is outside 0..1")
                .column("transaction_ts", "date and time of the transaction (bronze transaction_date)")
                .column("transaction_date", "calendar date of transaction_ts")
                .column("amount", "signed amount: negative for money leaving the account")
                .column("is_declined", "true when decline_reason is set: the transaction moved no money")
                .column("account_customer_id", "owner of the account (from stg_accounts), equal to customer_id")
                .column("account_open_date", "open date of the account, never after transaction_date")
                .column("account_close_date", "close date of the account, never before transaction_date")
                // the gold facts' incremental runs find the rows of new loads, and those of a day, without a scan
                .index("_loaded_at", "transaction_date")
                .check(Check.relationships("account_id", "silver.stg_accounts", "account_id"))
                .check(Check.relationships("customer_id", "silver.stg_customers", "customer_id"))
                .check(Check.relationships("merchant_id", "silver.stg_merchants", "merchant_id"))
                .check(Check.acceptedValues("channel", "Online", "Mobile", "ATM", "Branch", "POS"))
                .check(Check.range("hour_of_day", 0, 23))
                .check(Check.range("day_of_week", 1, 7))
                .check(Check.expression("declined_has_no_authorization", "not is_declined or authorization_code is null").severity(Severity.WARN))
                .check(Check.freshness("transaction_ts", Duration.ofDays(1), "select as_of_ts from silver.data_clock"));
    }

    static Model creditApplications() {
        return staging("stg_credit_applications", "credit_applications", "application_id", "Credit applications, validated.")
                .rule("missing_key", "application_id is not null", "application_id is missing")
                .rule("malformed_key", "application_id ~ '^L[0-9]+$'", "application_id is not of the form L<digits>")
                .rule("orphan_customer", inSilver("stg_credit_applications", "stg_customers", "customer_id"),
                        "customer_id is not in silver.stg_customers (unknown or quarantined)")
                .rule("orphan_product", "product_id is null or " + inSilver("stg_credit_applications", "stg_products", "product_id"),
                        "product_id is not in silver.stg_products")
                .rule("missing_date", "application_date is not null", "application_date is missing")
                .rule("future_date", "application_date <= " + NOW_DATE, "application_date is after the data's last day")
                .rule("decided_before_applied", "decision_date is null or decision_date >= application_date",
                        "decision_date is before application_date")
                .rule("unknown_decision", "decision in ('Approved', 'Declined', 'Pending')", "decision is not one of Approved, Declined, Pending")
                .rule("negative_amount", "coalesce(requested_amount, 0) >= 0 and coalesce(approved_amount, 0) >= 0",
                        "requested_amount or approved_amount is negative")
                .rule("absurd_amount", "coalesce(requested_amount, 0) < 100000000 and coalesce(approved_amount, 0) < 100000000",
                        "requested or approved amount of 100 million or more")
                .rule("score_out_of_range", "(credit_score_at_application is null or credit_score_at_application between 300 and 850)"
                        + " and (approval_probability_score is null or approval_probability_score between 0 and 1)",
                        "credit_score_at_application outside 300..850 or approval_probability_score outside 0..1")
                .check(Check.expression("approved_has_amount", "decision <> 'Approved' or approved_amount is not null").severity(Severity.WARN))
                .check(Check.acceptedValues("risk_grade", "A", "B", "C", "D", "E").severity(Severity.WARN));
    }

    static Model fraudAlerts() {
        return staging("stg_fraud_alerts", "fraud_alerts", "alert_id", "Fraud alerts, validated against their transaction.")
                .rule("missing_key", "alert_id is not null", "alert_id is missing")
                .rule("malformed_key", "alert_id ~ '^F[0-9]+$'", "alert_id is not of the form F<digits>")
                .rule("orphan_transaction", inSilver("stg_fraud_alerts", "stg_transactions", "transaction_id"),
                        "transaction_id is not in silver.stg_transactions (unknown or quarantined)")
                .rule("orphan_customer", inSilver("stg_fraud_alerts", "stg_customers", "customer_id"),
                        "customer_id is not in silver.stg_customers")
                .rule("missing_date", "alert_ts is not null", "alert_date is missing")
                .rule("future_date", "alert_date <= " + NOW_DATE, "alert_date is after the data's last day")
                .rule("unknown_severity", "alert_severity in ('Low', 'Medium', 'High', 'Critical')",
                        "alert_severity is not one of Low, Medium, High, Critical")
                .rule("negative_amount", "amount_recovered is null or amount_recovered >= 0", "amount_recovered is negative")
                .rule("absurd_amount", "amount_recovered is null or amount_recovered < " + MAX_AMOUNT, "amount_recovered of a million or more")
                .rule("resolved_before_raised", "resolution_date is null or resolution_date >= alert_date", "resolution_date is before alert_date")
                .check(Check.relationships("transaction_id", "silver.stg_transactions", "transaction_id"))
                .check(Check.acceptedValues("investigation_status", "Open", "Investigating", "Confirmed Fraud", "False Positive")
                        .severity(Severity.WARN));
    }

    static Model interactions() {
        return staging("stg_customer_interactions", "customer_interactions", "interaction_id", "Customer service contacts, validated.")
                .rule("missing_key", "interaction_id is not null", "interaction_id is missing")
                .rule("malformed_key", "interaction_id ~ '^I[0-9]+$'", "interaction_id is not of the form I<digits>")
                .rule("orphan_customer", inSilver("stg_customer_interactions", "stg_customers", "customer_id"),
                        "customer_id is not in silver.stg_customers (unknown or quarantined)")
                .rule("missing_date", "interaction_ts is not null", "interaction_date is missing")
                .rule("future_date", "interaction_date <= " + NOW_DATE, "interaction_date is after the data's last day")
                .rule("unknown_type", "interaction_type in ('Phone', 'Chat', 'Email', 'Branch Visit')",
                        "interaction_type is not one of Phone, Chat, Email, Branch Visit")
                .rule("rating_out_of_range", "satisfaction_rating is null or satisfaction_rating between 1 and 5",
                        "satisfaction_rating is outside 1..5")
                .rule("sentiment_out_of_range", "sentiment_score is null or sentiment_score between -1 and 1", "sentiment_score is outside -1..1")
                .rule("negative_duration", "duration_minutes is null or duration_minutes >= 0", "duration_minutes is negative")
                .check(Check.notNull("reason").severity(Severity.WARN));
    }

    static Model economicIndicators() {
        return staging("stg_economic_indicators", "economic_indicators", "indicator_date", "Monthly macroeconomic series.")
                .rule("missing_key", "indicator_date is not null", "date is missing")
                .rule("rate_out_of_range", "(unemployment_rate is null or unemployment_rate between 0 and 100)"
                        + " and (inflation_rate is null or inflation_rate between -50 and 100)"
                        + " and (federal_funds_rate is null or federal_funds_rate between -5 and 50)",
                        "a rate is outside its plausible range (percent)")
                .rule("negative_index", "coalesce(sp500_index, 0) >= 0 and coalesce(vix_index, 0) >= 0 and coalesce(housing_price_index, 0) >= 0",
                        "an index level is negative")
                .check(Check.expression("rates_are_percent", "unemployment_rate is null or unemployment_rate > 0.5").severity(Severity.WARN));
    }

    static Model campaigns() {
        return staging("stg_marketing_campaigns", "marketing_campaigns", "campaign_id", "Marketing campaigns with a consistent funnel.")
                .rule("missing_key", "campaign_id is not null", "campaign_id is missing")
                .rule("malformed_key", "campaign_id ~ '^K[0-9]+$'", "campaign_id is not of the form K<digits>")
                .rule("missing_dates", "start_date is not null and end_date is not null", "start_date or end_date is missing")
                .rule("ends_before_start", "end_date >= start_date", "end_date is before start_date")
                .rule("negative_amount", "coalesce(budget, 0) >= 0 and coalesce(impressions, 0) >= 0 and coalesce(clicks, 0) >= 0"
                        + " and coalesce(conversions, 0) >= 0", "budget or a funnel count is negative")
                .rule("absurd_amount", "coalesce(budget, 0) < 1000000000", "budget of a billion or more")
                .rule("clicks_exceed_impressions", "coalesce(clicks, 0) <= coalesce(impressions, 0)", "clicks exceed impressions")
                .rule("conversions_exceed_clicks", "coalesce(conversions, 0) <= coalesce(clicks, 0)", "conversions exceed clicks")
                .rule("unknown_type", "campaign_type in ('Email', 'Social', 'Display', 'Direct Mail', 'Search')",
                        "campaign_type is not one of Email, Social, Display, Direct Mail, Search")
                .rule("orphan_product", "product_promoted is null or "
                        + inSilver("stg_marketing_campaigns", "stg_products", List.of("product_id"), List.of("product_promoted")),
                        "product_promoted is not in silver.stg_products");
    }

    static Model loanPayments() {
        return staging("stg_loan_payments", "loan_payments", "payment_id", "Loan and card payments, validated against their account.")
                .rule("missing_key", "payment_id is not null", "payment_id is missing")
                .rule("malformed_key", "payment_id ~ '^Y[0-9]+$'", "payment_id is not of the form Y<digits>")
                .rule("orphan_account", inSilver("stg_loan_payments", "stg_accounts", "account_id", "customer_id"),
                        "account_id is not an account of customer_id in silver.stg_accounts (unknown or quarantined)")
                .rule("missing_date", "scheduled_date is not null", "scheduled_date is missing")
                .rule("future_date", "scheduled_date <= " + NOW_DATE + " and (actual_date is null or actual_date <= " + NOW_DATE + ")",
                        "scheduled_date or actual_date is after the data's last day")
                .rule("unknown_payment_method", "payment_method is null or payment_method in ('Autopay', 'Online', 'Branch', 'Check')",
                        "payment_method is not one of Autopay, Online, Branch, Check")
                .rule("negative_amount", "coalesce(scheduled_amount, 0) >= 0 and actual_amount >= 0 and late_fee >= 0"
                        + " and coalesce(outstanding_balance, 0) >= 0", "an amount is negative")
                .rule("absurd_amount", "coalesce(scheduled_amount, 0) < " + MAX_AMOUNT + " and actual_amount < " + MAX_AMOUNT,
                        "payment of a million or more")
                .rule("late_inconsistent", "days_late >= 0 and (is_late or days_late = 0)", "days_late is negative or set on a payment that is not late")
                .check(Check.expression("missed_is_late", "not is_missed or is_late").severity(Severity.WARN));
    }

    static Model customerChanges() {
        return staging("stg_customer_changes", "customer_changes", "change_id",
                "Dated changes of customer attributes (FAP extension), the source of dim_customer's history.")
                .rule("missing_key", "change_id is not null", "change_id is missing")
                .rule("orphan_customer", inSilver("stg_customer_changes", "stg_customers", "customer_id"),
                        "customer_id is not in silver.stg_customers (unknown or quarantined)")
                .rule("missing_date", "change_date is not null", "change_date is missing")
                .rule("future_date", "change_date <= " + NOW_DATE, "change_date is after the data's last day")
                .rule("unknown_attribute", "attribute in (" + TRACKED_ATTRIBUTES + ")",
                        "attribute is not a tracked customer attribute")
                .rule("bad_number", "attribute not in ('annual_income', 'credit_score', 'number_of_dependents')"
                        + " or new_value ~ '^-?[0-9]+(\\.[0-9]+)?$'", "new_value of a numeric attribute is not a number")
                .rule("bad_boolean", "attribute not in ('is_active', 'marketing_opt_in') or new_value in ('true', 'false', 't', 'f')",
                        "new_value of a true/false attribute is not true or false")
                .rule("missing_value", "new_value is not null or attribute in ('employer', 'job_title')", "new_value is missing");
    }

    static Model campaignContacts() {
        return staging("stg_campaign_contacts", "campaign_contacts", "contact_id",
                "Campaign treatment/control assignments (FAP extension), the basis of causal analysis.")
                .rule("missing_key", "contact_id is not null", "contact_id is missing")
                .rule("orphan_campaign", inSilver("stg_campaign_contacts", "stg_marketing_campaigns", "campaign_id"),
                        "campaign_id is not in silver.stg_marketing_campaigns (unknown or quarantined)")
                .rule("orphan_customer", inSilver("stg_campaign_contacts", "stg_customers", "customer_id"),
                        "customer_id is not in silver.stg_customers (unknown or quarantined)")
                .rule("unknown_assignment", "assignment in ('Treatment', 'Control')", "assignment is not Treatment or Control")
                .rule("future_date", "contact_date is null or contact_date <= " + NOW_DATE, "contact_date is after the data's last day")
                .rule("funnel_inconsistent", "(not clicked or opened) and (assignment = 'Treatment' or not opened)",
                        "clicked without opening, or a control customer who opened")
                .check(Check.acceptedValues("assignment", "Treatment", "Control"));
    }

    /**
     * A rule predicate: the row's {@code columns} name a row of {@code silver.<table>} (its {@code keys}, pairwise).
     * A correlated {@code exists}, qualified by the model's name (the engine's alias of the candidate rows), is an
     * index probe on the referenced table's unique key per row at any size; {@code col in (select ...)} inside the
     * engine's rule {@code case} is a hashed subplan only while the keys fit in work_mem and beyond that (10M
     * transactions for stg_fraud_alerts) a scan of the whole table per row. A null column fails the rule either way.
     */
    private static String inSilver(String self, String table, List<String> keys, List<String> columns) {
        StringBuilder sb = new StringBuilder("exists (select 1 from silver.").append(table).append(" r where ");
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i == 0 ? "" : " and ").append("r.").append(keys.get(i)).append(" = ").append(self).append('.').append(columns.get(i));
        }
        return sb.append(')').toString();
    }

    /** {@link #inSilver(String, String, List, List)} where the row's columns have the key's names. */
    private static String inSilver(String self, String table, String... keys) {
        return inSilver(self, table, List.of(keys), List.of(keys));
    }
}
