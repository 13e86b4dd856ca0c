package dev.fap.report.plotly;

import dev.fap.core.FapException;
import java.util.List;
import java.util.Map;

/**
 * A heatmap of a matrix {@code z[row][column]} with labelled rows and columns.
 *
 * <pre>{@code
 * Heatmap fraud = Heatmap.of(hours, days, rates).withColorScale("Reds").withZRange(0, 0.05);
 * }</pre>
 */
public final class Heatmap extends Trace<Heatmap> {
    private Heatmap(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Heatmap empty() {
        return new Heatmap(Map.of("type", "heatmap"));
    }

    /** Cells {@code z[i][j]} at column {@code x[j]} and row {@code y[i]}; null cells are gaps. */
    public static Heatmap of(List<?> x, List<?> y, List<? extends List<? extends Number>> z) {
        if (z.size() != y.size()) {
            throw FapException.invalidArgument("heatmap needs one z row per y label, had " + z.size() + " rows and " + y.size() + " labels",
                    "pass z as z[row][column]");
        }
        for (List<? extends Number> row : z) {
            if (row.size() != x.size()) {
                throw FapException.invalidArgument("heatmap rows need one value per x label, a row had " + row.size() + " for " + x.size() + " labels",
                        "pass z as z[row][column]");
            }
        }
        return empty().with("x", x).with("y", y).with("z", z);
    }

    public Heatmap withColorScale(String scale) {
        return with("colorscale", scale);
    }

    /** Fixes the colour range, e.g. {@code -1..1} for correlations. */
    public Heatmap withZRange(double min, double max) {
        return with("zmin", min).with("zmax", max);
    }

    public Heatmap withZMid(double mid) {
        return with("zmid", mid);
    }

    public Heatmap withColorBarTitle(String title) {
        return with("colorbar.title.text", title);
    }

    public Heatmap withShowScale(boolean show) {
        return with("showscale", show);
    }

    /** Gaps in pixels between cells. */
    public Heatmap withGaps(int pixels) {
        return with("xgap", pixels).with("ygap", pixels);
    }

    @Override
    protected Heatmap create(Map<String, Object> attributes) {
        return new Heatmap(attributes);
    }
}
