package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.d;
import static dev.fap.analytics.internal.Sql.l;

import dev.fap.analytics.Anomaly;
import dev.fap.analytics.LatencyStats;
import dev.fap.analytics.RealtimeAnalysis;
import dev.fap.analytics.RealtimeBucket;
import dev.fap.analytics.RealtimeWindow;
import dev.fap.analytics.stats.Ewma;
import dev.fap.analytics.stats.EwmaChart;
import dev.fap.analytics.stats.ProportionEstimate;
import dev.fap.analytics.stats.Proportions;
import dev.fap.analytics.stats.Quantiles;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;

/**
 * Real-time monitoring over {@code bronze.transactions}, the table the live stream appends to, so new
 * batches are visible before any rebuild. Buckets by {@code date_bin} in PostgreSQL.
 */
public final class RealtimeQueries {
    static final int LATENCY_SAMPLES = 5;

    private RealtimeQueries() {
    }

    /**
     * The newest transaction, the load lag and the size of the last batch from the batch registry
     * ({@code fap_meta.load_batches}, written in the same transaction as each bronze load): the newest batch
     * with transactions and the newest load time, plus one {@code max(transaction_date)} over
     * {@code bronze.transactions}, which reads only the row's first columns and runs in parallel. Without a
     * registry (bronze filled by other means) one pass grouped by {@code _batch_id} over the table instead.
     */
    static final String HEAD_FROM_REGISTRY = """
            select (select max(transaction_date) from bronze.transactions) as newest,
                   extract(epoch from (now() - b.loaded)) as lag_s, b.last_batch
            from (select max(loaded_at) as loaded,
                         (array_agg(rows order by batch_id desc))[1] as last_batch, count(*) as batches
                  from (select batch_id, loaded_at, (rows_per_table ->> 'transactions')::bigint as rows
                        from fap_meta.load_batches) r
                  where rows > 0) b
            where b.batches > 0""";

    /** The head in one pass over {@code bronze.transactions} (one row per load batch), for bronze tables without a registry. */
    static final String HEAD_FROM_SCAN = """
            with b as (select _batch_id, count(*) as n, max(transaction_date) as newest, max(_loaded_at) as loaded
                       from bronze.transactions group by _batch_id)
            select max(newest) as newest, extract(epoch from (now() - max(loaded))) as lag_s,
                   coalesce((select sum(n) from b where _batch_id = (select max(_batch_id) from b)), 0) as last_batch
            from b""";

    static Record head(Sql sql) {
        boolean registry = sql.one("select to_regclass('fap_meta.load_batches') is not null as present").get("present", Boolean.class);
        if (registry) {
            List<Record> rows = sql.fetch(HEAD_FROM_REGISTRY);
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
        }
        return sql.one(HEAD_FROM_SCAN);
    }

    public static RealtimeAnalysis run(Context ctx, RealtimeWindow window) {
        double[] rtt = new double[LATENCY_SAMPLES];
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            long t0 = System.nanoTime();
            ctx.sql().fetch("select 1");
            rtt[i] = (System.nanoTime() - t0) / 1e6;
        }
        Record head = head(ctx.sql());
        LocalDateTime end = head.get("newest", LocalDateTime.class);
        if (end == null) {
            throw new dev.fap.core.FapException(dev.fap.core.ErrorCode.ANALYSIS_FAILED, "no transactions to monitor in bronze.transactions",
                    "load data or start the live stream first");
        }
        int nb = window.buckets();
        LocalDateTime start = end.minus(window.bucket().multipliedBy(nb));
        String interval = window.bucket().toSeconds() + " seconds";
        long q0 = System.nanoTime();
        List<Record> rows = ctx.sql().fetch("""
                select date_bin(?::interval, transaction_date, ?::timestamp) as b, count(*) as n,
                       count(*) filter (where decline_reason is null) as approved,
                       coalesce(sum(abs(amount)) filter (where decline_reason is null), 0) as volume,
                       count(*) filter (where coalesce(is_fraud, false) or coalesce(fraud_score, 0) >= 0.8) as flags,
                       coalesce(avg(processing_time_ms), 0) as ms
                from bronze.transactions where transaction_date > ?::timestamp and transaction_date <= ?::timestamp
                group by 1 order by 1""", interval, start, start, end);
        double queryMs = (System.nanoTime() - q0) / 1e6;
        long alerts = l(ctx.sql().one("select count(*) as n from bronze.fraud_alerts where alert_date > ?::timestamp and alert_date <= ?::timestamp",
                start, end), "n");
        Map<LocalDateTime, Record> byStart = new HashMap<>();
        for (Record r : rows) {
            byStart.put(r.get("b", LocalDateTime.class), r);
        }
        List<RealtimeBucket> buckets = new ArrayList<>(nb);
        long total = 0;
        long approved = 0;
        double[] counts = new double[nb];
        double[] rates = new double[nb];
        for (int i = 0; i < nb; i++) {
            LocalDateTime b = start.plus(window.bucket().multipliedBy(i));
            Record r = byStart.get(b);
            long n = r == null ? 0 : l(r, "n");
            long a = r == null ? 0 : l(r, "approved");
            Double rate = n == 0 ? null : (double) a / n;
            buckets.add(new RealtimeBucket(b, n, a, rate, r == null ? 0 : d(r, "volume"), r == null ? 0 : l(r, "flags"),
                    r == null ? 0 : d(r, "ms")));
            total += n;
            approved += a;
            counts[i] = n;
            rates[i] = rate == null ? Double.NaN : rate;
        }
        int baseline = Math.min(window.baselineBuckets(), nb / 2);
        EwmaChart volumeChart = null;
        EwmaChart approvalChart = null;
        List<Anomaly> anomalies = new ArrayList<>();
        if (baseline >= 2) {
            volumeChart = Ewma.chart(counts, window.lambda(), window.width(), baseline);
            for (int t : volumeChart.alarms()) {
                anomalies.add(new Anomaly(buckets.get(t).start(), "transactions", counts[t], volumeChart.ewma()[t],
                        volumeChart.lower()[t], volumeChart.upper()[t]));
            }
        }
        // an empty bucket has no approval rate: it is left out of the chart (a gap), never counted as 0 or 1
        long observed = Arrays.stream(rates).filter(v -> !Double.isNaN(v)).count();
        int approvalBaseline = (int) Math.min(window.baselineBuckets(), observed / 2);
        if (approvalBaseline >= 2) {
            approvalChart = Ewma.chartSkippingMissing(rates, window.lambda(), window.width(), approvalBaseline);
            for (int t : approvalChart.alarms()) {
                int i = approvalChart.index()[t];
                anomalies.add(new Anomaly(buckets.get(i).start(), "approval_rate", rates[i], approvalChart.ewma()[t],
                        approvalChart.lower()[t], approvalChart.upper()[t]));
            }
        }
        ProportionEstimate rate = total > 0 ? Proportions.wilson(approved, total, ctx.level()) : null;
        double[] sorted = rtt.clone();
        Arrays.sort(sorted);
        LatencyStats latency = new LatencyStats(LATENCY_SAMPLES, Quantiles.ofSorted(sorted, 0.5), Quantiles.ofSorted(sorted, 0.95),
                sorted[sorted.length - 1], queryMs);
        double minutes = window.length().toSeconds() / 60.0;
        return new RealtimeAnalysis(window, start, end, List.copyOf(buckets), total, total / minutes, rate, alerts, volumeChart,
                approvalChart, List.copyOf(anomalies), latency, Math.max(0, d(head, "lag_s")), l(head, "last_batch"));
    }
}
