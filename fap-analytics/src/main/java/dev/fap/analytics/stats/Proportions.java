package dev.fap.analytics.stats;

/**
 * Inference on binomial proportions.
 *
 * <pre>{@code
 * ProportionEstimate rate = Proportions.wilson(37, 1200, 0.95);
 * TwoProportionTestResult ab = Proportions.twoProportionTest(230, 2000, 180, 2000, 0.95);
 * }</pre>
 */
public final class Proportions {
    private Proportions() {
    }

    /**
     * Wilson score interval: with {@code p̂ = k/n}, {@code z = z_{1-α/2}},
     * {@code (p̂ + z²/2n ± z√(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n)}. Defined for k = 0 and k = n.
     */
    public static ProportionEstimate wilson(long successes, long n, double level) {
        Checks.level(level);
        if (n <= 0 || successes < 0 || successes > n) {
            throw Checks.failure("a proportion needs 0 ≤ successes ≤ n and n > 0, had " + successes + " of " + n,
                    "there are no observations in this group");
        }
        double p = (double) successes / n;
        double z = Distributions.normalCritical(level);
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new ProportionEstimate("Wilson score interval", successes, n, p,
                new ConfidenceInterval(Math.max(0, centre - half), Math.min(1, centre + half), level));
    }

    /**
     * Pooled two-proportion z-test: {@code p̄ = (k1+k2)/(n1+n2)},
     * {@code z = (p1 - p2)/√(p̄(1-p̄)(1/n1 + 1/n2))}, {@code p = 2·P(Z > |z|)}. Difference interval
     * {@code (p1 - p2) ± z_{1-α/2}√(p1(1-p1)/n1 + p2(1-p2)/n2)}. Relative lift {@code p1/p2 - 1} with
     * interval {@code exp(ln(p1/p2) ± z_{1-α/2}√(1/k1 - 1/n1 + 1/k2 - 1/n2)) - 1} (needs k1, k2 > 0).
     *
     * @throws dev.fap.core.FapException ANALYSIS_FAILED when a group is empty or nobody/everybody succeeded
     */
    public static TwoProportionTestResult twoProportionTest(long k1, long n1, long k2, long n2, double level) {
        Checks.level(level);
        if (n1 <= 0 || n2 <= 0 || k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2) {
            throw Checks.failure("two-proportion test needs non-empty groups with 0 ≤ k ≤ n, had " + k1 + "/" + n1
                    + " and " + k2 + "/" + n2, "check that both groups have observations");
        }
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        double pooled = (double) (k1 + k2) / (n1 + n2);
        double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (!(sePooled > 0)) {
            throw Checks.failure("two-proportion test is undefined: the pooled proportion is " + pooled,
                    "the outcome does not vary (no successes or only successes)");
        }
        double z = (p1 - p2) / sePooled;
        double crit = Distributions.normalCritical(level);
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double diff = p1 - p2;
        Double lift = null;
        ConfidenceInterval liftCi = null;
        if (k1 > 0 && k2 > 0) {
            lift = p1 / p2 - 1;
            double seLog = Math.sqrt(1.0 / k1 - 1.0 / n1 + 1.0 / k2 - 1.0 / n2);
            double lrr = Math.log(p1 / p2);
            liftCi = new ConfidenceInterval(Math.exp(lrr - crit * seLog) - 1, Math.exp(lrr + crit * seLog) - 1, level);
        }
        return new TwoProportionTestResult("two-proportion z-test (pooled)", k1, n1, k2, n2, p1, p2, diff, z,
                Distributions.normalTwoSided(z), new ConfidenceInterval(diff - crit * se, diff + crit * se, level),
                lift, liftCi);
    }
}
