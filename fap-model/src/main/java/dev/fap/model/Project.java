package dev.fap.model;

import dev.fap.core.ClosestName;
import dev.fap.core.FapException;
import dev.fap.model.internal.SqlText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated set of {@link Model}s and the DAG of their dependencies. Immutable.
 *
 * <pre>{@code
 * Project p = Project.of(List.of(stgCustomers, dimCustomer, factTransactions));
 * p.topologicalOrder();               // upstream first
 * p.dependencies("fact_transactions"); // [dim_customer, ...]
 * Project mine = p.with(myExtraModel);  // add models of your own
 * }</pre>
 *
 * <p>{@link #of} checks that names are unique, that every model has SQL and the settings its
 * materialization needs, that every {@code silver.x}/{@code gold.x} reference and every
 * {@code dependsOn} names a model, and that there is no cycle; otherwise it throws a
 * {@link FapException} naming the problem.
 */
public final class Project {
    private final Map<String, Model> models;
    private final Map<String, Set<String>> upstream;
    private final Map<String, Set<String>> downstream;
    private final Map<String, Set<String>> sources;
    private final List<Model> order;
    private final List<Sql> setup;

    private Project(Map<String, Model> models, List<Sql> setup) {
        this.models = Collections.unmodifiableMap(models);
        this.setup = List.copyOf(setup);
        Set<String> external = new HashSet<>();
        external.add(Model.QUARANTINE);
        for (Sql script : setup) {
            external.addAll(SqlText.createdRelations(script.text()));
        }
        Map<String, String> byRelation = new HashMap<>();
        for (Model m : models.values()) {
            byRelation.put(m.relation(), m.name());
        }
        Map<String, Set<String>> up = new LinkedHashMap<>();
        Map<String, Set<String>> src = new LinkedHashMap<>();
        Map<String, Set<String>> down = new LinkedHashMap<>();
        for (Model m : models.values()) {
            down.put(m.name(), new LinkedHashSet<>());
        }
        for (Model m : models.values()) {
            Set<String> deps = new LinkedHashSet<>();
            Set<String> srcs = new LinkedHashSet<>();
            for (String ref : buildTimeReferences(m)) {
                String target = byRelation.get(ref);
                if (target != null) {
                    if (!target.equals(m.name())) {
                        deps.add(target);
                    }
                } else if (ref.startsWith(Layer.BRONZE.schema() + ".") || external.contains(ref)) {
                    srcs.add(ref);
                } else {
                    throw FapException.invalidArgument("model " + m.name() + " references " + ref + ", which is not a model of the project",
                            "add a model named " + ref.substring(ref.indexOf('.') + 1) + " in layer " + ref.substring(0, ref.indexOf('.'))
                                    + ", or fix the reference" + suggestion(ref.substring(ref.indexOf('.') + 1), models.keySet()));
                }
            }
            for (String d : m.explicitDependencies()) {
                if (!models.containsKey(d)) {
                    throw FapException.invalidArgument("model " + m.name() + " depends on " + d + ", which is not a model of the project",
                            "fix the name in dependsOn(...)" + suggestion(d, models.keySet()));
                }
                if (!d.equals(m.name())) {
                    deps.add(d);
                }
            }
            up.put(m.name(), Collections.unmodifiableSet(deps));
            src.put(m.name(), Collections.unmodifiableSet(srcs));
            for (String d : deps) {
                down.get(d).add(m.name());
            }
        }
        down.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        this.upstream = Collections.unmodifiableMap(up);
        this.downstream = Collections.unmodifiableMap(down);
        this.sources = Collections.unmodifiableMap(src);
        this.order = List.copyOf(sort());
    }

    /** Relations a model reads while it is built: its SQL, its rules, its incremental filter and its post hooks. */
    private static Set<String> buildTimeReferences(Model m) {
        Set<String> refs = new LinkedHashSet<>(SqlText.references(m.sql().text()));
        m.rules().forEach(r -> refs.addAll(SqlText.references(r.predicate())));
        m.incrementalFilter().ifPresent(f -> refs.addAll(SqlText.references(f)));
        m.postHooks().forEach(h -> refs.addAll(SqlText.references(h)));
        return refs;
    }

    /** A project of the given models. */
    public static Project of(List<Model> models) {
        return of(models, List.of());
    }

    /**
     * A project of the given models with setup scripts (see {@link #withSetup}); relations the scripts
     * create ({@code create table|view [if not exists] silver.x|gold.x}) may be read by the models as
     * sources, like bronze tables.
     */
    public static Project of(List<Model> models, List<Sql> setup) {
        Map<String, Model> byName = new LinkedHashMap<>();
        for (Model m : models) {
            validate(m);
            if (byName.put(m.name(), m) != null) {
                throw FapException.invalidArgument("two models are named " + m.name(), "model names must be unique across layers");
            }
        }
        return new Project(byName, setup);
    }

    /** A project of the given models. */
    public static Project of(Model... models) {
        return of(List.of(models));
    }

    /** This project plus {@code more} models; a model with an existing name replaces it. */
    public Project with(Model... more) {
        Map<String, Model> all = new LinkedHashMap<>(models);
        for (Model m : more) {
            validate(m);
            all.put(m.name(), m);
        }
        return new Project(all, setup);
    }

    /**
     * This project plus setup scripts, run in order at the start of every build (under the run lock,
     * in one transaction, before any model): typically {@code create or replace function} statements
     * the models call. A script may hold several statements separated by semicolons.
     *
     * <pre>{@code
     * Project p = Project.of(models).withSetup(Sql.resource("setup/functions.sql"));
     * }</pre>
     */
    public Project withSetup(Sql... scripts) {
        List<Sql> all = new ArrayList<>(setup);
        for (Sql s : scripts) {
            all.add(java.util.Objects.requireNonNull(s, "script"));
        }
        return new Project(new LinkedHashMap<>(models), all);
    }

    /** The setup scripts, in run order. */
    public List<Sql> setup() {
        return setup;
    }

    private static void validate(Model m) {
        String n = "model " + m.name() + " (" + m.materialization() + ")";
        if (!m.hasSql()) {
            throw FapException.invalidArgument(n + " has no SQL", "call .sql(Sql.resource(...)) on it");
        }
        Materialization k = m.materialization();
        if ((k == Materialization.INCREMENTAL || k == Materialization.SNAPSHOT || k == Materialization.STAGING) && m.uniqueKey().isEmpty()) {
            throw FapException.invalidArgument(n + " needs a unique key", "call .uniqueKey(\"...\") on it");
        }
        if (k == Materialization.SNAPSHOT && m.strategy().isEmpty()) {
            throw FapException.invalidArgument(n + " needs a snapshot strategy",
                    "call .strategy(SnapshotStrategy.check(...)) or .strategy(SnapshotStrategy.timestamp(\"updated_at\"))");
        }
        if (k != Materialization.SNAPSHOT && m.strategy().isPresent()) {
            throw FapException.invalidArgument(n + " has a snapshot strategy but is not a snapshot", "use Model.snapshot(...)");
        }
        if (k != Materialization.STAGING && !m.rules().isEmpty()) {
            throw FapException.invalidArgument(n + " has rules but is not a staging model",
                    "use Model.staging(...), or express the rules as checks");
        }
        boolean marker = SqlText.hasIncrementalMarker(m.sql().text());
        if (k != Materialization.INCREMENTAL && m.incrementalFilter().isPresent()) {
            throw FapException.invalidArgument(n + " has an incremental filter but is not incremental", "use Model.incremental(...)");
        }
        if (k != Materialization.INCREMENTAL && k != Materialization.STAGING && marker) {
            throw FapException.invalidArgument(n + " has an {{incremental ...}} marker but is neither incremental nor staging",
                    "use Model.incremental(...) or Model.staging(...), or remove the marker");
        }
        if (marker && m.incrementalFilter().isPresent()) {
            throw FapException.invalidArgument(n + " has both an {{incremental}} marker and an incrementalFilter",
                    "keep one of them");
        }
        if (m.relation().equals(Model.QUARANTINE)) {
            throw FapException.invalidArgument(n + " would replace the engine's quarantine table " + Model.QUARANTINE, "choose another name");
        }
        if (k == Materialization.VIEW && (!m.indexes().isEmpty())) {
            throw FapException.invalidArgument(n + " declares indexes but is a view", "materialize it as a table or drop the index");
        }
        Set<String> checkNames = new HashSet<>();
        for (Check c : m.checks()) {
            if (!checkNames.add(c.name())) {
                throw FapException.invalidArgument(n + " has two checks named " + c.name(), "give one of them another name with .name(\"...\")");
            }
        }
    }

    private static String suggestion(String name, Set<String> names) {
        return ClosestName.hint(name, names, Math.max(2, name.length() / 3));
    }

    private List<Model> sort() {
        Map<String, Integer> indegree = new HashMap<>();
        for (String n : models.keySet()) {
            indegree.put(n, upstream.get(n).size());
        }
        Deque<String> ready = new ArrayDeque<>();
        for (String n : models.keySet()) {
            if (indegree.get(n) == 0) {
                ready.add(n);
            }
        }
        List<Model> sorted = new ArrayList<>();
        while (!ready.isEmpty()) {
            String n = ready.poll();
            sorted.add(models.get(n));
            for (String d : downstream.get(n)) {
                if (indegree.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        if (sorted.size() < models.size()) {
            throw FapException.invalidArgument("dependency cycle: " + findCycle(indegree),
                    "remove one of the references (or dependsOn) on that cycle");
        }
        return sorted;
    }

    private String findCycle(Map<String, Integer> indegree) {
        // every node left with indegree > 0 lies on or after a cycle; walk upstream until a node repeats
        String start = indegree.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cur = start;
        while (seen.add(cur)) {
            path.add(cur);
            cur = upstream.get(cur).stream().filter(u -> indegree.get(u) > 0).sorted().findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(cur), path.size()));
        Collections.reverse(cycle);
        cycle.add(cycle.get(0));
        return String.join(" -> ", cycle);
    }

    /** All models in declaration order. */
    public List<Model> models() {
        return List.copyOf(models.values());
    }

    /** Model names. */
    public Set<String> names() {
        return models.keySet();
    }

    /** The model named {@code name}; throws a {@link FapException} with a suggestion if there is none. */
    public Model model(String name) {
        Model m = models.get(name);
        if (m == null) {
            throw FapException.invalidArgument("no model named " + name, "list the models with project.names()" + suggestion(name, models.keySet()));
        }
        return m;
    }

    /** True if a model is named {@code name}. */
    public boolean contains(String name) {
        return models.containsKey(name);
    }

    /** Models this model reads directly (from its SQL and {@code dependsOn}). */
    public Set<String> dependencies(String name) {
        model(name);
        return upstream.get(name);
    }

    /** Models that read this model directly. */
    public Set<String> dependents(String name) {
        model(name);
        return downstream.get(name);
    }

    /** Non-model relations (bronze tables) this model reads, e.g. {@code bronze.customers}. */
    public Set<String> sources(String name) {
        model(name);
        return sources.get(name);
    }

    /** Every bronze source any model reads, sorted. */
    public Set<String> allSources() {
        Set<String> s = new TreeSet<>();
        sources.values().forEach(s::addAll);
        return Collections.unmodifiableSet(s);
    }

    /** Every model upstream of {@code name} (transitively), not including it. */
    public Set<String> ancestors(String name) {
        return closure(name, upstream, Integer.MAX_VALUE);
    }

    /** Every model downstream of {@code name} (transitively), not including it. */
    public Set<String> descendants(String name) {
        return closure(name, downstream, Integer.MAX_VALUE);
    }

    Set<String> closure(String name, Map<String, Set<String>> edges, int depth) {
        model(name);
        Set<String> out = new LinkedHashSet<>();
        Deque<String> frontier = new ArrayDeque<>(List.of(name));
        for (int level = 0; level < depth && !frontier.isEmpty(); level++) {
            Deque<String> next = new ArrayDeque<>();
            for (String n : frontier) {
                for (String e : edges.get(n)) {
                    if (out.add(e)) {
                        next.add(e);
                    }
                }
            }
            frontier = next;
        }
        out.remove(name);
        return out;
    }

    Map<String, Set<String>> upstreamEdges() {
        return upstream;
    }

    Map<String, Set<String>> downstreamEdges() {
        return downstream;
    }

    /** All models, every model after the models it depends on (stable: declaration order breaks ties). */
    public List<Model> topologicalOrder() {
        return order;
    }

    @Override
    public String toString() {
        long edges = upstream.values().stream().mapToLong(Set::size).sum();
        return "Project[" + models.size() + " models, " + edges + " dependencies, " + allSources().size() + " sources]";
    }
}
