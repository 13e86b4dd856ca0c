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
 *       are counted as scalar subqueries of that same statement, one round trip per model.</li>
 *   <li>On a large table ({@value #LARGE_ROWS} rows or more by the planner's statistics) the checks that
 *       need their own pass (unique, relationships, SCD2, ...) get a unit each, so that they run in
 *       parallel with the model's scan.</li>
 *   <li>A {@code unique} check whose columns include all key columns of a valid, immediate, non-partial
 *       unique index of the table passes without a scan: PostgreSQL enforces the index.</li>
 * </ul>
 */
final class CheckPlan {
    /** Tables with at least this many rows get a unit per non row-wise check. */
    static final long LARGE_ROWS = 100_000;
    /** The assumed cost of evaluating a view, in rows scanned: unknown before it runs, views usually aggregate facts. */
    static final long VIEW_COST = 1_000_000;

    /** What the catalog says about a model's relation at the start of the run. */
    record Relation(String name, boolean exists, boolean view, long rows, List<String> columns, List<UniqueIndex> uniqueIndexes) {
        static Relation unknown(String name) {
            return new Relation(name, false, false, 0, List.of(), List.of());
        }
    }

    /** A unique index and its key columns (lower case). */
    record UniqueIndex(String name, Set<String> columns) {}

    /**
     * Work for one connection: the checks (by position in the run's list) of one model counted in one
     * statement, {@code scanned} in one pass over the relation and {@code counted} as subqueries.
     *
     * @param scratch     copy the (view) relation into a temporary table first and read the copy
     * @param scratchColumns the columns to copy: those the checks read
     * @param partialCopy  {@code scratchColumns} are not all the view's columns (whole failing rows need another copy)
     * @param bigAggregate one aggregate or sort over a large table: run with a larger {@code work_mem}
     * @param cost        estimated cost, for ordering (largest first): milliseconds in an earlier run, or rows processed
     */
    record Unit(Model model, boolean scratch, List<String> scratchColumns, boolean partialCopy, boolean bigAggregate, List<Integer> scanned, List<Integer> counted, long cost) {
        List<Integer> checks() {
            List<Integer> all = new ArrayList<>(scanned);
            all.addAll(counted);
            return all;
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
                + " join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum where k.ord <= i.indnkeyatts)"
                + " from unnest(?::text[]) r(name) left join pg_class c on c.oid = to_regclass(r.name)"
                + " left join pg_index i on i.indrelid = c.oid and i.indisunique and i.indisvalid and i.indisready and i.indimmediate"
                + " and i.indpred is null and i.indexprs is null";
        Map<String, String> kinds = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        Map<String, List<String>> columns = new HashMap<>();
        Map<String, List<UniqueIndex>> indexes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array names = c.createArrayOf("text", new LinkedHashSet<>(relations).toArray());
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    kinds.put(name, rs.getString(2));
                    rows.put(name, rs.getLong(3));
                    columns.put(name, strings(rs.getArray(4)));
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
                            List.copyOf(indexes.get(name))));
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
            List<Integer> counted = new ArrayList<>();
            long cost = r.view() ? VIEW_COST : 0;
            for (int i : positions) {
                Check c = checks.get(i);
                Optional<UniqueIndex> index = c.kind() == Check.Kind.UNIQUE ? enforcing(r, c) : Optional.empty();
                if (index.isPresent()) {
                    served.put(i, index.get());
                } else if (c.failingRowCondition().isPresent()) {
                    scanned.add(i);
                } else if (large) {
                    boolean aggregate = c.kind() == Check.Kind.UNIQUE || c.kind() == Check.Kind.SCD2_ONE_CURRENT
                            || c.kind() == Check.Kind.SCD2_NO_OVERLAP;
                    units.add(new Unit(m, false, List.of(), false, aggregate, List.of(), List.of(i), rows * weight(c.kind())));
                } else {
                    counted.add(i);
                    cost += rows * weight(c.kind());
                }
            }
            if (!scanned.isEmpty()) {
                cost += rows;
            }
            if (!scanned.isEmpty() || !counted.isEmpty()) {
                Set<String> read = new LinkedHashSet<>();
                if (r.view()) {
                    for (int i : positions) {
                        read.addAll(checks.get(i).columnsRead(r.columns()));
                    }
                }
                units.add(new Unit(m, r.view(), List.copyOf(read), read.size() < r.columns().size(), false, List.copyOf(scanned),
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
                long ms = u.checks().stream().mapToLong(i -> previousMillis.get(checks.get(i).id(owners.get(i)))).sum();
                byTime.add(new Unit(u.model(), u.scratch(), u.scratchColumns(), u.partialCopy(), u.bigAggregate(), u.scanned(), u.counted(), ms));
            }
            units = byTime;
        }
        units.sort(Comparator.comparingLong(Unit::cost).reversed());
        return new Plan(List.copyOf(units), Map.copyOf(served));
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

    /** A unique index of the table whose key columns are all among the check's columns, which makes them unique too. */
    private static Optional<UniqueIndex> enforcing(Relation r, Check c) {
        if (!r.exists() || r.view()) {
            return Optional.empty();
        }
        Set<String> cols = new LinkedHashSet<>();
        for (String col : c.columns()) {
            if (!col.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return Optional.empty(); // an expression or a quoted name: scan
            }
            cols.add(col.toLowerCase(Locale.ROOT));
        }
        return r.uniqueIndexes().stream().filter(ix -> cols.containsAll(ix.columns())).findFirst();
    }
}
