package dev.fap.analytics.stats;

/**
 * Sample size, mean and unbiased variance of a sample, computed in two passes for accuracy.
 *
 * <p>{@code mean = Σx/n}, {@code variance = Σ(x - mean)² / (n - 1)} (0 when n = 1).
 *
 * <pre>{@code
 * Moments m = Moments.of(new double[] {1, 2, 3});   // n=3, mean=2, variance=1
 * }</pre>
 *
 * @param n        number of observations
 * @param mean     arithmetic mean
 * @param variance unbiased sample variance
 */
public record Moments(long n, double mean, double variance) {

    /** Moments of {@code x}; needs at least one finite value. */
    public static Moments of(double[] x) {
        Checks.minSize(x, 1, "a sample");
        Checks.finite(x, "a sample");
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double ss = 0;
        double comp = 0;
        for (double v : x) {
            double d = v - mean;
            ss += d * d;
            comp += d;
        }
        // corrected two-pass algorithm (Chan, Golub, LeVeque)
        double var = x.length > 1 ? (ss - comp * comp / x.length) / (x.length - 1) : 0.0;
        return new Moments(x.length, mean + comp / x.length, Math.max(var, 0.0));
    }

    /** Sample standard deviation {@code sqrt(variance)}. */
    public double sd() {
        return Math.sqrt(variance);
    }

    /** Standard error of the mean {@code sd / sqrt(n)}. */
    public double standardError() {
        return Math.sqrt(variance / n);
    }
}
