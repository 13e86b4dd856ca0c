package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * A sunburst: a hierarchy drawn as rings, the root in the middle.
 *
 * <pre>{@code
 * Sunburst spend = Sunburst.of(ids, labels, parents, values).withBranchValues(BranchValues.TOTAL);
 * }</pre>
 */
public final class Sunburst extends HierarchyTrace<Sunburst> {
    private Sunburst(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Sunburst empty() {
        return new Sunburst(Map.of("type", "sunburst"));
    }

    /** Nodes with unique {@code ids}, display {@code labels}, {@code parents} ("" for a root) and {@code values}. */
    public static Sunburst of(List<String> ids, List<String> labels, List<String> parents, List<? extends Number> values) {
        return nodes(empty(), ids, labels, parents, values);
    }

    @Override
    protected Sunburst create(Map<String, Object> attributes) {
        return new Sunburst(attributes);
    }
}
