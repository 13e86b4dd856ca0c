package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.d;
import static dev.fap.analytics.internal.Sql.dOrNull;
import static dev.fap.analytics.internal.Sql.l;

import java.time.LocalDate;
import java.util.List;
import org.jooq.Record;

/**
 * One row per current customer with behavioural features, aggregated in PostgreSQL from the gold facts
 * (and the silver interactions and loan payments). Columns are held as arrays (column store).
 *
 * <p>Observed months run from the later of signup and the data's first day to the churn date (the
 * first SCD2 version with {@code is_active = false}, else the last transaction) or the as-of date, so
 * per-month rates do not leak churn. Missing satisfaction is imputed with the population mean and
 * flagged in {@link #hasRating}.
 */
public final class CustomerFeatures {
    public final int n;
    public final String[] customerId;
    public final long[] customerKey;
    public final double[] churned;
    public final double[] tenureMonths;
    public final double[] age;
    public final double[] creditScore;
    public final double[] logIncome;
    public final double[] income;
    public final double[] transactions;
    public final double[] txnPerMonth;
    public final double[] spendPerMonth;
    public final double[] purchaseSpend;
    public final double[] avgTicket;
    public final double[] digitalShare;
    public final double[] internationalShare;
    public final double[] nightShare;
    public final double[] categoryDiversity;
    public final double[] declineRate;
    public final double[] products;
    public final double[] satisfaction;
    public final double[] hasRating;
    public final double[] interactionsPerMonth;
    public final double[] payments;
    public final double[] latePayments;
    public final double[] everLate;
    public final double[] feesPerMonth;
    public final double[] observedMonths;
    public final String[] segment;
    public final boolean[] premium;
    public final boolean[] active;
    public final LocalDate[] signupDate;
    /** The first day of the first SCD2 version with {@code is_active = false}, or null. */
    public final LocalDate[] churnDate;
    /** The customer's last transaction day, or null. */
    public final LocalDate[] lastDay;

    private CustomerFeatures(int n) {
        this.n = n;
        customerId = new String[n];
        customerKey = new long[n];
        churned = new double[n];
        tenureMonths = new double[n];
        age = new double[n];
        creditScore = new double[n];
        logIncome = new double[n];
        income = new double[n];
        transactions = new double[n];
        txnPerMonth = new double[n];
        spendPerMonth = new double[n];
        purchaseSpend = new double[n];
        avgTicket = new double[n];
        digitalShare = new double[n];
        internationalShare = new double[n];
        nightShare = new double[n];
        categoryDiversity = new double[n];
        declineRate = new double[n];
        products = new double[n];
        satisfaction = new double[n];
        hasRating = new double[n];
        interactionsPerMonth = new double[n];
        payments = new double[n];
        latePayments = new double[n];
        everLate = new double[n];
        feesPerMonth = new double[n];
        observedMonths = new double[n];
        segment = new String[n];
        premium = new boolean[n];
        active = new boolean[n];
        signupDate = new LocalDate[n];
        churnDate = new LocalDate[n];
        lastDay = new LocalDate[n];
    }

