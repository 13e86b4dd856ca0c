package dev.fap.report.internal.pages;

import dev.fap.analytics.Anomaly;
import dev.fap.analytics.RealtimeAnalysis;
import dev.fap.analytics.RealtimeBucket;
import dev.fap.analytics.stats.EwmaChart;
import dev.fap.report.html.ChartSection;
import dev.fap.report.html.ChartWidth;
import dev.fap.report.html.HtmlReport;
import dev.fap.report.html.Kpi;
import dev.fap.report.internal.Fmt;
import dev.fap.report.internal.Money;
import dev.fap.report.plotly.Axis;
import dev.fap.report.plotly.Bar;
import dev.fap.report.plotly.Domain;
import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.HoverMode;
import dev.fap.report.plotly.Indicator;
import dev.fap.report.plotly.Layout;
import dev.fap.report.plotly.Legend;
import dev.fap.report.plotly.Line;
import dev.fap.report.plotly.Marker;
import dev.fap.report.plotly.Palette;
import dev.fap.report.plotly.Scatter;
import dev.fap.report.plotly.ScatterMode;
import dev.fap.report.plotly.Trace;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Report 8: what is happening now — the real-time monitoring dashboard. The same KPIs and charts
 * feed the static report and every frame of the live dashboard.
 */
public final class RealtimePage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private RealtimePage() {
    }

    public static HtmlReport build(RealtimeAnalysis r, Money money) {
        HtmlReport report = HtmlReport.titled("Real-Time Analytics").withQuestion("What's happening now?");
        for (Kpi kpi : kpis(r)) {
            report = report.withKpi(kpi);
        }
        for (ChartSection section : sections(r, money)) {
            report = report.withSection(section);
        }
        return report;
    }

    /** The headline numbers of the monitoring window. */
    public static List<Kpi> kpis(RealtimeAnalysis r) {
        List<Kpi> kpis = new ArrayList<>();
        kpis.add(Kpi.of("Transactions in window", Fmt.count(r.transactions()))
                .withDetail(TIME.format(r.windowStart()) + " → " + TIME.format(r.windowEnd())));
        kpis.add(Kpi.of("Throughput", Fmt.decimal(r.throughputPerMinute(), 2) + " / min").withDetail("over the window"));
        kpis.add(Kpi.of("Approval rate", Fmt.percent(r.approvalRate().proportion())).withDetail(Fmt.percentInterval(r.approvalRate().interval())));
        kpis.add(Kpi.of("Fraud alerts", Fmt.count(r.fraudAlerts())).withDetail(r.anomalies().size() + " anomalous buckets"));
        if (r.latency() != null) {
            kpis.add(Kpi.of("DB latency p95", Fmt.decimal(r.latency().p95Millis(), 1) + " ms")
                    .withDetail("median " + Fmt.decimal(r.latency().medianMillis(), 1) + " ms over " + r.latency().samples() + " round trips"));
        }
        kpis.add(Kpi.of("Ingestion lag", Fmt.decimal(r.ingestionLagSeconds(), 1) + " s").withDetail(Fmt.count(r.loadedRowsLastBatch()) + " rows in last batch"));
        return kpis;
    }

    /** The dashboard charts, in display order. */
    public static List<ChartSection> sections(RealtimeAnalysis r, Money money) {
        List<ChartSection> sections = new ArrayList<>();
        sections.add(indicators(r));
        sections.add(ewmaSection("Transactions per bucket", r, r.volumeChart(), "transactions", bucketValues(r, true), "Transactions", ""));
        sections.add(ewmaSection("Approval rate per bucket", r, r.approvalChart(), "approval_rate", bucketValues(r, false), "Approval rate", ".1%"));
        sections.add(flow(r, money));
        return sections;
    }

    private static List<Double> bucketValues(RealtimeAnalysis r, boolean counts) {
        // an empty bucket's approval rate is null: drawn as a gap, not as 0 % or 100 %
        return r.buckets().stream().map(b -> counts ? Double.valueOf(b.transactions()) : b.approvalRate()).toList();
    }

    private static List<String> times(RealtimeAnalysis r) {
        return r.buckets().stream().map(b -> b.start().toString()).toList();
    }

    private static ChartSection indicators(RealtimeAnalysis r) {
        double p95 = r.latency() == null ? 0 : r.latency().p95Millis();
        Figure figure = Figure.of(Layout.defaults().withGrid(1, 4, "independent").withHeight(250).with("margin", java.util.Map.of("l", 20, "r", 20, "t", 40, "b", 10)),
                Indicator.number(r.throughputPerMinute()).withTitle("Transactions / min").withValueFormat(",.2f").withDomain(Domain.cell(0, 0)),
                Indicator.gauge(r.approvalRate().proportion(), 0, 1).withTitle("Approval rate").withValueFormat(".1%")
                        .withGaugeColor(Palette.POSITIVE).withThreshold(r.approvalRate().interval().lower(), Palette.TEXT).withDomain(Domain.cell(0, 1)),
                Indicator.number(r.fraudAlerts()).withTitle("Fraud alerts").withValueFormat(",d").withDomain(Domain.cell(0, 2)),
                Indicator.gauge(p95, 0, Math.max(10, Math.ceil(p95 * 2 / 10) * 10)).withTitle("DB latency p95 (ms)").withValueFormat(".1f")
                        .withGaugeColor(Palette.PRIMARY).withDomain(Domain.cell(0, 3)));
        return ChartSection.of("Live indicators", figure).withWidth(ChartWidth.FULL)
                .withDescription("The monitoring window at a glance; \"now\" is the newest transaction, not the wall clock.")
                .withMethod(r.approvalRate().method() + " for the approval rate; latency from " + (r.latency() == null ? 0 : r.latency().samples()) + " database round trips")
                .withSampleSize(r.transactions());
    }

    private static ChartSection ewmaSection(String title, RealtimeAnalysis r, EwmaChart chart, String metric, List<Double> observed,
            String axis, String format) {
        List<String> x = times(r);
        List<Trace<?>> traces = new ArrayList<>();
        String hover = format.isEmpty() ? "%{y:,.0f}" : "%{y:" + format + "}";
        traces.add(Scatter.line(x, observed).withName("Observed").withMode(ScatterMode.LINES_MARKERS)
                .withLine(Line.of(Palette.PRIMARY, 1.5)).withMarker(Marker.defaults().withSize(4)).withHoverTemplate(hover));
        if (chart != null) {
            List<String> cx = java.util.Arrays.stream(chart.index()).mapToObj(x::get).toList();
            traces.add(Scatter.line(cx, Figures.list(chart.ewma())).withName("EWMA (λ = " + chart.lambda() + ")")
                    .withLine(Line.of(Palette.series(1), 2.5)).withHoverTemplate(hover));
            traces.add(Scatter.line(cx, Figures.list(chart.upper())).withName("Control limits (±" + chart.width() + "σ)")
                    .withLegendGroup("limits").withLine(Line.of(Palette.NEGATIVE, 1).withDash("dash")).withHoverTemplate(hover));
            traces.add(Scatter.line(cx, Figures.list(chart.lower())).withName("Lower limit").withShowLegend(false)
                    .withLegendGroup("limits").withLine(Line.of(Palette.NEGATIVE, 1).withDash("dash")).withHoverTemplate(hover));
        }
        List<Anomaly> alarms = r.anomalies().stream().filter(a -> a.metric().equals(metric)).toList();
        if (!alarms.isEmpty()) {
            traces.add(Scatter.points(alarms.stream().map(a -> a.bucketStart().toString()).toList(), alarms.stream().map(Anomaly::value).toList())
                    .withName("Anomaly").withMarker(Marker.colored(Palette.NEGATIVE).withSize(11).withSymbol("x")).withHoverTemplate("anomaly " + hover));
        }
        Figure figure = Figure.of(Layout.defaults().withHoverMode(HoverMode.X_UNIFIED).withLegend(Legend.horizontalAbove())
                .withXAxis(Axis.titled("Bucket start (data time)").withType(dev.fap.report.plotly.AxisType.DATE))
                .withYAxis(format.isEmpty() ? Axis.titled(axis) : Axis.titled(axis).withTickFormat(format)), traces);
        ChartSection section = ChartSection.of(title, figure).withWidth(ChartWidth.FULL)
                .withDescription("Per " + r.window().bucket().toMinutes() + "-minute bucket over the last " + r.window().length().toHours()
                        + " hours; crosses mark buckets outside the EWMA control limits.")
                .withSampleSize(r.transactions());
        return chart == null ? section.withMethod("Too few buckets for an EWMA control chart")
                : section.withMethod(chart.method() + ", λ = " + chart.lambda() + ", L = " + chart.width() + ", baseline of "
                        + chart.baselineN() + " buckets (μ0 = " + Fmt.decimal(chart.mean(), 3) + ", σ0 = " + Fmt.decimal(chart.sd(), 3) + ")");
    }

    private static ChartSection flow(RealtimeAnalysis r, Money money) {
        List<String> x = times(r);
        Figure figure = Figure.of(Layout.defaults().withHoverMode(HoverMode.X_UNIFIED).withLegend(Legend.horizontalAbove())
                        .withXAxis(Axis.titled("Bucket start (data time)").withType(dev.fap.report.plotly.AxisType.DATE))
                        .withYAxis(Axis.titled("Approved volume").withTickPrefix(money.symbol()).withTickFormat(".3s"))
                        .withYAxis(2, Axis.titled("Fraud flags").overlaying("y").withSide("right").withShowGrid(false)),
                Bar.of(x, r.buckets().stream().map(RealtimeBucket::volume).toList()).withName("Approved volume")
                        .withMarker(Marker.colored(Palette.PRIMARY).withOpacity(0.7)).withHoverTemplate(money.hover("y:,.0f")),
                Scatter.line(x, r.buckets().stream().map(RealtimeBucket::fraudFlags).toList()).withName("Fraud flags")
                        .withMode(ScatterMode.LINES_MARKERS).withLine(Line.of(Palette.NEGATIVE, 2)).onAxes("x", "y2").withHoverTemplate("%{y} flags"));
        return ChartSection.of("Volume and fraud flags", figure).withWidth(ChartWidth.FULL)
                .withDescription("Approved money per bucket and transactions flagged as fraud or scored ≥ 0.8.")
                .withMethod("Sums and counts per bucket over bronze.transactions (the live stream, before any rebuild)")
                .withSampleSize(r.transactions());
    }
}
