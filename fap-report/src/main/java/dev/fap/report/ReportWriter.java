package dev.fap.report;

import dev.fap.analytics.AnalysisFailure;
import dev.fap.analytics.AnalyticsReport;
import dev.fap.core.ProgressListener;
import dev.fap.report.html.HtmlReport;
import dev.fap.report.html.ReportFile;
import dev.fap.report.html.ReportIndex;
import dev.fap.report.internal.Money;
import dev.fap.report.internal.PlotlyBundle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the eight analytics reports ({@code 01_descriptive_analytics.html} …
 * {@code 08_realtime_analytics.html}) and an {@code index.html} that links them. Every file is
 * self-contained and works offline. Immutable and thread-safe.
 *
 * <pre>{@code
 * AnalyticsReport analytics = Analytics.on(db).all();
 * ReportSet reports = ReportWriter.defaults().write(analytics, Path.of("fap-out/reports"));
 * System.out.println(reports); // 9 files, 34 charts, ...
 * }</pre>
 *
 * <p>An analysis that could not be computed (listed in {@link AnalyticsReport#failures()}) still
 * gets its page, with a notice that says why, so links never break.
 */
public final class ReportWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
    /** The report files in order, without the {@code .html} extension. */
    public static final List<String> FILE_NAMES = List.of("01_descriptive_analytics", "02_diagnostic_analytics",
            "03_exploratory_analytics", "04_inferential_analytics", "05_predictive_analytics", "06_prescriptive_analytics",
            "07_causal_analytics", "08_realtime_analytics");
    /** The index file name. */
    public static final String INDEX = "index.html";

    private final Instant generatedAt;
    private final ProgressListener progress;

    private ReportWriter(Instant generatedAt, ProgressListener progress) {
        this.generatedAt = generatedAt;
        this.progress = progress;
    }

    /** A writer that prints no time stamp (so the same analytics give byte-identical files) and reports no progress. */
    public static ReportWriter defaults() {
        return new ReportWriter(null, ProgressListener.NONE);
    }

    /**
     * Loads and compresses plotly.js now (about 0.3 s of CPU, once per JVM) instead of on the first
     * {@link #write}: call it from a background thread while the data is built, e.g.
     * {@code CompletableFuture.runAsync(ReportWriter::preload)}. Idempotent and thread-safe.
     */
    public static void preload() {
        PlotlyBundle.get();
    }

    /** Prints {@code instant} as the generation time in every report header. */
    public ReportWriter withGeneratedAt(Instant instant) {
        return new ReportWriter(Objects.requireNonNull(instant, "instant"), progress);
    }

    /** Reports one step per file written. */
    public ReportWriter withProgress(ProgressListener listener) {
        return new ReportWriter(generatedAt, Objects.requireNonNull(listener, "listener"));
    }

    /** Builds the eight report pages (without writing them). */
    public List<HtmlReport> pages(AnalyticsReport analytics) {
        Objects.requireNonNull(analytics, "analytics");
        String currency = analytics.currency();
        Money.of(currency); // a malformed code fails here, once, not as eight pages that could not be drawn
        List<HtmlReport> pages = new ArrayList<>();
        pages.add(page(analytics, "descriptive", "Descriptive Analytics", "What happened?", analytics.descriptive(), a -> AnalyticsPages.descriptive(a, currency)));
        pages.add(page(analytics, "diagnostic", "Diagnostic Analytics", "Why did it happen?", analytics.diagnostic(), AnalyticsPages::diagnostic));
        pages.add(page(analytics, "exploratory", "Exploratory Analytics", "What patterns exist?", analytics.exploratory(), a -> AnalyticsPages.exploratory(a, currency)));
        pages.add(page(analytics, "inferential", "Inferential Analytics", "Can we generalize?", analytics.inferential(), a -> AnalyticsPages.inferential(a, currency)));
        pages.add(page(analytics, "predictive", "Predictive Analytics", "What will happen?", analytics.predictive(), a -> AnalyticsPages.predictive(a, currency)));
        pages.add(page(analytics, "prescriptive", "Prescriptive Analytics", "What should we do?", analytics.prescriptive(), a -> AnalyticsPages.prescriptive(a, currency)));
        pages.add(page(analytics, "causal", "Causal Analytics", "What causes what?", analytics.causal(), a -> AnalyticsPages.causal(a, currency)));
        pages.add(page(analytics, "realtime", "Real-Time Analytics", "What's happening now?", analytics.realtime(), a -> AnalyticsPages.realtime(a, currency)));
        List<HtmlReport> numbered = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            HtmlReport page = pages.get(i).withEyebrow("FAP report " + (i + 1) + " of " + pages.size()).withIndexLink(INDEX)
                    .withFootnote("Data as of " + analytics.asOfDate() + "; all intervals at the " + percent(analytics.level())
                            + " level; random steps seeded with " + analytics.seed() + ".");
            numbered.add(generatedAt == null ? page : page.withGeneratedAt(generatedAt));
        }
        return numbered;
    }

    /** Writes the eight reports and the index into {@code outDir} (created if missing). */
    public ReportSet write(AnalyticsReport analytics, Path outDir) {
        Objects.requireNonNull(outDir, "outDir");
        long started = System.nanoTime();
        List<HtmlReport> pages = pages(analytics);
        progress.stepStarted("report", pages.size() + 1);
        List<ReportFile> files = new ArrayList<>();
        ReportIndex index = ReportIndex.titled("Financial Analytics Reports")
                .withSubtitle("Eight analyses of the gold star schema, as of " + analytics.asOfDate());
        for (int i = 0; i < pages.size(); i++) {
            String name = FILE_NAMES.get(i) + ".html";
            files.add(pages.get(i).writeTo(outDir.resolve(name)));
            index = index.withEntry(ReportIndex.Entry.of(name, pages.get(i)));
            progress.progress("report", i + 1);
        }
        index = index.withFootnote("The live version of report 8 streams new transactions: run ./fap serve.");
        ReportFile indexFile = index.writeTo(outDir.resolve(INDEX));
        long millis = (System.nanoTime() - started) / 1_000_000;
        progress.stepFinished("report", pages.size() + 1, millis);
        return new ReportSet(outDir, List.copyOf(files), indexFile, millis);
    }

    private static <T> HtmlReport page(AnalyticsReport analytics, String key, String title, String question, T result,
            Function<T, HtmlReport> builder) {
        List<AnalysisFailure> failures = analytics.failures() == null ? List.of()
                : analytics.failures().stream().filter(f -> f.analysis().equals(key) || f.analysis().startsWith(key + ".")).toList();
        HtmlReport page;
        if (result == null) {
            page = HtmlReport.titled(title).withQuestion(question);
            if (failures.stream().noneMatch(f -> f.analysis().equals(key))) {
                page = page.withNotice("This analysis was not run.");
            }
        } else {
            try {
                page = builder.apply(result);
            } catch (RuntimeException e) {
                LOG.warn("report page '{}' could not be drawn", title, e);
                page = HtmlReport.titled(title).withQuestion(question).withNotice("The report could not be drawn: " + e);
            }
        }
        for (AnalysisFailure f : failures) {
            if (f.analysis().equals(key)) {
                page = page.withNotice("This analysis could not be computed: " + f.message() + (f.hint() == null || f.hint().isEmpty() ? "" : " (" + f.hint() + ")"));
            }
        }
        List<AnalysisFailure> parts = failures.stream().filter(f -> !f.analysis().equals(key)).toList();
        if (!parts.isEmpty()) {
            StringBuilder notice = new StringBuilder(parts.size() == 1 ? "1 part could not be computed and is left out: "
                    : parts.size() + " parts could not be computed and are left out: ");
            for (int i = 0; i < Math.min(3, parts.size()); i++) {
                notice.append(i == 0 ? "" : "; ").append(parts.get(i).analysis().substring(key.length() + 1)).append(" (").append(parts.get(i).message()).append(')');
            }
            if (parts.size() > 3) {
                notice.append("; and ").append(parts.size() - 3).append(" more of the same kind");
            }
            page = page.withNotice(notice.toString());
        }
        return page;
    }

    private static String percent(double level) {
        return String.format(Locale.ROOT, "%.0f%%", level * 100);
    }

    @Override
    public String toString() {
        return "ReportWriter[generatedAt=" + (generatedAt == null ? "none" : generatedAt) + "]";
    }
}
