package dev.fap.model;

import static dev.fap.model.Fixtures.count;
import static dev.fap.model.Fixtures.exec;
import static dev.fap.model.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import dev.fap.core.testing.FapDatabaseExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FapDatabaseExtension.class)
class AtomicityTest {
    static final String SALES = "select id, amount from bronze.sales";

    @BeforeEach
    void clean(Database db) {
        Fixtures.reset(db);
        exec(db, "create table bronze.sales (id int, amount numeric, _batch_id bigint, _loaded_at timestamptz default now())",
                "insert into bronze.sales select i, i, 1 from generate_series(1, 100) i");
    }

    static Project project(String factSql, String hook) {
        Model fact = Model.table("fact_sales", Layer.GOLD).sql(factSql).uniqueKey("id");
        if (hook != null) {
            fact = fact.postHook(hook);
        }
        return Project.of(
                Model.table("stg_sales", Layer.SILVER).sql(SALES),
                fact,
                Model.view("sales_total", Layer.GOLD).sql("select sum(amount) as total, count(*) as n from gold.fact_sales"),
                Model.table("unrelated", Layer.GOLD).sql("select 1 as one"));
    }

    @Test
    void aFailureMidBuildLeavesTheLastGoodTablesAndSkipsDependents(Database db) {
        Warehouse.on(db, project("select * from silver.stg_sales", null)).build().orThrow();
        assertThat(value(db, "select total from gold.sales_total")).isEqualTo("5050");
        exec(db, "insert into bronze.sales select i, i, 2 from generate_series(101, 200) i");
        // the fact's SQL fails at run time (division by zero on row 150), after stg_sales was rebuilt
        BuildResult failed = Warehouse.on(db, project("select id, amount / (case when id = 150 then 0 else 1 end) as amount"
                + " from silver.stg_sales", null)).build();
        assertThat(failed.status()).isEqualTo(Status.ERROR);
        assertThat(failed.model("stg_sales").status()).isEqualTo(Status.SUCCESS);
        assertThat(failed.model("fact_sales").status()).isEqualTo(Status.ERROR);
        assertThat(failed.model("fact_sales").message()).contains("division by zero");
        assertThat(failed.model("sales_total").status()).isEqualTo(Status.SKIPPED);
        assertThat(failed.model("unrelated").status()).isEqualTo(Status.SUCCESS);
        assertThat(count(db, "select count(*) from silver.stg_sales")).isEqualTo(200);
        assertThat(count(db, "select count(*) from gold.fact_sales")).isEqualTo(100);
        assertThat(value(db, "select total from gold.sales_total")).isEqualTo("5050");
        assertThat(count(db, "select count(*) from pg_class where relname like '%fap_new%'")).isZero();
        assertThatThrownBy(failed::orThrow).isInstanceOf(FapException.class)
                .satisfies(e -> assertThat(((FapException) e).code()).isEqualTo(ErrorCode.BUILD_FAILED))
                .hasMessageContaining("1 model(s) failed, 1 skipped");
        assertThat(count(db, "select count(*) from fap_meta.model_results where run_id = " + failed.runId() + " and status = 'error'")).isEqualTo(1);
        assertThat(value(db, "select status from fap_meta.runs where run_id = " + failed.runId())).isEqualTo("error");
        // a throwing post hook (run in the publishing transaction) also keeps the old table
        BuildResult hookFailed = Warehouse.on(db, project("select * from silver.stg_sales", "select 1 / 0 from {this}")).build();
        assertThat(hookFailed.model("fact_sales").status()).isEqualTo(Status.ERROR);
        assertThat(count(db, "select count(*) from gold.fact_sales")).isEqualTo(100);
        // a unique key that is not unique fails the build, old table kept
        BuildResult dupKeys = Warehouse.on(db, project("select 1 as id, amount from silver.stg_sales", null)).build();
        assertThat(dupKeys.model("fact_sales").message()).contains("unique key (id) is not unique");
        assertThat(count(db, "select count(*) from gold.fact_sales")).isEqualTo(100);
        // fixed: the next build publishes everything
        Warehouse.on(db, project("select * from silver.stg_sales", null)).build().orThrow();
        assertThat(value(db, "select total from gold.sales_total")).isEqualTo("20100");
    }

