package dev.fap.model.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import dev.fap.model.BuildOptions;
import dev.fap.model.BuildResult;
import dev.fap.model.Check;
import dev.fap.model.CheckResult;
import dev.fap.model.Model;
import dev.fap.model.ModelResult;
import dev.fap.model.Project;
import dev.fap.model.Selection;
import dev.fap.model.Status;
import dev.fap.model.TestResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

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
        List<Model> models = selection.resolve(project);
        ProgressListener l = o.listener();
        try (Connection lc = db.connection()) {
            try (RunLock lock = RunLock.acquire(lc, o.lockTimeout(), () -> l.stepStarted("build:wait-for-lock", -1))) {
                MetaStore.ensure(lc);
                long runId = MetaStore.startRun(lc, "build", selection.toString(), o.refresh().toString(), lock.waitedMillis(), models.size());
                Instant started = Instant.now();
                long t0 = System.nanoTime();
                l.stepStarted("build", models.size());
                List<ModelResult> results = runSetup(lc, runId, models);
                if (results.isEmpty()) {
                    results = schedule(models, o, runId, lc);
                }
                long millis = (System.nanoTime() - t0) / 1_000_000;
                Status status = results.stream().allMatch(r -> r.status() == Status.SUCCESS) ? Status.SUCCESS : Status.ERROR;
                MetaStore.finishRun(lc, runId, status.toString(), millis);
                l.stepFinished("build", results.stream().filter(r -> r.status() == Status.SUCCESS).count(), millis);
                return new BuildResult(runId, selection.toString(), o.refresh(), status, started, millis, lock.waitedMillis(), results);
            }
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_ERROR, "build failed: " + e.getMessage(), "check the database connection", e);
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

    private List<ModelResult> schedule(List<Model> models, BuildOptions o, long runId, Connection meta) throws SQLException {
        Set<String> selected = new HashSet<>();
        models.forEach(m -> selected.add(m.name()));
        Map<String, Integer> waiting = new HashMap<>();
        for (Model m : models) {
            waiting.put(m.name(), (int) project.dependencies(m.name()).stream().filter(selected::contains).count());
        }
        Lock publishLock = new ReentrantLock();
        List<ModelResult> results = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads(o), r -> {
            Thread t = new Thread(r, "fap-build");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<ModelResult> done = new ExecutorCompletionService<>(pool);
        AtomicInteger finished = new AtomicInteger();
        try {
            int running = 0;
            for (Model m : models) {
                if (waiting.get(m.name()) == 0) {
                    done.submit(() -> buildOne(m, o, runId, publishLock));
                    running++;
                }
            }
            while (running > 0) {
                ModelResult r;
                try {
                    r = done.take().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FapException(ErrorCode.BUILD_FAILED, "build interrupted", "", e);
                } catch (ExecutionException e) {
                    throw new FapException(ErrorCode.INTERNAL, "model build crashed: " + e.getCause(), "report this bug", e.getCause());
                }
                running--;
                List<ModelResult> batch = new ArrayList<>(List.of(r));
                if (r.status() != Status.SUCCESS) {
                    failed.add(r.model());
                    for (String d : project.descendants(r.model())) {
                        if (selected.contains(d) && waiting.get(d) >= 0) {
                            waiting.put(d, -1);
                            Model dm = project.model(d);
                            batch.add(new ModelResult(d, dm.materialization(), Status.SKIPPED, 0, 0, 0, 0, null,
                                    "skipped: upstream " + r.model() + " failed"));
                        }
                    }
                } else {
                    for (String d : project.dependents(r.model())) {
                        if (selected.contains(d) && waiting.get(d) > 0 && waiting.merge(d, -1, Integer::sum) == 0) {
                            Model dm = project.model(d);
                            done.submit(() -> buildOne(dm, o, runId, publishLock));
                            running++;
                        }
                    }
                }
                for (ModelResult b : batch) {
                    results.add(b);
                    if (b.status() == Status.SKIPPED) {
                        MetaStore.recordModel(meta, runId, b); // built models were recorded by their worker
                        o.listener().stepFinished("build:" + b.model(), 0, 0);
                    }
                    o.listener().progress("build", finished.incrementAndGet());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private ModelResult buildOne(Model m, BuildOptions o, long runId, Lock publishLock) {
        String step = "build:" + m.name();
        o.listener().stepStarted(step, -1);
        long t0 = System.nanoTime();
        ModelResult r = null;
        try (Connection c = db.connection()) {
            try {
                ModelBuilder.Outcome out = new ModelBuilder(m, c, runId, o.refresh(), publishLock, o.lockTimeout()).build();
                r = new ModelResult(m.name(), m.materialization(), Status.SUCCESS, out.rows(), out.inserted(), out.updated(),
                        (System.nanoTime() - t0) / 1_000_000, out.staging(), out.note());
            } catch (SQLException e) {
                r = new ModelResult(m.name(), m.materialization(), Status.ERROR, 0, 0, 0, (System.nanoTime() - t0) / 1_000_000, null,
                        e.getMessage() + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"));
            } catch (FapException e) {
                r = new ModelResult(m.name(), m.materialization(), Status.ERROR, 0, 0, 0, (System.nanoTime() - t0) / 1_000_000, null,
                        e.getMessage() + (e.hint().isEmpty() ? "" : " (hint: " + e.hint() + ")"));
            }
            MetaStore.recordModel(c, runId, r);
        } catch (SQLException | FapException e) {
            // no connection, or it broke after the build: report the model as it ended, noting the lost record
            String note = "database connection failed: " + e.getMessage();
            r = r == null ? new ModelResult(m.name(), m.materialization(), Status.ERROR, 0, 0, 0, (System.nanoTime() - t0) / 1_000_000, null, note)
                    : new ModelResult(r.model(), r.materialization(), r.status(), r.rows(), r.inserted(), r.updated(), r.millis(), r.staging(),
                            (r.message().isEmpty() ? "" : r.message() + "; ") + "not recorded in fap_meta: " + note);
        }
        o.listener().stepFinished(step, Math.max(0, r.rows()), r.millis());
        return r;
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
                long millis = (System.nanoTime() - t0) / 1_000_000;
                Status status = results.stream().anyMatch(r -> r.status() == Status.ERROR) ? Status.ERROR
                        : results.stream().anyMatch(r -> r.status() == Status.FAIL) ? Status.FAIL
                        : results.stream().anyMatch(r -> r.status() == Status.WARN) ? Status.WARN : Status.PASS;
                MetaStore.finishRun(lc, runId, status.toString(), millis);
                l.stepFinished("test", results.stream().filter(r -> r.status() == Status.PASS).count(), millis);
                return new TestResult(runId, selection.toString(), status, started, millis, results);
            }
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_ERROR, "test run failed: " + e.getMessage(), "check the database connection", e);
        }
    }
}
