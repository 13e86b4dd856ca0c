package dev.fap.model.warehouse;

import dev.fap.model.Check;
import dev.fap.model.Layer;
import dev.fap.model.Model;
import dev.fap.model.Severity;
import dev.fap.model.Sql;
import java.time.Duration;
import java.util.List;

/**
 * The gold star schema of the FAP warehouse: four dimensions and three facts, with their checks.
 * Surrogate keys are derived from natural keys (never hashes or sequences), so they are the same on
 * every rebuild of the same data.
 */
final class GoldModels {
    private GoldModels() {}

    static List<Model> all() {
        return List.of(dimDate(), dimProduct(), dimMerchant(), dimCustomer(), factTransactions(), factAccountDailySnapshot(),
                factCustomerMonthly());
    }

    static Model dimDate() {
        return Model.incremental("dim_date", Layer.GOLD)
                .sql(Sql.resource("gold/dim_date.sql"))
                .description("Calendar 2020-2030 (widened to cover the data) with ISO weeks, US federal holidays and fiscal periods."
                        + " Incremental: a run adds only the days it does not hold yet (a day's attributes never change).")
                .tags("dimension")
                .uniqueKey("date_key")
                .index("full_date")
                .column("date_key", "yyyymmdd as an integer, e.g. 20240315")
                .column("full_date", "the date")
                .column("day_of_week", "ISO day of week, 1 = Monday .. 7 = Sunday")
                .column("fiscal_year", "US federal fiscal year (October to September), named after the year it ends in")
                .check(Check.unique("date_key"))
                .check(Check.unique("full_date"))
                .check(Check.notNull("date_key", "full_date", "year", "month", "day_of_week"))
                .check(Check.range("day_of_week", 1, 7))
                .check(Check.expression("covers_2020_2030", "(select min(full_date) from gold.dim_date) <= date '2020-01-01'"
                        + " and (select max(full_date) from gold.dim_date) >= date '2030-12-31'").name("covers_2020_2030"))
                .check(Check.expression("contiguous", "(select count(*) from gold.dim_date)"
                        + " = (select max(full_date) - min(full_date) + 1 from gold.dim_date)"));
    }

    static Model dimProduct() {
        return Model.incremental("dim_product", Layer.GOLD)
                .sql(Sql.resource("gold/dim_product.sql"))
                .description("Products: category, tier, pricing and family flags. Incremental: merged in place (changed rows"
                        + " updated, new inserted, vanished deleted).")
                .tags("dimension")
                .uniqueKey("product_key")
                .column("product_key", "surrogate key: the number in product_id (P07 -> 7)")
                .check(Check.unique("product_key"))
                .check(Check.unique("product_id"))
                .check(Check.notNull("product_key", "product_id", "product_name", "product_category"))
                .check(Check.acceptedValues("product_category", "Deposit", "Credit", "Loan", "Investment"));
    }

    static Model dimMerchant() {
        return Model.incremental("dim_merchant", Layer.GOLD)
                .sql(Sql.resource("gold/dim_merchant.sql"))
                .description("Merchants with geography (US census region) and risk. Incremental: merged in place (changed rows"
                        + " updated, new inserted, vanished deleted).")
                .tags("dimension")
                .uniqueKey("merchant_key")
                .column("merchant_key", "surrogate key: the number in merchant_id (M00042 -> 42)")
                .column("region", "in the home country (most frequent customer country): US census region, elsewhere the state code; abroad: International")
                .column("risk_rank", "1 = Low, 2 = Medium, 3 = High")
                .check(Check.unique("merchant_key"))
                .check(Check.unique("merchant_id"))
                .check(Check.notNull("merchant_key", "merchant_id", "merchant_name", "category"))
                .check(Check.acceptedValues("risk_rating", "Low", "Medium", "High"))
                .check(Check.range("latitude", -90, 90))
                .check(Check.range("longitude", -180, 180))
                .check(Check.rowCount("select count(*) from silver.stg_merchants").name("reconciles_silver"));
    }

