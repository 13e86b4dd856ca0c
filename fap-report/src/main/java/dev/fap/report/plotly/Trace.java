package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * One data series of a {@link Figure}. Each subclass is one Plotly trace type with typed withers for
 * its own attributes; this class holds the attributes all trace types share.
 *
 * <pre>{@code
 * Bar bar = Bar.of(channels, counts)
 *         .withName("Transactions")
 *         .withHoverTemplate("%{x}: %{y:,} transactions<extra></extra>");
 * }</pre>
 *
 * @param <T> the concrete trace type
 */
public abstract class Trace<T extends Trace<T>> extends PlotlyObject<T> {
    /** Creates a trace over {@code attributes}, which must include {@code type}. */
    protected Trace(Map<String, Object> attributes) {
        super(attributes);
    }

    /** The Plotly trace type, e.g. {@code "bar"}. */
    public final String type() {
        return String.valueOf(attributes().get("type"));
    }

    /**
     * The number of data points this trace carries (length of its main data array), used to check
     * that a chart is not empty.
     */
    public int pointCount() {
        for (String key : List.of("y", "x", "values", "z", "value", "lat", "link.value")) {
            Object data = get(key);
            if (data instanceof List<?> list) {
                return list.size();
            }
            if (data instanceof Number) {
                return 1;
            }
        }
        return 0;
    }

    public T withName(String name) {
        return with("name", name);
    }

    public T withShowLegend(boolean show) {
        return with("showlegend", show);
    }

    public T withLegendGroup(String group) {
        return with("legendgroup", group);
    }

    /** A Plotly hover template such as {@code "%{x}: %{y:$,.2f}<extra></extra>"}. */
    public T withHoverTemplate(String template) {
        return with("hovertemplate", template);
    }

    /** One text per point, shown on hover or on the chart depending on the trace. */
    public T withText(List<String> text) {
        return with("text", text);
    }

    /** A template for the text drawn on the chart, e.g. {@code "%{y:.1%}"}. */
    public T withTextTemplate(String template) {
        return with("texttemplate", template);
    }

    /** {@code "inside"}, {@code "outside"}, {@code "auto"} or {@code "none"}. */
    public T withTextPosition(String position) {
        return with("textposition", position);
    }

    /** Extra data per point, available to hover templates as {@code %{customdata[0]}}. */
    public T withCustomData(List<?> data) {
        return with("customdata", data);
    }

    public T withMarker(Marker marker) {
        return with("marker", marker);
    }

    public T withOpacity(double opacity) {
        return with("opacity", opacity);
    }

    /** The axes this trace is drawn on, e.g. {@code onAxes("x2", "y2")} for a second subplot. */
    public T onAxes(String xAxis, String yAxis) {
        return with("xaxis", xAxis).with("yaxis", yAxis);
    }

    /** The part of the figure a domain-based trace occupies. */
    public T withDomain(Domain domain) {
        return with("domain", domain);
    }
}
