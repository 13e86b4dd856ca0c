package dev.fap.report.internal.pages;

import dev.fap.analytics.BudgetAllocation;
import dev.fap.analytics.NextBestOffer;
import dev.fap.analytics.OfferSummary;
import dev.fap.analytics.PrescriptiveAnalysis;
import dev.fap.analytics.SegmentAllocation;
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
import dev.fap.report.plotly.MeasureKind;
import dev.fap.report.plotly.Palette;
import dev.fap.report.plotly.Scatter;
import dev.fap.report.plotly.ScatterMode;
import dev.fap.report.plotly.Waterfall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report 6: what should we do — next best offers and the retention budget. */
public final class PrescriptivePage {
    private PrescriptivePage() {
    }

    public static HtmlReport build(PrescriptiveAnalysis p, Money money) {
        HtmlReport report = HtmlReport.titled("Prescriptive Analytics").withQuestion("What should we do?");
        double offerValue = p.offers().stream().mapToDouble(OfferSummary::totalExpectedValue).sum();
        long offered = p.offers().stream().mapToLong(OfferSummary::customers).sum();
        report = report.withKpi(Kpi.of("Expected value of best offers", money.format(offerValue)).withDetail(Fmt.count(offered) + " customers"));
        BudgetAllocation b = p.retentionBudget();
        if (b != null) {
            report = report.withKpi(Kpi.of("Retention budget used", money.format(b.totalSpend())).withDetail("of " + money.format(b.budget())))
                    .withKpi(Kpi.of("Expected value saved", money.format(b.expectedSavedValue()))
                            .withDetail("assumed uplift " + Fmt.percent(b.retentionUplift())))
                    .withKpi(Kpi.of("Expected ROI", Fmt.percent(b.expectedRoi())).withDetail("(saved − spend) / spend"));
        }
        if (!p.offers().isEmpty()) {
            report = report.withSection(offerMatrix(p.offers(), p.offerMethod(), money));
        }
        if (b != null && !b.segments().isEmpty()) {
            report = report.withSection(waterfall(b, money)).withSection(allocation(b, money));
        }
        if (!p.topOffers().isEmpty()) {
            report = report.withSection(topOffers(p.topOffers(), p.offers(), p.offerMethod(), money));
        }
        return report;
    }

    private static ChartSection offerMatrix(List<OfferSummary> offers, String method, Money money) {
        double max = offers.stream().mapToLong(OfferSummary::customers).max().orElse(1);
        Scatter bubbles = Scatter.points(offers.stream().map(OfferSummary::meanProbability).toList(), offers.stream().map(OfferSummary::annualValue).toList())
                .withMode(ScatterMode.MARKERS_TEXT).withText(offers.stream().map(OfferSummary::productName).toList()).withTextPosition("top center")
                .withMarker(Marker.scaled(offers.stream().map(OfferSummary::totalExpectedValue).toList(), "Viridis").withShowScale(true)
                        .with("colorbar.title.text", money.titledBySymbol("Total EV"))
                        .withSizes(offers.stream().map(o -> 12 + 40 * Math.sqrt(Math.max(o.customers(), 0) / Math.max(max, 1))).toList())
                        .withOpacity(0.8).withLine(Line.of("#ffffff", 1)))
                .withCustomData(offers.stream().map(o -> List.<Object>of(o.customers(), o.totalExpectedValue())).toList())
                .withHoverTemplate("<b>%{text}</b><br>take-up %{x:.1%}, value " + money.hover("y:,.0f") + "/yr<br>best offer for %{customdata[0]:,} customers"
                        + "<br>expected value " + money.hover("customdata[1]:,.0f") + "<extra></extra>");
        Figure figure = Figure.of(Layout.defaults().withShowLegend(false).withHeight(460)
                .withXAxis(Axis.titled("Mean take-up probability").withTickFormat(".0%"))
                .withYAxis(Axis.titled("Annual value to the bank").withTickPrefix(money.symbol()).withTickFormat(",.0f")), bubbles);
        return ChartSection.of("Next best offer matrix", figure).withWidth(ChartWidth.FULL)
                .withDescription("Each product by how likely its target customers take it up and what it is worth; bubble size is the number of customers for whom it is the best offer.")
                .withMethod(method)
                .withSampleSize(offers.stream().mapToLong(OfferSummary::customers).sum());
    }

