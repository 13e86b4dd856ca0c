package dev.fap.report.plotly;

import java.util.List;

/**
 * FAP's colours: a qualitative sequence for series and named colours for meanings (good, bad,
 * neutral), chosen to stay distinguishable for common colour-vision deficiencies.
 *
 * <pre>{@code
 * layout.withColorway(Palette.SERIES);
 * Marker.colored(Palette.NEGATIVE);
 * }</pre>
 */
public final class Palette {
    /** Primary brand blue. */
    public static final String PRIMARY = "#2563eb";
    /** Favourable values (growth, retained, saved). */
    public static final String POSITIVE = "#059669";
    /** Unfavourable values (fraud, churn, loss). */
    public static final String NEGATIVE = "#dc2626";
    /** Warnings and medium risk. */
    public static final String WARNING = "#d97706";
    /** Context and reference marks. */
    public static final String NEUTRAL = "#6b7280";
    /** Text colour. */
    public static final String TEXT = "#1f2937";
    /** Grid lines. */
    public static final String GRID = "#e5e7eb";
    /** Ten series colours in drawing order. */
    public static final List<String> SERIES = List.of(
            "#2563eb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6",
            "#06b6d4", "#ec4899", "#84cc16", "#f97316", "#64748b");
    /**
     * Sequential scale for intensities (counts, rates). Plotly's "Blues" runs from dark (low) to
     * light (high): set {@code reversescale} to make high values dark.
     */
    public static final String SEQUENTIAL = "Blues";
    /** Diverging scale for signed values (correlations, effects). */
    public static final String DIVERGING = "RdBu";
    /** Sequential scale for risk: light for low, dark red for high. */
    public static final String RISK = "Reds";

    private Palette() {
    }

    /** The series colour for index {@code i}, cycling after ten. */
    public static String series(int i) {
        return SERIES.get(Math.floorMod(i, SERIES.size()));
    }
}
