package dev.fap.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.fap.analytics.Analytics;
import dev.fap.analytics.Kpis;
import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.GenerateResult;
import dev.fap.model.BuildAndTestResult;
import dev.fap.model.BuildResult;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;
import dev.fap.model.warehouse.FapWarehouse;
import java.io.PrintStream;
import javax.sql.DataSource;

/**
 * FAP inside an application that already has its own connection pool: {@link Database#wrap} uses the
 * application's {@link DataSource} (FAP neither starts a server nor closes the pool), then the
 * generator, the warehouse and the analytics run on it.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests     # once: the CLI jar and the examples
 * java -cp fap-cli/target/fap-cli-0.1.0-SNAPSHOT-all.jar:examples/target/classes dev.fap.examples.EmbedInYourApplication \
 *     jdbc:postgresql://localhost:5432/app app_user secret
 * }</pre>
 *
 * Without arguments an embedded PostgreSQL stands in for the application's server.
 */
public final class EmbedInYourApplication {
    private EmbedInYourApplication() {}

    /**
     * What FAP did in the application's database.
     *
     * @param generated        rows written to bronze
     * @param build            the silver and gold build
     * @param checks           the data-quality checks
     * @param kpis             headline numbers of the descriptive analysis
     * @param goldTransactions rows of {@code gold.fact_transactions}, read through the application's own pool
     */
    public record Outcome(GenerateResult generated, BuildResult build, TestResult checks, Kpis kpis, long goldTransactions) {}

    public static void main(String[] args) {
        if (args.length > 0) {
            try (HikariDataSource appPool = applicationPool(args[0], args.length > 1 ? args[1] : null,
                    args.length > 2 ? args[2] : null)) {
                run(appPool, System.out);
            }
            return;
        }
        try (Database server = Database.open(FapConfig.load())) {      // stands in for the application's PostgreSQL
            HikariDataSource fapPool = (HikariDataSource) server.dataSource();
            try (HikariDataSource appPool = applicationPool(fapPool.getJdbcUrl(), fapPool.getUsername(), fapPool.getPassword())) {
                run(appPool, System.out);
            }
        }
    }

    /** The application's own pool, configured the way the application likes it. */
    public static HikariDataSource applicationPool(String jdbcUrl, String user, String password) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setPoolName("my-application");
        hc.setMaximumPoolSize(4);
        return new HikariDataSource(hc);
    }

    /** Generates 200 customers / 5,000 transactions into the application's database, builds, tests and analyzes it. */
    public static Outcome run(DataSource applicationDataSource, PrintStream out) {
        Database db = Database.wrap(applicationDataSource);             // creates the FAP schemas if missing
        out.println("FAP on " + db.description());

        GenerateResult generated = DataGenerator.of(DatasetSpec.defaults().withSeed(11).withCustomers(200)
                .withTransactions(5_000)).toDatabase(db);
        out.println("generated " + generated);

        Warehouse warehouse = FapWarehouse.on(db);
        BuildAndTestResult both = warehouse.buildAndTest();             // silver, gold, analytics views, and
        BuildResult build = both.build().orThrow();                    // each model's checks once it is built
        TestResult checks = both.test();
        out.printf("built %d models in %,d ms; checks: %d passed, %d warned, %d failed%n", build.models().size(),
                build.millis(), checks.passed(), checks.warned(), checks.failed());

        Kpis kpis = Analytics.on(db).withSeed(11).descriptive().kpis();
        out.printf("%,d transactions, volume %,.2f, fraud rate %.3f%%, %d active customers%n", kpis.transactions(),
                kpis.volume(), 100 * kpis.fraudRate().proportion(), kpis.activeCustomers());

        long goldRows;
        try (var c = applicationDataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from gold.fact_transactions")) {   // plain JDBC of the application
            rs.next();
            goldRows = rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("reading gold.fact_transactions through the application's pool", e);
        }
        out.printf("gold.fact_transactions holds %,d rows%n", goldRows);
        return new Outcome(generated, build, checks, kpis, goldRows);
    }
}
