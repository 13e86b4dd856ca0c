package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * A box plot of one sample: median, quartiles, whiskers and outliers.
 *
 * <pre>{@code
 * Box premium = Box.of(premiumBalances).withName("Premium").withBoxPoints(BoxPoints.OUTLIERS);
 * }</pre>
 */
public final class Box extends Trace<Box> {
    private Box(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Box empty() {
        return new Box(Map.of("type", "box"));
    }

    /** A vertical box of the values. */
    public static Box of(List<? extends Number> values) {
        return empty().with("y", values);
    }

    /** A box from precomputed statistics (for large samples that should not be embedded). */
    public static Box ofQuartiles(String name, double lowerFence, double q1, double median, double q3, double upperFence) {
        return empty().with("x", List.of(name)).with("lowerfence", List.of(lowerFence)).with("q1", List.of(q1))
                .with("median", List.of(median)).with("q3", List.of(q3)).with("upperfence", List.of(upperFence))
                .withName(name);
    }

    public Box withBoxPoints(BoxPoints points) {
        return with("boxpoints", points);
    }

    /** Also draws the mean (and, with {@code sd}, the standard deviation). */
    public Box withMean(boolean sd) {
        return with("boxmean", sd ? "sd" : Boolean.TRUE);
    }

    public Box withOrientation(Orientation orientation) {
        return with("orientation", orientation);
    }

    @Override
    protected Box create(Map<String, Object> attributes) {
        return new Box(attributes);
    }
}
