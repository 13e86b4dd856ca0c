package dev.fap.report.plotly;

import java.util.Map;

/**
 * The space around the plotting area, in pixels.
 *
 * <pre>{@code
 * layout.withMargin(Margin.of(60, 20, 50, 40)); // left, right, top, bottom
 * }</pre>
 */
public final class Margin extends PlotlyObject<Margin> {
    private Margin(Map<String, Object> attributes) {
        super(attributes);
    }

    /** Left, right, top and bottom margins in pixels. */
    public static Margin of(int left, int right, int top, int bottom) {
        return new Margin(Map.of("l", left, "r", right, "t", top, "b", bottom));
    }

    public Margin withPad(int pad) {
        return with("pad", pad);
    }

    @Override
    protected Margin create(Map<String, Object> attributes) {
        return new Margin(attributes);
    }
}
