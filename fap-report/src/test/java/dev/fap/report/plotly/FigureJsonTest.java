package dev.fap.report.plotly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.FapException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureJsonTest {

    @Test
    void barFigureHasExactJson() {
        Figure figure = Figure.of(Layout.titled("By channel").withXAxis(Axis.titled("Channel")),
                Bar.of(List.of("online", "atm"), List.of(3200, 850)).withName("Count"));
        assertThat(figure.toJson()).isEqualTo(
                "{\"data\":[{\"name\":\"Count\",\"type\":\"bar\",\"x\":[\"online\",\"atm\"],\"y\":[3200,850]}],"
                        + "\"layout\":{\"title\":{\"text\":\"By channel\"},"
                        + "\"xaxis\":{\"automargin\":true,\"title\":{\"text\":\"Channel\"}}}}");
    }

    @Test
    void attributeOrderDoesNotChangeTheBytes() {
        Scatter a = Scatter.line(List.of(1, 2), List.of(3, 4)).withName("n").withLine(Line.of("#000", 2)).withOpacity(0.5);
        Scatter b = Scatter.line(List.of(1, 2), List.of(3, 4)).withOpacity(0.5).withLine(Line.defaults().withWidth(2).withColor("#000")).withName("n");
        assertThat(a.toJson()).isEqualTo(b.toJson());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void numbersAreWrittenWithoutFloatingNoise() {
        assertThat(PlotlyJson.formatNumber(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(PlotlyJson.formatNumber(5.0)).isEqualTo("5");
        assertThat(PlotlyJson.formatNumber(-0.0)).isEqualTo("0");
        assertThat(PlotlyJson.formatNumber(1234567.891)).isEqualTo("1234567.891");
        assertThat(PlotlyJson.formatNumber(1.0 / 3)).isEqualTo("0.333333333333");
        assertThat(PlotlyJson.formatNumber(2.5e-9)).isEqualTo("2.5E-9");
        assertThat(PlotlyJson.formatNumber(Double.NaN)).isEqualTo("null");
        assertThat(PlotlyJson.write(List.of(1.0, Double.POSITIVE_INFINITY, 2.25f))).isEqualTo("[1,null,2.25]");
    }

    @Test
    void nestedPathsMergeAndNullRemoves() {
        Marker marker = Marker.colored("#fff").with("line.width", 1).with("line.color", "#000");
        assertThat(marker.toJson()).isEqualTo("{\"color\":\"#fff\",\"line\":{\"color\":\"#000\",\"width\":1}}");
        assertThat(marker.with("line.width", null).with("line.color", null).toJson()).isEqualTo("{\"color\":\"#fff\"}");
        Bar bar = Bar.of(List.of("a"), List.of(1)).withMarker(Marker.colored("#111")).with("marker.opacity", 0.5);
        assertThat(bar.get("marker")).isInstanceOf(Marker.class);
        assertThat(bar.get("marker.opacity")).isEqualTo(0.5);
    }

    @Test
    void callerCollectionsAreCopied() {
        List<Integer> y = new ArrayList<>(List.of(1, 2));
        Bar bar = Bar.of(List.of("a", "b"), y);
        y.set(0, 99);
        assertThat(bar.toJson()).contains("\"y\":[1,2]");
    }

    @Test
    void scriptEndTagIsEscapedAndDatesAreIso() {
        Figure f = Figure.of(Layout.titled("</script><b>"), Scatter.line(List.of(LocalDate.of(2024, 1, 31)), List.of(1)));
        assertThat(f.toJson()).doesNotContain("</").contains("<\\/script>").contains("\"2024-01-31\"");
    }

    @Test
    void enumsAndFalseLiterals() {
        Layout layout = Layout.defaults().withBarMode(BarMode.STACK).withHoverMode(HoverMode.NONE).withGrid(2, 3, "independent");
        assertThat(layout.toJson()).isEqualTo(
                "{\"barmode\":\"stack\",\"grid\":{\"columns\":3,\"pattern\":\"independent\",\"rows\":2},\"hovermode\":false}");
        assertThat(Box.of(List.of(1, 2, 3)).withBoxPoints(BoxPoints.NONE).toJson()).contains("\"boxpoints\":false");
    }

    @Test
    void everyTraceTypeCountsItsPoints() {
        List<Trace<?>> traces = List.of(
                Bar.of(List.of("a", "b"), List.of(1, 2)),
                Scatter.points(List.of(1, 2, 3), List.of(1, 2, 3)),
                Pie.of(List.of("a", "b"), List.of(1, 2)),
                Histogram.of(List.of(1, 2, 2, 3)),
                Box.of(List.of(1, 2, 3, 4, 5)),
                Heatmap.of(List.of("x1", "x2"), List.of("y1"), List.of(List.of(1, 2))),
                Treemap.of(List.of("r", "r/a"), List.of("R", "A"), List.of("", "r"), List.of(0, 3)),
                Sunburst.of(List.of("r", "r/a", "r/b"), List.of("R", "A", "B"), List.of("", "r", "r"), List.of(0, 3, 4)),
                Indicator.number(42),
                Waterfall.of(List.of("a", "b"), List.of(5, -2), List.of(MeasureKind.ABSOLUTE, MeasureKind.RELATIVE)),
                Funnel.of(List.of("a", "b", "c"), List.of(10, 5, 1)),
                Sankey.of(List.of("a", "b", "c"), List.of(0, 0), List.of(1, 2), List.of(3, 4)),
                ScatterGeo.points(List.of(40.7), List.of(-74.0)));
        assertThat(traces).extracting(Trace::type).containsExactly("bar", "scatter", "pie", "histogram", "box", "heatmap",
                "treemap", "sunburst", "indicator", "waterfall", "funnel", "sankey", "scattergeo");
        assertThat(traces).extracting(Trace::pointCount).containsExactly(2, 3, 2, 4, 5, 1, 2, 3, 1, 2, 3, 2, 1);
    }

    @Test
    void indicatorDeltaAndGauge() {
        Indicator kpi = Indicator.gauge(0.02, 0, 0.1).withDelta(0.025).withValueFormat(".1%");
        assertThat(kpi.toJson()).isEqualTo("{\"delta\":{\"reference\":0.025},\"gauge\":{\"axis\":{\"range\":[0,0.1]}},"
                + "\"mode\":\"gauge+number+delta\",\"number\":{\"valueformat\":\".1%\"},\"type\":\"indicator\",\"value\":0.02}");
        assertThat(kpi.withDelta(0.03).get("mode")).isEqualTo("gauge+number+delta");
    }

    @Test
    void layoutAppendsAnnotationsAndShapes() {
        Layout layout = Layout.defaults().withAnnotation(Annotation.onPaper(0, 1, "a")).withAnnotation(Annotation.at("x", 2, "b"))
                .withShape(Shape.verticalLine(0));
        assertThat((List<?>) layout.get("annotations")).hasSize(2);
        assertThat(layout.toJson()).contains("\"shapes\":[{\"type\":\"line\",\"x0\":0,\"x1\":0,\"xref\":\"x\",\"y0\":0,\"y1\":1,\"yref\":\"paper\"}]");
        assertThat(Layout.defaults().withYAxis(2, Axis.defaults().overlaying("y")).toJson()).isEqualTo("{\"yaxis2\":{\"overlaying\":\"y\"}}");
    }

    @Test
    void badInputIsRejectedWithAHint() {
        assertThatThrownBy(() -> Bar.of(List.of("a"), List.of(1, 2))).isInstanceOf(FapException.class).hasMessageContaining("same number");
        assertThatThrownBy(() -> Heatmap.of(List.of("a"), List.of("r"), List.of(List.of(1, 2)))).isInstanceOf(FapException.class);
        assertThatThrownBy(() -> Treemap.of(List.of("a"), List.of("A"), List.of("missing"), List.of(1)))
                .isInstanceOf(FapException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> Sankey.of(List.of("a"), List.of(0), List.of(3), List.of(1))).isInstanceOf(FapException.class);
        assertThatThrownBy(() -> Domain.of(0.5, 0.2, 0, 1)).isInstanceOf(FapException.class);
        assertThatThrownBy(() -> Bar.of(List.of("a"), List.of(1)).with("marker..color", 1)).isInstanceOf(FapException.class);
        assertThatThrownBy(() -> Bar.of(List.of("a"), List.of(1)).with("x", new Object())).isInstanceOf(FapException.class);
    }
}
