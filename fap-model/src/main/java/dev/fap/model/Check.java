package dev.fap.model;

import dev.fap.core.FapException;
import dev.fap.model.internal.SqlText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A data-quality check declared with a {@link Model}. Each check is a query returning the
 * <em>failing rows</em>; none means it passes. Immutable.
 *
 * <pre>{@code
 * Model.table("dim_merchant", Layer.GOLD)
 *      .check(Check.unique("merchant_key"))
 *      .check(Check.notNull("merchant_id", "merchant_name"))
 *      .check(Check.acceptedValues("risk_rating", "Low", "Medium", "High").severity(Severity.WARN))
 *      .check(Check.range("latitude", -90, 90))
 *      .check(Check.expression("positive_avg", "avg_transaction_amount >= 0"));
 * Model.table("fact_transactions", Layer.GOLD)
 *      .check(Check.relationships("merchant_key", "gold.dim_merchant", "merchant_key"))
 *      .check(Check.validVersion("customer_key", "gold.dim_customer", "customer_key", "transaction_ts"))
 *      .check(Check.freshness("transaction_ts", Duration.ofDays(1), "select max(transaction_date) from bronze.transactions"));
 * }</pre>
 *
 * <p>Predicates follow "must hold" semantics: a row passes only when the predicate is {@code true};
 * {@code null} fails. Failing rows are counted, and the first
 * {@value #DEFAULT_KEEP_ROWS} are stored as JSON in {@code fap_meta.check_failures} for inspection.
 * SCD2 checks use the column names {@link Model#VALID_FROM}, {@link Model#VALID_TO} and
 * {@link Model#IS_CURRENT}; an open version has {@code valid_to} null or {@code infinity}.
 */
public final class Check {
    /** Failing rows kept per check unless {@link BuildOptions#withFailingRowsKept(int)} says otherwise. */
    public static final int DEFAULT_KEEP_ROWS = 100;

    /** The kinds of check. */
    public enum Kind {
        UNIQUE, NOT_NULL, ACCEPTED_VALUES, RELATIONSHIPS, RANGE, EXPRESSION, ROW_COUNT, FRESHNESS,
        STAGING_RECONCILES, SCD2_ONE_CURRENT, SCD2_NO_OVERLAP, SCD2_VALID_VERSION;

        /** Lower-case name, e.g. {@code not_null}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final List<String> columns;
    private final List<String> args;
    private final String name;
    private final Severity severity;
    private final String where;

    private Check(Kind kind, List<String> columns, List<String> args, String name, Severity severity, String where) {
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.args = List.copyOf(args);
        this.name = name;
        this.severity = severity;
        this.where = where;
    }

    private static Check of(Kind kind, List<String> columns, String... args) {
        for (String c : columns) {
            Objects.requireNonNull(c, "column");
        }
        List<String> a = new ArrayList<>();
        for (String s : args) {
            a.add(Objects.requireNonNull(s, "argument"));
        }
        String n = kind.id() + (columns.isEmpty() ? "" : "_" + String.join("_", columns));
        return new Check(kind, columns, a, n, Severity.ERROR, null);
    }

    private static List<String> cols(String first, String... more) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(List.of(more));
        return l;
    }

    /** The combination of the columns is unique (rows with a null in them are ignored). */
    public static Check unique(String column, String... more) {
        return of(Kind.UNIQUE, cols(column, more));
    }

    /** None of the columns is null. */
    public static Check notNull(String column, String... more) {
        return of(Kind.NOT_NULL, cols(column, more));
    }

    /** Non-null values of {@code column} (compared as text) are among {@code values}. */
    public static Check acceptedValues(String column, String... values) {
        if (values.length == 0) {
            throw FapException.invalidArgument("acceptedValues(" + column + ") needs at least one value", "list the allowed values");
        }
        return of(Kind.ACCEPTED_VALUES, List.of(column), values);
    }

    /** Every non-null {@code column} value exists in {@code toRelation.toColumn} (e.g. {@code gold.dim_merchant}). */
    public static Check relationships(String column, String toRelation, String toColumn) {
        return of(Kind.RELATIONSHIPS, List.of(column), toRelation, toColumn);
    }

    /**
     * Non-null values lie in {@code [min, max]}; a null bound is open. Numbers are inlined; other
     * bounds are quoted as SQL literals (so {@code "2020-01-01"} compares as a date against a date column).
     */
    public static Check range(String column, Object min, Object max) {
        if (min == null && max == null) {
            throw FapException.invalidArgument("range(" + column + ") needs a min or a max", "give at least one bound");
        }
        return of(Kind.RANGE, List.of(column), literal(min), literal(max));
    }

    /** The SQL predicate holds ({@code true}) for every row; {@code name} identifies the check. */
    public static Check expression(String name, String predicate) {
        return of(Kind.EXPRESSION, List.of(), predicate).name(name);
    }

    /**
     * The model's row count equals the number the scalar query returns, e.g. reconciliation between
     * layers: {@code rowCount("select count(*) from silver.stg_transactions")}.
     */
    public static Check rowCount(String expectedCountSql) {
        return of(Kind.ROW_COUNT, List.of(), expectedCountSql);
    }

    /**
     * For staging models: rows of {@code sourceRelation} = rows of the model + rows quarantined for it
     * (rule violations and duplicates) in {@code silver.quarantine}.
     */
    public static Check stagingReconciles(String sourceRelation) {
        return of(Kind.STAGING_RECONCILES, List.of(), sourceRelation).name("reconciles_" + sourceRelation.replace('.', '_'));
    }

    /**
     * The latest {@code timestampColumn} is no older than {@code maxLag} behind the data's latest event,
     * given by the scalar query {@code referenceSql} (never the wall clock), e.g.
     * {@code "select max(transaction_date) from bronze.transactions"}.
     */
    public static Check freshness(String timestampColumn, Duration maxLag, String referenceSql) {
        Objects.requireNonNull(maxLag, "maxLag");
        if (maxLag.isNegative()) {
            throw FapException.invalidArgument("freshness lag must not be negative", "use a positive Duration");
        }
        return of(Kind.FRESHNESS, List.of(timestampColumn), maxLag.getSeconds() + " seconds", referenceSql);
    }

    /** SCD2: at most one row per {@code naturalKey} has {@code is_current = true}. */
    public static Check scd2OneCurrent(String naturalKey) {
        return of(Kind.SCD2_ONE_CURRENT, List.of(naturalKey));
    }

    /**
     * SCD2: the versions of a {@code naturalKey} do not overlap ({@code valid_from < valid_to}, each
     * version ends no later than the next begins) and only the last one is open.
     */
    public static Check scd2NoOverlap(String naturalKey) {
        return of(Kind.SCD2_NO_OVERLAP, List.of(naturalKey));
    }

    /**
     * SCD2 on a fact: each non-null {@code foreignKey} points at the version of {@code dimRelation}
     * (matched on {@code dimKey}) valid at the fact's {@code eventTimeColumn}:
     * {@code valid_from <= t < coalesce(valid_to, infinity)}.
     */
    public static Check validVersion(String foreignKey, String dimRelation, String dimKey, String eventTimeColumn) {
        return of(Kind.SCD2_VALID_VERSION, List.of(foreignKey), dimRelation, dimKey, eventTimeColumn);
    }

    /** The same check with another severity. */
    public Check severity(Severity severity) {
        return new Check(kind, columns, args, name, Objects.requireNonNull(severity, "severity"), where);
    }

    /** The same check under another name (must be {@code [a-z0-9_]+}, unique within the model). */
    public Check name(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9_]+")) {
            throw FapException.invalidArgument("check name '" + name + "' is not of the form [a-z0-9_]+",
                    "use lower-case letters, digits and underscores");
        }
        return new Check(kind, columns, args, name, severity, where);
    }

    /** The same check over the rows of the model satisfying {@code predicate} only. */
    public Check where(String predicate) {
        return new Check(kind, columns, args, name, severity, Objects.requireNonNull(predicate, "predicate"));
    }

    public Kind kind() {
        return kind;
    }

    /** Name within the model, e.g. {@code unique_merchant_key}. */
    public String name() {
        return name;
    }

    /** Identifier within the project: {@code <model>.<name>}. */
    public String id(Model model) {
        return model.name() + "." + name;
    }

    public Severity severity() {
        return severity;
    }

    /** The columns checked (empty for row count, expression, reconciliation). */
    public List<String> columns() {
        return columns;
    }

    /** The row filter set with {@link #where}, if any. */
    public Optional<String> filter() {
        return Optional.ofNullable(where);
    }

    /**
     * Relations besides the model's rows that this check reads: the relation looked up (relationships, SCD2
     * valid version), the staging source and {@value Model#QUARANTINE} (staging reconciliation), and every
     * {@code bronze}/{@code silver}/{@code gold} relation named in the SQL it was declared with (expression,
     * row count and freshness reference queries, the {@link #where} filter), lower-cased, in order of first
     * appearance. The model's own relation is listed too when that SQL names it. A build that runs the checks
     * as it goes ({@link Warehouse#buildAndTest}) starts a check only once these relations are built.
     *
     * <pre>{@code
     * Check.rowCount("select count(*) from silver.stg_merchants").referencedRelations();   // [silver.stg_merchants]
     * }</pre>
     */
    public List<String> referencedRelations() {
        Set<String> out = new LinkedHashSet<>();
        switch (kind) {
            case RELATIONSHIPS, SCD2_VALID_VERSION -> out.add(args.get(0).toLowerCase(Locale.ROOT));
            case STAGING_RECONCILES -> {
                out.add(args.get(0).toLowerCase(Locale.ROOT));
                out.add(Model.QUARANTINE);
            }
            case EXPRESSION, ROW_COUNT -> out.addAll(SqlText.references(args.get(0)));
            case FRESHNESS -> out.addAll(SqlText.references(args.get(1)));
            default -> { }
        }
        if (where != null) {
            out.addAll(SqlText.references(where));
        }
        return List.copyOf(out);
    }

    /** A one-line description, e.g. {@code accepted_values(risk_rating in Low, Medium, High)}. */
    public String describe() {
        String c = String.join(", ", columns);
        return switch (kind) {
            case ACCEPTED_VALUES -> "accepted_values(" + c + " in " + String.join(", ", args) + ")";
            case RELATIONSHIPS -> "relationships(" + c + " -> " + args.get(0) + "." + args.get(1) + ")";
            case RANGE -> "range(" + c + " in [" + (args.get(0).isEmpty() ? "-inf" : args.get(0)) + ", "
                    + (args.get(1).isEmpty() ? "+inf" : args.get(1)) + "])";
            case EXPRESSION -> "expression(" + args.get(0) + ")";
            case ROW_COUNT -> "row_count(= " + args.get(0) + ")";
            case FRESHNESS -> "freshness(" + c + " within " + args.get(0) + " of " + args.get(1) + ")";
            case STAGING_RECONCILES -> "staging_reconciles(" + args.get(0) + " = rows + quarantined)";
            case SCD2_VALID_VERSION -> "scd2_valid_version(" + c + " -> " + args.get(0) + "." + args.get(1) + " at " + args.get(2) + ")";
            default -> kind.id() + "(" + c + ")";
        } + (where == null ? "" : " where " + where);
    }

    /**
     * The SQL returning this check's failing rows for {@code model}; runnable as is, e.g. in psql, to
     * inspect failures.
     */
    public String failingRowsSql(Model model) {
        return failingRowsSql(model, model.relation());
    }

    /**
     * The same query as {@link #failingRowsSql(Model)} reading the model's rows from {@code relation}, a
     * copy of them (e.g. the engine's scratch table of a view, evaluated once per test run). SQL the
     * check was declared with (an expression, a filter, a reference query) is left as written.
     */
    public String failingRowsSql(Model model, String relation) {
        String rel = where == null ? relation + " r" : "(select * from " + relation + " where " + where + ") r";
        String vf = Model.VALID_FROM;
        String vt = "coalesce(" + Model.VALID_TO + ", 'infinity')";
        return switch (kind) {
            case UNIQUE -> {
                String c = String.join(", ", columns);
                yield "select " + c + ", count(*) as n_records from " + rel + " where "
                        + columns.stream().map(x -> x + " is not null").collect(Collectors.joining(" and "))
                        + " group by " + c + " having count(*) > 1";
            }
            case NOT_NULL, RANGE, EXPRESSION -> "select * from " + rel + " where " + rowCondition();
            case ACCEPTED_VALUES -> "select " + columns.get(0) + ", count(*) as n_records from " + rel + " where "
                    + rowCondition() + " group by " + columns.get(0);
            case RELATIONSHIPS -> "select r.* from " + rel + " where r." + columns.get(0) + " is not null and not exists (select 1 from "
                    + args.get(0) + " p where p." + args.get(1) + " = r." + columns.get(0) + ")";
            case ROW_COUNT, STAGING_RECONCILES -> comparedRows(model, "(select count(*) from " + rel + ")");
            case FRESHNESS -> comparedRows(model, "(select max(" + columns.get(0) + ") from " + rel + ")");
            case SCD2_ONE_CURRENT -> "select " + columns.get(0) + ", count(*) as n_current from " + rel + " where "
                    + Model.IS_CURRENT + " group by " + columns.get(0) + " having count(*) > 1";
            case SCD2_NO_OVERLAP -> "select * from (select " + columns.get(0) + ", " + vf + ", " + Model.VALID_TO + ", "
                    + Model.IS_CURRENT + ", lead(" + vf + ") over w as next_valid_from, row_number() over w as version_no,"
                    + " count(*) over (partition by " + columns.get(0) + ") as versions from " + rel
                    + " window w as (partition by " + columns.get(0) + " order by " + vf + ")) v"
                    + " where not (" + vf + " < " + vt + ") or next_valid_from < " + vt
                    + " or (next_valid_from is not null and " + Model.VALID_TO + " is null)";
            case SCD2_VALID_VERSION -> "select r.* from " + rel + " left join " + args.get(0) + " d on d." + args.get(1) + " = r."
                    + columns.get(0) + " where r." + columns.get(0) + " is not null and (d." + args.get(1) + " is null or not (r."
                    + args.get(2) + " >= d." + vf + " and r." + args.get(2) + " < coalesce(d." + Model.VALID_TO + ", 'infinity')))";
        };
    }

    /**
     * For the checks that judge each row on its own ({@code not_null}, {@code range}, {@code expression},
     * {@code accepted_values}): the condition over the model's columns that a failing row satisfies,
     * this check's {@link #where} filter included; so that many checks can be counted in one scan with
     * {@code count(*) filter (where <condition>)}. For {@code not_null}, {@code range} and
     * {@code expression} that count is the check's number of failing rows; {@code accepted_values}
     * counts groups of equal values, so there the count only says whether it fails. Empty for the
     * other kinds.
     */
    public Optional<String> failingRowCondition() {
        String c = rowCondition();
        if (c == null) {
            return Optional.empty();
        }
        // case, not and: the filter guards the condition as the filtered subquery of failingRowsSql does
        return Optional.of(where == null ? c : "case when (" + where + ") then (" + c + ") else false end");
    }

    /**
     * For the checks that compare one aggregate of the model's rows with a reference ({@code row_count} and
     * {@code staging_reconciles}: the number of rows; {@code freshness}: the latest timestamp): that aggregate
     * over the model's rows, {@link #where} filter included, e.g. {@code max(transaction_ts)}; so that it can be
     * computed in the scan that counts other checks' failing rows, and the check's query then read it
     * ({@link #failingRowsSqlOfAggregate}) instead of scanning the model again. Empty for the other kinds.
     *
     * <pre>{@code
     * Check.freshness("transaction_ts", Duration.ofDays(1), "select as_of_ts from silver.data_clock").rowAggregate();
     * // Optional[max(transaction_ts)]
     * }</pre>
     */
    public Optional<String> rowAggregate() {
        String agg = switch (kind) {
            case ROW_COUNT, STAGING_RECONCILES -> "count(*)";
            case FRESHNESS -> "max(" + columns.get(0) + ")";
            default -> null;
        };
        if (agg == null) {
            return Optional.empty();
        }
        return Optional.of(where == null ? agg : agg + " filter (where " + where + ")");
    }

    /**
     * For the kinds with a {@link #rowAggregate()}: the query {@link #failingRowsSql(Model)} with the model's
     * aggregate given as the SQL expression {@code value} (e.g. a column of a scan that computed it) instead of
     * a subquery over the model's rows; the same failing row (at most one) when {@code value} is that aggregate.
     */
    public Optional<String> failingRowsSqlOfAggregate(Model model, String value) {
        return rowAggregate().map(a -> comparedRows(model, value));
    }

    /** The failing rows of a check comparing {@code aggregate} (of the model's rows) with its reference. */
    private String comparedRows(Model model, String aggregate) {
        return switch (kind) {
            case ROW_COUNT -> "select n_actual, n_expected from (select " + aggregate + " as n_actual, (" + args.get(0)
                    + ") as n_expected) x where n_actual is distinct from n_expected";
            case FRESHNESS -> "select latest, reference, reference - latest as lag from (select " + aggregate + "::timestamptz as latest, ("
                    + args.get(1) + ")::timestamptz as reference) x where latest is null or latest < reference - interval '" + args.get(0) + "'";
            case STAGING_RECONCILES -> "select n_source, n_rows, n_quarantined, n_source - n_rows - n_quarantined as n_unaccounted from"
                    + " (select (select count(*) from " + args.get(0) + ") as n_source, " + aggregate
                    + " as n_rows, (select count(*) from " + Model.QUARANTINE + " q where q.model = " + quote(model.name())
                    + ") as n_quarantined) x where n_source <> n_rows + n_quarantined";
            default -> throw new IllegalStateException(kind + " compares no aggregate");
        };
    }

    /**
     * Where a {@code relationships} or {@code scd2_valid_version} check looks each row's {@code column} up:
     * in {@code relation}, on its column {@code key}. The checks of a model with the same lookup can be counted
     * over one left join of the model's rows to the relation ({@link #join}), each with its
     * {@link #failingLookupCondition}.
     *
     * <pre>{@code
     * Check.relationships("customer_key", "gold.dim_customer", "customer_key").lookup()
     *      // Lookup[column=customer_key, relation=gold.dim_customer, key=customer_key]
     * }</pre>
     *
     * @param column   the model's column looked up
     * @param relation the relation looked in, e.g. {@code gold.dim_customer}
     * @param key      the relation's column matched
     */
    public record Lookup(String column, String relation, String key) {
        /** The looked-up relation's key as the join exposes it. */
        public static final String KEY = "fap_lookup_key";
        /** Its {@link Model#VALID_FROM}, as the join exposes it with {@code validity}. */
        public static final String VALID_FROM = "fap_lookup_valid_from";
        /** Its {@link Model#VALID_TO}, as the join exposes it with {@code validity}. */
        public static final String VALID_TO = "fap_lookup_valid_to";

        /**
         * The left join of the model's rows {@code r} to the relation under {@code alias}:
         * {@code left join (select <key> as fap_lookup_key[, valid_from as fap_lookup_valid_from, valid_to as
         * fap_lookup_valid_to] from <relation>) <alias> on <alias>.fap_lookup_key = r.<column>}; the names
         * are chosen so that unqualified conditions on the model's columns in the same statement still mean
         * the model's columns. Each row of {@code r} appears once per matching row of the relation, once
         * (with nulls) if none matches.
         *
         * @param validity also expose the SCD2 validity columns (for {@code scd2_valid_version})
         */
        public String join(String alias, boolean validity) {
            return join(alias, validity, "r." + column);
        }

        /** The same left join, matching the key to the SQL expression {@code value} instead of {@code r.<column>}. */
        public String join(String alias, boolean validity, String value) {
            return "left join (select " + key + " as " + KEY + (validity ? ", " + Model.VALID_FROM + " as " + VALID_FROM + ", "
                    + Model.VALID_TO + " as " + VALID_TO : "") + " from " + relation + ") " + alias + " on " + alias + "." + KEY
                    + " = " + value;
        }
    }

    /** For {@code scd2_valid_version}: the model's column of each row's time, which must lie in the version; else empty. */
    public Optional<String> eventTimeColumn() {
        return kind == Kind.SCD2_VALID_VERSION ? Optional.of(args.get(2)) : Optional.empty();
    }

    /** Where this check looks rows up: for {@code relationships} and {@code scd2_valid_version}, else empty. */
    public Optional<Lookup> lookup() {
        return switch (kind) {
            case RELATIONSHIPS, SCD2_VALID_VERSION -> Optional.of(new Lookup(columns.get(0), args.get(0), args.get(1)));
            default -> Optional.empty();
        };
    }

    /**
     * For {@code relationships} and {@code scd2_valid_version}: the condition a failing row satisfies in the
     * {@linkplain Lookup#join left join} of the model's rows {@code r} to its {@link #lookup()} under
     * {@code alias} (joined with validity for {@code scd2_valid_version}), {@link #where} filter included.
     * Counted with {@code count(*) filter (where <condition>)} over that join it gives the number of rows of
     * {@link #failingRowsSql}: a row without a match appears once in the join, and the SCD2 check's own query
     * is the same left join. Empty for the other kinds.
     */
    public Optional<String> failingLookupCondition(String alias) {
        if (lookup().isEmpty()) {
            return Optional.empty();
        }
        String present = "r." + columns.get(0) + " is not null";
        String missing = alias + "." + Lookup.KEY + " is null";
        String c = kind == Kind.RELATIONSHIPS ? present + " and " + missing
                : present + " and (" + missing + " or not (r." + args.get(2) + " >= " + alias + "." + Lookup.VALID_FROM + " and r."
                        + args.get(2) + " < coalesce(" + alias + "." + Lookup.VALID_TO + ", 'infinity')))";
        return Optional.of(where == null ? c : "case when (" + where + ") then (" + c + ") else false end");
    }

    /**
     * Of {@code available}, the columns of the model's relation, those this check reads from the model's
     * rows: its columns, the SCD2 columns, and every one named (as a word) in the SQL it was declared
     * with; all of them when that SQL may read whole rows (a {@code *} other than {@code count(*)}, a
     * quoted name, or the row alias {@code r} other than in {@code r.column}). The engine copies only
     * these columns of a view for its checks.
     */
    public Set<String> columnsRead(Collection<String> available) {
        List<String> texts = new ArrayList<>(columns);
        if (where != null) {
            texts.add(where);
        }
        switch (kind) {
            case EXPRESSION, ROW_COUNT -> texts.add(args.get(0));
            case FRESHNESS -> texts.add(args.get(1));
            case SCD2_VALID_VERSION -> texts.add(args.get(2));
            case SCD2_ONE_CURRENT, SCD2_NO_OVERLAP -> texts.addAll(List.of(Model.VALID_FROM, Model.VALID_TO, Model.IS_CURRENT));
            default -> { }
        }
        String sql = String.join(" ", texts);
        if (COUNT_STAR.matcher(sql).replaceAll("").contains("*") || sql.contains("\"") || ROW_ALIAS.matcher(sql).find()) {
            return new LinkedHashSet<>(available);
        }
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(sql);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        Set<String> read = new LinkedHashSet<>();
        for (String col : available) {
            if (words.contains(col.toLowerCase(Locale.ROOT))) {
                read.add(col);
            }
        }
        return read;
    }

    private static final Pattern COUNT_STAR = Pattern.compile("(?i)count\\s*\\(\\s*\\*\\s*\\)");
    /** The failing-rows query's alias {@code r} used as a whole-row value (not {@code r.column}). */
    private static final Pattern ROW_ALIAS = Pattern.compile("(?i)(?<![\\w.$])r(?![\\w$]|\\s*\\.)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /** The condition a failing row satisfies for the row-wise kinds, without the where filter; null for the others. */
    private String rowCondition() {
        return switch (kind) {
            case NOT_NULL -> columns.stream().map(x -> x + " is null").collect(Collectors.joining(" or "));
            case ACCEPTED_VALUES -> columns.get(0) + " is not null and " + columns.get(0) + "::text not in ("
                    + args.stream().map(Check::quote).collect(Collectors.joining(", ")) + ")";
            case RANGE -> {
                List<String> conds = new ArrayList<>();
                if (!args.get(0).isEmpty()) {
                    conds.add(columns.get(0) + " < " + args.get(0));
                }
                if (!args.get(1).isEmpty()) {
                    conds.add(columns.get(0) + " > " + args.get(1));
                }
                yield String.join(" or ", conds);
            }
            case EXPRESSION -> "not coalesce((" + args.get(0) + "), false)";
            default -> null;
        };
    }

    private static String literal(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        return quote(v.toString());
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Check c && c.kind == kind && c.columns.equals(columns) && c.args.equals(args)
                && c.name.equals(name) && c.severity == severity && Objects.equals(c.where, where);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, columns, args, name, severity, where);
    }

    @Override
    public String toString() {
        return name + " " + describe() + " [" + severity + "]";
    }
}
