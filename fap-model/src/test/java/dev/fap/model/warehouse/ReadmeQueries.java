package dev.fap.model.warehouse;

/** The three queries of the original README's "Querying Data" section, verbatim. */
final class ReadmeQueries {
    static final String HIGH_RISK_CHURN = """
            SELECT
                customer_id,
                churn_risk_score,
                customer_lifetime_value,
                total_transactions_90d
            FROM gold.predictive_analytics
            WHERE churn_risk_score > 0.7
            ORDER BY customer_lifetime_value DESC;
            """;

    static final String FRAUD_BY_MERCHANT = """
            SELECT
                m.merchant_name,
                m.category,
                COUNT(*) as fraud_count,
                SUM(f.transaction_amount_abs) as fraud_amount
            FROM gold.fact_transactions f
            JOIN gold.dim_merchant m ON f.merchant_key = m.merchant_key
            WHERE f.is_fraud = TRUE
              AND f.transaction_date >= CURRENT_DATE - INTERVAL '30 days'
            GROUP BY m.merchant_name, m.category
            ORDER BY fraud_count DESC;
            """;

    static final String MONTHLY_KPIS = """
            SELECT
                TO_CHAR(transaction_date, 'YYYY-MM') as month,
                COUNT(*) as transactions,
                COUNT(DISTINCT customer_key) as active_customers,
                SUM(transaction_amount_abs) as volume,
                AVG(transaction_amount_abs) as avg_transaction
            FROM gold.fact_transactions
            GROUP BY TO_CHAR(transaction_date, 'YYYY-MM')
            ORDER BY month DESC;
            """;

    private ReadmeQueries() {}
}
