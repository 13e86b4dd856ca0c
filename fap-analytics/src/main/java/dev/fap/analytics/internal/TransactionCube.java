package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.l;

import dev.fap.analytics.stats.Moments;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jooq.Record;

/**
 * The transaction counts and amounts that descriptive, diagnostic (declines), inferential (weekend
 * ticket) and causal (monthly ticket) analytics need, from one hash-aggregated pass over
 * {@code gold.fact_transactions}: one cell per month × channel × transaction type × weekend × decline
 * reason (about a thousand cells, however many transactions). Any breakdown along those dimensions is
 * a sum of cells; the sums are exact ({@code numeric} in PostgreSQL, {@link BigDecimal} here), so a
 * total, a mean or a standard deviation rolled up from the cells equals the one PostgreSQL computes over
 * the rows (to the last bits of the double it is converted to).
 */
final class TransactionCube {
    private static final MathContext MC = new MathContext(40);

    /** The month of a fact row as {@code yyyymm} (from the date key, an integer: no date formatting per row). */
    static final String MONTH = "coalesce(date_key / 100, (extract(year from transaction_date) * 100 "
            + "+ extract(month from transaction_date))::int)";

    /**
     * Grouped by the day (not an expression of it: the planner then estimates the number of groups well
     * and aggregates in parallel with hash tables instead of sorting the facts) and by the raw
     * dimension columns; months and labels are derived from the few thousand groups in Java.
     */
    static final String QUERY = """
            select transaction_date, channel, transaction_type, is_weekend, decline_reason,
                   count(*) as n, count(*) filter (where is_approved) as approved,
                   coalesce(sum(approved_amount_abs), 0) as volume,
                   coalesce(sum(transaction_amount_abs) filter (where is_approved), 0) as ticket_sum,
                   coalesce(sum(transaction_amount_abs * transaction_amount_abs) filter (where is_approved), 0) as ticket_sq,
                   count(transaction_amount_abs) filter (where is_approved) as ticket_n,
                   count(*) filter (where is_fraud) as fraud, count(*) filter (where is_declined) as declined,
                   coalesce(sum(fraud_amount_abs), 0) as fraud_amount,
                   coalesce(sum(declined_amount_abs) filter (where is_declined), 0) as declined_amount,
                   coalesce(sum(purchase_amount) filter (where purchase_amount > 0), 0) as purchase_sum,
                   count(purchase_amount) filter (where purchase_amount > 0) as purchase_n
            from gold.fact_transactions
            group by 1, 2, 3, 4, 5""";

    /** One cell; {@code month} is {@code yyyymm}. */
    record Cell(int month, String channel, String type, boolean weekend, String declineReason, Sums sums) {
    }

