package dev.fap.analytics;

import dev.fap.analytics.stats.BootstrapResult;
import dev.fap.analytics.stats.MeanEstimate;
import dev.fap.analytics.stats.SurvivalCurve;
import dev.fap.analytics.stats.WelchTTestResult;
import java.util.List;

/**
 * What can be concluded beyond the sample: Welch t-tests with effect sizes, t and bootstrap intervals,
 * campaign A/B tests, cohort retention with intervals, and Benjamini–Hochberg control of the false
 * discovery rate over the campaign tests.
 *
 * <pre>{@code
 * InferentialAnalysis i = Analytics.on(db).inferential();
 * i.campaignTests().stream().filter(c -> c.qValue() < 0.05).forEach(System.out::println);
 * }</pre>
 *
 * @param weekendVsWeekdayTicket     Welch t-test of approved ticket size, weekend against weekday
 * @param premiumVsStandardSpend     Welch t-test of monthly spend per customer, premium-product holders against others; null if a group is empty
 * @param meanMonthlySpend           mean monthly spend per customer with its t interval
 * @param meanMonthlySpendBootstrap  the same mean with a BCa bootstrap interval
 * @param medianMonthlySpendBootstrap median monthly spend with a BCa bootstrap interval
 * @param campaignTests              one A/B test per campaign with a control group
 * @param campaignsSignificantRaw    campaigns with p &lt; 0.05 before correction
 * @param campaignsSignificantBh     campaigns with q &lt; 0.05 after Benjamini–Hochberg
 * @param cohortRetention            quarterly signup cohorts
 * @param customerSurvival           Kaplan–Meier curve of time to churn in months
 */
public record InferentialAnalysis(WelchTTestResult weekendVsWeekdayTicket, WelchTTestResult premiumVsStandardSpend,
                                  MeanEstimate meanMonthlySpend, BootstrapResult meanMonthlySpendBootstrap,
                                  BootstrapResult medianMonthlySpendBootstrap, List<CampaignTest> campaignTests,
                                  int campaignsSignificantRaw, int campaignsSignificantBh,
                                  List<CohortRetention> cohortRetention, SurvivalCurve customerSurvival) {
}
