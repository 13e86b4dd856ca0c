package dev.fap.generator.internal;

import static dev.fap.generator.DirtyManifest.Defect.ABSURD_AMOUNT;
import static dev.fap.generator.DirtyManifest.Defect.DUPLICATE;
import static dev.fap.generator.DirtyManifest.Defect.FUTURE_DATE;
import static dev.fap.generator.DirtyManifest.Defect.MALFORMED_EMAIL;
import static dev.fap.generator.DirtyManifest.Defect.MALFORMED_PHONE;
import static dev.fap.generator.DirtyManifest.Defect.MISSING_KEY;
import static dev.fap.generator.DirtyManifest.Defect.NEGATIVE_AMOUNT;
import static dev.fap.generator.DirtyManifest.Defect.ORPHAN_REFERENCE;
import static dev.fap.generator.DirtyManifest.Defect.STRAY_WHITESPACE;
import static dev.fap.generator.DirtyManifest.Defect.UNKNOWN_CODE;
import static dev.fap.generator.DirtyManifest.Defect.WRONG_CASE;

import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.DirtyManifest;
import dev.fap.generator.DirtyManifest.Defect;
import dev.fap.generator.rows.BronzeRecord;
import dev.fap.generator.rows.RecordValues;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spoils a share of the rows of every table on their way to the sink and records each one in the
 * manifest. Whether row {@code i} of a table is spoiled, and how, depends only on (seed, batch,
 * table, i), so the manifest is exact and reproducible. A {@link Defect#DUPLICATE} emits the row
 * twice; the manifest names the second copy.
 */
public final class DirtyInjector implements RowSink {
    private record Option(Defect defect, String column) {}

    private static final Map<BronzeTable, List<Option>> OPTIONS = options();

    private final DatasetSpec spec;
    private final Window window;
    private final RowSink next;
    private final long[] seen = new long[BronzeTable.values().length];
    private final long[] written = new long[BronzeTable.values().length];
    private final List<DirtyManifest.Entry> entries = new ArrayList<>();

    public DirtyInjector(DatasetSpec spec, Window window, RowSink next, World world) {
        this.spec = spec;
        this.window = window;
        this.next = next;
    }

    @Override
    public void accept(BronzeRecord row) {
        BronzeTable t = row.table();
        long index = seen[t.ordinal()]++;
        Rng r = Rng.of(spec.seed(), Streams.DIRTY, window.batch(), t.ordinal(), index);
        if (!r.chance(spec.dirtyRate())) {
            forward(row);
            return;
        }
        List<Option> options = OPTIONS.get(t);
        Option o = options.get(r.nextInt(options.size()));
        String key = row.key();
        if (o.defect() == DUPLICATE) {
            forward(row);
            forward(row);
            entries.add(new DirtyManifest.Entry(t, written[t.ordinal()], key, DUPLICATE, t.primaryKey(), "copy of row "
                    + (written[t.ordinal()] - 1)));
            return;
        }
        int col = t.indexOf(o.column());
        Object[] v = row.values();
        Object spoiled = spoil(o, v[col], r);
        v[col] = spoiled;
        forward((BronzeRecord) RecordValues.create(((Record) row).getClass(), v));
        entries.add(new DirtyManifest.Entry(t, written[t.ordinal()], key, o.defect(), o.column(), String.valueOf(spoiled)));
    }

    private void forward(BronzeRecord row) {
        written[row.table().ordinal()]++;
        next.accept(row);
    }

    /** The manifest of everything spoiled so far. */
    public List<DirtyManifest.Entry> finish() {
        return List.copyOf(entries);
    }

    private Object spoil(Option o, Object value, Rng r) {
        return switch (o.defect()) {
            case MISSING_KEY -> null;
            case NEGATIVE_AMOUNT -> value instanceof Double d ? (d == 0 ? -1.0 : -d) : value;
            // away from zero whatever the sign, so an absurd amount is always at least a million in size
            case ABSURD_AMOUNT -> value instanceof Double d ? Math.copySign(Math.abs(d == 0 ? 1.0 : d) * 1000 + 999_999.99, d) : value;
            case UNKNOWN_CODE -> r.pick(new String[] {"Telepathy", "UNKNOWN", "N/A", "???", "Other2"});
            case FUTURE_DATE -> {
                long days = 365 + r.nextInt(730);
                if (value instanceof LocalDateTime ts) {
                    yield LocalDate.ofEpochDay(window.toDay() + days).atTime(ts.toLocalTime());
                }
                yield LocalDate.ofEpochDay(window.toDay() + days);
            }
            case ORPHAN_REFERENCE -> orphan((String) value);
            case MALFORMED_EMAIL -> {
                String s = (String) value;
                yield r.chance(0.5) ? s.replace("@", "") : s.substring(0, s.indexOf('@') + 1);
            }
            case MALFORMED_PHONE -> r.chance(0.5) ? "555-01" : "(" + r.between(100, 999) + ") 12-34X";
            case STRAY_WHITESPACE -> "  " + value + " ";
            case WRONG_CASE -> wrongCase((String) value, r.chance(0.5));
            case DUPLICATE -> value;
        };
    }

    /** Upper or lower case, whichever differs from the value (preferring {@code upper} when both do). */
    private static String wrongCase(String v, boolean upper) {
        String up = v.toUpperCase(Locale.ROOT);
        String low = v.toLowerCase(Locale.ROOT);
        if (upper && !up.equals(v) || low.equals(v)) {
            return up;
        }
        return low;
    }

    /** Same prefix and width as a real id, number zero: never generated, so never resolvable. */
    static String orphan(String id) {
        if (id == null || id.isEmpty()) {
            return "X0";
        }
        return id.charAt(0) + "0".repeat(id.length() - 1);
    }

    private static Map<BronzeTable, List<Option>> options() {
        Map<BronzeTable, List<Option>> m = new EnumMap<>(BronzeTable.class);
        m.put(BronzeTable.PRODUCTS, List.of(o(MISSING_KEY, "product_id"), o(DUPLICATE, null), o(NEGATIVE_AMOUNT, "monthly_fee"),
                o(WRONG_CASE, "category")));
        m.put(BronzeTable.MERCHANTS, List.of(o(MISSING_KEY, "merchant_id"), o(DUPLICATE, null), o(UNKNOWN_CODE, "risk_rating"),
                o(STRAY_WHITESPACE, "merchant_name"), o(WRONG_CASE, "category"), o(NEGATIVE_AMOUNT, "avg_transaction_amount")));
        m.put(BronzeTable.CUSTOMERS, List.of(o(MISSING_KEY, "customer_id"), o(DUPLICATE, null), o(MALFORMED_EMAIL, "email"),
                o(MALFORMED_PHONE, "phone"), o(STRAY_WHITESPACE, "last_name"), o(WRONG_CASE, "customer_segment"),
                o(UNKNOWN_CODE, "employment_status"), o(FUTURE_DATE, "signup_date"), o(NEGATIVE_AMOUNT, "annual_income"),
                o(ABSURD_AMOUNT, "annual_income")));
        m.put(BronzeTable.ACCOUNTS, List.of(o(MISSING_KEY, "account_id"), o(DUPLICATE, null), o(ORPHAN_REFERENCE, "customer_id"),
                o(ORPHAN_REFERENCE, "product_id"), o(UNKNOWN_CODE, "account_status"), o(FUTURE_DATE, "open_date"),
                o(WRONG_CASE, "account_status")));
        m.put(BronzeTable.TRANSACTIONS, List.of(o(MISSING_KEY, "transaction_id"), o(DUPLICATE, null),
                o(ORPHAN_REFERENCE, "account_id"), o(ORPHAN_REFERENCE, "customer_id"), o(ORPHAN_REFERENCE, "merchant_id"),
                o(NEGATIVE_AMOUNT, "amount"), o(ABSURD_AMOUNT, "amount"), o(UNKNOWN_CODE, "channel"),
                o(UNKNOWN_CODE, "transaction_type"), o(FUTURE_DATE, "transaction_date"), o(STRAY_WHITESPACE, "channel"),
                o(WRONG_CASE, "transaction_type")));
        m.put(BronzeTable.CREDIT_APPLICATIONS, List.of(o(MISSING_KEY, "application_id"), o(DUPLICATE, null),
                o(ORPHAN_REFERENCE, "customer_id"), o(UNKNOWN_CODE, "decision"), o(NEGATIVE_AMOUNT, "requested_amount"),
                o(FUTURE_DATE, "application_date")));
        m.put(BronzeTable.FRAUD_ALERTS, List.of(o(MISSING_KEY, "alert_id"), o(DUPLICATE, null), o(ORPHAN_REFERENCE, "transaction_id"),
                o(NEGATIVE_AMOUNT, "amount_recovered"), o(UNKNOWN_CODE, "alert_severity"), o(FUTURE_DATE, "alert_date")));
        m.put(BronzeTable.CUSTOMER_INTERACTIONS, List.of(o(MISSING_KEY, "interaction_id"), o(DUPLICATE, null),
                o(ORPHAN_REFERENCE, "customer_id"), o(UNKNOWN_CODE, "interaction_type"), o(FUTURE_DATE, "interaction_date"),
                o(STRAY_WHITESPACE, "reason")));
        m.put(BronzeTable.ECONOMIC_INDICATORS, List.of(o(DUPLICATE, null), o(NEGATIVE_AMOUNT, "sp500_index")));
        m.put(BronzeTable.MARKETING_CAMPAIGNS, List.of(o(MISSING_KEY, "campaign_id"), o(DUPLICATE, null),
                o(ORPHAN_REFERENCE, "product_promoted"), o(NEGATIVE_AMOUNT, "budget"), o(UNKNOWN_CODE, "campaign_type")));
        m.put(BronzeTable.LOAN_PAYMENTS, List.of(o(MISSING_KEY, "payment_id"), o(DUPLICATE, null), o(ORPHAN_REFERENCE, "account_id"),
                o(NEGATIVE_AMOUNT, "scheduled_amount"), o(ABSURD_AMOUNT, "scheduled_amount"), o(UNKNOWN_CODE, "payment_method"),
                o(FUTURE_DATE, "scheduled_date")));
        m.put(BronzeTable.CUSTOMER_CHANGES, List.of(o(MISSING_KEY, "change_id"), o(DUPLICATE, null), o(ORPHAN_REFERENCE, "customer_id"),
                o(FUTURE_DATE, "change_date"), o(UNKNOWN_CODE, "attribute")));
        m.put(BronzeTable.CAMPAIGN_CONTACTS, List.of(o(MISSING_KEY, "contact_id"), o(DUPLICATE, null),
                o(ORPHAN_REFERENCE, "customer_id"), o(ORPHAN_REFERENCE, "campaign_id"), o(UNKNOWN_CODE, "assignment"),
                o(WRONG_CASE, "assignment")));
        return m;
    }

    private static Option o(Defect d, String column) {
        return new Option(d, column);
    }
}
