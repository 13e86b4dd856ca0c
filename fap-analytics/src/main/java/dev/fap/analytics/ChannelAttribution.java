package dev.fap.analytics;

/**
 * Conversions credited to one campaign type under three attribution rules.
 *
 * @param channel     campaign type (Email, Social, …)
 * @param touches     treatment contacts of this type
 * @param firstTouch  conversions credited to the first touch in the lookback window
 * @param lastTouch   conversions credited to the converting (last) touch
 * @param linear      conversions split equally over all touches in the window
 * @param linearShare linear / all conversions
 */
public record ChannelAttribution(String channel, long touches, double firstTouch, double lastTouch, double linear,
                                 double linearShare) {
}
