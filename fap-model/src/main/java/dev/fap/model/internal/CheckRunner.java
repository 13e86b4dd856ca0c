package dev.fap.model.internal;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import dev.fap.model.BuildOptions;
import dev.fap.model.Check;
import dev.fap.model.CheckResult;
import dev.fap.model.Model;
import dev.fap.model.Severity;
import dev.fap.model.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Runs the checks of one test run as {@link CheckPlan} groups them: each unit on a pooled connection of
 * its own, largest first, on {@code threads} threads; the results of a unit are recorded in
 * {@code fap_meta.check_results} as soon as it finishes.
 *
 * <p>Per check, the result is what running its failing-rows query alone gives: status, number of
 * failing rows, and the first rows kept in {@code fap_meta.check_failures}; the failing rows are only
 * queried for a check whose count is not zero. A check's {@code millis} is its share of its unit's
 * shared work (copying a view, the model's combined statement) divided evenly among the unit's checks,
 * plus the time of its own follow-up queries (exact count, keeping failing rows). When the combined
 * statement fails (e.g. one check's SQL is invalid), each check of the unit is counted alone, so that
 * only the broken check reports the error.
 */
final class CheckRunner {
    /** {@code work_mem} for a unit that is one hash aggregate or sort over a large table (its own transaction only). */
    static final String BIG_AGGREGATE_WORK_MEM = "256MB";
    /** Prefix of the temporary table holding a view's rows during its unit. */
    static final String SCRATCH_PREFIX = "fap_check_";

    private final Database db;
    private final long runId;
    private final BuildOptions o;
    private final int threads;

    CheckRunner(Database db, long runId, BuildOptions o, int threads) {
        this.db = db;
        this.runId = runId;
        this.o = o;
        this.threads = threads;
    }

    /** One check's result at its position in the list it was planned from. */
    record Done(int position, CheckResult result) {
        Done shifted(int offset) {
            return new Done(position + offset, result);
        }
    }

    /**
     * Runs {@code checks} (of the models at the same positions in {@code owners}); {@code lc} is the
     * run's own connection (catalog, recording). Returns the results in the order of {@code checks}.
     */
    List<CheckResult> run(Connection lc, List<Model> owners, List<Check> checks) throws SQLException {
        ProgressListener l = o.listener();
        CheckPlan.Plan plan = plan(lc, owners, checks, CheckPlan.previousMillis(lc, runId));
        CheckResult[] results = new CheckResult[checks.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fap-test");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<List<Done>> done = new ExecutorCompletionService<>(pool);
        try {
            for (CheckPlan.Unit u : plan.units()) {
                done.submit(() -> runUnit(u, checks));
            }
            // the unique checks an index answers are recorded while the units run
            int finished = 0;
            List<Done> served = served(plan, owners, checks);
            for (Done d : served) {
                results[d.position()] = d.result();
            }
            MetaStore.recordChecks(lc, runId, served.stream().map(Done::result).toList());
            for (int i = 0; i < served.size(); i++) {
                l.progress("test", ++finished);
            }
            for (int i = 0; i < plan.units().size(); i++) {
                List<Done> unit = done.take().get();
                List<CheckResult> batch = new ArrayList<>();
                for (Done d : unit) {
                    results[d.position()] = d.result();
                    batch.add(d.result());
                }
                MetaStore.recordChecks(lc, runId, batch);
                for (int k = 0; k < unit.size(); k++) {
                    l.progress("test", ++finished);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FapException(ErrorCode.CHECKS_FAILED, "test run interrupted", "", e);
        } catch (ExecutionException e) {
            throw new FapException(ErrorCode.INTERNAL, "check crashed: " + e.getCause(), "report this bug", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(results);
    }

    /**
     * Plans {@code checks} (of the models at the same positions in {@code owners}) on what the catalog says
     * about their models' relations and the relations they look up, read on {@code lc} now; ordered by
     * {@code previousMillis} when it has every check (see {@link CheckPlan#plan}).
     */
    static CheckPlan.Plan plan(Connection lc, List<Model> owners, List<Check> checks, Map<String, Long> previousMillis) throws SQLException {
        Set<String> relations = new LinkedHashSet<>();
        owners.forEach(m -> relations.add(m.relation()));
        checks.forEach(c -> c.lookup().ifPresent(k -> relations.add(k.relation()))); // unique keys decide how lookups join
        return CheckPlan.plan(owners, checks, CheckPlan.catalog(lc, relations), previousMillis);
    }

    /** The results of the plan's unique checks that an index answers (passed without a scan), reported to the listener. */
    List<Done> served(CheckPlan.Plan plan, List<Model> owners, List<Check> checks) {
        List<Done> out = new ArrayList<>();
        for (Map.Entry<Integer, CheckPlan.UniqueIndex> e : plan.servedByIndex().entrySet()) {
            Model m = owners.get(e.getKey());
            Check c = checks.get(e.getKey());
            o.listener().stepStarted("test:" + c.id(m), -1);
            out.add(new Done(e.getKey(), finish(result(m, c, Status.PASS, 0, 0, "passed without a scan: unique index " + e.getValue().name()
                    + " on (" + String.join(", ", e.getValue().columns()) + ") enforces it", c.failingRowsSql(m)))));
        }
        return out;
    }

    /** The result of a check that did not run because its model was not built in this run. */
    CheckResult skipped(Model m, Check c, String reason) {
        o.listener().stepStarted("test:" + c.id(m), -1);
        return finish(result(m, c, Status.SKIPPED, -1, 0, reason, c.failingRowsSql(m)));
    }

    /** Runs one unit of {@code checks} on a pooled connection of its own; its results at their positions in {@code checks}. */
    List<Done> runUnit(CheckPlan.Unit u, List<Check> checks) {
        Model m = u.model();
        List<Integer> positions = u.checks();
        for (int p : positions) {
            o.listener().stepStarted("test:" + checks.get(p).id(m), -1);
        }
        long t0 = System.nanoTime();
        List<Done> out = new ArrayList<>();
        try (Connection c = db.connection(); Rows rows = new Rows(c, u)) {
            long[] counts = counts(c, u, checks, rows.counted());
            long shared = (System.nanoTime() - t0) / 1_000_000 / positions.size();
            Set<Integer> inexact = u.inexact(checks);
            for (int k = 0; k < positions.size(); k++) {
                int p = positions.get(k);
                boolean exact = !inexact.contains(p);
                out.add(new Done(p, evaluate(c, m, checks.get(p), rows, counts == null ? null : counts[k], exact, shared)));
            }
        } catch (SQLException | FapException e) {
            long shared = (System.nanoTime() - t0) / 1_000_000 / positions.size();
            for (int p : positions) {
                if (out.stream().noneMatch(d -> d.position() == p)) {
                    Check ch = checks.get(p);
                    out.add(new Done(p, finish(result(m, ch, Status.ERROR, -1, shared, e.getMessage(), ch.failingRowsSql(m)))));
                }
            }
        }
        return out;
    }

    /**
     * Where a unit reads its model's rows: the relation itself or, for a view, a temporary copy of the
     * columns its checks read, made once; a copy of all columns is made only when failing rows must be
     * kept. If the view cannot be copied, the checks read it directly and report its error.
     */
    private static final class Rows implements AutoCloseable {
        private final Connection c;
        private final CheckPlan.Unit u;
        private final List<String> copies = new ArrayList<>();
        private final String counted;
        private String whole;

        Rows(Connection c, CheckPlan.Unit u) {
            this.c = c;
            this.u = u;
            String rel = u.model().relation();
            if (u.scratch()) {
                String cols = u.scratchColumns().stream().map(x -> "\"" + x.replace("\"", "\"\"") + "\"").collect(Collectors.joining(", "));
                rel = copy(SCRATCH_PREFIX + u.model().name(), cols);
                if (!u.partialCopy()) {
                    whole = rel;
                }
            } else {
                whole = rel;
            }
            this.counted = rel;
        }

        /** The relation to count failing rows in. */
        String counted() {
            return counted;
        }

        /** The relation with the model's whole rows, to keep failing rows from. */
        String whole() {
            if (whole == null) {
                whole = copy(SCRATCH_PREFIX + u.model().name() + "_rows", "*");
            }
            return whole;
        }

        /** A temporary copy of the view's {@code columns}, or the view itself if it cannot be copied. */
        private String copy(String table, String columns) {
            try {
                Jdbc.exec(c, "drop table if exists pg_temp." + table + ";\ncreate temp table " + table + " as select " + columns + " from "
                        + u.model().relation());
                copies.add("pg_temp." + table);
                return "pg_temp." + table;
            } catch (SQLException e) {
                return u.model().relation();
            }
        }

        @Override
        public void close() {
            for (String t : copies) {
                try {
                    Jdbc.exec(c, "drop table if exists " + t);
                } catch (SQLException e) {
                    // the temporary table goes with the session at the latest
                }
            }
        }
    }

    /**
     * The unit's counts in one statement, in the order of {@link CheckPlan.Unit#checks()}: each pass as one
     * row of filtered counts (and compared aggregates) over {@code rel r} and its lookup joins, each compared
     * aggregate's check evaluated on that row, the counted checks as scalar subqueries.
     * Null if the statement failed.
     */
    static long[] counts(Connection c, CheckPlan.Unit u, List<Check> checks, String rel) throws SQLException {
        Model m = u.model();
        List<String> from = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        int items = 0;
        for (CheckPlan.Pass pass : u.passes()) {
            String alias = "p" + from.size();
            if (pass.grouped()) {
                from.add(groupedPass(pass, checks, rel, items) + " " + alias);
            } else {
                List<String> filtered = new ArrayList<>();
                int item = items;
                for (int p : pass.scanned()) {
                    filtered.add("count(*) filter (where " + checks.get(p).failingRowCondition().orElseThrow() + ") as c" + item++);
                }
                StringBuilder joins = new StringBuilder();
                for (int k = 0; k < pass.joins().size(); k++) {
                    CheckPlan.Join j = pass.joins().get(k);
                    joins.append("\n  ").append(j.lookup().join("j" + k, j.validity()));
                    for (int p : j.checks()) {
                        filtered.add("count(*) filter (where " + checks.get(p).failingLookupCondition("j" + k).orElseThrow() + ") as c" + item++);
                    }
                }
                for (int p : pass.aggregated()) {
                    filtered.add(checks.get(p).rowAggregate().orElseThrow() + " as a" + item++);
                }
                from.add("(select " + String.join(",\n  ", filtered) + "\nfrom " + rel + " r" + joins + ") " + alias);
            }
            int counted = pass.checks().size() - pass.aggregated().size();
            for (int k = 0; k < counted; k++) {
                columns.add(alias + ".c" + items++);
            }
            // a compared aggregate: the check's own query over the pass's value, one row if it fails
            for (int p : pass.aggregated()) {
                columns.add("(select count(*) from (" + checks.get(p).failingRowsSqlOfAggregate(m, alias + ".a" + items).orElseThrow()
                        + ") f) as c" + items++);
            }
        }
        List<String> subqueries = new ArrayList<>();
        for (int p : u.counted()) {
            subqueries.add("(select count(*) from (" + checks.get(p).failingRowsSql(m, rel) + ") f) as c" + items);
            columns.add("q.c" + items++);
        }
        if (!subqueries.isEmpty()) {
            from.add("(select " + String.join(",\n  ", subqueries) + ") q");
        }
        String sql = "select " + String.join(", ", columns) + "\nfrom " + String.join("\ncross join ", from);
        if (u.bigAggregate()) {
            c.setAutoCommit(false);
        }
        try (Statement s = c.createStatement()) {
            if (u.bigAggregate()) {
                s.execute("set local work_mem = '" + BIG_AGGREGATE_WORK_MEM + "'");
            }
            long[] counts = new long[items];
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = rs.getLong(i + 1);
                }
            }
            return counts;
        } catch (SQLException e) {
            return null;
        } finally {
            if (u.bigAggregate()) {
                c.rollback(); // nothing was written: ends the transaction and its work_mem
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * A {@linkplain CheckPlan.Pass#grouped() grouped} pass: the rows aggregated by the first join's column
     * (row-wise and other joins' counts per value, rows and event-time range per value), then those groups
     * joined to the first lookup's relation. Its columns {@code c<first>...} in the order of the pass's checks
     * ({@code a<n>} for a compared aggregate).
     */
    private static String groupedPass(CheckPlan.Pass pass, List<Check> checks, String rel, int first) {
        CheckPlan.Join key = pass.joins().get(0);
        List<String> inner = new ArrayList<>(List.of("r." + key.lookup().column() + " as fap_group_key", "count(*) as fap_rows"));
        List<String> outer = new ArrayList<>();
        int item = first;
        for (int p : pass.scanned()) {
            inner.add("count(*) filter (where " + checks.get(p).failingRowCondition().orElseThrow() + ") as c" + item);
            outer.add("sum(g.c" + item + ") as c" + item++);
        }
        String present = "g.fap_group_key is not null";
        String missing = "j0." + Check.Lookup.KEY + " is null";
        for (int p : key.checks()) {
            Check c = checks.get(p);
            if (c.kind() == Check.Kind.RELATIONSHIPS) {
                outer.add("sum(g.fap_rows) filter (where " + present + " and " + missing + ") as c" + item++);
            } else {
                // zero exactly when every value's event times lie in its version, else an upper bound
                String time = c.eventTimeColumn().orElseThrow();
                inner.add("min(r." + time + ") as fap_first_" + item);
                inner.add("max(r." + time + ") as fap_last_" + item);
                outer.add("sum(g.fap_rows) filter (where " + present + " and (" + missing + " or g.fap_first_" + item + " < j0."
                        + Check.Lookup.VALID_FROM + " or g.fap_last_" + item + " >= coalesce(j0." + Check.Lookup.VALID_TO
                        + ", 'infinity'))) as c" + item++);
            }
        }
        StringBuilder joins = new StringBuilder();
        for (int k = 1; k < pass.joins().size(); k++) {
            CheckPlan.Join j = pass.joins().get(k);
            joins.append("\n  ").append(j.lookup().join("j" + k, j.validity()));
            for (int p : j.checks()) {
                inner.add("count(*) filter (where " + checks.get(p).failingLookupCondition("j" + k).orElseThrow() + ") as c" + item);
                outer.add("sum(g.c" + item + ") as c" + item++);
            }
        }
        for (int p : pass.aggregated()) {
            // per group, then over the groups: counts add up, the latest is the latest of the groups' latest
            inner.add(checks.get(p).rowAggregate().orElseThrow() + " as a" + item);
            outer.add((checks.get(p).kind() == Check.Kind.FRESHNESS ? "max" : "sum") + "(g.a" + item + ") as a" + item++);
        }
        return "(select " + String.join(",\n  ", outer) + "\nfrom (select " + String.join(",\n  ", inner) + "\nfrom " + rel + " r" + joins
                + "\ngroup by r." + key.lookup().column() + ") g\n" + key.lookup().join("j0", key.validity(), "g.fap_group_key") + ")";
    }

    /**
     * Finishes one check over {@code rows}: {@code counted} failing rows from the unit's statement (null:
     * count them now; {@code exact} false: the count only says whether any fail), then keeps the first
     * failing rows.
     */
    private CheckResult evaluate(Connection c, Model m, Check check, Rows rows, Long counted, boolean exact, long sharedMillis) {
        long t0 = System.nanoTime();
        long failures;
        Status status;
        String message = "";
        try {
            failures = counted != null && (exact || counted == 0) ? counted
                    : Jdbc.longValue(c, "select count(*) from (" + check.failingRowsSql(m, rows.counted()) + ") f");
            if (failures > 0 && o.failingRowsKept() > 0) {
                Jdbc.exec(c, "insert into " + MetaStore.CHECK_FAILURES + " (run_id, check_id, row_no, row) select " + runId + ", "
                        + Jdbc.literal(check.id(m)) + ", row_number() over (), to_jsonb(f) from (select * from ("
                        + check.failingRowsSql(m, rows.whole()) + ") f0 limit " + o.failingRowsKept() + ") f");
            }
            status = failures == 0 ? Status.PASS : check.severity() == Severity.WARN ? Status.WARN : Status.FAIL;
            if (failures > 0) {
                message = failures + " failing row(s); first " + Math.min(failures, o.failingRowsKept()) + " in " + MetaStore.CHECK_FAILURES;
            }
        } catch (SQLException e) {
            failures = -1;
            status = Status.ERROR;
            message = e.getMessage();
        }
        long millis = sharedMillis + (System.nanoTime() - t0) / 1_000_000;
        return finish(result(m, check, status, failures, millis, message, check.failingRowsSql(m)));
    }

    private CheckResult finish(CheckResult r) {
        o.listener().stepFinished("test:" + r.id(), Math.max(0, r.failures()), r.millis());
        return r;
    }

    private static CheckResult result(Model m, Check c, Status status, long failures, long millis, String message, String sql) {
        return new CheckResult(c.id(m), m.name(), c.kind(), c.describe(), c.severity(), status, failures, millis, message, sql);
    }
}
