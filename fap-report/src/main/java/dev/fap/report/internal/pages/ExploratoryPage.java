package dev.fap.report.internal.pages;

import dev.fap.analytics.CategorySpend;
import dev.fap.analytics.ExploratoryAnalysis;
import dev.fap.analytics.SegmentProfile;
import dev.fap.analytics.stats.ClusterCandidate;
import dev.fap.analytics.stats.Clustering;
import dev.fap.analytics.stats.CorrelationMatrix;
import dev.fap.analytics.stats.OutlierReport;
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
import dev.fap.report.plotly.BranchValues;
import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.Heatmap;
import dev.fap.report.plotly.Layout;
import dev.fap.report.plotly.Legend;
import dev.fap.report.plotly.Line;
import dev.fap.report.plotly.Marker;
import dev.fap.report.plotly.Palette;
import dev.fap.report.plotly.Scatter;
import dev.fap.report.plotly.ScatterMode;
import dev.fap.report.plotly.Shape;
import dev.fap.report.plotly.Treemap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Report 3: what patterns exist — spending, customer segments, correlations, regions, outliers. */
public final class ExploratoryPage {
    private ExploratoryPage() {
    }

    public static HtmlReport build(ExploratoryAnalysis e, Money money) {
        HtmlReport report = HtmlReport.titled("Exploratory Analytics").withQuestion("What patterns exist?")
                .withKpi(Kpi.of("Customers profiled", Fmt.count(e.customersProfiled())).withDetail(e.features().size() + " behavioural features"));
        if (e.clustering() != null) {
            report = report.withKpi(Kpi.of("Segments", String.valueOf(e.clustering().k()))
                    .withDetail("silhouette " + Fmt.decimal(e.clustering().silhouette(), 3)));
        }
        double spend = e.spendingByCategory().stream().mapToDouble(CategorySpend::volume).sum();
        report = report.withKpi(Kpi.of("Card spending", money.format(spend)).withDetail(e.spendingByCategory().size() + " merchant categories"));
        long outliers = e.outliers().stream().mapToLong(OutlierReport::iqrOutliers).sum();
        report = report.withKpi(Kpi.of("IQR outliers", Fmt.count(outliers)).withDetail("over " + e.outliers().size() + " features"));
        if (!e.spendingByCategory().isEmpty()) {
            report = report.withSection(spendingTreemap(e.spendingByCategory(), money));
        }
        if (e.clustering() != null && !e.segments().isEmpty()) {
            report = report.withSection(clusterScatter(e.clustering(), e.segments()));
        }
        if (e.pearson() != null) {
            report = report.withSection(correlation(e.pearson(), e.spearman()));
        }
        if (!e.spendingByRegion().isEmpty()) {
            report = report.withSection(regions(e.spendingByRegion(), money));
        }
        if (!e.outliers().isEmpty()) {
            report = report.withSection(outliers(e.outliers()));
        }
        if (e.clustering() != null && e.clustering().candidates().size() > 1) {
            report = report.withSection(silhouette(e.clustering()));
        }
        return report;
    }

    private static ChartSection spendingTreemap(List<CategorySpend> categories, Money money) {
        List<String> ids = new ArrayList<>(List.of("all"));
        List<String> labels = new ArrayList<>(List.of("All card spending"));
        List<String> parents = new ArrayList<>(List.of(""));
        List<Double> values = new ArrayList<>(List.of(categories.stream().mapToDouble(CategorySpend::volume).sum()));
        List<List<Object>> custom = new ArrayList<>();
        custom.add(List.of(categories.stream().mapToLong(CategorySpend::transactions).sum(), 0.0));
        for (CategorySpend c : categories) {
            ids.add("all/" + c.label());
            labels.add(c.label());
            parents.add("all");
            values.add(c.volume());
            custom.add(List.of(c.transactions(), c.averageTicket()));
        }
        Figure figure = Figure.of(Layout.defaults().withHeight(460).with("margin", Map.of("l", 8, "r", 8, "t", 8, "b", 8)),
                Treemap.of(ids, labels, parents, values).withBranchValues(BranchValues.TOTAL).withCustomData(custom)
                        .with("texttemplate", "%{label}<br>" + money.hover("value:.3s") + "<br>%{percentRoot:.1%}")
                        .withHoverTemplate("%{label}<br>" + money.hover("value:,.0f") + " over %{customdata[0]:,} transactions"
                                + "<br>average ticket " + money.hover("customdata[1]:,.2f") + "<extra></extra>")
                        .withMarker(Marker.defaults().withColors(Palette.SERIES)));
        return ChartSection.of("Spending treemap", figure)
                .withDescription("Approved card (debit) spending by merchant category.")
                .withMethod("Sums over gold.fact_transactions joined to gold.dim_merchant")
                .withSampleSize(categories.stream().mapToLong(CategorySpend::transactions).sum());
    }

