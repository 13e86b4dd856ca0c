package dev.fap.report.internal.pages;

import dev.fap.analytics.CampaignTest;
import dev.fap.analytics.CohortRetention;
import dev.fap.analytics.InferentialAnalysis;
import dev.fap.analytics.RetentionPoint;
import dev.fap.analytics.stats.BootstrapResult;
import dev.fap.analytics.stats.ConfidenceInterval;
import dev.fap.analytics.stats.SurvivalCurve;
import dev.fap.analytics.stats.WelchTTestResult;
import dev.fap.report.html.ChartSection;
import dev.fap.report.html.ChartWidth;
import dev.fap.report.html.HtmlReport;
import dev.fap.report.html.Kpi;
import dev.fap.report.internal.Fmt;
import dev.fap.report.internal.Money;
import dev.fap.report.plotly.Axis;
import dev.fap.report.plotly.AxisType;
import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.Heatmap;
import dev.fap.report.plotly.Layout;
import dev.fap.report.plotly.Legend;
import dev.fap.report.plotly.Line;
import dev.fap.report.plotly.Palette;
import dev.fap.report.plotly.Scatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Report 4: can we generalise — intervals, t-tests, campaign A/B tests, cohorts, survival. */
public final class InferentialPage {
    private InferentialPage() {
    }

    public static HtmlReport build(InferentialAnalysis i, Money money) {
        HtmlReport report = HtmlReport.titled("Inferential Analytics").withQuestion("Can we generalize?");
        if (i.meanMonthlySpend() != null) {
            report = report.withKpi(Kpi.of("Mean monthly spend", money.format(i.meanMonthlySpend().mean()))
                    .withDetail(money.interval(i.meanMonthlySpend().interval())));
        }
        if (i.medianMonthlySpendBootstrap() != null) {
            report = report.withKpi(Kpi.of("Median monthly spend", money.format(i.medianMonthlySpendBootstrap().estimate()))
                    .withDetail(money.interval(i.medianMonthlySpendBootstrap().interval())));
        }
        report = report.withKpi(Kpi.of("Campaigns tested", String.valueOf(i.campaignTests().size()))
                .withDetail(i.campaignsSignificantRaw() + " significant raw, " + i.campaignsSignificantBh() + " after BH"));
        if (i.customerSurvival() != null) {
            SurvivalCurve s = i.customerSurvival();
            report = report.withKpi(Kpi.of("Median time to churn", s.medianTime() == null ? "not reached" : Fmt.decimal(s.medianTime(), 0) + " months")
                    .withDetail(Fmt.count(s.events()) + " churned of " + Fmt.count(s.n())));
        }
        if (i.campaignTests().stream().anyMatch(t -> t.conversion() != null)) {
            report = report.withSection(campaignIntervals(i.campaignTests(), i.campaignsSignificantBh()));
        }
        if (!i.cohortRetention().isEmpty()) {
            report = report.withSection(cohorts(i.cohortRetention()));
        }
        List<WelchTTestResult> tests = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (i.weekendVsWeekdayTicket() != null) {
            tests.add(i.weekendVsWeekdayTicket());
            names.add("Ticket size: weekend − weekday");
        }
        if (i.premiumVsStandardSpend() != null) {
            tests.add(i.premiumVsStandardSpend());
            names.add("Monthly spend: premium − standard");
        }
        if (!tests.isEmpty()) {
            report = report.withSection(differences(names, tests, money));
        }
        if (i.meanMonthlySpend() != null && i.meanMonthlySpendBootstrap() != null && i.medianMonthlySpendBootstrap() != null) {
            report = report.withSection(spendIntervals(i, money));
        }
        if (i.customerSurvival() != null && i.customerSurvival().time().length > 0) {
            report = report.withSection(survival(i.customerSurvival()));
        }
        return report;
    }

