package dev.fap.report.plotly;

import java.util.Map;

/**
 * A line or rectangle drawn on the figure, such as a reference line at zero effect.
 *
 * <pre>{@code
 * Shape zero = Shape.verticalLine(0).withLine(Line.of("#6b7280", 1).withDash("dash"));
 * }</pre>
 */
public final class Shape extends PlotlyObject<Shape> {
    private Shape(Map<String, Object> attributes) {
        super(attributes);
    }

    /** A vertical line at data {@code x} spanning the whole plot height. */
    public static Shape verticalLine(Object x) {
        return new Shape(Map.of()).with("type", "line").with("x0", x).with("x1", x).with("y0", 0).with("y1", 1)
                .with("xref", Reference.X).with("yref", Reference.PAPER);
    }

    /** A horizontal line at data {@code y} spanning the whole plot width. */
    public static Shape horizontalLine(Object y) {
        return new Shape(Map.of()).with("type", "line").with("x0", 0).with("x1", 1).with("y0", y).with("y1", y)
                .with("xref", Reference.PAPER).with("yref", Reference.Y);
    }

    /** A rectangle in data coordinates. */
    public static Shape rectangle(Object x0, Object y0, Object x1, Object y1) {
        return new Shape(Map.of()).with("type", "rect").with("x0", x0).with("x1", x1).with("y0", y0).with("y1", y1);
    }

    public Shape withLine(Line line) {
        return with("line", line);
    }

    public Shape withFillColor(String color) {
        return with("fillcolor", color);
    }

    public Shape withRefs(Reference xRef, Reference yRef) {
        return with("xref", xRef).with("yref", yRef);
    }

    @Override
    protected Shape create(Map<String, Object> attributes) {
        return new Shape(attributes);
    }
}
