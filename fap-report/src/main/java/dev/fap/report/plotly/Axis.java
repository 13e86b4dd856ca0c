package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * One cartesian axis: title, scale, ticks, range and, for subplots, its domain and anchor.
 *
 * <pre>{@code
 * Axis amount = Axis.titled("Amount (USD)").withTickPrefix("$").withTickFormat(",.0f");
 * layout.withXAxis(1, Axis.titled("Hour of day").withDomain(0, 0.45));
 * }</pre>
 */
public final class Axis extends PlotlyObject<Axis> {
    private Axis(Map<String, Object> attributes) {
        super(attributes);
    }

    /** An axis with no attribute set. */
    public static Axis defaults() {
        return new Axis(Map.of());
    }

    /** An axis with a title and automatic margins so long tick labels are never cut. */
    public static Axis titled(String title) {
        return defaults().withTitle(title).withAutoMargin(true);
    }

    public Axis withTitle(String title) {
        return with("title.text", title);
    }

    public Axis withType(AxisType type) {
        return with("type", type);
    }

    /** A d3-format string such as {@code ",.0f"}, {@code ".1%"} or a date format such as {@code "%b %Y"}. */
    public Axis withTickFormat(String format) {
        return with("tickformat", format);
    }

    public Axis withTickPrefix(String prefix) {
        return with("tickprefix", prefix);
    }

    public Axis withTickSuffix(String suffix) {
        return with("ticksuffix", suffix);
    }

    public Axis withTickAngle(double degrees) {
        return with("tickangle", degrees);
    }

    public Axis withRange(Object from, Object to) {
        return with("range", List.of(from, to));
    }

    /** The fraction of the figure width (x axes) or height (y axes) this axis spans. */
    public Axis withDomain(double from, double to) {
        return with("domain", List.of(from, to));
    }

    /** The axis this one is anchored to, e.g. {@code "y2"} for the x axis of a second subplot. */
    public Axis withAnchor(String anchor) {
        return with("anchor", anchor);
    }

    /** Draws this axis over another one, e.g. a secondary y axis {@code overlaying("y")}. */
    public Axis overlaying(String axis) {
        return with("overlaying", axis);
    }

    /** {@code "left"}, {@code "right"}, {@code "top"} or {@code "bottom"}. */
    public Axis withSide(String side) {
        return with("side", side);
    }

    public Axis withShowGrid(boolean show) {
        return with("showgrid", show);
    }

    public Axis withGridColor(String color) {
        return with("gridcolor", color);
    }

    public Axis withZeroLine(boolean show) {
        return with("zeroline", show);
    }

    public Axis withAutoMargin(boolean auto) {
        return with("automargin", auto);
    }

    /** Category order such as {@code "total descending"} or {@code "array"} (with {@link #withCategories}). */
    public Axis withCategoryOrder(String order) {
        return with("categoryorder", order);
    }

    /** Fixes the order of categories. */
    public Axis withCategories(List<?> categories) {
        return with("categoryorder", "array").with("categoryarray", categories);
    }

    /** Draws the categories of a y axis from top to bottom. */
    public Axis reversed() {
        return with("autorange", "reversed");
    }

    @Override
    protected Axis create(Map<String, Object> attributes) {
        return new Axis(attributes);
    }
}
