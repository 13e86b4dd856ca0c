package dev.fap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A result set as an aligned text table, psql style: a header, a rule, one line per row, numbers
 * right-aligned, {@code NULL} for SQL nulls.
 *
 * <pre>{@code
 * TextTable t = new TextTable(List.of("table", "rows"), List.of(false, true));
 * t.add(List.of("transactions", "50000"));
 * t.render();   //  table        |  rows
 *               // --------------+-------
 *               //  transactions | 50000
 * }</pre>
 */
final class TextTable {
    static final String NULL = "NULL";

    private final List<String> headers;
    private final List<Boolean> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers, List<Boolean> rightAligned) {
        if (headers.size() != rightAligned.size()) {
            throw new IllegalArgumentException("one alignment per column");
        }
        this.headers = List.copyOf(headers);
        this.rightAligned = List.copyOf(rightAligned);
    }

    void add(List<String> row) {
        if (row.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " values, table has " + headers.size() + " columns");
        }
        rows.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
    }

    /** The rows as added (SQL nulls stay null). */
    List<List<String>> rows() {
        return java.util.Collections.unmodifiableList(rows);
    }

    int rowCount() {
        return rows.size();
    }

    String render() {
        int n = headers.size();
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            width[c] = headers.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], oneLine(r.get(c)).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers, width, false);
        for (int c = 0; c < n; c++) {
            sb.append(c == 0 ? "" : "+").append("-".repeat(width[c] + 2));
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r, width, true);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> values, int[] width, boolean align) {
        for (int c = 0; c < values.size(); c++) {
            String v = oneLine(values.get(c));
            String pad = " ".repeat(width[c] - v.length());
            sb.append(c == 0 ? " " : " | ");
            if (align && rightAligned.get(c)) {
                sb.append(pad).append(v);
            } else if (c < values.size() - 1) {
                sb.append(v).append(pad);
            } else {
                sb.append(v);
            }
        }
        sb.append('\n');
    }

    /** Newlines and tabs would break the alignment: shown escaped. */
    private static String oneLine(String value) {
        String v = Objects.requireNonNullElse(value, NULL);
        return v.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
