package dev.fap.analytics;

import dev.fap.analytics.stats.ProportionEstimate;
import dev.fap.analytics.stats.TwoProportionTestResult;

/**
 * The A/B result of one campaign: conversion of the treatment group against the randomised control.
 *
 * @param campaignId        campaign
 * @param campaignName      name
 * @param campaignType      channel type
 * @param treatedConversion conversion rate of the treatment group, Wilson interval
 * @param controlConversion conversion rate of the control group, Wilson interval
 * @param conversion        two-proportion z-test, treatment (group 1) against control (group 2); null when nobody
 *                          converted in either group (the test is undefined, see {@code note})
 * @param qValue            Benjamini–Hochberg adjusted p-value across the campaigns with a test; null without a test
 * @param note              why there is no test, else null
 */
public record CampaignTest(String campaignId, String campaignName, String campaignType, ProportionEstimate treatedConversion,
                           ProportionEstimate controlConversion, TwoProportionTestResult conversion, Double qValue, String note) {
}
