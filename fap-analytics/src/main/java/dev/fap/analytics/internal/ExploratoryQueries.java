package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.d;
import static dev.fap.analytics.internal.Sql.l;
import static dev.fap.analytics.internal.Sql.s;

import dev.fap.analytics.CategorySpend;
import dev.fap.analytics.ExploratoryAnalysis;
import dev.fap.analytics.SegmentProfile;
import dev.fap.analytics.stats.Clustering;
import dev.fap.analytics.stats.CorrelationMatrix;
import dev.fap.analytics.stats.Correlations;
import dev.fap.analytics.stats.KMeans;
import dev.fap.analytics.stats.Moments;
import dev.fap.analytics.stats.OutlierReport;
import dev.fap.analytics.stats.Outliers;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jooq.Record;

/**
 * Exploratory analytics. Clustering features (per customer with transactions): log spend per month,
 * transactions per month, log average ticket, digital share, night share, international share,
 * merchant categories used, products held and tenure in months; money is log-transformed
 * ({@code ln(1 + x)}) and every feature winsorised at its 1st/99th percentile before standardising, so
 * heavy tails do not form singleton clusters. k is chosen in 2..8 by the mean silhouette among the
 * usable candidates, those whose smallest segment holds at least 5 % of the customers (see
 * {@link KMeans}); every candidate is reported with its smallest segment share.
 */
public final class ExploratoryQueries {
    private ExploratoryQueries() {
    }

