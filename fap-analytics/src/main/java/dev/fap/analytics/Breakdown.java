package dev.fap.analytics;

import java.util.List;

/**
 * A categorical breakdown of a population, e.g. customers by age band.
 *
 * @param dimension what is broken down, e.g. {@code "age_band"}
 * @param unit      what is counted, e.g. {@code "customers"}
 * @param total     total count
 * @param slices    categories ordered by label or by count (as documented by the producer)
 */
public record Breakdown(String dimension, String unit, long total, List<Slice> slices) {
}
