package dev.fap.model.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import dev.fap.model.BuildAndTestResult;
import dev.fap.model.BuildOptions;
import dev.fap.model.BuildResult;
import dev.fap.model.Check;
import dev.fap.model.CheckResult;
import dev.fap.model.Model;
import dev.fap.model.ModelResult;
import dev.fap.model.Project;
import dev.fap.model.Refresh;
import dev.fap.model.Selection;
import dev.fap.model.Status;
import dev.fap.model.TestResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs builds and tests of a {@link Project} on a {@link Database}: lock, schedule, record. */
public final class Engine {
    private final Database db;
    private final Project project;

    public Engine(Database db, Project project) {
        this.db = db;
        this.project = project;
    }

    /** Worker threads for a run: as requested, else the processors; never more than the pool minus the lock's connection. */
    int threads(BuildOptions o) {
        int pool = db.dataSource() instanceof HikariDataSource h ? h.getMaximumPoolSize() : 8;
        int want = o.threads() > 0 ? o.threads() : Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(want, pool - 1));
    }

    // ------------------------------------------------------------------------------------------ build

    public BuildResult build(Selection selection, BuildOptions o) {
        return run(selection, o, false).build();
    }

    /** Builds the selected models and runs their checks as the models they read are built ({@link BuildSchedule}). */
    public BuildAndTestResult buildAndTest(Selection selection, BuildOptions o) {
        Ran ran = run(selection, o, true);
        return new BuildAndTestResult(ran.build(), ran.test());
    }

    /** What {@link #run} did: the build, and the test run of its checks (null for a build alone). */
    private record Ran(BuildResult build, TestResult test) {}

    /** A build, with the checks of the selected models when {@code withChecks} (else the result's test is null). */
    private Ran run(Selection selection, BuildOptions o, boolean withChecks) {
        List<Model> models = selection.resolve(project);
        List<Model> owners = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        if (withChecks) {
            for (Model m : models) {
                for (Check c : m.checks()) {
                    owners.add(m);
                    checks.add(c);
                }
            }
        }
        ProgressListener l = o.listener();
        try (Connection lc = db.connection()) {
            try (RunLock lock = RunLock.acquire(lc, o.lockTimeout(), () -> l.stepStarted("build:wait-for-lock", -1))) {
                MetaStore.ensure(lc);
                long runId = MetaStore.startRun(lc, "build", selection.toString(), o.refresh().toString(), lock.waitedMillis(), models.size());
                long testRunId = withChecks ? MetaStore.startRun(lc, "test", selection.toString(), null, lock.waitedMillis(), checks.size()) : -1;
                Instant started = Instant.now();
                long t0 = System.nanoTime();
                l.stepStarted("build", models.size());
                if (withChecks) {
                    l.stepStarted("test", checks.size());
                }
                List<ModelResult> skipped = runSetup(lc, runId, models);
                if (o.refresh() == Refresh.INCREMENTAL) {
                    analyzeSourcesWithoutStatistics(lc, models);
                }
                BuildResult[] build = new BuildResult[1];
                Map<String, Long> previous = withChecks ? CheckPlan.previousMillis(lc, testRunId) : Map.of();
                List<CheckResult> results = new BuildSchedule(db, project, o, threads(o), runId, lc, models,
                        withChecks ? new CheckRunner(db, testRunId, o, threads(o)) : null, testRunId, owners, checks, previous)
                        .run(skipped, built -> build[0] = finishBuild(lc, runId, selection, o, started, t0, lock.waitedMillis(), built));
                if (!withChecks) {
                    return new Ran(build[0], null);
                }
                return new Ran(build[0], finishTest(lc, testRunId, selection, o, started, t0, results));
            }
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_ERROR, "build failed: " + e.getMessage(), "check the database connection", e);
        }
    }

    private static BuildResult finishBuild(Connection lc, long runId, Selection selection, BuildOptions o, Instant started, long t0,
                                           long lockWaitMillis, List<ModelResult> results) {
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Status status = results.stream().allMatch(r -> r.status() == Status.SUCCESS) ? Status.SUCCESS : Status.ERROR;
        try {
            MetaStore.finishRun(lc, runId, status.toString(), millis);
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_ERROR, "build failed: " + e.getMessage(), "check the database connection", e);
        }
        o.listener().stepFinished("build", results.stream().filter(r -> r.status() == Status.SUCCESS).count(), millis);
        return new BuildResult(runId, selection.toString(), o.refresh(), status, started, millis, lockWaitMillis, results);
    }

    /** Records the end of a test run and reports it: its status is the worst of its checks'. */
    private static TestResult finishTest(Connection lc, long runId, Selection selection, BuildOptions o, Instant started, long t0,
                                         List<CheckResult> results) throws SQLException {
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Status status = results.stream().anyMatch(r -> r.status() == Status.ERROR) ? Status.ERROR
                : results.stream().anyMatch(r -> r.status() == Status.FAIL) ? Status.FAIL
                : results.stream().anyMatch(r -> r.status() == Status.WARN) ? Status.WARN : Status.PASS;
        MetaStore.finishRun(lc, runId, status.toString(), millis);
        o.listener().stepFinished("test", results.stream().filter(r -> r.status() == Status.PASS).count(), millis);
        return new TestResult(runId, selection.toString(), status, started, millis, results);
    }

    /**
     * Before an incremental run: analyzes the bronze tables the models read that hold rows but have no statistics yet (a
     * database loaded moments ago, before autovacuum came by). Without a histogram of {@code _batch_id} the planner takes
     * {@code _batch_id > N} for a third of the table and scans all of it instead of the new batch's pages (the batch
     * index); with one, the new batch lies beyond the histogram's end. A small sample suffices (statistics target 10);
     * autovacuum analyzes the tables with the full one later.
     */
    private static void analyzeSourcesWithoutStatistics(Connection c, List<Model> models) throws SQLException {
        List<String> sources = models.stream().flatMap(m -> SqlText.references(m.sql().text()).stream())
                .filter(r -> r.startsWith("bronze.")).distinct().map(Jdbc::literal).toList();
        if (sources.isEmpty()) {
            return;
        }
        // never analyzed: the statistics system's times (a table of an earlier version, or one whose statistics were reset,
        // is analyzed once more; cheaper than reading pg_stats, which checks privileges on every statistics row)
        List<String> bare = Jdbc.rows(c, "select r::text from unnest(array[" + String.join(", ", sources) + "]) n, to_regclass(n) r"
                + " where r is not null and pg_relation_size(r) > 0 and pg_stat_get_last_analyze_time(r) is null"
                + " and pg_stat_get_last_autoanalyze_time(r) is null").stream().map(r -> r[0]).toList();
        if (bare.isEmpty()) {
            return;
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Jdbc.exec(c, "set local default_statistics_target = 10;\nanalyze " + String.join(", ", bare));
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Runs the project's setup scripts in one transaction; on failure every model is reported as skipped. */
    private List<ModelResult> runSetup(Connection c, long runId, List<Model> models) throws SQLException {
        if (project.setup().isEmpty()) {
            return List.of();
        }
        c.setAutoCommit(false);
        try {
            for (dev.fap.model.Sql script : project.setup()) {
                Jdbc.exec(c, script.text());
            }
            c.commit();
            return List.of();
        } catch (SQLException e) {
            c.rollback();
            List<ModelResult> skipped = new ArrayList<>();
            for (Model m : models) {
                ModelResult r = new ModelResult(m.name(), m.materialization(), Status.SKIPPED, 0, 0, 0, 0, null,
                        "skipped: setup script failed: " + e.getMessage());
                skipped.add(r);
            }
            c.setAutoCommit(true);
            for (ModelResult r : skipped) {
                MetaStore.recordModel(c, runId, r);
            }
            return skipped;
        } finally {
            c.setAutoCommit(true);
        }
    }

    // ------------------------------------------------------------------------------------------ test

    public TestResult test(Selection selection, BuildOptions o) {
        List<Model> models = selection.resolve(project);
        List<Model> owners = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (Model m : models) {
            for (Check c : m.checks()) {
                owners.add(m);
                checks.add(c);
            }
        }
        ProgressListener l = o.listener();
        try (Connection lc = db.connection()) {
            try (RunLock lock = RunLock.acquire(lc, o.lockTimeout(), () -> l.stepStarted("test:wait-for-lock", -1))) {
                MetaStore.ensure(lc);
                long runId = MetaStore.startRun(lc, "test", selection.toString(), null, lock.waitedMillis(), checks.size());
                Instant started = Instant.now();
                long t0 = System.nanoTime();
                l.stepStarted("test", checks.size());
                List<CheckResult> results = new CheckRunner(db, runId, o, threads(o)).run(lc, owners, checks);
                return finishTest(lc, runId, selection, o, started, t0, results);
            }
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_ERROR, "test run failed: " + e.getMessage(), "check the database connection", e);
        }
    }
}