    private static ChartSection campaignIntervals(List<CampaignTest> all, int significantBh) {
        List<CampaignTest> tests = all.stream().filter(t -> t.conversion() != null).toList();
        List<String> labels = tests.stream().map(t -> t.campaignName() + " (" + t.campaignType() + ")").toList();
        List<Double> estimates = tests.stream().map(t -> t.conversion().difference() * 100).toList();
        List<ConfidenceInterval> intervals = tests.stream().map(t -> Figures.scale(t.conversion().differenceInterval(), 100)).toList();
        List<String> colors = tests.stream().map(t -> q(t) < 0.05 ? Palette.POSITIVE : Palette.NEUTRAL).toList();
        Figure figure = Figures.forest(labels, estimates, intervals, colors, 0, "Conversion uplift, treatment − control (percentage points)", ".2f");
        double minP = tests.stream().mapToDouble(t -> t.conversion().pValue()).min().orElse(Double.NaN);
        double minQ = tests.stream().mapToDouble(InferentialPage::q).min().orElse(Double.NaN);
        ChartSection section = ChartSection.of("95% confidence intervals: campaign A/B tests", figure).withWidth(ChartWidth.FULL)
                .withDescription("Difference in conversion between contacted and control customers per campaign; green campaigns remain significant "
                        + "after Benjamini–Hochberg correction (" + significantBh + " of " + tests.size() + ").")
                .withMethod(tests.get(0).conversion().method() + "; " + Fmt.level(tests.get(0).conversion().differenceInterval())
                        + " unpooled Wald intervals; Benjamini–Hochberg FDR")
                .withSampleSize(tests.stream().mapToLong(t -> t.conversion().n1() + t.conversion().n2()).sum())
                .withPValue("smallest raw p-value over the campaigns (z-test)", minP)
                .withPValue("smallest Benjamini–Hochberg q-value", Double.isNaN(minQ) ? minQ : Math.min(1, minQ));
        List<CampaignTest> untested = all.stream().filter(t -> t.conversion() == null).toList();
        if (!untested.isEmpty()) {
            section = section.withNote(untested.size() + " campaign" + (untested.size() == 1 ? "" : "s") + " without a test: "
                    + String.join("; ", untested.stream().map(t -> t.campaignName() + (t.note() == null ? "" : " (" + t.note() + ")")).toList()));
        }
        return section;
    }

    private static double q(CampaignTest t) {
        return t.qValue() == null ? Double.NaN : t.qValue();
    }

    private static ChartSection cohorts(List<CohortRetention> cohorts) {
        TreeSet<Integer> months = new TreeSet<>();
        cohorts.forEach(c -> c.points().forEach(p -> months.add(p.monthsSinceSignup())));
        List<String> x = months.stream().map(m -> "M" + m).toList();
        List<String> y = cohorts.stream().map(c -> c.cohort() + " (" + Fmt.count(c.size()) + ")").toList();
        List<List<Double>> z = new ArrayList<>();
        List<List<String>> text = new ArrayList<>();
        List<List<List<Object>>> custom = new ArrayList<>();
        for (CohortRetention c : cohorts) {
            List<Double> row = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<List<Object>> cells = new ArrayList<>();
            for (int m : months) {
                RetentionPoint p = c.points().stream().filter(q -> q.monthsSinceSignup() == m).findFirst().orElse(null);
                row.add(p == null ? null : p.retained().proportion() * 100);
                labels.add(p == null ? "" : Fmt.decimal(p.retained().proportion() * 100, 0) + "%");
                cells.add(p == null ? List.of(0, 0, 0) : List.of(p.retained().n(), p.retained().interval().lower() * 100, p.retained().interval().upper() * 100));
            }
            z.add(row);
            text.add(labels);
            custom.add(cells);
        }
        // Plotly's "Blues" runs from dark to light: reversed, more retention is darker
        double lowest = z.stream().flatMap(List::stream).filter(v -> v != null).mapToDouble(Double::doubleValue).min().orElse(0);
        double zMin = Math.max(0, Math.min(90, Math.floor(lowest / 10) * 10));
        Heatmap heatmap = Heatmap.of(x, y, z).withColorScale("Blues").with("reversescale", true).withZRange(zMin, 100).withColorBarTitle("Retained %")
                .with("text", text).withTextTemplate("%{text}").withGaps(1).withCustomData(custom)
                .withHoverTemplate("Cohort %{y}, %{x}: %{z:.1f}% retained<br>of %{customdata[0]:,} observable"
                        + "<br>CI %{customdata[1]:.1f}% – %{customdata[2]:.1f}%<extra></extra>");
        Figure figure = Figure.of(Layout.defaults().withHeight(Math.max(360, 90 + 30 * cohorts.size()))
                .withXAxis(Axis.titled("Months since signup").withShowGrid(false))
                .withYAxis(Axis.titled("Signup cohort").reversed().withShowGrid(false).withType(AxisType.CATEGORY)), heatmap);
        RetentionPoint sample = cohorts.stream().flatMap(c -> c.points().stream()).findFirst().orElse(null);
        return ChartSection.of("Cohort retention heatmap", figure).withWidth(ChartWidth.FULL)
                .withDescription("Share of each quarterly signup cohort still active after 1–24 months; empty cells are not yet observable.")
                .withMethod("Active share per cohort and month" + (sample == null ? "" : ", " + sample.retained().method() + "s on hover"))
                .withSampleSize(cohorts.stream().mapToLong(CohortRetention::size).sum());
    }

