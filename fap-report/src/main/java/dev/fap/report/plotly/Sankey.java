package dev.fap.report.plotly;

import dev.fap.core.FapException;
import java.util.List;
import java.util.Map;

/**
 * A Sankey diagram: flows between labelled nodes.
 *
 * <pre>{@code
 * Sankey flow = Sankey.of(List.of("Campaign", "Responded", "Ignored"),
 *         List.of(0, 0), List.of(1, 2), List.of(900, 4100));
 * }</pre>
 */
public final class Sankey extends Trace<Sankey> {
    private Sankey(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Sankey empty() {
        return new Sankey(Map.of("type", "sankey"));
    }

    /** Nodes by label; link {@code i} carries {@code values[i]} from node {@code sources[i]} to node {@code targets[i]}. */
    public static Sankey of(List<String> nodes, List<Integer> sources, List<Integer> targets, List<? extends Number> values) {
        Checks.sameSize(sources, targets, "sankey sources and targets");
        Checks.sameSize(sources, values, "sankey sources and values");
        for (List<Integer> ends : List.of(sources, targets)) {
            for (Integer node : ends) {
                if (node == null || node < 0 || node >= nodes.size()) {
                    throw FapException.invalidArgument("sankey link refers to node " + node + " but there are " + nodes.size() + " nodes",
                            "use zero-based indexes into the node list");
                }
            }
        }
        return empty().with("node.label", nodes).with("node.pad", 15).with("node.thickness", 18)
                .with("link.source", sources).with("link.target", targets).with("link.value", values);
    }

    public Sankey withNodeColors(List<String> colors) {
        return with("node.color", colors);
    }

    public Sankey withLinkColors(List<String> colors) {
        return with("link.color", colors);
    }

    /** {@code "h"} (default) or {@code "v"}. */
    public Sankey withOrientation(Orientation orientation) {
        return with("orientation", orientation);
    }

    @Override
    protected Sankey create(Map<String, Object> attributes) {
        return new Sankey(attributes);
    }
}