    static Model dimCustomer() {
        return Model.incremental("dim_customer", Layer.GOLD)
                .sql(Sql.resource("gold/dim_customer.sql"))
                .description("Customers, SCD Type 2: a version per date on which tracked attributes changed"
                        + " (silver.stg_customer_changes); validity is valid_from <= d < valid_to. Incremental: every version is"
                        + " recomputed and merged in place (changed versions updated, new inserted, vanished deleted), so keys and"
                        + " contents equal a full refresh. No column depends on the data clock, so a day's run writes only the"
                        + " versions that changed; tenure as of now is silver.data_clock.as_of_date - signup_date.")
                .tags("dimension", "scd2")
                .uniqueKey("customer_key")
                .index("customer_id", "valid_from")
                .column("customer_key", "surrogate key = (number in customer_id) * 100000 + (valid_from - 1900-01-01): stable across rebuilds")
                .column("customer_id", "natural key")
                .column("valid_from", "first day of this version (the signup date for the first version)")
                .column("valid_to", "day after the last day of this version; 9999-12-31 while current")
                .column("is_current", "true for the version valid now")
                .column("version_number", "1 for the first version of a customer, then 2, 3, ...")
                .column("changed_attributes", "attributes that changed when this version began (empty for the first)")
                .column("tenure_days_at_valid_from", "days from signup to valid_from: the customer's tenure when this version began"
                        + " (0 for the first version); tenure as of now is silver.data_clock.as_of_date - signup_date")
                .column("bank_churn_risk_score", "the bank's own churn estimate from bronze (not a fitted model)")
                .check(Check.unique("customer_key"))
                .check(Check.unique("customer_id", "valid_from"))
                .check(Check.notNull("customer_key", "customer_id", "valid_from", "valid_to", "is_current"))
                .check(Check.scd2OneCurrent("customer_id"))
                .check(Check.scd2NoOverlap("customer_id"))
                .check(Check.expression("every_customer_current", "(select count(distinct customer_id) from gold.dim_customer where is_current)"
                        + " = (select count(*) from silver.stg_customers)"))
                .check(Check.expression("no_gaps", "valid_to = date '9999-12-31'"
                        + " or (customer_id, valid_to) in (select n.customer_id, n.valid_from from gold.dim_customer n)"))
                .check(Check.range("credit_score", 300, 850))
                .check(Check.acceptedValues("credit_score_band", "Poor", "Fair", "Good", "Very Good", "Exceptional"))
                .check(Check.expression("no_raw_ssn", "ssn_last4 is null or length(ssn_last4) = 4"));
    }

    static Model factTransactions() {
        return Model.incremental("fact_transactions", Layer.GOLD)
                .sql(Sql.resource("gold/fact_transactions.sql"))
                .description("One row per transaction with 40+ measures and flags; customer_key is the dim_customer version valid"
                        + " on the transaction date. Incremental: a run merges the silver rows loaded after the newest load in the table.")
                .tags("fact")
                .uniqueKey("transaction_id")
                // a customer's rows from a month on (its versions' keys are a range: see dim_customer), which
                // fact_customer_monthly's incremental runs read; integer keys: a cheap index to build
                .index("customer_key", "transaction_date")
                .column("transaction_key", "the number in transaction_id")
                .column("transaction_amount", "signed amount: negative for money out")
                .column("transaction_amount_abs", "absolute amount")
                .column("net_amount", "signed amount that moved: 0 when declined")
                .column("amount_abs_cents", "transaction_amount_abs in cents (bigint, exact): sums and squares without numeric arithmetic")
                .column("channel_code", "channel as a code: 1 Online, 2 Mobile, 3 ATM, 4 Branch, 5 POS")
                .column("transaction_type_code", "transaction_type as a code: 1 Purchase, 2 ATM, 3 Fee, 4 Deposit, 5 Refund, 6 Transfer, 7 Payment")
                .column("is_high_amount_deviation", "amount_deviation_score >= 2 (false when unknown): a card-fraud signal")
                .column("is_high_velocity", "velocity_24h >= 2 (false when unknown): a card-fraud signal")
                .column("is_far_from_home", "distance_from_home_km >= 100 (false when unknown): a card-fraud signal")
                .column("is_high_merchant_risk_score", "merchant_risk_score >= 0.7 (false when unknown): a card-fraud signal")
                .column("transaction_date", "calendar date of the transaction")
                .column("transaction_ts", "date and time of the transaction")
                .column("_loaded_at", "load time of the source row (the incremental watermark)")
                .check(Check.unique("transaction_id"))
                .check(Check.notNull("transaction_id", "customer_key", "date_key", "product_key", "transaction_date", "transaction_amount",
                        "amount_abs_cents", "channel_code", "transaction_type_code"))
                .check(Check.relationships("customer_key", "gold.dim_customer", "customer_key"))
                .check(Check.relationships("merchant_key", "gold.dim_merchant", "merchant_key"))
                .check(Check.relationships("product_key", "gold.dim_product", "product_key"))
                .check(Check.relationships("date_key", "gold.dim_date", "date_key"))
                .check(Check.validVersion("customer_key", "gold.dim_customer", "customer_key", "transaction_date"))
                .check(Check.expression("merchant_iff_merchant_id", "(merchant_key is null) = (merchant_id is null)"))
                .check(Check.range("transaction_amount_abs", 0, null))
                .check(Check.expression("declined_moves_no_money", "not is_declined or net_amount = 0"))
                .check(Check.rowCount("select count(*) from silver.stg_transactions").name("reconciles_silver"))
                .check(Check.freshness("transaction_ts", Duration.ofDays(1), "select as_of_ts from silver.data_clock"))
                .check(Check.expression("fraud_rate_plausible", "(select avg(case when is_fraud then 1.0 else 0 end) from gold.fact_transactions)"
                        + " < 0.2").severity(Severity.WARN));
    }

