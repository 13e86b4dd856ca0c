package dev.fap.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.analytics.AnalysisFailure;
import dev.fap.analytics.AnalyticsReport;
import dev.fap.report.html.ReportFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analyses that could not be computed still get their page, with a notice saying why. */
class ReportWriterFailuresTest {

    @Test
    void everyPageIsWrittenAndSaysWhatIsMissing(@TempDir Path dir) throws Exception {
        List<AnalysisFailure> failures = List.of(
                new AnalysisFailure("descriptive", "ANALYSIS_FAILED", "gold.fact_transactions is empty", "build the warehouse"),
                new AnalysisFailure("inferential.campaignTests[K0004]", "ANALYSIS_FAILED", "pooled proportion is 0", ""));
        AnalyticsReport empty = new AnalyticsReport(LocalDate.of(2024, 12, 31), 42, 0.95, "USD", null, null, null, null, null, null, null, null,
                failures, List.of());

        ReportSet set = ReportWriter.defaults().write(empty, dir);

        assertThat(set.reports()).hasSize(8).extracting(ReportFile::charts).containsOnly(0);
        assertThat(set.index().path()).exists();
        String descriptive = Files.readString(set.reports().get(0).path());
        assertThat(descriptive).contains("This analysis could not be computed: gold.fact_transactions is empty (build the warehouse)");
        String inferential = Files.readString(set.reports().get(3).path());
        assertThat(inferential).contains("This analysis was not run.")
                .contains("1 part could not be computed and is left out: campaignTests[K0004] (pooled proportion is 0)");
        assertThat(Files.readString(set.index().path())).contains("gold.fact_transactions is empty").contains("0 interactive charts");
        assertThat(set.toString()).startsWith("8 reports, 0 charts");
    }
}
