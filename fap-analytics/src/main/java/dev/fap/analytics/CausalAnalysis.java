package dev.fap.analytics;

import dev.fap.analytics.stats.OlsModel;
import java.util.List;

/**
 * What caused what: the campaign effect by difference-in-differences and by propensity-score weighting
 * (each with a confidence interval), multi-touch attribution of conversions, and the economic impact on
 * spending by a regression with lags.
 *
 * <pre>{@code
 * CausalAnalysis c = Analytics.on(db).causal();
 * System.out.println(c.campaignEffect().differenceInDifferences().interval());
 * }</pre>
 *
 * @param campaignEffect     pooled over all campaigns with a control group; null when there are none
 * @param perCampaign        one estimate per campaign with enough contacts
 * @param skippedCampaigns   campaigns left out of the per-campaign estimates for having fewer than
 *                           {@code minGroupSize} treated or control contacts, with their counts
 * @param minGroupSize       minimum treated and control contacts for an estimate
 * @param attribution        conversions by campaign type (lookback 90 days)
 * @param attributionLookbackDays lookback window of the attribution
 * @param conversions        conversions attributed
 * @param economicImpact     ln(mean purchase ticket) per month on the unemployment rate at lags 0, 1 and 2 months, OLS with HC1
 *                           errors; null with fewer than 12 months
 * @param economicMonths     months in the regression
 */
public record CausalAnalysis(CampaignEffect campaignEffect, List<CampaignEffect> perCampaign, List<String> skippedCampaigns,
                             int minGroupSize,
                             List<ChannelAttribution> attribution, int attributionLookbackDays, long conversions,
                             OlsModel economicImpact, int economicMonths) {
}