    private static ChartSection clusterScatter(Clustering c, List<SegmentProfile> segments) {
        int[] axes = mostSeparatingFeatures(c);
        String fx = c.features().get(axes[0]);
        String fy = c.features().get(axes[1]);
        List<Scatter> traces = new ArrayList<>();
        double maxSize = segments.stream().mapToLong(SegmentProfile::size).max().orElse(1);
        for (int i = 0; i < segments.size(); i++) {
            SegmentProfile s = segments.get(i);
            String profile = s.centroid().entrySet().stream()
                    .map(en -> Fmt.label(en.getKey()) + ": " + Fmt.decimal(en.getValue(), 2)).collect(Collectors.joining("<br>"));
            traces.add(Scatter.points(List.of(value(s, fx)), List.of(value(s, fy))).withName(s.name())
                    .withText(List.of(s.name()))
                    .withMarker(Marker.colored(Palette.series(i)).withSize(18 + 42 * Math.sqrt(s.size() / maxSize)).withOpacity(0.75)
                            .withLine(Line.of("#ffffff", 1)))
                    .withCustomData(List.of(List.of(s.size(), s.share(), profile)))
                    .withHoverTemplate("<b>%{text}</b><br>%{customdata[0]:,} customers (%{customdata[1]:.1%})<br>%{customdata[2]}<extra></extra>"));
        }
        Figure figure = Figure.of(Layout.defaults().withLegend(Legend.horizontalBelow()).withHeight(460)
                .withXAxis(Axis.titled(Fmt.label(fx))).withYAxis(Axis.titled(Fmt.label(fy))), traces);
        return ChartSection.of("Customer cluster scatter", figure)
                .withDescription("Segment centroids on the two features that separate the segments most; bubble area follows segment size.")
                .withMethod(c.method() + "; k = " + c.k() + ", mean silhouette " + Fmt.decimal(c.silhouette(), 3) + ", seed " + c.seed())
                .withSampleSize(c.n());
    }

    private static double value(SegmentProfile s, String feature) {
        Double v = s.centroid().get(feature);
        return v == null ? Double.NaN : v;
    }

