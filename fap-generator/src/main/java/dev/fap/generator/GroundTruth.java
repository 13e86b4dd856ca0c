package dev.fap.generator;

/**
 * The effects the generator planted in a dataset, as numbers, with definitions precise enough for
 * an analyst to estimate the same quantities from the bronze tables (and for tests to check that
 * the analytics recover them). Parameters are the true values of the data-generating process;
 * {@code realised...} values are measured on the generated base dataset itself.
 *
 * <pre>{@code
 * GroundTruth truth = DataGenerator.of(DatasetSpec.defaults()).groundTruth();
 * truth.fraud().oddsRatioNight();              // 3.32: exp(1.2)
 * truth.campaign().relativeUplift();           // 0.40
 * truth.campaign().upliftPerCustomerMonth();   // e.g. 38.7 (currency)
 * truth.unemployment().semiElasticity();       // -0.06 per percentage point, lag 2 months
 * }</pre>
 *
 * @param spec         the dataset these effects were planted in
 * @param fraud        drivers of {@code transactions.is_fraud}
 * @param campaign     causal effect of campaign treatment on spending
 * @param unemployment effect of the unemployment rate on spending
 * @param churn        drivers of churn (proportional hazards)
 * @param latePayment  drivers of late loan payments
 * @param rates        realised headline rates of the base dataset
 */