    private static ChartSection differences(List<String> names, List<WelchTTestResult> tests, Money money) {
        List<Double> estimates = tests.stream().map(WelchTTestResult::difference).toList();
        List<ConfidenceInterval> intervals = tests.stream().map(WelchTTestResult::interval).toList();
        List<String> colors = tests.stream().map(t -> Figures.significanceColor(t.interval(), 0)).toList();
        Figure figure = Figures.forest(names, estimates, intervals, colors, 0, money.titled("Difference in means"), money.d3(",.2f"));
        ChartSection section = ChartSection.of("Welch t-tests: differences in means", figure)
                .withDescription("Mean differences with " + Fmt.level(tests.get(0).interval()) + " intervals; an interval that misses zero is significant.")
                .withMethod(tests.get(0).method() + " (Welch–Satterthwaite df); effect sizes Hedges' g "
                        + String.join(", ", tests.stream().map(t -> Fmt.decimal(t.hedgesG(), 3)).toList()))
                .withSampleSize(tests.stream().mapToLong(t -> t.n1() + t.n2()).max().orElse(0));
        for (int k = 0; k < tests.size(); k++) {
            section = section.withPValue("Welch t-test, " + names.get(k) + " (t = " + Fmt.decimal(tests.get(k).t(), 2)
                    + ", df = " + Fmt.decimal(tests.get(k).df(), 1) + ")", tests.get(k).pValue());
        }
        return section;
    }

    private static ChartSection spendIntervals(InferentialAnalysis i, Money money) {
        BootstrapResult mean = i.meanMonthlySpendBootstrap();
        BootstrapResult median = i.medianMonthlySpendBootstrap();
        List<String> labels = List.of("Mean, t interval", "Mean, " + mean.method(), "Median, " + median.method());
        List<Double> estimates = List.of(i.meanMonthlySpend().mean(), mean.estimate(), median.estimate());
        List<ConfidenceInterval> intervals = List.of(i.meanMonthlySpend().interval(), mean.interval(), median.interval());
        Figure figure = Figures.forest(labels, estimates, intervals, List.of(Palette.PRIMARY, Palette.series(4), Palette.series(2)),
                i.meanMonthlySpend().mean(), money.titled("Monthly spend per customer"), money.d3(",.2f"));
        return ChartSection.of("Confidence intervals for monthly spend", figure)
                .withDescription("Parametric and bootstrap intervals agree when the mean is well behaved; the median is robust to heavy spenders.")
                .withMethod(i.meanMonthlySpend().method() + " interval and " + mean.method() + " with " + Fmt.count(mean.replicates())
                        + " resamples (seed " + mean.seed() + ")")
                .withSampleSize(i.meanMonthlySpend().n());
    }

    private static ChartSection survival(SurvivalCurve s) {
        List<Double> t = new ArrayList<>(List.of(0.0));
        List<Double> surv = new ArrayList<>(List.of(1.0));
        List<Double> lo = new ArrayList<>(List.of(1.0));
        List<Double> hi = new ArrayList<>(List.of(1.0));
        for (int k = 0; k < s.time().length; k++) {
            t.add(s.time()[k]);
            surv.add(s.survival()[k]);
            lo.add(s.lower()[k]);
            hi.add(s.upper()[k]);
        }
        Line step = Line.of(Palette.PRIMARY, 2.5).withShape("hv");
        Figure figure = Figure.of(Layout.defaults().withLegend(Legend.horizontalAbove())
                        .withXAxis(Axis.titled("Months since signup")).withYAxis(Axis.titled("Still active").withTickFormat(".0%").withRange(0, 1.02)),
                Scatter.line(t, hi).withLine(Line.of("rgba(37,99,235,0)", 0).withShape("hv")).withShowLegend(false).withHoverTemplate("upper %{y:.1%}<extra></extra>"),
                Scatter.line(t, lo).withLine(Line.of("rgba(37,99,235,0)", 0).withShape("hv")).withFill("tonexty").withFillColor("rgba(37,99,235,0.15)")
                        .withName(Fmt.decimal(s.level() * 100, 0) + "% band").withHoverTemplate("lower %{y:.1%}<extra></extra>"),
                Scatter.line(t, surv).withLine(step).withName("Kaplan–Meier S(t)").withHoverTemplate("month %{x}: %{y:.1%}<extra></extra>"));
        return ChartSection.of("Customer survival (time to churn)", figure)
                .withDescription("Probability that a customer is still active a given number of months after signup; churned customers are events, active ones censored.")
                .withMethod(s.method())
                .withSampleSize(s.n())
                .withNote(Fmt.count(s.events()) + " events, " + Fmt.count(s.n() - s.events()) + " censored"
                        + (s.medianTime() == null ? "; median not reached" : "; median " + Fmt.decimal(s.medianTime(), 0) + " months"));
    }
}
