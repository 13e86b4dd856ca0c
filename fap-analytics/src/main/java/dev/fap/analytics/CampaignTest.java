package dev.fap.analytics;

import dev.fap.analytics.stats.TwoProportionTestResult;

/**
 * The A/B result of one campaign: conversion of the treatment group against the randomised control.
 *
 * @param campaignId   campaign
 * @param campaignName name
 * @param campaignType channel type
 * @param conversion   two-proportion z-test, treatment (group 1) against control (group 2)
 * @param qValue       Benjamini–Hochberg adjusted p-value across all campaigns
 */
public record CampaignTest(String campaignId, String campaignName, String campaignType, TwoProportionTestResult conversion,
                           double qValue) {
}
