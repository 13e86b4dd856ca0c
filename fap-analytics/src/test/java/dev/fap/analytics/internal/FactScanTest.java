package dev.fap.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The streamed fact scan ({@link FactScan}: one binary COPY aggregated in the JVM) gives the five SQL passes' rows
 * value for value: the transaction cube, the fraud factor combinations, the per-customer features, the fraud model
 * input and the campaign windows' purchase spend, read whole and as two halves on two connections (merged), on generated data with rows added that carry
 * nulls where gold's columns may have them (dates, hours, flags, keys, amounts, texts) and a customer version
 * missing from {@code dim_customer}. Over 72 months, so the customers' months take two bit sets.
 */
@ExtendWith(FapDatabaseExtension.class)
class FactScanTest {

    @Test
    void streamedPassesEqualTheSqlPasses(Database db) {
        DataGenerator.of(DatasetSpec.defaults().withSeed(11).withCustomers(120).withTransactions(6_000).withCampaigns(4)
                .withPeriod(LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12, 31))).toDatabase(db);
        FapWarehouse.on(db).build().orThrow();
        Sql sql = new Sql(db);
        // rows with the nulls and odd values the SQL passes group and filter on
        sql.execute("create temporary table odd as select * from gold.fact_transactions order by transaction_key limit 60");
        sql.execute("""
                update odd set is_weekend = case when amount_abs_cents % 2 = 0 then null else is_weekend end,
                               hour_of_day = case when amount_abs_cents % 3 = 0 then null else hour_of_day end,
                               is_international = case when amount_abs_cents % 5 = 0 then null else is_international end,
                               is_digital_channel = case when amount_abs_cents % 7 = 0 then null else is_digital_channel end,
                               is_high_velocity = case when amount_abs_cents % 4 = 1 then null else is_high_velocity end,
                               is_fraud = case when amount_abs_cents % 6 = 1 then null else is_fraud end,
                               product_key = case when amount_abs_cents % 4 = 0 then null else product_key end,
                               merchant_category = case when amount_abs_cents % 3 = 1 then null else merchant_category end,
                               decline_reason = case when amount_abs_cents % 5 = 1 then 'Odd Reason' else decline_reason end,
                               is_declined = case when amount_abs_cents % 5 = 1 then true else is_declined end,
                               is_approved = case when amount_abs_cents % 5 = 1 then false else is_approved end""");
        sql.execute("update odd set merchant_key = null, has_merchant = null where transaction_key % 4 = 0");
        sql.execute("update odd set amount_abs_cents = null where transaction_key % 9 = 0");
        sql.execute("update odd set customer_key = 999999999 where transaction_key % 10 = 0");
        sql.execute("update odd set transaction_date = null, date_key = null where transaction_key % 11 = 0");
        sql.execute("update odd set transaction_key = -transaction_key, transaction_id = 'X' || transaction_id");
        assertThat(sql.execute("insert into gold.fact_transactions select * from odd")).isEqualTo(60);

        Context ctx = new Context(sql, FactClock.load(sql), 42, 0.95, null, 10.0, 0.1);
        assertThat(ctx.clock().months()).isEqualTo(72);
        long pages = Sql.l(sql.one("select pg_relation_size('gold.fact_transactions') / 8192 as p"), "p");
        assertThat(pages).isGreaterThan(10);
        FactScan whole = FactScan.load(ctx, Long.MAX_VALUE);
        FactScan halves = FactScan.load(ctx, 2);
        long rows = Sql.l(sql.one("select count(*) as n from gold.fact_transactions"), "n");
        assertThat(whole.rows()).isEqualTo(rows).isEqualTo(halves.rows());

