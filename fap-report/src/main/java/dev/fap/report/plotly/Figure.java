package dev.fap.report.plotly;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A complete Plotly figure: traces plus layout. Immutable; {@link #toJson()} gives the same bytes
 * for the same content, whatever order the attributes were set in.
 *
 * <pre>{@code
 * Figure figure = Figure.of(Layout.titled("Transactions by channel"),
 *         Bar.of(List.of("online", "atm"), List.of(3200, 850)));
 * String json = figure.toJson(); // {"data":[{"type":"bar",...}],"layout":{"title":{"text":...}}}
 * }</pre>
 */
public final class Figure extends PlotlyObject<Figure> {
    private Figure(Map<String, Object> attributes) {
        super(attributes);
    }

    /** A figure with the given layout and traces, drawn in the given order. */
    public static Figure of(Layout layout, Trace<?>... traces) {
        return new Figure(Map.of("data", List.of(traces), "layout", layout));
    }

    /** A figure with the given layout and traces, drawn in the given order. */
    public static Figure of(Layout layout, List<? extends Trace<?>> traces) {
        return new Figure(Map.of("data", List.copyOf(traces), "layout", layout));
    }

    /** Adds a trace after the existing ones. */
    public Figure withTrace(Trace<?> trace) {
        List<Object> data = new ArrayList<>(traces());
        data.add(trace);
        return with("data", data);
    }

    public Figure withLayout(Layout layout) {
        return with("layout", layout);
    }

    /** The traces in drawing order. */
    public List<Trace<?>> traces() {
        List<Trace<?>> result = new ArrayList<>();
        if (get("data") instanceof List<?> data) {
            for (Object trace : data) {
                result.add((Trace<?>) trace);
            }
        }
        return Collections.unmodifiableList(result);
    }

    public Layout layout() {
        return (Layout) get("layout");
    }

    /** The number of data points of each trace, in drawing order. */
    public List<Integer> pointCounts() {
        return traces().stream().map(Trace::pointCount).toList();
    }

    @Override
    protected Figure create(Map<String, Object> attributes) {
        return new Figure(attributes);
    }
}
