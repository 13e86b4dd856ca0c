package dev.fap.report.plotly;

import java.util.Map;

/**
 * A text style: family, size and colour.
 *
 * <pre>{@code
 * Font title = Font.of(18).withColor("#1f2937");
 * }</pre>
 */
public final class Font extends PlotlyObject<Font> {
    private Font(Map<String, Object> attributes) {
        super(attributes);
    }

    /** A font of the given size in pixels. */
    public static Font of(double size) {
        return new Font(Map.of()).withSize(size);
    }

    /** A font with no attribute set (Plotly's defaults). */
    public static Font defaults() {
        return new Font(Map.of());
    }

    public Font withSize(double size) {
        return with("size", size);
    }

    public Font withColor(String color) {
        return with("color", color);
    }

    public Font withFamily(String family) {
        return with("family", family);
    }

    @Override
    protected Font create(Map<String, Object> attributes) {
        return new Font(attributes);
    }
}
