package dev.fap.generator.internal;

import dev.fap.generator.rows.BronzeRecord;

/** Receives generated rows in output order, from one thread. */
@FunctionalInterface
public interface RowSink {
    void accept(BronzeRecord row);
}
