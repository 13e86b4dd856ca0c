package dev.fap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import dev.fap.model.Layer;
import dev.fap.model.Model;
import dev.fap.model.Project;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ModelsBuiltTest {
    private final Project project = Project.of(
            Model.table("stg_a", Layer.SILVER).sql("select 1 as x"),
            Model.table("fact_b", Layer.GOLD).sql("select x from silver.stg_a"),
            Model.table("snapshot_c", Layer.GOLD).sql("select x from silver.stg_a"));
    private final List<String> passedOn = new CopyOnWriteArrayList<>();
    private final ProgressListener next = new ProgressListener() {
        @Override
        public void stepFinished(String step, long rows, long millis) {
            passedOn.add(step);
        }
    };

    @Test
    void readyOnceEveryAwaitedModelIsBuiltNotBeforeAndEventsArePassedOn() {
        ModelsBuilt built = new ModelsBuilt(project, Set.of("silver.stg_a", "gold.fact_b", "bronze.transactions"), next);
        built.stepFinished("build:stg_a", 1, 5);
        built.stepFinished("build:snapshot_c", 1, 5);
        assertThat(built.ready()).isNotDone();
        built.stepFinished("fact_b", 1, 5);                    // not a build part
        assertThat(built.ready()).isNotDone();
        built.stepFinished("build:fact_b", 1, 5);
        assertThat(built.ready()).isCompleted();
        assertThat(passedOn).containsExactly("build:stg_a", "build:snapshot_c", "fact_b", "build:fact_b");
    }

    @Test
    void aFailedBuildFailsTheWaitAndAnEndedBuildReleasesIt() {
        ModelsBuilt failed = new ModelsBuilt(project, Set.of("gold.fact_b"), next);
        failed.buildEnded(FapException.invalidArgument("build failed", "fix it"));
        assertThatThrownBy(() -> failed.ready().join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(FapException.class);

        ModelsBuilt ended = new ModelsBuilt(project, Set.of("gold.fact_b"), next);
        ended.buildEnded(null);
        assertThat(ended.ready()).isCompleted();
        // nothing of the project awaited: ready at once
        assertThat(new ModelsBuilt(project, Set.of("bronze.transactions"), next).ready()).isCompleted();
    }
}
