package dev.fap;

import dev.fap.analytics.Analytics;
import dev.fap.analytics.AnalyticsReport;
import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapConfig;
import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import dev.fap.core.bronze.BronzeBatch;
import dev.fap.core.bronze.BronzeLoadResult;
import dev.fap.core.bronze.BronzeLoader;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.FinancialDataset;
import dev.fap.generator.GenerateResult;
import dev.fap.generator.rows.BronzeRecord;
import dev.fap.model.BuildAndTestResult;
import dev.fap.model.BuildOptions;
import dev.fap.model.BuildResult;
import dev.fap.model.Model;
import dev.fap.model.ModelResult;
import dev.fap.model.Refresh;
import dev.fap.model.Status;
import dev.fap.model.Selection;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;
import dev.fap.report.ReportSet;
import dev.fap.report.ReportWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one entry point to the whole platform: generate → load → build → test → analyze → report →
 * docs, in one call, with a {@link RunResult} of numbers at the end. This is what {@code ./fap run}
 * does.
 *
 * <pre>{@code
 * RunResult r = Fap.configure()                                  // FapConfig.load(): .env, environment, -D
 *         .withDataset(DatasetSpec.defaults().withCustomers(500))
 *         .withOutput(Path.of("fap-out"))
 *         .withProgress(listener)
 *         .run();                                                // embedded PostgreSQL started and stopped
 * System.out.println(r);                                         // rows per layer, models, checks, reports, millis per step
 * r.checks().orThrow();                                          // fail if a data-quality check failed
 *
 * try (Database db = Database.wrap(myDataSource)) {              // or on a database of the application
 *     Fap.configure().withExistingBronze().run(db);              //   keeping the bronze data it loaded itself
 * }
 * }</pre>
 *
 * <p>What a run does, in order:
 * <ol>
 *   <li>opens the database of the {@link FapConfig} ({@link #run()} only; {@link #run(Database)} uses the caller's
 *       and leaves it open) and creates the bronze tables if missing;</li>
 *   <li>empties bronze and generates the {@link DatasetSpec} into it with COPY (skipped with
 *       {@link #withExistingBronze()});</li>
 *   <li>builds silver and gold with a full refresh (a failed model throws {@link ErrorCode#BUILD_FAILED}) and runs
 *       every data-quality check ({@link Warehouse#buildAndTest}: a model's checks as soon as it and the relations
 *       they read are built; failures do not stop the run: see {@link RunResult#orThrow()}); as soon as the models
 *       the analyses read ({@link Analytics#INPUTS}) are built, another thread computes the eight analyses
 *       ({@code <output>/analytics.json}) while the build goes on with the daily snapshot and the monthly fact,
 *       and the checks fill the core that the snapshot leaves idle;</li>
 *   <li>writes the HTML reports ({@code <output>/reports/}), the docs ({@code <output>/docs/index.html}) and
 *       {@code manifest.json} and {@code run_results.json}.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe: every {@code with...} returns a new instance; one instance may run
 * many times, also concurrently on different databases.
 */
public final class Fap {
    /** Output folder of {@link #configure()}. */
    public static final Path DEFAULT_OUTPUT = Path.of("fap-out");
    /**
     * Datasets of up to this many transactions are generated in memory by {@link #run()} while the database
     * starts (they take well under 100 MB of heap); larger ones stream into it once it is open.
     */
    static final long EARLY_GENERATION_LIMIT = 100_000;
    /** Confidence level of every interval unless {@link #withLevel} says otherwise. */
    public static final double DEFAULT_LEVEL = 0.95;

    private final FapConfig config;
    private final DatasetSpec dataset;
    private final Path output;
    private final ProgressListener progress;
    private final Long analysisSeed;
    private final double level;

    private Fap(FapConfig config, DatasetSpec dataset, Path output, ProgressListener progress, Long analysisSeed,
                double level) {
        this.config = config;
        this.dataset = dataset;
        this.output = output;
        this.progress = progress;
        this.analysisSeed = analysisSeed;
        this.level = level;
    }

    /**
     * A run with the configuration of {@link FapConfig#load()} ({@code .env} &lt; environment &lt; {@code -D}),
     * the default dataset ({@link DatasetSpec#defaults()}), output {@code fap-out} and no progress.
     */
    public static Fap configure() {
        return configure(FapConfig.load());
    }

    /** A run on the database of {@code config}; otherwise as {@link #configure()}. */
    public static Fap configure(FapConfig config) {
        return new Fap(Objects.requireNonNull(config, "config"), DatasetSpec.defaults(), DEFAULT_OUTPUT,
                ProgressListener.NONE, null, DEFAULT_LEVEL);
    }

    /** Another database configuration (used by {@link #run()}). */
    public Fap withConfig(FapConfig config) {
        return new Fap(Objects.requireNonNull(config, "config"), dataset, output, progress, analysisSeed, level);
    }

    /** Generate this dataset into a freshly emptied bronze (the default is {@link DatasetSpec#defaults()}). */
    public Fap withDataset(DatasetSpec spec) {
        return new Fap(config, Objects.requireNonNull(spec, "spec"), output, progress, analysisSeed, level);
    }

    /**
     * Keep the bronze data that is there (loaded by the application, {@code BronzeLoader} or an earlier
     * run) instead of generating a dataset. {@link #withDataset} switches generation on again.
     */
    public Fap withExistingBronze() {
        return new Fap(config, null, output, progress, analysisSeed, level);
    }

    /** Folder for {@code reports/}, {@code docs/}, {@code analytics.json}, {@code manifest.json}, {@code run_results.json}. */
    public Fap withOutput(Path dir) {
        return new Fap(config, dataset, Objects.requireNonNull(dir, "dir"), progress, analysisSeed, level);
    }

    /**
     * Receives the whole steps ({@code generate}, {@code build}, {@code test}, {@code analyze}, {@code report},
     * {@code docs}) and their parts ({@code generate:transactions}, {@code build:dim_customer}, ...). Must be
     * thread-safe: parts run in parallel.
     */
    public Fap withProgress(ProgressListener listener) {
        return new Fap(config, dataset, output, Objects.requireNonNull(listener, "listener"), analysisSeed, level);
    }

    /**
     * Seed of the analyses' random steps (train/test splits, bootstraps, k-means). Default: the
     * dataset's seed, or {@value DatasetSpec#DEFAULT_SEED} with {@link #withExistingBronze()}.
     */
    public Fap withAnalysisSeed(long seed) {
        return new Fap(config, dataset, output, progress, seed, level);
    }

    /**
     * Confidence level of every interval, in (0, 1); default {@value #DEFAULT_LEVEL}.
     *
     * @throws FapException INVALID_ARGUMENT outside (0, 1)
     */
    public Fap withLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new FapException(ErrorCode.INVALID_ARGUMENT, "confidence level must be in (0, 1), was " + level,
                    "use e.g. 0.95 for 95% intervals");
        }
        return new Fap(config, dataset, output, progress, analysisSeed, level);
    }

    /** The database configuration used by {@link #run()}. */
    public FapConfig config() {
        return config;
    }

    /** The dataset to generate; empty with {@link #withExistingBronze()}. */
    public java.util.Optional<DatasetSpec> dataset() {
        return java.util.Optional.ofNullable(dataset);
    }

    /** The output folder. */
    public Path output() {
        return output;
    }

    /**
     * Opens the configured database (an embedded PostgreSQL unless one is configured), runs the whole
     * pipeline and closes it again (stopping the embedded server).
     *
     * @throws FapException with the {@link ErrorCode} of the step that failed (database, build, analysis, report)
     */
    public RunResult run() {
        long t0 = System.nanoTime();
        // the generator needs no database: a small dataset is generated in memory while the server starts
        CompletableFuture<EarlyDataset> early = dataset != null && dataset.transactions() <= EARLY_GENERATION_LIMIT
                ? CompletableFuture.supplyAsync(() -> new EarlyDataset(DataGenerator.of(dataset).inMemory(), t0))
                : null;
        RunResult result;
        String description;
        boolean embedded;
        try (Database db = Database.open(config)) {
            long opened = System.nanoTime();
            description = db.description();
            embedded = db.isEmbedded();
            result = run(db, Map.of("database", (opened - t0) / 1_000_000), early);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return result.withDatabase(embedded ? description + ", stopped" : description, millis);
    }

    /**
     * Runs the whole pipeline on a database the caller opened (e.g. {@code Database.wrap(dataSource)});
     * it stays open.
     *
     * @throws FapException with the {@link ErrorCode} of the step that failed (build, analysis, report)
     */
    public RunResult run(Database db) {
        return run(Objects.requireNonNull(db, "db"), Map.of(), null);
    }

    private RunResult run(Database db, Map<String, Long> before, CompletableFuture<EarlyDataset> early) {
        long t0 = System.nanoTime();
        Stopwatch watch = new Stopwatch(new LinkedHashMap<>(before), progress);
        Map<String, Long> steps = watch.steps();
        BronzeLoader.ensureTables(db);
        GenerateResult generated = null;
        if (dataset != null) {
            generated = watch.time("generate", () -> {
                clearBronze(db);
                return early != null ? join(early).load(db) : DataGenerator.of(dataset).toDatabase(db, progress);
            });
            watch.announce("generate", generated.totalRows());     // the generator reports only its tables
        }
        Warehouse wh = FapWarehouse.on(db);
        // the build runs in the database: meanwhile the JVM compresses plotly.js for the reports
        CompletableFuture.runAsync(ReportWriter::preload);
        long seed = analysisSeed != null ? analysisSeed : dataset != null ? dataset.seed() : DatasetSpec.DEFAULT_SEED;
        Path analyticsJson = output.resolve("analytics.json");
        // the analyses never read the daily snapshot or the monthly fact: they start as soon as their inputs are
        // built, on the core that the rest of the build leaves idle
        ModelsBuilt inputs = new ModelsBuilt(wh.project(), Analytics.INPUTS, progress);
        watch.reserve("build", "test", "analyze");
        CompletableFuture<AnalyticsReport> analyzing = watch.timeAsyncAfter(inputs.ready(), "analyze", () -> {
            AnalyticsReport a = Analytics.on(db).withSeed(seed).withLevel(level).withProgress(progress).all();
            a.writeJson(analyticsJson);
            return a;
        });
        // each model's checks run as soon as it and what they read are built, on the worker the build's tail
        // (the daily snapshot) leaves idle; the reports need only the analyses, so the build runs on its own thread
        CompletableFuture<BuildAndTestResult> building = watch.timeAsync("build", () -> {
            try {
                BuildAndTestResult r = wh.buildAndTest(Selection.all(), BuildOptions.defaults().withFullRefresh().withListener(inputs));
                r.build().orThrow();
                inputs.buildEnded(null);
                return r;
            } catch (RuntimeException e) {
                inputs.buildEnded(e);
                throw e;
            }
        });
        AnalyticsReport analytics;
        ReportSet reports;
        try {
            analytics = join(analyzing);
            watch.announce("analyze", analytics.timings().size() - analytics.failures().size());
            reports = watch.time("report",
                    () -> ReportWriter.defaults().withProgress(progress).write(analytics, output.resolve("reports")));
        } catch (RuntimeException e) {
            join(building); // a failed build is the cause to report, not the analyses it stopped
            throw e;
        }
        BuildAndTestResult built = join(building);
        BuildResult build = built.build();
        TestResult checks = built.test();
        steps.put("build", build.millis());
        steps.put("test", checks.millis());
        Path docs = watch.time("docs", () -> wh.writeDocs(output.resolve("docs")));
        List<Path> artifacts = watch.time("artifacts", () -> wh.writeArtifacts(output));
        watch.announce("docs", 1 + artifacts.size());
        Map<String, Long> written = rowsWritten(wh, generated, build);
        WarehouseStatus status = watch.time("status", () -> WarehouseStatus.of(db, written));
        long millis = (System.nanoTime() - t0) / 1_000_000 + before.values().stream().mapToLong(Long::longValue).sum();
        return new RunResult(db.description(), status, generated, build, checks, analytics, reports, output,
                analyticsJson, docs, artifacts, steps, millis);
    }

    /**
     * Empties every bronze table, so that a run from the same seed always gives the same warehouse.
     * Silver and gold are rebuilt from bronze by the next build.
     */
    public static void clearBronze(Database db) {
        String tables = Arrays.stream(BronzeTable.values()).map(t -> Database.BRONZE + "." + t.tableName())
                .collect(Collectors.joining(", "));
        db.dsl().execute("truncate " + tables);
    }

    /**
     * The rows of the tables this run wrote, by qualified name: the generated bronze tables and the tables of
     * the full build (a model's rows are its table's rows then), so that the status need not count them again.
     */
    private static Map<String, Long> rowsWritten(Warehouse wh, GenerateResult generated, BuildResult build) {
        Map<String, Long> rows = new HashMap<>();
        if (generated != null) {
            generated.rowsPerTable().forEach((t, n) -> rows.put(Database.BRONZE + "." + t.tableName(), n));
        }
        if (build.refresh() == Refresh.FULL) {
            for (ModelResult m : build.models()) {
                Model model = wh.project().model(m.model());
                if (m.status() == Status.SUCCESS && model.isTable() && m.rows() >= 0) {
                    rows.put(model.relation(), m.rows());
                }
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return "Fap[" + config + ", dataset=" + (dataset == null ? "existing bronze" : dataset) + ", output=" + output
                + ", level=" + level + (analysisSeed == null ? "" : ", analysisSeed=" + analysisSeed) + "]";
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * A dataset generated in memory while the database started ({@link #run()} with at most
     * {@link #EARLY_GENERATION_LIMIT} transactions): loaded into bronze as one batch, like
     * {@link DataGenerator#toDatabase}, with the same rows in the same order.
     */
    private record EarlyDataset(FinancialDataset rows, long startedNanos) {
        GenerateResult load(Database db) {
            DataGenerator generator = DataGenerator.of(rows.spec());
            try (BronzeBatch batch = BronzeLoader.begin(db, "generator " + rows.spec() + " batch " + generator.batch())) {
                for (BronzeTable t : BronzeTable.values()) {
                    for (BronzeRecord r : rows.rows(t)) {
                        r.writeTo(batch.table(t));
                    }
                }
                BronzeLoadResult loaded = batch.commit();
                return new GenerateResult(generator.batch(), generator.from(), generator.to(), loaded.rowsPerTable(),
                        (System.nanoTime() - startedNanos) / 1_000_000, loaded.batchId(), rows.dirty());
            }
        }
    }

    /** Times the steps of one run (not shared between runs; steps may run on two threads). */
    private record Stopwatch(Map<String, Long> steps, ProgressListener progress) {
        Stopwatch {
            steps = Collections.synchronizedMap(steps);
        }

        <T> T time(String step, Supplier<T> work) {
            long t = System.nanoTime();
            T result = work.get();
            steps.put(step, (System.nanoTime() - t) / 1_000_000);
            return result;
        }

        /** Gives these steps their places in the order of {@link #steps} now, whenever they run. */
        void reserve(String... names) {
            for (String n : names) {
                steps.putIfAbsent(n, 0L);
            }
        }

        /** Starts {@code work} on its own thread; the step keeps its place in the order of {@link #steps}. */
        <T> CompletableFuture<T> timeAsync(String step, Supplier<T> work) {
            return timeAsyncAfter(CompletableFuture.completedFuture(null), step, work);
        }

        /**
         * Starts {@code work} on its own thread once {@code ready} completes (timed from then); fails with
         * {@code ready}'s failure without running it.
         */
        <T> CompletableFuture<T> timeAsyncAfter(CompletableFuture<?> ready, String step, Supplier<T> work) {
            steps.putIfAbsent(step, 0L);
            CompletableFuture<T> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    join(ready);
                    f.complete(time(step, work));
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            }, "fap-" + step);
            t.setDaemon(true);
            t.start();
            return f;
        }

        /** Reports a whole step whose component reports only its parts ({@code generate:transactions}, ...). */
        void announce(String step, long rows) {
            progress.stepFinished(step, rows, step.equals("docs") ? steps.get("docs") + steps.get("artifacts") : steps.get(step));
        }
    }
}
