package dev.fap.report.plotly;

import dev.fap.core.FapException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes {@link Treemap} and {@link Sunburst} share: nodes given by unique ids, labels,
 * parents and values.
 *
 * <pre>{@code
 * Treemap t = Treemap.of(ids, labels, parents, values).withBranchValues(BranchValues.TOTAL).withMaxDepth(2);
 * }</pre>
 *
 * @param <T> the concrete trace type
 */
public abstract class HierarchyTrace<T extends HierarchyTrace<T>> extends Trace<T> {
    /** Creates the trace over {@code attributes}. */
    protected HierarchyTrace(Map<String, Object> attributes) {
        super(attributes);
    }

    /** Whether a parent's value is the total of its subtree or only its own remainder. */
    public T withBranchValues(BranchValues values) {
        return with("branchvalues", values);
    }

    /** {@code "label+value+percent parent"} ... */
    public T withTextInfo(String info) {
        return with("textinfo", info);
    }

    /** How many levels are visible at once. */
    public T withMaxDepth(int depth) {
        return with("maxdepth", depth);
    }

    /** The empty trace {@code base} with the nodes set, after checking that they form a forest. */
    static <T extends HierarchyTrace<T>> T nodes(T base, List<String> ids, List<String> labels, List<String> parents,
            List<? extends Number> values) {
        Checks.sameSize(ids, labels, "ids and labels");
        Checks.sameSize(ids, parents, "ids and parents");
        Checks.sameSize(ids, values, "ids and values");
        Set<String> known = new HashSet<>(ids);
        if (known.size() != ids.size()) {
            throw FapException.invalidArgument("hierarchy ids must be unique", "give every node its own id, e.g. \"parent/child\"");
        }
        for (String parent : parents) {
            if (!parent.isEmpty() && !known.contains(parent)) {
                throw FapException.invalidArgument("hierarchy parent \"" + parent + "\" is not one of the ids",
                        "use \"\" for roots and an existing id for every other parent");
            }
        }
        return base.with("ids", ids).with("labels", labels).with("parents", parents).with("values", values);
    }
}
