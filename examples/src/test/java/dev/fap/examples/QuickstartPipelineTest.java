package dev.fap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.RunResult;
import dev.fap.core.FapConfig;
import dev.fap.core.bronze.BronzeTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartPipelineTest {
    @TempDir
    Path tmp;

    @Test
    void runsTheWholePipelineOnAnEmbeddedDatabaseAndWritesEveryFile() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        RunResult r = QuickstartPipeline.run(FapConfig.defaults(), tmp, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(r.generation()).isPresent();
        assertThat(r.generated().rows(BronzeTable.TRANSACTIONS)).isEqualTo(5_000);
        assertThat(r.generated().rows(BronzeTable.CUSTOMERS)).isEqualTo(200);
        // bronze as reported by the warehouse status equals what the generator wrote
        assertThat(r.warehouse().totalBronzeRows()).isEqualTo(r.generated().totalRows());
        assertThat(r.warehouse().layers().get("bronze").rows()).isEqualTo(r.generated().totalRows());
        assertThat(r.warehouse().layers().get("gold").rows()).isPositive();
        assertThat(r.build().ok()).isTrue();
        assertThat(r.build().models()).hasSizeGreaterThan(20);
        assertThat(r.checks().failed()).isZero();
        assertThat(r.checks().passed()).isGreaterThan(100);
        assertThat(r.ok()).isTrue();
        assertThat(r.analytics().descriptive().kpis().transactions())
                .as("gold holds every valid transaction").isBetween(4_900L, 5_000L);
        assertThat(r.reports().reports()).hasSize(8);
        assertThat(r.reports().totalCharts()).isGreaterThanOrEqualTo(28);
        assertThat(tmp.resolve("reports/index.html")).isNotEmptyFile();
        assertThat(tmp.resolve("reports/05_predictive_analytics.html")).isNotEmptyFile();
        assertThat(tmp.resolve("docs/index.html")).isNotEmptyFile();
        assertThat(tmp.resolve("analytics.json")).isNotEmptyFile();
        assertThat(tmp.resolve("manifest.json")).isNotEmptyFile();
        assertThat(tmp.resolve("run_results.json")).isNotEmptyFile();
        assertThat(r.stepMillis()).containsOnlyKeys("database", "generate", "build", "test", "analyze", "report", "docs",
                "artifacts", "status");
        // the analyses start while the build finishes the facts they do not read, the checks run beside the
        // analyses and the reports: every other step follows the one before
        long sequential = r.stepMillis().entrySet().stream().filter(e -> !e.getKey().equals("test") && !e.getKey().equals("analyze"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(r.millis()).isGreaterThanOrEqualTo(sequential).isGreaterThanOrEqualTo(r.stepMillis().get("test"))
                .isGreaterThanOrEqualTo(r.stepMillis().get("analyze"));
        assertThat(r.database()).startsWith("embedded PostgreSQL on port ").endsWith("(temporary), stopped");

        String console = buffer.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("FAP run finished in", "  ok generate", "  ok build", "  ok test", "  ok analyze",
                        "  ok report", "  ok docs")
                .containsPattern("bronze    13 tables, [0-9,]+ rows")
                .containsPattern("checks    \\d+ passed, \\d+ warned, 0 failed")
                .containsPattern("reports   9 files, \\d+ charts in")
                .containsPattern("steps     database [0-9,]+ ms, generate [0-9,]+ ms, build")
                .contains("Open " + tmp.resolve("reports/index.html").toAbsolutePath());
    }
}