    /** The two features whose standardised centroids vary most across clusters. */
    static int[] mostSeparatingFeatures(Clustering c) {
        int features = c.features().size();
        double[] spread = new double[features];
        for (int f = 0; f < features; f++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] centroid : c.centroids()) {
                min = Math.min(min, centroid[f]);
                max = Math.max(max, centroid[f]);
            }
            spread[f] = max - min;
        }
        int first = 0;
        for (int f = 1; f < features; f++) {
            if (spread[f] > spread[first]) {
                first = f;
            }
        }
        int second = first == 0 ? Math.min(1, features - 1) : 0;
        for (int f = 0; f < features; f++) {
            if (f != first && spread[f] > spread[second]) {
                second = f;
            }
        }
        return new int[] {first, second};
    }

    private static ChartSection correlation(CorrelationMatrix pearson, CorrelationMatrix spearman) {
        List<String> names = pearson.variables().stream().map(Fmt::label).toList();
        List<List<Double>> z = new ArrayList<>();
        List<List<List<Double>>> custom = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<Double> row = new ArrayList<>();
            List<List<Double>> cells = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                row.add(pearson.r()[i][j]);
                double rho = spearman != null && spearman.variables().equals(pearson.variables()) ? spearman.r()[i][j] : Double.NaN;
                cells.add(List.of(pearson.pValue()[i][j], rho));
            }
            z.add(row);
            custom.add(cells);
        }
        int size = Math.max(420, 140 + 46 * names.size());
        Heatmap heatmap = Heatmap.of(names, names, z).withColorScale(Palette.DIVERGING).with("reversescale", true).withZRange(-1, 1)
                .withColorBarTitle("r").withTextTemplate("%{z:.2f}").withCustomData(custom)
                .withHoverTemplate("%{y} × %{x}<br>Pearson r = %{z:.3f} (p = %{customdata[0]:.2e})<br>Spearman ρ = %{customdata[1]:.3f}<extra></extra>");
        Figure figure = Figure.of(Layout.defaults().withHeight(size)
                .withXAxis(Axis.defaults().withTickAngle(-40).withShowGrid(false)).withYAxis(Axis.defaults().reversed().withShowGrid(false)), heatmap);
        long significant = 0;
        long pairs = 0;
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                pairs++;
                if (pearson.pValue()[i][j] < 0.05) {
                    significant++;
                }
            }
        }
        return ChartSection.of("Correlation heatmap", figure).withWidth(ChartWidth.FULL)
                .withDescription("Pearson correlation of the customer features; hover for p-values and the rank-based Spearman ρ.")
                .withMethod(pearson.method() + " correlation, t test of ρ = 0 on n − 2 df" + (spearman == null ? "" : "; Spearman shown on hover"))
                .withSampleSize(pearson.n())
                .withNote(significant + " of " + pairs + " feature pairs correlate at p < 0.05 (not adjusted for multiple comparisons)");
    }

    private static ChartSection regions(List<CategorySpend> regions, Money money) {
        List<String> labels = regions.stream().map(CategorySpend::label).toList();
        Figure figure = Figure.of(Layout.defaults().withLegend(Legend.horizontalAbove())
                        .withXAxis(Axis.titled("Merchant region").withType(AxisType.CATEGORY))
                        .withYAxis(Axis.titled("Approved volume").withTickPrefix(money.symbol()).withTickFormat(".3s"))
                        .withYAxis(2, Axis.titled("Volume per customer").withTickPrefix(money.symbol()).overlaying("y").withSide("right").withShowGrid(false)),
                Bar.of(labels, regions.stream().map(CategorySpend::volume).toList()).withName("Volume")
                        .withMarker(Marker.colored(Palette.PRIMARY)).withHoverTemplate("%{x}: " + money.hover("y:,.0f") + "<extra></extra>"),
                Scatter.line(labels, regions.stream().map(CategorySpend::volumePerCustomer).toList()).withName("Per customer")
                        .withMode(ScatterMode.LINES_MARKERS).withLine(Line.of(Palette.series(1), 2)).onAxes("x", "y2")
                        .withHoverTemplate("%{x}: " + money.hover("y:,.0f") + " per customer<extra></extra>"));
        return ChartSection.of("Geographic spending patterns", figure)
                .withDescription("Approved spending by the census region of the merchant, in total and per distinct customer.")
                .withMethod("Sums over gold.fact_transactions joined to gold.dim_merchant")
                .withSampleSize(regions.stream().mapToLong(CategorySpend::transactions).sum());
    }

    private static ChartSection outliers(List<OutlierReport> reports) {
        List<String> labels = reports.stream().map(r -> Fmt.label(r.variable())).toList();
        Figure figure = Figure.of(Layout.defaults().withBarMode(BarMode.GROUP).withLegend(Legend.horizontalAbove())
                        .withXAxis(Axis.defaults().withTickAngle(-30)).withYAxis(Axis.titled("Customers flagged")),
                Bar.of(labels, reports.stream().map(OutlierReport::iqrOutliers).toList()).withName("Outside Tukey fences (1.5 IQR)")
                        .withMarker(Marker.colored(Palette.WARNING)),
                Bar.of(labels, reports.stream().map(OutlierReport::robustOutliers).toList()).withName("Robust z beyond cut-off (MAD)")
                        .withMarker(Marker.colored(Palette.NEGATIVE)));
        return ChartSection.of("Outlier detection", figure)
                .withDescription("Customers with unusual values per feature, by two rules: Tukey's fences and the MAD-based robust z-score.")
                .withMethod("Type-7 quartiles, fences Q1 − k·IQR and Q3 + k·IQR; |x − median| / (1.4826·MAD) > " + Fmt.decimal(reports.get(0).robustZCutoff(), 1))
                .withSampleSize(reports.get(0).n());
    }

    private static ChartSection silhouette(Clustering c) {
        // category axis: shapes are placed by category position, not by label
        List<Integer> ks = c.candidates().stream().map(ClusterCandidate::k).toList();
        Figure figure = Figure.of(Layout.defaults().withLegend(Legend.horizontalAbove())
                        .withXAxis(Axis.titled("Number of clusters k").withType(AxisType.CATEGORY))
                        .withYAxis(Axis.titled("Mean silhouette"))
                        .withYAxis(2, Axis.titled("Inertia").overlaying("y").withSide("right").withShowGrid(false))
                        .withShape(Shape.verticalLine(ks.indexOf(c.k())).withLine(Line.of(Palette.NEUTRAL, 1).withDash("dot"))),
                Scatter.line(ks.stream().map(String::valueOf).toList(), c.candidates().stream().map(ClusterCandidate::silhouette).toList())
                        .withName("Silhouette").withMode(ScatterMode.LINES_MARKERS).withLine(Line.of(Palette.PRIMARY, 2.5)),
                Scatter.line(ks.stream().map(String::valueOf).toList(), c.candidates().stream().map(ClusterCandidate::inertia).toList())
                        .withName("Inertia").withMode(ScatterMode.LINES_MARKERS).withLine(Line.of(Palette.NEUTRAL, 1.5).withDash("dash")).onAxes("x", "y2"));
        return ChartSection.of("Choosing the number of segments", figure)
                .withDescription("Mean silhouette (higher is better separated) and inertia for every k tried; the dotted line marks the chosen k.")
                .withMethod(c.method() + ", silhouette over " + Fmt.count(c.silhouetteSample()) + " customers")
                .withSampleSize(c.n());
    }
}
