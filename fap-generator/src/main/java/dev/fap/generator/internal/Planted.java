package dev.fap.generator.internal;

/**
 * The effects the simulation plants, in one place: the simulation reads them and
 * {@link dev.fap.generator.GroundTruth} publishes them. Changing a value here changes the data (and
 * the FAP version's stability promise).
 */
public final class Planted {
    private Planted() {}

    // Fraud: logit P(is_fraud | Purchase) = FRAUD_INTERCEPT + sum of coefficient * indicator.
    public static final double FRAUD_INTERCEPT = -5.7;
    public static final double FRAUD_NIGHT = 1.2;          // hour_of_day in 0..5
    public static final double FRAUD_ONLINE = 0.8;         // channel = 'Online'
    public static final double FRAUD_HIGH_AMOUNT = 1.6;    // amount_deviation_score >= 2
    public static final double FRAUD_VELOCITY = 1.0;       // velocity_24h >= 2
    public static final double FRAUD_FAR = 1.1;            // distance_from_home_km >= 100
    public static final double FRAUD_RISKY_MERCHANT = 0.9; // merchant_risk_score >= 0.7
    public static final int NIGHT_LAST_HOUR = 5;
    public static final double HIGH_AMOUNT_Z = 2.0;
    public static final int VELOCITY_THRESHOLD = 2;
    public static final double FAR_KM = 100.0;
    public static final double RISKY_MERCHANT_SCORE = 0.7;

    /** Sum of the fraud coefficients of the indicators set in {@code pattern} (bit 0 night ... bit 5 risky merchant). */
    public static double fraudSignal(int pattern) {
        return ((pattern & 1) != 0 ? FRAUD_NIGHT : 0) + ((pattern & 2) != 0 ? FRAUD_ONLINE : 0)
                + ((pattern & 4) != 0 ? FRAUD_HIGH_AMOUNT : 0) + ((pattern & 8) != 0 ? FRAUD_VELOCITY : 0)
                + ((pattern & 16) != 0 ? FRAUD_FAR : 0) + ((pattern & 32) != 0 ? FRAUD_RISKY_MERCHANT : 0);
    }

    // Campaign: purchases of treated customers in [contact_date, contact_date + UPLIFT_DAYS) are
    // multiplied by (1 + CAMPAIGN_UPLIFT).
    public static final double CAMPAIGN_UPLIFT = 0.50;
    public static final int UPLIFT_DAYS = 90;
    public static final int PRE_PERIOD_DAYS = 90;
    // Treatment propensity: logit P(Treatment) = PROPENSITY_INTERCEPT + PROPENSITY_LOG_INCOME * (ln income - ln 60000).
    public static final double PROPENSITY_INTERCEPT = 0.0;
    public static final double PROPENSITY_LOG_INCOME = 0.8;
    public static final double PROPENSITY_INCOME_REF = 60_000;

    // Unemployment: purchase amounts in month m are multiplied by exp(SEMI_ELASTICITY * (u[m - LAG] - REF)).
    public static final double UNEMPLOYMENT_SEMI_ELASTICITY = -0.06;
    public static final int UNEMPLOYMENT_LAG_MONTHS = 2;
    public static final double UNEMPLOYMENT_REF = 4.0;

    // Churn: hazard per day = CHURN_BASE_HAZARD * exp(b_t * tenure_years + b_s * (satisfaction - 3.6) + b_a * ln(activity)).
    public static final double CHURN_BASE_HAZARD = 0.00030;
    public static final double CHURN_TENURE = -0.10;
    public static final double CHURN_SATISFACTION = -0.80;
    public static final double CHURN_ACTIVITY = -0.60;
    public static final double SATISFACTION_CENTER = 3.6;
    public static final int CHURN_GRACE_DAYS = 30;

    // Late loan payments: logit P(late) = LATE_INTERCEPT + LATE_SCORE * (700 - credit_score)/100 + LATE_UNEMPLOYMENT * (u - 4).
    public static final double LATE_INTERCEPT = -2.9;
    public static final double LATE_SCORE = 0.9;
    public static final double LATE_UNEMPLOYMENT = 0.25;
    public static final double MISSED_SHARE_OF_LATE = 0.2;

    // Rhythms.
    /** Relative transaction intensity Monday..Sunday. */
    public static final double[] WEEKDAY = {0.95, 0.95, 1.0, 1.05, 1.25, 1.20, 0.75};
    /** Relative transaction intensity January..December. */
    public static final double[] MONTH = {0.88, 0.88, 0.97, 0.98, 1.0, 1.0, 1.02, 1.02, 0.97, 1.0, 1.08, 1.25};
    /** Relative intensity by hour of day 0..23. */
    public static final double[] HOUR = {1.2, 0.8, 0.6, 0.5, 0.5, 0.8, 1.5, 3.0, 4.5, 5.0, 5.5, 6.5, 8.0, 7.0, 6.0, 6.0,
            6.5, 7.5, 7.5, 6.5, 5.0, 3.5, 2.0, 1.4};
}
