package dev.fap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fap bench}: the main job measured, as a Markdown table. */
class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void twoRunsGiveTwoRowsWithTheSameRowCounts() {
        CliRunner.Result r = CliRunner.run("bench", "--runs", "2", "--customers", "40", "--transactions", "1500",
                "--out", tmp.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> lines = Arrays.asList(r.out().split("\n"));
        String header = lines.stream().filter(l -> l.startsWith("| run |")).findFirst().orElseThrow();
        List<String> columns = cells(header);
        assertThat(columns).contains("total s", "database s", "generate s", "build s", "test s", "analyze s", "report s",
                "JVM CPU s", "peak heap MB", "peak RSS MB", "bronze rows", "gold rows");
        List<List<String>> rows = lines.stream().filter(l -> l.startsWith("| 1 |") || l.startsWith("| 2 |")).map(BenchCommandTest::cells).toList();
        assertThat(rows).hasSize(2);
        int gold = columns.indexOf("gold rows");
        int bronze = columns.indexOf("bronze rows");
        int total = columns.indexOf("total s");
        for (List<String> row : rows) {
            assertThat(row).hasSameSizeAs(columns);
            assertThat(Double.parseDouble(row.get(total))).isPositive();
            assertThat(Long.parseLong(row.get(bronze).replace(",", ""))).isGreaterThan(1500);
            assertThat(Long.parseLong(row.get(gold).replace(",", ""))).isPositive();
            assertThat(Long.parseLong(row.get(columns.indexOf("peak heap MB")))).isPositive();
        }
        assertThat(rows.get(0).get(gold)).as("same dataset, same gold").isEqualTo(rows.get(1).get(gold));
        assertThat(r.out()).contains("- machine: ").contains(" cores, ").contains("- command: fap bench --runs 2");
    }

    @Test
    void zeroRunsIsAUsageError() {
        CliRunner.Result r = CliRunner.run("bench", "--runs", "0", "--out", tmp.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--runs must be at least 1");
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - 1);
        return Arrays.stream(inner.split("\\|")).map(String::trim).toList();
    }
}
