package dev.fap.report.plotly;

/** Normalisation of histogram bins. Example: {@code histogram.withHistNorm(HistNorm.PROBABILITY_DENSITY)}. */
public enum HistNorm implements PlotlyEnum {
    /** {@code ""}. */
    COUNT(""),
    /** {@code "percent"}. */
    PERCENT("percent"),
    /** {@code "probability"}. */
    PROBABILITY("probability"),
    /** {@code "density"}. */
    DENSITY("density"),
    /** {@code "probability density"}. */
    PROBABILITY_DENSITY("probability density");

    private final String value;

    HistNorm(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
