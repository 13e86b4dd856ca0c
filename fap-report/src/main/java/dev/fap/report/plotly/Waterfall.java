package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * A waterfall: a start value, relative steps and totals.
 *
 * <pre>{@code
 * Waterfall plan = Waterfall.of(
 *         List.of("At risk", "Saved by offer", "Saved by call", "Remaining"),
 *         List.of(500.0, -120.0, -80.0, 0.0),
 *         List.of(MeasureKind.ABSOLUTE, MeasureKind.RELATIVE, MeasureKind.RELATIVE, MeasureKind.TOTAL));
 * }</pre>
 */
public final class Waterfall extends Trace<Waterfall> {
    private Waterfall(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Waterfall empty() {
        return new Waterfall(Map.of("type", "waterfall"));
    }

    /** One bar per label; a {@link MeasureKind#TOTAL} bar ignores its value and shows the running sum. */
    public static Waterfall of(List<String> labels, List<? extends Number> values, List<MeasureKind> measures) {
        Checks.sameSize(labels, values, "waterfall labels and values");
        Checks.sameSize(labels, measures, "waterfall labels and measures");
        return empty().with("x", labels).with("y", values).with("measure", measures);
    }

    public Waterfall withIncreasingColor(String color) {
        return with("increasing.marker.color", color);
    }

    public Waterfall withDecreasingColor(String color) {
        return with("decreasing.marker.color", color);
    }

    public Waterfall withTotalsColor(String color) {
        return with("totals.marker.color", color);
    }

    public Waterfall withConnector(Line line) {
        return with("connector.line", line);
    }

    @Override
    protected Waterfall create(Map<String, Object> attributes) {
        return new Waterfall(attributes);
    }
}
