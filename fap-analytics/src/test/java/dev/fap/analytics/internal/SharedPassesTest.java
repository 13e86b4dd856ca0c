package dev.fap.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.analytics.CategorySpend;
import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The figures that are derived from another analysis' pass over {@code gold.fact_transactions} (no pass of their
 * own) equal the direct SQL definitions they replaced, row for row: the customer activity from the features pass,
 * the approved debit spending by category and region from the features and the fraud factor combinations, the
 * transaction cube's measures from its flag and type cells, and the fraud model input decoded from one combination
 * code. Over 72 months, so the customers' months take two bit sets.
 */
@ExtendWith(FapDatabaseExtension.class)
class SharedPassesTest {

    @Test
    void derivedFiguresEqualTheirDirectDefinitions(Database db) {
        DataGenerator.of(DatasetSpec.defaults().withCustomers(120).withTransactions(6_000).withCampaigns(0)
                .withPeriod(LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12, 31))).toDatabase(db);
        FapWarehouse.on(db).build().orThrow();
        Sql sql = new Sql(db);
        Context ctx = new Context(sql, FactClock.load(sql), 42, 0.95, null, 10.0, 0.1);
        assertThat(ctx.clock().months()).isEqualTo(72);
        assertThat(CustomerFeatures.query(ctx.clock())).contains(" as m1");

        // activity: distinct customers per month and active customers, as the month × customer pass computed them
        CustomerActivity activity = ctx.activity();
        Map<Integer, Long> byMonth = new TreeMap<>();
        for (Record r : sql.fetch("""
                select date_key / 100 as month, count(distinct customer_id) as n from gold.fact_transactions group by 1""")) {
            byMonth.put(r.get("month", Integer.class), Sql.l(r, "n"));
        }
        assertThat(byMonth).hasSize(72);
        assertThat(activity.customersByMonth()).isEqualTo(byMonth);
        assertThat(activity.activeCustomers()).isPositive().isEqualTo(Sql.l(sql.one("""
                select count(distinct customer_id) as n from gold.fact_transactions
                where is_approved and transaction_date > (select max(transaction_date) from gold.fact_transactions) - 90"""), "n"));
        assertThat(activity.startDate()).isEqualTo(sql.one("select min(transaction_date) as d from gold.fact_transactions")
                .get("d", LocalDate.class));

        // spending by category and region: the pass grouped by category × region × customer
        ExploratoryQueries.Spending spending = ExploratoryQueries.spending(ctx, ctx.features());
        List<Record> pass = sql.fetch(ExploratoryQueries.SPEND_PASS);
        assertThat(spending.byCategory()).hasSizeGreaterThan(3).isEqualTo(spend(pass, 0));
        assertThat(spending.byRegion()).hasSizeGreaterThan(2).isEqualTo(spend(pass, 1));

        // the cube's measures, each summed over its own column of the facts
        TransactionCube.Sums total = TransactionCube.of(ctx).total();
        Record direct = sql.one("""
                select count(*) as n, count(*) filter (where is_approved) as approved, sum(approved_amount_abs) as volume,
                       sum(transaction_amount_abs * transaction_amount_abs) filter (where is_approved) as sq,
                       count(*) filter (where is_fraud) as fraud, count(*) filter (where is_declined) as declined,
                       sum(fraud_amount_abs) as fraud_amount, sum(declined_amount_abs) as declined_amount,
                       sum(purchase_amount) as purchase, count(*) filter (where purchase_amount > 0) as purchase_n,
                       sum(fee_amount) as fees
                from gold.fact_transactions""");
        assertThat(total.n()).isEqualTo(Sql.l(direct, "n")).isGreaterThan(5_000);
        assertThat(total.approved()).isEqualTo(Sql.l(direct, "approved"));
        assertThat(total.volume()).isEqualByComparingTo(direct.get("volume", BigDecimal.class));
        assertThat(total.ticketSum()).isEqualByComparingTo(direct.get("volume", BigDecimal.class));
        assertThat(total.ticketSq()).isEqualByComparingTo(direct.get("sq", BigDecimal.class));
        assertThat(total.fraud()).isPositive().isEqualTo(Sql.l(direct, "fraud"));
        assertThat(total.declined()).isPositive().isEqualTo(Sql.l(direct, "declined"));
        assertThat(total.fraudAmount()).isEqualByComparingTo(direct.get("fraud_amount", BigDecimal.class));
        assertThat(total.declinedAmount()).isEqualByComparingTo(direct.get("declined_amount", BigDecimal.class));
        assertThat(total.purchaseSum()).isEqualByComparingTo(direct.get("purchase", BigDecimal.class));
        assertThat(total.purchaseN()).isPositive().isEqualTo(Sql.l(direct, "purchase_n"));
        assertThat(total.fees()).isPositive().isEqualByComparingTo(direct.get("fees", BigDecimal.class));

