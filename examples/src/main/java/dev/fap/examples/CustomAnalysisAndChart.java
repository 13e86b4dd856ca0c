package dev.fap.examples;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.fap.analytics.stats.TTests;
import dev.fap.analytics.stats.WelchTTestResult;
import dev.fap.core.Database;
import dev.fap.core.FapConfig;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import dev.fap.report.html.ChartSection;
import dev.fap.report.html.HtmlReport;
import dev.fap.report.html.Kpi;
import dev.fap.report.html.ReportFile;
import dev.fap.report.plotly.Axis;
import dev.fap.report.plotly.Box;
import dev.fap.report.plotly.BoxPoints;
import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.Layout;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;

/**
 * An analysis of your own over the gold star schema: are online purchases larger than in-store ones?
 * A jOOQ query fetches approved purchase amounts from {@code gold.fact_transactions}, Welch's t-test
 * from {@code dev.fap.analytics.stats} compares the two channels, and a box plot built with
 * {@code dev.fap.report.plotly} goes into a self-contained, offline HTML report
 * ({@code dev.fap.report.html}).
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests     # once: the CLI jar and the examples
 * java -cp fap-cli/target/fap-cli-0.1.0-SNAPSHOT-all.jar:examples/target/classes dev.fap.examples.CustomAnalysisAndChart
 * # then open fap-out/custom/online_vs_pos.html
 * }</pre>
 */
public final class CustomAnalysisAndChart {
    private CustomAnalysisAndChart() {}

    /**
     * The comparison and where the report went.
     *
     * @param test   Welch's t-test, sample 1 = Online, sample 2 = POS
     * @param report the HTML file
     */
    public record Outcome(WelchTTestResult test, ReportFile report) {}

    public static void main(String[] args) {
        try (Database db = Database.open(FapConfig.load())) {
            DataGenerator.of(DatasetSpec.defaults().withCustomers(200).withTransactions(5_000)).toDatabase(db);
            FapWarehouse.on(db).build().orThrow();
            run(db, Path.of(args.length > 0 ? args[0] : "fap-out/custom/online_vs_pos.html"), System.out);
        }
    }

    /** Runs the analysis on a built warehouse and writes the report to {@code file}. */
    public static Outcome run(Database db, Path file, PrintStream out) {
        Field<String> channel = field(name("channel"), String.class);
        Field<BigDecimal> amount = field(name("purchase_amount"), BigDecimal.class);
        Map<String, List<BigDecimal>> amounts = db.dsl()
                .select(channel, amount)
                .from(table(name("gold", "fact_transactions")))
                .where(field(name("transaction_type"), String.class).eq("Purchase"))
                .and(field(name("is_approved"), Boolean.class).isTrue())
                .and(channel.in("Online", "POS"))
                .fetchGroups(channel, amount);
        double[] online = toArray(amounts.getOrDefault("Online", List.of()));
        double[] pos = toArray(amounts.getOrDefault("POS", List.of()));

        WelchTTestResult t = TTests.welch(online, pos, 0.95);
        out.printf(Locale.ROOT, "Online: n=%d, mean %.2f; POS: n=%d, mean %.2f%n", t.n1(), t.mean1(), t.n2(), t.mean2());
        out.printf(Locale.ROOT, "difference %.2f, 95%% CI [%.2f, %.2f], t=%.3f, df=%.1f, p=%.4g, Hedges' g=%.3f%n",
                t.difference(), t.interval().lower(), t.interval().upper(), t.t(), t.df(), t.pValue(), t.hedgesG());

        Figure figure = Figure.of(
                Layout.titled("Approved purchase amount by channel").withYAxis(Axis.titled("Amount (USD)").withTickPrefix("$")),
                Box.of(boxed(online)).withName("Online").withBoxPoints(BoxPoints.OUTLIERS),
                Box.of(boxed(pos)).withName("POS").withBoxPoints(BoxPoints.OUTLIERS));
        ReportFile report = HtmlReport.titled("Online vs in-store purchases")
                .withQuestion("Are online purchases larger than in-store (POS) ones?")
                .withKpi(Kpi.of("Online purchases", String.format(Locale.ROOT, "%,d", t.n1())))
                .withKpi(Kpi.of("POS purchases", String.format(Locale.ROOT, "%,d", t.n2())))
                .withKpi(Kpi.of("Difference of means", String.format(Locale.ROOT, "$%,.2f", t.difference())))
                .withSection(ChartSection.of("Purchase amounts, Online vs POS", figure)
                        .withMethod(t.method() + ", 95% CI of the difference [" + String.format(Locale.ROOT, "%.2f, %.2f",
                                t.interval().lower(), t.interval().upper()) + "]")
                        .withSampleSize(t.n1() + t.n2())
                        .withPValue(t.method(), t.pValue()))
                .writeTo(file);
        out.println("wrote " + report);
        return new Outcome(t, report);
    }

    private static double[] toArray(List<BigDecimal> values) {
        return values.stream().mapToDouble(BigDecimal::doubleValue).toArray();
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
