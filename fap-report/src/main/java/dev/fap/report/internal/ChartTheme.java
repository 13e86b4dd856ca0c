package dev.fap.report.internal;

import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.Layout;
import dev.fap.report.plotly.Palette;
import java.util.Map;

/** FAP's default look for report charts, applied as a Plotly layout template. */
public final class ChartTheme {
    /** Height of a chart when its layout sets none. */
    public static final int DEFAULT_HEIGHT = 420;

    private static final Map<String, Object> AXIS = Map.of(
            "gridcolor", Palette.GRID, "linecolor", "#d1d5db", "zerolinecolor", "#d1d5db", "automargin", true,
            "title", Map.of("standoff", 8));
    private static final Map<String, Object> TEMPLATE = Map.of("layout", Map.of(
            "font", Map.of("family", "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif",
                    "size", 12, "color", Palette.TEXT),
            "colorway", Palette.SERIES,
            "paper_bgcolor", "#ffffff",
            "plot_bgcolor", "#ffffff",
            "hoverlabel", Map.of("font", Map.of("size", 12)),
            "xaxis", AXIS,
            "yaxis", AXIS,
            "legend", Map.of("bgcolor", "rgba(255,255,255,0.7)")));

    private ChartTheme() {
    }

    /** The figure with FAP's template, a height and compact margins where it sets none. */
    public static Figure apply(Figure figure) {
        Layout layout = figure.layout() == null ? Layout.defaults() : figure.layout();
        if (layout.get("template") == null) {
            layout = layout.with("template", TEMPLATE);
        }
        if (layout.get("height") == null) {
            layout = layout.withHeight(DEFAULT_HEIGHT);
        }
        if (layout.get("margin") == null) {
            layout = layout.with("margin", Map.of("l", 56, "r", 24, "t", layout.get("title") == null ? 24 : 56, "b", 48));
        }
        return figure.withLayout(layout.with("autosize", true));
    }

    /** The chart height in pixels. */
    public static int height(Figure figure) {
        Object height = figure.layout() == null ? null : figure.layout().get("height");
        return height instanceof Number n ? n.intValue() : DEFAULT_HEIGHT;
    }
}
