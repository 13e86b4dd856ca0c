package dev.fap.report.internal.pages;

import dev.fap.analytics.Breakdown;
import dev.fap.analytics.DescriptiveAnalysis;
import dev.fap.analytics.Kpis;
import dev.fap.analytics.MerchantRank;
import dev.fap.analytics.MonthlyTrend;
import dev.fap.analytics.ProductPerformance;
import dev.fap.analytics.Slice;
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
import dev.fap.report.plotly.Treemap;
import dev.fap.report.plotly.BranchValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report 1: what happened — KPIs, trends, channel mix, customers, products, merchants, accounts. */
public final class DescriptivePage {
    private DescriptivePage() {
    }

    public static HtmlReport build(DescriptiveAnalysis d, Money money) {
        Kpis k = d.kpis();
        HtmlReport report = HtmlReport.titled("Descriptive Analytics").withQuestion("What happened?")
                .withKpi(Kpi.of("Transactions", Fmt.count(k.transactions())).withDetail(Fmt.count(k.approvedTransactions()) + " approved"))
                .withKpi(Kpi.of("Approved volume", money.format(k.volume())).withDetail("as of " + d.asOfDate()))
                .withKpi(Kpi.of("Average ticket", money.format(k.averageTicket().mean())).withDetail(money.interval(k.averageTicket().interval())))
                .withKpi(Kpi.of("Customers", Fmt.count(k.customers())).withDetail(Fmt.count(k.activeCustomers()) + " active in the last 90 days"))
                .withKpi(Kpi.of("Fraud rate", Fmt.percent(k.fraudRate().proportion())).withDetail(Fmt.percentInterval(k.fraudRate().interval())))
                .withKpi(Kpi.of("Decline rate", Fmt.percent(k.declineRate().proportion())).withDetail(Fmt.percentInterval(k.declineRate().interval())));
        return report
                .withSection(kpiDashboard(k, money))
                .withSection(monthlyVolume(d.monthlyTrends(), money))
                .withSection(monthlyRates(d.monthlyTrends()))
                .withSection(channelShare(d.channelMix()))
                .withSection(channelVolume(d.channelMix(), d.transactionTypes(), money))
                .withSection(demographics(d.demographics()))
                .withSection(productTreemap(d.productPerformance(), money))
                .withSection(merchants(d.topMerchants(), money))
                .withSection(accountStatus(d.accountStatus()));
    }

    private static ChartSection kpiDashboard(Kpis k, Money money) {
        double fraudMax = Math.max(0.01, Math.ceil(k.fraudRate().interval().upper() * 200) / 100);
        double declineMax = Math.max(0.05, Math.ceil(k.declineRate().interval().upper() * 20) / 10);
        Figure figure = Figure.of(Layout.defaults().withGrid(2, 2, "independent").withHeight(440),
                Indicator.number(k.volume()).withTitle("Approved volume").withPrefix(money.symbol()).withValueFormat(",.3s").withDomain(Domain.cell(0, 0)),
                Indicator.number(k.transactions()).withTitle("Transactions").withValueFormat(",d").withDomain(Domain.cell(0, 1)),
                Indicator.gauge(k.fraudRate().proportion(), 0, fraudMax).withTitle("Fraud rate").withValueFormat(".2%")
                        .withGaugeColor(Palette.NEGATIVE).withThreshold(k.fraudRate().interval().upper(), Palette.TEXT).withDomain(Domain.cell(1, 0)),
                Indicator.gauge(k.declineRate().proportion(), 0, declineMax).withTitle("Decline rate").withValueFormat(".2%")
                        .withGaugeColor(Palette.WARNING).withThreshold(k.declineRate().interval().upper(), Palette.TEXT).withDomain(Domain.cell(1, 1)));
        return ChartSection.of("KPI dashboard", figure)
                .withDescription("Headline figures over all transactions; gauge thresholds mark the upper confidence bound.")
                .withMethod("Counts and sums over gold.fact_transactions; rates with " + k.fraudRate().method() + "s")
                .withSampleSize(k.transactions());
    }

    private static ChartSection monthlyVolume(List<MonthlyTrend> months, Money money) {
        List<String> x = months.stream().map(MonthlyTrend::month).toList();
        Figure figure = Figure.of(Layout.defaults().withHoverMode(HoverMode.X_UNIFIED).withLegend(Legend.horizontalAbove())
                        .withXAxis(Axis.titled("Month").withType(dev.fap.report.plotly.AxisType.CATEGORY))
                        .withYAxis(Axis.titled("Approved volume").withTickPrefix(money.symbol()).withTickFormat(".3s"))
                        .withYAxis(2, Axis.titled("Transactions").overlaying("y").withSide("right").withShowGrid(false)),
                Bar.of(x, months.stream().map(MonthlyTrend::volume).toList()).withName("Approved volume")
                        .withMarker(Marker.colored(Palette.PRIMARY).withOpacity(0.85)).withHoverTemplate(money.hover("y:,.0f")),
                Scatter.line(x, months.stream().map(MonthlyTrend::transactions).toList()).withName("Transactions")
                        .withMode(ScatterMode.LINES_MARKERS).withLine(Line.of(Palette.series(1), 2.5)).onAxes("x", "y2")
                        .withHoverTemplate("%{y:,} transactions"));
        long n = months.stream().mapToLong(MonthlyTrend::transactions).sum();
        return ChartSection.of("Monthly volume and transactions", figure).withWidth(ChartWidth.FULL)
                .withDescription("Approved money moved per calendar month (bars) and the number of transactions (line, right axis).")
                .withMethod("Monthly sums over gold.fact_transactions joined to gold.dim_date")
                .withSampleSize(n);
    }

