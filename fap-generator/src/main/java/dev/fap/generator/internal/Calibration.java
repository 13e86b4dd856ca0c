package dev.fap.generator.internal;

/**
 * The base rates of a dataset's behavioural models: the fraud logit intercept, the factor on the
 * probability of technical ("Invalid Card") declines, and the base churn hazard. {@link #NATURAL}
 * holds the values of {@link Planted}; {@link Calibrator} moves them to meet the business rates a
 * {@link dev.fap.generator.DatasetSpec} asks for, never touching the planted effects (odds and
 * hazard ratios).
 *
 * @param fraudIntercept     intercept of logit P(is_fraud | Purchase)
 * @param invalidCardFactor  multiplies {@link #INVALID_CARD_PURCHASE} and {@link #INVALID_CARD_DEBIT}
 * @param churnBaseHazard    churn hazard per day of a customer with all covariates at their reference
 */
public record Calibration(double fraudIntercept, double invalidCardFactor, double churnBaseHazard) {
    /** Probability that a purchase is declined as "Invalid Card" at factor 1. */
    public static final double INVALID_CARD_PURCHASE = 0.012;
    /** Probability that an ATM withdrawal or transfer is declined as "Invalid Card" at factor 1. */
    public static final double INVALID_CARD_DEBIT = 0.008;

    /** The generator's own rates (no business rate set). */
    public static final Calibration NATURAL = new Calibration(Planted.FRAUD_INTERCEPT, 1.0, Planted.CHURN_BASE_HAZARD);

    public Calibration withFraudIntercept(double intercept) {
        return new Calibration(intercept, invalidCardFactor, churnBaseHazard);
    }

    public Calibration withInvalidCardFactor(double factor) {
        return new Calibration(fraudIntercept, factor, churnBaseHazard);
    }

    public Calibration withChurnBaseHazard(double hazard) {
        return new Calibration(fraudIntercept, invalidCardFactor, hazard);
    }

    /** P("Invalid Card") of a purchase. */
    public double invalidCardPurchase() {
        return INVALID_CARD_PURCHASE * invalidCardFactor;
    }

    /** P("Invalid Card") of an ATM withdrawal or transfer. */
    public double invalidCardDebit() {
        return INVALID_CARD_DEBIT * invalidCardFactor;
    }

    /** P(fraud) for each of the 64 patterns of the six fraud indicators (bit 0 night ... bit 5 risky merchant). */
    public double[] fraudProbabilities() {
        double[] p = new double[64];
        for (int k = 0; k < 64; k++) {
            p[k] = Rng.logistic(fraudIntercept + Planted.fraudSignal(k));
        }
        return p;
    }
}
