package dev.fap.report.html;

import dev.fap.core.FapException;
import dev.fap.report.plotly.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One chart of a report with the facts a reader needs to trust it: what it shows, the method that
 * produced the numbers, the sample size and the p-values of the tests behind it.
 *
 * <pre>{@code
 * ChartSection section = ChartSection.of("Fraud rate by channel", figure)
 *         .withDescription("Share of transactions flagged as fraud per channel.")
 *         .withMethod("Wilson 95% intervals; chi-square test of independence")
 *         .withSampleSize(52_113)
 *         .withPValue(PValue.of("chi-square, channel x fraud", 1.2e-9));
 * }</pre>
 */
public final class ChartSection {
    private final String title;
    private final Figure figure;
    private final String description;
    private final String method;
    private final long sampleSize;
    private final List<PValue> pValues;
    private final List<String> notes;
    private final ChartWidth width;

    private ChartSection(String title, Figure figure, String description, String method, long sampleSize,
            List<PValue> pValues, List<String> notes, ChartWidth width) {
        this.title = title;
        this.figure = figure;
        this.description = description;
        this.method = method;
        this.sampleSize = sampleSize;
        this.pValues = List.copyOf(pValues);
        this.notes = List.copyOf(notes);
        this.width = width;
    }

    /** A chart with a title and nothing else yet. */
    public static ChartSection of(String title, Figure figure) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(figure, "figure");
        if (figure.traces().isEmpty()) {
            throw FapException.invalidArgument("chart '" + title + "' has no trace", "add at least one trace to the figure");
        }
        return new ChartSection(title, figure, "", "", -1, List.of(), List.of(), ChartWidth.HALF);
    }

    public ChartSection withDescription(String description) {
        return new ChartSection(title, figure, Objects.requireNonNull(description), method, sampleSize, pValues, notes, width);
    }

    /** How the numbers were computed, e.g. {@code "Welch two-sample t-test, 95% CI"}. */
    public ChartSection withMethod(String method) {
        return new ChartSection(title, figure, description, Objects.requireNonNull(method), sampleSize, pValues, notes, width);
    }

    /** The number of observations behind the chart. */
    public ChartSection withSampleSize(long n) {
        if (n < 0) {
            throw FapException.invalidArgument("sample size must be >= 0, was " + n, "pass the number of rows analysed");
        }
        return new ChartSection(title, figure, description, method, n, pValues, notes, width);
    }

    public ChartSection withPValue(PValue pValue) {
        List<PValue> list = new ArrayList<>(pValues);
        list.add(Objects.requireNonNull(pValue));
        return new ChartSection(title, figure, description, method, sampleSize, list, notes, width);
    }

    public ChartSection withPValue(String test, double value) {
        return withPValue(PValue.of(test, value));
    }

    /** A further remark printed under the chart (caveats, data source). */
    public ChartSection withNote(String note) {
        List<String> list = new ArrayList<>(notes);
        list.add(Objects.requireNonNull(note));
        return new ChartSection(title, figure, description, method, sampleSize, pValues, list, width);
    }

    /** How much of the report width the chart takes on wide screens. */
    public ChartSection withWidth(ChartWidth width) {
        return new ChartSection(title, figure, description, method, sampleSize, pValues, notes, Objects.requireNonNull(width));
    }

    public ChartWidth width() {
        return width;
    }

    public String title() {
        return title;
    }

    public Figure figure() {
        return figure;
    }

    public String description() {
        return description;
    }

    public String method() {
        return method;
    }

    /** The sample size, empty when not given. */
    public OptionalLong sampleSize() {
        return sampleSize < 0 ? OptionalLong.empty() : OptionalLong.of(sampleSize);
    }

    public List<PValue> pValues() {
        return pValues;
    }

    public List<String> notes() {
        return notes;
    }

    @Override
    public String toString() {
        return "ChartSection[" + title + ", traces=" + figure.traces().size() + ", points=" + figure.pointCounts()
                + (sampleSize >= 0 ? ", n=" + sampleSize : "") + (pValues.isEmpty() ? "" : ", " + pValues) + "]";
    }
}
