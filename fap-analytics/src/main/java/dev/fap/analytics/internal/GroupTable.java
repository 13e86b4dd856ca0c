package dev.fap.analytics.internal;

import java.util.Arrays;

/**
 * A hash table of groups keyed by two {@code long}s, each group with {@code width} {@code long} accumulators in one
 * flat array (group {@code g}'s accumulator {@code j} is {@code acc()[g * width + j]}): the JVM side of a
 * {@code GROUP BY} without boxing. New groups start from a template (e.g. {@link Long#MIN_VALUE} for a maximum).
 * Not thread-safe: one table per reading thread, merged afterwards.
 */
final class GroupTable {
    private final int width;
    private final long[] template;
    private long[] k1 = new long[1024];
    private long[] k2 = new long[1024];
    private long[] acc;
    private int[] slots = new int[2048]; // group index + 1, 0 = empty
    private int size;

    GroupTable(long[] template) {
        this.width = template.length;
        this.template = template.clone();
        this.acc = new long[1024 * Math.max(1, width)];
    }

    int width() {
        return width;
    }

    int size() {
        return size;
    }

    long key1(int group) {
        return k1[group];
    }

    long key2(int group) {
        return k2[group];
    }

    /** The accumulators; group {@code g}'s start at {@code g * width()}. Re-read after {@link #group} (it may grow). */
    long[] acc() {
        return acc;
    }

    /** The index of the group of {@code (a, b)}, created from the template if new. */
    int group(long a, long b) {
        if (a == lastA && b == lastB && lastGroup >= 0) {
            return lastGroup; // runs of rows of one group (e.g. a customer's transactions stored together)
        }
        lastA = a;
        lastB = b;
        lastGroup = probe(a, b);
        return lastGroup;
    }

    private long lastA;
    private long lastB;
    private int lastGroup = -1;

    private int probe(long a, long b) {
        int mask = slots.length - 1;
        int i = hash(a, b) & mask;
        while (true) {
            int s = slots[i];
            if (s == 0) {
                return add(a, b, i);
            }
            if (k1[s - 1] == a && k2[s - 1] == b) {
                return s - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /** The index of the group of {@code (a, b)}, or -1 if there is none. */
    int find(long a, long b) {
        int mask = slots.length - 1;
        int i = hash(a, b) & mask;
        while (true) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            if (k1[s - 1] == a && k2[s - 1] == b) {
                return s - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /** True when {@link #group} just created group {@code g} (it is the newest). */
    boolean isNewest(int g) {
        return g == size - 1;
    }

    private int add(long a, long b, int slot) {
        int g = size++;
        if (g == k1.length) {
            k1 = Arrays.copyOf(k1, g * 2);
            k2 = Arrays.copyOf(k2, g * 2);
            acc = Arrays.copyOf(acc, g * 2 * width);
        }
        k1[g] = a;
        k2[g] = b;
        System.arraycopy(template, 0, acc, g * width, width);
        slots[slot] = g + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return g;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int g = 0; g < size; g++) {
            int i = hash(k1[g], k2[g]) & mask;
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = g + 1;
        }
        slots = bigger;
    }

    private static int hash(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