    /**
     * The features in one hash-aggregated pass over the fact table: first per customer × merchant category
     * (so the number of distinct categories is a count of groups, not a sort of every transaction), then
     * per customer. Averages are exact numeric sums divided by counts, as {@code avg()} computes them.
     */
    static final String QUERY = """
            with cur as (select * from gold.dim_customer where is_current),
            churn as (
                select customer_id, min(valid_from) as churn_date
                from gold.dim_customer where not is_active and version_number > 1 group by customer_id
            ),
            tc as (
                select customer_id, merchant_category, count(*) as n, max(transaction_date) as last_day,
                       sum(debit_amount) as spend, sum(purchase_amount) as purchase, sum(fee_amount) as fees,
                       sum(transaction_amount_abs) filter (where is_approved and is_debit) as ticket_sum,
                       count(transaction_amount_abs) filter (where is_approved and is_debit) as ticket_n,
                       sum(is_digital_channel::int) as digital, count(is_digital_channel) as digital_n,
                       sum(is_international::int) as intl, count(is_international) as intl_n,
                       sum(is_night::int) as night, count(is_night) as night_n,
                       sum(is_declined::int) as declined, count(is_declined) as declined_n
                from gold.fact_transactions group by customer_id, merchant_category
            ),
            tx as (
                select customer_id, sum(n) as n, max(last_day) as last_day, sum(spend) as spend, sum(purchase) as purchase,
                       sum(fees) as fees, sum(ticket_sum) / nullif(sum(ticket_n), 0) as ticket,
                       sum(digital) / nullif(sum(digital_n), 0) as digital, sum(intl) / nullif(sum(intl_n), 0) as intl,
                       sum(night) / nullif(sum(night_n), 0) as night, count(merchant_category) as cats,
                       sum(declined) / nullif(sum(declined_n), 0) as decline_rate
                from tc group by customer_id
            ),
            acc as (
                select a.customer_id, count(*) as products, bool_or(coalesce(p.is_premium, false)) as premium
                from silver.stg_accounts a left join gold.dim_product p on p.product_id = a.product_id
                group by a.customer_id
            ),
            ia as (
                select customer_id, count(*) as n, avg(satisfaction_rating) as sat
                from silver.stg_customer_interactions group by customer_id
            ),
            lp as (
                select customer_id, count(*) as n, count(*) filter (where is_late) as late
                from silver.stg_loan_payments group by customer_id
            )
            select c.customer_id, c.customer_key, not c.is_active as churned, c.is_active, c.signup_date, churn.churn_date,
                   tx.last_day,
                   greatest(0, (?::date - c.signup_date) / 30.4375) as tenure_months,
                   coalesce(c.age, 0) as age, coalesce(c.credit_score, 0) as credit_score, coalesce(c.annual_income, 0) as income,
                   coalesce(tx.n, 0) as n, coalesce(tx.spend, 0) as spend, coalesce(tx.purchase, 0) as purchase,
                   coalesce(tx.fees, 0) as fees, coalesce(tx.ticket, 0) as ticket, coalesce(tx.digital, 0) as digital,
                   coalesce(tx.intl, 0) as intl, coalesce(tx.night, 0) as night, coalesce(tx.cats, 0) as cats,
                   coalesce(tx.decline_rate, 0) as decline_rate, coalesce(acc.products, 0) as products,
                   coalesce(acc.premium, false) as premium, ia.sat, coalesce(ia.n, 0) as interactions,
                   coalesce(lp.n, 0) as payments, coalesce(lp.late, 0) as late, c.customer_segment,
                   greatest(1.0, (least(?::date, case when c.is_active then ?::date
                                                      else coalesce(churn.churn_date, tx.last_day, ?::date) end)
                                  - greatest(c.signup_date, ?::date)) / 30.4375) as months
            from cur c
            left join churn on churn.customer_id = c.customer_id
            left join tx on tx.customer_id = c.customer_id
            left join acc on acc.customer_id = c.customer_id
            left join ia on ia.customer_id = c.customer_id
            left join lp on lp.customer_id = c.customer_id
            order by c.customer_id""";

    /** Loads the features of every current customer. */
    public static CustomerFeatures load(Context ctx) {
        LocalDate asOf = ctx.asOfDate();
        List<Record> rows = ctx.sql().fetchWithWorkMem(QUERY, asOf, asOf, asOf, asOf, ctx.startDate());
        CustomerFeatures f = new CustomerFeatures(rows.size());
        double satSum = 0;
        int satN = 0;
        for (int i = 0; i < f.n; i++) {
            Record r = rows.get(i);
            f.customerId[i] = r.get("customer_id", String.class);
            f.active[i] = Sql.b(r, "is_active");
            f.signupDate[i] = r.get("signup_date", LocalDate.class);
            f.churnDate[i] = r.get("churn_date", LocalDate.class);
            f.lastDay[i] = r.get("last_day", LocalDate.class);
            f.customerKey[i] = l(r, "customer_key");
            f.churned[i] = Sql.b(r, "churned") ? 1 : 0;
            f.tenureMonths[i] = d(r, "tenure_months");
            f.age[i] = d(r, "age");
            f.creditScore[i] = d(r, "credit_score");
            f.income[i] = d(r, "income");
            f.logIncome[i] = Math.log1p(Math.max(0, f.income[i]));
            double months = d(r, "months");
            f.observedMonths[i] = months;
            f.transactions[i] = d(r, "n");
            f.txnPerMonth[i] = f.transactions[i] / months;
            f.spendPerMonth[i] = d(r, "spend") / months;
            f.purchaseSpend[i] = d(r, "purchase");
            f.feesPerMonth[i] = d(r, "fees") / months;
            f.avgTicket[i] = d(r, "ticket");
            f.digitalShare[i] = d(r, "digital");
            f.internationalShare[i] = d(r, "intl");
            f.nightShare[i] = d(r, "night");
            f.categoryDiversity[i] = d(r, "cats");
            f.declineRate[i] = d(r, "decline_rate");
            f.products[i] = d(r, "products");
            f.premium[i] = Sql.b(r, "premium");
            Double sat = dOrNull(r, "sat");
            f.hasRating[i] = sat == null ? 0 : 1;
            f.satisfaction[i] = sat == null ? Double.NaN : sat;
            if (sat != null) {
                satSum += sat;
                satN++;
            }
            f.interactionsPerMonth[i] = d(r, "interactions") / months;
            f.payments[i] = d(r, "payments");
            f.latePayments[i] = d(r, "late");
            f.everLate[i] = f.latePayments[i] > 0 ? 1 : 0;
            f.segment[i] = r.get("customer_segment", String.class);
        }
        double satMean = satN > 0 ? satSum / satN : 3.0;
        for (int i = 0; i < f.n; i++) {
            if (Double.isNaN(f.satisfaction[i])) {
                f.satisfaction[i] = satMean;
            }
        }
        return f;
    }
}
