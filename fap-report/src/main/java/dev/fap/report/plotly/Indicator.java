package dev.fap.report.plotly;

import dev.fap.core.FapException;
import java.util.List;
import java.util.Map;

/**
 * A KPI indicator: a big number, optionally with a delta against a reference and a gauge.
 *
 * <pre>{@code
 * Indicator volume = Indicator.number(1_234_567.0).withTitle("Volume").withPrefix("$")
 *         .withDelta(1_100_000.0).withDomain(Domain.cell(0, 0));
 * Indicator rate = Indicator.gauge(0.021, 0, 0.1).withTitle("Fraud rate").withValueFormat(".2%");
 * }</pre>
 */
public final class Indicator extends Trace<Indicator> {
    private Indicator(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Indicator empty() {
        return new Indicator(Map.of("type", "indicator"));
    }

    /** A number. */
    public static Indicator number(double value) {
        return empty().with("mode", "number").with("value", value);
    }

    /** A number on a gauge running from {@code min} to {@code max}. */
    public static Indicator gauge(double value, double min, double max) {
        if (!(max > min)) {
            throw FapException.invalidArgument("gauge needs max > min, was " + min + ".." + max, "pass the range of plausible values");
        }
        return empty().with("mode", "gauge+number").with("value", value).with("gauge.axis.range", List.of(min, max));
    }

    public Indicator withTitle(String title) {
        return with("title.text", title);
    }

    /** Shows the change against {@code reference} (mode gains {@code +delta}). */
    public Indicator withDelta(double reference) {
        String mode = String.valueOf(get("mode"));
        return with("mode", mode.contains("delta") ? mode : mode + "+delta").with("delta.reference", reference);
    }

    /** Shows the delta as a relative change. */
    public Indicator withRelativeDelta() {
        return with("delta.relative", true).with("delta.valueformat", ".1%");
    }

    /** A d3-format for the number, e.g. {@code ",.0f"} or {@code ".2%"}. */
    public Indicator withValueFormat(String format) {
        return with("number.valueformat", format);
    }

    public Indicator withPrefix(String prefix) {
        return with("number.prefix", prefix);
    }

    public Indicator withSuffix(String suffix) {
        return with("number.suffix", suffix);
    }

    /** The colour of the gauge bar. */
    public Indicator withGaugeColor(String color) {
        return with("gauge.bar.color", color);
    }

    /** A red line on the gauge, e.g. an alert threshold. */
    public Indicator withThreshold(double value, String color) {
        return with("gauge.threshold", Map.of("value", value, "thickness", 0.75, "line", Map.of("color", color, "width", 3)));
    }

    @Override
    protected Indicator create(Map<String, Object> attributes) {
        return new Indicator(attributes);
    }
}
