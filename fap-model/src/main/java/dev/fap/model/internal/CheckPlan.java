package dev.fap.model.internal;

import dev.fap.model.Check;
import dev.fap.model.Model;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the checks of one test run are evaluated: grouped into {@linkplain Unit units of work}, each run
 * on one connection, largest first.
 *
 * <ul>
 *   <li>A model whose relation is a view is evaluated once: its unit copies the columns its checks
 *       read ({@link Check#columnsRead}) of the view into a temporary table and runs all of the model's
 *       checks against that copy. Only when a check fails are all columns copied, once, to keep whole
 *       failing rows.</li>
 *   <li>The row-wise checks of a model ({@code not_null}, {@code range}, {@code expression},
 *       {@code accepted_values}) are counted together in one scan of the relation
 *       ({@code count(*) filter (where <failing row condition>)} per check); the model's other checks
 *       are counted as scalar subqueries of that same statement, one round trip per model. The checks that
 *       compare an aggregate of the rows with a reference (row count, staging reconciliation, freshness)
 *       take that aggregate ({@code count(*)}, {@code max(ts)}) from the same scan.</li>
 *   <li>The {@code relationships} and {@code scd2_valid_version} checks with the same {@linkplain Check.Lookup
 *       lookup} (column, relation, key) are counted over one left join of the model's rows to the relation:
 *       in the row-wise scan when a unique index on the key means the join cannot multiply rows (e.g. a fact
 *       to its dimensions), else in a pass of their own.</li>
 *   <li>On a large table ({@value #LARGE_ROWS} rows or more by the planner's statistics) the checks that
 *       need their own pass (unique, SCD2 invariants, lookups in a relation without a unique key, ...) get a
 *       unit each, so that they run in parallel with the model's scan.</li>
 *   <li>A {@code unique} check whose columns include all key columns of a valid, immediate, non-partial
 *       unique index of the table passes without a scan: PostgreSQL enforces the index.</li>
 * </ul>
 */
final class CheckPlan {
    /** Tables with at least this many rows get a unit per check that needs a pass of its own. */
    static final long LARGE_ROWS = 100_000;
    /** The assumed cost of evaluating a view, in rows scanned: unknown before it runs, views usually aggregate facts. */
    static final long VIEW_COST = 1_000_000;
    /** A grouped pass needs at least this many rows per distinct value of its key. */
    static final long GROUPS_PER_ROWS = 20;
    /** ... and at most this many distinct values (groups held in memory). */
    static final long MAX_GROUPS = 200_000;

    /** What the catalog says about a model's relation at the start of the run. */
    record Relation(String name, boolean exists, boolean view, long rows, List<String> columns, List<UniqueIndex> uniqueIndexes,
            Map<String, Long> distinctValues) {
        Relation(String name, boolean exists, boolean view, long rows, List<String> columns, List<UniqueIndex> uniqueIndexes) {
            this(name, exists, view, rows, columns, uniqueIndexes, Map.of());
        }

        static Relation unknown(String name) {
            return new Relation(name, false, false, 0, List.of(), List.of());
        }

        /** The planner's estimate of the distinct values of {@code column} (lower case), if it has statistics. */
        Optional<Long> distinct(String column) {
            return Optional.ofNullable(distinctValues.get(column.toLowerCase(Locale.ROOT)));
        }
    }

    /** A unique index and its key columns (lower case). */
    record UniqueIndex(String name, Set<String> columns) {}

    /**
     * Checks of a model that share one {@linkplain Check.Lookup lookup} (relationships and SCD2 valid version
     * on the same column, relation and key): counted over one left join of the model's rows to the relation.
     *
     * @param validity the join exposes the SCD2 validity columns (some check is {@code scd2_valid_version})
     */
    record Join(Check.Lookup lookup, boolean validity, List<Integer> checks) {}

    /**
     * One pass over the model's rows {@code r}: the row-wise checks {@code scanned} and the {@code joins}'
     * checks, each a {@code count(*) filter (where <its failing-row condition>)} over
     * {@code <rows> r left join <lookup relation> j0 ... left join ... jn}. Joins share a pass with other
     * checks only if they cannot multiply rows (a unique index on the looked-up key).
     *
     * <p>{@code grouped}: the rows are first aggregated by the first join's column (few distinct values in a
     * large table, e.g. the daily snapshot's customer_key): the row-wise counts and the other joins' counts
     * per value, with the number of rows and the first and last event time of each SCD2 check; only those
     * groups are joined to the relation. A relationships count is then exact (the rows of values without a
     * match); an SCD2 valid-version count is zero exactly when every value's event times lie in its version,
     * else an upper bound that the check's own query replaces.
     *
     * <p>{@code aggregated}: the checks comparing an aggregate of the model's rows with a reference (row count,
     * staging reconciliation, freshness: {@link Check#rowAggregate()}), computed in the same pass; each
     * check's query then reads that value instead of scanning the model again.
     */
    record Pass(List<Integer> scanned, List<Join> joins, boolean grouped, List<Integer> aggregated) {
        Pass(List<Integer> scanned, List<Join> joins) {
            this(scanned, joins, false, List.of());
        }

        Pass(List<Integer> scanned, List<Join> joins, boolean grouped) {
            this(scanned, joins, grouped, List.of());
        }

        /** The checks in the order of the pass's columns: scanned, each join's, aggregated. */
        List<Integer> checks() {
            List<Integer> all = new ArrayList<>(scanned);
            joins.forEach(j -> all.addAll(j.checks()));
            all.addAll(aggregated);
            return all;
        }
    }

    /**
     * Work for one connection: the checks (by position in the run's list) of one model counted in one
     * statement, {@code passes} over the relation and {@code counted} as subqueries.
     *
     * @param scratch     copy the (view) relation into a temporary table first and read the copy
     * @param scratchColumns the columns to copy: those the checks read
     * @param partialCopy  {@code scratchColumns} are not all the view's columns (whole failing rows need another copy)
     * @param bigAggregate one aggregate or sort over a large table: run with a larger {@code work_mem}
     * @param cost        estimated cost, for ordering (largest first): milliseconds in an earlier run, or rows processed
     */
    record Unit(Model model, boolean scratch, List<String> scratchColumns, boolean partialCopy, boolean bigAggregate, List<Pass> passes,
            List<Integer> counted, long cost) {
        /** The checks in the order of the unit's statement's columns: each pass's, then the counted ones. */
        List<Integer> checks() {
            List<Integer> all = new ArrayList<>();
            passes.forEach(p -> all.addAll(p.checks()));
            all.addAll(counted);
            return all;
        }

        /** The row-wise checks of all passes. */
        List<Integer> scanned() {
            List<Integer> all = new ArrayList<>();
            passes.forEach(p -> all.addAll(p.scanned()));
            return all;
        }

        /**
         * The checks whose count in the unit's statement only says whether they fail (accepted values count
         * groups; an SCD2 valid version of a grouped pass bounds the failing rows): a non-zero count is
         * followed by the check's own count.
         */
        Set<Integer> inexact(List<Check> checks) {
            Set<Integer> out = new HashSet<>();
            for (Pass p : passes) {
                p.scanned().stream().filter(i -> checks.get(i).kind() == Check.Kind.ACCEPTED_VALUES).forEach(out::add);
                if (p.grouped()) {
                    p.joins().get(0).checks().stream().filter(i -> checks.get(i).kind() == Check.Kind.SCD2_VALID_VERSION).forEach(out::add);
                }
            }
            return out;
        }

        /** The checks counted over a lookup join. */
        List<Integer> joined() {
            List<Integer> all = new ArrayList<>();
            passes.forEach(p -> p.joins().forEach(j -> all.addAll(j.checks())));
            return all;
        }

        Unit withCost(long cost) {
            return new Unit(model, scratch, scratchColumns, partialCopy, bigAggregate, passes, counted, cost);
        }
    }

    /** The units, largest first, and the unique checks served by an index (by position). */
    record Plan(List<Unit> units, Map<Integer, UniqueIndex> servedByIndex) {}

    private CheckPlan() {}

    /** One catalog query: kind, estimated rows and unique indexes of each relation. */
    static Map<String, Relation> catalog(Connection c, Collection<String> relations) throws SQLException {
        String sql = "select r.name, c.relkind, case when c.reltuples >= 0 then c.reltuples::bigint else c.relpages::bigint * 50 end,"
                + " array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped"
                + " order by a.attnum),"
                + " i.indexrelid::regclass::text, array(select a.attname::text from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)"
                + " join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum where k.ord <= i.indnkeyatts),"
                // distinct values per column: n_distinct < 0 is a fraction of the rows
                + " array(select s.attname::text || '=' || case when s.n_distinct >= 0 then s.n_distinct::bigint"
                + " else ceil(-s.n_distinct * greatest(c.reltuples, 0))::bigint end from pg_stats s"
                + " where s.schemaname = n.nspname and s.tablename = c.relname and not s.inherited)"
                + " from unnest(?::text[]) r(name) left join pg_class c on c.oid = to_regclass(r.name)"
                + " left join pg_namespace n on n.oid = c.relnamespace"
                + " left join pg_index i on i.indrelid = c.oid and i.indisunique and i.indisvalid and i.indisready and i.indimmediate"
                + " and i.indpred is null and i.indexprs is null";
        Map<String, String> kinds = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        Map<String, List<String>> columns = new HashMap<>();
        Map<String, List<UniqueIndex>> indexes = new HashMap<>();
        Map<String, Map<String, Long>> distinct = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array names = c.createArrayOf("text", new LinkedHashSet<>(relations).toArray());
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    kinds.put(name, rs.getString(2));
                    rows.put(name, rs.getLong(3));
                    columns.put(name, strings(rs.getArray(4)));
                    Map<String, Long> d = new HashMap<>();
                    for (String kv : rs.getArray(7) == null ? List.<String>of() : strings(rs.getArray(7))) {
                        int eq = kv.lastIndexOf('=');
                        d.put(kv.substring(0, eq).toLowerCase(Locale.ROOT), Long.parseLong(kv.substring(eq + 1)));
                    }
                    distinct.put(name, d);
                    List<UniqueIndex> l = indexes.computeIfAbsent(name, k -> new ArrayList<>());
                    if (rs.getString(5) != null) {
                        l.add(new UniqueIndex(rs.getString(5), Set.copyOf(strings(rs.getArray(6)))));
                    }
                }
            }
        }
        Map<String, Relation> out = new HashMap<>();
        for (String name : kinds.keySet()) {
            String kind = kinds.get(name);
            out.put(name, kind == null ? Relation.unknown(name)
                    : new Relation(name, true, "v".equals(kind), Math.max(0, rows.get(name)), columns.get(name),
                            List.copyOf(indexes.get(name)), Map.copyOf(distinct.get(name))));
        }
        return out;
    }

    private static List<String> strings(Array a) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(o.toString());
        }
        return List.copyOf(out);
    }

    /**
     * The milliseconds each check took in the latest earlier test run that had it, by check id: the
     * best estimate of a unit's cost (the sum over its checks, as a check's time includes its share of
     * its unit's).
     */
    static Map<String, Long> previousMillis(Connection c, long runId) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        String sql = "select distinct on (check_id) check_id, millis from " + MetaStore.CHECK_RESULTS + " where run_id in (select run_id from "
                + MetaStore.RUNS + " where command = 'test' and run_id < " + runId + " order by run_id desc limit 20)"
                + " and status <> 'error' order by check_id, run_id desc";
        for (String[] r : Jdbc.rows(c, sql)) {
            out.put(r[0], Long.parseLong(r[1]));
        }
        return out;
    }

    /**
     * Groups the checks (owner model of each at the same position) into units, largest first: by the
     * time their checks took in an earlier run ({@code previousMillis}, by check id) when every check has
     * one, else by the rows they process (planner statistics; a view counts as {@value #VIEW_COST}).
     */
    static Plan plan(List<Model> owners, List<Check> checks, Map<String, Relation> catalog, Map<String, Long> previousMillis) {
        Map<String, List<Integer>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            byModel.computeIfAbsent(owners.get(i).name(), k -> new ArrayList<>()).add(i);
        }
        List<Unit> units = new ArrayList<>();
        Map<Integer, UniqueIndex> served = new HashMap<>();
        for (List<Integer> positions : byModel.values()) {
            Model m = owners.get(positions.get(0));
            Relation r = catalog.getOrDefault(m.relation(), Relation.unknown(m.relation()));
            boolean large = !r.view() && r.rows() >= LARGE_ROWS;
            long rows = Math.max(1, r.rows());
            List<Integer> scanned = new ArrayList<>();
            List<Integer> aggregated = new ArrayList<>();
            Map<Check.Lookup, List<Integer>> lookups = new LinkedHashMap<>();
            List<Integer> counted = new ArrayList<>();
            long cost = r.view() ? VIEW_COST : 0;
            for (int i : positions) {
                Check c = checks.get(i);
                Optional<UniqueIndex> index = c.kind() == Check.Kind.UNIQUE ? enforcing(r, c.columns()) : Optional.empty();
                if (index.isPresent()) {
                    served.put(i, index.get());
                } else if (c.failingRowCondition().isPresent()) {
                    scanned.add(i);
                } else if (c.rowAggregate().isPresent()) {
                    aggregated.add(i);
                } else if (c.lookup().isPresent()) {
                    lookups.computeIfAbsent(c.lookup().get(), k -> new ArrayList<>()).add(i);
                } else if (large) {
                    boolean aggregate = c.kind() == Check.Kind.UNIQUE || c.kind() == Check.Kind.SCD2_ONE_CURRENT
                            || c.kind() == Check.Kind.SCD2_NO_OVERLAP;
                    units.add(new Unit(m, false, List.of(), false, aggregate, List.of(), List.of(i), rows * weight(c.kind())));
                } else {
                    counted.add(i);
                    cost += rows * weight(c.kind());
                }
            }
            // lookups whose relation has at most one row per key join in the scan; others get a pass of their own
            List<Join> folded = new ArrayList<>();
            List<Pass> passes = new ArrayList<>();
            for (Map.Entry<Check.Lookup, List<Integer>> e : lookups.entrySet()) {
                boolean validity = e.getValue().stream().anyMatch(i -> checks.get(i).kind() == Check.Kind.SCD2_VALID_VERSION);
                Join j = new Join(e.getKey(), validity, List.copyOf(e.getValue()));
                Relation to = catalog.getOrDefault(e.getKey().relation(), Relation.unknown(e.getKey().relation()));
                if (enforcing(to, List.of(e.getKey().key())).isPresent()) {
                    folded.add(j);
                } else if (large) {
                    units.add(new Unit(m, false, List.of(), false, false, List.of(new Pass(List.of(), List.of(j))), List.of(),
                            rows * weight(Check.Kind.RELATIONSHIPS)));
                } else {
                    passes.add(new Pass(List.of(), List.of(j)));
                    cost += rows * weight(Check.Kind.RELATIONSHIPS);
                }
            }
            if (!scanned.isEmpty() || !folded.isEmpty() || !aggregated.isEmpty()) {
                passes.add(0, new Pass(List.copyOf(scanned), List.copyOf(folded), large && groupable(r, folded, checks),
                        List.copyOf(aggregated)));
                cost += rows * (1 + folded.size());
            }
            if (!passes.isEmpty() || !counted.isEmpty()) {
                Set<String> read = new LinkedHashSet<>();
                if (r.view()) {
                    for (int i : positions) {
                        read.addAll(checks.get(i).columnsRead(r.columns()));
                    }
                }
                units.add(new Unit(m, r.view(), List.copyOf(read), read.size() < r.columns().size(), false, List.copyOf(passes),
                        List.copyOf(counted), cost));
            }
        }
        boolean timed = true;
        for (int i = 0; i < checks.size(); i++) {
            timed &= previousMillis.containsKey(checks.get(i).id(owners.get(i)));
        }
        if (timed) {
            List<Unit> byTime = new ArrayList<>();
            for (Unit u : units) {
                byTime.add(u.withCost(u.checks().stream().mapToLong(i -> previousMillis.get(checks.get(i).id(owners.get(i)))).sum()));
            }
            units = byTime;
        }
        units.sort(Comparator.comparingLong(Unit::cost).reversed());
        return new Plan(List.copyOf(units), Map.copyOf(served));
    }

    /**
     * Whether a pass over a large table may aggregate its rows by its first join's column before joining: the
     * column has at most {@value #GROUPS_PER_ROWS}th as many distinct values as rows by the planner's
     * statistics (and at most {@value #MAX_GROUPS}), and none of that join's checks has a filter.
     */
    private static boolean groupable(Relation r, List<Join> joins, List<Check> checks) {
        if (joins.isEmpty() || joins.get(0).checks().stream().anyMatch(i -> checks.get(i).filter().isPresent())) {
            return false;
        }
        Optional<Long> distinct = r.distinct(joins.get(0).lookup().column());
        return distinct.isPresent() && distinct.get() <= Math.min(MAX_GROUPS, r.rows() / GROUPS_PER_ROWS);
    }

    /** Relative cost of a check's own pass over a relation, a plain scan being 1. */
    private static int weight(Check.Kind kind) {
        return switch (kind) {
            case UNIQUE, SCD2_NO_OVERLAP -> 4;
            case SCD2_VALID_VERSION, RELATIONSHIPS -> 3;
            case SCD2_ONE_CURRENT -> 2;
            default -> 1;
        };
    }

    /** A unique index of the table whose key columns are all among {@code columns}, which makes them unique too. */
    private static Optional<UniqueIndex> enforcing(Relation r, List<String> columns) {
        if (!r.exists() || r.view()) {
            return Optional.empty();
        }
        Set<String> cols = new LinkedHashSet<>();
        for (String col : columns) {
            if (!col.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return Optional.empty(); // an expression or a quoted name: scan
            }
            cols.add(col.toLowerCase(Locale.ROOT));
        }
        return r.uniqueIndexes().stream().filter(ix -> !ix.columns().isEmpty() && cols.containsAll(ix.columns())).findFirst();
    }
}
