package dev.fap.model.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.model.Materialization;
import dev.fap.model.Model;
import dev.fap.model.OnSchemaChange;
import dev.fap.model.Refresh;
import dev.fap.model.Rule;
import dev.fap.model.SnapshotStrategy;
import dev.fap.model.StagingCounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;

/**
 * Builds one model on one connection, in one transaction: the new relation is created beside the
 * live one and published (swapped in, merged, or versioned) at the end, so a failure at any step
 * leaves the previous version untouched.
 */
final class ModelBuilder {
    /** What a build did. */
    record Outcome(long rows, long inserted, long updated, StagingCounts staging, String note) {}

    private static final String NEW_SUFFIX = "__fap_new";
    /** default_statistics_target of the analyze of a new table (the server default is 100). */
    private static final int STATISTICS_TARGET = 10;
    /**
     * The most rows a table model may have for an incremental run to replace them in place instead of swapping a new
     * table in: a few milliseconds of row writes, against the swap's re-creation of every view on the table.
     */
    static final int IN_PLACE_MAX_ROWS = 10_000;
    private static final Set<String> LOAD_COLUMNS = Set.of("_batch_id", "_loaded_at");
    /**
     * Placeholder of incremental staging SQL: the greatest {@code _batch_id} the model has processed (0 if none); in an
     * incremental model's {@code {{incremental ...}}} marker: the greatest {@code _batch_id} in its table.
     */
    static final String MAX_BATCH_ID = "{max_batch_id}";
    /** Memory for the sorts of staging and snapshot builds (set local to their transaction). */
    private static final String WORK_MEM = "128MB";

    private final Model m;
    private final Connection c;
    private final long runId;
    private final Refresh refresh;
    private final Lock publishLock;
    private final Duration lockTimeout;
    private final String rel;

    ModelBuilder(Model m, Connection c, long runId, Refresh refresh, Lock publishLock, Duration lockTimeout) {
        this.m = m;
        this.c = c;
        this.runId = runId;
        this.refresh = refresh;
        this.publishLock = publishLock;
        this.lockTimeout = lockTimeout;
        this.rel = m.relation();
    }

