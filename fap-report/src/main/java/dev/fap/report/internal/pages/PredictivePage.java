package dev.fap.report.internal.pages;

import dev.fap.analytics.FeatureImportance;
import dev.fap.analytics.ModelEvaluation;
import dev.fap.analytics.PredictiveAnalysis;
import dev.fap.analytics.ScoreDistribution;
import dev.fap.analytics.Slice;
import dev.fap.analytics.stats.CalibrationBin;
import dev.fap.report.html.ChartSection;
import dev.fap.report.html.ChartWidth;
import dev.fap.report.html.HtmlReport;
import dev.fap.report.html.Kpi;
import dev.fap.report.internal.Fmt;
import dev.fap.report.internal.Money;
import dev.fap.report.plotly.Axis;
import dev.fap.report.plotly.AxisType;
import dev.fap.report.plotly.Bar;
import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.Layout;
import dev.fap.report.plotly.Legend;
import dev.fap.report.plotly.Line;
import dev.fap.report.plotly.Marker;
import dev.fap.report.plotly.Palette;
import dev.fap.report.plotly.Scatter;
import dev.fap.report.plotly.ScatterMode;
import dev.fap.report.plotly.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Report 5: what will happen — churn, fraud and default models, risk categories, lifetime value. */
public final class PredictivePage {
    private static final List<String> RISK_COLORS = List.of(Palette.POSITIVE, "#facc15", Palette.WARNING, Palette.NEGATIVE, "#7f1d1d");

    private PredictivePage() {
    }

    public static HtmlReport build(PredictiveAnalysis p, Money money) {
        List<ModelEvaluation> models = new ArrayList<>();
        for (ModelEvaluation m : new ModelEvaluation[] {p.churn(), p.fraud(), p.creditDefault()}) {
            if (m != null) {
                models.add(m);
            }
        }
        HtmlReport report = HtmlReport.titled("Predictive Analytics").withQuestion("What will happen?");
        for (ModelEvaluation m : models) {
            report = report.withKpi(Kpi.of(Fmt.label(m.target()) + " model AUC", Fmt.decimal(m.testAuc().auc(), 3))
                    .withDetail(Fmt.interval(m.testAuc().interval(), 3) + ", " + Fmt.count(m.testN()) + " test " + m.unit() + "s"));
        }
        if (p.lifetimeValue() != null) {
            report = report.withKpi(Kpi.of("Mean customer lifetime value", money.format(p.lifetimeValue().mean().mean()))
                    .withDetail("median " + money.format(p.lifetimeValue().median()) + ", total " + money.format(p.lifetimeValue().total())));
        }
        report = report.withKpi(Kpi.of("Scores written", Fmt.count(p.scoresWritten())).withDetail("gold.customer_scores"));
        if (p.churnScores() != null) {
            report = report.withSection(riskDistribution(p.churnScores()));
        }
        if (!models.isEmpty()) {
            report = report.withSection(calibration(models));
        }
        if (p.riskCategories() != null && !p.riskCategories().slices().isEmpty()) {
            report = report.withSection(riskCategories(p.riskCategories()));
        }
        if (!models.isEmpty()) {
            report = report.withSection(importance(models));
            report = report.withSection(roc(models));
        }
        return report;
    }

    private static ChartSection riskDistribution(ScoreDistribution d) {
        double[] e = d.binEdges();
        List<Double> mids = IntStream.range(0, d.counts().length).mapToObj(b -> (e[b] + e[b + 1]) / 2).toList();
        List<Double> widths = IntStream.range(0, d.counts().length).mapToObj(b -> e[b + 1] - e[b]).toList();
        List<Long> counts = java.util.Arrays.stream(d.counts()).boxed().toList();
        Figure figure = Figure.of(Layout.defaults().withShowLegend(false).with("bargap", 0.02)
                        .withXAxis(Axis.titled("Predicted churn probability").withTickFormat(".0%").withRange(e[0], e[e.length - 1]))
                        .withYAxis(Axis.titled("Customers").withTickFormat(",")),
                Bar.of(mids, counts).withName("Customers").with("width", widths)
                        .withMarker(Marker.scaled(mids, Palette.RISK))
                        .withCustomData(IntStream.range(0, d.counts().length).mapToObj(b -> List.<Object>of(e[b], e[b + 1])).toList())
                        .withHoverTemplate("%{customdata[0]:.0%}–%{customdata[1]:.0%}: %{y:,} customers<extra></extra>"));
        return ChartSection.of("Churn risk distribution", figure)
                .withDescription("Histogram of the fitted churn probability over all " + Fmt.count(d.n()) + " customers (mean "
                        + Fmt.percent(d.mean()) + ", median " + Fmt.percent(d.median()) + ", 90th percentile " + Fmt.percent(d.p90()) + ").")
                .withMethod(d.method())
                .withSampleSize(d.n());
    }