    private static ChartSection monthlyRates(List<MonthlyTrend> months) {
        List<String> x = months.stream().map(MonthlyTrend::month).toList();
        Figure figure = Figure.of(Layout.defaults().withHoverMode(HoverMode.X_UNIFIED).withLegend(Legend.horizontalAbove())
                        .withXAxis(Axis.titled("Month").withType(dev.fap.report.plotly.AxisType.CATEGORY))
                        .withYAxis(Axis.titled("Share of transactions").withTickFormat(".1%")),
                Scatter.line(x, months.stream().map(MonthlyTrend::fraudRate).toList()).withName("Fraud rate")
                        .withMode(ScatterMode.LINES_MARKERS).withLine(Line.of(Palette.NEGATIVE, 2)).withHoverTemplate("%{y:.2%}"),
                Scatter.line(x, months.stream().map(MonthlyTrend::declineRate).toList()).withName("Decline rate")
                        .withMode(ScatterMode.LINES_MARKERS).withLine(Line.of(Palette.WARNING, 2)).withHoverTemplate("%{y:.2%}"));
        return ChartSection.of("Monthly fraud and decline rates", figure)
                .withDescription("Share of each month's transactions flagged as fraud or declined.")
                .withMethod("Monthly proportions over gold.fact_transactions")
                .withSampleSize(months.stream().mapToLong(MonthlyTrend::transactions).sum());
    }

    private static ChartSection channelShare(Breakdown channels) {
        return ChartSection.of("Transactions by channel", Figures.donut(channels))
                .withDescription("Share of all transactions per channel.")
                .withMethod("Counts over gold.fact_transactions by channel")
                .withSampleSize(channels.total());
    }

    private static ChartSection channelVolume(Breakdown channels, Breakdown types, Money money) {
        List<Slice> c = channels.slices();
        List<Slice> t = types.slices();
        Figure figure = Figure.of(Layout.defaults().withGrid(1, 2, "independent").withShowLegend(false)
                        .withXAxis(1, Axis.titled("Channel")).withYAxis(1, Axis.titled("Approved volume").withTickPrefix(money.symbol()).withTickFormat(".3s"))
                        .withXAxis(2, Axis.titled("Transaction type")).withYAxis(2, Axis.defaults().withTickPrefix(money.symbol()).withTickFormat(".3s")),
                Bar.of(c.stream().map(Slice::label).toList(), c.stream().map(Slice::value).toList()).withName("By channel")
                        .withMarker(Marker.colored(Palette.PRIMARY)).withHoverTemplate("%{x}: " + money.hover("y:,.0f") + "<extra></extra>"),
                Bar.of(t.stream().map(Slice::label).toList(), t.stream().map(Slice::value).toList()).withName("By type")
                        .withMarker(Marker.colored(Palette.series(2))).onAxes("x2", "y2").withHoverTemplate("%{x}: " + money.hover("y:,.0f") + "<extra></extra>"));
        return ChartSection.of("Approved volume by channel and type", figure)
                .withDescription("Money moved by approved transactions, per channel (left) and per transaction type (right).")
                .withMethod("Sums of approved absolute amounts over gold.fact_transactions")
                .withSampleSize(channels.total());
    }

