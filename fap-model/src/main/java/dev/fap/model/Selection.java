package dev.fap.model;

import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which models a build or test covers, in dbt's selector syntax. Immutable.
 *
 * <pre>{@code
 * Selection.all()
 * Selection.parse("dim_customer")               // one model
 * Selection.parse("stg_customers+")             // it and everything downstream
 * Selection.parse("+fact_transactions")         // it and everything upstream
 * Selection.parse("1+fact_transactions+2")      // parents, it, children and grandchildren
 * Selection.parse("layer:silver tag:dimension") // union (space or comma separated)
 * Selection.parse("silver")                     // a layer (when no model has that name)
 * Selection.parse("gold").exclude("tag:analytics")
 * }</pre>
 *
 * <p>Terms: a model name, {@code layer:<bronze|silver|gold>} or a bare layer name,
 * {@code tag:<tag>}, {@code materialized:<view|table|incremental|snapshot|staging>}, {@code *};
 * each may carry {@code +} graph operators (with an optional depth) before and after. Unknown names
 * and tags throw a {@link FapException}.
 */
public final class Selection {
    private static final Pattern TERM = Pattern.compile("^(?:(\\d*)\\+)?([^+]+?)(?:\\+(\\d*))?$");

    private final List<Term> include;
    private final List<Term> exclude;
    private final String text;

    private record Term(int up, String kind, String value, int down, String text) {}

    private Selection(List<Term> include, List<Term> exclude, String text) {
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
        this.text = text;
    }

    /** Every model. */
    public static Selection all() {
        return parse("*");
    }

    /** Parses a selector such as {@code "+fact_transactions layer:silver"}; blank means all. */
    public static Selection parse(String selector) {
        Objects.requireNonNull(selector, "selector");
        String s = selector.strip();
        if (s.isEmpty()) {
            s = "*";
        }
        return new Selection(terms(s), List.of(), s);
    }

    /** The union of several selectors, e.g. the values of repeated {@code --select} options. */
    public static Selection of(String... selectors) {
        return parse(String.join(" ", selectors));
    }

    /** This selection minus the models {@code selector} selects. */
    public Selection exclude(String selector) {
        List<Term> ex = new ArrayList<>(exclude);
        ex.addAll(terms(selector.strip()));
        return new Selection(include, ex, text + " --exclude " + selector.strip());
    }

    private static List<Term> terms(String s) {
        List<Term> out = new ArrayList<>();
        for (String raw : s.split("[\\s,]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            Matcher m = TERM.matcher(raw);
            if (!m.matches()) {
                throw FapException.invalidArgument("cannot parse selector term '" + raw + "'",
                        "write e.g. model, +model, model+, 2+model+1, layer:silver, tag:x");
            }
            int up = m.group(1) == null ? 0 : m.group(1).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(1));
            int down = m.group(3) == null ? 0 : m.group(3).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(3));
            String base = m.group(2);
            int colon = base.indexOf(':');
            String kind = colon < 0 ? (base.equals("*") ? "all" : "name") : base.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = colon < 0 ? base : base.substring(colon + 1);
            if (!Set.of("all", "name", "layer", "tag", "materialized").contains(kind)) {
                throw FapException.invalidArgument("unknown selector method '" + kind + ":' in '" + raw + "'",
                        "use layer:, tag: or materialized:");
            }
            out.add(new Term(up, kind, value, down, raw));
        }
        return out;
    }

    /** The selected models of {@code project}, in topological order. */
    public List<Model> resolve(Project project) {
        Set<String> in = names(project, include);
        in.removeAll(names(project, exclude));
        return project.topologicalOrder().stream().filter(m -> in.contains(m.name())).collect(Collectors.toList());
    }

    /** True if this selects every model (no terms other than {@code *}, no excludes). */
    public boolean isAll() {
        return exclude.isEmpty() && include.stream().allMatch(t -> t.kind.equals("all"));
    }

    private static Set<String> names(Project p, List<Term> terms) {
        Set<String> out = new LinkedHashSet<>();
        for (Term t : terms) {
            Set<String> base = base(p, t);
            out.addAll(base);
            for (String n : base) {
                if (t.up > 0) {
                    out.addAll(p.closure(n, p.upstreamEdges(), t.up));
                }
                if (t.down > 0) {
                    out.addAll(p.closure(n, p.downstreamEdges(), t.down));
                }
            }
        }
        return out;
    }

    private static Set<String> base(Project p, Term t) {
        Set<String> out = new LinkedHashSet<>();
        switch (t.kind) {
            case "all" -> out.addAll(p.names());
            case "name" -> {
                if (p.contains(t.value)) {
                    out.add(t.value);
                } else if (isLayer(t.value)) {
                    return base(p, new Term(0, "layer", t.value, 0, t.text));
                } else {
                    p.model(t.value); // throws with a suggestion
                }
            }
            case "layer" -> {
                Layer l = Layer.of(t.value);
                p.models().stream().filter(m -> m.layer() == l).forEach(m -> out.add(m.name()));
            }
            case "tag" -> {
                p.models().stream().filter(m -> m.tags().contains(t.value)).forEach(m -> out.add(m.name()));
                if (out.isEmpty()) {
                    Set<String> tags = new TreeSet<>();
                    p.models().forEach(m -> tags.addAll(m.tags()));
                    throw FapException.invalidArgument("no model has the tag '" + t.value + "'", "known tags: " + tags);
                }
            }
            case "materialized" -> {
                Materialization mat;
                try {
                    mat = Materialization.valueOf(t.value.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw FapException.invalidArgument("unknown materialization '" + t.value + "'",
                            "use view, table, incremental, snapshot or staging");
                }
                p.models().stream().filter(m -> m.materialization() == mat).forEach(m -> out.add(m.name()));
            }
            default -> throw new IllegalStateException(t.kind);
        }
        return out;
    }

    private static boolean isLayer(String s) {
        for (Layer l : Layer.values()) {
            if (l.schema().equalsIgnoreCase(s)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selection s && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The selector text, e.g. {@code +fact_transactions --exclude tag:x}. */
    @Override
    public String toString() {
        return text;
    }
}
