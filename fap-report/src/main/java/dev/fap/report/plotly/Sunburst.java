package dev.fap.report.plotly;

import dev.fap.core.FapException;
import java.util.List;
import java.util.Map;

/**
 * A sunburst: a hierarchy drawn as rings, the root in the middle.
 *
 * <pre>{@code
 * Sunburst spend = Sunburst.of(ids, labels, parents, values).withBranchValues(BranchValues.TOTAL);
 * }</pre>
 */
public final class Sunburst extends Trace<Sunburst> {
    private Sunburst(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Sunburst empty() {
        return new Sunburst(Map.of("type", "sunburst"));
    }

    /** Nodes with unique {@code ids}, display {@code labels}, {@code parents} ("" for a root) and {@code values}. */
    public static Sunburst of(List<String> ids, List<String> labels, List<String> parents, List<? extends Number> values) {
        check(ids, labels, parents, values);
        return empty().with("ids", ids).with("labels", labels).with("parents", parents).with("values", values);
    }

    /** Whether a parent's value is the total of its subtree or only its own remainder. */
    public Sunburst withBranchValues(BranchValues values) {
        return with("branchvalues", values);
    }

    /** {@code "label+value+percent parent"} ... */
    public Sunburst withTextInfo(String info) {
        return with("textinfo", info);
    }

    /** How many levels are visible at once. */
    public Sunburst withMaxDepth(int depth) {
        return with("maxdepth", depth);
    }

    private static void check(List<String> ids, List<String> labels, List<String> parents, List<? extends Number> values) {
        Checks.sameSize(ids, labels, "ids and labels");
        Checks.sameSize(ids, parents, "ids and parents");
        Checks.sameSize(ids, values, "ids and values");
        java.util.Set<String> known = new java.util.HashSet<>(ids);
        if (known.size() != ids.size()) {
            throw FapException.invalidArgument("hierarchy ids must be unique", "give every node its own id, e.g. \"parent/child\"");
        }
        for (String parent : parents) {
            if (!parent.isEmpty() && !known.contains(parent)) {
                throw FapException.invalidArgument("hierarchy parent \"" + parent + "\" is not one of the ids",
                        "use \"\" for roots and an existing id for every other parent");
            }
        }
    }

    @Override
    protected Sunburst create(Map<String, Object> attributes) {
        return new Sunburst(attributes);
    }
}