    private static ChartSection demographics(List<Breakdown> breakdowns) {
        int n = breakdowns.size();
        int columns = n <= 1 ? 1 : 2;
        int rows = Math.max(1, (n + 1) / 2);
        Layout layout = Layout.defaults().withGrid(rows, columns, "independent").withShowLegend(false).withHeight(260 * rows + 60);
        List<Trace<?>> traces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Breakdown b = breakdowns.get(i);
            String axisNo = i == 0 ? "" : String.valueOf(i + 1);
            traces.add(Bar.of(b.slices().stream().map(Slice::label).toList(), b.slices().stream().map(Slice::count).toList())
                    .withName(Fmt.label(b.dimension())).withMarker(Marker.colored(Palette.series(i)))
                    .onAxes("x" + axisNo, "y" + axisNo)
                    .withHoverTemplate(Fmt.label(b.dimension()) + " %{x}: %{y:,} " + b.unit() + "<extra></extra>"));
            layout = layout.withXAxis(i + 1, Axis.titled(Fmt.label(b.dimension())).withType(dev.fap.report.plotly.AxisType.CATEGORY))
                    .withYAxis(i + 1, Axis.defaults().withTickFormat(","));
        }
        long customers = breakdowns.isEmpty() ? 0 : breakdowns.get(0).total();
        return ChartSection.of("Customer segmentation", Figure.of(layout, traces)).withWidth(ChartWidth.FULL)
                .withDescription("Current customers by age band, income band, segment and credit-score band.")
                .withMethod("Counts over the current versions (SCD2 is_current) of gold.dim_customer")
                .withSampleSize(customers);
    }

    private static ChartSection productTreemap(List<ProductPerformance> products, Money money) {
        Map<String, Double> categories = new LinkedHashMap<>();
        for (ProductPerformance p : products) {
            categories.merge(p.category(), p.totalBalance(), Double::sum);
        }
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Object>> custom = new ArrayList<>();
        ids.add("all");
        labels.add("All products");
        parents.add("");
        double total = categories.values().stream().mapToDouble(Double::doubleValue).sum();
        values.add(total);
        custom.add(List.of(products.stream().mapToLong(ProductPerformance::accounts).sum(),
                products.stream().mapToDouble(ProductPerformance::feeRevenue).sum()));
        for (Map.Entry<String, Double> category : categories.entrySet()) {
            ids.add("all/" + category.getKey());
            labels.add(category.getKey());
            parents.add("all");
            values.add(category.getValue());
            custom.add(List.of(products.stream().filter(p -> p.category().equals(category.getKey())).mapToLong(ProductPerformance::accounts).sum(),
                    products.stream().filter(p -> p.category().equals(category.getKey())).mapToDouble(ProductPerformance::feeRevenue).sum()));
        }
        for (ProductPerformance p : products) {
            ids.add("all/" + p.category() + "/" + p.productId());
            labels.add(p.productName());
            parents.add("all/" + p.category());
            values.add(p.totalBalance());
            custom.add(List.of(p.accounts(), p.feeRevenue()));
        }
        Figure figure = Figure.of(Layout.defaults().withHeight(460).with("margin", Map.of("l", 8, "r", 8, "t", 8, "b", 8)),
                Treemap.of(ids, labels, parents, values).withBranchValues(BranchValues.TOTAL).withCustomData(custom)
                        .withTextInfo("label+value+percent root").with("texttemplate", "%{label}<br>" + money.hover("value:.3s") + "<br>%{percentRoot:.1%}")
                        .withHoverTemplate("%{label}<br>Balance " + money.hover("value:,.0f") + "<br>%{customdata[0]:,} accounts<br>Fees " + money.hover("customdata[1]:,.0f") + "<extra></extra>")
                        .withMarker(Marker.defaults().withColors(Palette.SERIES)));
        return ChartSection.of("Product treemap", figure)
                .withDescription("Current balances by product category and product; hover for accounts and fee revenue.")
                .withMethod("Sums over gold.fact_account_daily_snapshot (latest day) joined to gold.dim_product")
                .withSampleSize(products.stream().mapToLong(ProductPerformance::accounts).sum());
    }

    private static ChartSection merchants(List<MerchantRank> merchants, Money money) {
        List<String> names = merchants.stream().map(m -> m.merchantName()).toList();
        Figure figure = Figure.of(Layout.defaults().withShowLegend(false).withHeight(Math.max(320, 60 + 30 * merchants.size()))
                        .withXAxis(Axis.titled("Approved volume").withTickPrefix(money.symbol()).withTickFormat(".3s"))
                        .withYAxis(Axis.defaults().reversed()),
                Bar.horizontal(names, merchants.stream().map(MerchantRank::volume).toList())
                        .withMarker(Marker.scaled(merchants.stream().map(m -> m.fraudRate() * 100).toList(), Palette.RISK).withShowScale(true)
                                .with("colorbar.title.text", "Fraud %"))
                        .withCustomData(merchants.stream().map(m -> List.<Object>of(m.category(), m.transactions(), m.fraudRate())).toList())
                        .withHoverTemplate("%{y} (%{customdata[0]})<br>" + money.hover("x:,.0f") + " over %{customdata[1]:,} transactions"
                                + "<br>fraud %{customdata[2]:.2%}<extra></extra>"));
        return ChartSection.of("Top merchants by volume", figure)
                .withDescription("The ten merchants with the largest approved volume, coloured by their fraud rate.")
                .withMethod("Sums over gold.fact_transactions joined to gold.dim_merchant, top 10")
                .withSampleSize(merchants.stream().mapToLong(MerchantRank::transactions).sum());
    }

    private static ChartSection accountStatus(Breakdown status) {
        return ChartSection.of("Account status", Figures.donut(status))
                .withDescription("Accounts by status; hover for counts.")
                .withMethod("Counts over the latest gold.fact_account_daily_snapshot")
                .withSampleSize(status.total());
    }
}
