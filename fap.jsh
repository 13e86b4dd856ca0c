// FAP in JShell: imports the FAP packages and opens a database.
//
//   ./fap --version                     # builds fap-cli/target/fap-cli-0.1.0-SNAPSHOT-all.jar once
//   jshell --class-path fap-cli/target/fap-cli-0.1.0-SNAPSHOT-all.jar fap.jsh
//
// Then `db` is an open Database (an embedded PostgreSQL 17 unless .env / the environment point at
// another one), `gen` a DataGenerator for 200 customers and 5,000 transactions, `wh` the warehouse
// and `analytics` the analyses. Type help() for what to try; /exit stops the database.

// Quiet logging (the CLI jar's slf4j-simple); -R-Dorg.slf4j.simpleLogger.defaultLogLevel=info overrides.
if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
if (System.getProperty("org.slf4j.simpleLogger.log.io.zonky") == null) System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "error");

import java.nio.file.*;
import dev.fap.Fap;
import dev.fap.RunResult;
import dev.fap.WarehouseStatus;
import dev.fap.core.*;
import dev.fap.core.bronze.*;
import dev.fap.generator.*;
import dev.fap.model.BuildOptions;
import dev.fap.model.Selection;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;
import dev.fap.analytics.*;
import dev.fap.analytics.stats.*;
import dev.fap.report.ReportWriter;
import dev.fap.report.html.*;
import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.Layout;
import dev.fap.report.plotly.Bar;
import dev.fap.report.plotly.Scatter;
import org.jooq.impl.DSL;

Database db = Database.open(FapConfig.load());
Runtime.getRuntime().addShutdownHook(new Thread(db::close, "fap-jshell-close"));
DataGenerator gen = DataGenerator.of(DatasetSpec.defaults().withCustomers(200).withTransactions(5_000));
Warehouse wh = FapWarehouse.on(db);
Analytics analytics = Analytics.on(db);

/** Runs SQL and returns the result; JShell prints it as a table. */
org.jooq.Result<org.jooq.Record> sql(String query) { return db.dsl().fetch(query); }

void help() {
    System.out.println(String.join("\n",
        "FAP on " + db.description(),
        "  gen.toDatabase(db)                       generate 200 customers / 5,000 transactions into bronze",
        "  wh.build()                               build silver and gold (then wh.test() for the checks)",
        "  sql(\"select * from gold.descriptive_analytics\")",
        "  analytics.descriptive().kpis()           or .diagnostic(), .predictive(), ... .all()",
        "  TTests.welch(a, b, 0.95)                 statistics on double[] samples",
        "  gen.groundTruth()                        the effects the generator planted",
        "  Fap.configure().withExistingBronze().withOutput(Path.of(\"fap-out\")).run(db)   reports and docs",
        "  /exit                                    leaves JShell and stops the database"));
}

System.out.println("FAP ready: db (" + db.description() + "), gen, wh, analytics, sql(...); help() lists what to try");
