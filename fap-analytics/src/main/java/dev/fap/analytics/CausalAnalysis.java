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
 * @param attribution        conversions by campaign type (lookback 90 days)
 * @param attributionLookbackDays lookback window of the attribution
 * @param conversions        conversions attributed
 * @param economicImpact     monthly spend per active customer on unemployment rate (lags 0..2) and consumer confidence, HC1 errors; null with fewer than 12 months
 * @param economicMonths     months in the regression
 */
public record CausalAnalysis(CampaignEffect campaignEffect, List<CampaignEffect> perCampaign,
                             List<ChannelAttribution> attribution, int attributionLookbackDays, long conversions,
                             OlsModel economicImpact, int economicMonths) {
}
