package dev.fap.model.internal;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.model.Check;
import dev.fap.model.Layer;
import dev.fap.model.Model;
import dev.fap.model.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the documentation site as one self-contained HTML file: a lineage graph (inline SVG, laid out
 * here: columns by dependency depth, sources first) and the catalog of models with columns, types,
 * descriptions, checks with their latest status, and SQL.
 */
public final class DocsWriter {
    /** File name of the page. */
    public static final String PAGE = "index.html";

    static final int NODE_W = 200;
    static final int NODE_H = 24;
    static final int COL_GAP = 90;
    static final int ROW_GAP = 10;
    static final int MARGIN = 20;

    private DocsWriter() {}

    /** A positioned node of the lineage graph. */
    record Node(String id, String label, String kind, int x, int y) {}

    /** Writes {@code dir/index.html}; returns its path. */
    public static Path write(Database db, Project project, Path dir) {
        CatalogSnapshot catalog = CatalogSnapshot.read(db);
        Map<String, String> checkStatus = latestCheckStatus(db);
        String html = render(project, catalog, checkStatus);
        try {
            Files.createDirectories(dir);
            Path page = dir.resolve(PAGE);
            Files.writeString(page, html, StandardCharsets.UTF_8);
            return page;
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot write docs to " + dir + ": " + e.getMessage(), "check the folder is writable", e);
        }
    }

