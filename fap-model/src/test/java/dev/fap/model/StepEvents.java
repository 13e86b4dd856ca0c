package dev.fap.model;

import dev.fap.core.ProgressListener;
import java.util.List;

/**
 * A listener that records the steps of a run as "started &lt;step&gt;" and "finished &lt;step&gt;", in the order they
 * happened, for tests of the order of builds and checks.
 *
 * <pre>{@code
 * List<String> events = Collections.synchronizedList(new ArrayList<>());
 * wh.buildAndTest(Selection.all(), BuildOptions.defaults().withListener(StepEvents.recorder(events)));
 * }</pre>
 */
public final class StepEvents {
    private StepEvents() {
    }

    /** Adds each step's start and end to {@code events} (a synchronized list: steps run on several threads). */
    public static ProgressListener recorder(List<String> events) {
        return new ProgressListener() {
            @Override
            public void stepStarted(String step, long expectedTotal) {
                events.add("started " + step);
            }

            @Override
            public void stepFinished(String step, long rows, long millis) {
                events.add("finished " + step);
            }
        };
    }
}
