package dev.fap.analytics.stats;

/**
 * One bin of a calibration table.
 *
 * @param n              observations in the bin
 * @param meanPredicted  mean predicted probability
 * @param observedRate   observed event rate with its Wilson interval
 * @param events         observed events
 */
public record CalibrationBin(long n, double meanPredicted, double events, ProportionEstimate observedRate) {
}
