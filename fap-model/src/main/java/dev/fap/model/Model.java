package dev.fap.model;

import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A model of the warehouse: a SELECT, the relation it becomes and how (its {@link Materialization}),
 * its documentation and its data-quality {@link Check}s. Immutable: every method returns a new model.
 *
 * <pre>{@code
 * Model m = Model.table("dim_merchant", Layer.GOLD)
 *         .sql(Sql.resource("gold/dim_merchant.sql"))
 *         .description("Merchants with geography and risk").tags("dimension")
 *         .uniqueKey("merchant_key")
 *         .column("merchant_key", "surrogate key, stable across rebuilds")
 *         .check(Check.unique("merchant_key")).check(Check.notNull("merchant_id"));
 * }</pre>
 *
 * <h2>Dependencies</h2>
 * Schema-qualified references ({@code silver.stg_x}, {@code gold.dim_y}, {@code bronze.z}) in the SQL,
 * the {@link #rule} predicates, the {@link #incrementalFilter} and the {@link #postHook}s to other
 * models are dependencies (references in checks are not: checks run after the build); references to relations that are not models (e.g. bronze tables)
 * are <em>sources</em>. {@link #dependsOn} adds dependencies the SQL does not show.
 *
 * <h2>Incremental models</h2>
 * An {@link #incremental} model's SQL marks the part that selects only new rows with
 * {@code {{incremental <sql>}}}: on an incremental run the marker is replaced by its content, with
 * {@code {this}} standing for the model's own table and {@code {max_batch_id}} for the greatest {@code _batch_id} in
 * it (a literal, so the planner sees how few bronze rows are newer); on the first run and on a full refresh it is
 * removed. For example:
 * <pre>{@code
 * select ... from silver.stg_transactions t
 * where true {{incremental and t.transaction_ts > (select max(transaction_ts) - interval '3 days' from {this})}}
 * }</pre>
 * Alternatively {@link #incrementalFilter} gives a predicate over the model's output columns that the
 * engine applies around the SQL. The selected rows are merged on {@link #uniqueKey}: existing keys are
 * updated, new keys inserted. An incremental model with neither returns all its rows on every run: the
 * merge then also deletes the keys the SQL no longer returns, so the table equals a full refresh while
 * only changed rows are written (no rebuild, no swap of dependent views). Schema changes follow
 * {@link #onSchemaChange} (default {@link OnSchemaChange#FAIL}).
 *
 * <h2>Snapshots (SCD type 2)</h2>
 * A {@link #snapshot} model's SQL returns the current state, one row per {@link #uniqueKey}. The
 * engine keeps history in its table with the extra columns {@value #VALID_FROM}, {@value #VALID_TO}
 * (null while current), {@value #IS_CURRENT} and a surrogate key ({@link #surrogateKey}, a stable
 * bigint hash of the unique key and {@code valid_from}). Changed rows close the current version and
 * open a new one; keys that disappeared have their current version closed. See {@link SnapshotStrategy}.
 *
 * <h2>Staging models</h2>
 * A {@link #staging} model's SQL returns cleaned candidate rows plus {@code _raw} (the original
 * bronze row: best the row value itself, {@code b}, or a subquery's row that leaves PII out,
 * {@code (select r from (select b.id, b.city) r)}, which the engine converts to {@code jsonb} only for
 * the rows it quarantines; or any json/jsonb expression, which is then computed for every row),
 * {@code _batch_id} and {@code _loaded_at}. The engine wraps the SQL in an
 * optimisation fence, so each of its expressions runs once per row however often the rules name
 * its columns. Rows breaking a
 * {@link #rule} go to {@value #QUARANTINE}; of the valid rows sharing a {@link #uniqueKey} the latest
 * ({@code _loaded_at}, then {@code _batch_id}) is kept and the others are recorded in quarantine under
 * the rule {@code duplicate}, with their cleaned columns as {@code raw} (a duplicate broke no rule; ties
 * are broken by the greater cleaned row, so the choice is deterministic;
 * rows with a null key are not de-duplicated: give such models a rule requiring the key). The table
 * gets the valid rows without {@code _raw} and without the rule-only columns: those whose names start
 * with {@value #RULE_COLUMN_PREFIX}, which the SQL computes for the rules alone (say, a left join's
 * {@code c.customer_id is not null as _rule_customer_known} for the rule {@code _rule_customer_known}:
 * a hash join that runs in parallel workers at any size, where a correlated {@code exists} in a rule
 * keeps the rules in the leader process). The engine asserts
 * source rows = valid + quarantined + duplicates. {@value #QUARANTINE} holds, for each staging model,
 * the rows of its latest full build plus those of the incremental runs since.
 *
 * <p>A staging model becomes incremental by an {@code {{incremental ...}}} marker selecting the new
 * bronze rows, with the placeholder {@code {max_batch_id}} (the greatest {@code _batch_id} the model
 * has already processed, in silver or in quarantine):
 * <pre>{@code
 * select ..., b as _raw, b._batch_id, b._loaded_at from bronze.transactions b
 * where true {{incremental and b._batch_id > {max_batch_id}}}
 * }</pre>
 * On such runs the new rows are validated and de-duplicated among themselves, then meet the rows in
 * silver: per key the later load ({@code _loaded_at}, then {@code _batch_id}) stays in silver and the
 * other is recorded as a duplicate (a displaced silver row is stored with its silver columns as
 * {@code raw}). {@link StagingCounts#valid()} is then the net change of the silver table, so the
 * invariant still holds. The bronze rows of earlier batches that are in quarantine for breaking a rule
 * (and have a key) are examined again with the new batch, because a rule may pass once other data has
 * arrived (an account delivered again, clean, makes its transactions no longer orphans): an
 * incremental run then leaves silver and the quarantine as a full refresh of the same data would. A
 * full refresh rebuilds from all rows.
 */
public final class Model {
    /** SCD2 column: start of a version's validity (inclusive). */
    public static final String VALID_FROM = "valid_from";
    /** SCD2 column: end of a version's validity (exclusive); null (or infinity) while current. */
    public static final String VALID_TO = "valid_to";
    /** SCD2 column: true for the current version of a key. */
    public static final String IS_CURRENT = "is_current";
    /** Default surrogate key column of snapshots. */
    public static final String DEFAULT_SURROGATE_KEY = "scd_key";
    /** Staging column holding the original bronze row. */
    public static final String RAW_COLUMN = "_raw";
    /** Prefix of the staging columns that only the rules read: the table does not keep them. */
    public static final String RULE_COLUMN_PREFIX = "_rule_";
    /** The quarantine table of staging models. */
    public static final String QUARANTINE = "silver.quarantine";

    private final String name;
    private final Layer layer;
    private final Materialization materialization;
    private final Sql sql;
    private final String description;
    private final Set<String> tags;
    private final List<String> uniqueKey;
    private final Map<String, String> columns;
    private final List<Check> checks;
    private final Set<String> dependsOn;
    private final List<Rule> rules;
    private final SnapshotStrategy strategy;
    private final String incrementalFilter;
    private final OnSchemaChange onSchemaChange;
    private final List<List<String>> indexes;
    private final List<String> postHooks;
    private final String surrogateKey;

    private Model(String name, Layer layer, Materialization materialization, Sql sql, String description, Set<String> tags,
                  List<String> uniqueKey, Map<String, String> columns, List<Check> checks, Set<String> dependsOn, List<Rule> rules,
                  SnapshotStrategy strategy, String incrementalFilter, OnSchemaChange onSchemaChange, List<List<String>> indexes,
                  List<String> postHooks, String surrogateKey) {
        this.name = name;
        this.layer = layer;
        this.materialization = materialization;
        this.sql = sql;
        this.description = description;
        this.tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        this.uniqueKey = List.copyOf(uniqueKey);
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.checks = List.copyOf(checks);
        this.dependsOn = Collections.unmodifiableSet(new LinkedHashSet<>(dependsOn));
        this.rules = List.copyOf(rules);
        this.strategy = strategy;
        this.incrementalFilter = incrementalFilter;
        this.onSchemaChange = onSchemaChange;
        this.indexes = List.copyOf(indexes);
        this.postHooks = List.copyOf(postHooks);
        this.surrogateKey = surrogateKey;
    }

    private static Model create(String name, Layer layer, Materialization m) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layer, "layer");
        if (!name.matches("[a-z_][a-z0-9_]{0,49}")) {
            throw FapException.invalidArgument("model name '" + name + "' is not a lower-case SQL identifier of at most 50 characters",
                    "use lower-case letters, digits and underscores, starting with a letter, e.g. dim_customer");
        }
        if (name.endsWith("__fap_new") || name.endsWith("__fap_old")) {
            throw FapException.invalidArgument("model name '" + name + "' uses a suffix reserved by the engine", "choose another name");
        }
        return new Model(name, layer, m, null, "", Set.of(), List.of(), Map.of(), List.of(), Set.of(), List.of(), null, null,
                OnSchemaChange.FAIL, List.of(), List.of(), DEFAULT_SURROGATE_KEY);
    }

    /** A model materialized as a view. */
    public static Model view(String name, Layer layer) {
        return create(name, layer, Materialization.VIEW);
    }

    /** A model materialized as a table, rebuilt and swapped in atomically on every run. */
    public static Model table(String name, Layer layer) {
        return create(name, layer, Materialization.TABLE);
    }

    /** An incremental table merged on its {@link #uniqueKey}; see the class documentation. */
    public static Model incremental(String name, Layer layer) {
        return create(name, layer, Materialization.INCREMENTAL);
    }

    /** An SCD type 2 snapshot keyed on {@link #uniqueKey} with a {@link SnapshotStrategy}. */
    public static Model snapshot(String name, Layer layer) {
        return create(name, layer, Materialization.SNAPSHOT);
    }

    /** A staging model with rules, quarantine and de-duplication on {@link #uniqueKey}. */
    public static Model staging(String name, Layer layer) {
        return create(name, layer, Materialization.STAGING);
    }

    private Model copy(Sql sql, String description, Set<String> tags, List<String> uniqueKey, Map<String, String> columns,
                       List<Check> checks, Set<String> dependsOn, List<Rule> rules, SnapshotStrategy strategy, String incrementalFilter,
                       OnSchemaChange onSchemaChange, List<List<String>> indexes, List<String> postHooks, String surrogateKey) {
        return new Model(name, layer, materialization, sql, description, tags, uniqueKey, columns, checks, dependsOn, rules, strategy,
                incrementalFilter, onSchemaChange, indexes, postHooks, surrogateKey);
    }

    /** The model's SELECT. */
    public Model sql(Sql sql) {
        return copy(Objects.requireNonNull(sql, "sql"), description, tags, uniqueKey, columns, checks, dependsOn, rules, strategy,
                incrementalFilter, onSchemaChange, indexes, postHooks, surrogateKey);
    }

    /** Shortcut for {@code sql(Sql.of(text))}. */
    public Model sql(String text) {
        return sql(Sql.of(text));
    }

    /** What the model holds, one or two sentences (docs, manifest, {@code comment on}). */
    public Model description(String description) {
        return copy(sql, Objects.requireNonNull(description, "description"), tags, uniqueKey, columns, checks, dependsOn, rules,
                strategy, incrementalFilter, onSchemaChange, indexes, postHooks, surrogateKey);
    }

    /** Adds tags, selectable with {@code tag:<name>}. */
    public Model tags(String... tags) {
        Set<String> t = new LinkedHashSet<>(this.tags);
        for (String s : tags) {
            if (!Objects.requireNonNull(s, "tag").matches("[A-Za-z0-9_.-]+")) {
                throw FapException.invalidArgument("tag '" + s + "' has characters other than letters, digits, _ . -", "rename the tag");
            }
            t.add(s);
        }
        return copy(sql, description, t, uniqueKey, columns, checks, dependsOn, rules, strategy, incrementalFilter, onSchemaChange,
                indexes, postHooks, surrogateKey);
    }

    /** The unique key: merge key of incremental models, natural key of snapshots, de-duplication key of staging models. */
    public Model uniqueKey(String column, String... more) {
        List<String> k = new ArrayList<>();
        k.add(Objects.requireNonNull(column, "column"));
        k.addAll(List.of(more));
        return copy(sql, description, tags, k, columns, checks, dependsOn, rules, strategy, incrementalFilter, onSchemaChange,
                indexes, postHooks, surrogateKey);
    }

    /** Documents a column (docs, manifest and {@code comment on column}). */
    public Model column(String column, String description) {
        Map<String, String> c = new LinkedHashMap<>(columns);
        c.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(description, "description"));
        return copy(sql, this.description, tags, uniqueKey, c, checks, dependsOn, rules, strategy, incrementalFilter, onSchemaChange,
                indexes, postHooks, surrogateKey);
    }

    /** Adds a data-quality check. */
    public Model check(Check check) {
        List<Check> c = new ArrayList<>(checks);
        c.add(Objects.requireNonNull(check, "check"));
        return copy(sql, description, tags, uniqueKey, columns, c, dependsOn, rules, strategy, incrementalFilter, onSchemaChange,
                indexes, postHooks, surrogateKey);
    }

    /** Adds dependencies on other models (by name) that the SQL does not reference. */
    public Model dependsOn(String... models) {
        Set<String> d = new LinkedHashSet<>(dependsOn);
        for (String s : models) {
            d.add(Objects.requireNonNull(s, "model"));
        }
        return copy(sql, description, tags, uniqueKey, columns, checks, d, rules, strategy, incrementalFilter, onSchemaChange,
                indexes, postHooks, surrogateKey);
    }

    /** Staging only: a rule every row must satisfy, see {@link Rule}. */
    public Model rule(String name, String predicate, String reason) {
        Rule r = new Rule(name, predicate, reason);
        if (rules.stream().anyMatch(x -> x.name().equals(name))) {
            throw FapException.invalidArgument("model " + this.name + " already has a rule named " + name, "rename one of them");
        }
        List<Rule> l = new ArrayList<>(rules);
        l.add(r);
        return copy(sql, description, tags, uniqueKey, columns, checks, dependsOn, l, strategy, incrementalFilter, onSchemaChange,
                indexes, postHooks, surrogateKey);
    }

    /** Snapshot only: how changes are detected. */
    public Model strategy(SnapshotStrategy strategy) {
        return copy(sql, description, tags, uniqueKey, columns, checks, dependsOn, rules, Objects.requireNonNull(strategy, "strategy"),
                incrementalFilter, onSchemaChange, indexes, postHooks, surrogateKey);
    }

    /**
     * Incremental only: a predicate over the model's output columns selecting the rows to merge, in
     * which {@code {this}} stands for the model's table, e.g.
     * {@code "transaction_ts > (select max(transaction_ts) from {this})"}. An alternative to the
     * {@code {{incremental ...}}} marker in the SQL.
     */
    public Model incrementalFilter(String predicate) {
        return copy(sql, description, tags, uniqueKey, columns, checks, dependsOn, rules, strategy,
                Objects.requireNonNull(predicate, "predicate"), onSchemaChange, indexes, postHooks, surrogateKey);
    }

    /** Incremental and snapshot: what to do when the SQL's columns differ from the table's. */
    public Model onSchemaChange(OnSchemaChange policy) {
        return copy(sql, description, tags, uniqueKey, columns, checks, dependsOn, rules, strategy, incrementalFilter,
                Objects.requireNonNull(policy, "policy"), indexes, postHooks, surrogateKey);
    }

    /** Creates an index on the columns (built on the new table before it is swapped in). */
    public Model index(String column, String... more) {
        List<String> cols = new ArrayList<>();
        cols.add(Objects.requireNonNull(column, "column"));
        cols.addAll(List.of(more));
        List<List<String>> l = new ArrayList<>(indexes);
        l.add(List.copyOf(cols));
        return copy(sql, description, tags, uniqueKey, columns, checks, dependsOn, rules, strategy, incrementalFilter, onSchemaChange,
                l, postHooks, surrogateKey);
    }

    /**
     * A SQL statement run after the model is built, in the transaction that publishes it, with
     * {@code {this}} standing for the new relation (a failure keeps the previous version live).
     */
    public Model postHook(String statement) {
        List<String> l = new ArrayList<>(postHooks);
        l.add(Objects.requireNonNull(statement, "statement"));
        return copy(sql, description, tags, uniqueKey, columns, checks, dependsOn, rules, strategy, incrementalFilter, onSchemaChange,
                indexes, l, surrogateKey);
    }

    /** Snapshot only: the name of the surrogate key column (default {@value #DEFAULT_SURROGATE_KEY}). */
    public Model surrogateKey(String column) {
        return copy(sql, description, tags, uniqueKey, columns, checks, dependsOn, rules, strategy, incrementalFilter, onSchemaChange,
                indexes, postHooks, Objects.requireNonNull(column, "column"));
    }

    public String name() {
        return name;
    }

    public Layer layer() {
        return layer;
    }

    public Materialization materialization() {
        return materialization;
    }

    /** The model's SQL; throws if none was set. */
    public Sql sql() {
        if (sql == null) {
            throw FapException.invalidArgument("model " + name + " has no SQL", "call .sql(Sql.resource(...)) on it");
        }
        return sql;
    }

    /** True when SQL was set. */
    public boolean hasSql() {
        return sql != null;
    }

    public String description() {
        return description;
    }

    public Set<String> tags() {
        return tags;
    }

    public List<String> uniqueKey() {
        return uniqueKey;
    }

    /** Documented columns, in declaration order. */
    public Map<String, String> columns() {
        return columns;
    }

    public List<Check> checks() {
        return checks;
    }

    /** Dependencies declared with {@link #dependsOn} (SQL references are added by {@link Project}). */
    public Set<String> explicitDependencies() {
        return dependsOn;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<SnapshotStrategy> strategy() {
        return Optional.ofNullable(strategy);
    }

    public Optional<String> incrementalFilter() {
        return Optional.ofNullable(incrementalFilter);
    }

    public OnSchemaChange onSchemaChange() {
        return onSchemaChange;
    }

    public List<List<String>> indexes() {
        return indexes;
    }

    public List<String> postHooks() {
        return postHooks;
    }

    public String surrogateKey() {
        return surrogateKey;
    }

    /** The schema, {@link Layer#schema()}. */
    public String schema() {
        return layer.schema();
    }

    /** The qualified relation name, e.g. {@code gold.dim_merchant}. */
    public String relation() {
        return layer.schema() + "." + name;
    }

    /** Whether the relation is stored (everything but {@link Materialization#VIEW}). */
    public boolean isTable() {
        return materialization != Materialization.VIEW;
    }

    @Override
    public String toString() {
        return "Model[" + relation() + ", " + materialization + (tags.isEmpty() ? "" : ", tags=" + tags) + "]";
    }
}