    private static ChartSection calibration(List<ModelEvaluation> models) {
        List<Trace<?>> traces = new ArrayList<>();
        double lo = models.stream().flatMap(m -> m.calibration().bins().stream())
                .flatMapToDouble(b -> java.util.stream.DoubleStream.of(b.meanPredicted(), b.observedRate().proportion()))
                .filter(v -> v > 0).min().orElse(0.001);
        double hi = models.stream().flatMap(m -> m.calibration().bins().stream())
                .flatMapToDouble(b -> java.util.stream.DoubleStream.of(b.meanPredicted(), b.observedRate().proportion()))
                .max().orElse(1);
        traces.add(Scatter.line(List.of(lo, hi), List.of(lo, hi)).withName("Perfect calibration").withLine(Line.of(Palette.NEUTRAL, 1).withDash("dash"))
                .withHoverTemplate("<extra></extra>"));
        ChartSection section;
        for (int i = 0; i < models.size(); i++) {
            ModelEvaluation m = models.get(i);
            List<CalibrationBin> bins = m.calibration().bins();
            traces.add(Scatter.points(bins.stream().map(CalibrationBin::meanPredicted).toList(), bins.stream().map(b -> b.observedRate().proportion()).toList())
                    .withName(Fmt.label(m.target()) + " (Brier " + Fmt.decimal(m.calibration().brierScore(), 4) + ")")
                    .withMarker(Marker.colored(Palette.series(i)).withSizes(bins.stream().map(b -> 6 + 14 * Math.sqrt((double) b.n() / maxN(bins))).toList()))
                    .withCustomData(bins.stream().map(b -> List.<Object>of(b.n(), b.events())).toList())
                    .withHoverTemplate(Fmt.label(m.target()) + ": predicted %{x:.2%}, observed %{y:.2%}<br>%{customdata[1]:,.0f} events in %{customdata[0]:,}<extra></extra>"));
        }
        Figure figure = Figure.of(Layout.defaults().withLegend(Legend.horizontalBelow()).withHeight(460)
                .withXAxis(Axis.titled("Predicted probability").withType(AxisType.LOG).withTickFormat(".1%"))
                .withYAxis(Axis.titled("Observed rate").withType(AxisType.LOG).withTickFormat(".1%")), traces);
        section = ChartSection.of("Risk scatter: predicted vs observed", figure)
                .withDescription("Each point is a bin of test rows; points on the diagonal mean the predicted risk can be read as a probability (log scales).")
                .withMethod(models.get(0).calibration().method())
                .withSampleSize(models.stream().mapToLong(m -> m.calibration().n()).sum());
        for (ModelEvaluation m : models) {
            section = section.withPValue("Hosmer–Lemeshow, " + m.target() + " model", m.calibration().pValue());
        }
        return section;
    }

    private static long maxN(List<CalibrationBin> bins) {
        return Math.max(1, bins.stream().mapToLong(CalibrationBin::n).max().orElse(1));
    }

    private static ChartSection riskCategories(dev.fap.analytics.Breakdown risk) {
        List<Slice> slices = risk.slices();
        List<String> colors = IntStream.range(0, slices.size()).mapToObj(i -> RISK_COLORS.get(Math.min(i, RISK_COLORS.size() - 1))).toList();
        Figure figure = Figure.of(Layout.defaults().withShowLegend(false)
                        .withXAxis(Axis.titled("Risk category").withType(AxisType.CATEGORY)).withYAxis(Axis.titled("Customers").withTickFormat(",")),
                Bar.of(slices.stream().map(Slice::label).toList(), slices.stream().map(Slice::count).toList())
                        .withMarker(Marker.colored(colors)).withText(slices.stream().map(s -> Fmt.percent(s.share())).toList())
                        .withTextPosition("outside").withHoverTemplate("%{x}: %{y:,} customers (%{text})<extra></extra>"));
        return ChartSection.of("Risk categories", figure)
                .withDescription("Customers by risk category, from their predicted churn and default probabilities.")
                .withMethod("Thresholds on the model scores written to gold.customer_scores")
                .withSampleSize(risk.total());
    }

