package dev.fap.analytics;


/**
 * What will happen: churn, fraud and credit-default models (logistic regression by IRLS on a seeded
 * 70/30 split, AUC with DeLong intervals, calibration, feature importance), customer lifetime value and
 * risk categories. The per-customer scores are written to {@code gold.customer_scores}.
 *
 * <pre>{@code
 * PredictiveAnalysis p = Analytics.on(db).predictive();
 * System.out.println(p.churn().testAuc());
 * }</pre>
 *
 * @param churn          churn model (unit: customer)
 * @param fraud          fraud model (unit: transaction)
 * @param creditDefault  default model (unit: customer with loan or card payments); null when no payments exist
 * @param lifetimeValue  CLV summary
 * @param riskCategories customers by risk category (Low / Medium / High / Very High by predicted churn and default)
 * @param churnScores    distribution of the fitted churn probability over all customers: 20 bins of width 0.05 on [0, 1]
 * @param scoresWritten  rows written to gold.customer_scores (one per customer and model: churn, late_payment, fraud, clv)
 */
public record PredictiveAnalysis(ModelEvaluation churn, ModelEvaluation fraud, ModelEvaluation creditDefault,
                                 LifetimeValueSummary lifetimeValue, Breakdown riskCategories,
                                 ScoreDistribution churnScores, long scoresWritten) {
}
