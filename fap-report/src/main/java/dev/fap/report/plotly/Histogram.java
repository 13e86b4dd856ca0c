package dev.fap.report.plotly;

import dev.fap.core.FapException;
import java.util.List;
import java.util.Map;

/**
 * A histogram: Plotly bins the raw values in the browser.
 *
 * <pre>{@code
 * Histogram risk = Histogram.of(churnScores).withBins(0, 1, 0.05).withHistNorm(HistNorm.PERCENT);
 * }</pre>
 */
public final class Histogram extends Trace<Histogram> {
    private Histogram(Map<String, Object> attributes) {
        super(attributes);
    }

    private static Histogram empty() {
        return new Histogram(Map.of("type", "histogram"));
    }

    /** Bins the values along x. */
    public static Histogram of(List<? extends Number> values) {
        return empty().with("x", values);
    }

    /** Fixed bins from {@code start} to {@code end} of width {@code size}. */
    public Histogram withBins(double start, double end, double size) {
        if (!(size > 0) || !(end > start)) {
            throw FapException.invalidArgument("histogram bins need end > start and size > 0, were " + start + ".." + end + " by " + size,
                    "pass e.g. withBins(0, 1, 0.05)");
        }
        return with("xbins", Map.of("start", start, "end", end, "size", size)).with("autobinx", false);
    }

    /** About this many bins, chosen by Plotly. */
    public Histogram withBinCount(int bins) {
        return with("nbinsx", bins);
    }

    public Histogram withHistNorm(HistNorm norm) {
        return with("histnorm", norm);
    }

    @Override
    protected Histogram create(Map<String, Object> attributes) {
        return new Histogram(attributes);
    }
}
