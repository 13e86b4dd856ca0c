package dev.fap.report.plotly;

import java.util.Map;

/**
 * Where and how the legend is drawn.
 *
 * <pre>{@code
 * layout.withLegend(Legend.horizontalBelow());
 * }</pre>
 */
public final class Legend extends PlotlyObject<Legend> {
    private Legend(Map<String, Object> attributes) {
        super(attributes);
    }

    /** A legend with Plotly's defaults (vertical, right of the plot). */
    public static Legend defaults() {
        return new Legend(Map.of());
    }

    /** A horizontal legend centred below the plot. */
    public static Legend horizontalBelow() {
        return defaults().withOrientation(Orientation.HORIZONTAL).at(0.5, -0.2).with("xanchor", "center").with("yanchor", "top");
    }

    /** A horizontal legend centred above the plot. */
    public static Legend horizontalAbove() {
        return defaults().withOrientation(Orientation.HORIZONTAL).at(0.5, 1.02).with("xanchor", "center").with("yanchor", "bottom");
    }

    public Legend withOrientation(Orientation orientation) {
        return with("orientation", orientation);
    }

    /** Position in paper coordinates (0..1 spans the plotting area). */
    public Legend at(double x, double y) {
        return with("x", x).with("y", y);
    }

    public Legend withTitle(String title) {
        return with("title.text", title);
    }

    public Legend withFont(Font font) {
        return with("font", font);
    }

    @Override
    protected Legend create(Map<String, Object> attributes) {
        return new Legend(attributes);
    }
}
