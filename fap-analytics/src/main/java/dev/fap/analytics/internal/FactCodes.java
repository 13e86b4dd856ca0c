package dev.fap.analytics.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The integer columns of {@code gold.fact_transactions} that the analytics aggregate instead of its text and
 * {@code numeric} ones: {@code channel_code} and {@code transaction_type_code} (codes of the closed sets silver
 * admits, 1 = the first label listed here) and {@code amount_abs_cents} (the absolute amount in cents, exact).
 * A pass groups by the codes and sums cents ({@code sum(bigint)} adds 128-bit integers, a fraction of the cost
 * of a {@code numeric} sum); the labels and the amounts are restored after grouping, so every figure equals the
 * one aggregated from the text and {@code numeric} columns.
 */
final class FactCodes {
    /** {@code channel_code} 1..5. */
    static final List<String> CHANNELS = List.of("Online", "Mobile", "ATM", "Branch", "POS");
    /** {@code transaction_type_code} 1..7. */
    static final List<String> TYPES = List.of("Purchase", "ATM", "Fee", "Deposit", "Refund", "Transfer", "Payment");
    /** {@code channel_code} of Online. */
    static final int ONLINE = code(CHANNELS, "Online");
    /** {@code transaction_type_code} of Purchase. */
    static final int PURCHASE = code(TYPES, "Purchase");
    /** {@code transaction_type_code} of Fee. */
    static final int FEE = code(TYPES, "Fee");

    private FactCodes() {
    }

    /** The label of a code (null for a null or unknown code). */
    static String label(List<String> labels, Number code) {
        if (code == null) {
            return null;
        }
        int i = code.intValue();
        return i >= 1 && i <= labels.size() ? labels.get(i - 1) : null;
    }

    /** The labels as an SQL array literal, indexed by the code: {@code (array['Online', ...])[channel_code]}. */
    static String sqlArray(List<String> labels) {
        return labels.stream().map(s -> "'" + s.replace("'", "''") + "'").collect(Collectors.joining(", ", "(array[", "])"));
    }

    /** A sum of cents as the exact amount ({@code cents / 100}, scale 2 like gold's {@code numeric(14,2)} amounts). */
    static BigDecimal amount(BigDecimal cents) {
        return cents == null ? null : cents.movePointLeft(2);
    }

    private static int code(List<String> labels, String label) {
        return labels.indexOf(label) + 1;
    }
}
