package dev.fap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapConfig;
import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.GenerateResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FapDatabaseExtension.class)
class FapTest {
    @TempDir
    Path tmp;

    @Test
    void withersReturnNewInstancesAndLeaveTheOriginalAlone() {
        Fap base = Fap.configure(FapConfig.defaults());
        Fap custom = base.withDataset(DatasetSpec.defaults().withCustomers(50)).withOutput(tmp);
        assertThat(base.dataset()).contains(DatasetSpec.defaults());
        assertThat(base.output()).isEqualTo(Fap.DEFAULT_OUTPUT);
        assertThat(custom.dataset().orElseThrow().customers()).isEqualTo(50);
        assertThat(custom.output()).isEqualTo(tmp);
        assertThat(custom.withExistingBronze().dataset()).isEmpty();
        assertThat(custom.withExistingBronze().withDataset(DatasetSpec.defaults()).dataset()).isPresent();
        assertThat(custom.toString()).contains("customers=50", "output=" + tmp);
    }

    @Test
    void aConfidenceLevelOutsideZeroOneIsRejectedWithTheFix() {
        assertThatThrownBy(() -> Fap.configure(FapConfig.defaults()).withLevel(95))
                .isInstanceOf(FapException.class)
                .satisfies(e -> assertThat(((FapException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("must be in (0, 1), was 95.0");
    }

    @Test
    void runsOnTheCallersDatabaseKeepingItsBronzeAndLeavesItOpen(Database db) {
        GenerateResult loaded = DataGenerator.of(DatasetSpec.defaults().withSeed(9).withCustomers(80).withTransactions(2_500))
                .toDatabase(db);
        List<String> whole = new CopyOnWriteArrayList<>();
        RunResult r = Fap.configure(FapConfig.defaults())
                .withExistingBronze()
                .withOutput(tmp)
                .withProgress(new ProgressListener() {
                    @Override
                    public void stepFinished(String step, long rows, long millis) {
                        if (step.indexOf(':') < 0) {
                            whole.add(step);
                        }
                    }
                })
                .run(db);

        assertThat(r.generation()).isEmpty();
        assertThat(r.warehouse().totalBronzeRows()).isEqualTo(loaded.totalRows());
        // the status takes the rows the build wrote instead of counting them: the same as counting every table
        assertThat(r.warehouse()).isEqualTo(WarehouseStatus.of(db));
        assertThat(r.warehouse().layers().get("gold").rows()).isGreaterThan(2_500L);
        assertThat(r.analytics().seed()).isEqualTo(DatasetSpec.DEFAULT_SEED);
        assertThat(r.analytics().descriptive().kpis().transactions()).isEqualTo(2_500);
        assertThat(r.checks().failed()).isZero();
        assertThat(r.orThrow()).isSameAs(r);
        assertThat(r.stepMillis().keySet()).containsExactly("build", "test", "analyze", "report", "docs", "artifacts", "status");
        // the analyses start once their inputs are built and may end before the build; the checks end after the
        // build (each model's checks run once it is built); the reports follow the analyses
        assertThat(whole).hasSize(5).endsWith("docs").containsOnlyOnce("build", "test", "analyze", "report");
        assertThat(whole.indexOf("build")).isLessThan(whole.indexOf("test"));
        assertThat(whole.indexOf("analyze")).isLessThan(whole.indexOf("report"));
        assertThat(r.stepMillis().get("test")).isPositive().isGreaterThanOrEqualTo(r.stepMillis().get("build"));
        assertThat(r.checks().startedAt()).isEqualTo(r.build().startedAt());
        assertThat(r.stepMillis().get("analyze")).isPositive();
        assertThat(r.database()).doesNotEndWith("stopped");
        assertThat(r.toString()).startsWith("FAP run finished in ").doesNotContain("  generate ")
                .contains("  checks    ", "  reports   9 files, ", "  steps     build ");
        assertThat(tmp.resolve("reports/index.html")).isNotEmptyFile();
        // the caller's database is still open
        assertThat(db.dsl().fetchSingle("select count(*) from gold.fact_transactions").get(0, Long.class)).isEqualTo(2_500L);
    }
    @Test
    void aSmallDatasetGeneratedWhileTheServerStartsLoadsTheSameRowsAsStreamingIt(Database db) {
        DatasetSpec spec = DatasetSpec.defaults().withSeed(5).withCustomers(60).withTransactions(3_000).withDirtyRate(0.02);
        assertThat(spec.transactions()).isLessThanOrEqualTo(Fap.EARLY_GENERATION_LIMIT);
        // run(): generated in memory while the embedded server starts, then loaded
        RunResult early = Fap.configure(FapConfig.defaults()).withDataset(spec).withOutput(tmp.resolve("early")).run();
        // run(db): streamed into the open database by DataGenerator.toDatabase
        RunResult streamed = Fap.configure(FapConfig.defaults()).withDataset(spec).withOutput(tmp.resolve("streamed")).run(db);

        GenerateResult a = early.generation().orElseThrow();
        GenerateResult b = streamed.generation().orElseThrow();
        assertThat(a.rowsPerTable()).isEqualTo(b.rowsPerTable());
        assertThat(a.rows(BronzeTable.TRANSACTIONS)).isGreaterThanOrEqualTo(3_000L);
        assertThat(a.dirty().size()).isEqualTo(b.dirty().size()).isPositive();
        assertThat(a.from()).isEqualTo(b.from());
        assertThat(a.to()).isEqualTo(b.to());
        assertThat(a.bronzeBatchId()).isPositive();
        assertThat(early.warehouse()).isEqualTo(streamed.warehouse());
        assertThat(early.build().models()).extracting(m -> m.model() + "=" + m.rows())
                .containsExactlyInAnyOrderElementsOf(streamed.build().models().stream().map(m -> m.model() + "=" + m.rows()).toList());
        assertThat(early.analytics().descriptive().kpis()).isEqualTo(streamed.analytics().descriptive().kpis());
        assertThat(early.checks().failed()).isEqualTo(streamed.checks().failed()).isZero();
        assertThat(early.database()).endsWith("stopped");
    }
}
