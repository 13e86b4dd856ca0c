package dev.fap.report.internal.pages;

import dev.fap.analytics.CampaignEffect;
import dev.fap.analytics.CausalAnalysis;
import dev.fap.analytics.ChannelAttribution;
import dev.fap.analytics.stats.ConfidenceInterval;
import dev.fap.analytics.stats.OlsModel;
import dev.fap.analytics.stats.RegressionCoefficient;
import dev.fap.analytics.stats.TreatmentEffect;
import dev.fap.report.html.ChartSection;
import dev.fap.report.html.ChartWidth;
import dev.fap.report.html.HtmlReport;
import dev.fap.report.html.Kpi;
import dev.fap.report.internal.Fmt;
import dev.fap.report.internal.Money;
import dev.fap.report.plotly.Axis;
import dev.fap.report.plotly.AxisType;
import dev.fap.report.plotly.Bar;
import dev.fap.report.plotly.BarMode;
import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.Layout;
import dev.fap.report.plotly.Legend;
import dev.fap.report.plotly.Marker;
import dev.fap.report.plotly.Palette;
import dev.fap.report.plotly.Sankey;
import java.util.ArrayList;
import java.util.List;

/** Report 7: what causes what — campaign effects, attribution and economic impact. */
public final class CausalPage {
    private CausalPage() {
    }

    public static HtmlReport build(CausalAnalysis c, Money money) {
        HtmlReport report = HtmlReport.titled("Causal Analytics").withQuestion("What causes what?");
        CampaignEffect pooled = c.campaignEffect();
        if (pooled != null) {
            report = report.withKpi(Kpi.of("Campaign effect (DiD)", money.format(pooled.differenceInDifferences().estimate()))
                    .withDetail(money.interval(pooled.differenceInDifferences().interval()) + ", " + pooled.outcome()));
            if (pooled.relativeUplift() != null) {
                report = report.withKpi(Kpi.of("Relative uplift (ratio DiD)", Fmt.percent(pooled.relativeUplift().estimate()))
                        .withDetail(Fmt.percentInterval(pooled.relativeUplift().interval())));
            }
            if (pooled.propensityWeighted() != null) {
                report = report.withKpi(Kpi.of("Relative uplift (IPW, ATT)", Fmt.percent(pooled.propensityWeighted().estimate()))
                        .withDetail(Fmt.percentInterval(pooled.propensityWeighted().interval())));
            }
        }
        report = report.withKpi(Kpi.of("Attributed conversions", Fmt.count(c.conversions())).withDetail(c.attributionLookbackDays() + "-day lookback"));
        if (c.economicImpact() != null) {
            report = report.withKpi(Kpi.of("Economic model R²", Fmt.decimal(c.economicImpact().rSquared(), 3))
                    .withDetail(c.economicMonths() + " months, " + c.economicImpact().method()));
        }
        if (!c.attribution().isEmpty()) {
            report = report.withSection(attribution(c)).withSection(conversionFlow(c));
        }
        if (c.economicImpact() != null) {
            report = report.withSection(economic(c.economicImpact(), c.economicMonths(), money));
        }
        if (pooled != null) {
            report = report.withSection(additiveEffects(pooled, c.perCampaign(), money));
            if (pooled.relativeUplift() != null || pooled.propensityWeighted() != null) {
                report = report.withSection(relativeEffects(pooled, c.perCampaign()));
            }
        }
        return report;
    }

    private static ChartSection attribution(CausalAnalysis c) {
        List<ChannelAttribution> a = c.attribution();
        List<String> channels = a.stream().map(ChannelAttribution::channel).toList();
        Figure figure = Figure.of(Layout.defaults().withBarMode(BarMode.GROUP).withLegend(Legend.horizontalAbove())
                        .withXAxis(Axis.titled("Campaign type").withType(AxisType.CATEGORY)).withYAxis(Axis.titled("Conversions credited")),
                Bar.of(channels, a.stream().map(ChannelAttribution::firstTouch).toList()).withName("First touch").withMarker(Marker.colored(Palette.series(0))),
                Bar.of(channels, a.stream().map(ChannelAttribution::lastTouch).toList()).withName("Last touch").withMarker(Marker.colored(Palette.series(1))),
                Bar.of(channels, a.stream().map(ChannelAttribution::linear).toList()).withName("Linear").withMarker(Marker.colored(Palette.series(2)))
                        .withCustomData(a.stream().map(x -> List.<Object>of(x.linearShare(), x.touches())).toList())
                        .withHoverTemplate("%{x}: %{y:,.1f} conversions (%{customdata[0]:.1%})<br>from %{customdata[1]:,} touches<extra>Linear</extra>"));
        return ChartSection.of("Campaign attribution", figure)
                .withDescription("Conversions credited to each campaign type under three attribution rules.")
                .withMethod("Multi-touch attribution over treatment contacts in a " + c.attributionLookbackDays() + "-day lookback window")
                .withSampleSize(c.conversions());
    }

