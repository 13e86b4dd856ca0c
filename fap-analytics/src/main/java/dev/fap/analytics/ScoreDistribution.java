package dev.fap.analytics;

import dev.fap.analytics.stats.Quantiles;
import dev.fap.core.FapException;
import java.util.Arrays;

/**
 * The distribution of a model's fitted scores over every scored unit, as a histogram on fixed bins
 * (compact enough for the JSON and the reports, unlike the scores themselves).
 *
 * <pre>{@code
 * ScoreDistribution d = Analytics.on(db).predictive().churnScores();
 * for (int b = 0; b < d.counts().length; b++) {
 *     System.out.printf("[%.2f, %.2f) %d%n", d.binEdges()[b], d.binEdges()[b + 1], d.counts()[b]);
 * }
 * }</pre>
 *
 * <p>Bin b holds the scores s with {@code binEdges[b] ≤ s < binEdges[b+1]}; the last bin also holds
 * {@code s = binEdges[bins]}. The counts sum to {@code n}.
 *
 * @param score    what is scored, e.g. {@code "churn probability"}
 * @param unit     the scored unit, e.g. {@code "customer"}
 * @param method   how the scores were produced and binned
 * @param n        scored units (all of them, train and test)
 * @param binEdges {@code bins + 1} ascending bin edges
 * @param counts   units per bin
 * @param mean     mean score
 * @param median   median score
 * @param p90      90th percentile of the scores (type 7)
 */
public record ScoreDistribution(String score, String unit, String method, long n, double[] binEdges, long[] counts,
                                double mean, double median, double p90) {

    /**
     * The histogram of {@code scores} on {@code bins} equal-width bins over {@code [lo, hi]}.
     *
     * @throws FapException when there are no scores, a score is not finite or outside {@code [lo, hi]}
     */
    public static ScoreDistribution of(String score, String unit, String method, double[] scores, double lo, double hi, int bins) {
        if (scores.length == 0 || bins < 1 || !(hi > lo)) {
            throw FapException.invalidArgument("a score distribution needs scores, at least one bin and lo < hi; had "
                    + scores.length + " scores, " + bins + " bins, [" + lo + ", " + hi + "]", "score at least one unit");
        }
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = lo + (hi - lo) * b / bins;
        }
        long[] counts = new long[bins];
        for (double s : scores) {
            if (!(s >= lo && s <= hi)) {
                throw FapException.invalidArgument("score " + s + " is outside [" + lo + ", " + hi + "]", "bin over the scores' range");
            }
            counts[Math.min(bins - 1, (int) ((s - lo) / (hi - lo) * bins))]++;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        return new ScoreDistribution(score, unit, method, scores.length, edges, counts, Arrays.stream(scores).average().orElseThrow(),
                Quantiles.ofSorted(sorted, 0.5), Quantiles.ofSorted(sorted, 0.9));
    }
}
