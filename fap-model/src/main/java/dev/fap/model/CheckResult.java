package dev.fap.model;

/**
 * The outcome of one data-quality check.
 *
 * <pre>{@code
 * test.checks().stream().filter(c -> c.status() == Status.FAIL).forEach(System.out::println);
 * }</pre>
 *
 * @param id          {@code <model>.<check name>}
 * @param model       the model checked
 * @param kind        the kind of check
 * @param description e.g. {@code accepted_values(risk_rating in Low, Medium, High)}
 * @param severity    warn or error
 * @param status      {@link Status#PASS}, {@link Status#WARN}, {@link Status#FAIL}, {@link Status#ERROR} or {@link Status#SKIPPED}
 * @param failures    number of failing rows (-1 if the check could not run)
 * @param millis      time spent on the check: checks evaluated together (the row-wise checks of a model
 *                    counted in one scan, the other small checks of the model in the same statement, the
 *                    one copy of a view for all its checks) share that time evenly, and a check adds the
 *                    time of its own follow-up queries (exact count, keeping failing rows); 0 for a
 *                    {@code unique} check that a unique index enforces (see {@code message})
 * @param message     error message, the number of failing rows kept, a note on how a passing check was
 *                    decided without a scan, or empty
 * @param sql         the query returning the failing rows
 */
public record CheckResult(String id, String model, Check.Kind kind, String description, Severity severity, Status status,
                          long failures, long millis, String message, String sql) {
    @Override
    public String toString() {
        String s = String.format("%-5s %-60s %8s failing %5d ms  %s", status, id, failures < 0 ? "-" : Long.toString(failures), millis,
                description);
        return message == null || message.isEmpty() ? s : s + "  " + message;
    }
}