    private static ChartSection conversionFlow(CausalAnalysis c) {
        List<ChannelAttribution> a = c.attribution();
        List<String> nodes = new ArrayList<>();
        a.forEach(x -> nodes.add(x.channel()));
        int converted = nodes.size();
        nodes.add("Converted");
        nodes.add("No conversion");
        List<Integer> sources = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ChannelAttribution x = a.get(i);
            if (x.linear() > 0) {
                sources.add(i);
                targets.add(converted);
                values.add(x.linear());
            }
            double rest = x.touches() - x.linear();
            if (rest > 0) {
                sources.add(i);
                targets.add(converted + 1);
                values.add(rest);
            }
        }
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            colors.add(Palette.series(i));
        }
        colors.add(Palette.POSITIVE);
        colors.add("#d1d5db");
        Figure figure = Figure.of(Layout.defaults().withHeight(420).with("margin", java.util.Map.of("l", 10, "r", 10, "t", 20, "b", 20)),
                Sankey.of(nodes, sources, targets, values).withNodeColors(colors)
                        .with("link.color", targets.stream().map(t -> t == converted ? "rgba(5,150,105,0.35)" : "rgba(156,163,175,0.25)").toList()));
        return ChartSection.of("From touches to conversions", figure)
                .withDescription("Campaign contacts by type flowing into conversions (linear credit) or no conversion.")
                .withMethod("Linear multi-touch attribution; touches without credited conversion flow to 'No conversion'")
                .withSampleSize(a.stream().mapToLong(ChannelAttribution::touches).sum());
    }

    private static ChartSection economic(OlsModel model, int months, Money money) {
        List<RegressionCoefficient> terms = model.coefficients().stream().filter(t -> !t.name().equals("(intercept)")).toList();
        Figure figure = Figures.forest(terms.stream().map(t -> Fmt.label(t.name())).toList(), terms.stream().map(RegressionCoefficient::estimate).toList(),
                terms.stream().map(RegressionCoefficient::interval).toList(),
                terms.stream().map(t -> Figures.significanceColor(t.interval(), 0)).toList(), 0,
                "Change in monthly spend per active customer (" + money.code() + " per unit)", money.d3(",.2f"));
        ChartSection section = ChartSection.of("Economic impact on spending", figure)
                .withDescription("How monthly spend per active customer moves with the unemployment rate (this month and two lags) and consumer confidence.")
                .withMethod(model.method() + "; R² " + Fmt.decimal(model.rSquared(), 3) + ", adjusted " + Fmt.decimal(model.adjustedRSquared(), 3))
                .withSampleSize(months);
        for (RegressionCoefficient t : terms) {
            section = section.withPValue("t test, " + t.name() + " = 0", t.pValue());
        }
        return section;
    }

    private static ChartSection additiveEffects(CampaignEffect pooled, List<CampaignEffect> perCampaign, Money money) {
        List<String> labels = new ArrayList<>(List.of("All campaigns"));
        List<Double> estimates = new ArrayList<>(List.of(pooled.differenceInDifferences().estimate()));
        List<ConfidenceInterval> intervals = new ArrayList<>(List.of(pooled.differenceInDifferences().interval()));
        for (CampaignEffect e : perCampaign) {
            labels.add(e.scope());
            estimates.add(e.differenceInDifferences().estimate());
            intervals.add(e.differenceInDifferences().interval());
        }
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            colors.add(i == 0 ? Palette.PRIMARY : Figures.significanceColor(intervals.get(i), 0));
        }
        Figure figure = Figures.forest(labels, estimates, intervals, colors, 0, money.titled("Effect on " + pooled.outcome()), money.d3(",.2f"));
        return ChartSection.of("Campaign effect on spending (difference-in-differences)", figure).withWidth(ChartWidth.FULL)
                .withDescription("Additive effect of being contacted on " + pooled.outcome() + ": the change from the " + pooled.windowDays()
                        + "-day pre window to the post window, contacted against randomised control customers.")
                .withMethod("Two-period panel OLS y = a + b·treated + c·post + δ·treated·post, cluster-robust (CR1) by customer; δ shown")
                .withSampleSize(pooled.treatedCustomers() + pooled.controlCustomers())
                .withPValue("difference-in-differences, all campaigns, δ = 0", pooled.differenceInDifferences().pValue());
    }

    private static ChartSection relativeEffects(CampaignEffect pooled, List<CampaignEffect> perCampaign) {
        List<String> labels = new ArrayList<>();
        List<Double> estimates = new ArrayList<>();
        List<ConfidenceInterval> intervals = new ArrayList<>();
        List<TreatmentEffect> pooledEffects = new ArrayList<>();
        if (pooled.relativeUplift() != null) {
            labels.add("All campaigns: ratio DiD");
            pooledEffects.add(pooled.relativeUplift());
        }
        if (pooled.propensityWeighted() != null) {
            labels.add("All campaigns: propensity-weighted ratio (ATT)");
            pooledEffects.add(pooled.propensityWeighted());
        }
        pooledEffects.forEach(t -> {
            estimates.add(t.estimate() * 100);
            intervals.add(Figures.scale(t.interval(), 100));
        });
        for (CampaignEffect e : perCampaign) {
            if (e.relativeUplift() != null) {
                labels.add(e.scope() + ": ratio DiD");
                estimates.add(e.relativeUplift().estimate() * 100);
                intervals.add(Figures.scale(e.relativeUplift().interval(), 100));
            }
        }
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            colors.add(i < pooledEffects.size() ? Palette.PRIMARY : Figures.significanceColor(intervals.get(i), 0));
        }
        Figure figure = Figures.forest(labels, estimates, intervals, colors, 0, "Relative uplift of spending (%)", ".1f");
        ChartSection section = ChartSection.of("Campaign uplift (relative)", figure).withWidth(ChartWidth.FULL)
                .withDescription("Multiplicative effect as a percentage: how much more contacted customers spent after the contact, relative to the control trend.")
                .withMethod(pooledEffects.get(0).method() + ", "
                        + pooledEffects.get(0).replicates() + " bootstrap replicates (seed " + pooledEffects.get(0).seed() + ")")
                .withSampleSize(pooled.treatedCustomers() + pooled.controlCustomers());
        if (pooled.relativeUplift() != null) {
            section = section.withPValue("ratio difference-in-differences, uplift = 0", pooled.relativeUplift().pValue());
        }
        if (pooled.propensityWeighted() != null) {
            section = section.withPValue("propensity-weighted ATT, uplift = 0", pooled.propensityWeighted().pValue());
        }
        return section;
    }
}