    Outcome build() throws SQLException {
        c.setAutoCommit(false);
        try {
            Outcome o = switch (m.materialization()) {
                case VIEW -> view();
                case TABLE -> table();
                case INCREMENTAL -> incremental();
                case SNAPSHOT -> snapshot();
                case STAGING -> staging();
            };
            return o;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The model's SQL for a full (non-incremental) build. */
    private String fullSql() {
        return SqlText.render(m.sql().text(), false, rel, m.name());
    }

    // ---------------------------------------------------------------- view

    private Outcome view() throws SQLException {
        String sql = fullSql();
        String fingerprint = fingerprint(sql);
        if (refresh == Refresh.INCREMENTAL) {
            if (MetaStore.viewUnchanged(c, rel, fingerprint, documentedAsModel("to_regclass(" + Jdbc.literal(rel) + ")"))) {
                c.rollback();
                return new Outcome(-1, 0, 0, null, "unchanged");
            }
            if (sameLiveView(sql)) {
                Jdbc.exec(c, MetaStore.storeViewStatement(rel, fingerprint, runId));
                c.commit();
                return new Outcome(-1, 0, 0, null, "unchanged");
            }
        }
        publish(new ArrayList<>(List.of("create view " + rel + " as " + sql)), true, List.of(MetaStore.storeViewStatement(rel, fingerprint, runId)));
        return new Outcome(-1, 0, 0, null, "");
    }

    /**
     * A fingerprint of what the engine makes of this view model: the rendered SQL, the description and the column
     * descriptions (SHA-256, hex). The same fingerprint on the same live view (see {@link MetaStore#viewUnchanged})
     * means there is nothing to publish.
     */
    private String fingerprint(String sql) {
        StringBuilder what = new StringBuilder(sql).append('\u0000').append(m.description());
        m.columns().forEach((k, v) -> what.append('\u0000').append(k).append('\u0000').append(v));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(what.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required algorithm of every Java platform", e);
        }
    }

    /**
     * True if the live relation is a view with the definition, description and column comments the
     * model would give it: the new definition is created beside it as a probe (rolled back to a
     * savepoint) and compared with {@code pg_get_viewdef}, so an incremental run leaves an unchanged view
     * (and the views on it) in place instead of dropping and recreating it.
     */
    private boolean sameLiveView(String sql) throws SQLException {
        if (Catalog.relkind(c, m.schema(), m.name()) != 'v') {
            return false;
        }
        String probe = newTable();
        Savepoint beforeProbe = c.setSavepoint();
        Jdbc.exec(c, "create view " + probe + " as " + sql);
        String live = Jdbc.literal(rel) + "::regclass";
        List<String> same = Jdbc.row(c, "select pg_get_viewdef(" + live + ") = pg_get_viewdef(" + Jdbc.literal(probe) + "::regclass)"
                + " and " + documentedAsModel(live));
        c.rollback(beforeProbe);
        return "t".equals(same.get(0));
    }

    /** An SQL condition: the relation {@code live} (an oid expression) has the model's description and column descriptions. */
    private String documentedAsModel(String live) {
        String documented = m.columns().isEmpty() ? "select null::text, null::text where false"
                : "values " + m.columns().entrySet().stream().map(e -> "(" + Jdbc.literal(e.getKey()) + ", " + Jdbc.literal(e.getValue()) + ")")
                        .collect(Collectors.joining(", "));
        return "obj_description(" + live + ", 'pg_class') is not distinct from " + (m.description().isEmpty() ? "null" : Jdbc.literal(m.description()))
                + " and not exists (select 1 from pg_attribute a left join (" + documented + ") d(col, doc) on d.col = a.attname"
                + " where a.attrelid = " + live + " and a.attnum > 0 and not a.attisdropped"
                + " and col_description(a.attrelid, a.attnum) is distinct from d.doc)";
    }

    // ---------------------------------------------------------------- table

    private Outcome table() throws SQLException {
        if (refresh == Refresh.INCREMENTAL) {
            Outcome inPlace = replaceSmallTableInPlace();
            if (inPlace != null) {
                return inPlace;
            }
        }
        long rows = createNewTable(fullSql());
        publishNewTable();
        return new Outcome(rows, rows, 0, null, "");
    }

    /**
     * In an incremental run, a small table (at most {@link #IN_PLACE_MAX_ROWS} rows, as analyzed and as built now) whose
     * columns and types stay the same gets its new rows in place, in this transaction: nothing if they are the rows it
     * holds, else {@code delete} and {@code insert}. Readers see the old rows until the commit, as with a swap; but the
     * table, its indexes and the views on it stay (a swap drops and recreates every dependent view: the five analytics
     * views on the one-row data clock, on every run). Comments and post hooks are applied as after a swap.
     *
     * @return the outcome, or null (transaction rolled back) if the table must be swapped: absent, not a table, too
     *         large, or its columns change
     */
    private Outcome replaceSmallTableInPlace() throws SQLException {
        List<String> live = Jdbc.row(c, "select relkind, reltuples from pg_class where oid = to_regclass(" + Jdbc.literal(rel) + ")");
        if (live.isEmpty() || !"r".equals(live.get(0)) || Double.parseDouble(live.get(1)) > IN_PLACE_MAX_ROWS) {
            return null;
        }
        long rows = Jdbc.exec(c, "create temp table fap_table on commit drop as " + fullSql());
        String columns = "array(select attname || ' ' || format_type(atttypid, atttypmod) from pg_attribute where attrelid = %s"
                + " and attnum > 0 and not attisdropped order by attnum)";
        List<String> same = Jdbc.row(c, "select " + columns.formatted(Jdbc.literal(rel) + "::regclass") + " = "
                + columns.formatted("'pg_temp.fap_table'::regclass") + ", not exists (select to_jsonb(t) from " + rel + " t except all"
                + " select to_jsonb(n) from pg_temp.fap_table n) and not exists (select to_jsonb(n) from pg_temp.fap_table n except all"
                + " select to_jsonb(t) from " + rel + " t)");
        if (rows > IN_PLACE_MAX_ROWS || !"t".equals(same.get(0))) {
            c.rollback();
            return null;
        }
        boolean unchanged = "t".equals(same.get(1));
        List<String> script = new ArrayList<>();
        if (!unchanged) {
            script.add("set local lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            script.add("delete from " + rel);
            script.add("insert into " + rel + " select * from pg_temp.fap_table");
            script.add("set local default_statistics_target = " + STATISTICS_TARGET);
            script.add("analyze " + rel);
        }
        script.addAll(commentStatements(false));
        for (String hook : m.postHooks()) {
            script.add(hook.replace(SqlText.THIS, rel));
        }
        if (!script.isEmpty()) {
            try {
                Jdbc.exec(c, String.join(";\n", script));
            } catch (SQLException e) {
                throw notUnique(e);
            }
        }
        c.commit();
        return new Outcome(rows, unchanged ? 0 : rows, 0, null, unchanged ? "unchanged" : "replaced in place");
    }

    /**
     * Creates {@code <name>__fap_new} from {@code select} with its indexes and statistics, in one round
     * trip; returns its row count.
     */
    private long createNewTable(String select) throws SQLException {
        List<String> script = new ArrayList<>();
        script.add("create table " + newTable() + " as " + select);
        script.addAll(indexStatements(true));
        try {
            return Jdbc.exec(c, String.join(";\n", script));
        } catch (SQLException e) {
            throw notUnique(e);
        }
    }

    /** {@code e}, or a build failure naming the unique key if {@code e} is a unique violation. */
    private SQLException notUnique(SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            throw new FapException(ErrorCode.BUILD_FAILED, "model " + m.name() + ": unique key (" + String.join(", ", m.uniqueKey())
                    + ") is not unique: " + e.getMessage(), "fix the model's SQL so that it returns one row per key, or correct uniqueKey(...)", e);
        }
        return e;
    }

    private String newTable() {
        return m.schema() + "." + m.name() + NEW_SUFFIX;
    }

    /** The new table's indexes (the unique key's first, if {@code withKey}) and {@code analyze}. */
    private List<String> indexStatements(boolean withKey) {
        String tmp = newTable();
        String prefix = m.name() + NEW_SUFFIX;
        List<String> script = new ArrayList<>();
        if (withKey && !m.uniqueKey().isEmpty()) {
            script.add("create unique index " + prefix + "_key on " + tmp + " (" + String.join(", ", m.uniqueKey()) + ")");
        }
        for (int i = 0; i < m.indexes().size(); i++) {
            script.add("create index " + prefix + "_idx" + i + " on " + tmp + " (" + String.join(", ", m.indexes().get(i)) + ")");
        }
        // A sample of 3,000 rows instead of 30,000: the warehouse's plans are the same with 10 most-common values and
        // histogram buckets, and analyze of a 10M-row fact table costs a tenth (only this transaction's analyze).
        script.add("set local default_statistics_target = " + STATISTICS_TARGET);
        script.add("analyze " + tmp);
        return script;
    }

    private void publishNewTable() throws SQLException {
        List<String> put = new ArrayList<>();
        put.add("alter table " + m.schema() + "." + m.name() + NEW_SUFFIX + " rename to " + m.name());
        if (!m.uniqueKey().isEmpty()) {
            put.add("alter index " + m.schema() + "." + m.name() + NEW_SUFFIX + "_key rename to " + m.name() + "_key");
        }
        for (int i = 0; i < m.indexes().size(); i++) {
            put.add("alter index " + m.schema() + "." + m.name() + NEW_SUFFIX + "_idx" + i + " rename to " + m.name() + "_idx" + i);
        }
        publish(put, false, List.of());
    }

    /**
     * Replaces the live relation with the new one (put in place by {@code creation}), recreates
     * dependent views, documents it, runs the post hooks and commits: one catalog query and one script.
     * Serialised within a run so two swaps never recreate the same dependent view at once.
     */
    private void publish(List<String> creation, boolean isView, List<String> bookkeeping) throws SQLException {
        publishLock.lock();
        try {
            List<String> script = Swap.plan(c, m.schema(), m.name(), lockTimeout, creation);
            script.addAll(commentStatements(isView));
            for (String hook : m.postHooks()) {
                script.add(hook.replace(SqlText.THIS, rel));
            }
            script.addAll(bookkeeping);
            Jdbc.exec(c, String.join(";\n", script));
            c.commit();
        } finally {
            publishLock.unlock();
        }
    }

    /** {@code comment on} the relation and on each documented column that exists (checked on the server). */
    private List<String> commentStatements(boolean isView) {
        List<String> out = new ArrayList<>();
        if (!m.description().isEmpty()) {
            out.add("comment on " + (isView ? "view " : "table ") + rel + " is " + Jdbc.literal(m.description()));
        }
        if (!m.columns().isEmpty()) {
            StringBuilder block = new StringBuilder("do $fap$ begin");
            for (Map.Entry<String, String> e : m.columns().entrySet()) {
                block.append(" if exists (select 1 from pg_attribute where attrelid = ").append(Jdbc.literal(rel)).append("::regclass and attname = ")
                        .append(Jdbc.literal(e.getKey())).append(" and not attisdropped) then comment on column ").append(rel).append('.')
                        .append(Catalog.quoteIdent(e.getKey())).append(" is ").append(Jdbc.literal(e.getValue())).append("; end if;");
            }
            out.add(block.append(" end $fap$").toString());
        }
        return out;
    }

    private void comment(boolean isView) throws SQLException {
        for (String sql : commentStatements(isView)) {
            Jdbc.exec(c, sql);
        }
    }

    private void runHooks() throws SQLException {
        for (String hook : m.postHooks()) {
            Jdbc.exec(c, hook.replace(SqlText.THIS, rel));
        }
    }

    // ---------------------------------------------------------------- incremental

    private Outcome incremental() throws SQLException {
        char kind = Catalog.relkind(c, m.schema(), m.name());
        if (refresh == Refresh.FULL || kind != 'r') {
            long rows = createNewTable(fullSql());
            if (m.postHooks().isEmpty()) {
                MetaStore.storeRows(c, rel, newTable(), rows, -1, runId);
            }
            publishNewTable();
            return new Outcome(rows, rows, 0, null, kind == 0 ? "first build" : kind != 'r' ? "rebuilt (was a view)" : "full refresh");
        }
        String text = m.sql().text();
        // without a marker or a filter the SQL returns every row of the model: the merge also deletes the keys it no longer returns
        boolean complete = !SqlText.hasIncrementalMarker(text) && m.incrementalFilter().isEmpty();
        String select;
        if (SqlText.hasIncrementalMarker(text)) {
            select = SqlText.render(text, true, rel, m.name());
            if (select.contains(MAX_BATCH_ID)) {
                // the greatest load batch the table holds, as a literal: the planner then sees how few bronze rows are newer
                select = select.replace(MAX_BATCH_ID, Long.toString(Math.max(0, Jdbc.longValue(c, "select coalesce(max(_batch_id), 0) from " + rel))));
            }
        } else if (m.incrementalFilter().isPresent()) {
            select = "select * from (" + fullSql() + ") _fap_src where " + m.incrementalFilter().get().replace(SqlText.THIS, rel);
        } else {
            select = fullSql();
        }
        Jdbc.exec(c, "create temp table fap_inc on commit drop as " + select);
        List<Catalog.ColumnInfo> src = Catalog.columns(c, "pg_temp", "fap_inc");
        reconcileSchema(src, Catalog.columns(c, m.schema(), m.name()), Set.of());
        requireUniqueKeys("pg_temp.fap_inc");
        List<String> cols = names(src);
        List<String> nonKey = cols.stream().filter(x -> !m.uniqueKey().contains(x)).collect(Collectors.toList());
        String key = String.join(", ", m.uniqueKey());
        String quoted = cols.stream().map(Catalog::quoteIdent).collect(Collectors.joining(", "));
        String action = nonKey.isEmpty() ? "do nothing"
                : "do update set " + nonKey.stream().map(x -> Catalog.quoteIdent(x) + " = excluded." + Catalog.quoteIdent(x))
                        .collect(Collectors.joining(", "))
                + " where (" + nonKey.stream().map(x -> "t." + Catalog.quoteIdent(x)).collect(Collectors.joining(", "))
                + ") is distinct from (" + nonKey.stream().map(x -> "excluded." + Catalog.quoteIdent(x)).collect(Collectors.joining(", ")) + ")";
        if (nonKey.size() == 1) {
            action = action.replace(" where (", " where row(").replace("is distinct from (", "is distinct from row(");
        }
        List<String> counts = Jdbc.row(c, "with up as (insert into " + rel + " as t (" + quoted + ") select " + quoted
                + " from pg_temp.fap_inc on conflict (" + key + ") " + action + " returning (xmax = 0) as ins)"
                + " select count(*) filter (where ins), count(*) filter (where not ins) from up");
        long inserted = Long.parseLong(counts.get(0));
        long updated = Long.parseLong(counts.get(1));
        long deleted = 0;
        if (complete) {
            // rows with a null in the key never match a merged row; they are left as the merge leaves them
            deleted = Jdbc.exec(c, "delete from " + rel + " t where not exists (select 1 from pg_temp.fap_inc s where "
                    + m.uniqueKey().stream().map(k -> "s." + Catalog.quoteIdent(k) + " = t." + Catalog.quoteIdent(k)).collect(Collectors.joining(" and "))
                    + ") and " + m.uniqueKey().stream().map(k -> "t." + Catalog.quoteIdent(k) + " is not null").collect(Collectors.joining(" and ")));
        }
        runHooks();
        long rows = rowsAfterMerge(inserted, deleted);
        c.commit();
        return new Outcome(rows, inserted, updated, null, deleted > 0 ? "incremental, " + deleted + " deleted" : "incremental");
    }

    /**
     * The table's row count after a merge: the count stored by its last build plus the rows inserted minus those
     * deleted (a 1.4M-row snapshot is not counted again for a day's merge), or {@code count(*)} if no count is stored
     * for this table or a post hook may have changed its rows. Stored for the next run, in this transaction.
     */
    private long rowsAfterMerge(long inserted, long deleted) throws SQLException {
        MetaStore.Stored stored = m.postHooks().isEmpty() ? MetaStore.stored(c, rel) : null;
        long rows = stored != null ? stored.rows() + inserted - deleted : Jdbc.longValue(c, "select count(*) from " + rel);
        MetaStore.storeRows(c, rel, rel, rows, -1, runId);
        return rows;
    }

    private void requireUniqueKeys(String table) throws SQLException {
        String key = String.join(", ", m.uniqueKey());
        long dups = Jdbc.longValue(c, "select count(*) from (select 1 from " + table + " group by " + key + " having count(*) > 1) d");
        if (dups > 0) {
            throw new FapException(ErrorCode.BUILD_FAILED, "model " + m.name() + ": " + dups + " value(s) of the unique key (" + key
                    + ") occur more than once in the rows to merge", "make the model's SQL return one row per key");
        }
    }

    /** Applies {@link OnSchemaChange}: fails on removed or re-typed columns, and on new ones unless appending. */
    private void reconcileSchema(List<Catalog.ColumnInfo> source, List<Catalog.ColumnInfo> target, Set<String> engineColumns)
            throws SQLException {
        Map<String, String> tgt = new LinkedHashMap<>();
        for (Catalog.ColumnInfo t : target) {
            if (!engineColumns.contains(t.name())) {
                tgt.put(t.name(), t.type());
            }
        }
        List<Catalog.ColumnInfo> added = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Catalog.ColumnInfo s : source) {
            seen.add(s.name());
            String t = tgt.get(s.name());
            if (t == null) {
                added.add(s);
            } else if (!t.equals(s.type())) {
                problems.add(s.name() + " changed type from " + t + " to " + s.type());
            }
        }
        for (String t : tgt.keySet()) {
            if (!seen.contains(t)) {
                problems.add(t + " is no longer returned");
            }
        }
        if (!added.isEmpty() && m.onSchemaChange() == OnSchemaChange.FAIL) {
            problems.add("new column(s) " + names(added));
        }
        if (!problems.isEmpty()) {
            throw new FapException(ErrorCode.BUILD_FAILED, "model " + m.name() + " (" + m.materialization() + "): the SQL's columns differ from "
                    + rel + ": " + String.join("; ", problems),
                    "rebuild it with a full refresh (--full-refresh, Refresh.FULL)"
                            + (m.materialization() == Materialization.SNAPSHOT ? " after dropping the snapshot table (its history is lost)" : "")
                            + (problems.stream().allMatch(p -> p.startsWith("new column")) ? ", or declare onSchemaChange(OnSchemaChange.APPEND_NEW_COLUMNS)" : ""));
        }
        for (Catalog.ColumnInfo a : added) {
            Jdbc.exec(c, "alter table " + rel + " add column " + Catalog.quoteIdent(a.name()) + " " + a.type());
        }
    }

    private static List<String> names(List<Catalog.ColumnInfo> cols) {
        return cols.stream().map(Catalog.ColumnInfo::name).collect(Collectors.toList());
    }

    // ---------------------------------------------------------------- snapshot

    private Outcome snapshot() throws SQLException {
        SnapshotStrategy st = m.strategy().orElseThrow();
        List<String> key = m.uniqueKey();
        String sk = m.surrogateKey();
        Jdbc.exec(c, "set local work_mem = '" + WORK_MEM + "'");
        Jdbc.exec(c, "create temp table fap_snap_src on commit drop as " + fullSql());
        List<Catalog.ColumnInfo> src = Catalog.columns(c, "pg_temp", "fap_snap_src");
        Set<String> engineCols = Set.of(sk, Model.VALID_FROM, Model.VALID_TO, Model.IS_CURRENT);
        for (Catalog.ColumnInfo ci : src) {
            if (engineCols.contains(ci.name())) {
                throw FapException.invalidArgument("snapshot " + m.name() + ": its SQL returns the column " + ci.name()
                        + ", which the engine maintains", "rename or remove that column in the SQL");
            }
        }
        Set<String> srcNames = new HashSet<>(names(src));
        for (String k : key) {
            if (!srcNames.contains(k)) {
                throw FapException.invalidArgument("snapshot " + m.name() + ": unique key column " + k + " is not returned by its SQL",
                        "return it or fix uniqueKey(...)");
            }
        }
        requireUniqueKeys("pg_temp.fap_snap_src");
        long sourceRows = Jdbc.longValue(c, "select count(*) from pg_temp.fap_snap_src");
        String time; // expression of a version's start time over fap_snap_src aliased s
        String deleteTime;
        if (st.kind() == SnapshotStrategy.Kind.TIMESTAMP) {
            String u = st.updatedAt().orElseThrow();
            if (!srcNames.contains(u)) {
                throw FapException.invalidArgument("snapshot " + m.name() + ": updated-at column " + u + " is not returned by its SQL",
                        "return it or fix SnapshotStrategy.timestamp(...)");
            }
            time = "s." + u;
            deleteTime = "(select max(" + u + ") from pg_temp.fap_snap_src)";
        } else {
            Jdbc.exec(c, "create temp table fap_snap_t on commit drop as select " + st.asOf().orElse("transaction_timestamp()")
                    + " as t from pg_temp.fap_snap_src" + (st.asOf().isPresent() ? "" : " limit 1"));
            time = "(select t from pg_temp.fap_snap_t)";
            deleteTime = time;
        }
        String keyList = String.join(", ", key);
        String hash = "('x' || substr(md5(concat_ws('|', " + key.stream().map(k -> "s." + k + "::text").collect(Collectors.joining(", "))
                + ", extract(epoch from " + time + ")::text)), 1, 16))::bit(64)::bigint";
        char kind = Catalog.relkind(c, m.schema(), m.name());
        if (kind == 0) {
            Jdbc.exec(c, "create table " + rel + " as select " + hash + " as " + sk + ", s.*, " + time + " as " + Model.VALID_FROM
                    + ", case when false then " + time + " end as " + Model.VALID_TO + ", true as " + Model.IS_CURRENT
                    + " from pg_temp.fap_snap_src s");
            Jdbc.exec(c, "create unique index " + m.name() + "_" + sk + " on " + rel + " (" + sk + ")");
            Jdbc.exec(c, "create unique index " + m.name() + "_current on " + rel + " (" + keyList + ") where " + Model.IS_CURRENT);
            int i = 0;
            for (List<String> cols : m.indexes()) {
                Jdbc.exec(c, "create index " + m.name() + "_idx" + (i++) + " on " + rel + " (" + String.join(", ", cols) + ")");
            }
            comment(false);
            runHooks();
            c.commit();
            return new Outcome(sourceRows, sourceRows, 0, null, "first snapshot");
        }
        if (kind != 'r') {
            throw FapException.invalidArgument("snapshot " + m.name() + ": " + rel + " exists but is not a table",
                    "drop it: a snapshot keeps its history in a table");
        }
        reconcileSchema(src, Catalog.columns(c, m.schema(), m.name()), engineCols);
        String join = key.stream().map(k -> "cur." + k + " = s." + k).collect(Collectors.joining(" and "));
        String changed;
        if (st.kind() == SnapshotStrategy.Kind.TIMESTAMP) {
            String u = st.updatedAt().orElseThrow();
            changed = "s." + u + " > cur." + u;
        } else {
            List<String> cmp = st.checkColumns().isEmpty()
                    ? names(src).stream().filter(x -> !key.contains(x) && !LOAD_COLUMNS.contains(x)).collect(Collectors.toList())
                    : st.checkColumns();
            for (String x : cmp) {
                if (!srcNames.contains(x)) {
                    throw FapException.invalidArgument("snapshot " + m.name() + ": check column " + x + " is not returned by its SQL",
                            "return it or fix SnapshotStrategy.check(...)");
                }
            }
            changed = cmp.isEmpty() ? "false"
                    : "row(" + cmp.stream().map(x -> "s." + x).collect(Collectors.joining(", ")) + ") is distinct from row("
                            + cmp.stream().map(x -> "cur." + x).collect(Collectors.joining(", ")) + ")";
        }
        Jdbc.exec(c, "create temp table fap_snap_changes on commit drop as select s.*, " + time + " as _fap_t, " + hash + " as _fap_sk,"
                + " cur." + Model.VALID_FROM + " as _fap_prev_from from pg_temp.fap_snap_src s left join " + rel + " cur on " + join
                + " and cur." + Model.IS_CURRENT + " where cur." + key.get(0) + " is null or " + changed);
        long stale = Jdbc.longValue(c, "select count(*) from pg_temp.fap_snap_changes where _fap_t is null or _fap_t <= _fap_prev_from");
        if (stale > 0) {
            throw new FapException(ErrorCode.BUILD_FAILED, "snapshot " + m.name() + ": " + stale + " changed row(s) would start a version"
                    + " no later than the current one (the snapshot time did not advance or is null)",
                    st.kind() == SnapshotStrategy.Kind.TIMESTAMP ? "make sure the updated-at column moves forward when a row changes"
                            : "use an asOf(...) expression that grows with each load, e.g. max(_loaded_at)");
        }
        String chJoin = key.stream().map(k -> "t." + k + " = ch." + k).collect(Collectors.joining(" and "));
        long closed = Jdbc.exec(c, "update " + rel + " t set " + Model.VALID_TO + " = ch._fap_t, " + Model.IS_CURRENT + " = false"
                + " from pg_temp.fap_snap_changes ch where " + chJoin + " and t." + Model.IS_CURRENT);
        String srcJoin = key.stream().map(k -> "s." + k + " = t." + k).collect(Collectors.joining(" and "));
        long deleted = 0;
        if (sourceRows > 0) {
            deleted = Jdbc.exec(c, "update " + rel + " t set " + Model.VALID_TO + " = " + deleteTime + ", " + Model.IS_CURRENT + " = false"
                    + " where t." + Model.IS_CURRENT + " and not exists (select 1 from pg_temp.fap_snap_src s where " + srcJoin + ")");
        }
        String cols = names(src).stream().map(Catalog::quoteIdent).collect(Collectors.joining(", "));
        long opened = Jdbc.exec(c, "insert into " + rel + " (" + sk + ", " + cols + ", " + Model.VALID_FROM + ", " + Model.VALID_TO + ", "
                + Model.IS_CURRENT + ") select _fap_sk, " + cols + ", _fap_t, null, true from pg_temp.fap_snap_changes");
        runHooks();
        long rows = Jdbc.longValue(c, "select count(*) from " + rel);
        c.commit();
        return new Outcome(rows, opened, closed + deleted, null,
                (opened - closed) + " new, " + closed + " changed, " + deleted + " deleted" + (sourceRows == 0 ? " (empty source: deletes not applied)" : ""));
    }

    // ---------------------------------------------------------------- staging

    /*
     * A full staging build is one CTAS over the model's SQL wrapped in an optimisation fence, so that
     * each cleaning expression runs once per row and each rule once per row over its output; _raw (best
     * the bronze row value) becomes JSON only in the rows that break a rule. Those rows are then moved
     * to the quarantine with one delete ... returning, and the two engine columns are dropped (a
     * catalog change; the live rows hold nulls there). The unique index is built directly: only if it
     * finds a repeated key are the rows of repeated keys ranked and the losers moved to quarantine.
     * The CTAS's select (cleaning, rules, JSON) can run in parallel workers while the leader inserts
     * (see fenced): 1M dirty transactions on a quiet 2-core machine, 16.5 s of one backend before,
     * 8.4 s wall after (leader 4.9 s of 16.3 s CPU).
     * An incremental build runs the same pass over the new batch into a temporary table (JSON for
     * every row: a batch is small) and merges it with silver.
     */
    private Outcome staging() throws SQLException {
        String text = m.sql().text();
        boolean incremental = refresh == Refresh.INCREMENTAL && SqlText.hasIncrementalMarker(text);
        // what the last build stored for the live table (its row count and batch): a stored entry is for this very table
        MetaStore.Stored stored = incremental && m.postHooks().isEmpty() ? MetaStore.stored(c, rel) : null;
        incremental = incremental && (stored != null || Catalog.relkind(c, m.schema(), m.name()) == 'r');
        String maxBatch = "0";
        if (stored != null && stored.maxBatch() >= 0) {
            maxBatch = Long.toString(stored.maxBatch());
        } else if (incremental) {
            maxBatch = Long.toString(Math.max(0, Jdbc.longValue(c, "select greatest((select max(_batch_id) from " + rel + "), (select max(batch_id) from "
                    + Model.QUARANTINE + " where model = " + Jdbc.literal(m.name()) + "))")));
        }
        String sql = SqlText.render(text, incremental, rel, m.name()).replace(MAX_BATCH_ID, maxBatch);
        // the work memory of this transaction; in an incremental run, in the same round trip, whether the quarantine holds
        // rows of earlier batches to examine again (see requeueQuarantined)
        boolean requeue = "t".equals(Jdbc.row(c, "select set_config('work_mem', '" + WORK_MEM + "', true) is not null and " + (incremental
                ? "exists (select 1 from " + Model.QUARANTINE + " where " + requeueCondition(maxBatch) + ")" : "false")).get(0));
        // The column names from an empty result (_raw may be a record, e.g. a subquery's row: the bronze row without its
        // PII columns, which a table column cannot hold; an incremental build then takes the other columns' types)
        List<String> returned = columnNames("select * from (" + sql + ") s");
        Set<String> names = new HashSet<>(returned);
        if (!names.contains(Model.RAW_COLUMN)) {
            throw FapException.invalidArgument("staging model " + m.name() + " returns no " + Model.RAW_COLUMN + " column",
                    "add the original row, e.g. select ..., b as _raw, b._batch_id, b._loaded_at from bronze.x b");
        }
        if (m.uniqueKey().isEmpty()) {
            throw FapException.invalidArgument("staging model " + m.name() + " has no unique key", "declare uniqueKey(...): it de-duplicates the rows");
        }
        for (String k : m.uniqueKey()) {
            if (!names.contains(k)) {
                throw FapException.invalidArgument("staging model " + m.name() + ": unique key column " + k + " is not returned by its SQL",
                        "return it or fix uniqueKey(...)");
            }
            if (k.startsWith(Model.RULE_COLUMN_PREFIX)) {
                throw FapException.invalidArgument("staging model " + m.name() + ": unique key column " + k + " is a rule-only column (prefix "
                        + Model.RULE_COLUMN_PREFIX + "), which the table does not keep", "rename the column or fix uniqueKey(...)");
            }
        }
        if (incremental && !(names.contains("_loaded_at") && names.contains("_batch_id"))) {
            throw FapException.invalidArgument("incremental staging model " + m.name() + " must return _batch_id and _loaded_at",
                    "pass the bronze load columns through: select ..., b._batch_id, b._loaded_at");
        }
        // the table's columns: all but _raw and the rule-only columns
        String keep = returned.stream().filter(x -> !x.equals(Model.RAW_COLUMN) && !x.startsWith(Model.RULE_COLUMN_PREFIX))
                .map(Catalog::quoteIdent).collect(Collectors.joining(", "));
        long reexamined = 0;
        if (requeue) {
            reexamined = requeueQuarantined(maxBatch);
            if (reexamined > 0) {
                sql = "select * from (" + sql + ") _fap_new union all select * from (" + SqlText.render(text, false, rel, m.name())
                        + ") _fap_old where _fap_old._batch_id <= " + maxBatch + " and " + keyText() + " in (select unique_key from pg_temp.fap_requeue)"
                        + " and to_jsonb(_fap_old._raw) in (select raw from pg_temp.fap_requeue)";
            }
        }
        String fenced = fenced(m, sql);
        return incremental ? incrementalStaging(fenced, keep, names, maxBatch, reexamined, stored)
                : fullStaging(fenced, keep, names, SqlText.hasIncrementalMarker(text));
    }

    /**
     * The staging model's rendered {@code sql} with the first rule each row breaks as {@code _fap_rule}, as a
     * subquery {@code _fap_y} fenced twice, so that each expression of the SQL runs once per row and each rule once.
     * The candidate rows carry the model's name as alias, so that a rule's correlated subquery can name the row's
     * columns unambiguously ({@code exists (select 1 from silver.stg_x x where x.key = stg_y.col)}).
     *
     * <p>The fences are written {@code offset '0'} (a bigint constant from the parser), not {@code offset 0}:
     * PostgreSQL 17 decides whether a subquery may run in parallel workers before it folds the int4-to-bigint cast
     * of {@code offset 0}, takes it for a real offset and keeps the subquery and everything above it in one
     * process. With the constant the whole select, cleaning, rules and the JSON of quarantined rows, runs under
     * one Gather when the SQL and the rules are parallel safe (no lateral subquery, no correlated subquery in a
     * rule: see {@link Model#RULE_COLUMN_PREFIX}), and the build's {@code create table ... as select} spreads over
     * the cores while the leader inserts.
     */
    static String fenced(Model m, String sql) {
        String row = Catalog.quoteIdent(m.name());
        return "(select " + row + ".*, " + ruleCase(m) + " as _fap_rule from (select * from (" + sql + ") _fap_m offset '0') "
                + row + " offset '0') _fap_y";
    }

    /**
     * The names of the columns {@code select} returns, in order: described by the server (parse and analysis) without
     * being planned or run. SQL with a {@code ?} (which the driver would take for a parameter, e.g. the jsonb operator)
     * is run with {@code limit 0} instead.
     */
    private List<String> columnNames(String select) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             PreparedStatement ps = select.indexOf('?') < 0 ? c.prepareStatement(select) : null;
             ResultSet rs = ps == null ? st.executeQuery(select + " limit 0") : null) {
            ResultSetMetaData md = ps != null ? ps.getMetaData() : rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnLabel(i));
            }
        }
        return out;
    }

    /**
     * Takes the rows that an earlier run quarantined for breaking a rule (not duplicates; only those with
     * a key) out of the quarantine into pg_temp.fap_requeue, so that this incremental run examines their
     * bronze rows again with the new batch: a rule may pass now that other data arrived (an account
     * delivered again, clean, makes its transactions no longer orphans), as it would in a full build.
     */
    private long requeueQuarantined(String maxBatch) throws SQLException {
        return Jdbc.script(c, "create temp table fap_requeue (unique_key text, batch_id bigint, raw jsonb) on commit drop;\n"
                + "with d as (delete from " + Model.QUARANTINE + " where " + requeueCondition(maxBatch)
                + " returning unique_key, batch_id, raw) insert into pg_temp.fap_requeue select * from d");
    }

    /** The quarantined rows of this model that an incremental run from {@code maxBatch} examines again. */
    private String requeueCondition(String maxBatch) {
        return "model = " + Jdbc.literal(m.name()) + " and rule <> " + Jdbc.literal(Rule.DUPLICATE) + " and unique_key <> '' and batch_id <= " + maxBatch;
    }

    private Outcome fullStaging(String fenced, String keep, Set<String> names, boolean incrementalLater) throws SQLException {
        String tmp = newTable();
        Jdbc.exec(c, "delete from " + Model.QUARANTINE + " where model = " + Jdbc.literal(m.name()));
        long source = Jdbc.exec(c, "create table " + tmp + " as select " + keep + ", _fap_rule,"
                + " case when _fap_rule is not null then to_jsonb(_raw) end as _fap_raw from " + fenced);
        // the greatest batch of every row processed (kept, quarantined or a duplicate): where the next incremental run starts
        long maxBatch = incrementalLater && names.contains("_batch_id") && m.postHooks().isEmpty()
                ? Math.max(0, Jdbc.longValue(c, "select max(_batch_id) from " + tmp)) : -1;
        long quarantined = Jdbc.exec(c, "with bad as (delete from " + tmp + " where _fap_rule is not null returning *) "
                + quarantineInsert("bad", "true", "_fap_rule", "_fap_raw", names));
        Jdbc.exec(c, "alter table " + tmp + " drop column _fap_rule, drop column _fap_raw");
        long duplicates = 0;
        String uniqueIndex = indexStatements(true).get(0);
        Savepoint beforeIndex = c.setSavepoint();
        try {
            Jdbc.exec(c, uniqueIndex);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeIndex);
            duplicates = removeDuplicates(tmp, names);
            Jdbc.exec(c, uniqueIndex);
        }
        Jdbc.exec(c, String.join(";\n", indexStatements(false)));
        long rows = source - quarantined - duplicates;
        StagingCounts counts = new StagingCounts(source, rows, quarantined, duplicates);
        if (maxBatch >= 0) {
            MetaStore.storeRows(c, rel, tmp, rows, maxBatch, runId);
        }
        publishNewTable();
        return new Outcome(rows, rows, 0, counts, "");
    }

    /**
     * Of the rows of each key that occurs more than once in {@code table}, keeps the latest load and moves
     * the others to the quarantine (ties broken by the greater row, so the choice is deterministic);
     * returns how many were moved. Rows with a null key are left alone.
     */
    private long removeDuplicates(String table, Set<String> names) throws SQLException {
        String keyList = String.join(", ", m.uniqueKey());
        String keyNotNull = m.uniqueKey().stream().map(k -> k + " is not null").collect(Collectors.joining(" and "));
        String match = m.uniqueKey().stream().map(k -> "n." + k + " = d." + k).collect(Collectors.joining(" and "));
        String partition = m.uniqueKey().stream().map(k -> "n." + k).collect(Collectors.joining(", "));
        return Jdbc.exec(c, "with dup as (select " + keyList + " from " + table + " where " + keyNotNull + " group by " + keyList
                + " having count(*) > 1), ranked as (select n.ctid as _fap_ctid, row_number() over (partition by " + partition
                + " order by " + loadOrder("n.", names) + "n::text desc) as _fap_rn from " + table + " n join dup d on " + match + "),"
                + " gone as (delete from " + table + " n using ranked r where n.ctid = r._fap_ctid and r._fap_rn > 1 returning n.*) "
                + quarantineInsert("gone", "true", null, "to_jsonb(gone)", names));
    }

    /** {@code _loaded_at desc nulls last, _batch_id desc nulls last, } (those the model returns), columns prefixed. */
    private static String loadOrder(String prefix, Set<String> names) {
        StringBuilder order = new StringBuilder();
        for (String load : List.of("_loaded_at", "_batch_id")) {
            if (names.contains(load)) {
                order.append(prefix).append(load).append(" desc nulls last, ");
            }
        }
        return order.toString();
    }

    private Outcome incrementalStaging(String fenced, String keep, Set<String> names, String maxBatch, long reexamined,
                                       MetaStore.Stored stored) throws SQLException {
        long source = Jdbc.exec(c, "create temp table fap_stg on commit drop as select " + keep + ", _fap_rule, to_jsonb(_raw) as _fap_raw from " + fenced);
        if (source == 0 && reexamined == 0) {
            // nothing new since the last run: silver and the quarantine stay as they are
            long rows = stored != null ? stored.rows() : Jdbc.longValue(c, "select count(*) from " + rel);
            if (stored == null && m.postHooks().isEmpty()) {
                MetaStore.storeRows(c, rel, rel, rows, Long.parseLong(maxBatch), runId);
            }
            c.commit();
            return new Outcome(rows, 0, 0, new StagingCounts(0, 0, 0, 0), "incremental from batch " + maxBatch);
        }
        if (reexamined > 0) {
            long found = Jdbc.longValue(c, "select count(*) from pg_temp.fap_stg where _batch_id <= " + maxBatch);
            if (found != reexamined) {
                throw new FapException(ErrorCode.BUILD_FAILED, "staging model " + m.name() + ": " + reexamined + " quarantined row(s) were to be"
                        + " examined again but " + found + " matching bronze row(s) were found: bronze rows of earlier batches were changed",
                        "rebuild the model with a full refresh (--full-refresh, Refresh.FULL)");
            }
        }
        long quarantined = quarantine("pg_temp.fap_stg", "_fap_rule is not null", "_fap_rule", names);
        String keyList = String.join(", ", m.uniqueKey());
        String keyNotNull = m.uniqueKey().stream().map(k -> k + " is not null").collect(Collectors.joining(" and "));
        // the batch's valid rows meet the rows already in silver, in one pass: ranked like a full build ranks (the cleaned
        // row breaks ties) among themselves, and the winner of a key against its silver row (the later load wins). Both
        // kinds of losers are duplicates, recorded as their cleaned row, as a full build records them. The types of the new
        // rows are those of the kept columns of fap_stg, compared with the silver table's
        List<Catalog.ColumnInfo> cols = Catalog.columns(c, "pg_temp", "fap_stg").stream()
                .filter(x -> !x.name().equals("_fap_rule") && !x.name().equals("_fap_raw")).toList();
        reconcileSchema(cols, Catalog.columns(c, m.schema(), m.name()), Set.of());
        String match = m.uniqueKey().stream().map(k -> "t." + k + " = w." + k).collect(Collectors.joining(" and "));
        // (silver holds a key at most once: the left join adds no row)
        Jdbc.exec(c, "create temp table fap_stg_win on commit drop as select w.*, w._fap_rn > 1 or t.ctid is not null as _fap_dup"
                + " from (select *, case when " + keyNotNull + " then row_number() over (partition by " + keyList + " order by "
                + loadOrder("", names) + "row(" + keep + ")::text desc) else 1 end as _fap_rn from pg_temp.fap_stg where _fap_rule is null) w"
                + " left join " + rel + " t on " + match + " and (t._loaded_at, t._batch_id) >= (w._loaded_at, w._batch_id)");
        long duplicates = Jdbc.exec(c, quarantineInsert("pg_temp.fap_stg_win r", "_fap_dup", null,
                "to_jsonb(r) - '_fap_rule' - '_fap_raw' - '_fap_rn' - '_fap_dup'", names));
        long displaced = Jdbc.exec(c, "with gone as (delete from " + rel + " t using pg_temp.fap_stg_win w where " + match
                + " and not w._fap_dup returning t.*) " + quarantineInsert("gone", "true", null, "to_jsonb(gone)", names));
        duplicates += displaced;
        long inserted = Jdbc.exec(c, "insert into " + rel + " (" + keep + ") select " + keep + " from pg_temp.fap_stg_win where not _fap_dup");
        StagingCounts counts = new StagingCounts(source, inserted - displaced, quarantined, duplicates);
        requireReconciled(counts);
        runHooks();
        long rows;
        if (m.postHooks().isEmpty()) {
            rows = stored != null ? stored.rows() + inserted - displaced : Jdbc.longValue(c, "select count(*) from " + rel);
            MetaStore.storeRows(c, rel, rel, rows, Math.max(Long.parseLong(maxBatch),
                    Jdbc.longValue(c, "select coalesce(max(_batch_id), 0) from pg_temp.fap_stg")), runId);
        } else {
            rows = Jdbc.longValue(c, "select count(*) from " + rel);
        }
        c.commit();
        return new Outcome(rows, inserted, displaced, counts, "incremental from batch " + maxBatch
                + (reexamined > 0 ? ", " + reexamined + " quarantined row(s) examined again" : ""));
    }

    /** The first rule a row breaks (null if none), one case expression over the model's columns. */
    private static String ruleCase(Model m) {
        if (m.rules().isEmpty()) {
            return "null::text";
        }
        StringBuilder ruleCase = new StringBuilder("case");
        for (Rule r : m.rules()) {
            ruleCase.append(" when not coalesce((").append(r.predicate()).append("), false) then ").append(Jdbc.literal(r.name()));
        }
        return ruleCase.append(" end").toString();
    }

    /** Copies the rows of {@code table} matching {@code where} into the quarantine; {@code ruleColumn} null means duplicates. */
    private long quarantine(String table, String where, String ruleColumn, Set<String> names) throws SQLException {
        return Jdbc.exec(c, quarantineInsert(table, where, ruleColumn, "_fap_raw", names));
    }

    /** The insert into the quarantine of the rows of {@code from} matching {@code where}, with {@code raw} as the original row. */
    private String quarantineInsert(String from, String where, String ruleColumn, String raw, Set<String> names) {
        String rule = ruleColumn == null ? Jdbc.literal(Rule.DUPLICATE) : ruleColumn;
        String reason;
        if (ruleColumn == null) {
            reason = duplicateReason();
        } else if (m.rules().isEmpty()) {
            reason = "null::text"; // no rule, so no row to quarantine (and "case x end" would not parse)
        } else {
            StringBuilder r = new StringBuilder("case ").append(ruleColumn);
            for (Rule x : m.rules()) {
                r.append(" when ").append(Jdbc.literal(x.name())).append(" then ").append(Jdbc.literal(x.reason()));
            }
            reason = r.append(" end").toString();
        }
        String batch = names.contains("_batch_id") ? "_batch_id::bigint" : "null::bigint";
        return "insert into " + Model.QUARANTINE + " (model, rule, reason, unique_key, raw, batch_id, run_id, quarantined_at) select "
                + Jdbc.literal(m.name()) + ", " + rule + ", " + reason + ", " + keyText() + ", " + raw + ", " + batch + ", "
                + runId + ", now() from " + from + " where " + where;
    }

    private String keyText() {
        return "concat_ws('|', " + m.uniqueKey().stream().map(k -> k + "::text").collect(Collectors.joining(", ")) + ")";
    }

    private String duplicateReason() {
        return "'duplicate of " + String.join(", ", m.uniqueKey()).replace("'", "''") + " = ' || " + keyText()
                + " || ': a later row (by _loaded_at, _batch_id) was kept'";
    }

    private void requireReconciled(StagingCounts counts) {
        if (!counts.reconciles()) {
            throw new FapException(ErrorCode.BUILD_FAILED, "staging model " + m.name() + " does not reconcile: " + counts,
                    "this is a bug in the engine; please report it with the model's SQL");
        }
    }
}
