package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * How points, bars and sectors are filled: one colour, one colour per point, or numbers mapped
 * through a colour scale.
 *
 * <pre>{@code
 * Marker byRisk = Marker.colored("#2563eb").withSize(8).withOpacity(0.7);
 * Marker scaled = Marker.scaled(riskScores, "Reds").withShowScale(true);
 * }</pre>
 */
public final class Marker extends PlotlyObject<Marker> {
    private Marker(Map<String, Object> attributes) {
        super(attributes);
    }

    /** A marker with no attribute set. */
    public static Marker defaults() {
        return new Marker(Map.of());
    }

    /** One colour for every point. */
    public static Marker colored(String color) {
        return defaults().withColor(color);
    }

    /** One colour per point, in order. */
    public static Marker colored(List<String> colors) {
        return defaults().with("color", colors);
    }

    /** Numbers mapped to colours through a named ({@code "Viridis"}, {@code "RdBu"} ...) colour scale. */
    public static Marker scaled(List<? extends Number> values, String colorScale) {
        return defaults().with("color", values).with("colorscale", colorScale);
    }

    public Marker withColor(String color) {
        return with("color", color);
    }

    /** Per-sector colours of pie, treemap, sunburst and funnel traces. */
    public Marker withColors(List<String> colors) {
        return with("colors", colors);
    }

    public Marker withSize(double size) {
        return with("size", size);
    }

    public Marker withSizes(List<? extends Number> sizes) {
        return with("size", sizes);
    }

    public Marker withOpacity(double opacity) {
        return with("opacity", opacity);
    }

    public Marker withLine(Line line) {
        return with("line", line);
    }

    public Marker withColorScale(String colorScale) {
        return with("colorscale", colorScale);
    }

    public Marker withShowScale(boolean show) {
        return with("showscale", show);
    }

    /** {@code "circle"}, {@code "square"}, {@code "diamond"}, {@code "x"} ... */
    public Marker withSymbol(String symbol) {
        return with("symbol", symbol);
    }

    @Override
    protected Marker create(Map<String, Object> attributes) {
        return new Marker(attributes);
    }
}
