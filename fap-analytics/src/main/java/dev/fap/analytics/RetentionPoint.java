package dev.fap.analytics;

import dev.fap.analytics.stats.ProportionEstimate;

/**
 * Share of a signup cohort still active a number of months after signup.
 *
 * @param monthsSinceSignup months since the cohort's signup month
 * @param retained          active customers / cohort customers observable that long, Wilson interval
 */
public record RetentionPoint(int monthsSinceSignup, ProportionEstimate retained) {
}
