package dev.fap.cli;

import dev.fap.core.Database;
import dev.fap.core.bronze.BronzeTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fap run}: the main job. Opens the database (embedded unless one is configured), prepares
 * schemas, roles and the bronze tables, runs the pipeline steps and prints a summary; on the way out
 * the embedded PostgreSQL is stopped.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The main job: start the (embedded) PostgreSQL, prepare schemas, roles and bronze tables, "
                + "run the pipeline and print a summary.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    FapCli cli;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        PrintWriter out = cli.out();
        String database;
        WarehouseStatus status;
        try (Database db = cli.openDatabase()) {
            database = db.description() + (db.isEmbedded() ? ", stopped" : "");
            out.println("fap: using " + db.description());
            for (BronzeTable t : BronzeTable.values()) {
                db.dsl().execute(t.createTableSql(Database.BRONZE));
            }
            status = WarehouseStatus.of(db);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        out.printf("%nFAP run finished in %.1f s%n", millis / 1000.0);
        out.printf("  database  %s%n", database);
        out.printf("  server    PostgreSQL %s%n", status.server());
        out.printf("  schemas   %s%n", String.join(", ", status.schemas()));
        out.printf("  roles     %s%n", String.join(", ", status.roles()));
        out.printf("  bronze    %d tables, %,d rows%n", status.bronzeRows().size(), status.totalBronzeRows());
        if (status.totalBronzeRows() > 0) {
            TextTable table = new TextTable(List.of("bronze table", "rows"), List.of(false, true));
            status.bronzeRows().forEach((t, n) -> table.add(List.of(t.tableName(), String.format("%,d", n))));
            out.print(table.render());
        }
        out.flush();
        return 0;
    }
}