        // the fraud model input: the combination code decodes to the eight grouping columns, in the same order
        List<Record> coded = sql.fetch(PredictiveQueries.FRAUD_INPUT);
        // (the signals from the text and numeric columns: the channel's label, not its code; the measures, not gold's flags)
        List<String> textSignals = List.of("(hour_of_day <= 5)::int", "(channel = 'Online')::int",
                "(coalesce(amount_deviation_score, 0) >= 2)::int", "(coalesce(velocity_24h, 0) >= 2)::int",
                "(coalesce(distance_from_home_km, 0) >= 100)::int", "(coalesce(merchant_risk_score, 0) >= 0.7)::int", "is_fraud::int");
        assertThat(PredictiveQueries.FRAUD_SIGNALS).hasSameSizeAs(textSignals);
        List<Record> plain = sql.fetch("select customer_id, " + String.join(", ", textSignals)
                + ", count(*) as n from gold.fact_transactions where transaction_type = 'Purchase'"
                + " group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8");
        assertThat(coded).hasSameSizeAs(plain).hasSizeGreaterThan(500);
        for (int i = 0; i < plain.size(); i++) {
            long expected = 0;
            for (int j = 1; j <= 7; j++) {
                Object v = plain.get(i).get(j);
                expected = expected * 3 + (v == null ? 2 : ((Number) v).intValue()); // base 3, an unknown signal is 2
            }
            assertThat(coded.get(i).get("customer_id", String.class)).isEqualTo(plain.get(i).get("customer_id", String.class));
            assertThat(Sql.l(coded.get(i), "code")).isEqualTo(expected);
            assertThat(Sql.l(coded.get(i), "n")).isEqualTo(Sql.l(plain.get(i), "n"));
        }
    }

    /**
     * The passes that group by the fact's integer columns (channel and type codes, customer versions) and sum cents
     * give what grouping by the text columns and summing the {@code numeric} measures gives: the cube per channel and
     * per type, the fraud factor combinations' volumes per channel, and every customer's amounts and categories.
     */
    @Test
    void integerCodesAndCentsGiveTheTextAndNumericFigures(Database db) {
        DataGenerator.of(DatasetSpec.defaults().withSeed(5).withCustomers(150).withTransactions(8_000).withCampaigns(0)
                .withPeriod(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 6, 30))).toDatabase(db);
        FapWarehouse.on(db).build().orThrow();
        Sql sql = new Sql(db);
        Context ctx = new Context(sql, FactClock.load(sql), 42, 0.95, null, 10.0, 0.1);

        TransactionCube cube = TransactionCube.of(ctx);
        for (String column : List.of("channel", "transaction_type")) {
            Map<String, TransactionCube.Sums> rolled = cube.by(column.equals("channel") ? TransactionCube.Cell::channel
                    : TransactionCube.Cell::type);
            List<Record> direct = sql.fetch("select coalesce(" + column + ", '(none)') as label, count(*) as n,"
                    + " sum(approved_amount_abs) as volume, sum(transaction_amount_abs * transaction_amount_abs) filter (where is_approved) as sq,"
                    + " sum(purchase_amount) as purchase, sum(fee_amount) as fees from gold.fact_transactions group by 1 order by 1");
            assertThat(rolled.keySet()).containsExactlyElementsOf(direct.stream().map(r -> r.get("label", String.class)).toList());
            assertThat(direct).hasSizeGreaterThanOrEqualTo(5);
            for (Record r : direct) {
                TransactionCube.Sums c = rolled.get(r.get("label", String.class));
                assertThat(c.n()).isEqualTo(Sql.l(r, "n"));
                assertThat(c.volume()).isEqualByComparingTo(r.get("volume", BigDecimal.class));
                assertThat(c.ticketSq()).isEqualByComparingTo(orZero(r.get("sq", BigDecimal.class)));
                assertThat(c.purchaseSum()).isEqualByComparingTo(r.get("purchase", BigDecimal.class));
                assertThat(c.fees()).isEqualByComparingTo(r.get("fees", BigDecimal.class));
            }
        }

        Map<String, BigDecimal[]> byChannel = new TreeMap<>();
        for (Record r : DiagnosticQueries.fraudByFactors(ctx)) {
            BigDecimal[] v = byChannel.computeIfAbsent(r.get("channel", String.class), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            v[0] = v[0].add(r.get("volume", BigDecimal.class));
            v[1] = v[1].add(r.get("spend", BigDecimal.class));
        }
        List<Record> channels = sql.fetch("select coalesce(channel, '(none)') as channel, sum(approved_amount_abs) as volume,"
                + " sum(debit_amount) filter (where is_approved and is_debit) as spend from gold.fact_transactions group by 1 order by 1");
        assertThat(byChannel.keySet()).containsExactlyElementsOf(channels.stream().map(r -> r.get("channel", String.class)).toList());
        for (Record r : channels) {
            BigDecimal[] v = byChannel.get(r.get("channel", String.class));
            assertThat(v[0]).isEqualByComparingTo(r.get("volume", BigDecimal.class));
            assertThat(v[1]).isEqualByComparingTo(orZero(r.get("spend", BigDecimal.class)));
        }

        CustomerFeatures f = ctx.features();
        Map<String, Record> direct = new TreeMap<>();
        for (Record r : sql.fetch("""
                select customer_id, sum(debit_amount) as spend, sum(purchase_amount) as purchase, sum(fee_amount) as fees,
                       sum(debit_amount) / nullif(count(*) filter (where is_approved and is_debit), 0) as ticket,
                       count(distinct merchant_category) as cats,
                       array_agg(distinct merchant_category) filter (where is_approved and is_debit and merchant_key is not null) as spend_categories
                from gold.fact_transactions group by customer_id""")) {
            direct.put(r.get("customer_id", String.class), r);
        }
        int compared = 0;
        for (int i = 0; i < f.n; i++) {
            Record r = direct.get(f.customerId[i]);
            if (r == null) {
                assertThat(f.transactions[i]).isZero();
                continue;
            }
            compared++;
            double months = f.observedMonths[i];
            assertThat(f.spendPerMonth[i]).isEqualTo(Sql.d(r, "spend") / months);
            assertThat(f.purchaseSpend[i]).isEqualTo(Sql.d(r, "purchase"));
            assertThat(f.feesPerMonth[i]).isEqualTo(Sql.d(r, "fees") / months);
            assertThat(f.avgTicket[i]).isEqualTo(Sql.d(r, "ticket"));
            assertThat(f.categoryDiversity[i]).isEqualTo(Sql.d(r, "cats"));
            String[] categories = r.get("spend_categories", String[].class);
            assertThat(f.spendCategories[i] == null ? List.of() : List.of(f.spendCategories[i]))
                    .containsExactlyInAnyOrderElementsOf(categories == null ? List.of() : List.of(categories));
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static List<CategorySpend> spend(List<Record> rows, int byRegion) {
        List<CategorySpend> out = new ArrayList<>();
        for (Record r : rows) {
            if (Sql.l(r, "by_region") == byRegion) {
                long n = Sql.l(r, "n");
                long c = Sql.l(r, "customers");
                double v = Sql.d(r, "volume");
                out.add(new CategorySpend(Sql.s(r, "label"), n, c, v, Fractions.ratio(v, n), Fractions.ratio(v, c)));
            }
        }
        return out;
    }
}
