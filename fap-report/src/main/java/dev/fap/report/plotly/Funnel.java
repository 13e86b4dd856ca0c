package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * A funnel: successive stages that keep a part of the previous one.
 *
 * <pre>{@code
 * Funnel campaign = Funnel.of(List.of("Contacted", "Responded", "Converted"), List.of(5000, 900, 240))
 *         .withTextInfo("value+percent initial");
 * }</pre>
 */
public final class Funnel extends Trace<Funnel> {
    private Funnel(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Funnel empty() {
        return new Funnel(Map.of("type", "funnel"));
    }

    /** One stage per label, widest first. */
    public static Funnel of(List<String> stages, List<? extends Number> values) {
        Checks.sameSize(stages, values, "funnel stages and values");
        return empty().with("y", stages).with("x", values);
    }

    /** {@code "value+percent initial"}, {@code "percent previous"} ... */
    public Funnel withTextInfo(String info) {
        return with("textinfo", info);
    }

    @Override
    public int pointCount() {
        return get("x") instanceof List<?> list ? list.size() : 0;
    }

    @Override
    protected Funnel create(Map<String, Object> attributes) {
        return new Funnel(attributes);
    }
}
