package dev.fap.analytics;

import java.util.List;

/**
 * What to do: the next best offer per customer by expected value, and the retention budget allocated by
 * linear programming.
 *
 * <pre>{@code
 * PrescriptiveAnalysis p = Analytics.on(db).withRetentionBudget(50_000).prescriptive();
 * System.out.println(p.retentionBudget().expectedRoi());
 * }</pre>
 *
 * @param offerMethod   how probabilities and values were derived
 * @param offers        per product: how often it is the best offer and its expected value
 * @param topOffers     the 20 customers with the highest expected value of their best offer
 * @param retentionBudget the LP allocation
 */
public record PrescriptiveAnalysis(String offerMethod, List<OfferSummary> offers, List<NextBestOffer> topOffers,
                                   BudgetAllocation retentionBudget) {
}
