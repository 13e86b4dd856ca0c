package dev.fap.report.plotly;

import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything about a figure that is not a trace: title, size, margins, legend, axes, subplot grid,
 * annotations and shapes.
 *
 * <pre>{@code
 * Layout layout = Layout.titled("Monthly volume")
 *         .withXAxis(Axis.titled("Month"))
 *         .withYAxis(Axis.titled("Amount").withTickPrefix("$"))
 *         .withYAxis(2, Axis.titled("Count").overlaying("y").withSide("right"))
 *         .withAnnotation(Annotation.onPaper(0, -0.2, "n = 52,113 transactions"));
 * }</pre>
 */
public final class Layout extends PlotlyObject<Layout> {
    private Layout(Map<String, Object> attributes) {
        super(attributes);
    }

    /** A layout with no attribute set (Plotly's defaults). */
    public static Layout defaults() {
        return new Layout(Map.of());
    }

    /** A layout with a title. */
    public static Layout titled(String title) {
        return defaults().withTitle(title);
    }

    public Layout withTitle(String title) {
        return with("title.text", title);
    }

    public Layout withHeight(int pixels) {
        return with("height", pixels);
    }

    public Layout withWidth(int pixels) {
        return with("width", pixels);
    }

    public Layout withMargin(Margin margin) {
        return with("margin", margin);
    }

    public Layout withShowLegend(boolean show) {
        return with("showlegend", show);
    }

    public Layout withLegend(Legend legend) {
        return with("legend", legend);
    }

    public Layout withFont(Font font) {
        return with("font", font);
    }

    public Layout withBarMode(BarMode mode) {
        return with("barmode", mode);
    }

    public Layout withHoverMode(HoverMode mode) {
        return with("hovermode", mode);
    }

    /** The default colours for successive traces. */
    public Layout withColorway(List<String> colors) {
        return with("colorway", colors);
    }

    public Layout withPaperBackground(String color) {
        return with("paper_bgcolor", color);
    }

    public Layout withPlotBackground(String color) {
        return with("plot_bgcolor", color);
    }

    /** The first x axis. */
    public Layout withXAxis(Axis axis) {
        return withXAxis(1, axis);
    }

    /** The {@code n}-th x axis (1-based): {@code xaxis}, {@code xaxis2}, ... */
    public Layout withXAxis(int n, Axis axis) {
        return with(axisKey("xaxis", n), axis);
    }

    /** The first y axis. */
    public Layout withYAxis(Axis axis) {
        return withYAxis(1, axis);
    }

    /** The {@code n}-th y axis (1-based): {@code yaxis}, {@code yaxis2}, ... */
    public Layout withYAxis(int n, Axis axis) {
        return with(axisKey("yaxis", n), axis);
    }

    /**
     * Splits the figure into a {@code rows x columns} grid. Cartesian traces then pick their cell
     * through their axes ({@code "x2"/"y2"} ...) with {@code pattern} {@code "independent"}; domain
     * traces through {@link Domain#cell}.
     */
    public Layout withGrid(int rows, int columns, String pattern) {
        if (rows < 1 || columns < 1) {
            throw FapException.invalidArgument("grid must have at least one row and column, was " + rows + "x" + columns,
                    "pass rows >= 1 and columns >= 1");
        }
        return with("grid", Map.of("rows", rows, "columns", columns, "pattern", pattern));
    }

    /** Adds an annotation after the existing ones. */
    public Layout withAnnotation(Annotation annotation) {
        return append("annotations", annotation);
    }

    /** Adds a shape after the existing ones. */
    public Layout withShape(Shape shape) {
        return append("shapes", shape);
    }

    private Layout append(String key, Object element) {
        List<Object> list = new ArrayList<>();
        if (get(key) instanceof List<?> existing) {
            list.addAll(existing);
        }
        list.add(element);
        return with(key, list);
    }

    private static String axisKey(String prefix, int n) {
        if (n < 1) {
            throw FapException.invalidArgument("axis numbers start at 1, was " + n, "use 1 for the first axis");
        }
        return n == 1 ? prefix : prefix + n;
    }

    @Override
    protected Layout create(Map<String, Object> attributes) {
        return new Layout(attributes);
    }
}
