package dev.fap.analytics;

import dev.fap.analytics.stats.WelchTTestResult;
import java.util.List;

/**
 * Why it happened: fraud by channel, hour and category (chi-square and lift), churn by tenure,
 * decline reasons, delinquency factors and service issues against satisfaction.
 *
 * <pre>{@code
 * DiagnosticAnalysis d = Analytics.on(db).diagnostic();
 * d.fraudDrivers().forEach(f -> System.out.println(f.factor() + " p=" + f.test().pValue()));
 * }</pre>
 *
 * @param fraudDrivers        fraud by channel, hour of day, time of day, merchant category, international and
 *                            high-risk merchant (one GROUPING SETS scan), BH-adjusted across the six
 * @param churnByTenure       churn by tenure band (current customers)
 * @param declineReasons      declined transactions by reason
 * @param delinquencyFactors  late loan payment by credit-score band, income band and product
 * @param satisfactionByReason mean satisfaction rating per interaction reason, t intervals
 * @param resolvedVsUnresolved Welch t-test of satisfaction, resolved against unresolved contacts; null without ratings
 */
public record DiagnosticAnalysis(List<FactorTest> fraudDrivers, FactorTest churnByTenure, Breakdown declineReasons,
                                 List<FactorTest> delinquencyFactors, List<GroupMean> satisfactionByReason,
                                 WelchTTestResult resolvedVsUnresolved) {
}
