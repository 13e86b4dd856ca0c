package dev.fap.cli;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fap sql}: runs SQL against the warehouse and prints each result as an aligned table (or CSV).
 * Several statements separated by {@code ;} run in order, in one transaction that is committed at
 * the end (or rolled back on the first error).
 */
@Command(name = "sql", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run SQL against the warehouse and print the result as a table.",
        footer = {"%nExamples:",
                "  fap sql --data-dir .fap/pgdata \"select customer_segment, count(*) from bronze.customers group by 1\"",
                "  fap sql --file queries/kpis.sql --format csv > kpis.csv"})
final class SqlCommand implements Callable<Integer> {
    private static final Set<Integer> NUMERIC = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL);

    /** Output formats. */
    enum Format { table, csv }

    @ParentCommand
    FapCli cli;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "SQL", description = "The statement(s) to run.")
        String sql;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the SQL from FILE instead.")
        Path file;
    }

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "200",
            description = "Print at most N rows per result (default: ${DEFAULT-VALUE}; 0 = all).")
    int maxRows;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        if (maxRows < 0) {
            throw FapException.invalidArgument("--max-rows must be 0 or more, was " + maxRows, "pass --max-rows 0 for all rows");
        }
        String text = source.file != null ? read(source.file) : source.sql;
        if (text.isBlank()) {
            throw FapException.invalidArgument("no SQL given", "pass a statement, e.g. fap sql \"select 1\"");
        }
        PrintWriter out = cli.out();
        try (Database db = cli.openDatabase()) {
            cli.warnIfTemporary(db);
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                try {
                    if (maxRows > 0) {
                        s.setMaxRows(maxRows + 1);
                    }
                    boolean isResult = s.execute(text);
                    while (true) {
                        if (isResult) {
                            try (ResultSet rs = s.getResultSet()) {
                                print(rs, out);
                            }
                        } else {
                            int count = s.getUpdateCount();
                            if (count < 0) {
                                break;
                            }
                            if (format == Format.table) {
                                out.println("OK, " + count + " row" + (count == 1 ? "" : "s") + " affected");
                            }
                        }
                        isResult = s.getMoreResults();
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new FapException(ErrorCode.DB_ERROR, "SQL failed: " + firstLine(e.getMessage()),
                        "fix the statement; list the tables with: fap sql \"select table_schema, table_name from "
                                + "information_schema.tables where table_schema in ('bronze','silver','gold') order by 1, 2\"", e);
            }
        }
        out.flush();
        return 0;
    }

    private void print(ResultSet rs, PrintWriter out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> names = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add(md.getColumnLabel(i));
            numeric.add(NUMERIC.contains(md.getColumnType(i)));
        }
        TextTable table = new TextTable(names, numeric);
        boolean truncated = false;
        while (rs.next()) {
            if (maxRows > 0 && table.rowCount() == maxRows) {
                truncated = true;
                break;
            }
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
            }
            table.add(row);
        }
        if (format == Format.csv) {
            out.print(Csv.line(names));
            for (List<String> row : table.rows()) {
                out.print(Csv.line(row));
            }
        } else {
            out.print(table.render());
            int rows = table.rowCount();
            out.println(truncated ? "(first " + rows + " rows shown; more with --max-rows)" : "(" + rows + " row" + (rows == 1 ? "" : "s") + ")");
        }
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e, "check the path and its permissions", e);
        }
    }
}