    /**
     * Sums over a set of transactions. {@code ticket*} are over the approved transactions' absolute
     * amounts, {@code purchase*} over positive purchase amounts.
     */
    record Sums(long n, long approved, BigDecimal volume, BigDecimal ticketSum, BigDecimal ticketSq, long ticketN, long fraud,
                long declined, BigDecimal fraudAmount, BigDecimal declinedAmount, BigDecimal purchaseSum, long purchaseN) {
        static final Sums ZERO = new Sums(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, 0);

        Sums plus(Sums o) {
            return new Sums(n + o.n, approved + o.approved, volume.add(o.volume), ticketSum.add(o.ticketSum), ticketSq.add(o.ticketSq),
                    ticketN + o.ticketN, fraud + o.fraud, declined + o.declined, fraudAmount.add(o.fraudAmount),
                    declinedAmount.add(o.declinedAmount), purchaseSum.add(o.purchaseSum), purchaseN + o.purchaseN);
        }

        /** Mean approved ticket, null without approved amounts ({@code avg}). */
        Double ticketMean() {
            return ticketN == 0 ? null : ticketSum.divide(BigDecimal.valueOf(ticketN), MC).doubleValue();
        }

        /** Sample variance of the approved tickets, null below two ({@code var_samp}). */
        Double ticketVariance() {
            BigDecimal v = variance();
            return v == null ? null : v.doubleValue();
        }

        /** Sample standard deviation of the approved tickets, null below two ({@code stddev_samp}). */
        Double ticketSd() {
            BigDecimal v = variance();
            return v == null ? null : v.sqrt(MC).doubleValue();
        }

        /** {@code (n·Σx² - (Σx)²) / (n(n-1))} exactly to 40 digits, 0 when rounding made it negative; null below two. */
        private BigDecimal variance() {
            if (ticketN < 2) {
                return null;
            }
            BigDecimal n = BigDecimal.valueOf(ticketN);
            BigDecimal num = n.multiply(ticketSq).subtract(ticketSum.multiply(ticketSum));
            return num.signum() <= 0 ? BigDecimal.ZERO : num.divide(n.multiply(BigDecimal.valueOf(ticketN - 1)), MC);
        }

        /** Approved ticket moments with n = the approved transactions. */
        Moments ticketMoments() {
            Double v = ticketVariance();
            Double m = ticketMean();
            return new Moments(approved, m == null ? 0.0 : m, v == null ? 0.0 : v);
        }

        /** Mean positive purchase amount, null without purchases. */
        Double purchaseMean() {
            return purchaseN == 0 ? null : purchaseSum.divide(BigDecimal.valueOf(purchaseN), MC).doubleValue();
        }
    }

    private final List<Cell> cells;

    private TransactionCube(List<Cell> cells) {
        this.cells = cells;
    }

    /** The cube of this run (loaded once, shared). */
    static TransactionCube of(Context ctx) {
        return ctx.shared("transactionCube", () -> load(ctx.sql()));
    }

    private static TransactionCube load(Sql sql) {
        List<Cell> cells = new ArrayList<>();
        for (Record r : sql.fetch(QUERY)) {
            java.time.LocalDate day = r.get("transaction_date", java.time.LocalDate.class);
            if (day == null) {
                continue; // no month to put it in (gold never has these)
            }
            String channel = r.get("channel", String.class);
            String type = r.get("transaction_type", String.class);
            cells.add(new Cell(day.getYear() * 100 + day.getMonthValue(), channel == null ? "(none)" : channel,
                    type == null ? "(none)" : type, Sql.b(r, "is_weekend"), r.get("decline_reason", String.class),
                    new Sums(l(r, "n"), l(r, "approved"), dec(r, "volume"), dec(r, "ticket_sum"), dec(r, "ticket_sq"), l(r, "ticket_n"),
                            l(r, "fraud"), l(r, "declined"), dec(r, "fraud_amount"), dec(r, "declined_amount"), dec(r, "purchase_sum"),
                            l(r, "purchase_n"))));
        }
        return new TransactionCube(List.copyOf(cells));
    }

    private static BigDecimal dec(Record r, String field) {
        return r.get(field, BigDecimal.class);
    }

    /** Sums over all transactions. */
    Sums total() {
        return total(c -> true);
    }

    /** Sums over the cells that pass {@code filter}. */
    Sums total(Predicate<Cell> filter) {
        Sums s = Sums.ZERO;
        for (Cell c : cells) {
            if (filter.test(c)) {
                s = s.plus(c.sums());
            }
        }
        return s;
    }

    /** Sums by {@code key} (cells whose key is null left out), in key order. */
    <K extends Comparable<K>> Map<K, Sums> by(Function<Cell, K> key) {
        TreeMap<K, Sums> out = new TreeMap<>();
        for (Cell c : cells) {
            K k = key.apply(c);
            if (k != null) {
                out.merge(k, c.sums(), Sums::plus);
            }
        }
        return out;
    }

    /** {@code yyyymm} as {@code YYYY-MM}. */
    static String monthLabel(int month) {
        return String.format(java.util.Locale.ROOT, "%04d-%02d", month / 100, month % 100);
    }
}
