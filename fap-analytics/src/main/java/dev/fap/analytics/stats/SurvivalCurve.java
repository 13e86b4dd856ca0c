package dev.fap.analytics.stats;

/**
 * A Kaplan–Meier survival curve at the distinct event times.
 *
 * @param method       {@code "Kaplan-Meier, Greenwood variance, log-log interval"}
 * @param n            subjects
 * @param events       observed events (the rest are censored)
 * @param time         distinct event times, ascending
 * @param atRisk       subjects at risk just before each time
 * @param eventCount   events at each time
 * @param survival     {@code S(t) = Π_{t_i ≤ t} (1 - d_i/n_i)}
 * @param lower        lower confidence bound
 * @param upper        upper confidence bound
 * @param level        confidence level
 * @param medianTime   smallest time with {@code S(t) ≤ 0.5}, null when the curve stays above 0.5
 */
public record SurvivalCurve(String method, long n, long events, double[] time, long[] atRisk, long[] eventCount,
                            double[] survival, double[] lower, double[] upper, double level, Double medianTime) {

    /** {@code S(t)} for any t (step function, 1 before the first event). */
    public double survivalAt(double t) {
        double s = 1.0;
        for (int i = 0; i < time.length && time[i] <= t; i++) {
            s = survival[i];
        }
        return s;
    }
}
