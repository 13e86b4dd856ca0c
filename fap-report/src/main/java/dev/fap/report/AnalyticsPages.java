package dev.fap.report;

import dev.fap.analytics.CausalAnalysis;
import dev.fap.analytics.DescriptiveAnalysis;
import dev.fap.analytics.DiagnosticAnalysis;
import dev.fap.analytics.ExploratoryAnalysis;
import dev.fap.analytics.InferentialAnalysis;
import dev.fap.analytics.PredictiveAnalysis;
import dev.fap.analytics.PrescriptiveAnalysis;
import dev.fap.analytics.RealtimeAnalysis;
import dev.fap.report.html.HtmlReport;
import dev.fap.report.internal.Money;
import dev.fap.report.internal.pages.CausalPage;
import dev.fap.report.internal.pages.DescriptivePage;
import dev.fap.report.internal.pages.DiagnosticPage;
import dev.fap.report.internal.pages.ExploratoryPage;
import dev.fap.report.internal.pages.InferentialPage;
import dev.fap.report.internal.pages.PredictivePage;
import dev.fap.report.internal.pages.PrescriptivePage;
import dev.fap.report.internal.pages.RealtimePage;

/**
 * One report page per analytics result type. Each method maps the typed result of
 * {@code dev.fap.analytics} to an {@link HtmlReport} (KPIs, charts, methods, sample sizes and
 * p-values) that can be extended with further sections before it is written.
 *
 * <pre>{@code
 * Analytics analytics = Analytics.on(db);
 * HtmlReport page = AnalyticsPages.descriptive(analytics.descriptive(), analytics.currency())
 *         .withSection(ChartSection.of("My extra chart", myFigure));
 * page.writeTo(Path.of("reports/descriptive.html"));
 * }</pre>
 *
 * <p>{@code currency} is the ISO 4217 code of the amounts ({@link dev.fap.analytics.AnalyticsReport#currency()},
 * {@code Analytics.currency()}): {@code "USD"} writes {@code $1.23M}, {@code "EUR"} {@code €1.23M},
 * {@code "GBP"} {@code £1.23M}, and axis titles carry the code ({@code Difference in means (EUR)}); null or
 * {@code "XXX"} writes amounts without a symbol; anything but three capital letters is an
 * {@code INVALID_ARGUMENT} {@link dev.fap.core.FapException}.
 */
public final class AnalyticsPages {
    private AnalyticsPages() {
    }

    /** KPI dashboard, monthly trends, channels, customer segmentation, product treemap, merchants, accounts. */
    public static HtmlReport descriptive(DescriptiveAnalysis analysis, String currency) {
        return DescriptivePage.build(analysis, Money.of(currency));
    }

    /** Fraud by channel and hour, churn by tenure, decline reasons, service issues, delinquency, fraud drivers. */
    public static HtmlReport diagnostic(DiagnosticAnalysis analysis) {
        return DiagnosticPage.build(analysis);
    }

    /** Spending treemap, customer clusters, correlation heatmap, regions, outliers, choice of k. */
    public static HtmlReport exploratory(ExploratoryAnalysis analysis, String currency) {
        return ExploratoryPage.build(analysis, Money.of(currency));
    }

    /** Campaign A/B confidence intervals, cohort retention heatmap, t-tests, spend intervals, survival. */
    public static HtmlReport inferential(InferentialAnalysis analysis, String currency) {
        return InferentialPage.build(analysis, Money.of(currency));
    }

    /** Churn risk distribution, calibration scatter, risk categories, feature importance, ROC curves. */
    public static HtmlReport predictive(PredictiveAnalysis analysis, String currency) {
        return PredictivePage.build(analysis, Money.of(currency));
    }

    /** Next best offer matrix, retention waterfall, budget allocation, customers to call first. */
    public static HtmlReport prescriptive(PrescriptiveAnalysis analysis, String currency) {
        return PrescriptivePage.build(analysis, Money.of(currency));
    }

    /** Campaign attribution, conversion flow, economic impact, campaign effects. */
    public static HtmlReport causal(CausalAnalysis analysis, String currency) {
        return CausalPage.build(analysis, Money.of(currency));
    }

    /** The real-time monitoring dashboard as a snapshot (the live version is {@code LiveDashboard}). */
    public static HtmlReport realtime(RealtimeAnalysis analysis, String currency) {
        return RealtimePage.build(analysis, Money.of(currency));
    }
}
