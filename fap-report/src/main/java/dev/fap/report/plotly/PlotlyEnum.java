package dev.fap.report.plotly;

/**
 * A closed set of Plotly attribute values, written to JSON as {@link #value()}.
 *
 * <pre>{@code
 * layout.withBarMode(BarMode.STACK); // "barmode":"stack"
 * }</pre>
 */
public interface PlotlyEnum {
    /** The exact string Plotly expects; {@code "false"} stands for the JSON literal {@code false}. */
    String value();

    /** The JSON value: {@link #value()}, or {@code Boolean.FALSE} where Plotly expects the literal. */
    default Object jsonValue() {
        return "false".equals(value()) ? Boolean.FALSE : value();
    }
}
