package dev.fap.model;

/**
 * The outcome of building one model.
 *
 * <pre>{@code
 * ModelResult r = build.model("fact_transactions");
 * System.out.println(r.rows() + " rows in " + r.millis() + " ms");
 * }</pre>
 *
 * @param model           model name
 * @param materialization how it was built
 * @param status          {@link Status#SUCCESS}, {@link Status#ERROR} or {@link Status#SKIPPED}
 * @param rows            rows in the relation after the build (views: -1, not counted)
 * @param inserted        incremental: rows inserted; snapshot: versions opened; else the rows written
 * @param updated         incremental: rows updated; snapshot: versions closed (changes and deletes); else 0
 * @param millis          wall time of the model
 * @param staging         staging models: reconciliation counts; otherwise null
 * @param message         error message, skip reason, or a short note such as "incremental" or "full refresh"
 */
public record ModelResult(String model, Materialization materialization, Status status, long rows, long inserted, long updated,
                          long millis, StagingCounts staging, String message) {
    @Override
    public String toString() {
        String s = String.format("%-32s %-11s %-7s %9s rows %6d ms", model, materialization, status,
                rows < 0 ? "-" : Long.toString(rows), millis);
        if (staging != null) {
            s += "  [" + staging + "]";
        } else if (materialization == Materialization.INCREMENTAL || materialization == Materialization.SNAPSHOT) {
            s += "  [+" + inserted + " / ~" + updated + "]";
        }
        return message == null || message.isEmpty() ? s : s + "  " + message;
    }
}
