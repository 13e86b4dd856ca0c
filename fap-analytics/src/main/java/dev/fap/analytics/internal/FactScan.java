package dev.fap.analytics.internal;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The five passes over {@code gold.fact_transactions} that the analyses share (the transaction cube, the fraud factor
 * combinations, the per-customer features, the fraud model input and the campaign contacts' window spend) computed
 * from one stream of the
 * fact's fixed-width front columns instead: one binary {@code COPY} of nine columns per row (the date, the customer,
 * product and merchant keys, the amount in cents, one {@code bigint} packing the channel and type codes, the hour
 * and thirteen flags, and the three short text columns), aggregated in the JVM into the same groups with exact
 * {@code long} sums (sums of squares in 128 bits). Each pass's rows are then handed back to PostgreSQL as arrays
 * ({@code unnest}) to the very statement that formatted the pass's result, so every figure is computed by the
 * same SQL expressions from the same integers as before, and equals the SQL pass's result to the last digit
 * ({@code FactScanTest} compares the two on generated data, nulls included).
 *
 * <p>Why: at 10M transactions the five passes cost ~65 s of PostgreSQL CPU (about twenty aggregates per row in the
 * features alone); shipping the front columns costs ~24 s, the JVM's aggregation ~10 s, over two connections and
 * threads at once.
 *
 * <p>Large tables are read as two halves of their pages ({@code ctid} ranges) on two connections at once, the
 * second importing the first one's snapshot ({@code pg_export_snapshot()}, {@code SET TRANSACTION SNAPSHOT}), so
 * the halves are one consistent view of the table even while a build writes it; each half is aggregated by its
 * own thread and the groups merged (the sums are exact, so the order changes no digit). Without PgJDBC (a
 * {@link Database#wrap wrapped} data source that is not PostgreSQL's driver) {@link #of} returns null and the
 * analyses run the SQL passes.
 */
final class FactScan {
    private static final Logger LOG = LoggerFactory.getLogger(FactScan.class);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    /** The flags packed two bits each (0 false, 1 true, 2 null) from bit {@link #FLAG_SHIFT} on, in this order. */
    static final List<String> FLAGS = List.of("is_fraud", "is_declined", "is_debit", "is_weekend", "is_international",
            "has_merchant", "is_high_risk_merchant", "is_high_amount_deviation", "is_high_velocity", "is_far_from_home",
            "is_high_merchant_risk_score", "is_digital_channel", "is_night");
    private static final int FRAUD = 0;
    private static final int DECLINED = 1;
    private static final int DEBIT = 2;
    private static final int WEEKEND = 3;
    private static final int INTERNATIONAL = 4;
    private static final int HAS_MERCHANT = 5;
    private static final int HIGH_RISK_MERCHANT = 6;
    private static final int HIGH_AMOUNT_DEVIATION = 7;
    private static final int DIGITAL = 11;
    private static final int NIGHT = 12;
    /** Bits 0-2 the channel code, 3-5 the type code (0: null; gold's codes are 1..5 and 1..7). */
    static final int FLAG_SHIFT = 6;
    /** {@code hour_of_day + 1} (0: null) from this bit on. */
    static final int HOUR_SHIFT = FLAG_SHIFT + 2 * 13;
    private static final int FALSE = 0;
    private static final int TRUE = 1;
    private static final int NULL = 2;

    /** The numeric columns of a streamed row, before its three texts. */
    private static final int NUMBERS = 6;

    /** Tables of at least this many pages (8 kB) are read as two halves at once. */
    static final long SPLIT_PAGES = 4096;

    /** PostgreSQL's dates count days from 2000-01-01. */
    private static final int PG_EPOCH_DAY = (int) LocalDate.of(2000, 1, 1).toEpochDay();

    /** The streamed columns; {@code where} selects a range of pages. */
    static String select(String where) {
        StringBuilder bits = new StringBuilder("coalesce(channel_code, 0)::bigint + 8 * coalesce(transaction_type_code, 0)");
        for (int i = 0; i < FLAGS.size(); i++) {
            long one = 1L << (FLAG_SHIFT + 2 * i);
            String f = FLAGS.get(i);
            bits.append(" + case when ").append(f).append(" then ").append(one).append(" when not ").append(f).append(" then 0 else ")
                    .append(2 * one).append(" end");
        }
        bits.append(" + coalesce(hour_of_day + 1, 0)::bigint * ").append(1L << HOUR_SHIFT);
        return "copy (select transaction_date, customer_key, product_key, merchant_key, amount_abs_cents, " + bits
                + " as bits, merchant_category, decline_reason, time_of_day from gold.fact_transactions" + where
                + ") to stdout (format binary)";
    }

    private final Partial all;
    private final Map<Long, String> customerIds;
    private final Map<Long, Integer> customerRank;
    private final String[] idByRank;
    private final String[] contactIds;

    private FactScan(Partial all, Map<Long, String> customerIds, Map<Long, Integer> customerRank, String[] idByRank,
                     String[] contactIds) {
        this.contactIds = contactIds;
        this.all = all;
        this.customerIds = customerIds;
        this.customerRank = customerRank;
        this.idByRank = idByRank;
    }

    /** The scan of this run (read once, shared), or null when the connection is not PgJDBC's (use the SQL passes). */
    static FactScan of(Context ctx) {
        Object scan = ctx.shared("factScan", () -> {
            FactScan s = load(ctx, SPLIT_PAGES);
            return s == null ? Boolean.FALSE : s;
        });
        return scan instanceof FactScan s ? s : null;
    }

    /** Streams and aggregates the fact table, in two halves at once when it has at least {@code splitPages} pages. */
    static FactScan load(Context ctx, long splitPages) {
        Sql sql = ctx.sql();
        FactClock clock = ctx.clock();
        List<String> regions = new ArrayList<>();
        sql.fetch(CustomerFeatures.REGIONS).forEach(r -> regions.add(r.get("region", String.class)));
        GroupTable regionOf = new GroupTable(new long[] {-1});
        for (var r : sql.fetch("select merchant_key, region from gold.dim_merchant where merchant_key is not null")) {
            int g = regionOf.group(r.get("merchant_key", Long.class), 0);
            regionOf.acc()[g] = regions.indexOf(r.get("region", String.class));
        }
        Map<Long, String> customerIds = new HashMap<>();
        Map<Long, Integer> customerRank = new HashMap<>();
        List<String> idByRank = new ArrayList<>();
        // ordered as PostgreSQL orders the ids (its collation), so the fraud input is ordered as its SQL pass orders it
        for (var r : sql.fetch("select customer_key, customer_id from gold.dim_customer where customer_key is not null "
                + "order by customer_id")) {
            String id = r.get("customer_id", String.class);
            if (idByRank.isEmpty() || !idByRank.get(idByRank.size() - 1).equals(id)) {
                idByRank.add(id);
            }
            customerIds.put(r.get("customer_key", Long.class), id);
            customerRank.put(r.get("customer_key", Long.class), idByRank.size() - 1);
        }
        // the campaign contacts' windows (CausalQueries.WINDOWS), by customer version
        List<String> contactIds = new ArrayList<>();
        Map<String, List<int[]>> windowsById = new HashMap<>();
        for (var r : sql.fetch("select ct.contact_id, ct.customer_id, ct.contact_date, ct.len from " + CausalQueries.WINDOWS + " ct",
                CausalQueries.windowBinds(ctx))) {
            LocalDate day = r.get("contact_date", LocalDate.class);
            Integer len = r.get("len", Integer.class);
            if (day == null || len == null || r.get("customer_id") == null) {
                continue; // no window: the SQL pass's join finds no transactions for it
            }
            int contact = (int) day.toEpochDay();
            windowsById.computeIfAbsent(r.get("customer_id", String.class), k -> new ArrayList<>())
                    .add(new int[] {contactIds.size(), contact - len, contact, contact + len});
            contactIds.add(r.get("contact_id", String.class));
        }
        GroupTable windowsOf = new GroupTable(new long[] {-1});
        List<int[][]> windowLists = new ArrayList<>();
        for (Map.Entry<Long, String> e : customerIds.entrySet()) {
            List<int[]> w = windowsById.get(e.getValue());
            if (w != null) {
                int g = windowsOf.group(e.getKey(), 0);
                windowsOf.acc()[g] = windowLists.size();
                windowLists.add(w.toArray(int[][]::new));
            }
        }
        Layout layout = new Layout(clock, regionOf, windowsOf, windowLists.toArray(int[][][]::new), contactIds.size());
        Database db = sql.db();
        long t0 = System.nanoTime();
        try (Connection a = db.connection()) {
            PGConnection pa;
            try {
                pa = a.unwrap(PGConnection.class);
            } catch (SQLException notPg) {
                return null;
            }
            a.setAutoCommit(false);
            try {
                String snapshot;
                long oid;
                long pages;
                try (Statement s = a.createStatement()) {
                    s.execute("set transaction isolation level repeatable read");
                    try (ResultSet r = s.executeQuery("select pg_export_snapshot(), 'gold.fact_transactions'::regclass::oid, "
                            + "pg_relation_size('gold.fact_transactions') / current_setting('block_size')::bigint")) {
                        r.next();
                        snapshot = r.getString(1);
                        oid = r.getLong(2);
                        pages = r.getLong(3);
                    }
                }
                Partial first = new Partial(layout);
                if (pages < splitPages) {
                    copy(pa, select(""), first);
                } else {
                    long mid = pages / 2;
                    Partial second = new Partial(layout);
                    FutureTask<Boolean> other = new FutureTask<>(() -> copyShared(db, snapshot, oid, select(" where ctid >= '(" + mid + ",0)'"), second));
                    Thread t = new Thread(other, Thread.currentThread().getName() + "-scan");
                    t.setDaemon(true);
                    t.start();
                    copy(pa, select(" where ctid < '(" + mid + ",0)'"), first);
                    if (!join(other)) {
                        // the table was replaced between the two transactions' starts, or no connection was free: read the
                        // second half here
                        copy(pa, select(" where ctid >= '(" + mid + ",0)'"), first);
                    } else {
                        first.merge(second);
                    }
                }
                a.commit();
                a.setAutoCommit(true);
                LOG.debug("{} ms, {} pages, {} rows: fact scan", (System.nanoTime() - t0) / 1_000_000, pages, first.rows);
                return new FactScan(first, customerIds, customerRank, idByRank.toArray(String[]::new), contactIds.toArray(String[]::new));
            } catch (RuntimeException | SQLException e) {
                end(a, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_ERROR, "streaming gold.fact_transactions failed: " + e.getMessage(),
                    "check the database; build the warehouse first (./fap build) if gold is missing", e);
        }
    }

    private static boolean join(FutureTask<Boolean> task) throws SQLException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new FapException(ErrorCode.INTERNAL, "interrupted while streaming gold.fact_transactions", "do not interrupt the analyses", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The second half on its own connection in the first one's snapshot; false if the table is no longer the same or
     * the pool has no connection to spare (then the first connection reads it).
     */
    private static boolean copyShared(Database db, String snapshot, long oid, String copy, Partial into) throws SQLException {
        Connection spare;
        try {
            spare = db.connection();
        } catch (FapException none) {
            LOG.debug("no second connection for the fact scan ({}): one stream", none.getMessage());
            return false;
        }
        try (Connection b = spare) {
            b.setAutoCommit(false);
            try (Statement s = b.createStatement()) {
                s.execute("set transaction isolation level repeatable read");
                s.execute("set transaction snapshot '" + snapshot.replace("'", "''") + "'");
                try (ResultSet r = s.executeQuery("select 'gold.fact_transactions'::regclass::oid")) {
                    r.next();
                    if (r.getLong(1) != oid) {
                        return false;
                    }
                }
                copy(b.unwrap(PGConnection.class), copy, into);
                b.commit();
                b.setAutoCommit(true);
                return true;
            } catch (RuntimeException | SQLException e) {
                end(b, e);
                throw e;
            }
        }
    }

    /** Ends the transaction of a failed stream (its errors added to {@code e}), so the connection returns to the pool clean. */
    private static void end(Connection c, Exception e) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException again) {
            e.addSuppressed(again);
        }
    }

    private static void copy(PGConnection c, String sql, Partial into) throws SQLException {
        CopyOut out = c.getCopyAPI().copyOut(sql);
        try {
            byte[] m = out.readFromCopy();
            if (m == null || m.length < 19 || m[0] != 'P') {
                throw new FapException(ErrorCode.INTERNAL, "binary COPY without its header", "report this as a bug");
            }
            int off = 19 + (int) INT.get(m, 15); // signature (11), flags (4), header extension length (4) and extension
            boolean trailer = false;
            while (m != null) {
                if (off < m.length && !trailer) {
                    trailer = !into.row(m, off); // a row per message; the trailer (-1) last
                }
                m = out.readFromCopy(); // null after the end of the COPY
                off = 0;
            }
        } catch (RuntimeException | SQLException e) {
            if (out.isActive()) {
                try {
                    out.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
    }

    /** What the groups' keys are built from: the clock (months of the features' bit sets) and the merchants' regions. */
    private record Layout(FactClock clock, GroupTable regionOf, GroupTable windowsOf, int[][][] windows, int contacts) {
        int masks() {
            return Math.max(1, (clock.months() + CustomerFeatures.MONTHS_PER_MASK - 1) / CustomerFeatures.MONTHS_PER_MASK);
        }
    }

    /** Text values as small ids (0: null), compared as UTF-8 bytes. */
    private static final class Texts {
        private final List<String> values = new ArrayList<>(List.of(""));
        private final List<byte[]> bytes = new ArrayList<>(List.of(new byte[0]));
        private int[] slots = new int[64];

        int id(byte[] m, int off, int len) {
            int h = 1;
            for (int i = off; i < off + len; i++) {
                h = 31 * h + m[i];
            }
            int mask = slots.length - 1;
            for (int i = (h ^ (h >>> 16)) & mask;; i = (i + 1) & mask) {
                int s = slots[i];
                if (s == 0) {
                    int id = values.size();
                    byte[] b = Arrays.copyOfRange(m, off, off + len);
                    bytes.add(b);
                    values.add(new String(b, StandardCharsets.UTF_8));
                    slots[i] = id;
                    if (id * 2 > slots.length) {
                        rehash();
                    }
                    return id;
                }
                if (Arrays.equals(bytes.get(s), 0, bytes.get(s).length, m, off, off + len)) {
                    return s;
                }
            }
        }

        int id(String value) {
            if (value == null) {
                return 0;
            }
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            return id(b, 0, b.length);
        }

        String value(int id) {
            return id == 0 ? null : values.get(id);
        }

        private void rehash() {
            int[] old = slots;
            slots = new int[old.length * 2];
            int mask = slots.length - 1;
            for (int id : old) {
                if (id != 0) {
                    byte[] b = bytes.get(id);
                    int h = 1;
                    for (byte x : b) {
                        h = 31 * h + x;
                    }
                    int i = (h ^ (h >>> 16)) & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = id;
                }
            }
        }
    }

    // accumulators of the cube's cells
    private static final int C_N = 0;
    private static final int C_AMOUNT = 1;
    private static final int C_AMOUNT_N = 2;
    private static final int C_SQ_LO = 3;
    private static final int C_SQ_HI = 4;
    private static final int C_POSITIVE = 5;
    // of the fraud factor combinations
    private static final int F_N = 0;
    private static final int F_EVENTS = 1;
    private static final int F_VOLUME = 2;
    private static final int F_SPEND_N = 3;
    private static final int F_SPEND = 4;
    private static final int F_TIME_OF_DAY = 5;
    private static final int F_HIGH_RISK = 6;
    // of the features per customer version and merchant category
    private static final int K_N = 0;
    private static final int K_LAST_DAY = 1;
    private static final int K_LAST_APPROVED = 2;
    private static final int K_SPEND = 3;
    private static final int K_PURCHASE = 4;
    private static final int K_FEES = 5;
    private static final int K_TICKET_N = 6;
    private static final int K_DIGITAL = 7;
    private static final int K_DIGITAL_N = 8;
    private static final int K_INTL = 9;
    private static final int K_INTL_N = 10;
    private static final int K_NIGHT = 11;
    private static final int K_NIGHT_N = 12;
    private static final int K_DECLINED = 13;
    private static final int K_SPEND_N = 14;
    private static final int K_REGIONS = 15;
    private static final int K_MASKS = 16;

    /** The groups of one stream (one half of the table). */
    private static final class Partial {
        final Layout layout;
        final Texts texts = new Texts();
        final GroupTable cube = new GroupTable(new long[6]);
        final GroupTable factors = new GroupTable(new long[] {0, 0, 0, 0, 0, 0, NULL});
        final GroupTable customers;
        final GroupTable fraud = new GroupTable(new long[1]);
        final int masks;
        final int startMonth;
        /** Approved purchase cents per contact window, before and after the contact. */
        final long[] pre;
        final long[] post;
        long rows;
        /** The current row's numeric columns and whether each is not null, and its text ids. */
        private final long[] number = new long[NUMBERS];
        private final boolean[] present = new boolean[NUMBERS];
        private final int[] text = new int[3];
        private int lastPgDay = Integer.MIN_VALUE;
        private int lastYyyymm;
        private int lastEpochDay;

        Partial(Layout layout) {
            this.layout = layout;
            this.masks = layout.masks();
            long[] t = new long[K_MASKS + masks];
            t[K_LAST_DAY] = Long.MIN_VALUE;
            t[K_LAST_APPROVED] = Long.MIN_VALUE;
            this.customers = new GroupTable(t);
            this.pre = new long[layout.contacts()];
            this.post = new long[layout.contacts()];
            LocalDate s = layout.clock().startDate();
            this.startMonth = s.getYear() * 12 + s.getMonthValue();
        }

        /** One row at {@code off} of a COPY message; false for the trailer. */
        boolean row(byte[] m, int off) {
            int fields = (short) SHORT.get(m, off);
            if (fields == -1) {
                return false;
            }
            if (fields != 9) {
                throw new FapException(ErrorCode.INTERNAL, "binary COPY row with " + fields + " fields, expected 9", "report this as a bug");
            }
            off += 2;
            // the date (4 bytes), the customer, product and merchant keys and the cents (8 bytes), the bits (8 bytes, never null)
            for (int k = 0; k < NUMBERS; k++) {
                int len = (int) INT.get(m, off);
                off += 4;
                present[k] = len >= 0;
                if (len > 0) {
                    number[k] = len == 4 ? (int) INT.get(m, off) : (long) LONG.get(m, off);
                    off += len;
                }
            }
            // the texts as ids (0: null): merchant category, decline reason, time of day
            for (int k = 0; k < 3; k++) {
                int len = (int) INT.get(m, off);
                off += 4;
                text[k] = len < 0 ? 0 : texts.id(m, off, len);
                off += Math.max(len, 0);
            }
            boolean hasDay = present[0];
            int pgDay = (int) number[0];
            boolean hasCustomer = present[1];
            long customer = number[1];
            boolean hasProduct = present[2];
            long product = number[2];
            boolean hasMerchant = present[3];
            long merchant = number[3];
            boolean hasCents = present[4];
            long cents = number[4];
            long bits = number[5];
            int category = text[0];
            int reason = text[1];
            int timeOfDay = text[2];
            rows++;

            int channel = (int) (bits & 7);
            int type = (int) ((bits >>> 3) & 7);
            int hour1 = (int) (bits >>> HOUR_SHIFT);
            int fraudFlag = flag(bits, FRAUD);
            int declined = flag(bits, DECLINED);
            int debit = flag(bits, DEBIT);
            int international = flag(bits, INTERNATIONAL);
            boolean approved = declined == FALSE; // gold: is_approved is "not is_declined" (not streamed)
            boolean approvedDebit = approved && debit == TRUE;
            int yyyymm = 0;
            int epochDay = 0;
            if (hasDay) {
                if (pgDay != lastPgDay) {
                    lastPgDay = pgDay;
                    lastEpochDay = pgDay + PG_EPOCH_DAY;
                    LocalDate d = LocalDate.ofEpochDay(lastEpochDay);
                    lastYyyymm = d.getYear() * 100 + d.getMonthValue();
                }
                yyyymm = lastYyyymm;
                epochDay = lastEpochDay;
            }

            // the transaction cube (TransactionCube.QUERY; yyyymm 0: no date, a null month)
            {
                if (reason > 0xFFFF) {
                    throw new FapException(ErrorCode.ANALYSIS_FAILED, "more than 65535 distinct decline reasons in gold.fact_transactions",
                            "check silver's decline_reason cleaning");
                }
                long k1 = ((long) yyyymm << 32) | ((long) reason << 16) | (hasProduct ? 0 : 1 << 12) | (flag(bits, WEEKEND) << 10)
                        | (channel << 7) | (type << 4) | (declined << 2) | fraudFlag;
                int g = cube.group(k1, hasProduct ? product : 0) * 6;
                long[] a = cube.acc();
                a[g + C_N]++;
                if (hasCents) {
                    a[g + C_AMOUNT] = Math.addExact(a[g + C_AMOUNT], cents);
                    a[g + C_AMOUNT_N]++;
                    if (cents > 0) {
                        a[g + C_POSITIVE]++;
                    }
                    if (approved) {
                        add128(a, g + C_SQ_LO, Math.multiplyExact(cents, cents));
                    }
                }
            }

            // the fraud factor combinations (DiagnosticQueries.FRAUD_BY_FACTORS)
            {
                long k1 = ((long) hour1 << 32) | ((long) category << 8) | (channel << 5) | (international << 3)
                        | (flag(bits, HAS_MERCHANT) << 1) | (hasMerchant ? 0 : 1);
                int gi = factors.group(k1, hasMerchant ? merchant : 0);
                int g = gi * 7;
                long[] a = factors.acc();
                a[g + F_N]++;
                if (fraudFlag == TRUE) {
                    a[g + F_EVENTS]++;
                }
                if (hasCents && declined != TRUE) {
                    a[g + F_VOLUME] = Math.addExact(a[g + F_VOLUME], cents);
                }
                if (approvedDebit) {
                    a[g + F_SPEND_N]++;
                    if (hasCents) {
                        a[g + F_SPEND] = Math.addExact(a[g + F_SPEND], cents);
                    }
                }
                if (a[g + F_TIME_OF_DAY] == 0) {
                    a[g + F_TIME_OF_DAY] = timeOfDay; // any_value: any non-null value of the group
                }
                if (a[g + F_HIGH_RISK] == NULL) {
                    a[g + F_HIGH_RISK] = flag(bits, HIGH_RISK_MERCHANT);
                }
            }

            if (!hasCustomer) {
                return true; // the features and the fraud input join the customer versions
            }
            // the features per customer version and merchant category (CustomerFeatures.query, its tk)
            {
                int w = K_MASKS + masks;
                int g = customers.group(customer, category) * w;
                long[] a = customers.acc();
                a[g + K_N]++;
                if (hasDay) {
                    a[g + K_LAST_DAY] = Math.max(a[g + K_LAST_DAY], epochDay);
                    if (approved) {
                        a[g + K_LAST_APPROVED] = Math.max(a[g + K_LAST_APPROVED], epochDay);
                    }
                    int month = yyyymm / 100 * 12 + yyyymm % 100 - startMonth;
                    a[g + K_MASKS + month / CustomerFeatures.MONTHS_PER_MASK] |= 1L << (month % CustomerFeatures.MONTHS_PER_MASK);
                }
                if (hasCents && approvedDebit) {
                    a[g + K_SPEND] = Math.addExact(a[g + K_SPEND], cents);
                }
                if (hasCents && declined == FALSE && type == FactCodes.PURCHASE) {
                    a[g + K_PURCHASE] = Math.addExact(a[g + K_PURCHASE], cents);
                }
                if (hasCents && declined == FALSE && type == FactCodes.FEE) {
                    a[g + K_FEES] = Math.addExact(a[g + K_FEES], cents);
                }
                if (approvedDebit) {
                    a[g + K_TICKET_N]++;
                }
                int digital = flag(bits, DIGITAL);
                if (digital != NULL) {
                    a[g + K_DIGITAL_N]++;
                    a[g + K_DIGITAL] += digital;
                }
                if (international != NULL) {
                    a[g + K_INTL_N]++;
                    a[g + K_INTL] += international;
                }
                int night = flag(bits, NIGHT);
                if (night != NULL) {
                    a[g + K_NIGHT_N]++;
                    a[g + K_NIGHT] += night;
                }
                if (declined == TRUE) {
                    a[g + K_DECLINED]++;
                }
                if (approvedDebit && hasMerchant) {
                    int rg = layout.regionOf().find(merchant, 0);
                    long ri = rg < 0 ? -1 : layout.regionOf().acc()[rg];
                    if (ri >= 0) {
                        a[g + K_SPEND_N]++;
                        if (ri < CustomerFeatures.MAX_REGIONS) {
                            a[g + K_REGIONS] |= 1L << ri;
                        }
                    }
                }
            }

            // the campaign windows' approved purchase spend (CausalQueries.WINDOW_SPEND)
            if (type == FactCodes.PURCHASE && approved && hasDay && hasCents) {
                int wg = layout.windowsOf().find(customer, 0);
                if (wg >= 0) {
                    for (int[] w : layout.windows()[(int) layout.windowsOf().acc()[wg]]) {
                        if (epochDay >= w[1] && epochDay < w[2]) {
                            pre[w[0]] = Math.addExact(pre[w[0]], cents);
                        } else if (epochDay >= w[2] && epochDay < w[3]) {
                            post[w[0]] = Math.addExact(post[w[0]], cents);
                        }
                    }
                }
            }

            // the fraud model input (PredictiveQueries.FRAUD_INPUT): purchases per customer version and signal code
            if (type == FactCodes.PURCHASE) {
                int code = hour1 == 0 ? NULL : hour1 - 1 <= 5 ? TRUE : FALSE;
                code = code * 3 + (channel == 0 ? NULL : channel == FactCodes.ONLINE ? TRUE : FALSE);
                for (int i = HIGH_AMOUNT_DEVIATION; i < HIGH_AMOUNT_DEVIATION + 4; i++) {
                    code = code * 3 + flag(bits, i);
                }
                code = code * 3 + fraudFlag;
                int g = fraud.group(customer, code); // before acc(): the group may grow it
                fraud.acc()[g]++;
            }
            return true;
        }

        private static int flag(long bits, int i) {
            return (int) ((bits >>> (FLAG_SHIFT + 2 * i)) & 3);
        }

        /** Adds the groups of {@code o} (another half of the table) to these. */
        void merge(Partial o) {
            rows += o.rows;
            int[] text = new int[o.texts.values.size()];
            for (int i = 1; i < text.length; i++) {
                text[i] = texts.id(o.texts.value(i));
            }
            for (int h = 0; h < o.cube.size(); h++) {
                long k1 = o.cube.key1(h);
                int reason = (int) ((k1 >>> 16) & 0xFFFF);
                k1 = (k1 & ~(0xFFFFL << 16)) | ((long) text[reason] << 16);
                int g = cube.group(k1, o.cube.key2(h)) * 6;
                long[] a = cube.acc();
                long[] b = o.cube.acc();
                int f = h * 6;
                a[g + C_N] += b[f + C_N];
                a[g + C_AMOUNT] = Math.addExact(a[g + C_AMOUNT], b[f + C_AMOUNT]);
                a[g + C_AMOUNT_N] += b[f + C_AMOUNT_N];
                a[g + C_POSITIVE] += b[f + C_POSITIVE];
                add128(a, g + C_SQ_LO, b[f + C_SQ_LO]);
                a[g + C_SQ_HI] = Math.addExact(a[g + C_SQ_HI], b[f + C_SQ_HI]);
            }
            for (int h = 0; h < o.factors.size(); h++) {
                long k1 = o.factors.key1(h);
                int category = (int) ((k1 >>> 8) & 0xFFFFFF);
                k1 = (k1 & ~(0xFFFFFFL << 8)) | ((long) text[category] << 8);
                int g = factors.group(k1, o.factors.key2(h)) * 7;
                long[] a = factors.acc();
                long[] b = o.factors.acc();
                int f = h * 7;
                a[g + F_N] += b[f + F_N];
                a[g + F_EVENTS] += b[f + F_EVENTS];
                a[g + F_VOLUME] = Math.addExact(a[g + F_VOLUME], b[f + F_VOLUME]);
                a[g + F_SPEND_N] += b[f + F_SPEND_N];
                a[g + F_SPEND] = Math.addExact(a[g + F_SPEND], b[f + F_SPEND]);
                if (a[g + F_TIME_OF_DAY] == 0) {
                    a[g + F_TIME_OF_DAY] = text[(int) b[f + F_TIME_OF_DAY]];
                }
                if (a[g + F_HIGH_RISK] == NULL) {
                    a[g + F_HIGH_RISK] = b[f + F_HIGH_RISK];
                }
            }
            int w = K_MASKS + masks;
            for (int h = 0; h < o.customers.size(); h++) {
                int g = customers.group(o.customers.key1(h), text[(int) o.customers.key2(h)]) * w;
                long[] a = customers.acc();
                long[] b = o.customers.acc();
                int f = h * w;
                for (int j = 0; j < w; j++) {
                    switch (j) {
                        case K_LAST_DAY, K_LAST_APPROVED -> a[g + j] = Math.max(a[g + j], b[f + j]);
                        case K_REGIONS -> a[g + j] |= b[f + j];
                        default -> a[g + j] = j >= K_MASKS ? a[g + j] | b[f + j] : Math.addExact(a[g + j], b[f + j]);
                    }
                }
            }
            for (int c = 0; c < pre.length; c++) {
                pre[c] = Math.addExact(pre[c], o.pre[c]);
                post[c] = Math.addExact(post[c], o.post[c]);
            }
            for (int h = 0; h < o.fraud.size(); h++) {
                int g = fraud.group(o.fraud.key1(h), o.fraud.key2(h));
                fraud.acc()[g] += o.fraud.acc()[h];
            }
        }
    }

    /** Adds {@code v} ≥ 0 to the 128-bit number {@code a[i]} (low 64 bits, unsigned) and {@code a[i + 1]} (high). */
    private static void add128(long[] a, int i, long v) {
        long lo = a[i] + v;
        if (Long.compareUnsigned(lo, a[i]) < 0) {
            a[i + 1]++;
        }
        a[i] = lo;
    }

    private static BigInteger int128(long lo, long hi) {
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }

    private static Boolean bool(long tri) {
        return tri == NULL ? null : tri == TRUE;
    }

    /** A relation and its array binds, to stand where a pass's {@code GROUP BY} over the fact table stood. */
    record Relation(String sql, Object[] binds) {
    }

    /** The cube's cells with the columns of {@link TransactionCube#QUERY}. */
    Relation cube() {
        GroupTable t = all.cube;
        int n = t.size();
        Integer[] month = new Integer[n];
        Boolean[] weekend = new Boolean[n];
        Integer[] channel = new Integer[n];
        Integer[] type = new Integer[n];
        Boolean[] declined = new Boolean[n];
        String[] reason = new String[n];
        Boolean[] fraud = new Boolean[n];
        Long[] product = new Long[n];
        Long[] count = new Long[n];
        String[] amount = new String[n];
        Long[] amountN = new Long[n];
        String[] sq = new String[n];
        Long[] positive = new Long[n];
        long[] a = t.acc();
        for (int g = 0; g < n; g++) {
            long k1 = t.key1(g);
            month[g] = k1 >>> 32 == 0 ? null : (int) (k1 >>> 32);
            reason[g] = all.texts.value((int) ((k1 >>> 16) & 0xFFFF));
            product[g] = (k1 & (1 << 12)) != 0 ? null : t.key2(g);
            weekend[g] = bool((k1 >>> 10) & 3);
            channel[g] = code((k1 >>> 7) & 7);
            type[g] = code((k1 >>> 4) & 7);
            declined[g] = bool((k1 >>> 2) & 3);
            fraud[g] = bool(k1 & 3);
            int f = g * 6;
            count[g] = a[f + C_N];
            amount[g] = Long.toString(a[f + C_AMOUNT]);
            amountN[g] = a[f + C_AMOUNT_N];
            sq[g] = int128(a[f + C_SQ_LO], a[f + C_SQ_HI]).toString();
            positive[g] = a[f + C_POSITIVE];
        }
        return new Relation("""
                select * from unnest(?::int[], ?::boolean[], ?::smallint[], ?::smallint[], ?::boolean[], ?::text[], ?::boolean[],
                                     ?::bigint[], ?::bigint[], ?::numeric[], ?::bigint[], ?::numeric[], ?::bigint[])
                       as t(month, is_weekend, channel_code, transaction_type_code, is_declined, decline_reason, is_fraud, product_key,
                            n, amount, amount_n, amount_sq, positive)""",
                new Object[] {month, weekend, channel, type, declined, reason, fraud, product, count, amount, amountN, sq, positive});
    }

    private static Integer code(long c) {
        return c == 0 ? null : (int) c;
    }

    /** The fraud factor combinations with the columns of the inner relation of {@link DiagnosticQueries#FRAUD_BY_FACTORS}. */
    Relation factors() {
        GroupTable t = all.factors;
        int n = t.size();
        Integer[] channel = new Integer[n];
        Integer[] hour = new Integer[n];
        String[] category = new String[n];
        Boolean[] international = new Boolean[n];
        Boolean[] hasMerchant = new Boolean[n];
        Long[] merchant = new Long[n];
        String[] timeOfDay = new String[n];
        Boolean[] highRisk = new Boolean[n];
        Long[] count = new Long[n];
        Long[] events = new Long[n];
        Long[] volume = new Long[n];
        Long[] spendN = new Long[n];
        Long[] spend = new Long[n];
        long[] a = t.acc();
        for (int g = 0; g < n; g++) {
            long k1 = t.key1(g);
            int hour1 = (int) (k1 >>> 32);
            hour[g] = hour1 == 0 ? null : hour1 - 1;
            category[g] = all.texts.value((int) ((k1 >>> 8) & 0xFFFFFF));
            channel[g] = code((k1 >>> 5) & 7);
            international[g] = bool((k1 >>> 3) & 3);
            hasMerchant[g] = bool((k1 >>> 1) & 3);
            merchant[g] = (k1 & 1) != 0 ? null : t.key2(g);
            int f = g * 7;
            count[g] = a[f + F_N];
            events[g] = a[f + F_EVENTS];
            volume[g] = a[f + F_VOLUME];
            spendN[g] = a[f + F_SPEND_N];
            spend[g] = a[f + F_SPEND];
            timeOfDay[g] = all.texts.value((int) a[f + F_TIME_OF_DAY]);
            highRisk[g] = bool(a[f + F_HIGH_RISK]);
        }
        return new Relation("""
                select * from unnest(?::smallint[], ?::int[], ?::text[], ?::boolean[], ?::boolean[], ?::bigint[], ?::text[], ?::boolean[],
                                     ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                       as t(channel_code, hour_of_day, merchant_category, is_international, has_merchant, merchant_key, time_of_day,
                            is_high_risk_merchant, n, events, volume, spend_n, spend)""",
                new Object[] {channel, hour, category, international, hasMerchant, merchant, timeOfDay, highRisk, count, events, volume,
                    spendN, spend});
    }

    /** Each contact window's approved purchase spend in cents, as the relation {@link CausalQueries#WINDOW_SPEND} gives it. */
    Relation contactSpend() {
        Long[] pre = new Long[contactIds.length];
        Long[] post = new Long[contactIds.length];
        for (int w = 0; w < contactIds.length; w++) {
            pre[w] = all.pre[w];
            post[w] = all.post[w];
        }
        return new Relation("select * from unnest(?::text[], ?::bigint[], ?::bigint[]) as s(contact_id, pre, post)",
                new Object[] {contactIds, pre, post});
    }

    /**
     * The fraud model input ({@link PredictiveQueries#FRAUD_INPUT}'s rows): the purchases per customer version and code
     * summed per customer id, ordered by customer id (in the database's collation: the ids' order as PostgreSQL sorts
     * them) and code.
     */
    PredictiveQueries.FraudRows fraudRows() {
        GroupTable t = all.fraud;
        GroupTable byId = new GroupTable(new long[1]);
        for (int g = 0; g < t.size(); g++) {
            Integer rank = customerRank.get(t.key1(g));
            if (rank != null) { // a version missing from dim_customer: the join leaves it out
                int h = byId.group(rank, t.key2(g));
                byId.acc()[h] += t.acc()[g];
            }
        }
        Integer[] order = new Integer[byId.size()];
        for (int h = 0; h < order.length; h++) {
            order[h] = h;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer h) -> byId.key1(h)).thenComparingLong(byId::key2));
        PredictiveQueries.FraudRows out = new PredictiveQueries.FraudRows(new String[order.length], new int[order.length],
                new long[order.length]);
        for (int i = 0; i < order.length; i++) {
            out.customerId()[i] = idByRank[(int) byId.key1(order[i])];
            out.code()[i] = (int) byId.key2(order[i]);
            out.n()[i] = byId.acc()[order[i]];
        }
        return out;
    }

    /**
     * The features' per-customer sums ({@code tx} of {@link CustomerFeatures#query}) rolled up in the JVM from the groups per
     * customer version and merchant category, through the versions' customer ids; and the merchant categories of each
     * customer's approved debit spending with a merchant (sorted, null last, as {@code array_agg(distinct ...)}).
     */
    CustomerSums customerSums() {
        GroupTable t = all.customers;
        int w = t.width();
        int masks = all.masks;
        Map<String, long[]> sums = new HashMap<>();
        Map<String, TreeSet<Integer>> categories = new HashMap<>();
        Map<String, TreeSet<String>> spendCategories = new HashMap<>();
        Map<String, Boolean> spendNull = new HashMap<>();
        long[] a = t.acc();
        for (int g = 0; g < t.size(); g++) {
            String id = customerIds.get(t.key1(g));
            if (id == null) {
                continue; // a version missing from dim_customer: the join leaves it out
            }
            long[] s = sums.get(id);
            int f = g * w;
            if (s == null) {
                sums.put(id, Arrays.copyOfRange(a, f, f + w));
            } else {
                for (int j = 0; j < w; j++) {
                    switch (j) {
                        case K_LAST_DAY, K_LAST_APPROVED -> s[j] = Math.max(s[j], a[f + j]);
                        case K_REGIONS -> s[j] |= a[f + j];
                        default -> s[j] = j >= K_MASKS ? s[j] | a[f + j] : Math.addExact(s[j], a[f + j]);
                    }
                }
            }
            int category = (int) t.key2(g);
            if (category != 0) {
                categories.computeIfAbsent(id, k -> new TreeSet<>()).add(category);
            }
            if (a[f + K_SPEND_N] > 0) {
                if (category == 0) {
                    spendNull.put(id, true);
                } else {
                    spendCategories.computeIfAbsent(id, k -> new TreeSet<>()).add(all.texts.value(category));
                }
            }
        }
        int n = sums.size();
        String[] ids = sums.keySet().toArray(String[]::new);
        Object[] cols = new Object[4 + masks + 13];
        Long[][] longs = new Long[1 + masks + 13][n];
        String[] lastDay = new String[n];
        String[] lastApproved = new String[n];
        Map<String, String[]> spendOut = new HashMap<>();
        int[] order = {K_SPEND, K_PURCHASE, K_FEES, K_TICKET_N, K_DIGITAL, K_DIGITAL_N, K_INTL, K_INTL_N, K_NIGHT, K_NIGHT_N, K_DECLINED};
        for (int i = 0; i < n; i++) {
            long[] s = sums.get(ids[i]);
            longs[0][i] = s[K_N];
            lastDay[i] = s[K_LAST_DAY] == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(s[K_LAST_DAY]).toString();
            lastApproved[i] = s[K_LAST_APPROVED] == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(s[K_LAST_APPROVED]).toString();
            for (int j = 0; j < masks; j++) {
                longs[1 + j][i] = s[K_MASKS + j] == 0 ? null : s[K_MASKS + j]; // bit_or of no rows is null
            }
            for (int j = 0; j < order.length; j++) {
                longs[1 + masks + j][i] = s[order[j]];
            }
            TreeSet<Integer> cats = categories.get(ids[i]);
            longs[1 + masks + order.length][i] = cats == null ? 0L : (long) cats.size();
            longs[2 + masks + order.length][i] = s[K_REGIONS] == 0 ? null : s[K_REGIONS];
            TreeSet<String> spent = spendCategories.get(ids[i]);
            boolean withNull = spendNull.containsKey(ids[i]);
            if (spent != null || withNull) {
                List<String> list = new ArrayList<>(spent == null ? List.of() : spent);
                if (withNull) {
                    list.add(null);
                }
                spendOut.put(ids[i], list.toArray(String[]::new));
            }
        }
        cols[0] = ids;
        cols[1] = longs[0];
        cols[2] = lastDay;
        cols[3] = lastApproved;
        for (int j = 1; j < longs.length; j++) {
            cols[3 + j] = longs[j];
        }
        return new CustomerSums(cols, spendOut);
    }

    /**
     * Per customer id: the columns {@code customer_id, n, last_day, last_approved, m0.., spend, purchase, fees, ticket_n,
     * digital, digital_n, intl, intl_n, night, night_n, declined} (cents and counts), {@code cats, spend_regions}, as
     * arrays for {@code unnest}; and the categories of the approved debit spending.
     */
    record CustomerSums(Object[] columns, Map<String, String[]> spendCategories) {
    }

    /** The rows read (both halves). */
    long rows() {
        return all.rows;
    }
}
