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
 * HtmlReport page = AnalyticsPages.descriptive(Analytics.on(db).descriptive())
 *         .withSection(ChartSection.of("My extra chart", myFigure));
 * page.writeTo(Path.of("reports/descriptive.html"));
 * }</pre>
 */
public final class AnalyticsPages {
    private AnalyticsPages() {
    }

    /** KPI dashboard, monthly trends, channels, customer segmentation, product treemap, merchants, accounts. */
    public static HtmlReport descriptive(DescriptiveAnalysis analysis) {
        return DescriptivePage.build(analysis);
    }

    /** Fraud by channel and hour, churn by tenure, decline reasons, service issues, delinquency, fraud drivers. */
    public static HtmlReport diagnostic(DiagnosticAnalysis analysis) {
        return DiagnosticPage.build(analysis);
    }

    /** Spending treemap, customer clusters, correlation heatmap, regions, outliers, choice of k. */
    public static HtmlReport exploratory(ExploratoryAnalysis analysis) {
        return ExploratoryPage.build(analysis);
    }

    /** Campaign A/B confidence intervals, cohort retention heatmap, t-tests, spend intervals, survival. */
    public static HtmlReport inferential(InferentialAnalysis analysis) {
        return InferentialPage.build(analysis);
    }

    /** Churn risk distribution, calibration scatter, risk categories, feature importance, ROC curves. */
    public static HtmlReport predictive(PredictiveAnalysis analysis) {
        return PredictivePage.build(analysis);
    }

    /** Next best offer matrix, retention waterfall, budget allocation, customers to call first. */
    public static HtmlReport prescriptive(PrescriptiveAnalysis analysis) {
        return PrescriptivePage.build(analysis);
    }

    /** Campaign attribution, conversion flow, economic impact, campaign effects. */
    public static HtmlReport causal(CausalAnalysis analysis) {
        return CausalPage.build(analysis);
    }

    /** The real-time monitoring dashboard as a snapshot (the live version is {@code LiveDashboard}). */
    public static HtmlReport realtime(RealtimeAnalysis analysis) {
        return RealtimePage.build(analysis);
    }
}