    private static Map<String, String> latestCheckStatus(Database db) {
        Map<String, String> out = new HashMap<>();
        try (Connection c = db.connection()) {
            if (Catalog.relkind(c, Database.META, "check_results") == 0) {
                return out;
            }
            for (String[] r : Jdbc.rows(c, "select check_id, status, failures from " + MetaStore.CHECK_RESULTS + " where run_id = (select max(run_id) from "
                    + MetaStore.RUNS + " where command = 'test')")) {
                out.put(r[0], r[1] + ("0".equals(r[2]) || r[2] == null || r[2].equals("-1") ? "" : " (" + r[2] + ")"));
            }
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_ERROR, "cannot read check results: " + e.getMessage(), "check the database connection", e);
        }
        return out;
    }

    /** Lays out sources and models: x by longest path from a source, y by layer then name within a column. */
    static Map<String, Node> layout(Project project) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        for (String s : project.allSources()) {
            depth.put(s, 0);
        }
        for (Model m : project.topologicalOrder()) {
            int d = project.sources(m.name()).isEmpty() ? 0 : 1;
            for (String u : project.dependencies(m.name())) {
                d = Math.max(d, depth.get(u) + 1);
            }
            depth.put(m.name(), d);
        }
        Map<Integer, List<String>> columns = new HashMap<>();
        depth.forEach((k, v) -> columns.computeIfAbsent(v, x -> new ArrayList<>()).add(k));
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<String>> col : columns.entrySet()) {
            List<String> ids = col.getValue();
            ids.sort(Comparator.comparing((String id) -> kind(project, id)).thenComparing(id -> id));
            int y = MARGIN;
            for (String id : ids) {
                int x = MARGIN + col.getKey() * (NODE_W + COL_GAP);
                nodes.put(id, new Node(id, project.contains(id) ? id : id, kind(project, id), x, y));
                y += NODE_H + ROW_GAP;
            }
        }
        return nodes;
    }

    private static String kind(Project project, String id) {
        return project.contains(id) ? project.model(id).layer().toString() : "source";
    }

    static String svg(Project project) {
        Map<String, Node> nodes = layout(project);
        int w = nodes.values().stream().mapToInt(n -> n.x() + NODE_W).max().orElse(0) + MARGIN;
        int h = nodes.values().stream().mapToInt(n -> n.y() + NODE_H).max().orElse(0) + MARGIN;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg id=\"lineage\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\">\n");
        sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#888\"/></marker></defs>\n");
        for (Model m : project.topologicalOrder()) {
            List<String> ups = new ArrayList<>(project.sources(m.name()));
            ups.addAll(project.dependencies(m.name()));
            Node to = nodes.get(m.name());
            for (String u : ups) {
                Node from = nodes.get(u);
                int x1 = from.x() + NODE_W;
                int y1 = from.y() + NODE_H / 2;
                int x2 = to.x();
                int y2 = to.y() + NODE_H / 2;
                int mid = (x1 + x2) / 2;
                sb.append("<path class=\"edge\" data-from=\"").append(esc(u)).append("\" data-to=\"").append(esc(m.name()))
                        .append("\" d=\"M").append(x1).append(',').append(y1).append(" C").append(mid).append(',').append(y1).append(' ')
                        .append(mid).append(',').append(y2).append(' ').append(x2).append(',').append(y2)
                        .append("\" marker-end=\"url(#arrow)\"/>\n");
            }
        }
        for (Node n : nodes.values()) {
            boolean model = project.contains(n.id());
            sb.append("<g class=\"node ").append(n.kind()).append("\" data-id=\"").append(esc(n.id())).append("\">");
            if (model) {
                sb.append("<a href=\"#model-").append(esc(n.id())).append("\">");
            }
            sb.append("<rect x=\"").append(n.x()).append("\" y=\"").append(n.y()).append("\" width=\"").append(NODE_W).append("\" height=\"")
                    .append(NODE_H).append("\" rx=\"5\"/><text x=\"").append(n.x() + 8).append("\" y=\"").append(n.y() + 16).append("\">")
                    .append(esc(n.label())).append("</text>");
            if (model) {
                sb.append("</a>");
            }
            sb.append("<title>").append(esc(n.id())).append("</title></g>\n");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    static String render(Project project, CatalogSnapshot catalog, Map<String, String> checkStatus) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        long checks = project.models().stream().mapToLong(m -> m.checks().size()).sum();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>FAP warehouse documentation</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#222;background:#fafafa}")
                .append("header{background:#1f3b57;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}")
                .append("main{padding:16px 24px}section.model{background:#fff;border:1px solid #ddd;border-radius:6px;margin:14px 0;padding:10px 16px}")
                .append("table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #eee;padding:3px 10px;text-align:left;vertical-align:top}")
                .append(".tag{display:inline-block;background:#eef;border-radius:3px;padding:0 6px;margin-right:4px;font-size:12px}")
                .append(".lineage{overflow:auto;background:#fff;border:1px solid #ddd;border-radius:6px}")
                .append("svg .edge{fill:none;stroke:#999;stroke-width:1.2}svg .edge.hi{stroke:#d9480f;stroke-width:2.2}")
                .append("svg .node rect{stroke:#555;stroke-width:1}svg .node text{font-size:12px;font-family:monospace}")
                .append("svg .source rect{fill:#e8d5b7}svg .bronze rect{fill:#e8d5b7}svg .silver rect{fill:#dde3ea}svg .gold rect{fill:#f6e27a}")
                .append(".pass{color:#2b8a3e}.fail,.error{color:#c92a2a}.warn{color:#e67700}code,pre{font-size:12px}pre{background:#f4f4f4;padding:8px;overflow:auto}")
                .append("nav a{margin-right:10px;font-size:13px}\n</style></head><body>\n");
        sb.append("<header><h1>FAP warehouse</h1><div>").append(project.models().size()).append(" models, ").append(project.allSources().size())
                .append(" sources, ").append(checks).append(" checks</div></header>\n<main>\n<h2>Lineage</h2>\n<div class=\"lineage\">\n")
                .append(svg(project)).append("\n</div>\n<h2>Catalog</h2>\n<nav>");
        for (Layer l : Layer.values()) {
            project.models().stream().filter(m -> m.layer() == l)
                    .forEach(m -> sb.append("<a href=\"#model-").append(esc(m.name())).append("\">").append(esc(m.name())).append("</a>"));
        }
        sb.append("</nav>\n");
        for (Model m : project.topologicalOrder()) {
            sb.append("<section class=\"model\" id=\"model-").append(esc(m.name())).append("\"><h3>").append(esc(m.relation())).append("</h3>\n<p>")
                    .append("<b>").append(m.materialization()).append("</b> · layer ").append(m.layer());
            if (!m.uniqueKey().isEmpty()) {
                sb.append(" · unique key <code>").append(esc(String.join(", ", m.uniqueKey()))).append("</code>");
            }
            for (String t : m.tags()) {
                sb.append(" <span class=\"tag\">").append(esc(t)).append("</span>");
            }
            sb.append("</p>\n<p>").append(esc(m.description())).append("</p>\n");
            List<String> ups = new ArrayList<>(project.dependencies(m.name()));
            ups.addAll(project.sources(m.name()));
            sb.append("<p>Depends on: ").append(ups.isEmpty() ? "—" : esc(String.join(", ", ups))).append(" · Used by: ")
                    .append(project.dependents(m.name()).isEmpty() ? "—" : esc(String.join(", ", project.dependents(m.name())))).append("</p>\n");
            sb.append("<table><tr><th>column</th><th>type</th><th>description</th></tr>\n");
            List<Catalog.ColumnInfo> cols = catalog.columns(m.relation());
            java.util.Set<String> shown = new java.util.HashSet<>();
            for (Catalog.ColumnInfo ci : cols) {
                shown.add(ci.name());
                sb.append("<tr><td><code>").append(esc(ci.name())).append("</code></td><td>").append(esc(ci.type())).append("</td><td>")
                        .append(esc(m.columns().getOrDefault(ci.name(), ""))).append("</td></tr>\n");
            }
            for (Map.Entry<String, String> e : m.columns().entrySet()) {
                if (!shown.contains(e.getKey())) {
                    sb.append("<tr><td><code>").append(esc(e.getKey())).append("</code></td><td>(not built)</td><td>").append(esc(e.getValue()))
                            .append("</td></tr>\n");
                }
            }
            sb.append("</table>\n");
            if (!m.rules().isEmpty()) {
                sb.append("<h4>Rules (rows breaking them go to silver.quarantine)</h4><table>");
                m.rules().forEach(r -> sb.append("<tr><td>").append(esc(r.name())).append("</td><td><code>").append(esc(r.predicate()))
                        .append("</code></td><td>").append(esc(r.reason())).append("</td></tr>"));
                sb.append("</table>\n");
            }
            if (!m.checks().isEmpty()) {
                sb.append("<h4>Checks</h4><table><tr><th>check</th><th>severity</th><th>latest</th></tr>");
                for (Check c : m.checks()) {
                    String st = checkStatus.getOrDefault(c.id(m), "not run");
                    sb.append("<tr><td><code>").append(esc(c.describe())).append("</code></td><td>").append(c.severity()).append("</td><td class=\"")
                            .append(esc(st.split(" ")[0])).append("\">").append(esc(st)).append("</td></tr>");
                }
                sb.append("</table>\n");
            }
            sb.append("<details><summary>SQL (").append(esc(m.sql().origin())).append(")</summary><pre>").append(esc(m.sql().text()))
                    .append("</pre></details></section>\n");
        }
        sb.append("</main>\n<script>\n")
                .append("document.querySelectorAll('#lineage .node').forEach(function(n){var id=n.getAttribute('data-id');")
                .append("n.addEventListener('mouseenter',function(){document.querySelectorAll('#lineage .edge').forEach(function(e){")
                .append("if(e.getAttribute('data-from')===id||e.getAttribute('data-to')===id)e.classList.add('hi');});});")
                .append("n.addEventListener('mouseleave',function(){document.querySelectorAll('#lineage .edge.hi').forEach(function(e){e.classList.remove('hi');});});});\n")
                .append("</script>\n</body></html>\n");
        return sb.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