    static Model factAccountDailySnapshot() {
        return Model.incremental("fact_account_daily_snapshot", Layer.GOLD)
                .sql(Sql.resource("gold/fact_account_daily_snapshot.sql"))
                .description("Periodic snapshot: one row per account per day of its life within the data's history; balances follow"
                        + " the approved transactions and end at the account's reported current_balance. Incremental: a run merges the"
                        + " days after the table's last day, and the whole history of accounts whose stored days no longer match the data.")
                .tags("fact", "snapshot")
                // the unique index (built on presorted rows) enforces the grain on every build and merge
                .uniqueKey("account_id", "snapshot_date")
                .column("opening_balance", "balance at the start of the day")
                .column("closing_balance", "balance at the end of the day (negative = owed on credit and loans)")
                .column("net_change", "approved transactions of the day, signed")
                .check(Check.unique("account_id", "snapshot_date"))      // answered by the unique index, no scan
                .check(Check.notNull("account_id", "snapshot_date", "customer_key", "date_key", "closing_balance"))
                .check(Check.relationships("customer_key", "gold.dim_customer", "customer_key"))
                .check(Check.validVersion("customer_key", "gold.dim_customer", "customer_key", "snapshot_date"))
                // a day without approved transactions (most of them) compares the two balances without an addition
                .check(Check.expression("balance_follows_transactions", "case when net_change = 0 then closing_balance = opening_balance"
                        + " else closing_balance = opening_balance + net_change end"))
                // a row count: the rows are counted in the scan of the other checks (was a second scan of the table)
                .check(Check.rowCount("select coalesce(sum(greatest(least(coalesce(a.close_date, k.as_of_date), k.as_of_date)"
                        + " - greatest(a.open_date, k.data_start_date) + 1, 0)), 0) from silver.stg_accounts a, silver.data_clock k")
                        .name("one_row_per_day"))
                // an account's last day is the data's "now" or its closing day: every other row passes on the first
                // two comparisons, only those few are looked up. is_closing_day is null on the days of an account without
                // a close date (whose last day is the data's "now"), so it is tested with "is not true": "not
                // is_closing_day" was null there and sent every such row to the two hashed lookups (0.4 s of CPU per run)
                .check(Check.expression("ends_at_current_balance", "(snapshot_date <> (select as_of_date from silver.data_clock)"
                        + " and is_closing_day is not true) or (account_id, snapshot_date) not in (select a.account_id,"
                        + " least(coalesce(a.close_date, k.as_of_date), k.as_of_date) from silver.stg_accounts a, silver.data_clock k)"
                        + " or (account_id, closing_balance) in (select a.account_id, a.current_balance from silver.stg_accounts a)"));
    }

    static Model factCustomerMonthly() {
        return Model.incremental("fact_customer_monthly", Layer.GOLD)
                .sql(Sql.resource("gold/fact_customer_monthly.sql"))
                .description("One row per customer per calendar month from signup (or the data's first month) to the data's last month,"
                        + " with 50+ metrics; months without activity are kept with zero counts. Incremental: a run merges the months from"
                        + " the table's last month on, and every month of customers whose stored history no longer matches the data.")
                .tags("fact", "aggregate")
                .uniqueKey("customer_id", "month_start")
                .column("month_key", "yyyymm as an integer")
                .column("customer_key", "dim_customer version valid on the month's last day (or on the data's last day)")
                .check(Check.unique("customer_id", "month_start"))
                .check(Check.notNull("customer_id", "customer_key", "month_start", "transaction_count"))
                .check(Check.relationships("customer_key", "gold.dim_customer", "customer_key"))
                .check(Check.expression("counts_reconcile", "(select sum(transaction_count) from gold.fact_customer_monthly)"
                        + " = (select count(*) from gold.fact_transactions)"))
                .check(Check.expression("approved_plus_declined", "approved_count + declined_count = transaction_count"))
                .check(Check.range("decline_rate", 0, 1));
    }
}
