package dev.fap.generator.internal;

/**
 * One stretch of simulated days: the base period (batch 0) or a continuation batch.
 *
 * @param batch        0 for the base dataset, 1, 2, ... for {@code nextBatch}
 * @param fromDay      first epoch day, inclusive
 * @param toDay        last epoch day, inclusive
 * @param transactions exact number of transactions in this window
 * @param newCustomers customers joining in this window (batches only; the base creates its own)
 */
public record Window(int batch, long fromDay, long toDay, long transactions, int newCustomers) {
    public boolean isBase() {
        return batch == 0;
    }

    public int days() {
        return (int) (toDay - fromDay + 1);
    }

    public boolean contains(long day) {
        return day >= fromDay && day <= toDay;
    }

    /** Last second of the window (epoch seconds, UTC as local time). */
    public long lastSecond() {
        return toDay * 86_400 + 86_399;
    }
}
