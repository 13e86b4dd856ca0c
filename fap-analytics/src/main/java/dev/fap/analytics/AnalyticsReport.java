package dev.fap.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

/**
 * All eight analyses of one run, as written by {@code ./fap analyze --json FILE}. The JSON field names
 * are the record component names (camelCase), recursively; dates are ISO-8601 strings, durations
 * ISO-8601 periods ({@code PT1H}); a section that could not be computed is {@code null} and listed in
 * {@code failures}. Non-finite numbers never occur.
 *
 * <pre>{@code
 * AnalyticsReport report = Analytics.on(db).all();
 * report.writeJson(Path.of("fap-out/analytics.json"));
 * AnalyticsReport back = AnalyticsReport.readJson(Path.of("fap-out/analytics.json"));
 * }</pre>
 *
 * @param asOfDate     the data's "now"
 * @param seed         seed of every random step (splits, bootstrap, k-means)
 * @param level        confidence level of all intervals
 * @param currency     ISO 4217 code of every amount in the report ({@code "USD"}, {@code "EUR"}, {@code "GBP"}): the
 *                     most frequent code among the accounts of {@code silver.stg_accounts}; {@link #NO_CURRENCY}
 *                     ({@code "XXX"}, ISO 4217's "no currency") when the data carries none or it is missing from
 *                     the JSON (files written before the field existed)
 * @param descriptive  KPIs, trends, mix
 * @param diagnostic   drivers and chi-square tests
 * @param exploratory  segments, correlations, outliers
 * @param inferential  t-tests, bootstrap, A/B tests, retention
 * @param predictive   churn, fraud and default models
 * @param prescriptive next best offer, retention budget
 * @param causal       campaign effect, attribution, economic impact
 * @param realtime     sliding-window monitoring
 * @param failures     sections that could not be computed, with the reason
 * @param timings      elapsed time per analysis
 */
public record AnalyticsReport(LocalDate asOfDate, long seed, double level, String currency, DescriptiveAnalysis descriptive,
                              DiagnosticAnalysis diagnostic, ExploratoryAnalysis exploratory,
                              InferentialAnalysis inferential, PredictiveAnalysis predictive,
                              PrescriptiveAnalysis prescriptive, CausalAnalysis causal, RealtimeAnalysis realtime,
                              List<AnalysisFailure> failures, List<StepTiming> timings) {

    /** ISO 4217's code for "no currency": the {@link #currency()} of data whose currency is unknown. */
    public static final String NO_CURRENCY = "XXX";

    /** A null or blank currency becomes {@link #NO_CURRENCY}. */
    public AnalyticsReport {
        currency = currency == null || currency.isBlank() ? NO_CURRENCY : currency;
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The shared, configured mapper (thread-safe). */
    public static ObjectMapper jsonMapper() {
        return MAPPER;
    }

    /** The report as indented JSON. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the JSON to {@code file} atomically (temp file, then move), creating parent folders. */
    public void writeJson(Path file) {
        try {
            Path abs = file.toAbsolutePath();
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            MAPPER.writeValue(tmp.toFile(), this);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot write the analytics JSON to " + file + ": " + e.getMessage(),
                    "check that the folder exists and is writable", e);
        }
    }

    /** Reads a report written by {@link #writeJson}. */
    public static AnalyticsReport readJson(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), AnalyticsReport.class);
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot read the analytics JSON " + file + ": " + e.getMessage(),
                    "pass a file written by ./fap analyze --json", e);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AnalyticsReport[asOf=" + asOfDate + ", seed=" + seed + ", level=" + level
                + ", currency=" + currency);
        if (descriptive != null) {
            sb.append(", transactions=").append(descriptive.kpis().transactions())
              .append(", fraudRate=").append(String.format(java.util.Locale.ROOT, "%.4f", descriptive.kpis().fraudRate().proportion()));
        }
        if (predictive != null && predictive.churn() != null) {
            sb.append(", churnAUC=").append(String.format(java.util.Locale.ROOT, "%.3f", predictive.churn().testAuc().auc()));
        }
        if (causal != null && causal.campaignEffect() != null) {
            sb.append(", campaignDiD=").append(causal.campaignEffect().differenceInDifferences().estimate());
        }
        sb.append(", failures=").append(failures.size());
        sb.append(", millis=").append(timings.stream().mapToLong(StepTiming::millis).sum()).append(']');
        return sb.toString();
    }
}
