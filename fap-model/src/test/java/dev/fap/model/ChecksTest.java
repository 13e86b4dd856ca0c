package dev.fap.model;

import static dev.fap.model.Fixtures.count;
import static dev.fap.model.Fixtures.exec;
import static dev.fap.model.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import dev.fap.core.testing.FapDatabaseExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of check, once passing and once failing with a known number of failing rows. */
@ExtendWith(FapDatabaseExtension.class)
class ChecksTest {
    static Warehouse wh;
    static TestResult result;
    static final Map<String, Long> finishedSteps = new ConcurrentHashMap<>();

    @BeforeAll
    static void buildAndTest(Database db) {
        Fixtures.reset(db);
        exec(db, "create table bronze.merchants (id text, risk text, lat numeric, opened date, _batch_id bigint, _loaded_at timestamptz)",
                "insert into bronze.merchants values ('M1', 'Low', 40.1, '2020-01-01', 1, now()), ('M2', 'High', 41, '2021-06-01', 1, now()),"
                        + " ('M3', 'Extreme', 95, '2019-03-01', 1, now()), ('M3', 'Low', null, null, 1, now()), ('M5', null, -10, '2022-01-01', 1, now())",
                "create table bronze.tx (id int, merchant_id text, cust text, ts timestamp, amount numeric)",
                "insert into bronze.tx values (1, 'M1', 'A', '2024-01-10', 5), (2, 'M2', 'A', '2024-03-10', -3), (3, 'M9', 'B', '2024-02-10', 7),"
                        + " (4, null, 'B', '2024-04-01', 1)",
                "create table bronze.cust_versions (cust_key int, cust text, valid_from timestamp, valid_to timestamp, is_current boolean)",
                "insert into bronze.cust_versions values (1, 'A', '2024-01-01', '2024-03-01', false), (2, 'A', '2024-03-01', null, true),"
                        + " (3, 'B', '2024-01-01', '2024-03-01', true), (4, 'B', '2024-02-01', null, true)");
        Model merchants = Model.table("merchants", Layer.SILVER).sql("select * from bronze.merchants")
                .check(Check.unique("id"))
                .check(Check.notNull("risk", "lat"))
                .check(Check.acceptedValues("risk", "Low", "Medium", "High").severity(Severity.WARN))
                .check(Check.range("lat", -90, 90))
                .check(Check.range("opened", "2020-01-01", null).name("opened_since_2020"))
                .check(Check.expression("lat_known_when_opened", "lat is not null or opened is null"))
                .check(Check.rowCount("select count(*) from bronze.merchants"))
                .check(Check.rowCount("select 4").name("row_count_wrong"))
                .check(Check.unique("id").where("risk = 'Low'").name("unique_low_risk_id"));
        Model custDim = Model.table("dim_cust", Layer.GOLD).sql("select * from bronze.cust_versions")
                .check(Check.scd2OneCurrent("cust"))
                .check(Check.scd2NoOverlap("cust"))
                .check(Check.unique("cust_key"));
        Model tx = Model.table("fact_tx", Layer.GOLD)
                .sql("select t.*, (select v.cust_key from gold.dim_cust v where v.cust = t.cust order by v.valid_from limit 1) as cust_key"
                        + " from bronze.tx t")
                .check(Check.relationships("merchant_id", "silver.merchants", "id"))
                .check(Check.validVersion("cust_key", "gold.dim_cust", "cust_key", "ts"))
                .check(Check.freshness("ts", Duration.ofDays(7), "select timestamp '2024-04-05'").name("fresh_within_week"))
                .check(Check.freshness("ts", Duration.ofDays(1), "select timestamp '2024-04-05'").name("fresh_within_day").severity(Severity.WARN));
        wh = Warehouse.on(db, Project.of(merchants, custDim, tx));
        wh.build().orThrow();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void stepFinished(String step, long rows, long millis) {
                finishedSteps.put(step, rows);
            }
        };
        result = wh.test(Selection.all(), BuildOptions.defaults().withFailingRowsKept(2).withListener(listener));
    }

    static CheckResult check(String id) {
        return result.find(id).orElseThrow(() -> new AssertionError("no check " + id));
    }

    @Test
    void eachCheckCountsItsFailingRows() {
        Map<String, String> outcome = result.checks().stream()
                .collect(Collectors.toMap(CheckResult::id, c -> c.status().name() + ":" + c.failures()));
        assertThat(outcome).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("merchants.unique_id", "FAIL:1"),                  // M3 twice
                Map.entry("merchants.not_null_risk_lat", "FAIL:2"),          // M3 (lat), M5 (risk)
                Map.entry("merchants.accepted_values_risk", "WARN:1"),       // Extreme (one group)
                Map.entry("merchants.range_lat", "FAIL:1"),                  // 95
                Map.entry("merchants.opened_since_2020", "FAIL:1"),          // 2019-03-01
                Map.entry("merchants.lat_known_when_opened", "PASS:0"),
                Map.entry("merchants.row_count", "PASS:0"),
                Map.entry("merchants.row_count_wrong", "FAIL:1"),
                Map.entry("merchants.unique_low_risk_id", "PASS:0"),         // M1 and one M3 are Low
                Map.entry("dim_cust.scd2_one_current_cust", "FAIL:1"),       // B has two current rows
                Map.entry("dim_cust.scd2_no_overlap_cust", "FAIL:1"),        // B's versions overlap
                Map.entry("dim_cust.unique_cust_key", "PASS:0"),
                Map.entry("fact_tx.relationships_merchant_id", "FAIL:1"),    // M9
                Map.entry("fact_tx.scd2_valid_version_cust_key", "FAIL:2"),  // tx 2 (March, A) and tx 4 (April, B) point at first versions
                Map.entry("fact_tx.fresh_within_week", "PASS:0"),
                Map.entry("fact_tx.fresh_within_day", "WARN:1")));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.passed()).isEqualTo(5);
        assertThat(result.warned()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(9);
        assertThat(result.toString()).startsWith("test run " + result.runId() + " [*]: fail, 16 checks: 5 passed, 2 warned, 9 failed")
                .contains("merchants.unique_id");
        assertThatThrownBy(result::orThrow).isInstanceOf(FapException.class)
                .satisfies(e -> assertThat(((FapException) e).code()).isEqualTo(ErrorCode.CHECKS_FAILED));
    }

    @Test
    void failingRowsAreKeptAndCapped(Database db) {
        assertThat(rows(db, "select row ->> 'id', row ->> 'n_records' from fap_meta.check_failures where run_id = " + result.runId()
                + " and check_id = 'merchants.unique_id'")).containsExactly(List.of("M3", "2"));
        assertThat(count(db, "select count(*) from fap_meta.check_failures where check_id = 'merchants.not_null_risk_lat'")).isEqualTo(2);
        assertThat(rows(db, "select row ->> 'merchant_id' from fap_meta.check_failures where check_id = 'fact_tx.relationships_merchant_id'"))
                .containsExactly(List.of("M9"));
        assertThat(count(db, "select count(*) from fap_meta.check_results where run_id = " + result.runId())).isEqualTo(16);
        assertThat(rows(db, "select status, failures from fap_meta.check_results where check_id = 'merchants.range_lat'"))
                .containsExactly(List.of("fail", "1"));
        // the stored SQL reproduces the failures
        assertThat(count(db, "select count(*) from (" + check("merchants.range_lat").sql() + ") f")).isEqualTo(1);
    }

    @Test
    void progressEventsForEveryCheckAndBadSqlIsAnError(Database db) {
        assertThat(finishedSteps.keySet()).contains("test", "test:merchants.unique_id", "test:fact_tx.fresh_within_day");
        assertThat(finishedSteps.get("test:merchants.not_null_risk_lat")).isEqualTo(2);
        Warehouse broken = Warehouse.on(db, Project.of(Model.table("merchants", Layer.SILVER).sql("select * from bronze.merchants")
                .check(Check.expression("typo", "no_such_column > 0"))));
        TestResult t = broken.test(Selection.parse("merchants"));
        assertThat(t.status()).isEqualTo(Status.ERROR);
        assertThat(t.checks().get(0).message()).contains("no_such_column");
        assertThat(t.checks().get(0).failures()).isEqualTo(-1);
    }

    @Test
    void selectionLimitsTheChecksRun() {
        TestResult onlyDim = wh.test(Selection.parse("dim_cust"));
        assertThat(onlyDim.checks()).extracting(CheckResult::model).containsOnly("dim_cust").hasSize(3);
    }
}
