package dev.fap.model;

import static dev.fap.model.Fixtures.count;
import static dev.fap.model.Fixtures.exec;
import static dev.fap.model.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.ProgressListener;
import dev.fap.core.testing.FapDatabaseExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link Warehouse#buildAndTest}: a model's checks start once the model and the relations they read are
 * built, while a slow model is still building; a failing check is reported with its rows kept; the checks
 * of a model that failed (or was skipped) are skipped.
 */
@ExtendWith(FapDatabaseExtension.class)
class BuildAndTestTest {
    static BuildAndTestResult result;
    /** The listener's events in the order they happened: "started <step>" and "finished <step>". */
    static final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void run(Database db) {
        Fixtures.reset(db);
        exec(db, "create table bronze.items (id int, v text)",
                "insert into bronze.items values (1, 'a'), (2, null), (3, 'c'), (4, null), (5, 'e')");
        Model items = Model.table("items", Layer.SILVER).sql("select * from bronze.items")
                .check(Check.unique("id"))
                .check(Check.notNull("v"));                                          // ids 2 and 4
        Model labels = Model.view("labels", Layer.GOLD).sql("select id, upper(v) as label from silver.items")
                .check(Check.notNull("id"))
                .check(Check.rowCount("select count(*) from silver.items"));
        // builds for 2 s on one worker while the others are built and checked on the other
        Model slow = Model.table("slow", Layer.SILVER).sql("select g as id from (select pg_sleep(2)) s, generate_series(1, 3) g")
                .check(Check.unique("id"));
        // reads the slow model in a check only: built at once, checked after slow
        Model counts = Model.table("counts", Layer.GOLD).sql("select count(*) as n from bronze.items")
                .check(Check.expression("matches_slow", "n > (select count(*) from silver.slow)"));
        Model broken = Model.table("broken", Layer.GOLD).sql("select no_such_column from silver.items")
                .check(Check.notNull("no_such_column"));
        Model afterBroken = Model.view("after_broken", Layer.GOLD).sql("select * from gold.broken")
                .check(Check.notNull("no_such_column"));
        ProgressListener recorder = StepEvents.recorder(events);
        Warehouse wh = Warehouse.on(db, Project.of(items, labels, slow, counts, broken, afterBroken));
        result = wh.buildAndTest(Selection.all(), BuildOptions.defaults().withThreads(2).withListener(recorder));
    }

    static int at(String event) {
        int i = events.indexOf(event);
        assertThat(i).as(event).isNotNegative();
        return i;
    }

    @Test
    void checksStartOnlyAfterTheirModelAndTheRelationsTheyRead() {
        for (String check : List.of("items.unique_id", "items.not_null_v")) {
            assertThat(at("started test:" + check)).as(check).isGreaterThan(at("finished build:items"));
        }
        for (String check : List.of("labels.not_null_id", "labels.row_count")) {
            assertThat(at("started test:" + check)).as(check).isGreaterThan(at("finished build:labels"));
        }
        assertThat(at("started test:slow.unique_id")).isGreaterThan(at("finished build:slow"));
        // counts is built at once but its check reads silver.slow
        assertThat(at("finished build:counts")).isLessThan(at("finished build:slow"));
        assertThat(at("started test:counts.matches_slow")).isGreaterThan(at("finished build:slow"));
        assertThat(result.test().find("counts.matches_slow").orElseThrow().status()).isEqualTo(Status.PASS);
    }

    @Test
    void checksOverlapTheRestOfTheBuild() {
        // the slow model was still building when the fast models' checks had finished
        assertThat(at("finished test:items.not_null_v")).isLessThan(at("finished build:slow"));
        assertThat(at("finished test:labels.row_count")).isLessThan(at("finished build:slow"));
        assertThat(result.test().startedAt()).isEqualTo(result.build().startedAt());
        assertThat(result.test().runId()).isGreaterThan(result.build().runId());
    }

    @Test
    void aFailingCheckIsReportedWithItsRows(Database db) {
        CheckResult c = result.test().find("items.not_null_v").orElseThrow();
        assertThat(c.status()).isEqualTo(Status.FAIL);
        assertThat(c.failures()).isEqualTo(2);
        assertThat(c.message()).isEqualTo("2 failing row(s); first 2 in fap_meta.check_failures");
        assertThat(rows(db, "select row->>'id' from fap_meta.check_failures where run_id = " + result.test().runId()
                + " and check_id = 'items.not_null_v' order by 1")).containsExactly(List.of("2"), List.of("4"));
        assertThat(count(db, "select count(*) from fap_meta.check_results where run_id = " + result.test().runId()))
                .isEqualTo(result.test().checks().size());
        assertThat(result.test().status()).isEqualTo(Status.FAIL);
        assertThat(result.ok()).isFalse();
    }

    @Test
    void checksOfModelsNotBuiltAreSkipped() {
        assertThat(result.build().model("broken").status()).isEqualTo(Status.ERROR);
        assertThat(result.build().model("after_broken").status()).isEqualTo(Status.SKIPPED);
        Map<String, String> skipped = result.test().withStatus(Status.SKIPPED).stream()
                .collect(Collectors.toMap(CheckResult::id, CheckResult::message));
        assertThat(skipped).containsOnly(
                Map.entry("broken.not_null_no_such_column", "skipped: model broken was not built in this run (error)"),
                Map.entry("after_broken.not_null_no_such_column", "skipped: model after_broken was not built in this run (skipped)"));
        // in the order Warehouse.test lists them: by layer, then by dependencies
        assertThat(result.test().checks()).extracting(CheckResult::id).containsExactly("items.unique_id", "items.not_null_v",
                "slow.unique_id", "counts.matches_slow", "labels.not_null_id", "labels.row_count", "broken.not_null_no_such_column",
                "after_broken.not_null_no_such_column");
        assertThat(result.build().models()).hasSize(6);
    }
}
