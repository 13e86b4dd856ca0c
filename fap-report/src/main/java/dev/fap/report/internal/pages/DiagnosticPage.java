package dev.fap.report.internal.pages;

import dev.fap.analytics.DiagnosticAnalysis;
import dev.fap.analytics.FactorTest;
import dev.fap.analytics.GroupMean;
import dev.fap.analytics.GroupRate;
import dev.fap.analytics.stats.WelchTTestResult;
import dev.fap.report.html.ChartSection;
import dev.fap.report.html.ChartWidth;
import dev.fap.report.html.HtmlReport;
import dev.fap.report.html.Kpi;
import dev.fap.report.internal.Fmt;
import dev.fap.report.plotly.Axis;
import dev.fap.report.plotly.AxisType;
import dev.fap.report.plotly.Bar;
import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.Heatmap;
import dev.fap.report.plotly.Layout;
import dev.fap.report.plotly.Line;
import dev.fap.report.plotly.Marker;
import dev.fap.report.plotly.Palette;
import dev.fap.report.plotly.Shape;
import dev.fap.report.plotly.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Report 2: why it happened — fraud, churn, declines, delinquency and service drivers. */
public final class DiagnosticPage {
    private static final String CHI = "chi-square test of independence";

    private DiagnosticPage() {
    }

    public static HtmlReport build(DiagnosticAnalysis d) {
        HtmlReport report = HtmlReport.titled("Diagnostic Analytics").withQuestion("Why did it happen?");
        Optional<FactorTest> channel = factor(d.fraudDrivers(), "channel");
        Optional<FactorTest> hour = factor(d.fraudDrivers(), "hour_of_day");
        FactorTest strongest = d.fraudDrivers().stream().max(Comparator.comparingDouble(f -> f.test().cramersV())).orElse(null);
        if (!d.fraudDrivers().isEmpty()) {
            report = report.withKpi(Kpi.of("Overall fraud rate", Fmt.percent(d.fraudDrivers().get(0).overallRate()))
                    .withDetail(Fmt.count(d.fraudDrivers().get(0).test().n()) + " transactions"));
        }
        if (strongest != null) {
            report = report.withKpi(Kpi.of("Strongest fraud driver", Fmt.label(strongest.factor()))
                    .withDetail("Cramér's V " + Fmt.decimal(strongest.test().cramersV(), 3)));
        }
        if (d.churnByTenure() != null) {
            report = report.withKpi(Kpi.of("Churn rate", Fmt.percent(d.churnByTenure().overallRate()))
                    .withDetail(Fmt.count(d.churnByTenure().test().n()) + " customers"));
        }
        report = report.withKpi(Kpi.of("Declined transactions", Fmt.count(d.declineReasons().total()))
                .withDetail(d.declineReasons().slices().isEmpty() ? "" : "top reason: " + d.declineReasons().slices().get(0).label()));
        if (d.resolvedVsUnresolved() != null) {
            WelchTTestResult t = d.resolvedVsUnresolved();
            report = report.withKpi(Kpi.of("Satisfaction gap", Fmt.decimal(t.difference(), 2) + " pts")
                    .withDetail("resolved vs unresolved, " + Fmt.interval(t.interval(), 2)));
        }
        if (channel.isPresent()) {
            report = report.withSection(rateSection("Fraud rate by channel", channel.get(), Palette.NEGATIVE,
                    "Share of transactions flagged as fraud in each channel, with Wilson intervals; the dashed line is the overall rate."));
        }
        if (hour.isPresent()) {
            report = report.withSection(hourHeatmap(hour.get()));
        }
        if (d.churnByTenure() != null) {
            report = report.withSection(rateSection("Churn by tenure", d.churnByTenure(), Palette.WARNING,
                    "Share of customers no longer active, by time since signup, with Wilson intervals."));
        }
        report = report.withSection(ChartSection.of("Decline reasons", Figures.donut(d.declineReasons()))
                .withDescription("Declined transactions by the reason the issuer gave.")
                .withMethod("Counts over gold.fact_transactions where is_declined").withSampleSize(d.declineReasons().total()));
        if (!d.satisfactionByReason().isEmpty()) {
            report = report.withSection(service(d.satisfactionByReason(), d.resolvedVsUnresolved()));
        }
        if (!d.delinquencyFactors().isEmpty()) {
            report = report.withSection(delinquency(d.delinquencyFactors()));
        }
        if (!d.fraudDrivers().isEmpty()) {
            report = report.withSection(drivers(d.fraudDrivers()));
        }
        return report;
    }