public record GroundTruth(DatasetSpec spec, Fraud fraud, Campaign campaign, Unemployment unemployment, Churn churn,
                          LatePayment latePayment, Rates rates) {

    /**
     * Fraud on card purchases. Population: transactions with {@code transaction_type = 'Purchase'}
     * (approved or declined). Model, exactly as simulated:
     * <pre>
     * logit P(is_fraud) = intercept + night·[hour_of_day ≤ 5] + online·[channel = 'Online']
     *                   + highAmount·[amount_deviation_score ≥ 2] + velocity·[velocity_24h ≥ 2]
     *                   + farFromHome·[distance_from_home_km ≥ 100] + riskyMerchant·[merchant_risk_score ≥ 0.7]
     * </pre>
     * A logistic regression of {@code is_fraud} on these six indicators (all columns of
     * {@code transactions}) estimates the coefficients without bias; odds ratios are their
     * exponentials. {@code fraud_score} is the bank's noisy score (higher for fraud), and alerts are
     * raised exactly when {@code fraud_score ≥ 0.5}.
     *
     * <p>{@code intercept} is −5.7 by default; {@link DatasetSpec#withFraudRate(double)} calibrates it
     * (and only it) so that the share of fraud among purchases is the requested one.
     *
     * @param realisedRate share of purchases with {@code is_fraud} in the base dataset
     */
    public record Fraud(double intercept, double night, double online, double highAmount, double velocity, double farFromHome,
                        double riskyMerchant, double realisedRate) {
        public double oddsRatioNight() {
            return Math.exp(night);
        }

        public double oddsRatioOnline() {
            return Math.exp(online);
        }

        public double oddsRatioHighAmount() {
            return Math.exp(highAmount);
        }

        public double oddsRatioVelocity() {
            return Math.exp(velocity);
        }

        public double oddsRatioFarFromHome() {
            return Math.exp(farFromHome);
        }

        public double oddsRatioRiskyMerchant() {
            return Math.exp(riskyMerchant);
        }
    }

    /**
     * Campaign treatment effect. Customers in {@code campaign_contacts} were assigned
     * {@code Treatment} with probability {@code logistic(propensityIntercept + propensityLogIncome ·
     * (ln(customers.annual_income) − ln(60000)))} (so richer customers are treated more often and a
     * naive treated-vs-control comparison is biased; propensity weighting on income, or
     * difference-in-differences, removes the bias). Treatment multiplies the absolute amount of
     * every Purchase of a treated customer dated in {@code [contact_date, contact_date + windowDays)}
     * by {@code 1 + relativeUplift}; control customers and all other days are untouched.
     *
     * <p>Spending = sum of {@code |amount|} of approved ({@code decline_reason is null}) Purchase
     * transactions. A customer-month is 30.4375 days. {@code upliftPerCustomerMonth} is the realised
     * average treatment effect on the treated in currency: the extra spending caused by treatment
     * (sum over treated purchases in the window of {@code |amount| · u/(1+u)}) divided by
     * {@code treatedCustomers · windowDays / 30.4375}. A difference-in-differences of spending per
     * customer-month, treated vs control, over the {@code preDays} before and the {@code windowDays}
     * from each contact date estimates it.
     */
    public record Campaign(double relativeUplift, int windowDays, int preDays, double propensityIntercept,
                           double propensityLogIncome, long treatedCustomers, long controlCustomers,
                           double upliftPerCustomerMonth) {}

    /**
     * Unemployment and spending. The amount of every Purchase dated in month {@code m} is multiplied
     * by {@code exp(semiElasticity · (u[m − lagMonths] − reference))}, where {@code u} is
     * {@code economic_indicators.unemployment_rate} (percent) of the first day of the month. So a
     * regression of {@code ln(mean |amount| of Purchases in month m)} on {@code u[m − lagMonths]}
     * has slope {@code semiElasticity} (per percentage point); other lags carry less of it (the
     * series is smooth).
     */
    public record Unemployment(double semiElasticity, int lagMonths, double reference) {}

    /**
     * Churn as a proportional-hazards process. Each customer's hazard per day is
     * {@code baseHazardPerDay · exp(tenure · tenureYears + satisfaction · (s − 3.6) + activity · ln(a))}
     * from {@code max(start, signup_date + 30 days)}; a churned customer has {@code is_active = false}
     * and a {@code customer_changes} row (attribute {@code is_active}) dated the churn day, when all
     * accounts close. {@code tenureYears = max(0, (start − signup_date) / 365.25)}; {@code s} is the
     * latent satisfaction (1-5) of which {@code customer_interactions.satisfaction_rating} is a noisy
     * measurement (rating = round(s + problems + N(0, 0.6)), problems −1, unresolved −0.5), so an
     * estimate on mean ratings is attenuated towards 0; {@code a} is the latent activity, to which
     * the customer's transactions per active day are proportional. Coefficients are log hazard
     * ratios per unit. {@code baseHazardPerDay} is 0.0003 by default;
     * {@link DatasetSpec#withChurnRate(double)} calibrates it (and only it) to the requested annual churn.
     */
    public record Churn(double baseHazardPerDay, double tenure, double satisfaction, double activity, double realisedRate) {}

    /**
     * Late loan payments ({@code loan_payments.is_late}):
     * {@code logit P(late) = intercept + creditScore · (700 − customers.credit_score)/100 +
     * unemployment · (u − 4)} with {@code u} the unemployment rate of the month of
     * {@code scheduled_date}. A fifth of late payments are missed ({@code actual_date} null).
     */
    public record LatePayment(double intercept, double creditScore, double unemployment, double realisedRate) {}

    /**
     * Realised headline rates of the base dataset.
     *
     * @param fraudShareOfPurchases share of Purchase transactions that are fraud
     * @param declineRate           share of transactions with a decline reason
     * @param fraudAlertCoverage    share of fraudulent transactions that raised an alert
     * @param alerts                number of fraud alerts
     * @param falsePositiveAlerts   alerts on transactions that were not fraud
     * @param invalidCardPurchase   probability that a purchase is declined as "Invalid Card" (technical decline; 0.012
     *                              unless {@link DatasetSpec#withDeclineRate(double)} calibrated it)
     * @param invalidCardDebit      the same for ATM withdrawals and transfers (0.008 unless calibrated)
     */
    public record Rates(double fraudShareOfPurchases, double declineRate, double fraudAlertCoverage, long alerts,
                        long falsePositiveAlerts, double invalidCardPurchase, double invalidCardDebit) {}

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "GroundTruth[fraud rate %.3f%% of purchases, OR night %.2f online %.2f high-amount %.2f velocity %.2f far %.2f risky %.2f;"
                        + " campaign uplift +%.0f%% = %.2f per treated customer-month (%d treated, %d control);"
                        + " unemployment semi-elasticity %.3f at lag %d; churn log-HR tenure %.2f satisfaction %.2f activity %.2f"
                        + " (churned %.1f%%); declines %.2f%%; alert coverage %.1f%%]",
                100 * fraud.realisedRate(), fraud.oddsRatioNight(), fraud.oddsRatioOnline(), fraud.oddsRatioHighAmount(),
                fraud.oddsRatioVelocity(), fraud.oddsRatioFarFromHome(), fraud.oddsRatioRiskyMerchant(),
                100 * campaign.relativeUplift(), campaign.upliftPerCustomerMonth(), campaign.treatedCustomers(),
                campaign.controlCustomers(), unemployment.semiElasticity(), unemployment.lagMonths(), churn.tenure(),
                churn.satisfaction(), churn.activity(), 100 * churn.realisedRate(), 100 * rates.declineRate(),
                100 * rates.fraudAlertCoverage());
    }
}
