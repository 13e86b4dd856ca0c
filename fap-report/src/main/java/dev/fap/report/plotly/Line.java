package dev.fap.report.plotly;

import java.util.Map;

/**
 * A line style for scatter lines, marker outlines, shapes and axis lines.
 *
 * <pre>{@code
 * Line dashed = Line.of("#dc2626", 2).withDash("dash");
 * }</pre>
 */
public final class Line extends PlotlyObject<Line> {
    private Line(Map<String, Object> attributes) {
        super(attributes);
    }

    /** A line of the given colour and width in pixels. */
    public static Line of(String color, double width) {
        return new Line(Map.of()).withColor(color).withWidth(width);
    }

    /** A line with no attribute set. */
    public static Line defaults() {
        return new Line(Map.of());
    }

    public Line withColor(String color) {
        return with("color", color);
    }

    public Line withWidth(double width) {
        return with("width", width);
    }

    /** {@code "solid"}, {@code "dot"}, {@code "dash"}, {@code "longdash"}, {@code "dashdot"} or a length list such as {@code "5px,10px"}. */
    public Line withDash(String dash) {
        return with("dash", dash);
    }

    /** {@code "linear"}, {@code "spline"}, {@code "hv"}, {@code "vh"}, {@code "hvh"} or {@code "vhv"}. */
    public Line withShape(String shape) {
        return with("shape", shape);
    }

    @Override
    protected Line create(Map<String, Object> attributes) {
        return new Line(attributes);
    }
}
