package dev.fap.model.internal;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.model.BuildOptions;
import dev.fap.model.Check;
import dev.fap.model.CheckResult;
import dev.fap.model.Model;
import dev.fap.model.ModelResult;
import dev.fap.model.Project;
import dev.fap.model.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One run's work on a pool of worker threads, each with a pooled connection while it works: the selected
 * models in dependency order (independent ones in parallel, descendants of a failed model skipped) and,
 * when the run has checks, each model's checks as soon as the model and every selected model that the
 * relations its checks read depend on (those relations' own models and their ancestors) have finished;
 * like {@code dbt build}, so that checks fill the cores that the build's long tail leaves idle.
 *
 * <p>A model's build waits for no check: builds go first in the queue, check units (planned per model by
 * {@link CheckRunner#plan} on the catalog as the build left it) after them, largest first, and while models
 * remain to be built the checks occupy at most all workers but one. A check never
 * reads a relation mid-swap: every relation it reads is published before it starts, and later swaps in
 * this run replace only relations (and the views over them) that it does not read. The checks of a model
 * that was not built (failed, or skipped after an upstream failure) are reported {@link Status#SKIPPED}.
 * Results are recorded on the coordinating thread's connection {@code meta} as they arrive.
 */
final class BuildSchedule {
    /** The checks of one model, planned and started together; {@code offset} is the first one's position in the run. */
    private record Group(Model model, int offset, List<Model> owners, List<Check> checks, Set<String> pending) {}

    /** What a worker hands back to the coordinating thread. */
    private sealed interface Event permits Built, Checked, Crashed {}

    private record Built(ModelResult result) implements Event {}

    private record Checked(List<CheckRunner.Done> done) implements Event {}

    private record Crashed(String what, Throwable cause) implements Event {}

    private final Database db;
    private final Project project;
    private final BuildOptions o;
    private final long runId;
    private final Connection meta;
    private final List<Model> models;
    private final Set<String> selected = new HashSet<>();
    private final Map<String, Integer> waiting = new HashMap<>();
    private final Map<String, Status> ended = new HashMap<>();
    private final List<ModelResult> results = new ArrayList<>();
    private final Lock publishLock = new ReentrantLock();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ThreadPoolExecutor pool;
    private final int threads;
    private int running;
    /** Check units not yet handed to the pool: at most {@link #checkSlots()} run at once. */
    private final PriorityQueue<Task> pendingChecks = new PriorityQueue<>();
    private int checksRunning;
    private boolean buildDone;

    // checks (none when checker is null)
    private final CheckRunner checker;
    private final long testRunId;
    private final Map<String, List<Group>> groupsWaitingOn = new HashMap<>();
    private final CheckResult[] checkResults;
    private final Map<String, Long> previousMillis;
    private int checksFinished;

    /**
     * @param checker        runs the checks ({@code null}: a build only)
     * @param testRunId      the test run the checks are recorded under
     * @param owners         the model of each check in {@code checks}, models in the order of {@code models}
     * @param previousMillis earlier runs' milliseconds per check id, to order the check units
     */
    BuildSchedule(Database db, Project project, BuildOptions o, int threads, long runId, Connection meta, List<Model> models,
                  CheckRunner checker, long testRunId, List<Model> owners, List<Check> checks, Map<String, Long> previousMillis) {
        this.db = db;
        this.project = project;
        this.o = o;
        this.runId = runId;
        this.meta = meta;
        this.models = models;
        this.checker = checker;
        this.testRunId = testRunId;
        this.checkResults = new CheckResult[checks.size()];
        boolean timed = checks.isEmpty() || previousMillis.keySet().containsAll(ids(owners, checks));
        this.previousMillis = timed ? previousMillis : Map.of(); // one scale (ms or rows) for every unit of the run
        models.forEach(m -> selected.add(m.name()));
        for (Model m : models) {
            waiting.put(m.name(), (int) project.dependencies(m.name()).stream().filter(selected::contains).count());
        }
        Map<String, Model> byRelation = new HashMap<>();
        project.models().forEach(m -> byRelation.put(m.relation(), m));
        Map<String, Integer> first = new LinkedHashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            first.putIfAbsent(owners.get(i).name(), i);
            count.merge(owners.get(i).name(), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : first.entrySet()) {
            int from = e.getValue();
            int to = from + count.get(e.getKey());
            Model m = owners.get(from);
            Set<String> pending = new LinkedHashSet<>(List.of(m.name()));
            for (Check c : checks.subList(from, to)) {
                for (String rel : c.referencedRelations()) {
                    Model read = byRelation.get(rel);
                    if (read != null) {
                        // a view's rows come from its ancestors, and their swaps recreate it
                        Set<String> upstream = new LinkedHashSet<>(project.ancestors(read.name()));
                        upstream.add(read.name());
                        upstream.stream().filter(selected::contains).forEach(pending::add);
                    }
                }
            }
            Group g = new Group(m, from, List.copyOf(owners.subList(from, to)), List.copyOf(checks.subList(from, to)), pending);
            pending.forEach(p -> groupsWaitingOn.computeIfAbsent(p, k -> new ArrayList<>()).add(g));
        }
        this.threads = threads;
        PriorityBlockingQueue<Runnable> queue = new PriorityBlockingQueue<>();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue, r -> {
            Thread t = new Thread(r, checker == null ? "fap-build" : "fap-build-test");
            t.setDaemon(true);
            return t;
        });
    }

    private static Set<String> ids(List<Model> owners, List<Check> checks) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            ids.add(checks.get(i).id(owners.get(i)));
        }
        return ids;
    }

    /**
     * Runs the models (unless {@code setupSkipped}, the models' results after a failed setup script, says they
     * were all skipped) and the checks; {@code buildEnded} receives the models' results, in the order they
     * finished, as soon as the last model finished (checks may still be running).
     *
     * @return the checks' results in the order of the run's checks
     */
    List<CheckResult> run(List<ModelResult> setupSkipped, Consumer<List<ModelResult>> buildEnded) throws SQLException {
        try {
            if (!setupSkipped.isEmpty()) {
                for (ModelResult r : setupSkipped) {
                    results.add(r);
                    ended(r);
                }
            } else {
                for (Model m : models) {
                    if (waiting.get(m.name()) == 0) {
                        submitBuild(m);
                    }
                }
            }
            if (results.size() == models.size()) {
                buildDone = true;
                buildEnded.accept(List.copyOf(results));
            }
            dispatchChecks();
            while (running > 0) {
                Event e = events.take();
                running--;
                if (e instanceof Built b) {
                    built(b.result());
                    if (results.size() == models.size()) {
                        buildDone = true;
                        buildEnded.accept(List.copyOf(results));
                    }
                } else if (e instanceof Checked c) {
                    checksRunning--;
                    checked(c.done());
                } else if (e instanceof Crashed x) {
                    throw new FapException(ErrorCode.INTERNAL, x.what() + " crashed: " + x.cause(), "report this bug", x.cause());
                }
                dispatchChecks();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FapException(ErrorCode.BUILD_FAILED, "build interrupted", "", e);
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(checkResults);
    }

    private void submitBuild(Model m) {
        running++;
        pool.execute(task(0, 0, "model build", () -> new Built(buildOne(m))));
    }

    /** Queues a check unit; {@link #dispatchChecks()} hands it to the pool when a slot is free, largest first. */
    private void submitCheck(long cost, Supplier<Event> work) {
        pendingChecks.add(task(1, cost, "check", work));
    }

    /**
     * While models are still to be built, check units take at most all workers but one, so that a model that
     * becomes ready (the build's critical path) never waits for checks to end; once the build is done, all.
     */
    private int checkSlots() {
        return buildDone ? threads : Math.max(1, threads - 1);
    }

    private void dispatchChecks() {
        while (checksRunning < checkSlots() && !pendingChecks.isEmpty()) {
            checksRunning++;
            running++;
            pool.execute(pendingChecks.poll());
        }
    }

    /** Work for the pool, ordered: lower {@code rank} first (builds 0, checks 1), then higher {@code cost}, then first come. */
    private Task task(int rank, long cost, String what, Supplier<Event> work) {
        return new Task(rank, cost, sequence.getAndIncrement(), () -> {
            Event e;
            try {
                e = work.get();
            } catch (RuntimeException | Error t) {
                e = new Crashed(what, t);
            }
            events.add(e);
        });
    }

    private record Task(int rank, long cost, long seq, Runnable work) implements Runnable, Comparable<Task> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Task t) {
            int c = Integer.compare(rank, t.rank);
            if (c == 0) {
                c = Long.compare(t.cost, cost);
            }
            return c != 0 ? c : Long.compare(seq, t.seq);
        }
    }

    /** A model finished: skip its descendants if it failed, else start the dependents it was the last to wait for. */
    private void built(ModelResult r) throws SQLException {
        List<ModelResult> batch = new ArrayList<>(List.of(r));
        if (r.status() != Status.SUCCESS) {
            for (String d : project.descendants(r.model())) {
                if (selected.contains(d) && waiting.get(d) >= 0) {
                    waiting.put(d, -1);
                    Model dm = project.model(d);
                    batch.add(new ModelResult(d, dm.materialization(), Status.SKIPPED, 0, 0, 0, 0, null, "skipped: upstream " + r.model() + " failed"));
                }
            }
        } else {
            for (String d : project.dependents(r.model())) {
                if (selected.contains(d) && waiting.get(d) > 0 && waiting.merge(d, -1, Integer::sum) == 0) {
                    submitBuild(project.model(d));
                }
            }
        }
        for (ModelResult b : batch) {
            results.add(b);
            if (b.status() == Status.SKIPPED) {
                MetaStore.recordModel(meta, runId, b); // built models were recorded by their worker
                o.listener().stepFinished("build:" + b.model(), 0, 0);
            }
            o.listener().progress("build", results.size());
            ended(b);
        }
    }

    /** A model ended (built, failed or skipped): start the checks that waited for it last. */
    private void ended(ModelResult r) throws SQLException {
        ended.put(r.model(), r.status());
        for (Group g : groupsWaitingOn.getOrDefault(r.model(), List.of())) {
            g.pending().remove(r.model());
            if (g.pending().isEmpty()) {
                startChecks(g);
            }
        }
    }

    private void startChecks(Group g) throws SQLException {
        Status built = ended.get(g.model().name());
        if (built != Status.SUCCESS) {
            List<CheckRunner.Done> skipped = new ArrayList<>();
            for (int i = 0; i < g.checks().size(); i++) {
                skipped.add(new CheckRunner.Done(g.offset() + i, checker.skipped(g.model(), g.checks().get(i), "skipped: model "
                        + g.model().name() + " was not built in this run (" + built + ")")));
            }
            checked(skipped);
            return;
        }
        CheckPlan.Plan plan = CheckRunner.plan(meta, g.owners(), g.checks(), previousMillis);
        checked(checker.served(plan, g.owners(), g.checks()).stream().map(d -> d.shifted(g.offset())).toList());
        for (CheckPlan.Unit u : plan.units()) {
            submitCheck(u.cost(), () -> new Checked(checker.runUnit(u, g.checks()).stream().map(d -> d.shifted(g.offset())).toList()));
        }
    }

    private void checked(List<CheckRunner.Done> done) throws SQLException {
        List<CheckResult> batch = new ArrayList<>();
        for (CheckRunner.Done d : done) {
            checkResults[d.position()] = d.result();
            batch.add(d.result());
        }
        MetaStore.recordChecks(meta, testRunId, batch);
        for (int k = 0; k < done.size(); k++) {
            o.listener().progress("test", ++checksFinished);
        }
    }

    private ModelResult buildOne(Model m) {
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
}
