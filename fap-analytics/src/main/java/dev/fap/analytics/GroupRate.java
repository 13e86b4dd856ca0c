package dev.fap.analytics;

import dev.fap.analytics.stats.ProportionEstimate;

/**
 * The rate of an outcome in one level of a factor, against the overall rate.
 *
 * @param level                 factor level, e.g. {@code "Online"} or {@code "03"}
 * @param rate                  events / n in the level with a Wilson interval
 * @param lift                  {@code rate / overall rate} (1 = no difference)
 * @param standardizedResidual  adjusted residual of the level's event cell in the chi-square test (|r| > 2 stands out)
 */
public record GroupRate(String level, ProportionEstimate rate, double lift, double standardizedResidual) {
}
