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
 * The transaction counts and amounts that descriptive (KPIs, trends, mixes, products), diagnostic
 * (declines), inferential (weekend ticket) and causal (monthly ticket) analytics need, from one
 * hash-aggregated pass over {@code gold.fact_transactions}: one cell per month × weekend × channel ×
 * transaction type × declined × decline reason × fraud × product (a few thousand cells, however many
 * transactions). Any breakdown along those dimensions is a sum of cells; the sums are exact
 * ({@code numeric} in PostgreSQL, {@link BigDecimal} here), so a total, a mean or a standard deviation
 * rolled up from the cells equals the one PostgreSQL computes over the rows (to the last bits of the
 * double it is converted to).
 *
 * <p>The pass sums one measure, the absolute amount in cents ({@code amount_abs_cents}, a {@code bigint}: its
 * sum and its sum of squares are exact integers, the amount in cents below 10<sup>8</sup> as silver admits, so the
 * square fits a {@code bigint}), and groups by the channel and type codes ({@link FactCodes}); every other measure is the
 * absolute amount of the cells a flag or the type selects, as gold defines them
 * ({@code approved_amount_abs}, {@code fraud_amount_abs}, {@code declined_amount_abs}: the absolute
 * amount if approved, fraudulent, declined, else 0; {@code purchase_amount} and {@code fee_amount}:
 * the absolute amount of an approved purchase or fee, else 0). With the flags and the type among the
 * cell's dimensions, the cell's sum is the measure's sum; PostgreSQL then adds one {@code numeric} per
 * row instead of six (at 10M transactions about 4 s of CPU, and a second pass for products).
 */
final class TransactionCube {
    private static final MathContext MC = new MathContext(40);

    /** The month of a fact row as {@code yyyymm} (from the date key, an integer: no date formatting per row). */
    static final String MONTH = "coalesce(date_key / 100, (extract(year from transaction_date) * 100 "
            + "+ extract(month from transaction_date))::int)";

    /**
     * Grouped by the month of the date key (one column, so the planner estimates the groups from its
     * statistics and aggregates in parallel with hash tables instead of sorting the facts) and by raw
     * columns; labels are derived from the groups in Java. The date key is never null where the date is
     * not (gold computes it from the date when the calendar lacks the day), and rows without a date have
     * no month (left out, as gold never has them).
     */
    static final String QUERY = """
            select date_key / 100 as month, is_weekend, channel_code, transaction_type_code, is_declined, decline_reason, is_fraud,
                   product_key, count(*) as n, coalesce(sum(amount_abs_cents), 0) as amount, count(amount_abs_cents) as amount_n,
                   coalesce(sum(amount_abs_cents * amount_abs_cents) filter (where is_approved), 0) as amount_sq,
                   count(*) filter (where amount_abs_cents > 0) as positive
            from gold.fact_transactions
            group by 1, 2, 3, 4, 5, 6, 7, 8""";

    /** One cell; {@code month} is {@code yyyymm}, {@code productKey} null without product. */
    record Cell(int month, String channel, String type, boolean weekend, String declineReason, Long productKey, Sums sums) {
    }

    /**
     * Sums over a set of transactions. {@code ticket*} are over the approved transactions' absolute
     * amounts, {@code purchase*} over positive purchase amounts, {@code fees} over approved fees.
     */
    record Sums(long n, long approved, BigDecimal volume, BigDecimal ticketSum, BigDecimal ticketSq, long ticketN, long fraud,
                long declined, BigDecimal fraudAmount, BigDecimal declinedAmount, BigDecimal purchaseSum, long purchaseN,
                BigDecimal fees) {
        static final Sums ZERO = new Sums(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO);

        Sums plus(Sums o) {
            return new Sums(n + o.n, approved + o.approved, volume.add(o.volume), ticketSum.add(o.ticketSum), ticketSq.add(o.ticketSq),
                    ticketN + o.ticketN, fraud + o.fraud, declined + o.declined, fraudAmount.add(o.fraudAmount),
                    declinedAmount.add(o.declinedAmount), purchaseSum.add(o.purchaseSum), purchaseN + o.purchaseN, fees.add(o.fees));
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
        return ctx.shared("transactionCube", () -> {
            FactScan scan = FactScan.of(ctx);
            return load(scan == null ? ctx.sql().fetchHashed(QUERY) : ctx.sql().fetch(scan.cube().sql(), scan.cube().binds()));
        });
    }

    /** The cube from the rows of {@link #QUERY} (or of {@link FactScan#cube()}, the same columns). */
    static TransactionCube load(List<Record> rows) {
        List<Cell> cells = new ArrayList<>();
        for (Record r : rows) {
            Integer month = r.get("month", Integer.class);
            if (month == null) {
                continue; // no month to put it in (gold never has these)
            }
            String channel = FactCodes.label(FactCodes.CHANNELS, r.get("channel_code", Integer.class));
            String type = FactCodes.label(FactCodes.TYPES, r.get("transaction_type_code", Integer.class));
            // null flags select nothing, as in gold's measures (approved_amount_abs counts a row unless it is declined)
            boolean declined = Boolean.TRUE.equals(r.get("is_declined", Boolean.class));
            boolean approved = Boolean.FALSE.equals(r.get("is_declined", Boolean.class));
            boolean fraud = Boolean.TRUE.equals(r.get("is_fraud", Boolean.class));
            boolean purchase = approved && "Purchase".equals(type);
            long n = l(r, "n");
            BigDecimal amount = FactCodes.amount(dec(r, "amount"));
            long amountN = l(r, "amount_n");
            BigDecimal zero = BigDecimal.ZERO;
            Sums sums = new Sums(n, approved ? n : 0, declined ? zero : amount, approved ? amount : zero,
                    approved ? dec(r, "amount_sq").movePointLeft(4) : zero, approved ? amountN : 0, fraud ? n : 0, declined ? n : 0,
                    fraud ? amount : zero, declined ? amount : zero, purchase ? amount : zero, purchase ? l(r, "positive") : 0,
                    approved && "Fee".equals(type) ? amount : zero);
            cells.add(new Cell(month, channel == null ? "(none)" : channel, type == null ? "(none)" : type, Sql.b(r, "is_weekend"),
                    r.get("decline_reason", String.class), r.get("product_key", Long.class), sums));
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