    public static ExploratoryAnalysis run(Context ctx) {
        CustomerFeatures f = ctx.features();
        int[] rows = IntStream.range(0, f.n).filter(i -> f.transactions[i] > 0).toArray();
        Map<String, double[]> all = new LinkedHashMap<>();
        all.put("log_spend_per_month", pick(rows, f.spendPerMonth, true));
        all.put("transactions_per_month", pick(rows, f.txnPerMonth, false));
        all.put("log_avg_ticket", pick(rows, f.avgTicket, true));
        all.put("digital_share", pick(rows, f.digitalShare, false));
        all.put("night_share", pick(rows, f.nightShare, false));
        all.put("international_share", pick(rows, f.internationalShare, false));
        all.put("merchant_categories", pick(rows, f.categoryDiversity, false));
        all.put("products_held", pick(rows, f.products, false));
        all.put("tenure_months", pick(rows, f.tenureMonths, false));
        List<String> names = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, double[]> e : all.entrySet()) {
            if (e.getValue().length > 1 && Moments.of(e.getValue()).variance() > 0) {
                names.add(e.getKey());
            } else {
                dropped.add(e.getKey());
            }
        }
        if (rows.length < 10 || names.size() < 2) {
            throw new FapException(ErrorCode.ANALYSIS_FAILED, "exploratory analysis needs at least 10 customers with transactions "
                    + "and 2 varying features, had " + rows.length + " and " + names.size(), "generate or load more data");
        }
        double[][] cols = names.stream().map(all::get).toArray(double[][]::new);
        double[][] data = new double[rows.length][names.size()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < names.size(); j++) {
                data[i][j] = cols[j][i];
            }
        }
        Clustering clustering = KMeans.defaults().withK(2, Math.min(8, rows.length - 1)).withWinsorizing(0.01).withSeed(ctx.seed())
                .withSilhouetteSample(1000).cluster(names, data);
        List<SegmentProfile> segments = new ArrayList<>();
        for (int c = 0; c < clustering.k(); c++) {
            Map<String, Double> centroid = new LinkedHashMap<>();
            for (int j = 0; j < names.size(); j++) {
                centroid.put(names.get(j), clustering.centroidsOriginal()[c][j]);
            }
            segments.add(new SegmentProfile(c, name(names, clustering.centroids()[c]), clustering.sizes()[c],
                    (double) clustering.sizes()[c] / rows.length, centroid));
        }
        CorrelationMatrix pearson = Correlations.pearson(names, cols);
        CorrelationMatrix spearman = Correlations.spearman(names, cols);
        List<OutlierReport> outliers = new ArrayList<>();
        outliers.add(Outliers.detect("spend_per_month", pick(rows, f.spendPerMonth, false)));
        outliers.add(Outliers.detect("transactions_per_month", pick(rows, f.txnPerMonth, false)));
        outliers.add(Outliers.detect("avg_ticket", pick(rows, f.avgTicket, false)));
        Spending spending = spending(ctx, f);
        List<CategorySpend> byCategory = spending.byCategory();
        List<CategorySpend> byRegion = spending.byRegion();
        return new ExploratoryAnalysis(rows.length, List.copyOf(names), List.copyOf(dropped), clustering, List.copyOf(segments),
                pearson, spearman, List.copyOf(outliers), byCategory, byRegion);
    }

    /** A name from the two most distinctive standardised centroid coordinates, e.g. "high digital_share, low tenure_months". */
    static String name(List<String> names, double[] z) {
        Integer[] idx = IntStream.range(0, z.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(idx, Comparator.comparingDouble(i -> -Math.abs(z[i])));
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < Math.min(2, idx.length); k++) {
            if (Math.abs(z[idx[k]]) >= 0.25) {
                parts.add((z[idx[k]] > 0 ? "high " : "low ") + names.get(idx[k]));
            }
        }
        return parts.isEmpty() ? "typical" : String.join(", ", parts);
    }

    private static double[] pick(int[] rows, double[] v, boolean log) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = log ? Math.log1p(Math.max(0, v[rows[i]])) : v[rows[i]];
        }
        return out;
    }

    /**
     * Approved debit spending by category and by region in one parallel hash-aggregated pass to one row per
     * category × region × customer, rolled up from there (distinct customers without sorting the transactions).
     */
    static final String SPEND_PASS = """
                with x as (select f.merchant_category as category, m.region, f.customer_id, count(*) as n, sum(f.debit_amount) as volume
                           from gold.fact_transactions f join gold.dim_merchant m on m.merchant_key = f.merchant_key
                           where f.is_approved and f.is_debit
                           group by 1, 2, 3),
                c as (select category, customer_id, sum(n) as n, sum(volume) as volume from x group by 1, 2),
                r as (select region, customer_id, sum(n) as n, sum(volume) as volume from x group by 1, 2)
                select 0 as by_region, coalesce(category, '(none)') as label, sum(n) as n, count(customer_id) as customers,
                       sum(volume) as volume
                from c group by category
                union all
                select 1, coalesce(region, '(none)'), sum(n), count(customer_id), sum(volume) from r group by region
                order by by_region, volume desc, label""";

    /**
     * Approved debit spending with a merchant by merchant category and by the merchant's region: transactions,
     * distinct customers and volume, largest volume first. Transactions and volume are sums of the fraud factor
     * combinations (grouped by merchant), the customers are counted from the per-customer features (the
     * categories and regions each customer spent in): no pass of its own over the facts. With more regions than
     * a bit set holds, one pass grouped by category × region × customer ({@link #SPEND_PASS}).
     */
    static Spending spending(Context ctx, CustomerFeatures f) {
        List<String> regions = f.regions();
        Map<Long, Integer> regionOf = new HashMap<>();
        for (Record r : ctx.sql().fetch("select merchant_key, region from gold.dim_merchant")) {
            regionOf.put(r.get("merchant_key", Long.class), regions.indexOf(r.get("region", String.class)));
        }
        if (regions.size() > CustomerFeatures.MAX_REGIONS) {
            List<Record> rows = ctx.sql().fetch(SPEND_PASS);
            return new Spending(spend(rows, 0), spend(rows, 1));
        }
        Map<String, Spend> byCategory = new HashMap<>();
        Spend[] byRegion = new Spend[regions.size()];
        for (Record r : DiagnosticQueries.fraudByFactors(ctx)) {
            Integer ri = regionOf.get(r.get("merchant_key", Long.class));
            long n = l(r, "spend_n");
            if (ri == null || n == 0) {
                continue; // no merchant (the pass joins the merchants), or no approved debits
            }
            BigDecimal volume = r.get("spend", BigDecimal.class);
            byCategory.computeIfAbsent(r.get("merchant_category", String.class), k -> new Spend()).add(n, volume);
            (byRegion[ri] == null ? byRegion[ri] = new Spend() : byRegion[ri]).add(n, volume);
        }
        for (int i = 0; i < f.n; i++) {
            if (f.spendCategories[i] != null) {
                for (String category : f.spendCategories[i]) {
                    byCategory.computeIfAbsent(category, k -> new Spend()).customers++;
                }
            }
            for (long bits = f.spendRegions[i]; bits != 0; bits &= bits - 1) {
                int ri = Long.numberOfTrailingZeros(bits);
                (byRegion[ri] == null ? byRegion[ri] = new Spend() : byRegion[ri]).customers++;
            }
        }
        Map<String, Spend> regionMap = new HashMap<>();
        for (int ri = 0; ri < byRegion.length; ri++) {
            if (byRegion[ri] != null) {
                regionMap.put(regions.get(ri), byRegion[ri]);
            }
        }
        return new Spending(spend(byCategory), spend(regionMap));
    }

    /** Spending by merchant category and by region, largest volume first. */
    record Spending(List<CategorySpend> byCategory, List<CategorySpend> byRegion) {
    }

    /** Transactions, customers and volume of one category or region. */
    private static final class Spend {
        long n;
        long customers;
        BigDecimal volume = BigDecimal.ZERO;

        void add(long count, BigDecimal amount) {
            n += count;
            volume = volume.add(amount);
        }
    }

    /** Largest volume first, then by label, as the pass orders them ({@code order by volume desc, label}). */
    private static List<CategorySpend> spend(Map<String, Spend> groups) {
        List<Map.Entry<String, Spend>> rows = new ArrayList<>(groups.entrySet());
        rows.removeIf(e -> e.getValue().n == 0);
        rows.sort(Comparator.comparing((Map.Entry<String, Spend> e) -> e.getValue().volume).reversed()
                .thenComparing(e -> e.getKey() == null ? "(none)" : e.getKey()));
        List<CategorySpend> out = new ArrayList<>();
        for (Map.Entry<String, Spend> e : rows) {
            Spend s = e.getValue();
            double v = s.volume.doubleValue();
            out.add(new CategorySpend(e.getKey() == null ? "(none)" : e.getKey(), s.n, s.customers, v, Fractions.ratio(v, s.n),
                    Fractions.ratio(v, s.customers)));
        }
        return List.copyOf(out);
    }

    private static List<CategorySpend> spend(List<Record> rows, int byRegion) {
        List<CategorySpend> out = new ArrayList<>();
        for (Record r : rows) {
            if (l(r, "by_region") != byRegion) {
                continue;
            }
            long n = l(r, "n");
            long c = l(r, "customers");
            double v = d(r, "volume");
            out.add(new CategorySpend(s(r, "label"), n, c, v, Fractions.ratio(v, n), Fractions.ratio(v, c)));
        }
        return List.copyOf(out);
    }
}
