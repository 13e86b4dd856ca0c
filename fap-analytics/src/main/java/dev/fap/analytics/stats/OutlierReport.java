package dev.fap.analytics.stats;

/**
 * Outliers of one variable by Tukey's fences and by the robust (median/MAD) z-score.
 *
 * @param variable        variable name
 * @param n               number of observations
 * @param q1              first quartile (type 7)
 * @param median          median
 * @param q3              third quartile (type 7)
 * @param lowerFence      {@code Q1 - k·IQR}
 * @param upperFence      {@code Q3 + k·IQR}
 * @param iqrOutliers     values outside the fences
 * @param mad             median absolute deviation, scaled by {@code 1/Φ⁻¹(3/4)} to estimate σ
 * @param robustZCutoff   cut-off on {@code |x - median| / MAD_scaled}
 * @param robustOutliers  values beyond the cut-off (0 when MAD is 0)
 * @param iqrOutlierIndex indices (into the input) of the IQR outliers
 * @param robustOutlierIndex indices of the robust-z outliers
 */
public record OutlierReport(String variable, long n, double q1, double median, double q3, double lowerFence,
                            double upperFence, long iqrOutliers, double mad, double robustZCutoff, long robustOutliers,
                            @com.fasterxml.jackson.annotation.JsonIgnore int[] iqrOutlierIndex, @com.fasterxml.jackson.annotation.JsonIgnore int[] robustOutlierIndex) {
}
