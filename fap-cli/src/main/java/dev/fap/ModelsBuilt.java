package dev.fap;

import dev.fap.core.ProgressListener;
import dev.fap.model.Model;
import dev.fap.model.Project;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A build's progress listener that completes {@link #ready()} once every model of {@code project} whose
 * relation is among the awaited ones has finished building, and passes every event on to {@code next}.
 * Awaited relations that are no model of the project (bronze tables, setup tables) are there before the build.
 *
 * <pre>{@code
 * ModelsBuilt inputs = new ModelsBuilt(wh.project(), Analytics.INPUTS, progress);
 * inputs.ready().thenRun(() -> startTheAnalyses());
 * wh.build(Selection.all(), BuildOptions.defaults().withListener(inputs));
 * inputs.buildEnded(null);                 // completes ready() if it had not (or fails it with the build's error)
 * }</pre>
 */
final class ModelsBuilt implements ProgressListener {
    private static final String PART = "build:";

    private final ProgressListener next;
    private final Set<String> pending = new HashSet<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    ModelsBuilt(Project project, Collection<String> relations, ProgressListener next) {
        this.next = next;
        for (Model m : project.models()) {
            if (relations.contains(m.relation())) {
                pending.add(m.name());
            }
        }
        if (pending.isEmpty()) {
            ready.complete(null);
        }
    }

    /** Completes when the awaited models are built (or the build ended); fails when the build failed first. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** The build returned ({@code failure == null}) or threw: releases whoever waits on {@link #ready()}. */
    void buildEnded(RuntimeException failure) {
        if (failure == null) {
            ready.complete(null);
        } else {
            ready.completeExceptionally(failure);
        }
    }

    @Override
    public void stepStarted(String step, long expectedTotal) {
        next.stepStarted(step, expectedTotal);
    }

    @Override
    public void progress(String step, long done) {
        next.progress(step, done);
    }

    @Override
    public void stepFinished(String step, long rows, long millis) {
        next.stepFinished(step, rows, millis);
        if (step.startsWith(PART)) {
            boolean all;
            synchronized (pending) {
                all = pending.remove(step.substring(PART.length())) && pending.isEmpty();
            }
            if (all) {
                ready.complete(null);
            }
        }
    }
}
