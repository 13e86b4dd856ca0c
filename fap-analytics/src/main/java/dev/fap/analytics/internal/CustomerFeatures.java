package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.d;
import static dev.fap.analytics.internal.Sql.dOrNull;
import static dev.fap.analytics.internal.Sql.l;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    /** The merchant categories of the customer's approved debit spending with a merchant (null: none). */
    public final String[][] spendCategories;
    /** The regions of the customer's approved debit spending with a merchant, as bits numbered by {@link #regions()}. */
    public final long[] spendRegions;
    /** The clock and the monthly and recent customer activity, from the same pass. */
    private CustomerActivity activity;
    /** The merchants' regions in the order of the bits of {@link #spendRegions}. */
    private String[] regions;

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
        spendCategories = new String[n][];
        spendRegions = new long[n];
    }

    /**
     * The merchants' regions in label order (null last); the features pass marks the regions of each customer's
     * approved debit spending as bits of a {@code bigint} (bit {@code i}: the {@code i}-th region), for up to
     * {@link #MAX_REGIONS}.
     */
    static final String REGIONS = "select region from gold.dim_merchant group by region order by region";

    /** Regions a bit set holds (bits 0 to 62 of a {@code bigint}). */
    static final int MAX_REGIONS = 63;

    /** Months per bit set of a customer's active months (bits 0 to 62 of a {@code bigint}). */
    static final int MONTHS_PER_MASK = 63;

    /**
     * The features in one hash-aggregated pass over the fact table: first per customer version
     * ({@code customer_key}, an integer) × merchant category (so the number of distinct categories is counted
     * over these groups, not by sorting every transaction), then per customer through the versions of
     * {@code gold.dim_customer}. Amounts are sums of {@code amount_abs_cents} ({@link FactCodes}) turned back
     * into exact amounts per customer. Averages are exact numeric sums divided by counts, as {@code avg()} computes them.
     * The same pass gives the customer activity ({@link CustomerActivity}): each customer's last approved
     * day and the months with transactions as bit sets ({@code m0}, {@code m1}, ...: bit {@code i} of
     * {@code m}<i>j</i> is month {@code 63j + i} counted from the clock's start month).
     *
     * <p>And the approved debit spending with a merchant ({@link ExploratoryQueries}): the merchant categories
     * ({@code spend_categories}) and the regions ({@code spend_regions}, bit {@code i}: the {@code i}-th of
     * {@link #regions()}) a customer spent in, which count the distinct customers per category and per region.
     *
     * <p>Fewer aggregates than measures, as gold defines them: {@code debit_amount} is the absolute amount of
     * an approved debit (else 0), so the average debit ticket is the debit sum over the approved debits;
     * {@code is_declined} is never null (silver: {@code coalesce(..., false)}), so the decline rate is over
     * all transactions.
     */
    static String query(FactClock clock) {
        String month = TransactionCube.MONTH;
        String index = "((%s) / 100 * 12 + (%s) %% 100 - %d)".formatted(month, month,
                clock.startDate().getYear() * 12 + clock.startDate().getMonthValue());
        int masks = masks(clock);
        StringBuilder tcMasks = new StringBuilder();
        StringBuilder txMasks = new StringBuilder();
        StringBuilder outMasks = new StringBuilder();
        for (int j = 0; j < masks; j++) {
            int lo = j * MONTHS_PER_MASK;
            tcMasks.append(", bit_or(1::bigint << (%s - %d))".formatted(index, lo));
            if (masks > 1) {
                tcMasks.append(" filter (where %s between %d and %d)".formatted(index, lo, lo + MONTHS_PER_MASK - 1));
            }
            tcMasks.append(" as m").append(j);
            txMasks.append(", bit_or(m").append(j).append(") as m").append(j);
            outMasks.append(", tx.m").append(j);
        }
        return CUSTOMERS + """
            tk as (
                select customer_key, merchant_category, count(*) as n, max(transaction_date) as last_day,
                       max(transaction_date) filter (where is_approved) as last_approved%s,
                       coalesce(sum(amount_abs_cents) filter (where is_approved and is_debit), 0) as spend,
                       coalesce(sum(amount_abs_cents) filter (where not is_declined and transaction_type_code = %d), 0) as purchase,
                       coalesce(sum(amount_abs_cents) filter (where not is_declined and transaction_type_code = %d), 0) as fees,
                       count(*) filter (where is_approved and is_debit) as ticket_n,
                       count(*) filter (where is_digital_channel) as digital, count(is_digital_channel) as digital_n,
                       count(*) filter (where is_international) as intl, count(is_international) as intl_n,
                       count(*) filter (where is_night) as night, count(is_night) as night_n,
                       count(*) filter (where is_declined) as declined,
                       count(*) filter (where is_approved and is_debit and m.ri is not null) as spend_n,
                       bit_or(1::bigint << m.ri) filter (where is_approved and is_debit and m.ri < %d) as spend_regions
                from gold.fact_transactions f
                left join (select merchant_key, array_position(?::text[], region) - 1 as ri from gold.dim_merchant) m
                       on m.merchant_key = f.merchant_key
                group by customer_key, merchant_category
            ),
            tx as (
                select v.customer_id, sum(n) as n, max(last_day) as last_day, max(last_approved) as last_approved%s,
                       round(sum(spend) / 100.0, 2) as spend, round(sum(purchase) / 100.0, 2) as purchase,
                       round(sum(fees) / 100.0, 2) as fees, round(sum(spend) / 100.0, 2) / nullif(sum(ticket_n), 0) as ticket,
                       sum(digital) / nullif(sum(digital_n), 0) as digital, sum(intl) / nullif(sum(intl_n), 0) as intl,
                       sum(night) / nullif(sum(night_n), 0) as night, count(distinct merchant_category) as cats,
                       sum(declined) / nullif(sum(n), 0) as decline_rate,
                       array_agg(distinct merchant_category) filter (where spend_n > 0) as spend_categories,
                       bit_or(spend_regions) as spend_regions
                from tk join gold.dim_customer v on v.customer_key = tk.customer_key
                group by v.customer_id
            ),
            """.formatted(tcMasks, FactCodes.PURCHASE, FactCodes.FEE, MAX_REGIONS, txMasks)
                + QUERY_REST.replaceFirst("tx.last_day,", "tx.last_day, tx.last_approved" + outMasks + ", tx.spend_categories, tx.spend_regions,");
    }

    /** The current customer versions and the churn dates: the query's first CTEs. */
    private static final String CUSTOMERS = """
            with cur as (select * from gold.dim_customer where is_current),
            churn as (
                select customer_id, min(valid_from) as churn_date
                from gold.dim_customer where not is_active and version_number > 1 group by customer_id
            ),
            """;

    /**
     * {@link #query} with the per-customer sums of the facts ({@code tx}) given as arrays ({@link FactScan#customerSums()}:
     * cents and counts, summed in the JVM from the streamed fact rows) instead of aggregated from the fact table, and
     * turned into amounts and shares by the same expressions ({@code sum(...)} of {@code bigint}s is {@code numeric} there,
     * hence the casts), so every feature is the same {@code numeric} before it becomes a double. The spending categories
     * come from the scan, not from this query.
     */
    static String streamedQuery(FactClock clock) {
        int masks = masks(clock);
        StringBuilder types = new StringBuilder("?::text[], ?::bigint[], ?::date[], ?::date[]");
        StringBuilder names = new StringBuilder("customer_id, n, last_day, last_approved");
        StringBuilder outMasks = new StringBuilder();
        for (int j = 0; j < masks; j++) {
            types.append(", ?::bigint[]");
            names.append(", m").append(j);
            outMasks.append(", m").append(j);
        }
        types.append(", ?::bigint[]".repeat(13));
        names.append(", spend, purchase, fees, ticket_n, digital, digital_n, intl, intl_n, night, night_n, declined, cats, spend_regions");
        return CUSTOMERS + """
            tx as (
                select customer_id, n, last_day, last_approved%s,
                       round(spend / 100.0, 2) as spend, round(purchase / 100.0, 2) as purchase, round(fees / 100.0, 2) as fees,
                       round(spend / 100.0, 2) / nullif(ticket_n::numeric, 0) as ticket,
                       digital::numeric / nullif(digital_n::numeric, 0) as digital, intl::numeric / nullif(intl_n::numeric, 0) as intl,
                       night::numeric / nullif(night_n::numeric, 0) as night, cats,
                       declined::numeric / nullif(n::numeric, 0) as decline_rate, spend_regions
                from unnest(%s) as x(%s)
            ),
            """.formatted(outMasks, types, names)
                + QUERY_REST.replaceFirst("tx.last_day,", "tx.last_day, tx.last_approved" + outMasks + ", tx.spend_regions,");
    }

    private static int masks(FactClock clock) {
        return Math.max(1, (clock.months() + MONTHS_PER_MASK - 1) / MONTHS_PER_MASK);
    }

    /** The per-customer accounts, interactions and payments, and the final select (the fact CTEs go before). */
    private static final String QUERY_REST = """
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

    /** The clock and the monthly and recent customer activity, from the same pass over the facts. */
    public CustomerActivity activity() {
        return activity;
    }

    /** The merchants' regions in the order of the bits of {@link #spendRegions} (null: a merchant without region). */
    public List<String> regions() {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(regions));
    }

    /** Loads the features of every current customer. */
    public static CustomerFeatures load(Context ctx) {
        LocalDate asOf = ctx.asOfDate();
        FactClock clock = ctx.clock();
        String[] regions = ctx.sql().fetch(REGIONS).stream().map(r -> r.get("region", String.class)).toArray(String[]::new);
        FactScan scan = FactScan.of(ctx);
        List<Record> rows;
        Map<String, String[]> spendCategories = null;
        if (scan == null) {
            rows = ctx.sql().fetchWithWorkMem(query(clock), regions, asOf, asOf, asOf, asOf, ctx.startDate());
        } else {
            FactScan.CustomerSums sums = scan.customerSums();
            List<Object> binds = new java.util.ArrayList<>(List.of(sums.columns()));
            binds.addAll(List.of(asOf, asOf, asOf, asOf, ctx.startDate()));
            rows = ctx.sql().fetch(streamedQuery(clock), binds.toArray());
            spendCategories = sums.spendCategories();
        }
        int masks = masks(clock);
        long[] byMonth = new long[masks * MONTHS_PER_MASK];
        long active = 0;
        LocalDate activeAfter = asOf.minusDays(CustomerActivity.ACTIVE_DAYS);
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
            f.spendCategories[i] = spendCategories == null ? r.get("spend_categories", String[].class)
                    : spendCategories.get(f.customerId[i]);
            f.spendRegions[i] = l(r, "spend_regions");
            LocalDate lastApproved = r.get("last_approved", LocalDate.class);
            if (lastApproved != null && lastApproved.isAfter(activeAfter)) {
                active++;
            }
            for (int j = 0; j < masks; j++) {
                Long m = r.get("m" + j, Long.class);
                for (long bits = m == null ? 0 : m; bits != 0; bits &= bits - 1) {
                    byMonth[j * MONTHS_PER_MASK + Long.numberOfTrailingZeros(bits)]++;
                }
            }
        }
        Map<Integer, Long> customersByMonth = new TreeMap<>();
        LocalDate month = clock.startDate().withDayOfMonth(1);
        for (int i = 0; i < byMonth.length; i++, month = month.plusMonths(1)) {
            if (byMonth[i] > 0) {
                customersByMonth.put(month.getYear() * 100 + month.getMonthValue(), byMonth[i]);
            }
        }
        f.regions = regions;
        f.activity = new CustomerActivity(clock.startDate(), asOf, Map.copyOf(customersByMonth), active);
        double satMean = satN > 0 ? satSum / satN : 3.0;
        for (int i = 0; i < f.n; i++) {
            if (Double.isNaN(f.satisfaction[i])) {
                f.satisfaction[i] = satMean;
            }
        }
        return f;
    }
}
