package dev.fap;

import dev.fap.analytics.AnalyticsReport;
import dev.fap.analytics.StepTiming;
import dev.fap.generator.GenerateResult;
import dev.fap.model.BuildResult;
import dev.fap.model.TestResult;
import dev.fap.report.ReportSet;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link Fap#run()} did, in numbers: rows per layer, the generation, the build, the
 * data-quality checks, the analyses, the reports, where everything was written, and milliseconds
 * per step. {@link #toString()} is the summary {@code ./fap run} prints.
 *
 * <pre>{@code
 * RunResult r = Fap.configure().withDataset(DatasetSpec.defaults().withCustomers(200)).run();
 * r.warehouse().layers().get("gold").rows();      // rows over all gold tables
 * r.build().models().size();                      // models built
 * r.checks().failed();                            // 0
 * r.reports().totalCharts();                      // charts over the eight HTML reports
 * r.stepMillis().get("build");                    // milliseconds of the build step
 * r.orThrow();                                    // FapException(CHECKS_FAILED) if a check failed
 * }</pre>
 *
 * @param database      where the run happened, free of passwords ({@code embedded PostgreSQL on port 41234 (temporary), stopped})
 * @param warehouse     server, schemas, roles and rows per layer after the run
 * @param generated     the generated dataset, or {@code null} when the run kept the existing bronze data
 *                      (see {@link #generation()})
 * @param build         the warehouse build (always successful: a failed build throws)
 * @param checks        the data-quality checks (may have failures: see {@link #orThrow()})
 * @param analytics     the eight analyses
 * @param reports       the HTML reports written
 * @param output        the output folder
 * @param analyticsJson {@code <output>/analytics.json}
 * @param docs          {@code <output>/docs/index.html}
 * @param artifacts     {@code manifest.json} and {@code run_results.json}
 * @param stepMillis    milliseconds per step in run order: {@code database} (only when the run opened it),
 *                      {@code generate} (only when it generated), {@code build}, {@code test}, {@code analyze},
 *                      {@code report}, {@code docs}, {@code artifacts}, {@code status}; {@code analyze} starts
 *                      during {@code build} once the models it reads are built, {@code test} starts with
 *                      {@code build} (each model's checks once it is built) and ends after it, so the steps add up to more than
 *                      {@code millis}; a small dataset is generated while the database starts, so then
 *                      {@code generate} is the time the load (and any generation still running) added after
 *                      {@code database}, while {@link GenerateResult#millis()} counts from the start
 * @param millis        wall time of the whole run
 */
public record RunResult(String database, WarehouseStatus warehouse, GenerateResult generated, BuildResult build,
                        TestResult checks, AnalyticsReport analytics, ReportSet reports, Path output, Path analyticsJson,
                        Path docs, List<Path> artifacts, Map<String, Long> stepMillis, long millis) {
    public RunResult {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(analytics, "analytics");
        Objects.requireNonNull(reports, "reports");
        artifacts = List.copyOf(artifacts);
        stepMillis = Collections.unmodifiableMap(new LinkedHashMap<>(stepMillis));
    }

    /** The generated dataset; empty when the run kept the existing bronze data. */
    public Optional<GenerateResult> generation() {
        return Optional.ofNullable(generated);
    }

    /** True if no data-quality check of severity error failed. */
    public boolean ok() {
        return checks.ok();
    }

    /**
     * Returns this if every check of severity error passed, else throws.
     *
     * @throws dev.fap.core.FapException CHECKS_FAILED naming the failed checks
     */
    public RunResult orThrow() {
        checks.orThrow();
        return this;
    }

    /** The same result with another database description and total time (used when {@link Fap#run()} closed it). */
    RunResult withDatabase(String description, long totalMillis) {
        return new RunResult(description, warehouse, generated, build, checks, analytics, reports, output, analyticsJson,
                docs, artifacts, stepMillis, totalMillis);
    }

    /** The summary {@code ./fap run} prints: layers, steps with their numbers, files, times. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "FAP run finished in %.1f s%n", millis / 1000.0));
        line(sb, "database", database);
        line(sb, "server", "PostgreSQL " + warehouse.server());
        line(sb, "schemas", String.join(", ", warehouse.schemas()));
        line(sb, "roles", String.join(", ", warehouse.roles()));
        warehouse.layers().forEach((schema, layer) -> line(sb, schema, layer.toString()));
        if (generated != null) {
            line(sb, "generate", String.format(Locale.ROOT, "%,d rows in %.1f s (%s to %s)", generated.totalRows(),
                    generated.millis() / 1000.0, generated.from(), generated.to()));
        }
        line(sb, "build", String.format(Locale.ROOT, "%d models in %.1f s", build.models().size(), build.millis() / 1000.0));
        line(sb, "checks", String.format(Locale.ROOT, "%d passed, %d warned, %d failed", checks.passed(), checks.warned(),
                checks.failed()));
        line(sb, "analyze", String.format(Locale.ROOT, "8 analyses in %.1f s, %d parts not computable",
                analytics.timings().stream().mapToLong(StepTiming::millis).sum() / 1000.0, analytics.failures().size()));
        line(sb, "reports", String.format(Locale.ROOT, "%d files, %d charts in %s", reports.reports().size() + 1,
                reports.totalCharts(), reports.directory()));
        line(sb, "docs", String.valueOf(docs));
        line(sb, "analysis", String.valueOf(analyticsJson));
        artifacts.forEach(p -> line(sb, "artifact", p.toString()));
        StringBuilder steps = new StringBuilder();
        stepMillis.forEach((step, ms) -> steps.append(steps.length() == 0 ? "" : ", ").append(step).append(' ')
                .append(String.format(Locale.ROOT, "%,d", ms)).append(" ms"));
        line(sb, "steps", steps.toString());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "  %-9s %s%n", label, value));
    }
}
