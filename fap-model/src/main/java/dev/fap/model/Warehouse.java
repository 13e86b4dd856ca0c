package dev.fap.model;

import dev.fap.core.Database;
import dev.fap.core.FapException;
import dev.fap.model.internal.ArtifactWriter;
import dev.fap.model.internal.DocsWriter;
import dev.fap.model.internal.Engine;
import dev.fap.model.internal.SqlText;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The entry point of the model engine: builds and tests a {@link Project} on a {@link Database},
 * writes artifacts and documentation. Thread-safe; concurrent runs (from any thread or process) are
 * serialised by a PostgreSQL advisory lock.
 *
 * <pre>{@code
 * Warehouse wh = Warehouse.on(db, project);
 * BuildResult b = wh.build(Selection.parse("+fact_transactions"), BuildOptions.defaults().withRefresh(Refresh.FULL));
 * TestResult t = wh.test(Selection.all());                  // failing rows in fap_meta.check_failures
 * BuildAndTestResult bt = wh.buildAndTest(Selection.all());  // both: each model's checks as soon as it is built
 * wh.writeArtifacts(Path.of("target/fap"));                 // run_results.json + manifest.json
 * wh.writeDocs(Path.of("target/fap"));                      // index.html: catalog + lineage graph
 * }</pre>
 *
 * <p>Guarantees: models run in dependency order, independent ones in parallel; every model is built
 * in one transaction and published atomically (tables beside the live one, swapped with their
 * dependent views), so readers never see a half-built relation and a failure leaves the last good
 * version live. Models downstream of a failed one are skipped. Results are recorded in
 * {@code fap_meta.runs}, {@code fap_meta.model_results} and {@code fap_meta.check_results}.
 */
public final class Warehouse {
    private final Database db;
    private final Project project;
    private final Engine engine;

    private Warehouse(Database db, Project project) {
        this.db = db;
        this.project = project;
        this.engine = new Engine(db, project);
    }

    /** A warehouse of {@code project} on {@code db}. */
    public static Warehouse on(Database db, Project project) {
        return new Warehouse(Objects.requireNonNull(db, "db"), Objects.requireNonNull(project, "project"));
    }

    public Project project() {
        return project;
    }

    public Database database() {
        return db;
    }

    /** Builds the selected models. A failed model does not throw: see {@link BuildResult#orThrow()}. */
    public BuildResult build(Selection selection, BuildOptions options) {
        return engine.build(Objects.requireNonNull(selection, "selection"), Objects.requireNonNull(options, "options"));
    }

    /** Builds the selected models with {@link BuildOptions#defaults()}. */
    public BuildResult build(Selection selection) {
        return build(selection, BuildOptions.defaults());
    }

    /** Builds every model with {@link BuildOptions#defaults()}. */
    public BuildResult build() {
        return build(Selection.all());
    }

    /**
     * Builds the selected models and runs their checks, like {@code dbt build}: each model's checks start as
     * soon as the model and the relations they read ({@link Check#referencedRelations()}) are built, on the
     * workers the build leaves idle, while the rest of the build goes on. The results are those of
     * {@link #build(Selection, BuildOptions)} followed by {@link #test(Selection, BuildOptions)} (two runs in
     * {@code fap_meta.runs}; failing rows in {@code fap_meta.check_failures}), except that the checks of a model
     * that was not built are {@link Status#SKIPPED} instead of run against its previous version. Checks never
     * hold the build back: builds go first on the {@link BuildOptions#threads() workers} (the checks take at most
     * all but one while models remain), and a failing check skips nothing. It uses the connections of a build:
     * one for the run lock and the run records, one per worker. Neither failed models nor failing checks throw: see {@link BuildAndTestResult#orThrow()}.
     *
     * <pre>{@code
     * BuildAndTestResult r = wh.buildAndTest(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow();
     * }</pre>
     */
    public BuildAndTestResult buildAndTest(Selection selection, BuildOptions options) {
        return engine.buildAndTest(Objects.requireNonNull(selection, "selection"), Objects.requireNonNull(options, "options"));
    }

    /** Builds the selected models and runs their checks ({@link #buildAndTest(Selection, BuildOptions)}) with {@link BuildOptions#defaults()}. */
    public BuildAndTestResult buildAndTest(Selection selection) {
        return buildAndTest(selection, BuildOptions.defaults());
    }

    /** Builds every model and runs every check ({@link #buildAndTest(Selection, BuildOptions)}) with {@link BuildOptions#defaults()}. */
    public BuildAndTestResult buildAndTest() {
        return buildAndTest(Selection.all());
    }

    /** Runs the checks of the selected models. Failing checks do not throw: see {@link TestResult#orThrow()}. */
    public TestResult test(Selection selection, BuildOptions options) {
        return engine.test(Objects.requireNonNull(selection, "selection"), Objects.requireNonNull(options, "options"));
    }

    /** Runs the checks of the selected models with {@link BuildOptions#defaults()}. */
    public TestResult test(Selection selection) {
        return test(selection, BuildOptions.defaults());
    }

    /** Runs every check. */
    public TestResult test() {
        return test(Selection.all());
    }

    /**
     * The SQL a model runs: for incremental models with {@code incremental} true, the form used on
     * incremental runs (marker expanded, or the filter applied); otherwise the full form.
     */
    public String compiledSql(String model, boolean incremental) {
        Model m = project.model(model);
        if (incremental && m.materialization() != Materialization.INCREMENTAL) {
            throw FapException.invalidArgument("model " + model + " is not incremental", "pass incremental = false");
        }
        String text = m.sql().text();
        if (incremental && !SqlText.hasIncrementalMarker(text) && m.incrementalFilter().isPresent()) {
            return "select * from (" + SqlText.render(text, false, m.relation(), model) + ") _fap_src where "
                    + m.incrementalFilter().get().replace(SqlText.THIS, m.relation());
        }
        return SqlText.render(text, incremental, m.relation(), model);
    }

    /**
     * Writes {@code run_results.json} (the latest build and test: status, rows and milliseconds per model
     * and check) and {@code manifest.json} (models, columns with their types from the catalog,
     * dependencies, sources, checks) into {@code dir}.
     *
     * @return the two files written
     */
    public List<Path> writeArtifacts(Path dir) {
        return ArtifactWriter.write(db, project, Objects.requireNonNull(dir, "dir"));
    }

    /** Writes {@code index.html} into {@code dir}: the catalog and the lineage graph, one self-contained file. */
    public Path writeDocs(Path dir) {
        return DocsWriter.write(db, project, Objects.requireNonNull(dir, "dir"));
    }

    @Override
    public String toString() {
        return "Warehouse[" + project + " on " + db + "]";
    }
}
