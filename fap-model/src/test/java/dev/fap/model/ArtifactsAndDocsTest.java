package dev.fap.model;

import static dev.fap.model.Fixtures.exec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fap.core.Database;
import dev.fap.core.ProgressListener;
import dev.fap.core.testing.FapDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FapDatabaseExtension.class)
class ArtifactsAndDocsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    Project project;

    @BeforeEach
    void setUp(Database db) {
        Fixtures.reset(db);
        exec(db, "create table bronze.orders (id int, customer text, amount numeric(12,2), _batch_id bigint, _loaded_at timestamptz default now())",
                "insert into bronze.orders select i, 'C' || (i % 7), i * 1.5, 1 from generate_series(1, 50) i",
                "create table bronze.customers (customer text, region text)",
                "insert into bronze.customers select 'C' || i, case when i % 2 = 0 then 'East' else 'West' end from generate_series(0, 6) i");
        project = Project.of(
                Model.staging("stg_orders", Layer.SILVER).uniqueKey("id").description("Orders, validated")
                        .sql("select id, customer, amount, to_jsonb(o) as _raw, _batch_id, _loaded_at from bronze.orders o")
                        .rule("positive", "amount > 0", "amount must be positive").tags("staging")
                        .column("amount", "order amount in USD").check(Check.stagingReconciles("bronze.orders")),
                Model.table("dim_customer", Layer.GOLD).sql("select customer, region from bronze.customers").uniqueKey("customer")
                        .tags("dimension").check(Check.unique("customer")),
                Model.incremental("fact_orders", Layer.GOLD).uniqueKey("id")
                        .sql("select o.id, o.amount, c.region from silver.stg_orders o join gold.dim_customer c using (customer)")
                        .tags("fact").check(Check.relationships("region", "gold.dim_customer", "region")),
                Model.view("orders_by_region", Layer.GOLD).sql("select region, sum(amount) as total from gold.fact_orders group by region")
                        .tags("analytics").check(Check.rowCount("select 2")));
    }

    @Test
    void independentModelsRunInParallelAndEveryModelReportsProgress(Database db) {
        Map<String, long[]> spans = new ConcurrentHashMap<>();
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        ProgressListener listener = new ProgressListener() {
            @Override
            public void stepStarted(String step, long expectedTotal) {
                events.add("start " + step);
                spans.put(step, new long[] {System.nanoTime(), 0});
            }

            @Override
            public void stepFinished(String step, long rows, long millis) {
                events.add("finish " + step + " " + rows);
                spans.get(step)[1] = System.nanoTime();
            }
        };
        Project slow = project.with(
                Model.table("slow_a", Layer.GOLD).sql("select 1 as x from pg_sleep(0.4)"),
                Model.table("slow_b", Layer.GOLD).sql("select 2 as x from pg_sleep(0.4)"));
        BuildResult b = Warehouse.on(db, slow).build(Selection.all(), BuildOptions.defaults().withThreads(2).withListener(listener)).orThrow();
        long[] a = spans.get("build:slow_a");
        long[] c = spans.get("build:slow_b");
        assertThat(a[0] < c[1] && c[0] < a[1]).as("slow_a and slow_b overlap").isTrue();
        assertThat(events).contains("start build", "finish build:stg_orders 50", "finish build:fact_orders 50", "finish build 6");
        // dependencies finish before their dependents start
        assertThat(spans.get("build:dim_customer")[1]).isLessThan(spans.get("build:fact_orders")[0]);
        assertThat(spans.get("build:fact_orders")[1]).isLessThan(spans.get("build:orders_by_region")[0]);
        assertThat(b.toString()).startsWith("build run " + b.runId() + " [*, incremental]: success, 6 models in ")
                .contains("stg_orders").contains("[50 source = 50 valid + 0 quarantined + 0 duplicates]");
    }

    @Test
    void artifactsDescribeModelsColumnsDependenciesAndResults(Database db, @TempDir Path dir) throws Exception {
        Warehouse wh = Warehouse.on(db, project);
        BuildResult b = wh.build().orThrow();
        TestResult t = wh.test().orThrow();
        List<Path> files = wh.writeArtifacts(dir);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("manifest.json", "run_results.json");

        JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.at("/metadata/models").asInt()).isEqualTo(4);
        JsonNode fact = manifest.at("/models/fact_orders");
        assertThat(fact.get("materialization").asText()).isEqualTo("incremental");
        assertThat(fact.get("relation").asText()).isEqualTo("gold.fact_orders");
        assertThat(texts(fact.at("/depends_on/models"))).containsExactly("stg_orders", "dim_customer");
        assertThat(texts(fact.at("/unique_key"))).containsExactly("id");
        List<String> cols = new ArrayList<>();
        fact.get("columns").forEach(c -> cols.add(c.get("name").asText() + ":" + c.get("type").asText()));
        assertThat(cols).containsExactly("id:integer", "amount:numeric(12,2)", "region:text");
        JsonNode stg = manifest.at("/models/stg_orders");
        assertThat(texts(stg.at("/depends_on/sources"))).containsExactly("bronze.orders");
        assertThat(stg.at("/columns/2/description").asText()).isEqualTo("order amount in USD");
        assertThat(stg.at("/rules/0/name").asText()).isEqualTo("positive");
        assertThat(stg.at("/checks/0/id").asText()).isEqualTo("stg_orders.reconciles_bronze_orders");
        assertThat(texts(manifest.at("/sources/bronze.orders/used_by"))).containsExactly("stg_orders");

        JsonNode results = JSON.readTree(dir.resolve("run_results.json").toFile());
        assertThat(results.at("/build/run_id").asLong()).isEqualTo(b.runId());
        assertThat(results.at("/build/status").asText()).isEqualTo("success");
        assertThat(results.at("/build/results")).hasSize(4);
        JsonNode stgResult = null;
        for (JsonNode r : results.at("/build/results")) {
            assertThat(r.has("ms")).isTrue();
            if (r.get("model").asText().equals("stg_orders")) {
                stgResult = r;
            }
        }
        assertThat(stgResult).isNotNull();
        assertThat(stgResult.get("rows").asLong()).isEqualTo(50);
        assertThat(stgResult.get("source_rows").asLong()).isEqualTo(50);
        assertThat(results.at("/test/run_id").asLong()).isEqualTo(t.runId());
        assertThat(results.at("/test/results")).hasSize(4);
        assertThat(results.at("/test/results/0/status").asText()).isEqualTo("pass");
    }

    @Test
    void docsPageHasEveryModelAndAnSvgEdgePerDependency(Database db, @TempDir Path dir) throws Exception {
        Warehouse wh = Warehouse.on(db, project);
        wh.build().orThrow();
        wh.test().orThrow();
        Path page = wh.writeDocs(dir);
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("http://cdn").doesNotContain("<script src");
        for (Model m : project.models()) {
            assertThat(html).contains("id=\"model-" + m.name() + "\"").contains("data-id=\"" + m.name() + "\"");
        }
        List<String> edges = new ArrayList<>();
        Matcher e = Pattern.compile("<path class=\"edge\" data-from=\"([^\"]+)\" data-to=\"([^\"]+)\"").matcher(html);
        while (e.find()) {
            edges.add(e.group(1) + "->" + e.group(2));
        }
        assertThat(edges).containsExactlyInAnyOrder("bronze.orders->stg_orders", "bronze.customers->dim_customer",
                "stg_orders->fact_orders", "dim_customer->fact_orders", "fact_orders->orders_by_region");
        assertThat(html).contains("order amount in USD").contains("numeric(12,2)").contains("amount must be positive")
                .contains("relationships(region -&gt; gold.dim_customer.region)").contains("class=\"pass\"");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