    private static ChartSection waterfall(BudgetAllocation b, Money money) {
        List<String> labels = new ArrayList<>(List.of("Retention spend"));
        List<Double> values = new ArrayList<>(List.of(-b.totalSpend()));
        List<MeasureKind> measures = new ArrayList<>(List.of(MeasureKind.RELATIVE));
        for (SegmentAllocation s : b.segments()) {
            if (s.expectedSavedValue() > 0) {
                labels.add("Saved: " + s.segment());
                values.add(s.expectedSavedValue());
                measures.add(MeasureKind.RELATIVE);
            }
        }
        labels.add("Net expected benefit");
        values.add(0.0);
        measures.add(MeasureKind.TOTAL);
        Figure figure = Figure.of(Layout.defaults().withShowLegend(false).withHeight(440)
                        .withXAxis(Axis.defaults().withTickAngle(-30).withType(AxisType.CATEGORY))
                        .withYAxis(Axis.titled(money.code()).withTickPrefix(money.symbol()).withTickFormat(".3s")),
                Waterfall.of(labels, values, measures).withIncreasingColor(Palette.POSITIVE).withDecreasingColor(Palette.NEGATIVE)
                        .withTotalsColor(Palette.PRIMARY).withConnector(Line.of("#9ca3af", 1).withDash("dot"))
                        .withTextTemplate("%{delta:" + money.d3(".3s") + "}").withTextPosition("outside")
                        .withHoverTemplate("%{x}: %{delta:" + money.d3(",.0f") + "}<extra></extra>"));
        return ChartSection.of("Retention waterfall", figure).withWidth(ChartWidth.FULL)
                .withDescription("From the money spent on retention offers, through the customer value each segment is expected to keep, to the net benefit.")
                .withMethod(b.method() + "; value kept = churn probability × uplift × CLV")
                .withSampleSize(b.segments().stream().mapToLong(SegmentAllocation::customers).sum())
                .withNote("Expected ROI " + Fmt.percent(b.expectedRoi()) + " on " + money.format(b.totalSpend()) + " spent of a " + money.format(b.budget()) + " budget");
    }

    private static ChartSection allocation(BudgetAllocation b, Money money) {
        List<String> segments = b.segments().stream().map(SegmentAllocation::segment).toList();
        Figure figure = Figure.of(Layout.defaults().withLegend(Legend.horizontalAbove()).withHeight(440)
                        .withXAxis(Axis.defaults().withTickAngle(-30).withType(AxisType.CATEGORY))
                        .withYAxis(Axis.titled("Spend").withTickPrefix(money.symbol()).withTickFormat(".3s"))
                        .withYAxis(2, Axis.titled("Share of segment treated").withTickFormat(".0%").overlaying("y").withSide("right")
                                .withShowGrid(false).withRange(0, 1.05)),
                Bar.of(segments, b.segments().stream().map(SegmentAllocation::spend).toList()).withName("Spend")
                        .withMarker(Marker.colored(Palette.PRIMARY))
                        .withCustomData(b.segments().stream().map(s -> List.<Object>of(s.treatedCustomers(), s.customers(), s.valuePerCustomer(), s.costPerCustomer())).toList())
                        .withHoverTemplate("%{x}: " + money.hover("y:,.0f") + "<br>treat %{customdata[0]:,.1f} of %{customdata[1]:,}"
                                + "<br>value kept per treated " + money.hover("customdata[2]:,.0f") + " vs cost " + money.hover("customdata[3]:,.0f") + "<extra></extra>"),
                Scatter.points(segments, b.segments().stream().map(s -> s.customers() == 0 ? 0.0 : s.treatedCustomers() / s.customers()).toList())
                        .withName("Share treated").withMode(ScatterMode.MARKERS).withMarker(Marker.colored(Palette.series(1)).withSize(11).withSymbol("diamond"))
                        .onAxes("x", "y2").withHoverTemplate("%{x}: %{y:.0%} treated<extra></extra>"));
        return ChartSection.of("Budget allocation", figure).withWidth(ChartWidth.FULL)
                .withDescription("The retention budget per segment (churn-risk band × value band) as chosen by the linear program, and the share of each segment it treats.")
                .withMethod(b.method())
                .withSampleSize(b.segments().stream().mapToLong(SegmentAllocation::customers).sum());
    }

    private static ChartSection topOffers(List<NextBestOffer> top, List<OfferSummary> offers, String method, Money money) {
        Map<String, String> names = new LinkedHashMap<>();
        offers.forEach(o -> names.put(o.productId(), o.productName()));
        Map<String, String> colors = new LinkedHashMap<>();
        for (NextBestOffer o : top) {
            colors.computeIfAbsent(o.productId(), k -> Palette.series(colors.size()));
        }
        Figure figure = Figure.of(Layout.defaults().withShowLegend(false).withHeight(Math.max(360, 60 + 22 * top.size()))
                        .withXAxis(Axis.titled("Expected value of the best offer").withTickPrefix(money.symbol()).withTickFormat(",.0f"))
                        .withYAxis(Axis.defaults().reversed().withType(AxisType.CATEGORY)),
                Bar.horizontal(top.stream().map(NextBestOffer::customerId).toList(), top.stream().map(NextBestOffer::expectedValue).toList())
                        .withMarker(Marker.colored(top.stream().map(o -> colors.get(o.productId())).toList()))
                        .withText(top.stream().map(o -> names.getOrDefault(o.productId(), o.productId())).toList()).withTextPosition("inside")
                        .withCustomData(top.stream().map(o -> List.<Object>of(o.probability(), o.value())).toList())
                        .withHoverTemplate("%{y}: %{text}<br>p = %{customdata[0]:.1%} × " + money.hover("customdata[1]:,.0f") + " = " + money.hover("x:,.0f") + "<extra></extra>"));
        return ChartSection.of("Customers to call first", figure)
                .withDescription("The customers whose best offer has the highest expected value, labelled with the product to offer.")
                .withMethod(method)
                .withSampleSize(top.size());
    }
}