    @Test
    void readersSeeTheOldTableUntilTheSwapCommits(Database db) throws Exception {
        Warehouse wh = Warehouse.on(db, project("select * from silver.stg_sales", null));
        wh.build().orThrow();
        exec(db, "insert into bronze.sales select i, i, 2 from generate_series(101, 100000) i");
        AtomicBoolean stop = new AtomicBoolean();
        List<Long> seen = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        ExecutorService readers = Executors.newSingleThreadExecutor();
        Future<?> reader = readers.submit(() -> {
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                for (int i = 0; !stop.get(); i++) {
                    // readers of the dependent view and of the table itself
                    String q = i % 2 == 0 ? "select n from gold.sales_total" : "select count(*) from gold.fact_sales";
                    try (ResultSet rs = s.executeQuery(q)) {
                        rs.next();
                        seen.add(rs.getLong(1));
                    } catch (Exception e) {
                        errors.add(e.getMessage());
                    }
                }
            } catch (Exception e) {
                errors.add(e.getMessage());
            }
        });
        wh.build(Selection.parse("+fact_sales")).orThrow();
        Thread.sleep(50);
        stop.set(true);
        reader.get(30, TimeUnit.SECONDS);
        readers.shutdown();
        assertThat(errors).isEmpty();
        assertThat(seen).isNotEmpty().allMatch(n -> n == 100 || n == 100_000);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(100_000);
    }

    @Test
    void concurrentRunsAreSerialisedByTheAdvisoryLock(Database db) throws Exception {
        // a model that sleeps keeps the first run inside the lock long enough for the second to queue
        Project slow = Project.of(Model.table("slow", Layer.GOLD).sql("select id from bronze.sales, pg_sleep(0.8)"));
        Warehouse wh = Warehouse.on(db, slow);
        CountDownLatch firstStarted = new CountDownLatch(1);
        List<String> waits = new CopyOnWriteArrayList<>();
        ProgressListener first = new ProgressListener() {
            @Override
            public void stepStarted(String step, long expectedTotal) {
                if (step.equals("build:slow")) {
                    firstStarted.countDown();
                }
            }
        };
        ProgressListener second = new ProgressListener() {
            @Override
            public void stepStarted(String step, long expectedTotal) {
                if (step.endsWith("wait-for-lock")) {
                    waits.add(step);
                }
            }
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        Future<BuildResult> a = two.submit(() -> wh.build(Selection.all(), BuildOptions.defaults().withListener(first)));
        assertThat(firstStarted.await(20, TimeUnit.SECONDS)).isTrue();
        Future<BuildResult> b = two.submit(() -> wh.build(Selection.all(), BuildOptions.defaults().withListener(second)));
        BuildResult ra = a.get(60, TimeUnit.SECONDS).orThrow();
        BuildResult rb = b.get(60, TimeUnit.SECONDS).orThrow();
        two.shutdown();
        assertThat(waits).containsExactly("build:wait-for-lock");
        assertThat(rb.lockWaitMillis()).isGreaterThan(100);
        assertThat(rb.startedAt()).isAfterOrEqualTo(ra.startedAt().plusMillis(ra.millis()));
        assertThat(rb.runId()).isGreaterThan(ra.runId());
        // a run that cannot get the lock in time fails clearly
        try (Connection holder = db.connection(); Statement s = holder.createStatement()) {
            s.execute("select pg_advisory_lock(" + 0x46415057L + ")");
            assertThatThrownBy(() -> wh.build(Selection.all(), BuildOptions.defaults().withLockTimeout(Duration.ofMillis(200))))
                    .isInstanceOf(FapException.class).hasMessageContaining("held the warehouse lock");
            s.execute("select pg_advisory_unlock(" + 0x46415057L + ")");
        }
        assertThat(wh.build().ok()).isTrue();
    }

    @Test
    void aSwapDoesNotLockTablesUnderItsDependentViewsThatParallelBuildsRead(Database db) {
        // gold.report depends on a and c. While a is swapped (its dependent view report dropped and
        // recreated), b is reading c. Locking report recursively would need c exclusively and wait
        // for b, while b waits to publish after a: the swap must only touch report and a.
        Project p = Project.of(
                Model.table("c", Layer.SILVER).sql("select 1 as id"),
                Model.table("a", Layer.GOLD).sql("select 1 as id").postHook("select pg_sleep(0.3)"),
                Model.table("b", Layer.GOLD).sql("select c.* from silver.c, pg_sleep(0.6)"),
                Model.view("report", Layer.GOLD).sql("select * from gold.a join silver.c using (id)"));
        Warehouse wh = Warehouse.on(db, p);
        wh.build().orThrow();
        BuildResult again = wh.build(Selection.parse("a b"), BuildOptions.defaults().withThreads(2).withLockTimeout(Duration.ofSeconds(5)));
        assertThat(again.models()).extracting(ModelResult::status).containsOnly(Status.SUCCESS);
        assertThat(count(db, "select count(*) from gold.report")).isEqualTo(1);
    }
}
