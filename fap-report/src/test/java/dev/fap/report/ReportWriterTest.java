package dev.fap.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.analytics.Analytics;
import dev.fap.analytics.AnalyticsReport;
import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import dev.fap.report.browser.BrowserExtension;
import dev.fap.report.browser.Chromium;
import dev.fap.report.browser.RenderedPage;
import dev.fap.report.dashboard.DashboardOptions;
import dev.fap.report.dashboard.GeneratorFeed;
import dev.fap.report.dashboard.LiveDashboard;
import dev.fap.report.dashboard.LiveDashboardAssertions;
import dev.fap.report.html.ChartSection;
import dev.fap.report.html.HtmlReport;
import dev.fap.report.html.ReportFile;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eight reports of the default dataset (generated, loaded, warehouse built, analysed once),
 * written and rendered in headless Chromium; then the live dashboard streams further generated
 * batches into the same database.
 */
@ExtendWith({FapDatabaseExtension.class, BrowserExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportWriterTest {
    /** Charts per report: descriptive, diagnostic, exploratory, inferential, predictive, prescriptive, causal, realtime. */
    static final List<Integer> EXPECTED_CHARTS = List.of(9, 7, 6, 5, 5, 4, 5, 4);
    /** The minimum per report that the original README promised (28 in total). */
    static final List<Integer> ORIGINAL_CHARTS = List.of(9, 5, 3, 2, 4, 3, 2, 1);

    AnalyticsReport analytics;
    ReportSet reports;

    @BeforeAll
    void analyseAndWrite(Database db, @TempDir Path dir) {
        DataGenerator.of(DatasetSpec.defaults()).toDatabase(db);
        FapWarehouse.on(db).build().orThrow();
        analytics = Analytics.on(db).all();
        reports = ReportWriter.defaults().write(analytics, dir.resolve("reports"));
        System.out.println(reports);
    }

    @Test
    void writesNineFilesWithEveryPromisedChart() {
        assertThat(List.of(analytics.descriptive(), analytics.diagnostic(), analytics.exploratory(), analytics.inferential(),
                analytics.predictive(), analytics.prescriptive(), analytics.causal(), analytics.realtime())).doesNotContainNull();
        assertThat(analytics.failures()).allSatisfy(f -> assertThat(f.analysis()).as("only parts may fail").contains("."));
        assertThat(reports.reports()).extracting(f -> f.path().getFileName().toString())
                .containsExactly("01_descriptive_analytics.html", "02_diagnostic_analytics.html", "03_exploratory_analytics.html",
                        "04_inferential_analytics.html", "05_predictive_analytics.html", "06_prescriptive_analytics.html",
                        "07_causal_analytics.html", "08_realtime_analytics.html");
        assertThat(reports.index().path()).hasFileName("index.html").exists();
        assertThat(reports.reports()).extracting(ReportFile::charts).containsExactlyElementsOf(EXPECTED_CHARTS);
        for (int i = 0; i < 8; i++) {
            assertThat(reports.reports().get(i).charts()).isGreaterThanOrEqualTo(ORIGINAL_CHARTS.get(i));
        }
        assertThat(reports.totalCharts()).isGreaterThanOrEqualTo(28);
        assertThat(reports.largestFileBytes()).isLessThan(5_000_000);
    }

    @Test
    void churnRiskIsATrueHistogramAndEmptyBucketsAreGaps() {
        // the predictive report draws the distribution of the fitted churn scores over all customers
        ChartSection churn = AnalyticsPages.predictive(analytics.predictive(), analytics.currency()).sections().stream()
                .filter(s -> s.title().equals("Churn risk distribution")).findFirst().orElseThrow();
        List<?> counts = (List<?>) churn.figure().traces().get(0).get("y");
        assertThat(counts).hasSize(20);
        assertThat(counts.stream().mapToLong(c -> ((Number) c).longValue()).sum()).isEqualTo(analytics.predictive().churnScores().n());
        // the realtime approval chart has no value (a gap) for empty buckets, never 0 % or 100 %
        ChartSection approval = AnalyticsPages.realtime(analytics.realtime(), analytics.currency()).sections().stream()
                .filter(s -> s.title().equals("Approval rate per bucket")).findFirst().orElseThrow();
        List<?> observed = (List<?>) approval.figure().traces().get(0).get("y");
        for (int i = 0; i < observed.size(); i++) {
            if (analytics.realtime().buckets().get(i).transactions() == 0) {
                assertThat(observed.get(i)).as("bucket %d is empty", i).isNull();
            } else {
                assertThat(observed.get(i)).isNotNull();
            }
        }
        assertThat(observed).containsNull();
    }

    @Test
    void amountsAreWrittenInTheCurrencyOfTheData() {
        assertThat(analytics.currency()).isEqualTo("USD");
        String dollars = moneyTexts(analytics);
        assertThat(dollars).contains("\"tickprefix\":\"$\"").contains("$%{y:,.0f}").contains("Difference in means (USD)")
                .doesNotContain("€").doesNotContain("EUR");
        // the same analyses of data in euros: € and EUR wherever there was $ or USD, no dollar sign left
        AnalyticsReport euros = new AnalyticsReport(analytics.asOfDate(), analytics.seed(), analytics.level(), "EUR",
                analytics.descriptive(), analytics.diagnostic(), analytics.exploratory(), analytics.inferential(), analytics.predictive(),
                analytics.prescriptive(), analytics.causal(), analytics.realtime(), analytics.failures(), analytics.timings());
        String eur = moneyTexts(euros);
        assertThat(eur).doesNotContain("$").doesNotContain("USD")
                .contains("\"tickprefix\":\"€\"").contains("€%{y:,.0f}").contains("Difference in means (EUR)")
                .contains("Monthly spend per customer (EUR)");
        assertThat(ReportWriter.defaults().pages(euros).get(0).kpis()).filteredOn(k -> k.label().equals("Approved volume"))
                .singleElement().satisfies(k -> assertThat(k.value()).startsWith("€").endsWith("M"));
        // one figure per chart either way: only the labels changed
        assertThat(ReportWriter.defaults().pages(euros)).extracting(HtmlReport::chartCount).containsExactlyElementsOf(EXPECTED_CHARTS);
    }

    /** Every KPI text, note and figure (as its Plotly JSON) of the eight pages. */
    private static String moneyTexts(AnalyticsReport report) {
        StringBuilder all = new StringBuilder();
        for (HtmlReport page : ReportWriter.defaults().pages(report)) {
            page.kpis().forEach(k -> all.append(k.value()).append('\n').append(k.detail()).append('\n'));
            for (ChartSection s : page.sections()) {
                all.append(s.figure().toJson()).append('\n').append(s.notes()).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void indexLinksAllEightReports() throws Exception {
        String index = Files.readString(reports.index().path());
        for (ReportFile file : reports.reports()) {
            assertThat(index).contains("href=\"" + file.path().getFileName() + "\"");
        }
        assertThat(index).contains(reports.totalCharts() + " interactive charts");
    }

    @Test
    void sameAnalyticsGiveByteIdenticalFiles(@TempDir Path again) throws Exception {
        ReportSet second = ReportWriter.defaults().write(analytics, again);
        for (int i = 0; i < 8; i++) {
            assertThat(Files.mismatch(reports.reports().get(i).path(), second.reports().get(i).path())).as("file %d", i + 1).isEqualTo(-1L);
        }
        ReportSet stamped = ReportWriter.defaults().withGeneratedAt(Instant.parse("2026-11-24T06:00:00Z")).write(analytics, again.resolve("s"));
        assertThat(Files.readString(stamped.reports().get(0).path())).contains("generated 2026-11-24 06:00 UTC");
    }

    @Test
    void everyReportRendersInChromiumWithoutErrors(Chromium browser) throws Exception {
        List<String> problems = new ArrayList<>();
        long drawn = 0;
        for (int i = 0; i < 8; i++) {
            ReportFile file = reports.reports().get(i);
            Path shot = RenderedPage.screenshotFile(file.path().getFileName().toString().replace(".html", ".png"));
            RenderedPage page = RenderedPage.render(browser, file.path(), shot);
            if (!page.errors().isEmpty()) {
                problems.add(file.path().getFileName() + ": " + page.errors());
            }
            assertThat(page.state()).as(file.path().getFileName().toString()).isEqualTo("done");
            assertThat(page.chartDivs()).as(file.path().getFileName().toString()).isEqualTo(file.charts());
            assertThat(page.drawnCharts()).as(file.path().getFileName() + " charts drawn with data: " + page.charts()).isEqualTo(file.charts());
            drawn += page.drawnCharts();
        }
        assertThat(problems).isEmpty();
        assertThat(drawn).isEqualTo(reports.totalCharts());
    }

    @Test
    void liveDashboardStreamsGeneratedTransactionsIntoBronze(Database db, Chromium browser) throws Exception {
        GeneratorFeed feed = GeneratorFeed.continuing(db, DataGenerator.of(DatasetSpec.defaults()));
        long before = ((Number) db.dsl().fetchValue("select count(*) from bronze.transactions")).longValue();
        try (LiveDashboard dashboard = LiveDashboard.start(feed, DashboardOptions.defaults().withInterval(Duration.ofMillis(500)));
                Chromium.Page page = browser.open(dashboard.uri().toString(), 1280, 900)) {
            LiveDashboardAssertions.assertLiveUpdates(page, dashboard);
            assertThat(dashboard.failedUpdates()).isZero();
            assertThat(dashboard.lastFrame().status()).contains("loaded");
            Path shot = RenderedPage.screenshotFile("live_dashboard.png");
            if (shot != null) {
                page.screenshot(shot);
            }
        }
        long after = ((Number) db.dsl().fetchValue("select count(*) from bronze.transactions")).longValue();
        assertThat(feed.rowsLoaded()).isPositive();
        assertThat(after).isGreaterThan(before);
        assertThat(feed.current().batch()).isGreaterThanOrEqualTo(1);
    }
}
