package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * A pie or donut chart of shares.
 *
 * <pre>{@code
 * Pie channels = Pie.of(List.of("online", "atm", "branch"), List.of(61.0, 24.0, 15.0)).withHole(0.45);
 * }</pre>
 */
public final class Pie extends Trace<Pie> {
    private Pie(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Pie empty() {
        return new Pie(Map.of("type", "pie"));
    }

    /** One sector per label, sized by its value. */
    public static Pie of(List<String> labels, List<? extends Number> values) {
        Checks.sameSize(labels, values, "pie labels and values");
        return empty().with("labels", labels).with("values", values);
    }

    /** A donut: the fraction of the radius cut out of the middle (0..1). */
    public Pie withHole(double hole) {
        return with("hole", hole);
    }

    /** {@code "label+percent"}, {@code "percent"}, {@code "value"} ... */
    public Pie withTextInfo(String info) {
        return with("textinfo", info);
    }

    public Pie withSort(boolean sort) {
        return with("sort", sort);
    }

    @Override
    protected Pie create(Map<String, Object> attributes) {
        return new Pie(attributes);
    }
}
