package dev.fap.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.FapException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectTest {
    static Model view(String name, Layer layer, String sql) {
        return Model.view(name, layer).sql(sql);
    }

    @Test
    void ordersModelsAfterTheirDependencies() {
        Project p = Project.of(
                view("c", Layer.GOLD, "select * from gold.b join silver.a using (id)"),
                view("b", Layer.GOLD, "select * from silver.a"),
                view("a", Layer.SILVER, "select * from bronze.raw_a"),
                view("d", Layer.GOLD, "select 1 as x").dependsOn("c"));
        List<String> order = p.topologicalOrder().stream().map(Model::name).toList();
        assertThat(order).containsExactly("a", "b", "c", "d");
        assertThat(p.dependencies("c")).containsExactlyInAnyOrder("a", "b");
        assertThat(p.dependents("a")).containsExactlyInAnyOrder("b", "c");
        assertThat(p.sources("a")).containsExactly("bronze.raw_a");
        assertThat(p.ancestors("d")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(p.descendants("b")).containsExactlyInAnyOrder("c", "d");
        assertThat(p.allSources()).containsExactly("bronze.raw_a");
    }

    @Test
    void ignoresCommentsStringsFunctionCallsAndSelfReferences() {
        Model m = Model.incremental("f", Layer.GOLD).uniqueKey("id")
                .sql("-- reads gold.nothing\nselect silver.clean_text(x) as y, 'gold.fake' as s /* silver.ghost */ from silver.a\n"
                        + "where true {{incremental and id > (select max(id) from gold.f)}}");
        Project p = Project.of(view("a", Layer.SILVER, "select 1 as id, 'x' as x"), m);
        assertThat(p.dependencies("f")).containsExactly("a");
    }

    @Test
    void rulesFiltersAndHooksAddDependenciesButChecksDoNot() {
        Project p = Project.of(
                view("clock", Layer.SILVER, "select current_date as d"),
                view("stg_c", Layer.SILVER, "select 1 as id"),
                Model.staging("stg_a", Layer.SILVER).uniqueKey("id").sql("select * from bronze.a")
                        .rule("orphan", "c_id in (select id from silver.stg_c)", "unknown c")
                        .rule("future", "d <= (select d from silver.clock)", "after now")
                        .check(Check.relationships("id", "gold.report", "id")),
                Model.incremental("f", Layer.GOLD).uniqueKey("id").sql("select * from silver.stg_a")
                        .incrementalFilter("id > (select max(id) from {this})").postHook("analyze gold.f; select * from silver.stg_c"),
                view("report", Layer.GOLD, "select * from gold.f"));
        assertThat(p.dependencies("stg_a")).containsExactlyInAnyOrder("stg_c", "clock");
        assertThat(p.dependencies("f")).containsExactlyInAnyOrder("stg_a", "stg_c");
        assertThat(p.dependents("report")).isEmpty();
    }

    @Test
    void detectsCyclesAndNamesThem() {
        assertThatThrownBy(() -> Project.of(
                view("a", Layer.GOLD, "select * from gold.c"),
                view("b", Layer.GOLD, "select * from gold.a"),
                view("c", Layer.GOLD, "select * from gold.b"),
                view("z", Layer.GOLD, "select 1 as one")))
                .isInstanceOf(FapException.class)
                .hasMessageContaining("dependency cycle")
                .hasMessageMatching("(?s).*(a -> b -> c -> a|b -> c -> a -> b|c -> a -> b -> c).*");
    }

    @Test
    void rejectsMissingReferencesWithASuggestion() {
        assertThatThrownBy(() -> Project.of(view("dim_customer", Layer.GOLD, "select 1 as x"),
                view("f", Layer.GOLD, "select * from gold.dim_custmer")))
                .isInstanceOf(FapException.class)
                .hasMessageContaining("gold.dim_custmer")
                .satisfies(e -> assertThat(((FapException) e).hint()).contains("did you mean dim_customer?"));
        assertThatThrownBy(() -> Project.of(view("f", Layer.GOLD, "select 1 as x").dependsOn("nope")))
                .hasMessageContaining("depends on nope");
    }

    @Test
    void validatesWhatEachMaterializationNeeds() {
        assertThatThrownBy(() -> Project.of(Model.incremental("i", Layer.GOLD).sql("select 1 as id")))
                .hasMessageContaining("needs a unique key");
        assertThatThrownBy(() -> Project.of(Model.snapshot("s", Layer.GOLD).uniqueKey("id").sql("select 1 as id")))
                .hasMessageContaining("needs a snapshot strategy");
        assertThatThrownBy(() -> Project.of(Model.table("t", Layer.GOLD).sql("select 1 as id").rule("r", "true", "never")))
                .hasMessageContaining("not a staging model");
        assertThatThrownBy(() -> Project.of(Model.table("t", Layer.GOLD).sql("select 1 as id {{incremental where false}}")))
                .hasMessageContaining("neither incremental nor staging");
        assertThatThrownBy(() -> Project.of(Model.table("t", Layer.GOLD)))
                .hasMessageContaining("has no SQL");
        assertThatThrownBy(() -> Project.of(view("t", Layer.GOLD, "select 1 as x"), view("t", Layer.SILVER, "select 1 as x")))
                .hasMessageContaining("two models are named t");
        assertThatThrownBy(() -> Model.table("Bad-Name", Layer.GOLD)).hasMessageContaining("not a lower-case SQL identifier");
        assertThatThrownBy(() -> Project.of(Model.table("t", Layer.GOLD).sql("select 1 as x")
                .check(Check.notNull("x")).check(Check.notNull("x"))))
                .hasMessageContaining("two checks named not_null_x");
    }

    @Test
    void withAddsAndReplacesModels() {
        Project p = Project.of(view("a", Layer.SILVER, "select 1 as id"));
        Project q = p.with(view("b", Layer.GOLD, "select * from silver.a"), view("a", Layer.SILVER, "select 2 as id"));
        assertThat(q.names()).containsExactly("a", "b");
        assertThat(q.model("a").sql().text()).isEqualTo("select 2 as id");
        assertThat(p.names()).containsExactly("a");
        assertThat(q.toString()).isEqualTo("Project[2 models, 1 dependencies, 0 sources]");
    }

    @Test
    void relationsCreatedBySetupScriptsAndTheQuarantineAreSources() {
        Model scores = view("scores", Layer.GOLD, "select * from gold.customer_scores s join silver.quarantine q on true");
        assertThatThrownBy(() -> Project.of(scores)).hasMessageContaining("gold.customer_scores");
        Project p = Project.of(List.of(scores), List.of(Sql.of("create table if not exists gold.customer_scores (id text);"
                + " create or replace function gold.f() returns int language sql return 1")));
        assertThat(p.sources("scores")).containsExactly("gold.customer_scores", "silver.quarantine");
        assertThat(p.setup()).hasSize(1);
    }
}