        for (FactScan scan : List.of(whole, halves)) {
            // the cube's cells
            List<String> cube = rows(sql.fetchHashed(TransactionCube.QUERY));
            assertThat(cube).hasSizeGreaterThan(1_000)
                    .anyMatch(r -> r.contains("is_weekend=null") && r.contains("product_key=null"))
                    .anyMatch(r -> r.contains("decline_reason=Odd Reason"));
            assertThat(rows(fetch(sql, "%s", scan.cube()))).containsExactlyInAnyOrderElementsOf(cube);

            // the fraud factor combinations, labelled
            List<String> factors = rows(sql.fetchHashed(DiagnosticQueries.FRAUD_BY_FACTORS));
            assertThat(factors).hasSizeGreaterThan(1_000).anyMatch(r -> r.contains("hour_of_day=null"))
                    .anyMatch(r -> r.contains("merchant_category=null") && r.contains("is_international=null"));
            FactScan.Relation groups = scan.factors();
            assertThat(rows(sql.fetch(DiagnosticQueries.fraudByFactors(groups.sql()), groups.binds())))
                    .containsExactlyInAnyOrderElementsOf(factors);

            // the fraud model input, in its order
            PredictiveQueries.FraudRows fraud = PredictiveQueries.FraudRows.of(sql.fetch(PredictiveQueries.FRAUD_INPUT));
            assertThat(fraud.n()).hasSizeGreaterThan(500);
            PredictiveQueries.FraudRows scanned = scan.fraudRows();
            assertThat(scanned.customerId()).containsExactly(fraud.customerId());
            assertThat(scanned.code()).containsExactly(fraud.code());
            assertThat(scanned.n()).containsExactly(fraud.n());

            // the campaign windows' purchase spend (no row in the SQL pass: no transaction in the window, 0)
            Map<String, String> windows = new HashMap<>();
            for (Record r : sql.fetch(CausalQueries.WINDOW_SPEND, CausalQueries.windowBinds(ctx))) {
                windows.put(r.get("contact_id", String.class), value(r.get("pre")) + "/" + value(r.get("post")));
            }
            assertThat(windows).hasSizeGreaterThan(20);
            int spent = 0;
            for (Record r : fetch(sql, "%s", scan.contactSpend())) {
                String expected = windows.getOrDefault(r.get("contact_id", String.class), "0/0").replace("null", "0");
                assertThat(value(r.get("pre")) + "/" + value(r.get("post"))).as(r.get("contact_id", String.class)).isEqualTo(expected);
                spent += windows.containsKey(r.get("contact_id", String.class)) ? 1 : 0;
            }
            assertThat(spent).isEqualTo(windows.size());

            // the features: every column the same value, the spending categories the same set
            LocalDate asOf = ctx.asOfDate();
            String[] regions = sql.fetch(CustomerFeatures.REGIONS).stream().map(r -> r.get("region", String.class)).toArray(String[]::new);
            List<Record> direct = sql.fetchWithWorkMem(CustomerFeatures.query(ctx.clock()), regions, asOf, asOf, asOf, asOf,
                    ctx.startDate());
            FactScan.CustomerSums sums = scan.customerSums();
            List<Object> binds = new ArrayList<>(List.of(sums.columns()));
            binds.addAll(List.of(asOf, asOf, asOf, asOf, ctx.startDate()));
            List<Record> streamed = sql.fetch(CustomerFeatures.streamedQuery(ctx.clock()), binds.toArray());
            assertThat(streamed).hasSameSizeAs(direct).hasSizeGreaterThanOrEqualTo(100);
            int withCategories = 0;
            for (int i = 0; i < direct.size(); i++) {
                Record d = direct.get(i);
                Record s = streamed.get(i);
                for (var field : d.fields()) {
                    if (!field.getName().equals("spend_categories")) {
                        assertThat(value(s.get(field.getName()))).as(field.getName() + " of " + d.get("customer_id"))
                                .isEqualTo(value(d.get(field)));
                    }
                }
                String[] categories = d.get("spend_categories", String[].class);
                String[] fromScan = sums.spendCategories().get(d.get("customer_id", String.class));
                assertThat(fromScan == null ? null : Arrays.asList(fromScan)).isEqualTo(categories == null ? null : Arrays.asList(categories));
                withCategories += categories == null ? 0 : 1;
            }
            assertThat(withCategories).isGreaterThan(50);
            assertThat(direct.stream().map(r -> r.get("m1")).filter(m -> m != null && ((Long) m) != 0)).isNotEmpty();
        }
    }

    private static List<Record> fetch(Sql sql, String format, FactScan.Relation relation) {
        return sql.fetch(format.formatted(relation.sql()), relation.binds());
    }

    /** Each row as {@code name=value, ...} with numbers compared by value (a bigint sum and its numeric sum print alike). */
    private static List<String> rows(List<Record> records) {
        List<String> out = new ArrayList<>();
        for (Record r : records) {
            StringBuilder b = new StringBuilder();
            for (var f : r.fields()) {
                b.append(f.getName()).append('=').append(value(r.get(f))).append(", ");
            }
            out.add(b.toString());
        }
        return out;
    }

    private static String value(Object v) {
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Object[] a) {
            return new TreeSet<>(Arrays.stream(a).map(String::valueOf).toList()).toString();
        }
        return String.valueOf(v);
    }
}
