package dev.fap.report.plotly;

import dev.fap.core.FapException;
import java.util.List;
import java.util.Map;

/**
 * The part of the figure a domain-based trace (pie, treemap, sunburst, indicator, sankey) or an axis
 * occupies, either as paper fractions or as a cell of the layout {@linkplain Layout#withGrid grid}.
 *
 * <pre>{@code
 * Pie left = Pie.of(labels, values).withDomain(Domain.of(0, 0.48, 0, 1));
 * Indicator kpi = Indicator.number(42).withDomain(Domain.cell(0, 2));
 * }</pre>
 */
public final class Domain extends PlotlyObject<Domain> {
    private Domain(Map<String, Object> attributes) {
        super(attributes);
    }

    /** The rectangle {@code [x0, x1] x [y0, y1]} in paper fractions (0..1). */
    public static Domain of(double x0, double x1, double y0, double y1) {
        check(x0, x1, "x");
        check(y0, y1, "y");
        return new Domain(Map.of("x", List.of(x0, x1), "y", List.of(y0, y1)));
    }

    /** The cell at zero-based {@code row} and {@code column} of the layout grid. */
    public static Domain cell(int row, int column) {
        if (row < 0 || column < 0) {
            throw FapException.invalidArgument("grid cell must have row and column >= 0, was (" + row + ", " + column + ")",
                    "count rows and columns from 0");
        }
        return new Domain(Map.of("row", row, "column", column));
    }

    private static void check(double from, double to, String axis) {
        if (!(from >= 0 && to <= 1 && from < to)) {
            throw FapException.invalidArgument("domain " + axis + " must satisfy 0 <= from < to <= 1, was [" + from + ", " + to + "]",
                    "give paper fractions such as 0 and 0.48");
        }
    }

    @Override
    protected Domain create(Map<String, Object> attributes) {
        return new Domain(attributes);
    }
}
