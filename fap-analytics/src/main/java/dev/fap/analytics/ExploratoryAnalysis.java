package dev.fap.analytics;

import dev.fap.analytics.stats.Clustering;
import dev.fap.analytics.stats.CorrelationMatrix;
import dev.fap.analytics.stats.OutlierReport;
import java.util.List;

/**
 * What patterns are there: k-means++ segments of customers on standardised behavioural features,
 * Pearson and Spearman correlation of those features, outliers, spending by category and region.
 *
 * <pre>{@code
 * ExploratoryAnalysis e = Analytics.on(db).exploratory();
 * e.segments().forEach(s -> System.out.println(s.name() + ": " + s.size()));
 * }</pre>
 *
 * @param customersProfiled customers with at least one transaction (the rows clustered)
 * @param features          the behavioural features used (order of the matrices)
 * @param droppedFeatures   features left out because they were constant in this data
 * @param clustering        the chosen clustering (k by silhouette; assignments omitted from JSON)
 * @param segments          one profile per cluster
 * @param pearson           Pearson correlation matrix with p-values
 * @param spearman          Spearman correlation matrix with p-values
 * @param outliers          IQR and robust-z outliers per feature
 * @param spendingByCategory approved debit spending by merchant category
 * @param spendingByRegion  approved debit spending by the merchant's census region
 */
public record ExploratoryAnalysis(long customersProfiled, List<String> features, List<String> droppedFeatures,
                                  Clustering clustering, List<SegmentProfile> segments, CorrelationMatrix pearson,
                                  CorrelationMatrix spearman, List<OutlierReport> outliers,
                                  List<CategorySpend> spendingByCategory, List<CategorySpend> spendingByRegion) {
}
