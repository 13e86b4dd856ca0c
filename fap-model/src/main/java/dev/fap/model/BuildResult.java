package dev.fap.model;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of {@link Warehouse#build}: one {@link ModelResult} per selected model, in build order.
 *
 * <pre>{@code
 * BuildResult b = wh.build(Selection.parse("+fact_transactions"), BuildOptions.defaults());
 * System.out.println(b);   // a table of models, statuses, rows and milliseconds
 * b.orThrow();             // FapException(BUILD_FAILED) if a model failed
 * }</pre>
 *
 * @param runId     the run's id in {@code fap_meta.runs}
 * @param selection the selector
 * @param refresh   incremental or full
 * @param status    {@link Status#SUCCESS} if every model was built, else {@link Status#ERROR}
 * @param startedAt when the run started (after acquiring the lock)
 * @param millis    wall time of the run, lock wait excluded
 * @param lockWaitMillis time spent waiting for another run's lock
 * @param models    per model, in the order they finished
 */
public record BuildResult(long runId, String selection, Refresh refresh, Status status, Instant startedAt, long millis,
                          long lockWaitMillis, List<ModelResult> models) {
    public BuildResult {
        models = List.copyOf(models);
    }

    /** The result of the named model, if it was selected. */
    public Optional<ModelResult> find(String model) {
        return models.stream().filter(m -> m.model().equals(model)).findFirst();
    }

    /** The result of the named model; throws if it was not selected. */
    public ModelResult model(String model) {
        return find(model).orElseThrow(() -> FapException.invalidArgument("model " + model + " was not part of run " + runId,
                "select it, e.g. Selection.parse(\"" + model + "\")"));
    }

    /** Models with the given status. */
    public List<ModelResult> withStatus(Status s) {
        return models.stream().filter(m -> m.status() == s).collect(Collectors.toList());
    }

    /** True if every model was built. */
    public boolean ok() {
        return status == Status.SUCCESS;
    }

    /** Returns this if it succeeded, else throws a {@link FapException} with code {@link ErrorCode#BUILD_FAILED}. */
    public BuildResult orThrow() {
        if (ok()) {
            return this;
        }
        List<ModelResult> failed = withStatus(Status.ERROR);
        String first = failed.isEmpty() ? "" : ": " + failed.get(0).model() + ": " + failed.get(0).message();
        throw new FapException(ErrorCode.BUILD_FAILED, failed.size() + " model(s) failed, " + withStatus(Status.SKIPPED).size()
                + " skipped in run " + runId + first, "see fap_meta.model_results for run " + runId
                + "; the previous version of each failed table is still live");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("build run ").append(runId).append(" [").append(selection).append(", ").append(refresh).append("]: ").append(status)
                .append(", ").append(models.size()).append(" models in ").append(millis).append(" ms");
        if (lockWaitMillis > 0) {
            sb.append(" (waited ").append(lockWaitMillis).append(" ms for the lock)");
        }
        for (ModelResult m : models) {
            sb.append("\n  ").append(m);
        }
        return sb.toString();
    }
}
