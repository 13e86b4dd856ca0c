package dev.fap.report.internal.pages;

import dev.fap.analytics.Breakdown;
import dev.fap.analytics.Slice;
import dev.fap.analytics.stats.ConfidenceInterval;
import dev.fap.analytics.stats.ProportionEstimate;
import dev.fap.report.plotly.Axis;
import dev.fap.report.plotly.Bar;
import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.Layout;
import dev.fap.report.plotly.Line;
import dev.fap.report.plotly.Marker;
import dev.fap.report.plotly.Palette;
import dev.fap.report.plotly.Pie;
import dev.fap.report.plotly.Scatter;
import dev.fap.report.plotly.Shape;
import java.util.ArrayList;
import java.util.List;

/** Chart shapes several report pages share: rates with intervals, forest plots, breakdowns. */
final class Figures {
    private Figures() {
    }

    /** Bars of proportions (as percentages) with their confidence intervals as error bars. */
    static Bar rateBars(List<String> labels, List<ProportionEstimate> rates, String color) {
        List<Double> y = new ArrayList<>();
        List<Double> plus = new ArrayList<>();
        List<Double> minus = new ArrayList<>();
        List<List<Object>> custom = new ArrayList<>();
        for (ProportionEstimate rate : rates) {
            y.add(rate.proportion() * 100);
            plus.add((rate.interval().upper() - rate.proportion()) * 100);
            minus.add((rate.proportion() - rate.interval().lower()) * 100);
            custom.add(List.of(rate.successes(), rate.n(), rate.interval().lower() * 100, rate.interval().upper() * 100));
        }
        return Bar.of(labels, y).withErrorY(plus, minus).withMarker(Marker.colored(color)).withCustomData(custom)
                .withHoverTemplate("%{x}: %{y:.2f}%<br>%{customdata[0]:,} of %{customdata[1]:,}"
                        + "<br>CI %{customdata[2]:.2f}% – %{customdata[3]:.2f}%<extra></extra>");
    }

    /**
     * A forest plot: one estimate per row with its interval as horizontal error bars and a dashed
     * reference line (0 for differences, 1 for ratios).
     */
    static Figure forest(List<String> labels, List<Double> estimates, List<ConfidenceInterval> intervals, List<String> colors,
            double reference, String axisTitle, String hoverFormat) {
        List<Double> plus = new ArrayList<>();
        List<Double> minus = new ArrayList<>();
        List<List<Double>> custom = new ArrayList<>();
        for (int i = 0; i < estimates.size(); i++) {
            plus.add(intervals.get(i).upper() - estimates.get(i));
            minus.add(estimates.get(i) - intervals.get(i).lower());
            custom.add(List.of(intervals.get(i).lower(), intervals.get(i).upper()));
        }
        Scatter points = Scatter.points(estimates, labels).withErrorX(plus, minus).withCustomData(custom)
                .withMarker(Marker.colored(colors).withSize(10).withSymbol("diamond"))
                .with("error_x.color", Palette.NEUTRAL).with("error_x.thickness", 1.5)
                .withHoverTemplate("%{y}: %{x:" + hoverFormat + "}<br>CI %{customdata[0]:" + hoverFormat + "} – %{customdata[1]:"
                        + hoverFormat + "}<extra></extra>");
        int height = Math.max(300, 70 + 34 * labels.size());
        return Figure.of(Layout.defaults().withHeight(height).withShowLegend(false)
                .withXAxis(Axis.titled(axisTitle).withZeroLine(false))
                .withYAxis(Axis.defaults().withAutoMargin(true).reversed())
                .withShape(Shape.verticalLine(reference).withLine(Line.of(Palette.NEUTRAL, 1).withDash("dash"))), points);
    }

    /** A donut of a breakdown's counts. */
    static Figure donut(Breakdown breakdown) {
        List<String> labels = breakdown.slices().stream().map(Slice::label).toList();
        List<Long> counts = breakdown.slices().stream().map(Slice::count).toList();
        return Figure.of(Layout.defaults().withShowLegend(true),
                Pie.of(labels, counts).withHole(0.45).withTextInfo("label+percent").withTextPosition("outside")
                        .withHoverTemplate("%{label}: %{value:,} " + breakdown.unit() + " (%{percent})<extra></extra>")
                        .withMarker(Marker.defaults().withColors(Palette.SERIES)));
    }

    /** The interval multiplied by {@code factor}, e.g. 100 for percentages. */
    static ConfidenceInterval scale(ConfidenceInterval ci, double factor) {
        return new ConfidenceInterval(ci.lower() * factor, ci.upper() * factor, ci.level());
    }

    /** A boxed copy of an array, for trace data. */
    static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    /** Green when the interval excludes {@code value}, grey otherwise. */
    static String significanceColor(ConfidenceInterval interval, double value) {
        return interval.excludes(value) ? Palette.POSITIVE : Palette.NEUTRAL;
    }
}