    static Optional<FactorTest> factor(List<FactorTest> tests, String name) {
        return tests.stream().filter(f -> f.factor().equals(name)).findFirst();
    }

    /** Drops the sort prefix of ordered level labels such as {@code "1: < 6 months"}. */
    static String levelLabel(String level) {
        return level.matches("^\\d+: .*") ? level.substring(level.indexOf(": ") + 2) : level;
    }

    private static ChartSection rateSection(String title, FactorTest test, String color, String description) {
        List<String> labels = test.levels().stream().map(l -> levelLabel(l.level())).toList();
        Bar bars = Figures.rateBars(labels, test.levels().stream().map(GroupRate::rate).toList(), color).withName(Fmt.label(test.factor()));
        Figure figure = Figure.of(Layout.defaults().withShowLegend(false)
                        .withXAxis(Axis.titled(Fmt.label(test.factor())).withType(AxisType.CATEGORY))
                        .withYAxis(Axis.titled(Fmt.label(test.outcome()) + " rate (%)").withTickSuffix("%"))
                        .withShape(Shape.horizontalLine(test.overallRate() * 100).withLine(Line.of(Palette.NEUTRAL, 1).withDash("dash"))),
                bars);
        return ChartSection.of(title, figure).withDescription(description)
                .withMethod(test.test().method() + "; Cramér's V " + Fmt.decimal(test.test().cramersV(), 3)
                        + ", χ² = " + Fmt.decimal(test.test().statistic(), 2) + " on " + test.test().df() + " df")
                .withSampleSize(test.test().n())
                .withPValue(CHI + ", " + test.factor() + " × " + test.outcome(), test.test().pValue())
                .withPValue("Benjamini–Hochberg q-value across the factors tested", Math.min(1, test.qValue()));
    }

