package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * A treemap: nested rectangles sized by value.
 *
 * <pre>{@code
 * Treemap products = Treemap.of(
 *         List.of("loans", "loans/mortgage", "loans/auto"),
 *         List.of("Loans", "Mortgage", "Auto"),
 *         List.of("", "loans", "loans"),
 *         List.of(0, 120, 80));
 * }</pre>
 */
public final class Treemap extends HierarchyTrace<Treemap> {
    private Treemap(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Treemap empty() {
        return new Treemap(Map.of("type", "treemap"));
    }

    /** Nodes with unique {@code ids}, display {@code labels}, {@code parents} ("" for a root) and {@code values}. */
    public static Treemap of(List<String> ids, List<String> labels, List<String> parents, List<? extends Number> values) {
        return nodes(empty(), ids, labels, parents, values);
    }

    @Override
    protected Treemap create(Map<String, Object> attributes) {
        return new Treemap(attributes);
    }
}
