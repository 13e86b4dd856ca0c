package dev.fap.analytics;

import dev.fap.analytics.stats.RegressionCoefficient;
import dev.fap.analytics.stats.TreatmentEffect;

/**
 * Causal effect of campaigns on customers' spending, estimated two ways.
 *
 * @param scope              {@code "all campaigns"} or a campaign id
 * @param outcome            the outcome, e.g. {@code "approved debit spend per 30 days"}
 * @param windowDays         length of the pre and post windows around the contact date
 * @param treatedCustomers   treated contacts
 * @param controlCustomers   control contacts
 * @param differenceInDifferences the treated×post coefficient of the two-period panel regression with
 *                           cluster-robust (by contact) standard errors
 * @param propensityWeighted ATT by inverse propensity weighting on pre-period spend and demographics
 */
public record CampaignEffect(String scope, String outcome, int windowDays, long treatedCustomers, long controlCustomers,
                             RegressionCoefficient differenceInDifferences, TreatmentEffect propensityWeighted) {
}
