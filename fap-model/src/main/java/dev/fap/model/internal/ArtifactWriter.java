package dev.fap.model.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.model.Check;
import dev.fap.model.Model;
import dev.fap.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes {@code manifest.json} (models, columns, dependencies, checks) and {@code run_results.json} (latest build and test). */
public final class ArtifactWriter {
    /** File name of the manifest. */
    public static final String MANIFEST = "manifest.json";
    /** File name of the run results. */
    public static final String RUN_RESULTS = "run_results.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ArtifactWriter() {}

    /** Writes both files into {@code dir} (created if needed); returns their paths. */
    public static List<Path> write(Database db, Project project, Path dir) {
        try {
            Files.createDirectories(dir);
            Path manifest = dir.resolve(MANIFEST);
            Path results = dir.resolve(RUN_RESULTS);
            JSON.writeValue(manifest.toFile(), manifest(project, CatalogSnapshot.read(db)));
            JSON.writeValue(results.toFile(), runResults(db));
            return List.of(manifest, results);
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot write artifacts to " + dir + ": " + e.getMessage(), "check the folder is writable", e);
        }
    }

    static ObjectNode manifest(Project project, CatalogSnapshot catalog) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("metadata");
        meta.put("generator", "fap-model");
        meta.put("generated_at", Instant.now().toString());
        meta.put("models", project.models().size());
        meta.put("checks", project.models().stream().mapToInt(m -> m.checks().size()).sum());
        ObjectNode models = root.putObject("models");
        for (Model m : project.topologicalOrder()) {
            ObjectNode n = models.putObject(m.name());
            n.put("name", m.name());
            n.put("layer", m.layer().toString());
            n.put("relation", m.relation());
            n.put("materialization", m.materialization().toString());
            n.put("description", m.description());
            n.put("sql_origin", m.sql().origin());
            n.put("exists", catalog.exists(m.relation()));
            strings(n.putArray("tags"), m.tags());
            strings(n.putArray("unique_key"), m.uniqueKey());
            ObjectNode deps = n.putObject("depends_on");
            strings(deps.putArray("models"), project.dependencies(m.name()));
            strings(deps.putArray("sources"), project.sources(m.name()));
            ArrayNode cols = n.putArray("columns");
            Set<String> typed = new java.util.HashSet<>();
            for (Catalog.ColumnInfo ci : catalog.columns(m.relation())) {
                typed.add(ci.name());
                ObjectNode c = cols.addObject();
                c.put("name", ci.name());
                c.put("type", ci.type());
                c.put("description", m.columns().getOrDefault(ci.name(), ""));
            }
            for (Map.Entry<String, String> e : m.columns().entrySet()) {
                if (!typed.contains(e.getKey())) {
                    ObjectNode c = cols.addObject();
                    c.put("name", e.getKey());
                    c.putNull("type");
                    c.put("description", e.getValue());
                }
            }
            ArrayNode checks = n.putArray("checks");
            for (Check ch : m.checks()) {
                ObjectNode c = checks.addObject();
                c.put("id", ch.id(m));
                c.put("kind", ch.kind().id());
                c.put("description", ch.describe());
                c.put("severity", ch.severity().toString());
                strings(c.putArray("columns"), ch.columns());
            }
            if (!m.rules().isEmpty()) {
                ArrayNode rules = n.putArray("rules");
                m.rules().forEach(r -> rules.addObject().put("name", r.name()).put("predicate", r.predicate()).put("reason", r.reason()));
            }
        }
        ObjectNode sources = root.putObject("sources");
        for (String s : project.allSources()) {
            ObjectNode n = sources.putObject(s);
            ArrayNode cols = n.putArray("columns");
            for (Catalog.ColumnInfo ci : catalog.columns(s)) {
                cols.addObject().put("name", ci.name()).put("type", ci.type());
            }
            ArrayNode users = n.putArray("used_by");
            project.models().stream().filter(m -> project.sources(m.name()).contains(s)).forEach(m -> users.add(m.name()));
        }
        return root;
    }

    static ObjectNode runResults(Database db) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("metadata");
        meta.put("generator", "fap-model");
        meta.put("generated_at", Instant.now().toString());
        try (Connection c = db.connection()) {
            if (Catalog.relkind(c, Database.META, "runs") == 0) {
                root.putNull("build");
                root.putNull("test");
                return root;
            }
            root.set("build", run(c, "build", "select model, materialization, status, rows, inserted, updated, source_rows, valid_rows,"
                    + " quarantined_rows, duplicate_rows, millis, message from " + MetaStore.MODEL_RESULTS + " where run_id = ? order by finished_at, model"));
            root.set("test", run(c, "test", "select check_id, model, kind, description, severity, status, failures, millis, message from "
                    + MetaStore.CHECK_RESULTS + " where run_id = ? order by check_id"));
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_ERROR, "cannot read run results: " + e.getMessage(), "run a build first", e);
        }
        return root;
    }

    private static com.fasterxml.jackson.databind.JsonNode run(Connection c, String command, String detailSql) throws SQLException {
        List<String[]> runs = Jdbc.rows(c, "select run_id, status, selection, refresh, started_at, finished_at, millis, lock_wait_ms from "
                + MetaStore.RUNS + " where command = '" + command + "' order by run_id desc limit 1");
        if (runs.isEmpty()) {
            return JSON.nullNode();
        }
        String[] r = runs.get(0);
        ObjectNode n = JSON.createObjectNode();
        n.put("run_id", Long.parseLong(r[0]));
        n.put("status", r[1]);
        n.put("selection", r[2]);
        n.put("refresh", r[3]);
        n.put("started_at", r[4]);
        n.put("finished_at", r[5]);
        if (r[6] != null) {
            n.put("elapsed_ms", Long.parseLong(r[6]));
        }
        n.put("lock_wait_ms", r[7] == null ? 0 : Long.parseLong(r[7]));
        ArrayNode results = n.putArray("results");
        try (var ps = c.prepareStatement(detailSql.replace("?", r[0])); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                ObjectNode o = results.addObject();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String name = md.getColumnLabel(i);
                    Object v = rs.getObject(i);
                    if (name.equals("millis")) {
                        name = "ms";
                    }
                    if (v == null) {
                        o.putNull(name);
                    } else if (v instanceof Long x) {
                        o.put(name, x);
                    } else {
                        o.put(name, v.toString());
                    }
                }
            }
        }
        return n;
    }

    private static void strings(ArrayNode a, Iterable<String> values) {
        values.forEach(a::add);
    }
}
