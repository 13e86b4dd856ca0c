package dev.fap.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * What happened: KPIs, monthly trends, channel mix, demographics, product performance, top merchants and
 * account status. Every aggregate is computed in PostgreSQL over the gold star schema.
 *
 * <pre>{@code
 * DescriptiveAnalysis d = Analytics.on(db).descriptive();
 * System.out.println(d.kpis().fraudRate());
 * }</pre>
 *
 * @param asOfDate           the data's "now" (latest transaction date)
 * @param kpis               headline figures
 * @param monthlyTrends      one row per calendar month, ascending
 * @param channelMix         transactions by channel (value = approved volume)
 * @param transactionTypes   transactions by type (value = approved volume)
 * @param demographics       current customers by age band, income band, segment and credit-score band
 * @param productPerformance one row per product, by volume
 * @param topMerchants       the 10 merchants with the largest approved volume
 * @param accountStatus      accounts by status (value = summed current balance)
 */
public record DescriptiveAnalysis(LocalDate asOfDate, Kpis kpis, List<MonthlyTrend> monthlyTrends, Breakdown channelMix,
                                  Breakdown transactionTypes, List<Breakdown> demographics,
                                  List<ProductPerformance> productPerformance, List<MerchantRank> topMerchants,
                                  Breakdown accountStatus) {
}
