package dev.fap.model.internal;

import dev.fap.core.FapException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads model SQL: finds schema-qualified references and expands the {@code {{incremental ...}}}
 * marker and the {@code {this}} placeholder.
 */
public final class SqlText {
    /** Marker opening an incremental-only part of a model's SQL. */
    public static final String INCREMENTAL_OPEN = "{{incremental";
    /** Placeholder for the model's own relation. */
    public static final String THIS = "{this}";

    private static final Pattern REF = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_.\"])\"?(bronze|silver|gold)\"?\\s*\\.\\s*\"?([A-Za-z_][A-Za-z0-9_]*)\"?(?![A-Za-z0-9_\"]|\\s*\\()");

    private SqlText() {}

    /**
     * Relations referenced as {@code schema.name} in bronze, silver or gold, lower-cased, in order of
     * first appearance; comments, string literals and function calls ({@code silver.clean_text(x)})
     * are ignored.
     */
    public static Set<String> references(String sql) {
        String code = stripCommentsAndStrings(sql);
        Set<String> refs = new LinkedHashSet<>();
        Matcher m = REF.matcher(code);
        while (m.find()) {
            refs.add(m.group(1).toLowerCase(Locale.ROOT) + "." + m.group(2).toLowerCase(Locale.ROOT));
        }
        return refs;
    }

    private static final Pattern CREATE = Pattern.compile(
            "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+|materialized\\s+)?(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?"
                    + "\"?(bronze|silver|gold)\"?\\s*\\.\\s*\"?([A-Za-z_][A-Za-z0-9_]*)\"?");

    /** Relations a script creates ({@code create [or replace] [unlogged] table|view [if not exists] schema.name}), lower-cased. */
    public static Set<String> createdRelations(String sql) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CREATE.matcher(stripCommentsAndStrings(sql));
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT) + "." + m.group(2).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** The SQL with comments removed and string literals replaced by {@code ''}. */
    static String stripCommentsAndStrings(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (c == '\'') {
                i++;
                while (i < n) {
                    if (sql.charAt(i) == '\'') {
                        if (i + 1 < n && sql.charAt(i + 1) == '\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i++;
                out.append("''");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int closingBraces(String sql, int from) {
        int i = from;
        while (i < sql.length() - 1) {
            if (sql.charAt(i) == '{' && sql.indexOf('}', i) > 0) {
                i = sql.indexOf('}', i) + 1; // a placeholder such as {this} or {max_batch_id}
            } else if (sql.charAt(i) == '}' && sql.charAt(i + 1) == '}') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** True if the SQL contains an {@code {{incremental ...}}} marker. */
    public static boolean hasIncrementalMarker(String sql) {
        return sql.contains(INCREMENTAL_OPEN);
    }

    /**
     * Expands every {@code {{incremental <content>}}}: to its content when {@code incremental}, else to
     * nothing; then replaces {@code {this}} with {@code self}.
     */
    public static String render(String sql, boolean incremental, String self, String modelName) {
        StringBuilder out = new StringBuilder(sql.length());
        int from = 0;
        while (true) {
            int open = sql.indexOf(INCREMENTAL_OPEN, from);
            if (open < 0) {
                out.append(sql, from, sql.length());
                break;
            }
            int close = closingBraces(sql, open + INCREMENTAL_OPEN.length());
            if (close < 0) {
                throw FapException.invalidArgument("model " + modelName + ": '{{incremental' at offset " + open + " is not closed by '}}'",
                        "write {{incremental <sql>}} around the incremental filter");
            }
            out.append(sql, from, open);
            if (incremental) {
                out.append(' ').append(sql, open + INCREMENTAL_OPEN.length(), close).append(' ');
            }
            from = close + 2;
        }
        return out.toString().replace(THIS, self);
    }
}
