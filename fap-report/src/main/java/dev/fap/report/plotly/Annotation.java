package dev.fap.report.plotly;

import java.util.Map;

/**
 * A text label placed on the figure, in data or paper coordinates.
 *
 * <pre>{@code
 * Annotation note = Annotation.onPaper(0, 1.08, "Source: gold.fact_transactions");
 * Annotation peak = Annotation.at("2024-03", 1250.0, "Peak").withArrow(true);
 * }</pre>
 */
public final class Annotation extends PlotlyObject<Annotation> {
    private Annotation(Map<String, Object> attributes) {
        super(attributes);
    }

    /** A label at data coordinates {@code (x, y)} of the first axes, without an arrow. */
    public static Annotation at(Object x, Object y, String text) {
        return new Annotation(Map.of()).with("x", x).with("y", y).with("text", text).withArrow(false);
    }

    /** A label at paper coordinates (0..1 spans the plotting area). */
    public static Annotation onPaper(double x, double y, String text) {
        return at(x, y, text).withRefs(Reference.PAPER, Reference.PAPER);
    }

    public Annotation withRefs(Reference xRef, Reference yRef) {
        return with("xref", xRef).with("yref", yRef);
    }

    public Annotation withArrow(boolean show) {
        return with("showarrow", show);
    }

    public Annotation withFont(Font font) {
        return with("font", font);
    }

    /** {@code "left"}, {@code "center"} or {@code "right"}. */
    public Annotation withXAnchor(String anchor) {
        return with("xanchor", anchor);
    }

    /** {@code "top"}, {@code "middle"} or {@code "bottom"}. */
    public Annotation withYAnchor(String anchor) {
        return with("yanchor", anchor);
    }

    @Override
    protected Annotation create(Map<String, Object> attributes) {
        return new Annotation(attributes);
    }
}