    private static ChartSection hourHeatmap(FactorTest hour) {
        String[] blocks = {"Night 00–05", "Morning 06–11", "Afternoon 12–17", "Evening 18–23"};
        List<String> columns = List.of("+0 h", "+1 h", "+2 h", "+3 h", "+4 h", "+5 h");
        List<List<Double>> z = new ArrayList<>();
        List<List<String>> text = new ArrayList<>();
        for (int row = 0; row < 4; row++) {
            List<Double> values = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int col = 0; col < 6; col++) {
                int h = row * 6 + col;
                GroupRate rate = hour.levels().stream().filter(l -> parseHour(l.level()) == h).findFirst().orElse(null);
                values.add(rate == null ? null : rate.rate().proportion() * 100);
                labels.add(String.format(Locale.ROOT, "%02d:00<br>%s", h, rate == null ? "–" : Fmt.percent(rate.rate().proportion())));
            }
            z.add(values);
            text.add(labels);
        }
        Heatmap heatmap = Heatmap.of(columns, List.of(blocks), z).withColorScale("Reds").withColorBarTitle("Fraud %").withGaps(2)
                .with("text", text).withTextTemplate("%{text}")
                .withHoverTemplate("%{text}<br>fraud rate %{z:.2f}%<extra></extra>");
        Figure figure = Figure.of(Layout.defaults().withXAxis(Axis.titled("Hour within the block").withShowGrid(false))
                .withYAxis(Axis.defaults().reversed().withShowGrid(false)), heatmap);
        return ChartSection.of("Fraud heatmap by hour of day", figure)
                .withDescription("Fraud rate for each hour of the day, laid out in four six-hour blocks.")
                .withMethod(hour.test().method() + " over 24 hours; Cramér's V " + Fmt.decimal(hour.test().cramersV(), 3))
                .withSampleSize(hour.test().n())
                .withPValue(CHI + ", hour of day × fraud", hour.test().pValue());
    }

    private static int parseHour(String level) {
        try {
            return Integer.parseInt(level.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ChartSection service(List<GroupMean> groups, WelchTTestResult resolved) {
        List<String> labels = groups.stream().map(GroupMean::group).toList();
        List<Double> means = groups.stream().map(g -> g.estimate().mean()).toList();
        Bar bars = Bar.horizontal(labels, means)
                .withErrorX(groups.stream().map(g -> g.estimate().interval().upper() - g.estimate().mean()).toList(),
                        groups.stream().map(g -> g.estimate().mean() - g.estimate().interval().lower()).toList())
                .withMarker(Marker.scaled(means, "RdYlGn").with("cmin", 1).with("cmax", 5))
                .withCustomData(groups.stream().map(g -> List.<Object>of(g.estimate().n())).toList())
                .withHoverTemplate("%{y}: %{x:.2f} / 5 over %{customdata[0]:,} rated contacts<extra></extra>");
        Figure figure = Figure.of(Layout.defaults().withShowLegend(false).withHeight(Math.max(320, 80 + 32 * groups.size()))
                .withXAxis(Axis.titled("Mean satisfaction (1–5)").withRange(1, 5)), bars);
        ChartSection section = ChartSection.of("Service issues and satisfaction", figure)
                .withDescription("Mean satisfaction rating per contact reason with t intervals; the lowest-rated reasons are on top.")
                .withMethod(groups.get(0).estimate().method() + " intervals per reason"
                        + (resolved == null ? "" : "; " + resolved.method() + " resolved vs unresolved, Hedges' g "
                                + Fmt.decimal(resolved.hedgesG(), 2)))
                .withSampleSize(groups.stream().mapToLong(g -> g.estimate().n()).sum());
        return resolved == null ? section : section.withPValue("Welch t-test, satisfaction of resolved vs unresolved contacts", resolved.pValue());
    }

    private static ChartSection delinquency(List<FactorTest> factors) {
        Layout layout = Layout.defaults().withGrid(1, factors.size(), "independent").withShowLegend(false).withHeight(400);
        List<Trace<?>> traces = new ArrayList<>();
        ChartSection section = null;
        for (int i = 0; i < factors.size(); i++) {
            FactorTest f = factors.get(i);
            String n = i == 0 ? "" : String.valueOf(i + 1);
            traces.add(Figures.rateBars(f.levels().stream().map(l -> levelLabel(l.level())).toList(),
                    f.levels().stream().map(GroupRate::rate).toList(), Palette.series(i + 3)).onAxes("x" + n, "y" + n));
            layout = layout.withXAxis(i + 1, Axis.titled(Fmt.label(f.factor())).withType(AxisType.CATEGORY).withTickAngle(-30))
                    .withYAxis(i + 1, Axis.defaults().withTickSuffix("%"));
        }
        section = ChartSection.of("Delinquency factors", Figure.of(layout.withYAxis(1, Axis.titled("Late payment rate (%)").withTickSuffix("%")), traces))
                .withWidth(ChartWidth.FULL)
                .withDescription("Share of borrowers with at least one late loan payment, by credit-score band, income band and product.")
                .withMethod(factors.get(0).test().method() + " per factor, Wilson intervals")
                .withSampleSize(factors.get(0).test().n());
        for (FactorTest f : factors) {
            section = section.withPValue(CHI + ", " + f.factor() + " × late payment (q = " + Fmt.decimal(Math.min(1, f.qValue()), 4) + ")",
                    f.test().pValue());
        }
        return section;
    }

    private static ChartSection drivers(List<FactorTest> drivers) {
        List<FactorTest> sorted = drivers.stream().sorted(Comparator.comparingDouble((FactorTest f) -> -f.test().cramersV())).toList();
        Bar bars = Bar.horizontal(sorted.stream().map(f -> Fmt.label(f.factor())).toList(), sorted.stream().map(f -> f.test().cramersV()).toList())
                .withMarker(Marker.colored(sorted.stream().map(f -> f.qValue() < 0.05 ? Palette.NEGATIVE : Palette.NEUTRAL).toList()))
                .withCustomData(sorted.stream().map(f -> List.<Object>of(f.test().statistic(), f.test().df(), f.test().pValue(), f.qValue())).toList())
                .withHoverTemplate("%{y}: V = %{x:.3f}<br>χ² = %{customdata[0]:,.1f} on %{customdata[1]} df"
                        + "<br>p = %{customdata[2]:.2e}, q = %{customdata[3]:.2e}<extra></extra>");
        Figure figure = Figure.of(Layout.defaults().withShowLegend(false).withHeight(Math.max(300, 80 + 40 * sorted.size()))
                .withXAxis(Axis.titled("Cramér's V (effect size)")).withYAxis(Axis.defaults().reversed()), bars);
        ChartSection section = ChartSection.of("Fraud drivers ranked", figure)
                .withDescription("Strength of association between each factor and fraud; red bars stay significant after Benjamini–Hochberg (q < 0.05).")
                .withMethod(CHI + " per factor, Cramér's V, Benjamini–Hochberg false discovery rate")
                .withSampleSize(drivers.get(0).test().n());
        for (FactorTest f : sorted) {
            section = section.withPValue(CHI + ", " + f.factor() + " × fraud", f.test().pValue());
        }
        return section;
    }
}
