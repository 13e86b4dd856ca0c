package dev.fap.analytics;

import dev.fap.analytics.stats.RegressionCoefficient;
import dev.fap.analytics.stats.TreatmentEffect;

/**
 * Causal effect of campaigns on customers' purchase spending, estimated three ways. Each contact has a
 * pre window {@code [contact - L, contact)} and a post window {@code [contact, contact + L)} with
 * {@code L = min(windowDays, days observed after the contact)}.
 *
 * @param scope                  {@code "all campaigns"} or a campaign id
 * @param outcome                {@code "approved purchase spend per customer-month"} (30.4375 days), as
 *                               {@code GroundTruth.Campaign.upliftPerCustomerMonth} of the generator
 * @param windowDays             maximal window length L
 * @param treatedCustomers       treated contacts
 * @param controlCustomers       control contacts
 * @param differenceInDifferences additive effect: the treated×post coefficient of the two-period panel OLS
 *                               {@code y = a + b·treated + c·post + δ·treated·post} (y in currency per customer-month),
 *                               cluster-robust (CR1) by customer
 * @param relativeUplift         multiplicative effect as a fraction (0.4 = +40%): ratio difference-in-differences
 *                               {@code (ΣT_post/ΣT_pre)/(ΣC_post/ΣC_pre) - 1}, customer-level bootstrap interval
 * @param propensityWeighted     the same ratio with controls weighted by {@code e/(1-e)} from a logistic propensity on
 *                               log income, credit score, age and log pre-period spend (ATT), bootstrap interval
 */
public record CampaignEffect(String scope, String outcome, int windowDays, long treatedCustomers, long controlCustomers,
                             RegressionCoefficient differenceInDifferences, TreatmentEffect relativeUplift,
                             TreatmentEffect propensityWeighted) {
}