    private static ChartSection importance(List<ModelEvaluation> models) {
        Layout layout = Layout.defaults().withGrid(models.size(), 1, "independent").with("grid.ygap", 0.3).withShowLegend(false)
                .withHeight(60 + 300 * models.size());
        List<Trace<?>> traces = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            ModelEvaluation m = models.get(i);
            List<FeatureImportance> top = m.importance().stream().limit(10).toList();
            String n = i == 0 ? "" : String.valueOf(i + 1);
            traces.add(Bar.horizontal(top.stream().map(f -> Fmt.label(f.feature())).toList(), top.stream().map(FeatureImportance::coefficientPerSd).toList())
                    .withMarker(Marker.colored(top.stream().map(f -> f.coefficientPerSd() >= 0 ? Palette.NEGATIVE : Palette.POSITIVE).toList()))
                    .withCustomData(top.stream().map(f -> List.<Object>of(f.oddsRatioPerSd(), f.pValue())).toList())
                    .withHoverTemplate("%{y}: %{x:+.3f} log-odds per SD<br>odds ratio %{customdata[0]:.3f}, p = %{customdata[1]:.2e}<extra></extra>")
                    .onAxes("x" + n, "y" + n));
            layout = layout.withXAxis(i + 1, Axis.titled(Fmt.label(m.target()) + ": β per SD").withZeroLine(true))
                    .withYAxis(i + 1, Axis.defaults().reversed().withAutoMargin(true));
        }
        ChartSection section = ChartSection.of("Feature importance", Figure.of(layout, traces)).withWidth(ChartWidth.FULL)
                .withDescription("Change in log-odds for a one standard deviation increase of each feature (top 10 per model); red raises the risk, green lowers it.")
                .withMethod(models.get(0).model().method() + ", standardised coefficients β·sd(x), Wald tests")
                .withSampleSize(models.stream().mapToLong(ModelEvaluation::trainN).sum());
        for (ModelEvaluation m : models) {
            if (!m.importance().isEmpty()) {
                FeatureImportance best = m.importance().get(0);
                section = section.withPValue("Wald test, " + m.target() + " model, top feature " + best.feature(), best.pValue());
            }
        }
        return section;
    }

    private static ChartSection roc(List<ModelEvaluation> models) {
        List<Trace<?>> traces = new ArrayList<>();
        traces.add(Scatter.line(List.of(0, 1), List.of(0, 1)).withName("Chance (AUC 0.5)").withLine(Line.of(Palette.NEUTRAL, 1).withDash("dash"))
                .withHoverTemplate("<extra></extra>"));
        for (int i = 0; i < models.size(); i++) {
            ModelEvaluation m = models.get(i);
            traces.add(Scatter.line(Figures.list(m.roc().falsePositiveRate()), Figures.list(m.roc().truePositiveRate()))
                    .withName(Fmt.label(m.target()) + " AUC " + Fmt.decimal(m.testAuc().auc(), 3))
                    .withLine(Line.of(Palette.series(i), 2.5)).with("customdata", m.roc().threshold())
                    .withHoverTemplate("FPR %{x:.3f}, TPR %{y:.3f}<br>threshold %{customdata:.3f}<extra></extra>"));
        }
        Figure figure = Figure.of(Layout.defaults().withLegend(Legend.horizontalBelow()).withHeight(460)
                .withXAxis(Axis.titled("False positive rate").withRange(0, 1)).withYAxis(Axis.titled("True positive rate").withRange(0, 1.02)), traces);
        ChartSection section = ChartSection.of("ROC curves on held-out data", figure)
                .withDescription("Trade-off between catching events and false alarms on the 30% test split.")
                .withMethod(models.get(0).testAuc().method())
                .withSampleSize(models.stream().mapToLong(ModelEvaluation::testN).sum());
        for (ModelEvaluation m : models) {
            section = section.withPValue("AUC = 0.5, " + m.target() + " model (" + Fmt.interval(m.testAuc().interval(), 3) + ")", m.testAuc().pValue());
        }
        return section;
    }
}
