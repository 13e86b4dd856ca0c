package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * A bar chart trace: vertical bars of {@code y} at categories {@code x}, or horizontal bars.
 *
 * <pre>{@code
 * Bar volume = Bar.of(List.of("online", "branch"), List.of(3200, 850)).withName("Transactions");
 * Bar ranking = Bar.horizontal(List.of("Acme", "Globex"), List.of(1.2e6, 9.8e5));
 * }</pre>
 */
public final class Bar extends Trace<Bar> {
    private Bar(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Bar empty() {
        return new Bar(Map.of("type", "bar"));
    }

    /** Vertical bars: one bar of height {@code y[i]} at category {@code x[i]}. */
    public static Bar of(List<?> x, List<? extends Number> y) {
        Checks.sameSize(x, y, "bar x and y");
        return empty().with("x", x).with("y", y);
    }

    /** Horizontal bars: one bar of length {@code values[i]} for {@code categories[i]}. */
    public static Bar horizontal(List<?> categories, List<? extends Number> values) {
        Checks.sameSize(categories, values, "bar categories and values");
        return empty().with("y", categories).with("x", values).withOrientation(Orientation.HORIZONTAL);
    }

    public Bar withOrientation(Orientation orientation) {
        return with("orientation", orientation);
    }

    /** Symmetric error bars, e.g. the half-width of a confidence interval. */
    public Bar withErrorY(List<? extends Number> errors) {
        return with("error_y", Map.of("type", "data", "array", errors, "visible", true));
    }

    /** Asymmetric vertical error bars: {@code plus[i]} above and {@code minus[i]} below bar {@code i}. */
    public Bar withErrorY(List<? extends Number> plus, List<? extends Number> minus) {
        return with("error_y", Map.of("type", "data", "symmetric", false, "array", plus, "arrayminus", minus, "visible", true));
    }

    /** Asymmetric horizontal error bars. */
    public Bar withErrorX(List<? extends Number> plus, List<? extends Number> minus) {
        return with("error_x", Map.of("type", "data", "symmetric", false, "array", plus, "arrayminus", minus, "visible", true));
    }

    /** Horizontal symmetric error bars. */
    public Bar withErrorX(List<? extends Number> errors) {
        return with("error_x", Map.of("type", "data", "array", errors, "visible", true));
    }

    @Override
    protected Bar create(Map<String, Object> attributes) {
        return new Bar(attributes);
    }
}
