package dev.fap.model;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of {@link Warehouse#test}: one {@link CheckResult} per check of the selected models.
 *
 * <pre>{@code
 * TestResult t = wh.test(Selection.all());
 * System.out.println(t);   // counts, then every check that did not pass
 * t.orThrow();             // FapException(CHECKS_FAILED) if a check of severity error failed
 * }</pre>
 *
 * @param runId     the run's id in {@code fap_meta.runs}
 * @param selection the selector
 * @param status    {@link Status#PASS}, {@link Status#WARN} (only warnings), {@link Status#FAIL} or {@link Status#ERROR}
 * @param startedAt when the run started
 * @param millis    wall time of the run, lock wait excluded
 * @param checks    per check, in declaration order
 */
public record TestResult(long runId, String selection, Status status, Instant startedAt, long millis, List<CheckResult> checks) {
    public TestResult {
        checks = List.copyOf(checks);
    }

    /** The result of a check by id ({@code model.name}). */
    public Optional<CheckResult> find(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Checks with the given status. */
    public List<CheckResult> withStatus(Status s) {
        return checks.stream().filter(c -> c.status() == s).collect(Collectors.toList());
    }

    public long passed() {
        return withStatus(Status.PASS).size();
    }

    public long warned() {
        return withStatus(Status.WARN).size();
    }

    public long failed() {
        return withStatus(Status.FAIL).size() + withStatus(Status.ERROR).size();
    }

    /** True if no check of severity error failed and none errored. */
    public boolean ok() {
        return status == Status.PASS || status == Status.WARN;
    }

    /** Returns this if {@link #ok()}, else throws a {@link FapException} with code {@link ErrorCode#CHECKS_FAILED}. */
    public TestResult orThrow() {
        if (ok()) {
            return this;
        }
        String ids = checks.stream().filter(c -> c.status() == Status.FAIL || c.status() == Status.ERROR).map(CheckResult::id)
                .limit(10).collect(Collectors.joining(", "));
        throw new FapException(ErrorCode.CHECKS_FAILED, failed() + " check(s) failed in run " + runId + ": " + ids,
                "inspect the failing rows: select * from fap_meta.check_failures where run_id = " + runId);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("test run ").append(runId).append(" [").append(selection).append("]: ").append(status).append(", ")
                .append(checks.size()).append(" checks: ").append(passed()).append(" passed, ").append(warned()).append(" warned, ")
                .append(failed()).append(" failed in ").append(millis).append(" ms");
        for (CheckResult c : checks) {
            if (c.status() != Status.PASS) {
                sb.append("\n  ").append(c);
            }
        }
        return sb.toString();
    }
}
