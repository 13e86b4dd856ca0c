package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * A scatter trace: points, lines or both.
 *
 * <pre>{@code
 * Scatter trend = Scatter.line(months, totals).withName("Volume").withLine(Line.of("#2563eb", 2));
 * Scatter clusters = Scatter.points(recency, frequency).withMarker(Marker.scaled(cluster, "Viridis"));
 * }</pre>
 */
public final class Scatter extends Trace<Scatter> {
    private Scatter(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Scatter empty() {
        return new Scatter(Map.of("type", "scatter"));
    }

    /** Points only. */
    public static Scatter points(List<?> x, List<?> y) {
        Checks.sameSize(x, y, "scatter x and y");
        return empty().with("x", x).with("y", y).withMode(ScatterMode.MARKERS);
    }

    /** A line through the points. */
    public static Scatter line(List<?> x, List<?> y) {
        Checks.sameSize(x, y, "scatter x and y");
        return empty().with("x", x).with("y", y).withMode(ScatterMode.LINES);
    }

    public Scatter withMode(ScatterMode mode) {
        return with("mode", mode);
    }

    public Scatter withLine(Line line) {
        return with("line", line);
    }

    /** {@code "tozeroy"}, {@code "tonexty"}, {@code "toself"} ... */
    public Scatter withFill(String fill) {
        return with("fill", fill);
    }

    public Scatter withFillColor(String color) {
        return with("fillcolor", color);
    }

    /** Asymmetric horizontal error bars, e.g. a confidence interval around an estimate. */
    public Scatter withErrorX(List<? extends Number> plus, List<? extends Number> minus) {
        return with("error_x", Map.of("type", "data", "symmetric", false, "array", plus, "arrayminus", minus, "visible", true));
    }

    /** Asymmetric vertical error bars. */
    public Scatter withErrorY(List<? extends Number> plus, List<? extends Number> minus) {
        return with("error_y", Map.of("type", "data", "symmetric", false, "array", plus, "arrayminus", minus, "visible", true));
    }

    @Override
    protected Scatter create(Map<String, Object> attributes) {
        return new Scatter(attributes);
    }
}
