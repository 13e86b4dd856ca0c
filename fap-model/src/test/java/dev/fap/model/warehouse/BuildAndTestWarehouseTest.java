package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.model.BuildAndTestResult;
import dev.fap.model.BuildOptions;
import dev.fap.model.Check;
import dev.fap.model.Model;
import dev.fap.model.Project;
import dev.fap.model.Selection;
import dev.fap.model.StepEvents;
import dev.fap.model.Status;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FAP warehouse on the hand-written fixture (with its dirty rows and warn checks that find them):
 * {@link Warehouse#buildAndTest} gives the checks' results, failing rows and {@code run_results.json} of a
 * build followed by a test, and starts no check before its model and every model its checks read.
 */
@ExtendWith(FapDatabaseExtension.class)
class BuildAndTestWarehouseTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sameResultsAsBuildThenTest(Database db, @TempDir Path dir) throws IOException {
        BronzeFixture.load(db);
        Warehouse wh = FapWarehouse.on(db);
        BuildOptions full = BuildOptions.defaults().withFullRefresh();
        wh.build(Selection.all(), full).orThrow();
        TestResult before = wh.test(Selection.all(), full);
        List<String> beforeRows = failingRows(db, before.runId());
        JsonNode beforeJson = runResults(wh, dir.resolve("before"));

        List<String> events = Collections.synchronizedList(new ArrayList<>());
        BuildAndTestResult both = wh.buildAndTest(Selection.all(), full.withListener(StepEvents.recorder(events)));

        assertThat(both.build().ok()).isTrue();
        assertThat(both.build().models()).hasSize(wh.project().models().size());
        TestResult after = both.test();
        assertThat(after.checks()).hasSizeGreaterThan(100);
        assertThat(outcomes(after)).isEqualTo(outcomes(before));
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.withStatus(Status.WARN)).isNotEmpty(); // the fixture's dirty rows: failing rows to compare
        assertThat(List.of(after.passed(), after.warned(), after.failed())).isEqualTo(List.of(before.passed(), before.warned(), before.failed()));
        assertThat(failingRows(db, after.runId())).isNotEmpty().isEqualTo(beforeRows);

        JsonNode afterJson = runResults(wh, dir.resolve("after"));
        assertThat(shape(afterJson)).isEqualTo(shape(beforeJson));
        assertThat(checkRows(afterJson)).isEqualTo(checkRows(beforeJson));
        assertThat(afterJson.at("/test/run_id").asLong()).isEqualTo(after.runId());
        assertThat(afterJson.at("/build/run_id").asLong()).isEqualTo(both.build().runId());

        assertNoCheckBeforeWhatItReads(wh.project(), events);
    }

    /** Each check starts after its model and the models of the relations it reads (and their ancestors) finished building. */
    private static void assertNoCheckBeforeWhatItReads(Project project, List<String> events) {
        int checked = 0;
        for (Model m : project.models()) {
            for (Check c : m.checks()) {
                Set<String> needed = new LinkedHashSet<>(List.of(m.name()));
                for (String rel : c.referencedRelations()) {
                    project.models().stream().filter(x -> x.relation().equals(rel)).forEach(x -> {
                        needed.add(x.name());
                        needed.addAll(project.ancestors(x.name()));
                    });
                }
                int start = events.indexOf("started test:" + c.id(m));
                assertThat(start).as(c.id(m)).isNotNegative();
                for (String n : needed) {
                    assertThat(events.indexOf("finished build:" + n)).as(c.id(m) + " after " + n).isNotNegative().isLessThan(start);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
        // and the checks did start while models were still building
        int firstCheck = events.stream().filter(e -> e.startsWith("started test:")).map(events::indexOf).min(Integer::compare).orElseThrow();
        assertThat(firstCheck).isLessThan(events.indexOf("finished build"));
    }

    /** Per check, in the result's order: id, status, failing rows and message (not the milliseconds). */
    private static List<String> outcomes(TestResult t) {
        return t.checks().stream().map(c -> c.id() + " " + c.status() + " " + c.failures() + " " + c.message() + " " + c.sql()).toList();
    }

    private static List<String> failingRows(Database db, long runId) {
        return db.dsl().fetch("select check_id || ' ' || row::text from fap_meta.check_failures where run_id = " + runId + " order by 1")
                .getValues(0, String.class);
    }

    private static JsonNode runResults(Warehouse wh, Path dir) throws IOException {
        wh.writeArtifacts(dir);
        return JSON.readTree(Files.readString(dir.resolve("run_results.json")));
    }

    /** The JSON's field paths (array elements' fields once per array), without values. */
    private static Set<String> shape(JsonNode n) {
        Set<String> out = new LinkedHashSet<>();
        shape(n, "", out);
        return out;
    }

    private static void shape(JsonNode n, String path, Set<String> out) {
        out.add(path);
        if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                shape(n.get(f), path + "/" + f, out);
            }
        } else if (n.isArray()) {
            n.forEach(e -> shape(e, path + "[]", out));
        }
    }

    private static List<String> checkRows(JsonNode root) {
        List<String> out = new ArrayList<>();
        root.at("/test/results").forEach(r -> out.add(r.get("check_id").asText() + " " + r.get("status").asText() + " "
                + r.get("failures").asText() + " " + r.get("message").asText()));
        return out.stream().sorted().collect(Collectors.toList());
    }
}
